package org.mixtree.views.spectrum.analysis;

import org.mixtree.dsp.Fft;

/**
 * One frame in, one spectrum out: a Hann-windowed real FFT (JTransforms through {@link Fft}) of {@code size} samples,
 * as levels in dBFS per bin.
 * <p>
 * <b>Amplitude correction.</b> The periodic Hann window {@code w[n] = 0.5 (1 - cos(2 pi n / N))} has a coherent
 * gain of {@value #HANN_COHERENT_GAIN} (its mean), so a sine's peak in the windowed transform is
 * {@code A N / 4}: the levels are scaled by {@code 2 / (N * 0.5)}, i.e. the plain one-sided amplitude scaling
 * {@code 2 / N} times the correction {@code 1 / 0.5} (+6.02 dB). A full-scale sine centred on a bin reads 0 dBFS there;
 * between two bins it reads up to 1.42 dB less (Hann's scalloping loss). The noise bandwidth is 1.5 bins, so broadband
 * noise reads 1.76 dB more than with a rectangular window of the same resolution: the display shows sine levels,
 * as analysers in DAWs do.
 * <p>
 * Thread rules: one instance per thread (the analysis worker); {@link #addPower} allocates nothing ({@link #analyse},
 * for one-off use, does).
 */
public final class Spectrum {
	/** The Hann window's coherent gain: the mean of its samples. */
	public static final double HANN_COHERENT_GAIN = 0.5;
	/** The level a bin with no energy reads, dBFS. */
	public static final double FLOOR_DB = -200.0;

	private final int size;
	private final int sampleRate;
	private final Fft fft;
	private final double[] window;
	private final double[] frame;
	private final double[] power;
	private final double scale;

	/**
	 * @param size       FFT length, a power of two from 256 to 65536
	 * @param sampleRate in Hz
	 */
	public Spectrum(int size, int sampleRate) {
		if (size < 256 || size > 65536 || Integer.bitCount(size) != 1) {
			throw new IllegalArgumentException("spectrum size must be a power of two from 256 to 65536: " + size);
		}
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
		}
		this.size = size;
		this.sampleRate = sampleRate;
		this.fft = new Fft(size);
		this.window = hann(size);
		this.frame = new double[size];
		this.power = new double[size / 2 + 1];
		double amplitude = 2.0 / (size * HANN_COHERENT_GAIN);
		this.scale = amplitude * amplitude;
	}

	/** @return the periodic Hann window of length {@code n} (the DFT-even form, exact coherent gain 0.5) */
	public static double[] hann(int n) {
		double[] w = new double[n];
		for (int i = 0; i < n; i++) {
			w[i] = 0.5 * (1.0 - Math.cos(2.0 * Math.PI * i / n));
		}
		return w;
	}

	public int size() {
		return size;
	}

	public int sampleRate() {
		return sampleRate;
	}

	/** @return one-sided bins, {@code size / 2 + 1} */
	public int bins() {
		return size / 2 + 1;
	}

	/** @return the width of a bin, Hz */
	public double binHz() {
		return (double) sampleRate / size;
	}

	/** @return the centre frequency of bin {@code k}, Hz */
	public double frequency(int k) {
		return k * binHz();
	}

	/**
	 * Windows {@code size} samples and adds their power per bin (amplitude-corrected, linear: {@code A^2} of a sine
	 * centred on the bin) to {@code accumulate[0 .. bins)}. The samples are taken from the ring {@code ring} starting
	 * at {@code start} and wrapping at {@code ring.length} (which must be at least {@code size}), so a streaming caller
	 * needs no copy. Several channels are summed into the same array and averaged by the caller.
	 */
	public void addPower(float[] ring, int start, double[] accumulate) {
		int len = ring.length;
		int p = start;
		for (int i = 0; i < size; i++) {
			frame[i] = ring[p] * window[i];
			if (++p == len) {
				p = 0;
			}
		}
		fft.powerSpectrum(frame, power);
		for (int k = 0; k < power.length; k++) {
			accumulate[k] += power[k] * scale;
		}
		// DC and Nyquist have no negative-frequency twin: their amplitude scaling is 1 / N, not 2 / N
		accumulate[0] -= power[0] * scale * 0.75;
		accumulate[power.length - 1] -= power[power.length - 1] * scale * 0.75;
	}

	/** The spectrum of {@code size} samples of {@code signal} from {@code offset}, in dBFS per bin, into {@code outDb}. */
	public void analyse(float[] signal, int offset, double[] outDb) {
		double[] p = new double[bins()];
		float[] frameCopy = new float[size];
		System.arraycopy(signal, offset, frameCopy, 0, size);
		addPower(frameCopy, 0, p);
		toDb(p, 1, outDb);
	}

	/** {@code outDb[k] = 10 log10(power[k] / channels)}, floored at {@link #FLOOR_DB}. */
	public static void toDb(double[] power, int channels, double[] outDb) {
		for (int k = 0; k < power.length; k++) {
			double v = power[k] / channels;
			outDb[k] = v > 1e-20 ? 10.0 * Math.log10(v) : FLOOR_DB;
		}
	}

	/**
	 * The tilt the slope option adds at {@code hz}: {@code dbPerOctave * log2(hz / 1000)}, 0 at the 1 kHz pivot (a
	 * 4.5 dB/oct slope makes pink-ish mixes look flat, as the analysers of mastering engineers do).
	 */
	public static double slopeDb(double hz, double dbPerOctave) {
		return dbPerOctave * Math.log(hz / 1000.0) / Math.log(2.0);
	}
}
