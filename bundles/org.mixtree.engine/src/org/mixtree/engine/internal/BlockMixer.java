package org.mixtree.engine.internal;

import java.io.IOException;
import java.util.Arrays;

import org.mixtree.audio.io.AudioFileException;

/**
 * Mixes a {@link CompiledPlan} block by block. Everything is allocated in the constructor; {@link #process}
 * allocates nothing, takes no lock and touches no file other than through the {@link SourceReader}s.
 * <p>
 * One block is three phases:
 * <ol>
 * <li><b>tracks</b>, in parallel: each track reads its source into its own scratch buffer and writes its
 * post-fader, panned stereo signal into its own buffer. Decoding is most of the work, so this is the phase that
 * needs every core. Deferred work handed in by the caller (writing and metering the previous block) runs here
 * too, so no core waits for the disk;</li>
 * <li><b>buses</b>, in parallel by subtree: each top-level bus's subtree sums its inputs bottom-up;</li>
 * <li><b>master</b>, on the calling thread.</li>
 * </ol>
 * A bus sums its inputs in description order, from +0, whichever thread computed them, so the output is
 * bit-identical for any thread count, scheduling and block size.
 * <p>
 * Per channel the chain is source -> clip gain -> polarity -> inserts -> fader -> pan/balance -> output bus.
 * There are no inserts yet, so the linear factors fold into one per output side ({@link #gainLeft}); the insert
 * chain (next issue) goes between {@link CompiledPlan#preGain} and {@link CompiledPlan#fader}: scale the scratch
 * by the pre-gain, run the chain in place, then apply fader and pan as here.
 * <p>
 * {@link #process} is called by one thread (the render or audio thread). Inaudible tracks are not read at all:
 * the plan of an offline render never changes, and the real-time player will seek its prefetch readers when a
 * new plan makes a track audible.
 */
final class BlockMixer implements AutoCloseable {

	/** Work the caller wants run during the next block's track phase, in parallel with the tracks. */
	interface Deferred {
		/** @return the number of tasks for the coming block (may be 0) */
		int count();

		/** Runs task {@code index}; tasks must be independent of each other. */
		void run(int index) throws IOException;
	}

	private final CompiledPlan plan;
	private final SourceReader[] readers;
	private final int maxBlock;
	/** Per node, stereo: a track's panned output or a bus's sum, then its output after fader and balance. */
	private final float[][][] buffers;
	/** Per track, the source's own channels. */
	private final float[][][] scratch;
	/** Per node: whether {@link #buffers} holds this block's signal (else it is silent and skipped). */
	private final boolean[] active;
	/** Per node: everything linear from source to output bus, folded (clip gain, polarity, fader, pan). */
	private final float[] gainLeft;
	private final float[] gainRight;
	private final boolean[] stereo;
	private final long[] offset;
	private final long[] length;
	private final WorkerPool pool;
	private final WorkerPool.Task trackPhase = this::trackTask;
	private final WorkerPool.Task busPhase = this::groupTask;

	private long position;
	private int frames;
	private Deferred deferred;
	private int deferredCount;

	/**
	 * @param readers one per track, in the plan's track order (description order); owned by the caller
	 * @param threads threads for each block, the caller's included
	 */
	BlockMixer(CompiledPlan plan, SourceReader[] readers, int maxBlock, int threads) {
		this.plan = plan;
		this.readers = readers.clone();
		this.maxBlock = maxBlock;
		int n = plan.size();
		buffers = new float[n][2][maxBlock];
		active = new boolean[n];
		gainLeft = new float[n];
		gainRight = new float[n];
		stereo = new boolean[n];
		for (int k = 0; k < n; k++) {
			double g = plan.preGain[k] * plan.fader[k];
			gainLeft[k] = (float) (g * plan.balanceLeft[k]);
			gainRight[k] = (float) (g * plan.balanceRight[k]);
		}
		int tracks = plan.trackCount();
		scratch = new float[tracks][][];
		offset = new long[tracks];
		length = new long[tracks];
		for (int t = 0; t < tracks; t++) {
			int node = plan.tracks[t];
			SourceReader r = readers[t];
			stereo[node] = r.channels() == 2;
			if (!stereo[node]) {
				double g = plan.preGain[node] * plan.fader[node];
				gainLeft[node] = (float) (g * plan.panLeft[node]);
				gainRight[node] = (float) (g * plan.panRight[node]);
			}
			scratch[t] = new float[r.channels()][maxBlock];
			offset[t] = plan.source(t).offsetFrames();
			length[t] = r.frames();
		}
		pool = new WorkerPool(threads, "mixtree-mix");
	}

