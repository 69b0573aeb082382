package org.mixtree.views.editors.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.Effect;
import org.mixtree.views.eq.EqCurve;

/**
 * The EQ editor's curve against the real EQ: an impulse through the installed {@code org.mixtree.eq} effect (the
 * engine's own instance, float audio), its response measured by a DFT of the impulse response at the centre
 * frequencies of 30 pixel columns of an 800-pixel plot, and compared with the value the editor draws in that column
 * ({@link EqCurve#columnsDb}) within 0.05 dB. Points where the response is below -40 dB are left out: there the
 * float32 rounding of the impulse response, not the design, sets the measured value.
 */
class EqCurveTest {
	static final int WIDTH = 800;
	static final int N = 1 << 17;
	static final double TOLERANCE_DB = 0.05;

	@Test
	void aVocalEqOfPeaksShelvesAndAHighPassDrawsWhatTheFilterDoes() throws Exception {
		check(48000, Map.ofEntries(Map.entry("b1.type", 4.0), Map.entry("b1.freq", 90.0), Map.entry("b1.q", 0.707),
				Map.entry("b3.type", 1.0), Map.entry("b3.freq", 300.0), Map.entry("b3.gain", -4.0),
				Map.entry("b3.q", 1.2), Map.entry("b6.type", 1.0), Map.entry("b6.freq", 3000.0),
				Map.entry("b6.gain", 5.0), Map.entry("b6.q", 2.0), Map.entry("b8.type", 3.0),
				Map.entry("b8.freq", 10000.0), Map.entry("b8.gain", 3.0), Map.entry("b8.q", 0.707)));
	}

	@Test
	void overlappingBandsAndTheOutputGainSumInDecibels() throws Exception {
		check(44100, Map.ofEntries(Map.entry("b1.type", 2.0), Map.entry("b1.freq", 120.0), Map.entry("b1.gain", 6.0),
				Map.entry("b1.q", 0.9), Map.entry("b2.type", 1.0), Map.entry("b2.freq", 150.0),
				Map.entry("b2.gain", -9.0), Map.entry("b2.q", 4.0), Map.entry("b4.type", 1.0),
				Map.entry("b4.freq", 1000.0), Map.entry("b4.gain", 12.0), Map.entry("b4.q", 0.5),
				Map.entry("b5.type", 7.0), Map.entry("b5.freq", 2500.0), Map.entry("b5.q", 0.3),
				Map.entry("b7.type", 5.0), Map.entry("b7.freq", 14000.0), Map.entry("b7.q", 1.5),
				Map.entry("output", -3.5)));
	}

	private static void check(double fs, Map<String, Double> values) throws Exception {
		Effect fx = RealEffects.create("org.mixtree.eq", fs, values);
		float[] h = new float[N];
		h[0] = 1f;
		RealEffects.run(fx, h);
		double[] drawn = EqCurve.of(values::get, fs).columnsDb(WIDTH);
		List<String> off = new ArrayList<>();
		int compared = 0;
		for (int k = 0; k < 30; k++) {
			int x = 5 + k * (WIDTH - 10) / 29;
			double hz = EqCurve.columnHz(x, WIDTH);
			double measured = measuredDb(h, hz, fs);
			if (measured < -40) {
				continue;
			}
			compared++;
			if (Math.abs(measured - drawn[x]) > TOLERANCE_DB) {
				off.add(String.format(Locale.ROOT, "%.1f Hz: drawn %.3f dB, measured %.3f dB", hz, drawn[x], measured));
			}
		}
		assertTrue(compared >= 25, "compared " + compared + " points");
		assertEquals(List.of(), off, "columns where the curve is not the filter's response");
	}

	/** @return |H(f)| in dB from the impulse response: a single-frequency DFT in double precision */
	static double measuredDb(float[] h, double hz, double fs) {
		double w = 2 * Math.PI * hz / fs, re = 0, im = 0;
		for (int n = 0; n < h.length; n++) {
			re += h[n] * Math.cos(w * n);
			im -= h[n] * Math.sin(w * n);
		}
		return 10 * Math.log10(re * re + im * im);
	}
}
