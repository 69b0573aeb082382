package org.mixtree.engine.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.LoudnessMeter;
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
	 * taps.
	 *
	 * @return the number of frames rendered: the end of the longest source
	 * @throws IOException the first failure of a reader or consumer; the message names the file
	 */
	public static long mix(CompiledPlan plan, SourceReader[] readers, int blockSize, int threads, List<Tap> taps,
			RenderProgress progress) throws IOException {
		Tap[] tapArray = taps.toArray(Tap[]::new);
		// one pending copy per tapped bus: consumers write block k while the mixer computes block k+1
		Map<Integer, float[][]> pendingByNode = new HashMap<>();
		float[][][] pending = new float[tapArray.length][][];
		int[] source = new int[tapArray.length];
		for (int i = 0; i < tapArray.length; i++) {
			source[i] = tapArray[i].node();
			pending[i] = pendingByNode.computeIfAbsent(tapArray[i].node(), k -> new float[2][blockSize]);
		}
		int[] distinct = pendingByNode.keySet().stream().mapToInt(Integer::intValue).toArray();
		float[][][] distinctPending = new float[distinct.length][][];
		for (int i = 0; i < distinct.length; i++) {
			distinctPending[i] = pendingByNode.get(distinct[i]);
		}
		PendingWrites writes = new PendingWrites(tapArray, pending);

		try (BlockMixer mixer = new BlockMixer(plan, readers, blockSize, threads)) {
			long total = mixer.length();
			long blocks = (total + blockSize - 1) / blockSize;
			long step = Math.max(1, blocks / 200);
			long block = 0;
			while (mixer.position() < total) {
				if (Thread.interrupted()) {
					throw new InterruptedIOException("render interrupted");
				}
				int n = (int) Math.min(blockSize, total - mixer.position());
				mixer.process(n, writes);
				for (int i = 0; i < distinct.length; i++) {
					float[][] out = mixer.output(distinct[i]);
					System.arraycopy(out[0], 0, distinctPending[i][0], 0, n);
					System.arraycopy(out[1], 0, distinctPending[i][1], 0, n);
				}
				writes.frames = n;
				if (++block % step == 0) {
					progress.progress((double) mixer.position() / total);
				}
			}
			mixer.flush(writes);
			progress.progress(1.0);
			return total;
		}
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
	 * Renders to WAV files: opens every source, mixes, writes the master and the stems, measures loudness and
	 * peak. On any failure every writer is aborted, so no output file (nor stem) is left, and the exception
	 * names the file at fault.
	 */
	public static RenderResult render(CompiledPlan plan, RenderOptions options, RenderProgress progress,
			SourceOpener opener) throws IOException {
		int rate = plan.sampleRate();
		List<SourceReader> opened = new ArrayList<>();
		List<WavWriter> writers = new ArrayList<>();
		boolean done = false;
		try {
			for (int t = 0; t < plan.trackCount(); t++) {
				opened.add(opener.open(plan.source(t), rate));
			}
			List<Path> stems = stemPaths(plan, options.stemsDir());
			LoudnessMeter meter = new LoudnessMeter(2, rate);
			List<Tap> taps = new ArrayList<>();
			taps.add(new Tap(plan.master, (block, n) -> meter.process(block, 0, n)));
			WavWriter master = open(options, options.output(), rate, writers);
			taps.add(new Tap(plan.master, writerTap(master, options.output())));
			for (int s = 0; s < stems.size(); s++) {
				WavWriter w = open(options, stems.get(s), rate, writers);
				taps.add(new Tap(plan.topLevel[s], writerTap(w, stems.get(s))));
			}
			long start = System.nanoTime();
			long frames = mix(plan, opened.toArray(SourceReader[]::new), options.blockSize(), options.threads(), taps,
					progress == null ? RenderProgress.NONE : progress);
			double wall = (System.nanoTime() - start) / 1e9;
			// stems first, master last: the master file appearing means the render is complete
			for (int i = writers.size() - 1; i >= 1; i--) {
				close(writers.get(i), stems.get(i - 1));
			}
			close(master, options.output());
			done = true;
			double duration = (double) frames / rate;
			return new RenderResult(options.output(), stems, frames, rate, duration, wall,
					wall > 0 ? duration / wall : Double.POSITIVE_INFINITY, Decibels.fromGain(meter.samplePeak()),
					meter.integratedLufs());
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

	/** @return one path per top-level bus, {@code <BusName>.wav} in {@code dir}; empty when dir is null */
	static List<Path> stemPaths(CompiledPlan plan, Path dir) throws IOException {
		List<Path> paths = new ArrayList<>();
		if (dir == null) {
			return paths;
		}
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new AudioFileException(dir, "cannot create the stems directory: " + e.getMessage(), e);
		}
		Map<String, String> taken = new HashMap<>();
		for (int bus : plan.topLevel) {
			String label = plan.channel(bus).label();
			String file = stemFileName(plan.channel(bus).name());
			String other = taken.putIfAbsent(file.toLowerCase(java.util.Locale.ROOT), label);
			if (other != null) {
				throw new AudioFileException(dir.resolve(file), "both " + other + " and " + label + " would write this stem");
			}
			paths.add(dir.resolve(file));
		}
		return paths;
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
