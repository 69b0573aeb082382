package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.TpdfDither;

/**
 * The dither WavWriter relies on, checked against the textbook properties of TPDF dither (+-1 LSB, the sum of
 * two independent uniforms): kept here because this bundle owns TpdfDither's only caller.
 */
class TpdfDitherTest {
	private static final int N = 1_000_000;

	@Test
	void silenceBecomesMinusOneZeroOneInTheTriangleRatios() {
		// quantising 0 + d, d triangular on [-1, 1]: P(|d| > 0.5) = 2 * (0.5^2 / 2) = 1/4, split evenly
		TpdfDither d = new TpdfDither(16, 99);
		int[] counts = new int[3];
		for (int i = 0; i < N; i++) {
			counts[d.quantize(0f) + 1]++;
		}
		// binomial standard deviation of a 1/8 share of 10^6 draws: 0.00033
		assertEquals(0.125, counts[0] / (double) N, 0.002, "P(-1)");
		assertEquals(0.75, counts[1] / (double) N, 0.002, "P(0)");
		assertEquals(0.125, counts[2] / (double) N, 0.002, "P(+1)");
	}

	@Test
	void meanFollowsValuesFinerThanOneLsb() {
		// TPDF makes the quantiser linear in the mean: 0.3 LSB in, 0.3 LSB out on average
		TpdfDither d = new TpdfDither(24, 5);
		float x = 0.3f / 8388608f;
		long sum = 0;
		for (int i = 0; i < N; i++) {
			sum += d.quantize(x);
		}
		assertEquals(0.3, sum / (double) N, 0.003);
	}

	@Test
	void clipsToTheSignedRange() {
		TpdfDither d16 = new TpdfDither(16, 1);
		TpdfDither d24 = new TpdfDither(24, 1);
		for (int i = 0; i < 1000; i++) {
			assertEquals(32767, d16.quantize(1.5f));
			assertEquals(-32768, d16.quantize(-1.5f));
			assertEquals(8388607, d24.quantize(4f));
			assertEquals(-8388608, d24.quantize(-1.01f));
		}
	}

	@Test
	void seedDecides() {
		TpdfDither a = new TpdfDither(16, 7);
		TpdfDither b = new TpdfDither(16, 7);
		TpdfDither c = new TpdfDither(16, 8);
		int differ = 0;
		for (int i = 0; i < 10_000; i++) {
			float x = (float) Math.sin(i * 0.001) * 0.5f;
			int qa = a.quantize(x);
			assertEquals(qa, b.quantize(x));
			if (qa != c.quantize(x)) {
				differ++;
			}
		}
		assertNotEquals(0, differ, "another seed gives other noise");
	}
}
