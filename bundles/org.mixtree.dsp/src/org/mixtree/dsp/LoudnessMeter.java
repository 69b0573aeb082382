package org.mixtree.dsp;

import java.util.Arrays;

/**
 * Integrated loudness per ITU-R BS.1770-4 / EBU R128 (K-weighting, 400 ms blocks with 75 % overlap,
 * absolute gate -70 LUFS, relative gate -10 LU) and sample peak, fed block by block.
 * <p>
 * The K-weighting filters are derived for the actual sample rate from their analog prototypes by the bilinear
 * transform (the method of libebur128), so 44.1, 88.2 or 96 kHz are measured as exactly as 48 kHz, for which
 * BS.1770 publishes the coefficients. Mean squares are kept per 100 ms segment; a gating block is four segments.
 * <p>
 * Gated blocks are not stored one by one (that would grow without bound and allocate while metering): they go
 * into a histogram of 0.01 LU bins from -70 to +30 LUFS that keeps the exact energy sum and count of each bin.
 * Both gates and the final mean then use exact energies; only blocks within 0.01 LU of the relative gate may
 * fall on the wrong side of it. Each histogram also keeps running sums over its bins (a Fenwick tree), so the
 * relative gate, the gated mean and the range's percentiles cost O(log bins) each: a meter per channel on the
 * audio thread can publish integrated loudness and range at every 100 ms segment without scanning 10 000 bins. Momentary (400 ms), short-term (3 s) and loudness range (EBU Tech 3342, from a
 * histogram of short-term values at 10 Hz) come from the same segments.
 * <p>
 * Thread rules: {@link #process} is for one thread at a time and allocates nothing; read the results from the
 * same thread (or after it has stopped).
 */
public final class LoudnessMeter {
	private static final double OFFSET = -0.691;
	private static final double ABSOLUTE_GATE = -70.0;
	private static final double RELATIVE_GATE = -10.0;
	private static final double RANGE_RELATIVE_GATE = -20.0;
	private static final double BIN_WIDTH = 0.01;
	private static final int BINS = 10000;
	private static final int SHORT_TERM_SEGMENTS = 30;

	private final int channels;
	/** Stage 1 (high shelf) b0 b1 b2 a1 a2, then stage 2 (high pass) b0 b1 b2 a1 a2. */
	private final double[] k;
	/** Per channel: the two transposed-direct-form-II states of each stage. */
	private final double[][] state;
	private final int segmentFrames;
	private final double[] segments = new double[SHORT_TERM_SEGMENTS];
	/** Gating blocks (400 ms) above the absolute gate. */
	private final Histogram blocks = new Histogram();
	/** Short-term values (3 s, every 100 ms) above the absolute gate. */
	private final Histogram shortTerms = new Histogram();

	private int segmentFill;
	private double segmentSum;
	private long segmentsDone;
	private double momentary = Double.NEGATIVE_INFINITY;
	private double shortTerm = Double.NEGATIVE_INFINITY;
	private double peak;

	/** @param channels 1 or 2 (left, right; weight 1.0 each) */
	public LoudnessMeter(int channels, int sampleRate) {
		if (channels < 1 || channels > 2 || sampleRate < 8000) {
			throw new IllegalArgumentException("loudness meter for 1 or 2 channels at >= 8 kHz, not " + channels
					+ " at " + sampleRate);
		}
		this.channels = channels;
		this.k = kWeighting(sampleRate);
		this.state = new double[channels][4];
		this.segmentFrames = (sampleRate + 5) / 10;
	}

	/**
	 * The K-weighting of BS.1770 for {@code sampleRate}: a high shelf (+4 dB above about 1.7 kHz, the head's
	 * effect) then a second-order high pass (about 38 Hz, the RLB curve), each the bilinear transform of its
	 * analog prototype with the prototype's frequency pre-warped.
	 *
	 * @return {b0, b1, b2, a1, a2} of the shelf then of the high pass, normalised to a0 = 1
	 */
	public static double[] kWeighting(int sampleRate) {
		// Analog prototype parameters fitted to the BS.1770 48 kHz coefficients (as in libebur128).
		double f0 = 1681.974450955533;
		double gainDb = 3.999843853973347;
		double q = 0.7071752369554196;
		double kk = Math.tan(Math.PI * f0 / sampleRate);
		double vh = Math.pow(10.0, gainDb / 20.0);
		double vb = Math.pow(vh, 0.4996667741545416);
		double a0 = 1.0 + kk / q + kk * kk;
		double[] c = new double[10];
		c[0] = (vh + vb * kk / q + kk * kk) / a0;
		c[1] = 2.0 * (kk * kk - vh) / a0;
		c[2] = (vh - vb * kk / q + kk * kk) / a0;
		c[3] = 2.0 * (kk * kk - 1.0) / a0;
		c[4] = (1.0 - kk / q + kk * kk) / a0;

		f0 = 38.13547087602444;
		q = 0.5003270373238773;
		kk = Math.tan(Math.PI * f0 / sampleRate);
		a0 = 1.0 + kk / q + kk * kk;
		c[5] = 1.0;
		c[6] = -2.0;
		c[7] = 1.0;
		c[8] = 2.0 * (kk * kk - 1.0) / a0;
		c[9] = (1.0 - kk / q + kk * kk) / a0;
		return c;
	}

