package org.mixtree.engine.meter;

/**
 * One strip's meter readings at one moment, as the UI shows them. Levels are in dB (negative infinity for
 * silence or "not yet measured"), so the record is what a meter widget draws without further conversion.
 *
 * @param samplePeakDb    the peak bar: largest absolute sample, instant attack, falling back 20 dB in 1.7 s
 *                        (IEC 60268-18), dBFS; the louder channel of a stereo strip
 * @param peakHoldDb      the peak-hold marker: held 1.5 s, then falling 20 dB/s, dBFS
 * @param rmsDb           RMS over 300 ms, no AES17 +3 dB (a full-scale sine reads -3.01), dBFS; louder channel
 * @param truePeakDbtp    maximum true peak (ITU-R BS.1770-4 Annex 2) since the last reset, dBTP
 * @param momentaryLufs   EBU R128 momentary loudness (400 ms), LUFS
 * @param shortTermLufs   EBU R128 short-term loudness (3 s), LUFS
 * @param integratedLufs  EBU R128 integrated loudness since the last reset (gated), LUFS
 * @param loudnessRangeLu EBU Tech 3342 loudness range since the last reset, LU
 * @param correlation     phase correlation over 300 ms in [-1, 1]; 0 for a mono strip or silence
 * @param gainReductionDb gain reduction the strip's dynamics effects last reported, dB: the largest
 *                        {@code Effect#gainReductionDb()} of its active inserts (0 or positive; 6 = pulled 6 dB
 *                        down)
 */
public record MeterSnapshot(double samplePeakDb, double peakHoldDb, double rmsDb, double truePeakDbtp,
		double momentaryLufs, double shortTermLufs, double integratedLufs, double loudnessRangeLu, double correlation,
		double gainReductionDb) {

	/** Number of values in a snapshot, the length of the arrays {@link #fromArray} and {@link #toArray} use. */
	public static final int FIELDS = 10;

	/** What a strip shows before any audio has been metered. */
	public static final MeterSnapshot SILENT = new MeterSnapshot(Double.NEGATIVE_INFINITY,
			Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
			Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, 0.0, 0.0);

	/** @return the snapshot held in {@code v[0 .. FIELDS)}, in the order of the record's components */
	public static MeterSnapshot fromArray(double[] v) {
		return new MeterSnapshot(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
	}

	/** @return the values in the order of the record's components */
	public double[] toArray() {
		return new double[] { samplePeakDb, peakHoldDb, rmsDb, truePeakDbtp, momentaryLufs, shortTermLufs,
				integratedLufs, loudnessRangeLu, correlation, gainReductionDb };
	}
}
