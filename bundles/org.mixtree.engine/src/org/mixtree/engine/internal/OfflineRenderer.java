package org.mixtree.engine.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.LoudnessMeter;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderProgress;
import org.mixtree.engine.RenderResult;

/**
 * Renders a plan offline, faster than real time, from streaming readers: memory is a few blocks per track
 * whatever the length of the session. The master (and optionally each top-level bus) goes block by block to
 * consumers; {@link #render} makes those consumers WAV writers and a loudness meter.
 * <p>
 * Runs on the calling thread plus the mixer's worker pool; one render per instance of the inputs. Not for the
 * real-time path (it opens files).
 */
public final class OfflineRenderer {
	private OfflineRenderer() {
	}

	/**
	 * Receives the blocks of one bus in order. Called on a thread of the mix pool, never twice at once for the
	 * same tap, in the same order as the blocks; the buffer is only valid during the call.
	 */
	@FunctionalInterface
	public interface BlockConsumer {
		void accept(float[][] block, int frames) throws IOException;
	}

	/** A consumer of a bus's output: {@code node} is the bus's node in the plan. */
	public record Tap(int node, BlockConsumer consumer) {
	}

	/**
	 * Mixes the whole plan from {@code readers} (one per track, plan track order; the caller closes them) into the
	 * taps, with the default effect budget.
	 *
	 * @return the number of frames rendered: the end of the longest source plus the effects' tails
	 * @throws IOException the first failure of a reader or consumer; the message names the file
	 */
	public static long mix(CompiledPlan plan, SourceReader[] readers, int blockSize, int threads, List<Tap> taps,
			RenderProgress progress) throws IOException {
		return mix(plan, readers, blockSize, threads, taps, progress,
				org.mixtree.engine.RenderOptions.DEFAULT_EFFECT_BUDGET, null);
	}

	/**
	 * Mixes the whole plan into the taps. The output is aligned with the input timeline: the master path's
	 * latency (plugin delay compensation) is mixed but not delivered at the start, and mixed on at the end; a
	 * tapped bus other than the master is delayed to the master's latency, so every tap lines up. The frames
	 * delivered are the longest source plus the tail of the effects on the way to the master
	 * ({@link BlockMixer#tail()}).
	 *
	 * @param effectBudget an insert's time budget per block, as a multiple of the block's duration (0: none)
	 * @param warnings     receives the mixer's warnings (missing effects, faults), or null
	 * @return the number of frames delivered to each tap
	 * @throws IOException the first failure of a reader or consumer; the message names the file
	 */
	public static long mix(CompiledPlan plan, SourceReader[] readers, int blockSize, int threads, List<Tap> taps,
			RenderProgress progress, double effectBudget, List<String> warnings) throws IOException {
		return mix(plan, readers, blockSize, threads, taps, progress, effectBudget, warnings, Long.MAX_VALUE);
	}

	/**
	 * {@link #mix(CompiledPlan, SourceReader[], int, int, List, RenderProgress, double, List)} that stops after
	 * {@code maxFrames} frames of the timeline: what comes after is not mixed (the frames delivered are the first
	 * {@code maxFrames} of the whole mix, sample for sample).
	 *
	 * @param maxFrames at least 1; {@link Long#MAX_VALUE}: the whole mix with its tail
	 * @return the number of frames delivered to each tap
	 */
	public static long mix(CompiledPlan plan, SourceReader[] readers, int blockSize, int threads, List<Tap> taps,
			RenderProgress progress, double effectBudget, List<String> warnings, long maxFrames) throws IOException {
		return mix(plan, readers, blockSize, threads, taps, progress, effectBudget, warnings, maxFrames, PIPELINE);
	}

	/**
	 * Whether renders pipeline the master ({@link BlockMixer#pipelineMaster}); {@code -Dmixtree.render.pipeline=false}
	 * turns it off, for the benchmark's A/B runs (MIXTREE_JVM_OPTS). The output is the same either way.
	 */
	private static final boolean PIPELINE = !"false".equals(System.getProperty("mixtree.render.pipeline"));

