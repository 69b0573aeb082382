package org.mixtree.engine.internal;

/**
 * A fixed delay of a few channels, for plugin delay compensation and for the latency a bypassed insert keeps.
 * The ring is allocated in the constructor ({@code delay + maxBlock} frames per channel) and starts silent;
 * {@link #process} allocates nothing. Used by one thread at a time (the mixer's per-block barrier orders the
 * calls from different workers).
 */
final class DelayLine {

	private final int delay;
	private final float[][] ring;
	private final int size;
	private int write;

	DelayLine(int channels, int delay, int maxBlock) {
		this.delay = delay;
		this.size = delay + maxBlock;
		this.ring = new float[channels][delay == 0 ? 0 : size];
	}

	int delay() {
		return delay;
	}

	/** Delays {@code buf[ch][0 .. n)} in place (channels beyond the line's are left alone). */
	void process(float[][] buf, int n) {
		process(buf, buf, n);
	}

	/**
	 * Writes {@code in[ch][0 .. n)} into the line and {@code out[ch][0 .. n)} with the input {@link #delay()}
	 * frames ago; {@code in} and {@code out} may be the same arrays.
	 */
	void process(float[][] in, float[][] out, int n) {
		int channels = ring.length;
		if (delay == 0) {
			if (in != out) {
				for (int c = 0; c < channels; c++) {
					System.arraycopy(in[c], 0, out[c], 0, n);
				}
			}
			return;
		}
		int w = write;
		int r = w - delay;
		if (r < 0) {
			r += size;
		}
		for (int c = 0; c < channels; c++) {
			float[] line = ring[c];
			// write first: when the block is longer than the delay, the end of the output is this block's start;
			// a ring of delay + maxBlock frames never overwrites a frame still to be read
			copyIn(in[c], line, w, n);
			copyOut(line, r, out[c], n);
		}
		w += n;
		write = w >= size ? w - size : w;
	}

	private void copyIn(float[] src, float[] line, int at, int n) {
		int first = Math.min(n, size - at);
		System.arraycopy(src, 0, line, at, first);
		System.arraycopy(src, first, line, 0, n - first);
	}

	private void copyOut(float[] line, int at, float[] dst, int n) {
		int first = Math.min(n, size - at);
		System.arraycopy(line, at, dst, 0, first);
		System.arraycopy(line, 0, dst, first, n - first);
	}

	/**
	 * [audio, between blocks] Takes over {@code other}'s contents and position when it has the same delay, channels
	 * and size (a line of the next plan taking over from the same line of the plan it replaces); else does
	 * nothing. Allocates nothing.
	 *
	 * @return whether it did
	 */
	boolean copyFrom(DelayLine other) {
		if (other.delay != delay || other.size != size || other.ring.length != ring.length || delay == 0) {
			return false;
		}
		for (int c = 0; c < ring.length; c++) {
			System.arraycopy(other.ring[c], 0, ring[c], 0, size);
		}
		write = other.write;
		return true;
	}
}