	/** Feeds {@code count} frames from {@code src[channel][offset ..]}. */
	public void process(float[][] src, int offset, int count) {
		int done = 0;
		while (done < count) {
			int n = Math.min(count - done, segmentFrames - segmentFill);
			for (int ch = 0; ch < channels; ch++) {
				segmentSum += filter(src[ch], offset + done, n, state[ch]);
			}
			segmentFill += n;
			done += n;
			if (segmentFill == segmentFrames) {
				endSegment();
			}
		}
		for (double[] s : state) {
			for (int i = 0; i < s.length; i++) {
				s[i] = Denormals.flush(s[i]);
			}
		}
	}

	/** K-weights {@code x[from .. from + n)} and returns the sum of squares; tracks the sample peak. */
	private double filter(float[] x, int from, int n, double[] s) {
		double b10 = k[0], b11 = k[1], b12 = k[2], a11 = k[3], a12 = k[4];
		double b20 = k[5], b21 = k[6], b22 = k[7], a21 = k[8], a22 = k[9];
		double s1 = s[0], s2 = s[1], s3 = s[2], s4 = s[3];
		double sum = 0.0;
		double pk = peak;
		for (int i = from; i < from + n; i++) {
			double in = x[i];
			double abs = Math.abs(in);
			if (abs > pk) {
				pk = abs;
			}
			double y1 = b10 * in + s1;
			s1 = b11 * in - a11 * y1 + s2;
			s2 = b12 * in - a12 * y1;
			double y2 = b20 * y1 + s3;
			s3 = b21 * y1 - a21 * y2 + s4;
			s4 = b22 * y1 - a22 * y2;
			sum += y2 * y2;
		}
		s[0] = s1;
		s[1] = s2;
		s[2] = s3;
		s[3] = s4;
		peak = pk;
		return sum;
	}

	private void endSegment() {
		segments[(int) (segmentsDone % SHORT_TERM_SEGMENTS)] = segmentSum / segmentFrames;
		segmentsDone++;
		segmentSum = 0.0;
		segmentFill = 0;
		if (segmentsDone >= 4) {
			double z = 0.0;
			for (int i = 1; i <= 4; i++) {
				z += segments[(int) ((segmentsDone - i) % SHORT_TERM_SEGMENTS)];
			}
			z /= 4.0;
			momentary = loudness(z);
			blocks.add(z);
		}
		if (segmentsDone >= SHORT_TERM_SEGMENTS) {
			double z = 0.0;
			for (double e : segments) {
				z += e;
			}
			z /= SHORT_TERM_SEGMENTS;
			shortTerm = loudness(z);
			shortTerms.add(z);
		}
	}

	private static double loudness(double meanSquare) {
		return meanSquare <= 0.0 ? Double.NEGATIVE_INFINITY : OFFSET + 10.0 * Math.log10(meanSquare);
	}

	/** @return integrated loudness in LUFS; negative infinity when everything is gated away */
	public double integratedLufs() {
		return blocks.gatedLoudness(RELATIVE_GATE);
	}

	/** @return the loudness of the last complete 400 ms block in LUFS (negative infinity before the first) */
	public double momentaryLufs() {
		return momentary;
	}

	/** @return the loudness of the last complete 3 s window in LUFS (negative infinity before the first) */
	public double shortTermLufs() {
		return shortTerm;
	}

	/**
	 * @return loudness range in LU per EBU Tech 3342: the spread between the 10th and 95th percentiles of the
	 *         short-term loudness (sampled every 100 ms), after an absolute gate of -70 LUFS and a relative gate
	 *         20 LU below their mean; 0 with no short-term value
	 */
	public double loudnessRangeLu() {
		return shortTerms.range(RANGE_RELATIVE_GATE, 0.10, 0.95);
	}

	/**
	 * @return how many 100 ms segments have completed since construction or {@link #reset()}: momentary, short-term,
	 *         integrated and range can only change when this does, so a meter that publishes them per audio block
	 *         recomputes {@link #integratedLufs()} and {@link #loudnessRangeLu()} only then
	 */
	public long segments() {
		return segmentsDone;
	}

	/** @return the largest absolute sample value seen, linear */
	public double samplePeak() {
		return peak;
	}

