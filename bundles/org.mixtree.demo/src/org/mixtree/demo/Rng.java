package org.mixtree.demo;

/**
 * Fixed-seed noise (xorshift64*), so that the demo stems are bit-identical on every run and machine;
 * {@code java.util.Random} would do too, but this one is faster and needs no synchronisation.
 */
final class Rng {
	private long state;

	Rng(long seed) {
		long z = (seed + 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
		z ^= z >>> 31;
		state = z == 0 ? 0x2545F4914F6CDD1DL : z;
	}

	/** @return uniform in [-1, 1) */
	float bipolar() {
		long s = state;
		s ^= s >>> 12;
		s ^= s << 25;
		s ^= s >>> 27;
		state = s;
		return ((s * 0x2545F4914F6CDD1DL) >>> 40) * 0x1.0p-23f - 1f;
	}

	/** @return uniform in [0, 1) */
	double unit() {
		return (bipolar() + 1f) * 0.5;
	}
}
