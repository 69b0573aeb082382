package org.mixtree.dsp;

import java.io.IOException;

/** A pull source of planar float frames. */
@FunctionalInterface
public interface FrameSource {
	/**
	 * Reads up to {@code count} frames into {@code dst[channel][offset ..]}.
	 *
	 * @return frames read; less than {@code count} only at the end, 0 at the end
	 */
	int read(float[][] dst, int offset, int count) throws IOException;
}
