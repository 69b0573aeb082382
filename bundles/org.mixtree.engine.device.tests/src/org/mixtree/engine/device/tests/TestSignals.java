package org.mixtree.engine.device.tests;

/** The test signal the device tests play and record. */
final class TestSignals {

	private TestSignals() {
	}

	/**
	 * @return {@code frames} frames at 48 kHz of deterministic noise at -16 dBFS plus two sines per channel, different
	 *         on each channel (peaks below 0.6), so that a misalignment, a swapped channel or a cut stands out
	 */
	static float[][] signal(int frames) {
		float[][] s = new float[2][frames];
		long seed = 0x5DEECE66DL;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < 2; c++) {
				seed = seed * 6364136223846793005L + 1442695040888963407L;
				double noise = ((seed >>> 11) * 0x1.0p-53 - 0.5) * 0.3;
				double t = i / 48000.0;
				s[c][i] = (float) (noise + 0.2 * Math.sin(2 * Math.PI * (c == 0 ? 441 : 997) * t)
						+ 0.1 * Math.sin(2 * Math.PI * 5123.4 * t + c));
			}
		}
		return s;
	}
}
