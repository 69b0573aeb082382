package org.mixtree.dsp;

/**
 * Second-order IIR section with the designs of Robert Bristow-Johnson's Audio-EQ-Cookbook (peaking, low and high
 * shelf, low and high pass, notch, band pass with 0 dB peak), for EQ effects. Coefficients are computed in
 * double and normalised to {@code a0 = 1}; the filter runs in transposed direct form II with double state, which
 * keeps low-frequency, high-Q settings quiet, and tolerates coefficient changes between blocks without a reset.
 * <p>
 * Thread rules: one thread at a time. Setters and {@link #process} allocate nothing, so the audio thread may
 * retune between blocks (smooth the parameters first: a jump in cut-off is a jump in output).
 */
public final class Biquad {
	private double b0 = 1.0;
	private double b1;
	private double b2;
	private double a1;
	private double a2;
	private double s1;
	private double s2;

	/** A filter that passes its input unchanged until a design is set. */
	public Biquad() {
	}

	/** Peaking EQ: {@code gainDb} at {@code f0}, bandwidth given by {@code q}, 0 dB far from f0. */
	public Biquad setPeaking(double sampleRate, double f0, double q, double gainDb) {
		double a = Math.pow(10.0, gainDb / 40.0);
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double alpha = Math.sin(w0) / (2.0 * q);
		return setCoefficients(1.0 + alpha * a, -2.0 * cos, 1.0 - alpha * a, 1.0 + alpha / a, -2.0 * cos,
				1.0 - alpha / a);
	}

	/**
	 * Low shelf: {@code gainDb} at DC, 0 dB at Nyquist, half the gain (in dB) at {@code f0}; {@code slope} S = 1
	 * is the steepest shelf without overshoot.
	 */
	public Biquad setLowShelf(double sampleRate, double f0, double slope, double gainDb) {
		double a = Math.pow(10.0, gainDb / 40.0);
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double k = 2.0 * Math.sqrt(a) * shelfAlpha(w0, a, slope);
		return setCoefficients(a * ((a + 1) - (a - 1) * cos + k), 2 * a * ((a - 1) - (a + 1) * cos),
				a * ((a + 1) - (a - 1) * cos - k), (a + 1) + (a - 1) * cos + k, -2 * ((a - 1) + (a + 1) * cos),
				(a + 1) + (a - 1) * cos - k);
	}

	/** High shelf: 0 dB at DC, {@code gainDb} at Nyquist, half the gain (in dB) at {@code f0}. */
	public Biquad setHighShelf(double sampleRate, double f0, double slope, double gainDb) {
		double a = Math.pow(10.0, gainDb / 40.0);
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double k = 2.0 * Math.sqrt(a) * shelfAlpha(w0, a, slope);
		return setCoefficients(a * ((a + 1) + (a - 1) * cos + k), -2 * a * ((a - 1) + (a + 1) * cos),
				a * ((a + 1) + (a - 1) * cos - k), (a + 1) - (a - 1) * cos + k, 2 * ((a - 1) - (a + 1) * cos),
				(a + 1) - (a - 1) * cos - k);
	}

	/**
	 * Low shelf with the cookbook's Q form of the bandwidth ({@code alpha = sin(w0)/(2Q)}); Q = 1/sqrt(2) equals
	 * slope S = 1. The form SoX's {@code bass G F Wq} uses; a slope converts as
	 * {@code Q = 1/sqrt((A + 1/A)(1/S - 1) + 2)}.
	 */
	public Biquad setLowShelfQ(double sampleRate, double f0, double q, double gainDb) {
		double a = Math.pow(10.0, gainDb / 40.0);
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double k = 2.0 * Math.sqrt(a) * Math.sin(w0) / (2.0 * q);
		return setCoefficients(a * ((a + 1) - (a - 1) * cos + k), 2 * a * ((a - 1) - (a + 1) * cos),
				a * ((a + 1) - (a - 1) * cos - k), (a + 1) + (a - 1) * cos + k, -2 * ((a - 1) + (a + 1) * cos),
				(a + 1) + (a - 1) * cos - k);
	}

	/** High shelf with the cookbook's Q form of the bandwidth; see {@link #setLowShelfQ}. */
	public Biquad setHighShelfQ(double sampleRate, double f0, double q, double gainDb) {
		double a = Math.pow(10.0, gainDb / 40.0);
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double k = 2.0 * Math.sqrt(a) * Math.sin(w0) / (2.0 * q);
		return setCoefficients(a * ((a + 1) + (a - 1) * cos + k), -2 * a * ((a - 1) + (a + 1) * cos),
				a * ((a + 1) + (a - 1) * cos - k), (a + 1) - (a - 1) * cos + k, 2 * ((a - 1) - (a + 1) * cos),
				(a + 1) - (a - 1) * cos - k);
	}

