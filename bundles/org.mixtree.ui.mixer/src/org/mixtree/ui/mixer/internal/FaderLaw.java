package org.mixtree.ui.mixer.internal;

/**
 * Where a gain sits on a fader: position 1 is the top ({@value #TOP_DB} dB), 0 the bottom (-inf). The position is
 * the amplitude relative to the top taken to the 1/4 power, {@code 10^((dB - top) / 80)}, which puts 0 dB at about
 * 70 % of the travel and gives the range people mix in (-24 .. +6 dB) most of it, as console faders do; typed gains
 * above the top (the model allows up to +24 dB) sit at the top.
 */
public final class FaderLaw {
	/** The gain at the top of the fader, dB. */
	public static final double TOP_DB = 12.0;

	/** The marks of the fader scale, top down; the last is -inf. */
	public static final double[] MARKS = { 12, 6, 0, -6, -12, -24, -48, Double.NEGATIVE_INFINITY };

	private FaderLaw() {
	}

	/** @return the position in [0, 1] of {@code db} */
	public static double position(double db) {
		if (Double.isNaN(db) || db == Double.NEGATIVE_INFINITY) {
			return 0;
		}
		return Math.min(1, Math.pow(10, (db - TOP_DB) / 80.0));
	}

	/** @return the gain at position {@code pos} (clamped to [0, 1]), rounded to 0.1 dB; -inf at the bottom */
	public static double gain(double pos) {
		if (pos <= 0.002) {
			return Double.NEGATIVE_INFINITY;
		}
		double db = TOP_DB + 80.0 * Math.log10(Math.min(1, pos));
		return Math.round(db * 10) / 10.0;
	}

	/** A gain as the strip shows it: {@code -2.0 dB}, {@code +3.5 dB}, {@code -inf dB}. */
	public static String format(double db) {
		if (db == Double.NEGATIVE_INFINITY) {
			return "-inf dB";
		}
		double r = Math.round(db * 10) / 10.0;
		return (r > 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", r == 0 ? 0.0 : r) + " dB";
	}

	/** A mark of the scale: {@code +6}, {@code 0}, {@code -12}, {@code -inf}. */
	public static String mark(double db) {
		if (db == Double.NEGATIVE_INFINITY) {
			return "-inf";
		}
		return (db > 0 ? "+" : "") + (long) db;
	}

	/** The step of +/- keys and of one wheel notch: 1 dB, 0.1 dB when fine. From -inf a step up lands on -60 dB. */
	public static double step(double db, int direction, boolean fine) {
		if (db == Double.NEGATIVE_INFINITY) {
			return direction > 0 ? -60.0 : db;
		}
		double next = Math.round((db + direction * (fine ? 0.1 : 1.0)) * 10) / 10.0;
		if (next < -60) {
			return Double.NEGATIVE_INFINITY;
		}
		return Math.min(org.mixtree.model.edit.SessionCommands.MAX_GAIN_DB, next);
	}
}
