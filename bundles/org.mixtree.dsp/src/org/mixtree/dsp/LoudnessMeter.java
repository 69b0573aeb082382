package org.mixtree.dsp;

/**
 * Integrated loudness per ITU-R BS.1770-4 / EBU R128 (K-weighting, 400 ms blocks with 75 % overlap,
 * absolute gate -70 LUFS, relative gate -10 LU) and sample peak, fed block by block.
 */
public final class LoudnessMeter {

	/** @param channels 1 or 2 (left, right; weight 1.0 each) */
	public LoudnessMeter(int channels, int sampleRate) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Feeds {@code count} frames from {@code src[channel][offset ..]}. */
	public void process(float[][] src, int offset, int count) {
		throw new UnsupportedOperationException("TODO");
	}

	/** @return integrated loudness in LUFS; negative infinity when everything is gated away */
	public double integratedLufs() {
		throw new UnsupportedOperationException("TODO");
	}

	/** @return the largest absolute sample value seen, linear */
	public double samplePeak() {
		throw new UnsupportedOperationException("TODO");
	}
}
