package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The fast conversions against the JDK's exact ones ({@code Math.log10}, {@code Math.pow}, outside the code under
 * test), over the range a compressor meets and beyond, in dB: every error under {@link FastDecibels#MAX_ERROR_DB}.
 */
class FastDecibelsTest {

	@Test
	void fromGainIsWithinTheStatedErrorFromMinus400ToPlus100Db() {
		SplittableRandom r = new SplittableRandom(7);
		double worst = 0;
		for (int i = 0; i < 2_000_000; i++) {
			double db = -400 + 500 * r.nextDouble();
			double gain = Math.pow(10.0, db / 20.0);
			double exact = 20.0 * Math.log10(gain);
			worst = Math.max(worst, Math.abs(FastDecibels.fromGain(gain) - exact));
		}
		// around every power of two and the fold at sqrt(2), where a polynomial's error would peak
		for (int e = -60; e <= 10; e++) {
			for (double m : new double[] { 1.0, Math.nextDown(Math.sqrt(2)), Math.sqrt(2), Math.nextUp(Math.sqrt(2)),
					Math.nextDown(2.0), 0.75, 1.5 }) {
				double gain = Math.scalb(m, e);
				worst = Math.max(worst, Math.abs(FastDecibels.fromGain(gain) - 20.0 * Math.log10(gain)));
			}
		}
		assertTrue(worst < FastDecibels.MAX_ERROR_DB, "worst error " + worst + " dB");
	}

	@Test
	void fromPowerIsHalfTheLevelOfTheSameNumberAsAGain() {
		SplittableRandom r = new SplittableRandom(11);
		for (int i = 0; i < 100_000; i++) {
			double p = Math.pow(10.0, -20 * r.nextDouble());
			assertEquals(10.0 * Math.log10(p), FastDecibels.fromPower(p), FastDecibels.MAX_ERROR_DB);
		}
	}

	@Test
	void toGainIsWithinTheStatedErrorAsALevel() {
		SplittableRandom r = new SplittableRandom(3);
		double worst = 0;
		for (int i = 0; i < 2_000_000; i++) {
			double db = -1000 + 1200 * r.nextDouble();
			double exact = Math.pow(10.0, db / 20.0);
			double fast = FastDecibels.toGain(db);
			worst = Math.max(worst, Math.abs(20.0 * Math.log10(fast / exact)));
		}
		for (int k = -100; k <= 100; k++) { // half-integers of log2, where the rounding to n flips
			double db = (k + 0.5) * 20.0 * Math.log10(2.0);
			worst = Math.max(worst, Math.abs(20.0 * Math.log10(FastDecibels.toGain(db) / Math.pow(10.0, db / 20.0))));
		}
		assertTrue(worst < FastDecibels.MAX_ERROR_DB, "worst error " + worst + " dB");
	}

	@Test
	void theEndsOfTheRangeAndSpecialValuesAreThoseOfTheExactFunctions() {
		assertEquals(Double.NEGATIVE_INFINITY, FastDecibels.fromGain(0.0));
		assertTrue(Double.isNaN(FastDecibels.fromGain(-1.0)));
		assertTrue(Double.isNaN(FastDecibels.fromGain(Double.NaN)));
		assertEquals(Double.POSITIVE_INFINITY, FastDecibels.fromGain(Double.POSITIVE_INFINITY));
		assertEquals(20.0 * Math.log10(Double.MIN_VALUE), FastDecibels.fromGain(Double.MIN_VALUE), 1e-9);
		assertEquals(0.0, FastDecibels.fromGain(1.0));
		assertEquals(1.0, FastDecibels.toGain(0.0));
		assertEquals(0.0, FastDecibels.toGain(-7000));
		assertEquals(Double.POSITIVE_INFINITY, FastDecibels.toGain(7000));
		assertTrue(Double.isNaN(FastDecibels.toGain(Double.NaN)));
		assertEquals(0.0, FastDecibels.toGain(Double.NEGATIVE_INFINITY));
		for (int e = -1000; e <= 1000; e += 7) {
			assertEquals(e, FastDecibels.log2(Math.scalb(1.0, e)), "log2 of 2^" + e);
			assertEquals(Math.scalb(1.0, e), FastDecibels.exp2(e), "2^" + e);
		}
	}
}
