package org.mixtree.effects.builtin.utility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.FxHarness;

/** Width, mono, polarity and gain against their definitions (M = (L+R)/2, S = (L-R)/2), per sample. */
class UtilityTest {

	private static final int N = 4800;
	private final float[] l = FxHarness.noise(N, 0.5, 7);
	private final float[] r = FxHarness.noise(N, 0.5, 8);

	private float[][] run(Object... params) {
		Effect fx = FxHarness.make(new UtilityFactory(), 2, 256, false, params);
		return FxHarness.run(fx, new float[][] { l, r }, 256);
	}

	@Test
	void width100IsUnchanged() {
		float[][] y = run();
		for (int i = 0; i < N; i++) {
			assertEquals(l[i], y[0][i], 0f);
			assertEquals(r[i], y[1][i], 0f);
		}
	}

	@Test
	void width0AndMonoAreTheMonoSum() {
		for (float[][] y : new float[][][] { run("width", 0), run("mono", 1), run("mono", 1, "width", 180) }) {
			for (int i = 0; i < N; i++) {
				double m = (l[i] + (double) r[i]) / 2;
				assertEquals(m, y[0][i], 1e-7);
				assertEquals(m, y[1][i], 1e-7);
			}
		}
	}

	@Test
	void width200DoublesTheSide() {
		float[][] y = run("width", 200);
		for (int i = 0; i < N; i++) {
			double m = (l[i] + (double) r[i]) / 2, s = (l[i] - (double) r[i]) / 2;
			assertEquals(m + 2 * s, y[0][i], 1e-6);
			assertEquals(m - 2 * s, y[1][i], 1e-6);
		}
	}

	@Test
	void polarityAndGain() {
		float[][] y = run("invertL", 1, "gain", -6);
		double g = Math.pow(10, -6 / 20.0);
		for (int i = 0; i < N; i++) {
			assertEquals(-g * l[i], y[0][i], 1e-7);
			assertEquals(g * r[i], y[1][i], 1e-7);
		}
		y = run("invertR", 1);
		for (int i = 0; i < N; i++) {
			assertEquals(l[i], y[0][i], 1e-7);
			assertEquals(-r[i], y[1][i], 1e-7);
		}
	}

	@Test
	void monoLayoutAppliesPolarityAndGain() {
		Effect fx = FxHarness.make(new UtilityFactory(), 1, 256, false, "invertL", 1, "gain", 6);
		float[] y = FxHarness.run(fx, new float[][] { l }, 256)[0];
		double g = Math.pow(10, 6 / 20.0);
		for (int i = 0; i < N; i++) {
			assertEquals(-g * l[i], y[i], 1e-6);
		}
	}
}
