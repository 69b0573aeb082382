package org.mixtree.views.dynamics;

/**
 * The transfer-curve plot in a canvas of a given size, without SWT: input level on x and output level on y, both
 * from {@value #LOW_DB} to {@value #HIGH_DB} dBFS on the same scale (a square, so 1:1 is the diagonal); the gain
 * reduction bar right of it, 0 to {@value #REDUCTION_RANGE_DB} dB downwards.
 */
public record TransferAxes(int left, int top, int size, int barLeft, int barWidth) {
	public static final double LOW_DB = -60.0, HIGH_DB = 0.0, REDUCTION_RANGE_DB = 24.0;
	public static final int LEFT = 44, TOP = 28, BOTTOM = 24, GAP = 28, BAR = 22, RIGHT = 40;

	/** @return the plot of a canvas {@code width} x {@code height} */
	public static TransferAxes of(int width, int height) {
		int size = Math.max(1, Math.min(width - LEFT - GAP - BAR - RIGHT, height - TOP - BOTTOM));
		return new TransferAxes(LEFT, TOP, size, LEFT + size + GAP, BAR);
	}

	public double x(double inDb) {
		return left + (inDb - LOW_DB) / (HIGH_DB - LOW_DB) * size;
	}

	public double y(double outDb) {
		return top + (HIGH_DB - outDb) / (HIGH_DB - LOW_DB) * size;
	}

	/** @return the input level at {@code x} (not held to the plot) */
	public double inDb(double x) {
		return LOW_DB + (x - left) / size * (HIGH_DB - LOW_DB);
	}

	/** @return the output level at {@code y} (not held to the plot) */
	public double outDb(double y) {
		return HIGH_DB - (y - top) / size * (HIGH_DB - LOW_DB);
	}
}
