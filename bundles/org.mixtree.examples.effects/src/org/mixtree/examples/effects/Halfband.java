package org.mixtree.examples.effects;

/**
 * A linear-phase halfband lowpass (Kaiser-windowed sinc) and its two polyphase halves, for 2x up- and
 * down-sampling. A halfband filter of length {@code 4K+3} has its centre tap at 1/2 and every other tap zero, so
 * one polyphase branch is a pure delay and the other an FIR of {@code 2K+2} taps: half the work of a plain
 * FIR at the high rate.
 * <p>
 * An up/down pair delays the signal by exactly {@code 2K+1} samples of the low rate (each filter delays by
 * {@code (N-1)/2} high-rate samples and nothing else: linear phase), which is what lets the effect report its
 * latency exactly. Immutable; made once per effect class, shared by every instance.
 */
final class Halfband {

	/** K in the length 4K+3. */
	final int k;
	/** The even-indexed taps h[0], h[2], .. h[4K+2], times two (the up-sampler's zero-stuffing gain). */
	final double[] even2;
	/** The even-indexed taps as they are: the down-sampler's branch. */
	final double[] even;

	/**
	 * @param k    the filter has {@code 4k+3} taps
	 * @param beta the Kaiser window's shape: about 0.1102 (A - 8.7) for a stopband of A dB
	 */
	Halfband(int k, double beta) {
		this.k = k;
		int centre = 2 * k + 1;
		int taps = 2 * k + 2;
		even = new double[taps];
		double sum = 0;
		for (int i = 0; i < taps; i++) {
			int j = 2 * i;
			double t = (j - centre) / 2.0; // never an integer: the even taps sit between the sinc's zeros
			double sinc = Math.sin(Math.PI * t) / (Math.PI * t);
			double r = (double) (j - centre) / centre;
			double w = bessel0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / bessel0(beta);
			even[i] = 0.5 * sinc * w;
			sum += even[i];
		}
		// The even branch alone must pass DC at exactly 1/2 (the centre tap gives the other half): normalising
		// makes the pass band's gain 1 at DC whatever the window did to the sum.
		even2 = new double[taps];
		for (int i = 0; i < taps; i++) {
			even[i] *= 0.5 / sum;
			even2[i] = 2 * even[i];
		}
	}

	/** Modified Bessel function of the first kind, order 0, by its power series (converges fast for beta < 20). */
	private static double bessel0(double x) {
		double sum = 1;
		double term = 1;
		for (int m = 1; m < 64; m++) {
			term *= (x / (2 * m)) * (x / (2 * m));
			sum += term;
			if (term < 1e-17 * sum) {
				break;
			}
		}
		return sum;
	}

	/** Up-sampler state of one channel: one low-rate sample in, two high-rate samples out. */
	static final class Up {
		private final Halfband f;
		/** The last 2K+2 inputs, written twice (at p and p + len) so the FIR reads one contiguous run. */
		private final double[] history;
		private int pos;
		/** The two outputs of the last {@link #push}. */
		double out0;
		double out1;

		Up(Halfband f) {
			this.f = f;
			this.history = new double[2 * f.even2.length];
		}

		void reset() {
			java.util.Arrays.fill(history, 0);
			pos = 0;
		}

		void push(double x) {
			int len = f.even2.length;
			pos = pos == 0 ? len - 1 : pos - 1;
			history[pos] = x;
			history[pos + len] = x;
			// history[pos + i] is x[n - i]
			double acc = 0;
			double[] h = f.even2;
			for (int i = 0; i < len; i++) {
				acc += h[i] * history[pos + i];
			}
			out0 = acc;
			out1 = history[pos + f.k]; // the pure-delay branch: 2 * centre tap (1/2) * x[n - K]
		}
	}

	/** Down-sampler state of one channel: two high-rate samples in, one low-rate sample out. */
	static final class Down {
		private final Halfband f;
		private final double[] evenHistory;
		/** The odd-phase inputs, delayed K+1 low-rate samples (the centre tap's branch). */
		private final double[] oddDelay;
		private int pos;
		private int oddPos;

		Down(Halfband f) {
			this.f = f;
			this.evenHistory = new double[2 * f.even.length];
			this.oddDelay = new double[f.k + 1];
		}

		void reset() {
			java.util.Arrays.fill(evenHistory, 0);
			java.util.Arrays.fill(oddDelay, 0);
			pos = 0;
			oddPos = 0;
		}

		/**
		 * @param v0 high-rate sample 2n
		 * @param v1 high-rate sample 2n+1
		 * @return low-rate sample n: the even branch over v[2n - 2i] plus half of v[2n - 2K - 1]
		 */
		double push(double v0, double v1) {
			int len = f.even.length;
			pos = pos == 0 ? len - 1 : pos - 1;
			evenHistory[pos] = v0;
			evenHistory[pos + len] = v0;
			double acc = 0;
			double[] h = f.even;
			for (int i = 0; i < len; i++) {
				acc += h[i] * evenHistory[pos + i];
			}
			// oddDelay holds v[2m+1] for m = n-K-1 .. n-1: the oldest is the one the centre tap needs
			double delayedOdd = oddDelay[oddPos];
			oddDelay[oddPos] = v1;
			oddPos = oddPos + 1 == oddDelay.length ? 0 : oddPos + 1;
			return acc + 0.5 * delayedOdd;
		}
	}
}
