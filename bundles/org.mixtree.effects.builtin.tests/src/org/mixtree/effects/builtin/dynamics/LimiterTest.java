package org.mixtree.effects.builtin.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.FxHarness;

/**
 * The limiter holds its ceiling on hostile signals at every block size; with true peak on, an independent 4x
 * oversampler (a 129-tap-per-phase Blackman-windowed sinc written here, not the effect's 16-tap interpolator)
 * finds no peak above the ceiling + {@value #TP_TOLERANCE_DB} dB in signals without content above 20 kHz.
 */
class LimiterTest {

	private static final int N = 48000;
	private static final double TP_TOLERANCE_DB = 0.1;

	/** Signals of +24 dB overs: noise, sines, single-sample spikes, hi-hat-like bursts, a near-Nyquist sine. */
	static List<float[][]> hostile() {
		List<float[][]> list = new ArrayList<>();
		double g = Math.pow(10, 24 / 20.0);
		list.add(new float[][] { FxHarness.noise(N, g, 1), FxHarness.noise(N, g, 2) });
		list.add(new float[][] { FxHarness.sine(N, 997, g), FxHarness.sine(N, 60, g) });
		list.add(new float[][] { FxHarness.sine(N, 11025, g), FxHarness.sine(N, 17000, g * 0.7) });
		float[] spikes = new float[N];
		float[] spikes2 = new float[N];
		Random r = new Random(3);
		for (int i = 0; i < N; i += 1 + r.nextInt(700)) {
			spikes[i] = (float) (g * (r.nextBoolean() ? 1 : -1));
			spikes2[Math.min(N - 1, i + r.nextInt(3))] = (float) (0.5 * g);
		}
		list.add(new float[][] { spikes, spikes2 });
		float[] hat = new float[N];
		float[] noise = FxHarness.noise(N, g, 4);
		for (int i = 0; i < N; i++) {
			int t = i % 6000;
			hat[i] = (float) (noise[i] * Math.exp(-t / 200.0) * (t == 0 ? 1 : 1));
		}
		list.add(new float[][] { hat, hat.clone() });
		float[] quietThenLoud = FxHarness.sine(N, 440, 0.1);
		for (int i = N / 2; i < N; i++) {
			quietThenLoud[i] *= 160;
		}
		list.add(new float[][] { quietThenLoud, quietThenLoud.clone() });
		return list;
	}

	@ParameterizedTest(name = "block {0}")
	@ValueSource(ints = { 1, 3, 64, 511, 512, 4096 })
	void noSampleAboveTheCeiling(int block) {
		for (double ceiling : new double[] { -1, -6, -0.1 }) {
			float limit = (float) Math.pow(10, ceiling / 20);
			int k = 0;
			for (float[][] x : hostile()) {
				Effect fx = FxHarness.make(new LimiterFactory(), 2, block, false, "ceiling", ceiling);
				float[][] y = FxHarness.run(fx, x, block);
				for (float[] ch : y) {
					double p = FxHarness.peak(ch, 0, N);
					assertTrue(p <= limit, "signal " + k + " ceiling " + ceiling + ": peak " + FxHarness.db(p));
				}
				k++;
			}
		}
	}

	@ParameterizedTest(name = "lookahead {0} ms")
	@ValueSource(doubles = { 0, 1, 5, 20 })
	void noSampleAboveTheCeilingAtAnyLookahead(double lookahead) {
		for (float[][] x : hostile()) {
			Effect fx = FxHarness.make(new LimiterFactory(), 2, 128, false, "lookahead", lookahead);
			float[][] y = FxHarness.run(fx, x, 128);
			for (float[] ch : y) {
				assertTrue(FxHarness.peak(ch, 0, N) <= (float) Math.pow(10, -1 / 20.0));
			}
		}
	}

	@ParameterizedTest(name = "block {0}")
	@ValueSource(ints = { 1, 64, 512 })
	void noTruePeakAboveTheCeiling(int block) {
		double ceiling = -1;
		int k = 0;
		for (float[][] hostile : hostile()) {
			k++;
			float[][] x = { bandLimit(hostile[0]), bandLimit(hostile[1]) };
			Effect fx = FxHarness.make(new LimiterFactory(), 2, block, false, "ceiling", ceiling, "truepeak", 1);
			float[][] y = FxHarness.run(fx, x, block);
			for (float[] ch : y) {
				double tp = FxHarness.db(truePeak4x(ch));
				assertTrue(tp <= ceiling + TP_TOLERANCE_DB, "signal " + k + ": true peak " + tp + " dBTP");
			}
		}
	}

