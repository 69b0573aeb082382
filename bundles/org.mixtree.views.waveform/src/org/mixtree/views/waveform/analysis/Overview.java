package org.mixtree.views.waveform.analysis;

/**
 * A source file reduced to what a waveform overview draws: for each of {@code columns} pixel columns and each channel,
 * the smallest and largest sample of the frames the column covers. Column {@code c} covers frames
 * {@code [floor(c * frames / columns), floor((c + 1) * frames / columns))}; a column narrower than a frame (a short file
 * on a wide view) covers the one frame {@code floor(c * frames / columns)}.
 *
 * @param frames     frames in the file
 * @param sampleRate the file's rate
 * @param min        {@code min[channel][column]}
 * @param max        {@code max[channel][column]}
 */
public record Overview(long frames, int sampleRate, float[][] min, float[][] max) {

	public int channels() {
		return min.length;
	}

	public int columns() {
		return min.length == 0 ? 0 : min[0].length;
	}

	/** @return the first frame column {@code c} covers */
	public static long firstFrame(int c, long frames, int columns) {
		return c * frames / columns;
	}
}
