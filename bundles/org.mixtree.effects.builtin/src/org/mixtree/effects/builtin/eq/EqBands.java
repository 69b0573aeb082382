package org.mixtree.effects.builtin.eq;

import org.mixtree.dsp.Biquad;

/**
 * The design of one band of the parametric EQ ({@code org.mixtree.eq}), the one code path from a band's parameters
 * to its biquad coefficients: the effect designs its filters with it, and an editor that draws the EQ's response
 * designs the same biquads with it and reads their {@link Biquad#magnitudeDb}, so the curve is the filter's and not
 * a second derivation of it.
 * <p>
 * [any] Stateless; {@link #design} writes only the biquad it is given (the effect's own on the audio thread; a
 * view's on the UI thread). Allocates nothing.
 */
public final class EqBands {
	/** Number of bands. */
	public static final int BANDS = EqFactory.BANDS;
	/** Band types, the {@code bN.type} values: the index into {@link EqFactory#TYPES}. */
	public static final int OFF = EqFactory.OFF, PEAK = EqFactory.PEAK, LOWSHELF = EqFactory.LOWSHELF,
			HIGHSHELF = EqFactory.HIGHSHELF, HIGHPASS = EqFactory.HIGHPASS, LOWPASS = EqFactory.LOWPASS,
			NOTCH = EqFactory.NOTCH, BANDPASS = EqFactory.BANDPASS;

	private EqBands() {
	}

	/** @return the parameter id of band {@code band} (1 first) and {@code field} ({@code type}, {@code freq}, {@code gain}, {@code q}) */
	public static String parameter(int band, String field) {
		return "b" + band + "." + field;
	}

	/** @return whether {@code bN.gain} acts on a band of {@code type} (peak and shelves) */
	public static boolean hasGain(int type) {
		return type == PEAK || type == LOWSHELF || type == HIGHSHELF;
	}

	/**
	 * Sets {@code into} to band's filter as the effect runs it: the frequency is held below 0.49 of the rate, an
	 * unknown type or {@code off} is the identity.
	 *
	 * @return {@code into}
	 */
	public static Biquad design(Biquad into, int type, double sampleRate, double freq, double gainDb, double q) {
		double f = Math.min(freq, 0.49 * sampleRate);
		switch (type) {
		case PEAK:
			return into.setPeaking(sampleRate, f, q, gainDb);
		case LOWSHELF:
			return into.setLowShelfQ(sampleRate, f, q, gainDb);
		case HIGHSHELF:
			return into.setHighShelfQ(sampleRate, f, q, gainDb);
		case HIGHPASS:
			return into.setHighpass(sampleRate, f, q);
		case LOWPASS:
			return into.setLowpass(sampleRate, f, q);
		case NOTCH:
			return into.setNotch(sampleRate, f, q);
		case BANDPASS:
			return into.setBandpass(sampleRate, f, q);
		default:
			return into.setCoefficients(1, 0, 0, 1, 0, 0);
		}
	}
}
