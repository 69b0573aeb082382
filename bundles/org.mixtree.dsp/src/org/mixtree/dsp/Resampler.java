package org.mixtree.dsp;

import java.io.IOException;

/**
 * Band-limited sample-rate converter (windowed sinc) in pull form. Output is time-aligned with the input
 * (the filter's delay is compensated internally) and has {@link #outputLength} frames in total: the end is
 * padded with the filter's tail of zeros-in. Passband flat within 0.1 dB to 0.45 fs (of the lower rate),
 * images and aliases below -100 dB.
 */
public final class Resampler {

	/** Allocates all buffers; nothing allocates afterwards. */
	public Resampler(FrameSource source, int channels, int inRate, int outRate) {
		throw new UnsupportedOperationException("TODO");
	}

	/** @return the number of output frames for {@code inFrames} input frames: ceil(inFrames * outRate / inRate) */
	public static long outputLength(long inFrames, int inRate, int outRate) {
		return (inFrames * outRate + inRate - 1) / inRate;
	}

	/** Reads up to {@code count} converted frames; less than {@code count} only at the end. */
	public int read(float[][] dst, int offset, int count) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/** Restarts conversion at input frame 0 after the source was repositioned there. */
	public void reset() {
		throw new UnsupportedOperationException("TODO");
	}
}
