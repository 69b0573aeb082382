package org.mixtree.views.spectrum.analysis;

import java.util.Arrays;

/**
 * Peak hold per bin: each bin keeps its loudest level for {@link #HOLD_SECONDS} s, then falls at
 * {@link #FALL_DB_PER_SECOND} dB/s, never below the current level. Time advances with the spectra fed (one hop each),
 * not the clock, so the hold is the same on a busy machine.
 * <p>
 * Thread rules: one thread (the analysis worker).
 */
public final class PeakHoldCurve {
	public static final double HOLD_SECONDS = 2.0;
	public static final double FALL_DB_PER_SECOND = 12.0;

	private final double[] peak;
	private final double[] age;

	public PeakHoldCurve(int bins) {
		peak = new double[bins];
		age = new double[bins];
		reset();
	}

	/** Takes one spectrum ({@code db} per bin) that comes {@code seconds} after the previous one. */
	public void update(double[] db, double seconds) {
		for (int k = 0; k < peak.length; k++) {
			if (db[k] >= peak[k]) {
				peak[k] = db[k];
				age[k] = 0.0;
			} else {
				age[k] += seconds;
				if (age[k] > HOLD_SECONDS) {
					double fall = FALL_DB_PER_SECOND * Math.min(seconds, age[k] - HOLD_SECONDS);
					peak[k] = Math.max(db[k], peak[k] - fall);
				}
			}
		}
	}

	/** @return the held levels, dBFS per bin (the live array) */
	public double[] levels() {
		return peak;
	}

	public void reset() {
		Arrays.fill(peak, Spectrum.FLOOR_DB);
		Arrays.fill(age, 0.0);
	}
}
