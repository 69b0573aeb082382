package org.mixtree.demo;

/**
 * One sounding event of a stem (a hit, a string, a sung phrase). A voice adds itself into the stem's block
 * and is called for consecutive, gap-free ranges of its lifetime, so it can keep filter and oscillator state.
 */
abstract class Voice {
	/** first frame, absolute */
	final long start;
	/** frames the voice sounds; it must have faded to silence by then */
	final long length;
	/** left (or mono) gain */
	float left = 1;
	/** right gain; unused in a mono stem */
	float right;

	Voice(long start, long length) {
		this.start = start;
		this.length = Math.max(1, length);
	}

	/** Places the voice with the -3 dB constant-power law; a mono stem keeps unity gain. */
	final Voice pan(double p, int channels) {
		if (channels == 1) {
			left = 1;
			right = 0;
		} else {
			double th = (p + 1) * Math.PI / 4;
			left = (float) Math.cos(th);
			right = (float) Math.sin(th);
		}
		return this;
	}

	/**
	 * Adds block frames {@code [from, to)} into {@code out}; {@code local} is the voice's own frame number at
	 * {@code from}. {@code tmp} is scratch of block length.
	 */
	abstract void render(float[][] out, float[] tmp, int from, int to, long local);

	/** Adds {@code tmp[from, to)} into the output with the voice's pan. */
	final void emit(float[][] out, float[] tmp, int from, int to) {
		float[] l = out[0];
		float gl = left;
		for (int i = from; i < to; i++) {
			l[i] += tmp[i] * gl;
		}
		if (out.length > 1) {
			float[] r = out[1];
			float gr = right;
			for (int i = from; i < to; i++) {
				r[i] += tmp[i] * gr;
			}
		}
	}

	/** Linear fade over the last {@code fade} frames so that no voice ends with a click. */
	final void fadeTail(float[] tmp, int from, int to, long local, int fade) {
		long tailStart = length - fade;
		if (local + (to - from) <= tailStart) {
			return;
		}
		float inv = 1f / fade;
		for (int i = from; i < to; i++) {
			long rest = length - (local + i - from);
			if (rest < fade) {
				tmp[i] *= rest * inv;
			}
		}
	}
}