	/** Forgets everything measured so far (filter state, blocks, peak); allocates nothing. */
	public void reset() {
		for (double[] s : state) {
			Arrays.fill(s, 0.0);
		}
		Arrays.fill(segments, 0.0);
		blocks.clear();
		shortTerms.clear();
		segmentFill = 0;
		segmentSum = 0.0;
		segmentsDone = 0;
		momentary = Double.NEGATIVE_INFINITY;
		shortTerm = Double.NEGATIVE_INFINITY;
		peak = 0.0;
	}

	/**
	 * Gated values in 0.01 LU bins from the absolute gate up, each bin keeping the exact energy sum and count of
	 * its values, with prefix sums over the bins in Fenwick trees: adding a value, the mean above a relative gate
	 * and a percentile are O(log bins). A bin is on the side of a gate that its own mean is on (only the
	 * bin holding the gate can have a mean on either side). Allocates nothing after construction.
	 */
	private static final class Histogram {
		/** The largest power of two not above {@link #BINS}: the first step of a Fenwick descent. */
		private static final int TOP = Integer.highestOneBit(BINS);

		private final double[] energy = new double[BINS];
		private final long[] count = new long[BINS];
		/** Fenwick trees, 1-based: node i sums the bins (i - lowbit(i), i]. */
		private final double[] energyTree = new double[BINS + 1];
		private final long[] countTree = new long[BINS + 1];
		private double totalEnergy;
		private long totalCount;

		void add(double z) {
			double l = loudness(z);
			if (l <= ABSOLUTE_GATE) {
				return;
			}
			int bin = (int) Math.min(BINS - 1, Math.floor((l - ABSOLUTE_GATE) / BIN_WIDTH));
			energy[bin] += z;
			count[bin]++;
			for (int i = bin + 1; i <= BINS; i += i & -i) {
				energyTree[i] += z;
				countTree[i]++;
			}
			totalEnergy += z;
			totalCount++;
		}

		/** @return the first bin above the gate {@code gate} LU below the mean of all values; -1 with none */
		private int firstAbove(double gate) {
			if (totalCount == 0) {
				return -1;
			}
			double threshold = loudness(totalEnergy / totalCount) + gate;
			double at = Math.floor((threshold - ABSOLUTE_GATE) / BIN_WIDTH);
			if (at < 0) {
				return 0;
			}
			int bin = (int) Math.min(BINS - 1, at);
			if (count[bin] > 0 && loudness(energy[bin] / count[bin]) > threshold) {
				return bin;
			}
			return bin + 1 < BINS ? bin + 1 : -1;
		}

		/** @return the loudness of the mean energy of the values above the gate; negative infinity with none */
		double gatedLoudness(double gate) {
			int first = firstAbove(gate);
			if (first < 0) {
				return Double.NEGATIVE_INFINITY;
			}
			long n = totalCount - countBelow(first);
			double e = totalEnergy - energyBelow(first);
			return n <= 0 ? Double.NEGATIVE_INFINITY : loudness(e / n);
		}

		/**
		 * @return the spread in LU between the percentiles {@code low} and {@code high} of the values above the
		 *         gate (each the mean loudness of the bin holding the value at rank round((n - 1) p)); 0 with none
		 */
		double range(double gate, double low, double high) {
			int first = firstAbove(gate);
			if (first < 0) {
				return 0.0;
			}
			long below = countBelow(first);
			long n = totalCount - below;
			if (n <= 0) {
				return 0.0;
			}
			return binLoudness(below + Math.round((n - 1) * high)) - binLoudness(below + Math.round((n - 1) * low));
		}

		/** @return the mean loudness of the bin holding the value at rank {@code rank} (0-based) from the bottom */
		private double binLoudness(long rank) {
			// Fenwick descent: the largest prefix of bins holding at most rank values; the next bin holds it
			int pos = 0;
			long rest = rank;
			for (int step = TOP; step > 0; step >>= 1) {
				int next = pos + step;
				if (next <= BINS && countTree[next] <= rest) {
					pos = next;
					rest -= countTree[next];
				}
			}
			return pos < BINS && count[pos] > 0 ? loudness(energy[pos] / count[pos]) : Double.NaN;
		}

		/** @return the number of values in the bins below {@code bin} */
		private long countBelow(int bin) {
			long n = 0;
			for (int i = bin; i > 0; i -= i & -i) {
				n += countTree[i];
			}
			return n;
		}

		/** @return the energy of the values in the bins below {@code bin} */
		private double energyBelow(int bin) {
			double e = 0.0;
			for (int i = bin; i > 0; i -= i & -i) {
				e += energyTree[i];
			}
			return e;
		}

		void clear() {
			Arrays.fill(energy, 0.0);
			Arrays.fill(count, 0L);
			Arrays.fill(energyTree, 0.0);
			Arrays.fill(countTree, 0L);
			totalEnergy = 0.0;
			totalCount = 0;
		}
	}
}
