package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DenormalsTest {
	@Test
	void tinyValuesBecomeZeroOthersAreKept() {
		// Float.MIN_NORMAL / 2 and Float.MIN_VALUE are subnormal floats (IEEE 754); 4.9e-324 a subnormal double
		assertEquals(0f, Denormals.flush(Float.MIN_NORMAL / 2));
		assertEquals(0f, Denormals.flush(-Float.MIN_VALUE));
		assertEquals(0.0, Denormals.flush(Double.MIN_VALUE));
		assertEquals(1e-20, Denormals.flush(1e-20));
		assertEquals(-0.5f, Denormals.flush(-0.5f));
		float[] buf = { 1e-35f, 0.25f, -1e-31f, 1e-29f };
		Denormals.flush(buf, 0, buf.length);
		assertArrayEquals(new float[] { 0f, 0.25f, 0f, 1e-29f }, buf);
	}

	/**
	 * A slowly decaying filter (Q 10 at 100 Hz: about 80 dB per three seconds) rings down after an impulse. Without
	 * flushing, its output would spend seconds as subnormal floats (below 1.18e-38 = Float.MIN_NORMAL); with the
	 * state flushed per block, it goes from normal values straight to exact zeros.
	 */
	@Test
	void biquadRingDownNeverProducesSubnormals() {
		Biquad b = new Biquad().setLowpass(48000, 100, 10);
		float[] block = new float[512];
		block[0] = 1f;
		int subnormals = 0;
		boolean reachedZero = false;
		for (int i = 0; i < 48000 * 30 / 512; i++) {
			b.process(block, 0, block.length);
			for (float y : block) {
				if (y != 0f && Math.abs(y) < Float.MIN_NORMAL) {
					subnormals++;
				}
			}
			reachedZero = block[block.length - 1] == 0f;
			java.util.Arrays.fill(block, 0f);
		}
		assertEquals(0, subnormals);
		assertTrue(reachedZero, "silence in gives exact silence out after the ring-down");
	}
}
