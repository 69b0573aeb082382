package org.mixtree.views.spectrum.analysis;

/**
 * The analyser's frequency axis: logarithmic from {@value #LOW} Hz to {@value #HIGH} Hz over a width in pixels, and
 * the reduction of a spectrum's bins to one level per pixel column: the loudest bin whose centre falls in the
 * column (so a narrow peak is never lost between columns), or, where the bins are wider than the columns (the bass of
 * a small FFT), the level interpolated in dB between the two bins around the column's centre frequency.
 */
public final class LogAxis {
	public static final double LOW = 20.0;
	public static final double HIGH = 20000.0;
	private static final double SPAN = Math.log(HIGH / LOW);

	private LogAxis() {
	}

	/** @return the frequency at {@code x} of {@code width} pixels (x = 0 is 20 Hz, x = width is 20 kHz) */
	public static double frequency(double x, int width) {
		return LOW * Math.exp(SPAN * x / width);
	}

	/** @return the x of {@code hz} on {@code width} pixels */
	public static double x(double hz, int width) {
		return width * Math.log(hz / LOW) / SPAN;
	}

	/**
	 * Reduces {@code db[0 .. bins)} (bin k at {@code k * binHz}) to {@code out[0 .. width)}, adding the slope
	 * ({@link Spectrum#slopeDb}) at each column's centre frequency.
	 */
	public static void columns(double[] db, double binHz, double slopeDbPerOctave, double[] out, int width) {
		int bins = db.length;
		for (int x = 0; x < width; x++) {
			double f0 = frequency(x, width);
			double f1 = frequency(x + 1, width);
			int k0 = (int) Math.ceil(f0 / binHz);
			int k1 = (int) Math.ceil(f1 / binHz) - 1;
			double v;
			if (k0 <= k1 && k0 < bins) {
				v = Spectrum.FLOOR_DB;
				for (int k = k0; k <= Math.min(k1, bins - 1); k++) {
					v = Math.max(v, db[k]);
				}
			} else {
				double fc = frequency(x + 0.5, width) / binHz;
				int k = Math.min((int) Math.floor(fc), bins - 2);
				double t = fc - k;
				v = db[k] + (db[k + 1] - db[k]) * t;
			}
			out[x] = v + (slopeDbPerOctave == 0.0 ? 0.0 : Spectrum.slopeDb(frequency(x + 0.5, width), slopeDbPerOctave));
		}
	}
}