	/** @return the frames from the start to the end of the longest source */
	long length() {
		long end = 0;
		for (int t = 0; t < length.length; t++) {
			end = Math.max(end, offset[t] + length[t]);
		}
		return end;
	}

	/** @return the timeline frame of the next block */
	long position() {
		return position;
	}

	/** @return the buffer of {@code node} (stereo, valid for the frames of the last block) */
	float[][] output(int node) {
		return buffers[node];
	}

	/**
	 * Mixes the next {@code count} frames (1 to the block size) and advances; the master and every bus can then be
	 * read through {@link #output} until the next call. Runs {@code work}'s tasks during the track phase.
	 */
	void process(int count, Deferred work) throws IOException {
		if (count < 1 || count > maxBlock) {
			throw new IllegalArgumentException("block of " + count + " frames, maximum " + maxBlock);
		}
		frames = count;
		deferred = work;
		deferredCount = work == null ? 0 : work.count();
		pool.run(trackPhase, deferredCount + plan.tracks.length);
		pool.run(busPhase, plan.groups.length);
		mixBus(plan.master);
		deferred = null;
		position += count;
	}

	/** Runs deferred work without mixing (the tail of a render: the last block's writes). */
	void flush(Deferred work) throws IOException {
		deferred = work;
		deferredCount = work.count();
		pool.run(trackPhase, deferredCount);
		deferred = null;
	}

	private void trackTask(int index) throws IOException {
		if (index < deferredCount) {
			deferred.run(index);
			return;
		}
		int t = index - deferredCount;
		int node = plan.tracks[t];
		active[node] = false;
		if (!plan.audible[node] || (gainLeft[node] == 0f && gainRight[node] == 0f)) {
			return;
		}
		int n = frames;
		long rel = position - offset[t];
		if (rel >= length[t] || rel + n <= 0) {
			return;
		}
		int start = rel < 0 ? (int) -rel : 0;
		int want = (int) Math.min(n - start, length[t] - (rel + start));
		float[][] src = scratch[t];
		SourceReader reader = readers[t];
		int got = 0;
		try {
			while (got < want) {
				int r = reader.read(src, start + got, want - got);
				if (r <= 0) {
					break;
				}
				got += r;
			}
		} catch (AudioFileException e) {
			throw e;
		} catch (IOException e) {
			throw new AudioFileException(reader.file(), String.valueOf(e.getMessage()), e);
		}
		int end = start + got;
		float[] left = buffers[node][0];
		float[] right = buffers[node][1];
		if (start > 0) {
			Arrays.fill(left, 0, start, 0f);
			Arrays.fill(right, 0, start, 0f);
		}
		if (end < n) {
			Arrays.fill(left, end, n, 0f);
			Arrays.fill(right, end, n, 0f);
		}
		float gl = gainLeft[node];
		float gr = gainRight[node];
		float[] inL = src[0];
		float[] inR = stereo[node] ? src[1] : src[0];
		for (int i = start; i < end; i++) {
			left[i] = gl * inL[i];
		}
		for (int i = start; i < end; i++) {
			right[i] = gr * inR[i];
		}
		active[node] = true;
	}

	private void groupTask(int group) {
		for (int bus : plan.groups[group]) {
			mixBus(bus);
		}
	}

	/** Sums a bus's active inputs in their fixed order, then applies polarity, fader and balance in place. */
	private void mixBus(int node) {
		int n = frames;
		float[] left = buffers[node][0];
		float[] right = buffers[node][1];
		Arrays.fill(left, 0, n, 0f);
		Arrays.fill(right, 0, n, 0f);
		active[node] = false;
		if (!plan.audible[node] || (gainLeft[node] == 0f && gainRight[node] == 0f)) {
			return;
		}
		boolean any = false;
		for (int in : plan.inputs[node]) {
			if (!active[in]) {
				continue;
			}
			any = true;
			float[] l = buffers[in][0];
			float[] r = buffers[in][1];
			for (int i = 0; i < n; i++) {
				left[i] += l[i];
			}
			for (int i = 0; i < n; i++) {
				right[i] += r[i];
			}
		}
		if (!any) {
			return;
		}
		// bus inserts go here, on the sum, before the fader (next issue)
		float gl = gainLeft[node];
		float gr = gainRight[node];
		if (gl != 1f) {
			for (int i = 0; i < n; i++) {
				left[i] *= gl;
			}
		}
		if (gr != 1f) {
			for (int i = 0; i < n; i++) {
				right[i] *= gr;
			}
		}
		active[node] = true;
	}

	/** Stops the worker threads. The readers belong to the caller. */
	@Override
	public void close() {
		pool.close();
	}
}
