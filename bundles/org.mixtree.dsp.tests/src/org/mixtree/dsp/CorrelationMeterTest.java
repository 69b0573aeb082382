package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link CorrelationMeter} against the definition of normalised cross-correlation: identical channels +1,
 * one inverted -1, a quarter-period shift (sine against cosine) 0, independent noise near 0. Over a 300 ms window at
 * 48 kHz (14 400 samples) the correlation of independent Gaussian noise has a standard deviation of
 * 1/sqrt(14400) = 0.008, so +-0.05 is six deviations.
 */
class CorrelationMeterTest {

	static double run(int rate, java.util.function.IntToDoubleFunction l, java.util.function.IntToDoubleFunction r) {
		CorrelationMeter m = new CorrelationMeter(rate, 0.3);
		float[] a = new float[rate];
		float[] b = new float[rate];
		for (int n = 0; n < rate; n++) {
			a[n] = (float) l.applyAsDouble(n);
			b[n] = (float) r.applyAsDouble(n);
		}
		for (int off = 0; off < rate; off += 128) {
			m.process(a, b, off, Math.min(128, rate - off));
		}
		return m.correlation();
	}

	@Test
	void identicalIsPlusOne() {
		assertEquals(1.0, run(48000, n -> Math.sin(n * 0.05), n -> Math.sin(n * 0.05)), 1e-9);
	}

	@Test
	void invertedIsMinusOne() {
		assertEquals(-1.0, run(48000, n -> Math.sin(n * 0.05), n -> -Math.sin(n * 0.05)), 1e-9);
	}

	@Test
	void levelDifferenceDoesNotMatter() {
		assertEquals(1.0, run(44100, n -> Math.sin(n * 0.05), n -> 0.1 * Math.sin(n * 0.05)), 1e-6);
	}

	@Test
	void quadratureIsZero() {
		// 1 kHz at 48 kHz: 300 ms holds 300 whole periods, so sin against cos sums to 0
		assertEquals(0.0, run(48000, n -> Math.sin(2 * Math.PI * 1000 * n / 48000),
				n -> Math.cos(2 * Math.PI * 1000 * n / 48000)), 1e-3);
	}

	@Test
	void independentNoiseIsNearZero() {
		Random left = new Random(1);
		Random right = new Random(2);
		double[] l = new double[48000];
		double[] r = new double[48000];
		for (int n = 0; n < l.length; n++) {
			l[n] = left.nextGaussian() * 0.1;
			r[n] = right.nextGaussian() * 0.1;
		}
		assertEquals(0.0, run(48000, n -> l[n], n -> r[n]), 0.05);
	}

	@Test
	void silenceReadsZero() {
		assertEquals(0.0, run(48000, n -> 0.0, n -> Math.sin(n * 0.05)), 0.0);
	}
}
