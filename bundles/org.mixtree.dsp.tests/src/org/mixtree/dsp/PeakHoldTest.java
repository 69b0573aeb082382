package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link PeakHold} timing from its definition: a peak is held for the hold time, then falls at the stated dB per
 * second, independently of the block size; a louder input takes over at once. Tolerance 1e-9 dB (exact arithmetic).
 */
class PeakHoldTest {

	@Test
	void holdsThenFallsAtTheStatedRate() {
		for (int block : new int[] { 1, 64, 480, 1000 }) {
			PeakHold h = PeakHold.marker(48000);
			h.process(0.5, block);
			int frames = 0;
			while (frames < 72000) { // 1.5 s hold
				int n = Math.min(block, 72000 - frames);
				h.process(0.0, n);
				frames += n;
			}
			assertEquals(Decibels.fromGain(0.5), h.valueDb(), 1e-9, "held, block " + block);
			for (int i = 0; i < 48000; i++) { // one more second: 20 dB down
				h.process(0.0, 1);
			}
			assertEquals(Decibels.fromGain(0.5) - 20.0, h.valueDb(), 1e-9, "fallen, block " + block);
		}
	}

	@Test
	void louderInputTakesOverAndTheFallStopsAtTheInput() {
		PeakHold h = PeakHold.bar(48000);
		h.process(0.1, 480);
		h.process(0.9, 480);
		assertEquals(0.9, h.value(), 0.0);
		h.process(0.85, 48000); // would fall 11.8 dB, but the input is only 0.5 dB lower
		assertEquals(0.85, h.value(), 0.0);
	}

	@Test
	void barReturns20dBIn1point7Seconds() {
		PeakHold h = PeakHold.bar(44100);
		h.process(1.0, 1);
		h.process(0.0, (int) Math.round(1.7 * 44100));
		assertEquals(-20.0, h.valueDb(), 1e-3);
	}
}
