package org.mixtree.views.eq;

import org.mixtree.views.spectrum.analysis.LogAxis;

/**
 * The EQ editor's plot in a canvas of a given size, without SWT: frequency on x, logarithmic from 20 Hz to 20 kHz;
 * gain on y, linear from +{@value #RANGE_DB} dB (top) to -{@value #RANGE_DB} dB (bottom); the live spectrum on
 * the same x, from {@value #SPECTRUM_TOP_DB} dBFS (top) to {@value #SPECTRUM_BOTTOM_DB} dBFS (bottom).
 *
 * @param left   x of the plot's left edge (20 Hz) in the canvas
 * @param top    y of its top edge (+18 dB)
 * @param width  pixels from 20 Hz to 20 kHz
 * @param height pixels from +18 dB to -18 dB
 */
public record EqAxes(int left, int top, int width, int height) {
	/** The gain drawn above and below 0 dB. */
	public static final double RANGE_DB = 18.0;
	public static final double SPECTRUM_TOP_DB = 0.0, SPECTRUM_BOTTOM_DB = -110.0;
	/** Margins around the plot: labels of gain left, of frequency below, the band's read-out above. */
	public static final int LEFT = 40, RIGHT = 16, TOP = 26, BOTTOM = 22;

	/** @return the plot of a canvas {@code width} x {@code height} */
	public static EqAxes of(int width, int height) {
		return new EqAxes(LEFT, TOP, Math.max(1, width - LEFT - RIGHT), Math.max(1, height - TOP - BOTTOM));
	}

	/** @return the x of {@code hz} */
	public double x(double hz) {
		return left + LogAxis.x(hz, width);
	}

	/** @return the frequency at {@code x}, held within 20 Hz - 20 kHz */
	public double hz(double x) {
		return LogAxis.frequency(Math.max(0, Math.min(width, x - left)), width);
	}

	/** @return the y of {@code db} */
	public double y(double db) {
		return top + (RANGE_DB - db) / (2 * RANGE_DB) * height;
	}

	/** @return the gain at {@code y}, held within ±{@value #RANGE_DB} dB */
	public double db(double y) {
		double db = RANGE_DB - (y - top) / height * 2 * RANGE_DB;
		return Math.max(-RANGE_DB, Math.min(RANGE_DB, db));
	}

	/** @return the y of a spectrum level in dBFS */
	public double spectrumY(double dbfs) {
		double t = (SPECTRUM_TOP_DB - dbfs) / (SPECTRUM_TOP_DB - SPECTRUM_BOTTOM_DB);
		return top + Math.max(0, Math.min(1, t)) * height;
	}
}
