package org.mixtree.views.loudness.analysis;

import java.util.Locale;

import org.mixtree.engine.meter.MeterSnapshot;

/**
 * The numbers the loudness view prints, formatted from one {@link MeterSnapshot} of the engine's meter and the target:
 * one decimal, as EBU R128 reports loudness (Tech 3341 asks for a resolution of 0.1 LU), {@code Locale.ROOT}, and
 * {@code -inf} for silence (no block above the absolute gate yet).
 *
 * @param integrated   e.g. {@code -23.0 LUFS}
 * @param range        e.g. {@code 4.2 LU}
 * @param truePeak     e.g. {@code -0.8 dBTP}
 * @param momentary    e.g. {@code -21.7 LUFS}
 * @param shortTerm    e.g. {@code -22.4 LUFS}
 * @param target       e.g. {@code -23.0 LUFS}
 * @param toTarget     integrated minus target, e.g. {@code +1.5 LU}, or {@code -} with nothing integrated yet
 * @param overTruePeak whether the true peak exceeds -1 dBTP (the R128 ceiling): the view draws it in red
 */
public record LoudnessReadout(String integrated, String range, String truePeak, String momentary, String shortTerm,
		String target, String toTarget, boolean overTruePeak) {

	/** The true-peak ceiling EBU R128 sets for distribution, dBTP. */
	public static final double TRUE_PEAK_CEILING = -1.0;

	public static LoudnessReadout of(MeterSnapshot s, double targetLufs) {
		boolean measured = Double.isFinite(s.integratedLufs());
		return new LoudnessReadout(value(s.integratedLufs(), "LUFS"), String.format(Locale.ROOT, "%.1f LU", s.loudnessRangeLu()),
				value(s.truePeakDbtp(), "dBTP"), value(s.momentaryLufs(), "LUFS"), value(s.shortTermLufs(), "LUFS"),
				value(targetLufs, "LUFS"),
				measured ? String.format(Locale.ROOT, "%+.1f LU", round1(s.integratedLufs()) - round1(targetLufs)) : "-",
				s.truePeakDbtp() > TRUE_PEAK_CEILING);
	}

	/** @return {@code v} to one decimal with its unit, or {@code -inf} and the unit */
	public static String value(double v, String unit) {
		if (!Double.isFinite(v)) {
			return "-inf " + unit;
		}
		return String.format(Locale.ROOT, "%.1f %s", v, unit).replace("-0.0 ", "0.0 ");
	}

	private static double round1(double v) {
		return Math.round(v * 10.0) / 10.0;
	}
}
