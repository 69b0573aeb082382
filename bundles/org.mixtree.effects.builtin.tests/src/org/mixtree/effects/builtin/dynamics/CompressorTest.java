package org.mixtree.effects.builtin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.FxHarness;

/**
 * The compressor's static curve, measured on settled sines (2 s, measured over the last 200 ms) against the
 * Giannoulis/Massberg/Reiss gain computer written here from the paper: {@code out = L} below the knee,
 * {@code T + (L - T)/R} above, {@code L + (1/R - 1)(L - T + W/2)^2/(2W)} inside, plus makeup. The level L is
 * the sine's peak in dBFS for the peak detector and its RMS in dBFS for the rms detector (the definitions the
 * effect documents), so the output is measured the same way. Tolerance 0.1 dB.
 */
class CompressorTest {

	private static final int N = 96000;
	private static final int TAIL = 9600;

	static double curve(double level, double threshold, double ratio, double knee) {
		double over = level - threshold;
		if (2 * over < -knee) {
			return level;
		}
		if (2 * over > knee) {
			return threshold + over / ratio;
		}
		double k = over + knee / 2;
		return level + (1 / ratio - 1) * k * k / (2 * knee);
	}

	@ParameterizedTest(name = "peak, sine {0} dBFS, T {1}, R {2}, knee {3}, makeup {4}")
	@CsvSource({ "-40, -18, 4, 0, 0", "-20, -18, 4, 0, 0", "-12, -18, 4, 0, 0", "-6, -18, 4, 0, 0", "0, -18, 4, 0, 0",
			"-3, -24, 10, 0, 6", "-10, -30, 2, 0, 3", //
			"-22, -18, 4, 10, 0", "-18, -18, 4, 10, 0", "-15, -18, 4, 10, 0", "-14, -18, 4, 10, 2", "-6, -18, 4, 10, 0",
			"-25, -20, 8, 12, 0" })
	void peakStaticCurve(double level, double threshold, double ratio, double knee, double makeup) {
		double expected = curve(level, threshold, ratio, knee) + makeup;
		float[][] out = runSine(level, 0, threshold, ratio, knee, makeup);
		for (float[] ch : out) {
			double measured = FxHarness.db(FxHarness.peak(ch, N - TAIL, N));
			assertEquals(expected, measured, 0.1, "output peak dBFS");
		}
	}

	@ParameterizedTest(name = "rms, sine rms {0} dBFS, T {1}, R {2}, knee {3}")
	@CsvSource({ "-30, -18, 4, 0", "-10, -18, 4, 0", "-3.01, -18, 4, 0", "-16, -18, 3, 8", "-20, -18, 3, 8",
			"-8, -24, 2, 6" })
	void rmsStaticCurve(double rmsLevel, double threshold, double ratio, double knee) {
		double expected = curve(rmsLevel, threshold, ratio, knee);
		float[][] out = runSine(rmsLevel + 20 * Math.log10(Math.sqrt(2)), 1, threshold, ratio, knee, 0);
		for (float[] ch : out) {
			double measured = FxHarness.db(FxHarness.rms(ch, N - TAIL, N));
			assertEquals(expected, measured, 0.1, "output RMS dBFS");
		}
	}

	private static float[][] runSine(double peakDb, int detector, double threshold, double ratio, double knee,
			double makeup) {
		double a = Math.pow(10, peakDb / 20);
		float[][] x = { FxHarness.sine(N, 1000, a), FxHarness.sine(N, 1000, a) };
		Effect fx = FxHarness.make(new CompressorFactory(), 2, 256, false, "threshold", threshold, "ratio", ratio,
				"knee", knee, "makeup", makeup, "detector", detector);
		return FxHarness.run(fx, x, 256);
	}

	/** Linked: a loud left channel reduces the quiet right one by the same dB. */
	@Test
	void stereoLinked() {
		float[][] x = { FxHarness.sine(N, 1000, 0.5), FxHarness.sine(N, 1000, 0.01) };
		Effect fx = FxHarness.make(new CompressorFactory(), 2, 256, false);
		float[][] y = FxHarness.run(fx, x, 256);
		double gl = FxHarness.db(FxHarness.peak(y[0], N - TAIL, N) / 0.5);
		double gr = FxHarness.db(FxHarness.peak(y[1], N - TAIL, N) / 0.01);
		double expected = curve(FxHarness.db(0.5), -18, 4, 0) - FxHarness.db(0.5);
		assertEquals(expected, gl, 0.1);
		assertEquals(expected, gr, 0.1);
	}

	/** With a sidechain the gain follows the sidechain's level, not the main input's. */
	@Test
	void sidechainDrivesTheGain() {
		float[] quiet = FxHarness.sine(N, 440, 0.03); // -30 dBFS, below threshold
		float[] loud = FxHarness.sine(N, 1000, 0.5); // -6 dBFS, 12 dB over
		double reduction = FxHarness.db(0.5) - curve(FxHarness.db(0.5), -18, 4, 0); // 9 dB

		Effect fx = FxHarness.make(new CompressorFactory(), 2, 256, true);
		float[][] y = FxHarness.run(fx, new float[][] { quiet.clone(), quiet.clone() },
				new float[][] { loud, loud }, 256);
		double gain = FxHarness.db(FxHarness.peak(y[0], N - TAIL, N) / 0.03);
		assertEquals(-reduction, gain, 0.1, "quiet main, loud sidechain: reduced by the sidechain's level");

		fx = FxHarness.make(new CompressorFactory(), 2, 256, true);
		y = FxHarness.run(fx, new float[][] { loud.clone(), loud.clone() }, new float[][] { quiet, quiet }, 256);
		gain = FxHarness.db(FxHarness.peak(y[0], N - TAIL, N) / 0.5);
		assertEquals(0, gain, 0.05, "loud main, quiet sidechain: untouched");
		assertEquals(0, fx.gainReductionDb(), 1e-9);
	}

	@Test
	void reportsGainReductionAndMix() {
		Effect fx = FxHarness.make(new CompressorFactory(), 2, 256, false, "mix", 50);
		float[][] y = FxHarness.run(fx, new float[][] { FxHarness.sine(N, 1000, 0.5), FxHarness.sine(N, 1000, 0.5) },
				256);
		assertEquals(9, fx.gainReductionDb(), 0.1);
		double wet = Math.pow(10, -9 / 20.0);
		double expected = FxHarness.db(0.5 * (0.5 + 0.5 * wet));
		assertEquals(expected, FxHarness.db(FxHarness.peak(y[0], N - TAIL, N)), 0.1, "50 % parallel mix");
	}

	/** Attack and release act as documented: one time constant to 63 % of a step in gain reduction. */
	@Test
	void releaseRecovers() {
		float[] x = new float[N];
		float[] loud = FxHarness.sine(N / 2, 1000, 0.5);
		System.arraycopy(loud, 0, x, 0, N / 2);
		float[] tone = FxHarness.sine(N, 1000, 0.01);
		for (int i = N / 2; i < N; i++) {
			x[i] = tone[i];
		}
		Effect fx = FxHarness.make(new CompressorFactory(), 1, 256, false, "release", 50);
		float[] y = FxHarness.run(fx, new float[][] { x }, 256)[0];
		// 500 ms after the drop (10 release time constants) the quiet tone is back to unity gain
		double g = FxHarness.db(FxHarness.peak(y, N - 2400, N) / 0.01);
		assertTrue(Math.abs(g) < 0.05, "recovered: " + g);
	}
}
