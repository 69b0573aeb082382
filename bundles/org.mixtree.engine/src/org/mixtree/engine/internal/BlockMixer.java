package org.mixtree.engine.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.mixtree.audio.io.AudioFileException;

/**
 * Mixes a {@link CompiledPlan} block by block. Everything is allocated in the constructor; {@link #process}
 * allocates nothing, takes no lock and touches no file other than through the {@link SourceReader}s.
 * <p>
 * A block is one parallel phase over the plan's chunks ({@link CompiledPlan#chunks}, runs of up to four tracks of
 * one bus) on a small fixed {@link WorkerPool}: each track reads its source into the chunk's scratch buffer and
 * adds its post-fader, panned stereo signal to the chunk's partial sum. Decoding is most of the work, so the
 * tracks, not only the bus sums, are spread over the cores. A bus is summed as soon as its last input is ready, by
 * the thread that finished that input (a per-bus countdown, reset each block), so independent subtrees proceed
 * in parallel, the master is mixed by whoever completes its last input, and there is one barrier per block.
 * Deferred work handed in by the caller (writing and metering the previous block) runs in the same phase, so no
 * core waits for the disk.
 * <p>
 * Every sum starts from +0 and adds in an order fixed by the plan (tracks in a chunk, then a bus's chunks and
 * child buses in description order), whichever thread computed the parts, so the output is bit-identical for any
 * thread count, scheduling and block size. (Skipping a silent input equals adding zeros: from +0, sums of
 * floats never become -0.)
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
	/** Per bus node, stereo: the sum, then (in place) the bus's output after fader and balance. */
	private final float[][][] buffers;
	/** Per bus node: whether {@link #buffers} holds this block's signal (else it is silent and skipped). */
	private final boolean[] active;
	/** Per chunk, stereo: the sum of its tracks' panned signals. */
	private final float[][][] partial;
	/** Per chunk: whether {@link #partial} has anything this block. */
	private final boolean[] chunkActive;
	/** Per chunk: a source's own channels, reused by each track of the chunk in turn. */
	private final float[][][] scratch;
	/** Per node: everything linear from source to output bus, folded (clip gain, polarity, fader, pan). */
	private final float[] gainLeft;
	private final float[] gainRight;
	private final boolean[] stereo;
	private final long[] offset;
	private final long[] length;
	/** Per bus node: inputs (chunks and buses) still to complete in this block. */
	private final AtomicIntegerArray remaining;
	/** Buses without inputs, in processing order: completed before the parallel phase. */
	private final int[] emptyBuses;
	private final WorkerPool pool;
	private final WorkerPool.Task trackPhase = this::chunkTask;

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
		buffers = new float[n][][];
		for (int k = 0; k < n; k++) {
			buffers[k] = plan.isBus[k] ? new float[2][maxBlock] : new float[2][0];
		}
		active = new boolean[n];
		int chunks = plan.chunks.length;
		partial = new float[chunks][2][maxBlock];
		chunkActive = new boolean[chunks];
		scratch = new float[chunks][2][maxBlock];
		gainLeft = new float[n];
		gainRight = new float[n];
		stereo = new boolean[n];
		for (int k = 0; k < n; k++) {
			double g = plan.preGain[k] * plan.fader[k];
			gainLeft[k] = (float) (g * plan.balanceLeft[k]);
			gainRight[k] = (float) (g * plan.balanceRight[k]);
		}
		int tracks = plan.trackCount();
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
			offset[t] = plan.source(t).offsetFrames();
			length[t] = r.frames();
		}
		remaining = new AtomicIntegerArray(n);
		emptyBuses = java.util.stream.IntStream.range(0, n).filter(k -> plan.isBus[k] && plan.items[k].length == 0)
				.toArray();
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

	/** @return the output of bus {@code node} (stereo, valid for the frames of the last block) */
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
		int[][] items = plan.items;
		for (int k = 0; k < items.length; k++) {
			remaining.set(k, items[k].length);
		}
		for (int bus : emptyBuses) {
			mixBus(bus);
			completed(bus);
		}
		// the volatile write that starts the phase publishes the counts to the workers
		pool.run(trackPhase, deferredCount + plan.chunks.length);
		deferred = null;
		position += count;
	}

	/** Runs deferred work without mixing (the tail of a render: the last block's writes). */
	void flush(Deferred work) throws IOException {
		int n = work.count();
		for (int i = 0; i < n; i++) {
			work.run(i);
		}
	}

	private void chunkTask(int index) throws IOException {
		// the deferred tasks (long: metering, encoding) first, so that they do not end a block on one core; their
		// count is the same from the second block on, so a chunk keeps its index and with it its core
		if (index < deferredCount) {
			deferred.run(index);
			return;
		}
		int c = index - deferredCount;
		float[] left = partial[c][0];
		float[] right = partial[c][1];
		Arrays.fill(left, 0, frames, 0f);
		Arrays.fill(right, 0, frames, 0f);
		boolean any = false;
		for (int t : plan.chunks[c]) {
			any |= mixTrack(t, scratch[c], left, right);
		}
		chunkActive[c] = any;
		int bus = plan.chunkOutput[c];
		if (remaining.decrementAndGet(bus) == 0) {
			mixBus(bus);
			completed(bus);
		}
	}

	/**
	 * Bus {@code node} is mixed: counts it off its output bus and mixes that one too when it was the last input,
	 * and so on up. The atomic countdown orders every input's writes before the read of the bus that sums them.
	 */
	private void completed(int node) {
		for (int k = node; k != plan.master;) {
			int parent = plan.output[k];
			if (remaining.decrementAndGet(parent) != 0) {
				return;
			}
			mixBus(parent);
			k = parent;
		}
	}

	/** Reads track {@code t}'s frames of this block and adds them, gained and panned, to {@code left, right}. */
	private boolean mixTrack(int t, float[][] src, float[] left, float[] right) throws IOException {
		int node = plan.tracks[t];
		if (!plan.audible[node] || (gainLeft[node] == 0f && gainRight[node] == 0f)) {
			return false;
		}
		int n = frames;
		long rel = position - offset[t];
		if (rel >= length[t] || rel + n <= 0) {
			return false;
		}
		int start = rel < 0 ? (int) -rel : 0;
		int want = (int) Math.min(n - start, length[t] - (rel + start));
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
		// track inserts go here: scale src by preGain, run the chain in place, then apply fader * pan (next issue)
		float gl = gainLeft[node];
		float gr = gainRight[node];
		float[] inL = src[0];
		float[] inR = stereo[node] ? src[1] : src[0];
		for (int i = start; i < end; i++) {
			left[i] += gl * inL[i];
		}
		for (int i = start; i < end; i++) {
			right[i] += gr * inR[i];
		}
		return got > 0;
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
		for (int item : plan.items[node]) {
			float[][] in;
			if (item >= 0) {
				if (!active[item]) {
					continue;
				}
				in = buffers[item];
			} else {
				if (!chunkActive[-item - 1]) {
					continue;
				}
				in = partial[-item - 1];
			}
			any = true;
			float[] l = in[0];
			float[] r = in[1];
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
