package org.mixtree.cli.demo;

/**
 * Second-order filter (the cookbook low-pass, high-pass and constant-0-dB-peak band-pass shapes) in transposed
 * direct form II with double state, so that low cut-offs and narrow formant bands stay clean. The coefficients
 * may be changed while running (rising band-pass, moving formants).
 */
final class Biquad {
	private static final int LOW = 0, HIGH = 1, BAND = 2;

	private final int rate;
	private double b0, b1, b2, a1, a2;
	private double z1, z2;

	Biquad(int rate) {
		this.rate = rate;
	}

	static Biquad lowpass(int rate, double hz, double q) {
		Biquad f = new Biquad(rate);
		f.set(LOW, hz, q);
		return f;
	}

	static Biquad highpass(int rate, double hz, double q) {
		Biquad f = new Biquad(rate);
		f.set(HIGH, hz, q);
		return f;
	}

	static Biquad bandpass(int rate, double hz, double q) {
		Biquad f = new Biquad(rate);
		f.set(BAND, hz, q);
		return f;
	}

	/** Re-tunes a band-pass (peak gain 1). */
	void band(double hz, double q) {
		set(BAND, hz, q);
	}

	private void set(int shape, double hz, double q) {
		double w = 2 * Math.PI * Math.min(hz, 0.45 * rate) / rate;
		double cs = Math.cos(w);
		double alpha = Math.sin(w) / (2 * q);
		double a0 = 1 + alpha;
		switch (shape) {
		case LOW -> {
			b0 = (1 - cs) / 2 / a0;
			b1 = (1 - cs) / a0;
			b2 = b0;
		}
		case HIGH -> {
			b0 = (1 + cs) / 2 / a0;
			b1 = -(1 + cs) / a0;
			b2 = b0;
		}
		default -> {
			b0 = alpha / a0;
			b1 = 0;
			b2 = -alpha / a0;
		}
		}
		a1 = -2 * cs / a0;
		a2 = (1 - alpha) / a0;
	}

	double process(double x) {
		double y = b0 * x + z1;
		z1 = b1 * x - a1 * y + z2;
		z2 = b2 * x - a2 * y;
		return y;
	}

	void process(float[] buf, int from, int to) {
		double s1 = z1, s2 = z2;
		for (int i = from; i < to; i++) {
			double x = buf[i];
			double y = b0 * x + s1;
			s1 = b1 * x - a1 * y + s2;
			s2 = b2 * x - a2 * y;
			buf[i] = (float) y;
		}
		z1 = s1;
		z2 = s2;
	}
}
