package org.mixtree.dsp;

import java.io.IOException;

/**
 * Band-limited sample-rate converter (windowed sinc) in pull form. Output is time-aligned with the input
 * (the filter's delay is compensated internally) and has {@link #outputLength} frames in total: the end is
 * padded with the filter's tail of zeros-in. Passband flat within 0.1 dB to 0.45 fs (of the lower rate),
 * images and aliases below -100 dB.
 * <p>
 * The ratio is reduced to {@code L/M} by the gcd of the two rates. Output frame {@code n} sits at input time
 * {@code t = n M / L}; it is the sum over the {@code K} input frames nearest {@code t} weighted by a
 * Kaiser-windowed sinc centred on {@code t}, so no delay is added and nothing needs compensating afterwards.
 * The kernel for each of the {@code L} possible fractional positions is precomputed in the constructor when
 * {@code L} is at most {@value #MAX_PHASES} (every ratio between the usual rates: 44.1 to 48 kHz is 160/147;
 * fewer for a steep reduction, whose kernel is smoother); for a finer ratio (44101 Hz to 48 kHz is
 * 48000/44101, whose exact table would take 60 MB and seconds to compute) the kernel is tabled at that many
 * positions and interpolated linearly between the two nearest, an error far below -120 dB, so any two rates
 * convert in bounded memory and set-up time. A reduction steeper than about 400:1 is refused (see
 * {@link #check}). The
 * cut-off sits midway between 0.45 and 0.5 of the lower rate, so everything at or above half the lower rate
 * (where images and aliases live) is in the stopband.
 * <p>
 * Thread rules: one thread at a time. The constructor allocates; {@link #read} and {@link #reset} allocate
 * nothing and accumulate in double.
 */
public final class Resampler {
	/** Stopband attenuation the Kaiser design aims at: 20 dB of margin over the promised 100 dB. */
	private static final double STOPBAND_DB = 120.0;
	/** Passband edge, as a fraction of the lower rate. */
	private static final double PASS_EDGE = 0.45;
	/** Stopband edge, as a fraction of the lower rate: half of it, so nothing can fold back. */
	private static final double STOP_EDGE = 0.5;
	/** Input frames pulled from the source per refill, beyond the kernel's span. */
	private static final int CHUNK = 2048;
	/** Most kernel positions tabled exactly; finer ratios interpolate between this many (see the class comment). */
	static final int MAX_PHASES = 4096;
	/**
	 * Longest kernel, in input frames: a reduction of about 400:1 (768 kHz to 2 kHz). A longer one would cost
	 * that many multiplications per output frame and its buffers would grow with it; such a ratio only comes from
	 * a corrupt header (a 2 GHz sample rate), so it is refused.
	 */
	public static final int MAX_TAPS = 1 << 16;

	private final FrameSource source;
	private final int channels;
	private final int up;
	private final int down;
	private final int taps;
	private final int half;
	/**
	 * {@code up} rows of {@code taps} coefficients, row p the kernel for fractional position p / up; or, when
	 * {@link #interpolated}, {@link #tablePhases} + 1 rows for the positions p / tablePhases. Either way at most
	 * about {@value #MAX_PHASES} x 160 coefficients (5 MB), or 17 x {@link #MAX_TAPS} (9 MB) for the steepest
	 * reduction.
	 */
	private final double[] table;
	private final boolean interpolated;
	private final int tablePhases;
	private final float[][] buffer;
	private final int capacity;
	private final int stepWhole;
	private final int stepPhase;

	/** Input frame index of {@code buffer[c][0]}. */
	private long bufferStart;
	private int filled;
	private boolean ended;
	/** Input length, known once the source has ended. */
	private long inputFrames;
	/** Position of the next output frame: {@code position + phase / up} input frames. */
	private long position;
	private long phase;

