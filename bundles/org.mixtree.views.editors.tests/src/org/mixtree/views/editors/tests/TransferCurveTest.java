package org.mixtree.views.editors.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.Effect;
import org.mixtree.views.dynamics.TransferCurve;

/**
 * The transfer-curve editor's static curve against the real compressor and limiter: steady 1 kHz sines at levels
 * from -48 to +6 dBFS through the installed effect (the engine's instance), the output level measured once the gain
 * has settled, compared with {@link TransferCurve#outputDb} at the input level within the stated tolerance. A
 * release of 5 s keeps the peak detector's hold between the sine's peaks flat (its droop over half a period is then
 * below 0.001 dB).
 */
class TransferCurveTest {
	static final double FS = 48000;

	@Test
	void aSoftKneeCompressorWithMakeupOnPeaks() throws Exception {
		Map<String, Double> v = Map.of("threshold", -24.0, "ratio", 4.0, "knee", 6.0, "makeup", 2.0, "attack", 5.0,
				"release", 5000.0, "detector", 0.0);
		check("org.mixtree.compressor", v, false, 0.05);
	}

	@Test
	void aHardKneeCompressorOnRms() throws Exception {
		// the RMS detector's 10 ms mean square ripples at 2 kHz by about 1 %: 0.04 dB of level, hence 0.1 dB
		Map<String, Double> v = Map.of("threshold", -30.0, "ratio", 2.5, "knee", 0.0, "makeup", 0.0, "attack", 5.0,
				"release", 5000.0, "detector", 1.0);
		check("org.mixtree.compressor", v, true, 0.1);
	}

	@Test
	void theLimiterHoldsItsCeiling() throws Exception {
		check("org.mixtree.limiter", Map.of("ceiling", -6.0, "release", 500.0, "lookahead", 5.0), false, 0.05);
	}

	private static void check(String id, Map<String, Double> values, boolean rms, double toleranceDb)
			throws Exception {
		TransferCurve curve = TransferCurve.of(id, values::get);
		List<String> off = new ArrayList<>();
		for (double peakDb = -48; peakDb <= 6; peakDb += 3) {
			Effect fx = RealEffects.create(id, FS, values);
			int n = (int) FS;
			float[] x = new float[n];
			double a = Math.pow(10, peakDb / 20);
			for (int i = 0; i < n; i++) {
				x[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * i / FS));
			}
			RealEffects.run(fx, x);
			// the last quarter second, a whole number of periods
			int from = n - 12000;
			double peak = 0, sum = 0;
			for (int i = from; i < n; i++) {
				peak = Math.max(peak, Math.abs(x[i]));
				sum += (double) x[i] * x[i];
			}
			double rmsOut = 10 * Math.log10(sum / (n - from));
			double rmsIn = peakDb - 10 * Math.log10(2);
			double measured = rms ? rmsOut : 20 * Math.log10(peak);
			double drawn = curve.outputDb(rms ? rmsIn : peakDb);
			if (Math.abs(measured - drawn) > toleranceDb) {
				off.add(String.format(Locale.ROOT, "in %.1f dB: drawn %.3f dB, measured %.3f dB", rms ? rmsIn : peakDb,
						drawn, measured));
			}
		}
		assertEquals(List.of(), off, id + ": levels where the curve is not the effect's");
	}
}
