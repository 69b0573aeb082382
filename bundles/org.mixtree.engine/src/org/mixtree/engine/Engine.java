package org.mixtree.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.engine.internal.CompiledPlan;
import org.mixtree.engine.internal.FileSourceReader;
import org.mixtree.engine.internal.OfflineRenderer;
import org.mixtree.engine.internal.PlanCompiler;
import org.mixtree.engine.internal.StemLayout;

/**
 * The engine's entry points for the session binding and the command line. Stateless; every method may be
 * called from any thread except the audio thread (they allocate, and render touches files).
 */
public final class Engine {
	private Engine() {
	}

	/**
	 * Validates a graph description and compiles it into an immutable plan.
	 *
	 * @throws GraphException naming the channel or cycle at fault, in one line
	 */
	public static Plan compile(GraphDescription graph) throws GraphException {
		return PlanCompiler.compile(graph);
	}

	/**
	 * Compiles {@code graph} as a rebuild of {@code previous}: inserts with the same channel id, slot and effect
	 * id keep their processor (and with it a delay's echoes, a compressor's envelope, a reverb's tail); the
	 * others are created from their factories. Effects are created, their state loaded and parameters set here,
	 * off the audio thread. Once the new plan is played the previous one must not be (they share processors).
	 *
	 * @param previous the plan being replaced, or null (then as {@link #compile(GraphDescription)})
	 * @throws GraphException naming the channel or cycle at fault, in one line
	 */
	public static Plan compile(GraphDescription graph, Plan previous) throws GraphException {
		return PlanCompiler.compile(graph, previous instanceof CompiledPlan p ? p : null);
	}

	/**
	 * Every file a render of {@code plan} with {@code options} writes, computed without touching the file system:
	 * the mix first (unless a render of stems by level without a mix file), then the stems: one per top-level bus
	 * ({@code <stemsDir>/<BusName>.wav}, in {@link Plan#topLevelBuses()} order), or the stems by level
	 * ({@link RenderOptions#withStemsByDepth}). A bus name cannot leave the stems folder: separators and {@code ..}
	 * become {@code _}.
	 *
	 * @throws org.mixtree.audio.io.AudioFileException when two buses' names make the same stem file name
	 * @throws IllegalArgumentException                when no bus is at the depth the stems are asked for
	 */
	public static List<OutputGuard.Output> outputs(Plan plan, RenderOptions options) throws IOException {
		compiled(plan);
		List<OutputGuard.Output> all = new ArrayList<>();
		if (options.output() != null) {
			all.add(new OutputGuard.Output(options.output(), "the mix"));
		}
		for (StemLayout.Stem stem : StemLayout.of(plan.description(), options).stems()) {
			all.add(new OutputGuard.Output(stem.file(), stem.role()));
		}
		return all;
	}

	/**
	 * Runs the {@link OutputGuard} over {@link #outputs} as {@link #render} does before it writes anything: no output
	 * may be a file the plan reads ({@link GraphDescription#filesRead()}) or one of {@link RenderOptions#keep()}, or
	 * be written twice, or be named other than WAV. For a caller that wants to refuse before it starts a render.
	 *
	 * @throws OutputGuard.RefusedException naming the output and what it collides with
	 */
	public static void checkOutputs(Plan plan, RenderOptions options) throws IOException {
		Map<Path, String> inputs = new LinkedHashMap<>(plan.description().filesRead());
		inputs.putAll(options.keep());
		OutputGuard.check(outputs(plan, options), inputs);
	}

	/**
	 * Renders a plan offline to WAV: the master to {@code options.output()} and, with a stems directory, one file
	 * per top-level bus or the stems by level ({@link RenderOptions#withStemsByDepth}), in the same pass. Blocks the calling thread; mixing uses {@code options.threads()} threads. First every
	 * output goes through {@link #checkOutputs} (refused: nothing is written, not even the stems folder made);
	 * then the files are written atomically: on failure (unreadable or truncated source, write error, interrupt)
	 * nothing is left at the targets.
	 *
	 * @param progress told the fraction done on the calling thread, or null
	 * @throws java.io.IOException the first failure; an {@link org.mixtree.audio.io.AudioFileException} names the
	 *                             file at fault, {@link java.io.InterruptedIOException} when the thread was
	 *                             interrupted
	 */
	public static RenderResult render(Plan plan, RenderOptions options, RenderProgress progress) throws IOException {
		return OfflineRenderer.render(compiled(plan), options, progress, FileSourceReader.OPENER);
	}

	/**
	 * How far each channel's output lags the timeline, in frames: the delay compensation its subtree adds, as the
	 * renderer computes it (the largest latency of any path into the channel, its own inserts included, bypassed
	 * ones too; the master's is the whole mix's). Prepares the plan's processors as a render would, without opening
	 * a source: a track's channel count comes from {@code trackChannels} (1 or 2, by channel id; missing: 2).
	 * Call with a plan of its own (one not playing), off the audio thread.
	 *
	 * @return output latency by channel id, in processing order
	 */
	public static Map<String, Integer> outputLatencies(Plan plan, Map<String, Integer> trackChannels) {
		return OfflineRenderer.outputLatencies(compiled(plan), trackChannels);
	}

	private static CompiledPlan compiled(Plan plan) {
		if (!(plan instanceof CompiledPlan compiled)) {
			throw new IllegalArgumentException("not a plan made by Engine.compile: " + plan);
		}
		return compiled;
	}
}
