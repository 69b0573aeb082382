package org.mixtree.dsp;

/**
 * Flushing of tiny values to zero by hand. Java offers no FTZ/DAZ mode, and a recursive filter ringing down to
 * silence passes through subnormal numbers, which cost the CPU up to a hundred times a normal multiply; feedback
 * state is therefore flushed once per block.
 * <p>
 * The threshold, 1e-30 (-600 dB), is far below any float audio signal (24-bit LSB is 6e-8) and far above the
 * smallest normal float (1.2e-38), so what survives it stays normal even after a gain of -160 dB.
 */
public final class Denormals {
	/** Magnitudes below this are silence. */
	public static final double THRESHOLD = 1e-30;

	private Denormals() {
	}

	/** @return {@code x}, or 0 when {@code |x| < THRESHOLD} */
	public static double flush(double x) {
		return Math.abs(x) < THRESHOLD ? 0.0 : x;
	}

	/** @return {@code x}, or 0 when {@code |x| < THRESHOLD} */
	public static float flush(float x) {
		return Math.abs(x) < THRESHOLD ? 0f : x;
	}

	/** Flushes {@code buf[offset .. offset + count)} in place; allocates nothing. */
	public static void flush(float[] buf, int offset, int count) {
		for (int i = offset; i < offset + count; i++) {
			if (Math.abs(buf[i]) < THRESHOLD) {
				buf[i] = 0f;
			}
		}
	}
}
