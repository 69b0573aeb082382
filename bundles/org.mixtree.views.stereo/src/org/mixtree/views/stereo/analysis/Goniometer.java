package org.mixtree.views.stereo.analysis;

/**
 * The goniometer's geometry in the M/S orientation broadcast meters use: mid {@code (L + R) / 2} up, side
 * {@code (R - L) / 2} to the right, so a mono signal (L = R) is a vertical line, one side inverted (L = -R) a
 * horizontal line, the left channel alone the diagonal to the upper left and the right alone the one to the upper
 * right. Coordinates are in [-1, 1] for full scale before the display gain.
 * <p>
 * Also a plain display gain that follows the level (instant rise, slow fall) so quiet material fills the scope as loud
 * material does; the gain used is shown, so the picture is never mistaken for a level.
 * <p>
 * Thread rules: one thread (the UI thread, which reads the tap's newest frames for each frame it draws).
 */
public final class Goniometer {
	/** The display gain's largest value: 36 dB, so silence does not blow noise up to full scale. */
	public static final double MAX_GAIN = 63.0957;
	/** Fraction of the radius the loudest point reaches. */
	public static final double FILL = 0.8;
	/** Starts at the largest gain, so the first picture falls straight to the right one. */
	private double gain = MAX_GAIN;

	/** Projects frames {@code [0, n)} of {@code left}/{@code right} onto {@code x}/{@code y} (M/S, see class). */
	public static void project(float[] left, float[] right, int n, float[] x, float[] y) {
		for (int i = 0; i < n; i++) {
			x[i] = 0.5f * (right[i] - left[i]);
			y[i] = 0.5f * (left[i] + right[i]);
		}
	}

	/**
	 * @return the normalised cross-correlation of the frames, {@code sum(L R) / sqrt(sum(L^2) sum(R^2))}, 0 when a side is
	 *         silent (the formula the engine's {@code CorrelationMeter} uses, over these frames only)
	 */
	public static double correlation(float[] left, float[] right, int n) {
		double lr = 0, ll = 0, rr = 0;
		for (int i = 0; i < n; i++) {
			lr += (double) left[i] * right[i];
			ll += (double) left[i] * left[i];
			rr += (double) right[i] * right[i];
		}
		if (ll <= 1e-20 * n || rr <= 1e-20 * n) {
			return 0.0;
		}
		return Math.max(-1.0, Math.min(1.0, lr / Math.sqrt(ll * rr)));
	}

	/**
	 * Updates the display gain from the projected points' largest radius: up at once, down by at most
	 * {@code fallPerCall} (a factor, e.g. 1.02 for about 3 dB a second at 30 calls a second).
	 *
	 * @return the gain to multiply the points by
	 */
	public double autoGain(float[] x, float[] y, int n, double fallPerCall) {
		double peak = 0;
		for (int i = 0; i < n; i++) {
			peak = Math.max(peak, Math.max(Math.abs(x[i]), Math.abs(y[i])));
		}
		double want = peak > 0 ? Math.min(MAX_GAIN, FILL / peak) : MAX_GAIN;
		gain = want < gain ? want : Math.min(want, gain * fallPerCall);
		return gain;
	}

	/** Starts again from the largest gain (another channel: the first picture takes its own gain at once). */
	public void reset() {
		gain = MAX_GAIN;
	}

	/** @return the current display gain */
	public double gain() {
		return gain;
	}
}
