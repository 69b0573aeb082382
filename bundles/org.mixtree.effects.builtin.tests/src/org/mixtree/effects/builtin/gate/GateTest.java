package org.mixtree.effects.builtin.gate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.reverb.SpaceHarness;
import org.mixtree.effects.builtin.reverb.SpaceHarness.Event;

/** The gate against its documented law: open passes bit for bit, settled closed is exactly range dB, hold exact. */
class GateTest {
	static final int THRESHOLD = 0, RANGE = 1, ATTACK = 2, HOLD = 3, RELEASE = 4;

	static Effect gate(double thr, double range, double attack, double hold, double release) {
		Effect g = new GateFactory().create();
		g.setParameter(THRESHOLD, thr);
		g.setParameter(RANGE, range);
		g.setParameter(ATTACK, attack);
		g.setParameter(HOLD, hold);
		g.setParameter(RELEASE, release);
		g.prepare(SpaceHarness.setup(ChannelLayout.STEREO, 512));
		return g;
	}

	static float[][] sine(double amplitude, double hz, int n) {
		float[][] x = new float[2][n];
		for (int i = 0; i < n; i++) {
			x[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 48000));
			x[1][i] = x[0][i] * 0.5f;
		}
		return x;
	}

	/** A 100 Hz tone at -6 dBFS over a -20 dB threshold (hold 20 ms > half period): unchanged after 50 ms. */
	@Test
	void toneAboveThresholdPassesUnchanged() {
		int n = 48000;
		float[][] x = sine(0.5, 100, n);
		Effect g = gate(-20, -60, 1, 20, 100);
		float[][] y = SpaceHarness.run(g, x, SpaceHarness.blocks(n, 0, 512, 1), 512);
		for (int c = 0; c < 2; c++) {
			for (int i = 2400; i < n; i++) {
				assertEquals(x[c][i], y[c][i], 0.0, "sample " + i);
			}
		}
		assertEquals(0.0, g.gainReductionDb(), 0.0);
	}

	/** A tone at -40 dBFS under a -20 dB threshold, range -30 dB: settled (> 10 release times) to -30 dB, 1e-6. */
	@Test
	void toneBelowThresholdIsAttenuatedByRange() {
		int n = 48000;
		float[][] x = sine(0.01, 1000, n);
		Effect g = gate(-20, -30, 1, 10, 20);
		float[][] y = SpaceHarness.run(g, x, SpaceHarness.blocks(n, 0, 512, 2), 512);
		double expected = Math.pow(10, -30 / 20.0);
		for (int i = 24000; i < n; i++) {
			if (Math.abs(x[0][i]) > 1e-3) {
				assertEquals(expected, y[0][i] / x[0][i], 1e-6, "gain at " + i);
			}
		}
		assertEquals(30.0, g.gainReductionDb(), 1e-9);
	}

	/**
	 * Hold 10 ms = 480 samples: after the last sample at or above the threshold (n0), the gain stays exactly 1
	 * through n0 + 480 and falls from n0 + 481 on; then it follows the release law floor + (1 - floor) e^(-k/tau)
	 * (tau = 5 ms = 240 samples), checked one time constant in, 1e-6.
	 */
	@Test
	void holdTimeIsExact() {
		int n = 20000;
		int n0 = 9999;
		float[][] x = new float[2][n];
		for (int i = 0; i < n; i++) {
			x[0][i] = i <= n0 ? 0.5f : 0.01f; // DC: -6 dB, then -40 dB (under -20 dB)
			x[1][i] = x[0][i];
		}
		Effect g = gate(-20, -40, 0.5, 10, 5);
		float[][] y = SpaceHarness.run(g, x, SpaceHarness.blocks(n, 0, 512, 7), 512);
		int firstDrop = -1;
		for (int i = 5000; i < n; i++) {
			if (y[0][i] / x[0][i] < 1.0) {
				firstDrop = i;
				break;
			}
		}
		assertEquals(n0 + 480 + 1, firstDrop, "first attenuated sample");
		double floor = 0.01;
		double expected = floor + (1 - floor) * Math.exp(-1.0); // after 240 release steps
		assertEquals(expected, y[0][firstDrop + 239] / x[0][firstDrop + 239], 1e-6);
	}

	/** With events, any block cutting gives the same bits. */
	@Test
	void outputIndependentOfBlockSize() {
		int n = 48000;
		float[][] x = SpaceHarness.noise(2, n, 0.05, 5);
		for (int i = 0; i < n; i += 6000) {
			for (int k = 0; k < 300; k++) {
				x[0][i + k] += 0.6f;
			}
		}
		Event[] events = { new Event(1000, THRESHOLD, -30), new Event(7000, RANGE, -20), new Event(9000, HOLD, 5),
				new Event(15000, RELEASE, 300), new Event(15001, ATTACK, 10) };
		float[][] ref = SpaceHarness.run(gate(-12, -50, 1, 30, 50), x, SpaceHarness.blocks(n, 1, 1, 0), 4096, events);
		for (int size : new int[] { 7, 64, 512, 0 }) {
			float[][] y = SpaceHarness.run(gate(-12, -50, 1, 30, 50), x, SpaceHarness.blocks(n, size, 512, size), 512,
					events);
			assertArrayEquals(ref[0], y[0], "block " + size);
			assertArrayEquals(ref[1], y[1], "block " + size);
		}
	}

	@Test
	void processAllocatesNothing() {
		Effect g = gate(-30, -60, 1, 20, 80);
		Event[] events = { new Event(5, THRESHOLD, -10), new Event(17, RANGE, -30), new Event(100, HOLD, 70),
				new Event(3, ATTACK, 3), new Event(9, RELEASE, 500), new Event(0, THRESHOLD, -40) };
		assertEquals(0, SpaceHarness.allocationOver(g, 2, 512, 2000, 1000, events));
		assertTrue(g.gainReductionDb() >= 0);
	}
}