	/**
	 * The render loop. With {@code pipeline} and only master taps, the master's chain runs one block behind the
	 * tracks ({@link BlockMixer#pipelineMaster}): the master chain of block k overlaps the tracks of block k+1 on
	 * the other core instead of running alone at the end of block k; the samples delivered are the same.
	 * {@code false} (tests): the master completes within its block.
	 */
	static long mix(CompiledPlan plan, SourceReader[] readers, int blockSize, int threads, List<Tap> taps,
			RenderProgress progress, double effectBudget, List<String> warnings, long maxFrames, boolean pipeline)
			throws IOException {
		Tap[] tapArray = taps.toArray(Tap[]::new);
		// one pending copy per tapped bus: consumers write block k while the mixer computes block k+1
		Map<Integer, float[][]> pendingByNode = new HashMap<>();
		float[][][] pending = new float[tapArray.length][][];
		for (int i = 0; i < tapArray.length; i++) {
			pending[i] = pendingByNode.computeIfAbsent(tapArray[i].node(), k -> new float[2][blockSize]);
		}
		int[] distinct = pendingByNode.keySet().stream().mapToInt(Integer::intValue).toArray();
		float[][][] distinctPending = new float[distinct.length][][];
		for (int i = 0; i < distinct.length; i++) {
			distinctPending[i] = pendingByNode.get(distinct[i]);
		}
		PendingWrites writes = new PendingWrites(tapArray, pending);

		try (BlockMixer mixer = new BlockMixer(plan, readers, blockSize, threads, RenderMode.OFFLINE, true,
				effectBudget)) {
			long total = Math.min(mixer.length() + mixer.tail(), maxFrames);
			int latency = mixer.latency();
			long end = total + latency;
			DelayLine[] align = new DelayLine[distinct.length];
			float[][][] aligned = new float[distinct.length][][];
			for (int i = 0; i < distinct.length; i++) {
				int d = latency - mixer.tapLatency(distinct[i]);
				if (d > 0) {
					align[i] = new DelayLine(2, d, blockSize);
					aligned[i] = new float[2][blockSize];
				}
			}
			// pipelined: the master's output after block k's process is block k-1's (held: its position and frames)
			boolean pipelined = pipeline && distinct.length == 1 && distinct[0] == plan.master && mixer.pipelineMaster();
			long heldAt = 0;
			int held = 0;
			long blocks = (end + blockSize - 1) / blockSize;
			long step = Math.max(1, blocks / 200);
			long block = 0;
			while (mixer.position() < end) {
				if (Thread.interrupted()) {
					throw new InterruptedIOException("render interrupted");
				}
				long at = mixer.position();
				int n = (int) Math.min(blockSize, end - at);
				mixer.process(n, writes);
				if (!pipelined) {
					deliver(mixer, at, n, latency, distinct, align, aligned, distinctPending, writes);
				} else {
					if (held > 0) {
						deliver(mixer, heldAt, held, latency, distinct, align, aligned, distinctPending, writes);
					}
					heldAt = at;
					held = n;
				}
				if (++block % step == 0) {
					progress.progress((double) mixer.position() / end);
				}
			}
			if (held > 0) {
				// the last block's master chain, beside the writes of the block before it
				mixer.finishMaster(writes);
				deliver(mixer, heldAt, held, latency, distinct, align, aligned, distinctPending, writes);
			}
			mixer.flush(writes);
			if (warnings != null) {
				warnings.addAll(mixer.warnings());
			}
			progress.progress(1.0);
			return total;
		}
	}

	/**
	 * Copies the tapped outputs of the block at timeline frame {@code at} ({@code n} frames) into the pending
	 * buffers that the consumers take during the next phase; frames before the master's latency are the
	 * compensation's run-in and are not delivered.
	 */
	private static void deliver(BlockMixer mixer, long at, int n, int latency, int[] distinct, DelayLine[] align,
			float[][][] aligned, float[][][] distinctPending, PendingWrites writes) {
		int skip = (int) Math.max(0, Math.min(n, latency - at));
		for (int i = 0; i < distinct.length; i++) {
			float[][] out = mixer.output(distinct[i]);
			if (align[i] != null) {
				align[i].process(out, aligned[i], n);
				out = aligned[i];
			}
			System.arraycopy(out[0], skip, distinctPending[i][0], 0, n - skip);
			System.arraycopy(out[1], skip, distinctPending[i][1], 0, n - skip);
		}
		writes.frames = n - skip;
	}

	/**
	 * Finds the first frame whose sample (either channel) exceeds a level, from the sample peak the loudness meter
	 * tracks anyway: while the peak so far stays under the level nothing is scanned; the block in which it first goes
	 * over is searched once, and nothing after. A render that looks for the first over so costs nothing measurable
	 * beside the meter (a separate scan of every master sample cost about 10 % of a one-track render).
	 */
	static final class OverFinder {
		private final double level;
		private long position;
		private long first = -1;

