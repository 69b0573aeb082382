package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Momentary and short-term loudness of {@link LoudnessMeter} as a meter reads them while the audio plays, against
 * EBU Tech 3341 (V4) cases 9, 11, 12 and 14, generated here (stereo 1 kHz sine, 48 kHz; a sine at L dBFS on
 * both channels reads L LUFS, Tech 3341 case 1). Tolerance +-0.1 LU as published.
 * <ul>
 * <li>case 9: 1.34 s at -20 dBFS then 1.66 s at -30 dBFS, five times: S = -23.0 constant after 3 s;</li>
 * <li>case 12: 0.18 s at -20 dBFS then 0.22 s at -30 dBFS, repeated: M = -23.0 constant after 1 s;</li>
 * <li>cases 11 and 14: bursts at -38, -37 ... -19 dBFS; the maximum S (3 s bursts) or M (0.4 s bursts) of each
 * burst reads its level. The published files place the bursts themselves; here each burst is 3 s (resp. 0.4 s)
 * followed by as much silence, aligned to the 100 ms update grid, so the expected maxima are exactly the
 * levels.</li>
 * </ul>
 * Cases 10 and 13 (bursts at offsets not on a 100 ms grid, files only) are not reproduced.
 */
class LoudnessMeterMomentaryShortTermTest {

	private static final int RATE = 48000;

	/** Plays level steps {dBFS, seconds} in 10 ms blocks; calls back after every block with the time in seconds. */
	static void play(LoudnessMeter m, double[][] steps, java.util.function.DoubleConsumer afterBlock) {
		float[][] block = new float[2][RATE / 100];
		long t = 0;
		for (double[] step : steps) {
			double a = step[0] == Double.NEGATIVE_INFINITY ? 0.0 : Math.pow(10, step[0] / 20);
			long frames = Math.round(step[1] * RATE);
			while (frames > 0) {
				int n = (int) Math.min(frames, block[0].length);
				for (int i = 0; i < n; i++, t++) {
					float v = (float) (a * Math.sin(2 * Math.PI * 1000.0 * t / RATE));
					block[0][i] = v;
					block[1][i] = v;
				}
				m.process(block, 0, n);
				frames -= n;
				afterBlock.accept((double) t / RATE);
			}
		}
	}

	static double[][] repeat(int times, double[]... pattern) {
		double[][] steps = new double[times * pattern.length][];
		for (int i = 0; i < steps.length; i++) {
			steps[i] = pattern[i % pattern.length];
		}
		return steps;
	}

	@Test
	void case9ShortTermConstantAfter3s() {
		LoudnessMeter m = new LoudnessMeter(2, RATE);
		int[] checked = { 0 };
		play(m, repeat(5, new double[] { -20, 1.34 }, new double[] { -30, 1.66 }), time -> {
			if (time >= 3.0 - 1e-9) {
				assertEquals(-23.0, m.shortTermLufs(), 0.1, "S at " + time + " s");
				checked[0]++;
			}
		});
		assertEquals(1201, checked[0]);
	}

	@Test
	void case12MomentaryConstantAfter1s() {
		LoudnessMeter m = new LoudnessMeter(2, RATE);
		play(m, repeat(25, new double[] { -20, 0.18 }, new double[] { -30, 0.22 }), time -> {
			if (time >= 1.0 - 1e-9) {
				assertEquals(-23.0, m.momentaryLufs(), 0.1, "M at " + time + " s");
			}
		});
	}

	@Test
	void case11MaximumShortTermOfEachBurst() {
		LoudnessMeter m = new LoudnessMeter(2, RATE);
		for (int level = -38; level <= -19; level++) {
			double[] max = { Double.NEGATIVE_INFINITY };
			play(m, new double[][] { { level, 3.0 }, { Double.NEGATIVE_INFINITY, 3.0 } },
					time -> max[0] = Math.max(max[0], m.shortTermLufs()));
			assertEquals(level, max[0], 0.1, "burst at " + level + " dBFS");
		}
	}

	@Test
	void case14MaximumMomentaryOfEachBurst() {
		LoudnessMeter m = new LoudnessMeter(2, RATE);
		for (int level = -38; level <= -19; level++) {
			double[] max = { Double.NEGATIVE_INFINITY };
			play(m, new double[][] { { level, 0.4 }, { Double.NEGATIVE_INFINITY, 0.4 } },
					time -> max[0] = Math.max(max[0], m.momentaryLufs()));
			assertEquals(level, max[0], 0.1, "burst at " + level + " dBFS");
		}
	}

	@Test
	void segmentsCountHundredMillisecondSteps() {
		LoudnessMeter m = new LoudnessMeter(2, RATE);
		play(m, new double[][] { { -23, 1.05 } }, time -> {
		});
		assertEquals(10, m.segments());
		m.reset();
		assertEquals(0, m.segments());
	}
}
