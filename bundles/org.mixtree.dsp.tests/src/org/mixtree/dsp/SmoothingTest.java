package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Smoothing} against the closed forms of its three ramps; tolerances are double rounding (1e-12). */
class SmoothingTest {
	@Test
	void linearRampTakesEqualStepsAndLandsExactly() {
		Smoothing s = Smoothing.linear(100, 0.2);
		s.setTarget(-0.8);
		for (int k = 1; k <= 100; k++) {
			assertEquals(0.2 + (-0.8 - 0.2) * k / 100.0, s.next(), 1e-12, "frame " + k);
		}
		assertEquals(-0.8, s.current()); // exactly
		assertFalse(s.isSmoothing());
		assertEquals(-0.8, s.next());
	}

	@Test
	void linearRetargetStartsFromWhereTheRampIs() {
		Smoothing s = Smoothing.linear(10, 0.0);
		s.setTarget(1.0);
		for (int k = 0; k < 5; k++) {
			s.next();
		}
		s.setTarget(0.0); // from 0.5 back to 0 over 10 frames
		assertEquals(0.5 - 0.05, s.next(), 1e-12);
		for (int k = 0; k < 9; k++) {
			s.next();
		}
		assertEquals(0.0, s.current());
	}

	@Test
	void multiplicativeRampIsAStraightLineInDecibels() {
		Smoothing s = Smoothing.multiplicative(480, Decibels.toGain(-6));
		s.setTarget(Decibels.toGain(+6));
		for (int k = 1; k <= 480; k++) {
			// -6 dB to +6 dB in 480 equal steps of 0.025 dB
			assertEquals(-6 + 12.0 * k / 480, Decibels.fromGain(s.next()), 1e-9, "frame " + k);
		}
		assertEquals(Decibels.toGain(6), s.current());
	}

	@Test
	void multiplicativeRampToSilenceEndsAtZeroAndFallsAllTheWay() {
		Smoothing s = Smoothing.multiplicative(100, 1.0);
		s.setTarget(0.0);
		double previous = 1.0;
		for (int k = 1; k < 100; k++) {
			double v = s.next();
			assertTrue(v < previous, "monotone at frame " + k);
			// geometric from 1 to the -100 dB floor: 1e-5^(k/100)
			assertEquals(Math.pow(Smoothing.FLOOR, k / 100.0), v, 1e-12);
			previous = v;
		}
		assertEquals(0.0, s.next());
		s.setTarget(1.0); // and back up from silence, from the floor
		assertEquals(Math.pow(Smoothing.FLOOR, 99 / 100.0), s.next(), 1e-12);
	}

	@Test
	void onePoleFollowsTheExponential() {
		double tau = 240;
		Smoothing s = Smoothing.onePole(tau, 0.0);
		s.setTarget(1.0);
		for (int k = 1; k <= 2000; k++) {
			assertEquals(1.0 - Math.exp(-k / tau), s.next(), 1e-12, "frame " + k);
		}
		// after one time constant it has covered 1 - 1/e of the step
		Smoothing t = Smoothing.onePole(tau, 0.0);
		t.setTarget(2.0);
		for (int k = 0; k < tau; k++) {
			t.next();
		}
		assertEquals(2.0 * (1 - 1 / Math.E), t.current(), 1e-12);
		for (int k = 0; k < 20000; k++) {
			t.next();
		}
		assertEquals(2.0, t.current());
		assertFalse(t.isSmoothing());
	}

	@Test
	void applyGainMultipliesByTheRamp() {
		Smoothing s = Smoothing.linear(4, 1.0);
		s.setTarget(0.0);
		float[] x = { 1f, 1f, 1f, 1f, 1f, 1f };
		s.applyGain(x, 0, 6);
		float[] expected = { 0.75f, 0.5f, 0.25f, 0f, 0f, 0f };
		for (int i = 0; i < x.length; i++) {
			assertEquals(expected[i], x[i], 1e-7);
		}
	}
}