		/** @param dbfs the level; NaN: look for nothing */
		OverFinder(double dbfs) {
			this.level = Double.isNaN(dbfs) ? Double.POSITIVE_INFINITY : Decibels.toGain(dbfs);
		}

		/** @return the first frame over the level, or -1 */
		long first() {
			return first;
		}

		/** Called with each master block in order, after the meter has seen it ({@code peak}: its peak so far). */
		void accept(float[][] block, int frames, double peak) {
			if (first < 0 && peak > level) {
				// the peak went over in this block: every earlier sample was at or under the level
				for (float[] channel : block) {
					for (int i = 0; i < frames; i++) {
						if (Math.abs((double) channel[i]) > level) {
							if (first < 0 || position + i < first) {
								first = position + i;
							}
							break;
						}
					}
				}
			}
			position += frames;
		}
	}

	/** @see Engine#outputLatencies */
	public static Map<String, Integer> outputLatencies(CompiledPlan plan, Map<String, Integer> trackChannels) {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			int channels = trackChannels.getOrDefault(plan.channel(plan.tracks[t]).id(), 2) == 1 ? 1 : 2;
			Path file = plan.source(t).file();
			readers[t] = new SourceReader() {
				@Override
				public Path file() {
					return file;
				}

				@Override
				public int channels() {
					return channels;
				}

				@Override
				public long frames() {
					return 0;
				}

				@Override
				public int read(float[][] dst, int offset, int count) {
					return 0;
				}

				@Override
				public void close() {
					// nothing open
				}
			};
		}
		Map<String, Integer> latencies = new LinkedHashMap<>();
		// the mixer that a render makes does the delay compensation: its numbers are the render's
		try (BlockMixer mixer = new BlockMixer(plan, readers, RenderOptions.DEFAULT_BLOCK_SIZE, 1, RenderMode.OFFLINE,
				true, 0)) {
			for (int k = 0; k < plan.size(); k++) {
				latencies.put(plan.channel(k).id(), mixer.outLatency(k));
			}
		}
		return latencies;
	}

	/** The consumers' work for the previous block, run inside the next block's track phase. */
	private static final class PendingWrites implements BlockMixer.Deferred {
		private final Tap[] taps;
		private final float[][][] pending;
		int frames;

		PendingWrites(Tap[] taps, float[][][] pending) {
			this.taps = taps;
			this.pending = pending;
		}

		@Override
		public int count() {
			return frames > 0 ? taps.length : 0;
		}

		@Override
		public void run(int index) throws IOException {
			taps[index].consumer().accept(pending[index], frames);
		}
	}

	/**
	 * Renders to WAV files: checks every output ({@link Engine#checkOutputs}: refused, nothing is written, not even
	 * the stems folder), opens every source, makes the stems folder, mixes, writes the master and the stems
	 * ({@link StemLayout}: for stems by level the plan is recompiled with each stem's path copied in, and mixed in the
	 * same pass), measures loudness and peak and counts the samples clipped. On any failure every writer is
	 * aborted, so no output file (nor stem) is left, and the exception names the file at fault.
	 */
	public static RenderResult render(CompiledPlan plan, RenderOptions options, RenderProgress progress,
			SourceOpener opener) throws IOException {
		int rate = plan.sampleRate();
		// the one guard of every output, before anything is opened or made
		Engine.checkOutputs(plan, options);
		StemLayout layout = StemLayout.of(plan.description(), options);
		CompiledPlan mixed = plan;
		if (layout.graph() != plan.description()) {
			try {
				mixed = PlanCompiler.compile(layout.graph());
			} catch (org.mixtree.engine.GraphException e) {
				// the plan compiled; its stem paths are copies of what it holds
				throw new IllegalStateException("stems of " + options.stemsDir() + ": " + e.getMessage(), e);
			}
		}
		List<Path> stems = layout.stems().stream().map(StemLayout.Stem::file).toList();
		Path output = options.output();
		List<SourceReader> opened = new ArrayList<>();
		List<WavWriter> writers = new ArrayList<>();
		List<Path> written = new ArrayList<>();
		boolean done = false;
		try {
			for (int t = 0; t < mixed.trackCount(); t++) {
				GraphDescription.Source source = mixed.source(t);
				if (source.isOffline() && !options.allowOffline()) {
					// a bounce without a stem is not the mix: refused before anything is written
					throw new AudioFileException(source.file(), "offline (" + source.offline()
							+ "); relink it, or render with the stem silent (--allow-offline)");
				}
				opened.add(opener.open(source, rate));
			}
			makeStemsDir(options.stemsDir());
			LoudnessMeter meter = new LoudnessMeter(2, rate);
			List<Tap> taps = new ArrayList<>();
			OverFinder over = new OverFinder(options.overDbfs());
			taps.add(new Tap(mixed.master, (block, n) -> {
				meter.process(block, 0, n);
				over.accept(block, n, meter.samplePeak());
			}));
			if (output != null) {
				WavWriter master = open(options, output, rate, writers);
				written.add(output);
				taps.add(new Tap(mixed.master, writerTap(master, output)));
			}
			for (int s = 0; s < stems.size(); s++) {
				WavWriter w = open(options, stems.get(s), rate, writers);
				written.add(stems.get(s));
				taps.add(new Tap(mixed.node(layout.stems().get(s).tapId()), writerTap(w, stems.get(s))));
			}
			long start = System.nanoTime();
			List<String> warnings = new ArrayList<>();
			long frames = mix(mixed, opened.toArray(SourceReader[]::new), options.blockSize(), options.threads(), taps,
					progress == null ? RenderProgress.NONE : progress, options.effectBudget(), warnings,
					options.maxFrames(rate));
			double wall = (System.nanoTime() - start) / 1e9;
			// stems first, master last: the master file appearing means the render is complete
			for (int i = writers.size() - 1; i >= 0; i--) {
				close(writers.get(i), written.get(i));
			}
			done = true;
			double duration = (double) frames / rate;
			Map<Path, Long> clipped = new LinkedHashMap<>();
			for (int i = 0; i < writers.size(); i++) {
				clipped.put(written.get(i), writers.get(i).clippedSamples());
			}
			// a path copy repeats its original's warnings (a missing effect on a bus above a stem): said once
			List<String> once = new ArrayList<>(new java.util.LinkedHashSet<>(warnings));
			return new RenderResult(output, stems, frames, rate, duration, wall,
					wall > 0 ? duration / wall : Double.POSITIVE_INFINITY, Decibels.fromGain(meter.samplePeak()),
					meter.integratedLufs(), once, plan.notes(), clipped, over.first());
		} finally {
			if (!done) {
				for (WavWriter w : writers) {
					w.abort();
				}
			}
			for (SourceReader r : opened) {
				try {
					r.close();
				} catch (IOException | RuntimeException e) {
					// reading is over; a failing close of an input changes nothing in the output
				}
			}
		}
	}

	private static WavWriter open(RenderOptions options, Path target, int rate, List<WavWriter> writers)
			throws IOException {
		try {
			WavWriter w = new WavWriter(target, 2, rate, options.format(), options.ditherSeed());
			writers.add(w);
			return w;
		} catch (AudioFileException e) {
			throw e;
		} catch (IOException e) {
			throw new AudioFileException(target, String.valueOf(e.getMessage()), e);
		}
	}

	private static BlockConsumer writerTap(WavWriter writer, Path target) {
		return (block, n) -> {
			try {
				writer.write(block, 0, n);
			} catch (AudioFileException e) {
				throw e;
			} catch (IOException e) {
				throw new AudioFileException(target, String.valueOf(e.getMessage()), e);
			}
		};
	}

	private static void close(WavWriter writer, Path target) throws IOException {
		try {
			writer.close();
		} catch (AudioFileException e) {
			throw e;
		} catch (IOException e) {
			throw new AudioFileException(target, String.valueOf(e.getMessage()), e);
		}
	}

	/** Makes the stems folder (and those above it) once every output has been accepted; null: none. */
	private static void makeStemsDir(Path dir) throws IOException {
		if (dir == null) {
			return;
		}
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new AudioFileException(dir, "cannot create the stems directory: " + e.getMessage(), e);
		}
	}

	/** A bus name made safe as a file name: path separators and characters Windows refuses become '_'. */
	static String stemFileName(String busName) {
		StringBuilder b = new StringBuilder(busName.length() + 4);
		for (int i = 0; i < busName.length(); i++) {
			char c = busName.charAt(i);
			b.append(c < 32 || "/\\:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
		}
		String name = b.toString().strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "_" + name;
		}
		return name + ".wav";
	}
}
