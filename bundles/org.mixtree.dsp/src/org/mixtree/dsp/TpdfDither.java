package org.mixtree.dsp;

/**
 * Triangular-PDF dither of +-1 LSB peak (the sum of two independent uniform values of +-0.5 LSB) for
 * quantising float to {@code bits}-bit integers, with clipping to the integer range. Deterministic for a
 * given seed.
 * <p>
 * TPDF of 2 LSB peak-to-peak is the smallest dither that makes both the mean and the variance of the
 * quantisation error independent of the signal (no noise modulation, no truncation distortion); the total
 * error then has a variance of 1/4 LSB squared. The noise source is xorshift64* (Vigna): fast, allocation
 * free and with a period of 2^64 - 1, far more than any render needs; it is not cryptographic and need not be.
 * <p>
 * Not thread-safe: one instance belongs to one writer thread. {@link #quantize} allocates nothing.
 */
public final class TpdfDither {

	/** 2^-53: turns the top 53 bits of a random long into a double in [0, 1). */
	private static final double UNIT = 0x1.0p-53;

	private final double scale;
	private final double max;
	private final double min;
	private long state;
	private long clipped;

	/**
	 * @param bits word length of the target integer, 2 to 32
	 * @param seed any value; equal seeds give equal output (a zero seed is as good as any other)
	 */
	public TpdfDither(int bits, long seed) {
		if (bits < 2 || bits > 32) {
			throw new IllegalArgumentException("bits must be 2 to 32: " + bits);
		}
		scale = Math.scalb(1.0, bits - 1);
		max = scale - 1;
		min = -scale;
		// xorshift needs a non-zero state; splitmix64 spreads similar seeds (0, 1, 2...) far apart
		long z = seed + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		z ^= z >>> 31;
		state = z == 0 ? 0x2545F4914F6CDD1DL : z;
	}

	/** @return {@code x} (nominal [-1, 1)) dithered, rounded and clipped to a signed {@code bits}-bit integer */
	public int quantize(float x) {
		double v = x * scale + (nextUniform() + nextUniform());
		double r = Math.floor(v + 0.5);
		if (r > max) {
			clipped++;
			return (int) max;
		}
		if (r < min) {
			clipped++;
			return (int) min;
		}
		return (int) r; // NaN lands here and becomes 0
	}

	/**
	 * @return how many values {@link #quantize} clipped so far: those whose dithered, rounded value fell outside the
	 *         integer range (a value within 1 LSB of full scale may or may not, as the dither falls)
	 */
	public long clipped() {
		return clipped;
	}

	/** @return a uniform value in [-0.5, 0.5) */
	private double nextUniform() {
		long s = state;
		s ^= s >>> 12;
		s ^= s << 25;
		s ^= s >>> 27;
		state = s;
		return ((s * 0x2545F4914F6CDD1DL) >>> 11) * UNIT - 0.5;
	}
}