	/**
	 * Allocates all buffers; nothing allocates afterwards.
	 *
	 * @throws IllegalArgumentException for rates that are not positive, or whose ratio needs a kernel longer than
	 *                                  {@link #MAX_TAPS} (see {@link #check}); the message names both rates
	 */
	public Resampler(FrameSource source, int channels, int inRate, int outRate) {
		if (source == null || channels < 1 || inRate <= 0 || outRate <= 0) {
			throw new IllegalArgumentException("bad resampler set-up: channels " + channels + ", rates " + inRate
					+ " -> " + outRate);
		}
		check(inRate, outRate);
		this.source = source;
		this.channels = channels;
		int g = gcd(inRate, outRate);
		this.up = outRate / g;
		this.down = inRate / g;
		this.stepWhole = down / up;
		this.stepPhase = down % up;

		// Design in input-frame units: edges in cycles per input frame.
		double lower = Math.min(inRate, outRate);
		double pass = PASS_EDGE * lower / inRate;
		double stop = STOP_EDGE * lower / inRate;
		double cutoff = 0.5 * (pass + stop);
		double beta = 0.1102 * (STOPBAND_DB - 8.7);
		int length = (int) Math.ceil(kernelLength(inRate, outRate));
		this.taps = length + (length & 1);
		this.half = taps / 2;

		// a kernel that is smooth across an input frame (a steep reduction) needs fewer tabled positions
		int phases = (int) Math.max(16, Math.ceil(MAX_PHASES * lower / inRate));
		this.interpolated = up > phases;
		this.tablePhases = interpolated ? phases : up;
		int rows = interpolated ? phases + 1 : up;
		double positions = tablePhases;
		this.table = new double[rows * taps];
		double i0Beta = besselI0(beta);
		for (int p = 0; p < rows; p++) {
			double sum = 0.0;
			for (int m = 0; m < taps; m++) {
				// distance from the output instant to the input frame that tap m multiplies
				double tau = p / positions + half - 1 - m;
				double r = tau / half;
				double window = Math.abs(r) >= 1.0 ? 0.0 : besselI0(beta * Math.sqrt(1.0 - r * r)) / i0Beta;
				double h = 2.0 * cutoff * sinc(2.0 * cutoff * tau) * window;
				table[p * taps + m] = h;
				sum += h;
			}
			// Unity DC gain in every phase: a constant input then gives a constant output, with no image of DC.
			for (int m = 0; m < taps; m++) {
				table[p * taps + m] /= sum;
			}
		}
		this.capacity = taps + CHUNK;
		this.buffer = new float[channels][capacity];
		reset();
	}

	/**
	 * Refuses a pair of rates this converter cannot serve in bounded memory and time: a reduction so steep that
	 * the kernel would be longer than {@link #MAX_TAPS} input frames.
	 *
	 * @throws IllegalArgumentException naming both rates
	 */
	public static void check(int inRate, int outRate) {
		if (inRate <= 0 || outRate <= 0) {
			throw new IllegalArgumentException("cannot convert " + inRate + " Hz to " + outRate + " Hz");
		}
		if (kernelLength(inRate, outRate) > MAX_TAPS) {
			throw new IllegalArgumentException("cannot convert " + inRate + " Hz to " + outRate
					+ " Hz: a reduction of more than " + (int) Math.floor(MAX_TAPS / kernelLength(1, 1)) + ":1");
		}
	}

	/** Kaiser's estimate of the kernel length for the attenuation and transition width, before rounding up to even. */
	private static double kernelLength(int inRate, int outRate) {
		double lower = Math.min(inRate, outRate);
		double transition = STOP_EDGE * lower / inRate - PASS_EDGE * lower / inRate; // as the design computes it
		return Math.ceil((STOPBAND_DB - 7.95) / (2.285 * 2.0 * Math.PI * transition)) + 2;
	}

	/**
	 * @return the number of output frames for {@code inFrames} input frames: ceil(inFrames * outRate / inRate),
	 *         {@link Long#MAX_VALUE} when that does not fit in a long
	 */
	public static long outputLength(long inFrames, int inRate, int outRate) {
		long whole = inFrames / inRate;
		long rest = inFrames % inRate;
		long high;
		try {
			high = Math.multiplyExact(whole, (long) outRate);
		} catch (ArithmeticException e) {
			return Long.MAX_VALUE;
		}
		long low = (rest * outRate + inRate - 1) / inRate; // rest < inRate: no overflow
		return high > Long.MAX_VALUE - low ? Long.MAX_VALUE : high + low;
	}

