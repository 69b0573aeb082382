package org.mixtree.demo;

import org.mixtree.dsp.Biquad;

/**
 * Small synthesis helpers shared by the voices and stem effects, and the demo's filters: {@link Biquad}s of
 * {@code org.mixtree.dsp} (the cookbook designs the EQ uses), with the cut-off kept below 0.45 of the rate so that a
 * stem rendered at a low rate never asks for a filter above Nyquist.
 */
final class Dsp {
	private Dsp() {
	}

	/** @return a low pass at {@code hz} (kept below 0.45 {@code rate}) */
	static Biquad lowpass(int rate, double hz, double q) {
		return new Biquad().setLowpass(rate, below(hz, rate), q);
	}

	/** @return a high pass at {@code hz} (kept below 0.45 {@code rate}) */
	static Biquad highpass(int rate, double hz, double q) {
		return new Biquad().setHighpass(rate, below(hz, rate), q);
	}

	/** @return a band pass with 0 dB at {@code hz} (kept below 0.45 {@code rate}) */
	static Biquad bandpass(int rate, double hz, double q) {
		return new Biquad().setBandpass(rate, below(hz, rate), q);
	}

	/** Re-tunes a band pass (rising sweeps, moving formants), its state kept. */
	static void retune(Biquad band, int rate, double hz, double q) {
		band.setBandpass(rate, below(hz, rate), q);
	}

	private static double below(double hz, int rate) {
		return Math.min(hz, 0.45 * rate);
	}

	/** @return the frequency of MIDI note {@code midi} (A4 = 69 = 440 Hz) */
	static double hz(double midi) {
		return 440.0 * Math.pow(2.0, (midi - 69.0) / 12.0);
	}

	/**
	 * Band-limited sawtooth at {@code phase} in [0, 1) advancing {@code inc} per sample: the naive ramp with a
	 * polynomial step correction near the wrap (polyBLEP), enough to keep bass, pad and voice free of audible
	 * aliasing without tables.
	 */
	static double saw(double phase, double inc) {
		double v = 2 * phase - 1;
		if (phase < inc) {
			double t = phase / inc;
			v -= t + t - t * t - 1;
		} else if (phase > 1 - inc) {
			double t = (phase - 1) / inc;
			v -= t * t + t + t + 1;
		}
		return v;
	}

	/** Smooth saturation with unity slope at 0 that reaches +-1 at +-3 (a rational tanh stand-in, no exp). */
	static double softClip(double x) {
		if (x >= 3) {
			return 1;
		}
		if (x <= -3) {
			return -1;
		}
		double x2 = x * x;
		return x * (27 + x2) / (27 + 9 * x2);
	}

	/** @return coefficient of the one-pole smoother {@code y += c * (x - y)} with corner {@code hz} */
	static double onePole(double hz, int rate) {
		return 1 - Math.exp(-2 * Math.PI * hz / rate);
	}

	/** @return per-sample multiplier of an exponential decay with time constant {@code tau} seconds */
	static double decay(double tau, int rate) {
		return Math.exp(-1.0 / (tau * rate));
	}
}
