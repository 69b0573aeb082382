package org.mixtree.dsp;

/**
 * Triangular-PDF dither of +-1 LSB peak (the sum of two independent uniform values of +-0.5 LSB) for
 * quantising float to {@code bits}-bit integers, with clipping to the integer range. Deterministic for a
 * given seed.
 */
public final class TpdfDither {

	public TpdfDither(int bits, long seed) {
		throw new UnsupportedOperationException("TODO");
	}

	/** @return {@code x} (nominal [-1, 1)) dithered, rounded and clipped to a signed {@code bits}-bit integer */
	public int quantize(float x) {
		throw new UnsupportedOperationException("TODO");
	}
}
