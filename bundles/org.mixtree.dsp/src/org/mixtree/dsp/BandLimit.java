package org.mixtree.dsp;

/**
 * A low cut and a high cut in series (second-order Butterworth high pass and low pass, RBJ cookbook designs),
 * each switched off at its range's extreme, so that "off" is exactly a wire: the delay's feedback path and the
 * reverb's wet path use it. Cut-offs may change every sample (for smoothed parameters); coefficients are only
 * recomputed when a cut-off actually changes. Filters run in transposed direct form II with double state,
 * flushed of denormals per call.
 * <p>
 * Thread rules: one thread at a time; nothing allocates.
 */
public final class BandLimit {
	private static final double Q = Math.sqrt(0.5);
	private final double sampleRate;
	private final double lowOff;
	private final double highOff;
	private double lowHz = Double.NaN;
	private double highHz = Double.NaN;
	private boolean lowOn;
	private boolean highOn;
	// high pass
	private double hb0, hb1, hb2, ha1, ha2, hs1, hs2;
	// low pass
	private double lb0, lb1, lb2, la1, la2, ls1, ls2;

	/**
	 * @param sampleRate Hz
	 * @param lowOff     a low cut at or below this frequency is off
	 * @param highOff    a high cut at or above this frequency (or at or above 0.49 fs) is off
	 */
	public BandLimit(double sampleRate, double lowOff, double highOff) {
		this.sampleRate = sampleRate;
		this.lowOff = lowOff;
		this.highOff = Math.min(highOff, 0.49 * sampleRate);
		set(lowOff, highOff);
	}

	/** Sets both cut-offs in Hz. */
	public void set(double low, double high) {
		if (low != lowHz) {
			lowHz = low;
			lowOn = low > lowOff;
			if (lowOn) {
				double w = 2 * Math.PI * low / sampleRate;
				double cos = Math.cos(w), alpha = Math.sin(w) / (2 * Q), a0 = 1 + alpha;
				hb0 = (1 + cos) / 2 / a0;
				hb1 = -(1 + cos) / a0;
				hb2 = hb0;
				ha1 = -2 * cos / a0;
				ha2 = (1 - alpha) / a0;
			}
		}
		if (high != highHz) {
			highHz = high;
			highOn = high < highOff;
			if (highOn) {
				double w = 2 * Math.PI * high / sampleRate;
				double cos = Math.cos(w), alpha = Math.sin(w) / (2 * Q), a0 = 1 + alpha;
				lb0 = (1 - cos) / 2 / a0;
				lb1 = (1 - cos) / a0;
				lb2 = lb0;
				la1 = -2 * cos / a0;
				la2 = (1 - alpha) / a0;
			}
		}
	}

	/** @return whether both filters are off (the output is the input) */
	public boolean isOff() {
		return !lowOn && !highOn;
	}

	/** @return {@code x} filtered, one sample */
	public double tick(double x) {
		double y = x;
		if (lowOn) {
			double o = hb0 * y + hs1;
			hs1 = Denormals.flush(hb1 * y - ha1 * o + hs2);
			hs2 = Denormals.flush(hb2 * y - ha2 * o);
			y = o;
		}
		if (highOn) {
			double o = lb0 * y + ls1;
			ls1 = Denormals.flush(lb1 * y - la1 * o + ls2);
			ls2 = Denormals.flush(lb2 * y - la2 * o);
			y = o;
		}
		return y;
	}

	/** Filters {@code buf[off .. off + n)} in place with the current cut-offs. */
	public void process(float[] buf, int off, int n) {
		if (isOff()) {
			return;
		}
		for (int i = off; i < off + n; i++) {
			buf[i] = (float) tick(buf[i]);
		}
	}

	/** Clears the filter memories. */
	public void reset() {
		hs1 = hs2 = ls1 = ls2 = 0;
	}
}
