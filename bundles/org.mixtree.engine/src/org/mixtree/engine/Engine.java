package org.mixtree.engine;

import java.io.IOException;

import org.mixtree.engine.internal.CompiledPlan;
import org.mixtree.engine.internal.FileSourceReader;
import org.mixtree.engine.internal.OfflineRenderer;
import org.mixtree.engine.internal.PlanCompiler;

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
	 * Renders a plan offline to WAV: the master to {@code options.output()} and, with a stems directory, one file
	 * per top-level bus. Blocks the calling thread; mixing uses {@code options.threads()} threads. Files are
	 * written atomically: on failure (unreadable or truncated source, write error, interrupt) nothing is left
	 * at the targets.
	 *
	 * @param progress told the fraction done on the calling thread, or null
	 * @throws java.io.IOException the first failure; an {@link org.mixtree.audio.io.AudioFileException} names the
	 *                             file at fault, {@link java.io.InterruptedIOException} when the thread was
	 *                             interrupted
	 */
	public static RenderResult render(Plan plan, RenderOptions options, RenderProgress progress) throws IOException {
		if (!(plan instanceof CompiledPlan compiled)) {
			throw new IllegalArgumentException("not a plan made by Engine.compile: " + plan);
		}
		return OfflineRenderer.render(compiled, options, progress, FileSourceReader.OPENER);
	}
}
