package org.mixtree.views.dynamics;

import java.util.function.Function;

/**
 * A dynamics effect's static curve, without SWT: the output level of a steady input level, in dB. For the
 * compressor ({@code org.mixtree.compressor}) the gain computer of its javadoc (Giannoulis, Massberg and Reiss 2012),
 * threshold T, ratio R, knee width W: {@code out = L} for {@code 2(L-T) < -W}; {@code out = L + (1/R - 1)(L - T +
 * W/2)^2 / (2W)} for {@code |2(L-T)| <= W}; {@code out = T + (L-T)/R} above; then the makeup gain. The level is
 * the detector's: a steady sine's peak ({@code peak}) or RMS ({@code rms}). For the limiter ({@code org.mixtree.limiter})
 * {@code out = min(L, ceiling)}: a ratio of infinity without a knee, on sample peaks.
 * <p>
 * Immutable; [any] thread.
 *
 * @param thresholdDb T (the limiter's ceiling), dBFS
 * @param ratio       R, 1 or more; {@link Double#POSITIVE_INFINITY} for the limiter
 * @param kneeDb      W, 0 for a hard knee
 * @param makeupDb    gain added after the curve (0 for the limiter)
 * @param rms         whether the detector reads RMS (else peak)
 */
public record TransferCurve(double thresholdDb, double ratio, double kneeDb, double makeupDb, boolean rms) {
	public static final String COMPRESSOR = "org.mixtree.compressor", LIMITER = "org.mixtree.limiter";

	/**
	 * The curve of an insert of {@code effectId} with these parameter values (null for one not set: the effect's
	 * default, the same as its descriptor's).
	 */
	public static TransferCurve of(String effectId, Function<String, Double> values) {
		if (LIMITER.equals(effectId)) {
			return new TransferCurve(or(values, "ceiling", -1), Double.POSITIVE_INFINITY, 0, 0, false);
		}
		return new TransferCurve(or(values, "threshold", -18), or(values, "ratio", 4), or(values, "knee", 0),
				or(values, "makeup", 0), or(values, "detector", 0) >= 0.5);
	}

	private static double or(Function<String, Double> values, String id, double fallback) {
		Double v = values.apply(id);
		return v == null ? fallback : v;
	}

	/** @return whether this is a limiter's curve (no ratio to drag) */
	public boolean limiter() {
		return Double.isInfinite(ratio);
	}

	/** @return the gain reduction at a steady input level {@code inDb}, dB (0 or more; makeup not counted) */
	public double reductionDb(double inDb) {
		double over = inDb - thresholdDb;
		double slope = 1 - 1 / ratio;
		if (2 * over <= -kneeDb) {
			return 0;
		}
		if (2 * over > kneeDb) {
			return over * slope;
		}
		double k = over + 0.5 * kneeDb;
		return slope * k * k / (2 * kneeDb);
	}

	/** @return the output level at a steady input level {@code inDb}, dB, makeup included */
	public double outputDb(double inDb) {
		return inDb - reductionDb(inDb) + makeupDb;
	}

	/** @return this curve with another threshold (ceiling) */
	public TransferCurve withThreshold(double t) {
		return new TransferCurve(t, ratio, kneeDb, makeupDb, rms);
	}

	/** @return this curve with another ratio */
	public TransferCurve withRatio(double r) {
		return new TransferCurve(thresholdDb, r, kneeDb, makeupDb, rms);
	}
}
