package org.mixtree.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Real forward FFT of a fixed even length on JTransforms, with the spectra analysers and tests need. The plan and
 * the work buffer are made in the constructor, so the spectrum methods allocate nothing for power-of-two sizes.
 * <p>
 * Thread rules: one instance per thread. JTransforms splits a transform over threads from
 * {@code CommonUtils.getThreadsBeginN_1D_FFT_2Threads()} points on (8192 by default); audio-thread users stay
 * below that size.
 */
public final class Fft {
	private final int n;
	private final DoubleFFT_1D plan;
	private final double[] work;

	/** @param n transform length, even and at least 2 */
	public Fft(int n) {
		if (n < 2 || (n & 1) != 0) {
			throw new IllegalArgumentException("FFT length must be even and >= 2: " + n);
		}
		this.n = n;
		this.plan = new DoubleFFT_1D(n);
		this.work = new double[n];
	}

	/** @return the transform length */
	public int size() {
		return n;
	}

	/** @return the number of one-sided bins, {@code n / 2 + 1} (DC to Nyquist) */
	public int bins() {
		return n / 2 + 1;
	}

	/**
	 * Unnormalised power {@code |X[k]|^2} of the first {@code n} values of {@code signal}, for k = 0 .. n/2.
	 * The input is not modified.
	 */
	public void powerSpectrum(double[] signal, double[] outPower) {
		transform(signal);
		outPower[0] = work[0] * work[0];
		outPower[n / 2] = work[1] * work[1];
		for (int k = 1; k < n / 2; k++) {
			double re = work[2 * k];
			double im = work[2 * k + 1];
			outPower[k] = re * re + im * im;
		}
	}

	/**
	 * Peak amplitude of the sinusoid at each bin centre (rectangular window): a coherently sampled
	 * {@code A sin(2 pi k t / n)} reads {@code A} at bin k; DC and Nyquist read their plain value.
	 */
	public void amplitudeSpectrum(double[] signal, double[] outAmplitude) {
		powerSpectrum(signal, outAmplitude);
		double scale = 2.0 / n;
		outAmplitude[0] = Math.sqrt(outAmplitude[0]) / n;
		outAmplitude[n / 2] = Math.sqrt(outAmplitude[n / 2]) / n;
		for (int k = 1; k < n / 2; k++) {
			outAmplitude[k] = Math.sqrt(outAmplitude[k]) * scale;
		}
	}

	/** Phase in radians of bin {@code k} (0 < k < n/2) of {@code signal}, as {@code atan2(Im, Re)}. */
	public double phase(double[] signal, int k) {
		transform(signal);
		return Math.atan2(work[2 * k + 1], work[2 * k]);
	}

	private void transform(double[] signal) {
		System.arraycopy(signal, 0, work, 0, n);
		plan.realForward(work);
	}
}