	/** Second-order low pass; {@code q} = 1/sqrt(2) is Butterworth (-3 dB at {@code f0}). */
	public Biquad setLowpass(double sampleRate, double f0, double q) {
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double alpha = Math.sin(w0) / (2.0 * q);
		return setCoefficients((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
	}

	/** Second-order high pass; {@code q} = 1/sqrt(2) is Butterworth (-3 dB at {@code f0}). */
	public Biquad setHighpass(double sampleRate, double f0, double q) {
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double alpha = Math.sin(w0) / (2.0 * q);
		return setCoefficients((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
	}

	/** Notch: zero gain at {@code f0}, 0 dB far from it. */
	public Biquad setNotch(double sampleRate, double f0, double q) {
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double alpha = Math.sin(w0) / (2.0 * q);
		return setCoefficients(1, -2 * cos, 1, 1 + alpha, -2 * cos, 1 - alpha);
	}

	/** Band pass with 0 dB at {@code f0} (the cookbook's "constant 0 dB peak gain" form). */
	public Biquad setBandpass(double sampleRate, double f0, double q) {
		double w0 = omega(sampleRate, f0);
		double cos = Math.cos(w0);
		double alpha = Math.sin(w0) / (2.0 * q);
		return setCoefficients(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
	}

	/** Sets {@code H(z) = (b0 + b1 z^-1 + b2 z^-2) / (a0 + a1 z^-1 + a2 z^-2)}; the state is kept. */
	public Biquad setCoefficients(double b0, double b1, double b2, double a0, double a1, double a2) {
		this.b0 = b0 / a0;
		this.b1 = b1 / a0;
		this.b2 = b2 / a0;
		this.a1 = a1 / a0;
		this.a2 = a2 / a0;
		return this;
	}

	/** @return normalised coefficients {b0, b1, b2, a1, a2} (a0 = 1), freshly allocated: not for the audio thread */
	public double[] coefficients() {
		return new double[] { b0, b1, b2, a1, a2 };
	}

	/**
	 * Copies the normalised coefficients {b0, b1, b2, a1, a2} (a0 = 1) into {@code dst[offset .. offset + 5)}
	 * without allocating, so an effect can run several filters in one loop on the audio thread.
	 */
	public void copyCoefficients(double[] dst, int offset) {
		dst[offset] = b0;
		dst[offset + 1] = b1;
		dst[offset + 2] = b2;
		dst[offset + 3] = a1;
		dst[offset + 4] = a2;
	}

	/** Filters {@code buf[offset .. offset + count)} in place. */
	public void process(float[] buf, int offset, int count) {
		double c0 = b0, c1 = b1, c2 = b2, d1 = a1, d2 = a2;
		double z1 = s1, z2 = s2;
		for (int i = offset; i < offset + count; i++) {
			double x = buf[i];
			double y = c0 * x + z1;
			z1 = c1 * x - d1 * y + z2;
			z2 = c2 * x - d2 * y;
			buf[i] = (float) y;
		}
		s1 = Denormals.flush(z1);
		s2 = Denormals.flush(z2);
	}

	/**
	 * Filters one sample in double throughout, for per-sample synthesis (a band-pass retuned every few samples, a
	 * cascade that stays in double between sections). The state is flushed of denormals at every call (a block's
	 * {@link #process} does it once per block); apart from that, the same recursion as {@link #process}.
	 *
	 * @return {@code x} filtered
	 */
	public double tick(double x) {
		double y = b0 * x + s1;
		s1 = Denormals.flush(b1 * x - a1 * y + s2);
		s2 = Denormals.flush(b2 * x - a2 * y);
		return y;
	}

	/** Clears the state (silence before the next sample). */
	public void reset() {
		s1 = 0.0;
		s2 = 0.0;
	}

	/** @return the magnitude response in dB at {@code f} Hz, from the coefficients (for drawing EQ curves) */
	public double magnitudeDb(double sampleRate, double f) {
		double w = omega(sampleRate, f);
		double c1 = Math.cos(w), s1w = Math.sin(w), c2 = Math.cos(2 * w), s2w = Math.sin(2 * w);
		double nr = b0 + b1 * c1 + b2 * c2, ni = -(b1 * s1w + b2 * s2w);
		double dr = 1 + a1 * c1 + a2 * c2, di = -(a1 * s1w + a2 * s2w);
		return 10.0 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
	}

	private static double omega(double sampleRate, double f0) {
		return 2.0 * Math.PI * f0 / sampleRate;
	}

	/** The cookbook's shelf alpha from the slope S. */
	private static double shelfAlpha(double w0, double a, double slope) {
		return Math.sin(w0) / 2.0 * Math.sqrt((a + 1.0 / a) * (1.0 / slope - 1.0) + 2.0);
	}
}