	/** @return the number of coefficients tabled (for tests: it stays bounded whatever the ratio) */
	int tableLength() {
		return table.length;
	}

	/** @return the kernel length in input frames (each output frame costs this many multiply-adds per channel) */
	public int taps() {
		return taps;
	}

	/** Reads up to {@code count} converted frames; less than {@code count} only at the end. */
	public int read(float[][] dst, int offset, int count) throws IOException {
		int produced = 0;
		while (produced < count) {
			long first = position - half + 1;
			if (position + half >= bufferStart + filled) {
				refill(first);
			}
			if (ended && position >= inputFrames) {
				break;
			}
			int base = (int) (first - bufferStart);
			if (interpolated) {
				// between the two tabled positions around phase / up
				double x = (double) phase * tablePhases / up;
				int p = (int) x;
				double w = x - p;
				int row = p * taps;
				for (int c = 0; c < channels; c++) {
					float[] in = buffer[c];
					double a = 0.0;
					double b = 0.0;
					for (int m = 0; m < taps; m++) {
						float v = in[base + m];
						a += table[row + m] * v;
						b += table[row + taps + m] * v;
					}
					dst[c][offset + produced] = (float) (a + w * (b - a));
				}
			} else {
				int row = (int) phase * taps;
				for (int c = 0; c < channels; c++) {
					float[] in = buffer[c];
					double acc = 0.0;
					for (int m = 0; m < taps; m++) {
						acc += table[row + m] * in[base + m];
					}
					dst[c][offset + produced] = (float) acc;
				}
			}
			produced++;
			position += stepWhole;
			phase += stepPhase;
			if (phase >= up) {
				phase -= up;
				position++;
			}
		}
		return produced;
	}

	/** Restarts conversion at input frame 0 after the source was repositioned there. */
	public void reset() {
		// Frames before 0 are silence: start the buffer half a kernel early, filled with zeros.
		bufferStart = -(half - 1);
		filled = half - 1;
		for (float[] b : buffer) {
			java.util.Arrays.fill(b, 0, filled, 0f);
		}
		ended = false;
		inputFrames = 0;
		position = 0;
		phase = 0;
	}

	/** Moves the buffer so that it starts at input frame {@code first} and fills the rest from the source. */
	private void refill(long first) throws IOException {
		long end = bufferStart + filled;
		if (first >= end) {
			// Everything buffered is behind us: drop it and skip the source forward to first.
			bufferStart = end;
			filled = 0;
			while (bufferStart < first) {
				int skip = (int) Math.min(capacity, first - bufferStart);
				pull(0, skip);
				bufferStart += skip;
			}
		} else {
			int shift = (int) (first - bufferStart);
			if (shift > 0) {
				for (float[] b : buffer) {
					System.arraycopy(b, shift, b, 0, filled - shift);
				}
				filled -= shift;
				bufferStart = first;
			}
		}
		pull(filled, capacity - filled);
		filled = capacity;
	}

	/** Fills {@code buffer[c][offset .. offset + count)} from the source, with zeros once it has ended. */
	private void pull(int offset, int count) throws IOException {
		int got = 0;
		while (!ended && got < count) {
			int n = source.read(buffer, offset + got, count - got);
			if (n <= 0) {
				ended = true;
				inputFrames = bufferStart + offset + got;
			} else {
				got += n;
			}
		}
		if (got < count) {
			for (float[] b : buffer) {
				java.util.Arrays.fill(b, offset + got, offset + count, 0f);
			}
		}
	}

	private static double sinc(double x) {
		if (x == 0.0) {
			return 1.0;
		}
		double px = Math.PI * x;
		return Math.sin(px) / px;
	}

	/** Modified Bessel function of the first kind, order 0, by its power series (converges for all x). */
	static double besselI0(double x) {
		double sum = 1.0;
		double term = 1.0;
		double q = x * x / 4.0;
		for (int k = 1; k < 500; k++) {
			term *= q / ((double) k * k);
			sum += term;
			if (term < sum * 1e-17) {
				break;
			}
		}
		return sum;
	}

	private static int gcd(int a, int b) {
		while (b != 0) {
			int t = a % b;
			a = b;
			b = t;
		}
		return a;
	}
}
