package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecibelsTest {
	@Test
	void sixDecibelsIsAboutTwice() {
		// 20*log10(2) = 6.0206 dB (definition of the decibel for amplitudes)
		assertEquals(2.0, Decibels.toGain(6.020599913279624), 1e-12);
		assertEquals(0.0, Decibels.toGain(Double.NEGATIVE_INFINITY));
		assertEquals(-20.0, Decibels.fromGain(0.1), 1e-12);
	}
}
