package org.mixtree.effects.builtin.delay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.reverb.SpaceHarness;
import org.mixtree.effects.builtin.reverb.SpaceHarness.Event;

/** The delay against its documented signal law: echoes at k D of amplitude fb^(k-1), linear mix. */
class DelayTest {
	static final int TIME = 0, FEEDBACK = 1, MIX = 2, LOWCUT = 3, HIGHCUT = 4;

	static Effect delay(double ms, double fb, double mix, ChannelLayout layout, int maxBlock) {
		Effect d = new DelayFactory().create();
		d.setParameter(TIME, ms);
		d.setParameter(FEEDBACK, fb);
		d.setParameter(MIX, mix);
		d.prepare(SpaceHarness.setup(layout, maxBlock));
		return d;
	}

	/**
	 * 10 ms at 48 kHz = 480 samples, 50 % feedback, mix 100 %, filters off: the echo k sits exactly at 480 k with
	 * amplitude 0.5^(k-1) (float rounding, 1e-7), every other sample is 0; for block sizes 1, 7, 512, random.
	 */
	@ParameterizedTest
	@ValueSource(ints = { 1, 7, 512, 0 })
	void impulseGivesEchoesAtTimeTimesRate(int size) {
		int n = 480 * 12;
		float[][] x = new float[2][n];
		x[0][0] = 1;
		x[1][0] = -1;
		float[][] y = SpaceHarness.run(delay(10, 50, 100, ChannelLayout.STEREO, 512), x,
				SpaceHarness.blocks(n, size, 512, 2), 512);
		for (int i = 0; i < n; i++) {
			double expected = i > 0 && i % 480 == 0 ? Math.pow(0.5, i / 480 - 1) : 0;
			assertEquals(expected, y[0][i], 1e-7, "sample " + i);
			assertEquals(-expected, y[1][i], 1e-7, "sample " + i);
		}
	}

	/** Mix law y = (1 - m) x + m w: at 30 %, the dry impulse reads 0.7 and the first echo 0.3. */
	@Test
	void mixIsALinearCrossfade() {
		int n = 2000;
		float[][] x = new float[1][n];
		x[0][0] = 1;
		float[][] y = SpaceHarness.run(delay(12.5, 0, 30, ChannelLayout.MONO, 256), x,
				SpaceHarness.blocks(n, 256, 256, 1), 256);
		assertEquals(0.7, y[0][0], 1e-7);
		assertEquals(0.3, y[0][600], 1e-7);
		assertEquals(0.0, y[0][1200], 0.0);
	}

	/** With parameter events (time, feedback, mix, filters), any block cutting gives the same bits. */
	@Test
	void outputIndependentOfBlockSize() {
		int n = 48000;
		float[][] x = SpaceHarness.noise(2, n, 0.2, 5);
		Event[] events = { new Event(1000, TIME, 120), new Event(1000, FEEDBACK, 80), new Event(9000, MIX, 60),
				new Event(15000, LOWCUT, 400), new Event(15001, HIGHCUT, 3000), new Event(20000, TIME, 33.3),
				new Event(20500, TIME, 250) };
		float[][] ref = SpaceHarness.run(delay(50, 30, 50, ChannelLayout.STEREO, 4096), x,
				SpaceHarness.blocks(n, 1, 1, 0), 4096, events);
		for (int size : new int[] { 7, 64, 4096, 0 }) {
			float[][] y = SpaceHarness.run(delay(50, 30, 50, ChannelLayout.STEREO, 4096), x,
					SpaceHarness.blocks(n, size, 4096, size), 4096, events);
			assertArrayEquals(ref[0], y[0], "block " + size);
			assertArrayEquals(ref[1], y[1], "block " + size);
		}
	}

	/**
	 * A time change on a 440 Hz sine (mix 100 %) does not click: the largest sample-to-sample step stays below
	 * twice the sine's own largest step (a jump of the read pointer would make a step near 2 A).
	 */
	@Test
	void timeChangeDoesNotClick() {
		int n = 24000;
		float[][] x = new float[1][n];
		double w = 2 * Math.PI * 440 / 48000;
		for (int i = 0; i < n; i++) {
			x[0][i] = (float) (0.5 * Math.sin(w * i));
		}
		float[][] y = SpaceHarness.run(delay(100, 0, 100, ChannelLayout.MONO, 512), x,
				SpaceHarness.blocks(n, 0, 512, 3), 512, new Event(10000, TIME, 101.1), new Event(15000, TIME, 37));
		double sineStep = 0.5 * w;
		double maxStep = 0;
		for (int i = 4801; i < n; i++) {
			maxStep = Math.max(maxStep, Math.abs(y[0][i] - y[0][i - 1]));
		}
		assertTrue(maxStep < 2 * sineStep, "step " + maxStep + " vs sine " + sineStep);
	}

	/** Tail: the echoes fall below -120 dB; after the tail the output of an impulse is below 1e-6. */
	@Test
	void tailEndsBelowMinus120Db() {
		Effect d = delay(5, 90, 100, ChannelLayout.MONO, 512);
		long tail = d.tailSamples();
		// echo k = 0.9^(k-1) < 1e-6 from k = 133 on: the tail covers 133 echoes of 240 samples
		assertEquals(133L * 240, tail);
		int n = (int) tail + 2400;
		float[][] x = new float[1][n];
		x[0][0] = 1;
		float[][] y = SpaceHarness.run(d, x, SpaceHarness.blocks(n, 512, 512, 0), 512);
		for (int i = (int) tail + 1; i < n; i++) {
			assertTrue(Math.abs(y[0][i]) < 1e-6, "sample " + i + " = " + y[0][i]);
		}
		assertTrue(Math.abs(y[0][(int) tail - 240]) > 1e-6);
	}

	/** The high cut in the loop darkens each echo: the 2nd echo of an impulse is smaller in peak than the 1st. */
	@Test
	void filtersActOnEveryRepeat() {
		Effect d = delay(10, 90, 100, ChannelLayout.MONO, 512);
		d.setParameter(HIGHCUT, 2000);
		d.setParameter(LOWCUT, 200);
		int n = 480 * 4;
		float[][] x = new float[1][n];
		x[0][0] = 1;
		float[][] y = SpaceHarness.run(d, x, SpaceHarness.blocks(n, 512, 512, 0), 512);
		double p1 = 0, p2 = 0;
		for (int i = 480; i < 960; i++) {
			p1 = Math.max(p1, Math.abs(y[0][i]));
			p2 = Math.max(p2, Math.abs(y[0][i + 480]));
		}
		assertTrue(p1 < 0.5 && p2 < 0.9 * 0.9 * p1, p1 + " " + p2);
	}

	@Test
	void processAllocatesNothing() {
		Effect d = delay(300, 60, 40, ChannelLayout.STEREO, 512);
		Event[] events = { new Event(5, TIME, 310), new Event(17, FEEDBACK, 30), new Event(100, MIX, 70),
				new Event(3, LOWCUT, 300), new Event(9, HIGHCUT, 5000), new Event(0, TIME, 290) };
		assertEquals(0, SpaceHarness.allocationOver(d, 2, 512, 2000, 1000, events));
	}
}
