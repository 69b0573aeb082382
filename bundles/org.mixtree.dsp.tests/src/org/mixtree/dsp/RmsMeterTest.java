package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link RmsMeter} against the definition of RMS: a sine of amplitude A reads A / sqrt(2) (-3.01 dB for full
 * scale, no AES17 offset), a constant reads itself, and the reading covers the last 300 ms. Tolerance 0.01 dB
 * (float input, whole periods in the window).
 */
class RmsMeterTest {

	static void feed(RmsMeter m, int channels, int frames, java.util.function.IntToDoubleFunction left,
			java.util.function.IntToDoubleFunction right, int[] clock) {
		float[][] b = new float[channels][256];
		for (int done = 0; done < frames;) {
			int n = Math.min(256, frames - done);
			for (int i = 0; i < n; i++) {
				b[0][i] = (float) left.applyAsDouble(clock[0] + i);
				if (channels == 2) {
					b[1][i] = (float) right.applyAsDouble(clock[0] + i);
				}
			}
			m.process(b, 0, n);
			clock[0] += n;
			done += n;
		}
	}

	@Test
	void fullScaleSineReadsMinus3dB() {
		RmsMeter m = new RmsMeter(1, 48000, 0.3);
		feed(m, 1, 48000, n -> Math.sin(2 * Math.PI * 1000 * n / 48000), null, new int[1]);
		assertEquals(-3.0103, m.rmsDb(), 0.01);
	}

	@Test
	void stereoReportsTheLouderChannel() {
		RmsMeter m = new RmsMeter(2, 44100, 0.3);
		feed(m, 2, 44100, n -> 0.1, n -> -0.5, new int[1]);
		assertEquals(0.5, m.rms(), 1e-6);
	}

	@Test
	void windowForgetsWhatIsOlderThan300ms() {
		RmsMeter m = new RmsMeter(1, 48000, 0.3);
		int[] clock = new int[1];
		feed(m, 1, 48000, n -> 1.0, null, clock);
		feed(m, 1, 14400, n -> 0.25, null, clock);
		assertEquals(0.25, m.rms(), 1e-6);
		feed(m, 1, 14400, n -> 0.0, null, clock);
		assertEquals(Double.NEGATIVE_INFINITY, m.rmsDb());
	}
}
