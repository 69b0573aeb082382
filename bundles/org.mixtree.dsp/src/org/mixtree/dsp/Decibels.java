package org.mixtree.dsp;

/** Conversions between decibels and linear gain: {@code gain = 10^(dB/20)}; {@code -inf} dB is silence. */
public final class Decibels {
	private Decibels() {
	}

	/** @return the linear gain for {@code db}; {@code 0} for negative infinity */
	public static double toGain(double db) {
		return db == Double.NEGATIVE_INFINITY ? 0.0 : Math.pow(10.0, db / 20.0);
	}

	/** @return the level in dB of a linear gain or amplitude; negative infinity for {@code 0} */
	public static double fromGain(double gain) {
		return gain <= 0.0 ? Double.NEGATIVE_INFINITY : 20.0 * Math.log10(gain);
	}
}