	/** Without true peak, a near-Nyquist sine does overshoot between samples: the true-peak mode is needed. */
	@Test
	void samplePeakModeLetsIntersamplePeaksThrough() {
		float[] x = new float[N];
		for (int i = 0; i < N; i++) {
			x[i] = (float) (4 * Math.sin(Math.PI / 2 * i + Math.PI / 4)); // fs/4, samples at 45 degrees
		}
		Effect fx = FxHarness.make(new LimiterFactory(), 1, 512, false, "ceiling", -1);
		float[] y = FxHarness.run(fx, new float[][] { x }, 512)[0];
		assertTrue(FxHarness.db(truePeak4x(y)) > 1.5, "sample-peak limiting of an fs/4 sine at 45 degrees");
		fx = FxHarness.make(new LimiterFactory(), 1, 512, false, "ceiling", -1, "truepeak", 1);
		y = FxHarness.run(fx, new float[][] { x }, 512)[0];
		assertTrue(FxHarness.db(truePeak4x(y)) <= -1 + TP_TOLERANCE_DB);
	}

	@Test
	void latencyIsTheLookahead() {
		for (boolean tp : new boolean[] { false, true }) {
			for (double ms : new double[] { 0, 1, 5, 20 }) {
				Effect fx = FxHarness.make(new LimiterFactory(), 2, 512, false, "lookahead", ms, "truepeak", tp ? 1 : 0);
				int expected = (int) Math.round(ms * 48) + (tp ? LimiterEffect.TP_LATENCY : 0);
				assertEquals(expected, fx.latencySamples(), "reported latency");
				// a quiet impulse comes out exactly latencySamples later, unchanged
				float[] x = new float[4096];
				x[100] = 0.25f;
				float[] y = FxHarness.run(fx, new float[][] { x, x.clone() }, 512)[0];
				assertEquals(0.25f, y[100 + expected], 1e-7f, "impulse at its latency");
				assertEquals(0.25, FxHarness.peak(y, 0, y.length), 1e-7);
			}
		}
	}

	@Test
	void reportsGainReduction() {
		Effect fx = FxHarness.make(new LimiterFactory(), 2, 512, false, "ceiling", -6);
		FxHarness.run(fx, new float[][] { FxHarness.sine(N, 1000, 1), FxHarness.sine(N, 1000, 1) }, 512);
		assertEquals(6, fx.gainReductionDb(), 0.05);
	}

	/**
	 * The signal without content above 20.5 kHz (a 255-tap Blackman-windowed sinc low pass): true-peak limiting is
	 * specified for content below 0.44 fs, as the effect documents; full-band +24 dB white noise can overshoot.
	 */
	static float[] bandLimit(float[] x) {
		int half = 127;
		double fc = 20000 / FxHarness.FS;
		double[] h = new double[2 * half + 1];
		for (int j = -half; j <= half; j++) {
			double sinc = j == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * j) / (Math.PI * j);
			double u = (j + half) / (2.0 * half);
			h[j + half] = sinc * (0.42 - 0.5 * Math.cos(2 * Math.PI * u) + 0.08 * Math.cos(4 * Math.PI * u));
		}
		float[] y = new float[x.length];
		for (int i = 0; i < x.length; i++) {
			double acc = 0;
			for (int j = -half; j <= half; j++) {
				int k = i - j;
				if (k >= 0 && k < x.length) {
					acc += h[j + half] * x[k];
				}
			}
			y[i] = (float) acc;
		}
		return y;
	}

	/** Independent 4x oversampler: Blackman-windowed sinc, 64 input samples each side. */
	static double truePeak4x(float[] x) {
		int half = 64;
		double peak = FxHarness.peak(x, 0, x.length);
		double[][] taps = new double[3][2 * half];
		for (int p = 1; p <= 3; p++) {
			for (int j = 0; j < 2 * half; j++) {
				double t = p / 4.0 - (j - half + 1);
				double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
				double u = (t + half) / (2.0 * half);
				double w = 0.42 - 0.5 * Math.cos(2 * Math.PI * u) + 0.08 * Math.cos(4 * Math.PI * u);
				taps[p - 1][j] = sinc * w;
			}
		}
		for (int m = half; m < x.length - half; m++) {
			for (int p = 0; p < 3; p++) {
				double acc = 0;
				for (int j = 0; j < 2 * half; j++) {
					acc += taps[p][j] * x[m - half + 1 + j];
				}
				peak = Math.max(peak, Math.abs(acc));
			}
		}
		return peak;
	}
}
