package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Fft} against the DFT written out as its definition, {@code X[k] = sum x[t] e^(-2 pi i k t / n)}. */
class FftTest {
	@ParameterizedTest(name = "n = {0}")
	@ValueSource(ints = { 2, 8, 48, 160, 1024, 1470 })
	void powerSpectrumMatchesTheDefinition(int n) {
		Random random = new Random(n);
		double[] x = new double[n];
		for (int t = 0; t < n; t++) {
			x[t] = random.nextGaussian();
		}
		double[] power = new double[n / 2 + 1];
		Fft fft = new Fft(n);
		fft.powerSpectrum(x, power);
		for (int k = 0; k <= n / 2; k++) {
			double re = 0;
			double im = 0;
			for (int t = 0; t < n; t++) {
				double w = -2 * Math.PI * ((long) k * t % n) / n;
				re += x[t] * Math.cos(w);
				im += x[t] * Math.sin(w);
			}
			double expected = re * re + im * im;
			// relative 1e-9 of the total energy: double rounding of an O(n log n) transform, far above it
			assertEquals(expected, power[k], 1e-9 * n * n, "bin " + k);
		}
	}

	@ParameterizedTest(name = "n = {0}")
	@ValueSource(ints = { 64, 4096, 75264 })
	void coherentSineReadsItsAmplitudeAndPhase(int n) {
		int bin = n / 7;
		double amplitude = 0.3;
		double phase = 0.7;
		double[] x = new double[n];
		for (int t = 0; t < n; t++) {
			x[t] = amplitude * Math.cos(2 * Math.PI * bin * t / n + phase) + 0.125;
		}
		Fft fft = new Fft(n);
		double[] amp = new double[fft.bins()];
		fft.amplitudeSpectrum(x, amp);
		// A cos(wt + p) with an integer number of cycles puts n A / 2 in bin k and nothing elsewhere; DC reads
		// its value. Tolerance 1e-12: double rounding.
		assertEquals(amplitude, amp[bin], 1e-12);
		assertEquals(0.125, amp[0], 1e-12);
		for (int k = 1; k < amp.length; k++) {
			if (k != bin) {
				assertEquals(0.0, amp[k], 1e-11, "bin " + k);
			}
		}
		assertEquals(phase, fft.phase(x, bin), 1e-9);
	}
}
