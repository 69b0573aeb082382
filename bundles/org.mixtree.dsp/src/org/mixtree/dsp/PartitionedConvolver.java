package org.mixtree.dsp;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Zero-latency FIR convolution with long impulse responses (reverbs, cabinets): non-uniformly partitioned
 * overlap-save convolution on JTransforms, in double precision. The output equals the direct convolution
 * {@code y[n] = sum_k h[k] x[n-k]} with no added delay.
 * <p>
 * How: the first {@value #HEAD} taps are convolved directly in the time domain, sample by sample. The rest of the
 * impulse is cut into segments, each convolved by a uniformly partitioned overlap-save stage of block size
 * {@code B} (FFT size 2B) whose segment starts at least {@code B} taps into the impulse. Such a stage delivers
 * the output of an input block one block late, which is exactly the head start the segment's own offset gives
 * it, so nothing is late: the stage adds its block into an output ring {@code offset} samples ahead. Block sizes
 * grow with the distance into the impulse (64, 256, 1024, 2048), so the long tail costs few large FFTs while the
 * beginning is exact at once. The FFT work of a stage falls on the sample that completes its block (a load
 * spike, not a delay); FFT sizes stay at or below 4096 points, under JTransforms' multi-threading threshold, so
 * the transforms run on the calling thread.
 * <p>
 * One convolver serves any impulse up to the {@code maxLength} it was made for: an impulse is turned into a
 * {@link Kernel} (its partition spectra) off the audio thread, and {@link #setKernel} swaps kernels without
 * allocating. The input history (the frequency-domain delay lines) does not depend on the kernel, so a swap
 * takes effect at once with the full history.
 * <p>
 * Thread rules: the constructor and {@link #kernel} allocate ([main]); {@link #process}, {@link #setKernel} and
 * {@link #reset} allocate nothing and are for one thread at a time (the audio thread).
 */
public final class PartitionedConvolver {
	/** Taps convolved directly in the time domain (also the smallest FFT block). */
	public static final int HEAD = 64;
	private static final int[] BLOCK = { 64, 256, 1024, 2048 };
	private static final int[] START = { 64, 256, 1024, 2048 };
	private static final int HIST = 4096; // >= 2 * largest block, power of two
	private static final int RING = 4096; // > largest start, power of two

	private final int maxLength;
	private final Stage[] stages;
	/** input history, mirrored: x[t] sits at (t & (HIST-1)) and that + HIST, so any window is contiguous */
	private final double[] hist = new double[2 * HIST];
	private final double[] ring = new double[RING];
	private Kernel kernel;
	private long time;

	/** The partition spectra of one impulse response for convolvers of one {@code maxLength}. Immutable. */
	public static final class Kernel {
		final int maxLength;
		final int length;
		/** head taps reversed, so that the head is a dot product with the history window */
		final double[] head = new double[HEAD];
		/** [stage][partition][2B packed spectrum] */
		final double[][][] spectra;
		/** partitions of each stage that are not all zero */
		final int[] used;

		Kernel(int maxLength, float[] ir, int offset, int length) {
			this.maxLength = maxLength;
			this.length = length;
			for (int k = 0; k < Math.min(HEAD, length); k++) {
				head[HEAD - 1 - k] = ir[offset + k];
			}
			int count = stageCount(maxLength);
			spectra = new double[count][][];
			used = new int[count];
			for (int s = 0; s < count; s++) {
				int b = BLOCK[s];
				int start = START[s];
				int end = s + 1 < count ? START[s + 1] : maxLength;
				int parts = (end - start + b - 1) / b;
				DoubleFFT_1D fft = new DoubleFFT_1D(2 * b);
				spectra[s] = new double[parts][2 * b];
				for (int p = 0; p < parts; p++) {
					int from = start + p * b;
					int to = Math.min(Math.min(from + b, end), length);
					if (to <= from) {
						break;
					}
					double[] h = spectra[s][p];
					for (int k = from; k < to; k++) {
						h[k - from] = ir[offset + k];
					}
					fft.realForward(h);
					used[s] = p + 1;
				}
			}
		}

		/** @return the impulse length in samples */
		public int length() {
			return length;
		}
	}

	private static final class Stage {
		final int index;
		final int block;
		final int start;
		final DoubleFFT_1D fft;
		final double[][] fdl;
		final double[] acc;
		int newest;

		Stage(int index, int block, int start, int parts) {
			this.index = index;
			this.block = block;
			this.start = start;
			this.fft = new DoubleFFT_1D(2 * block);
			this.fdl = new double[Math.max(1, parts)][2 * block];
			this.acc = new double[2 * block];
		}
	}

	/** [main] A convolver for impulses of up to {@code maxLength} samples, with an all-zero impulse set. */
	public PartitionedConvolver(int maxLength) {
		if (maxLength < 1) {
			throw new IllegalArgumentException("impulse length must be positive: " + maxLength);
		}
		this.maxLength = maxLength;
		int count = stageCount(maxLength);
		stages = new Stage[count];
		for (int s = 0; s < count; s++) {
			int end = s + 1 < count ? START[s + 1] : maxLength;
			stages[s] = new Stage(s, BLOCK[s], START[s], (end - START[s] + BLOCK[s] - 1) / BLOCK[s]);
		}
		kernel = new Kernel(maxLength, new float[0], 0, 0);
	}

	private static int stageCount(int maxLength) {
		int count = 0;
		while (count < START.length && START[count] < maxLength) {
			count++;
		}
		return count;
	}

	/** @return the longest impulse this convolver takes */
	public int maxLength() {
		return maxLength;
	}

	/**
	 * [main] The kernel of {@code ir[offset .. offset + length)} for this convolver (allocates and transforms).
	 *
	 * @throws IllegalArgumentException when the impulse is longer than {@link #maxLength()}
	 */
	public Kernel kernel(float[] ir, int offset, int length) {
		if (length > maxLength) {
			throw new IllegalArgumentException("impulse of " + length + " samples exceeds " + maxLength);
		}
		return new Kernel(maxLength, ir, offset, length);
	}

	/** @return the kernel in use */
	public Kernel kernel() {
		return kernel;
	}

	/**
	 * [audio] Uses {@code k} from the next sample on; the output already scheduled from earlier input (the ring)
	 * keeps the old kernel's contribution, so the change is a crossover, not a restart. No allocation.
	 */
	public void setKernel(Kernel k) {
		if (k.maxLength != maxLength) {
			throw new IllegalArgumentException("kernel made for another convolver length");
		}
		kernel = k;
	}

	/** [audio] Clears the history and the pending output (silence in gives silence out at once). */
	public void reset() {
		Arrays.fill(hist, 0.0);
		Arrays.fill(ring, 0.0);
		for (Stage s : stages) {
			for (double[] f : s.fdl) {
				Arrays.fill(f, 0.0);
			}
			s.newest = 0;
		}
		time = 0;
	}

	/**
	 * [audio] Convolves {@code x[xOff .. xOff + n)} into {@code y[yOff .. yOff + n)} (the arrays may be the same,
	 * with the same offset). Any {@code n}; the result does not depend on how the input is cut into calls.
	 */
	public void process(float[] x, int xOff, float[] y, int yOff, int n) {
		int done = 0;
		while (done < n) {
			// chunks end at multiples of HEAD, where stage blocks may complete
			int chunk = Math.min(n - done, HEAD - (int) (time & (HEAD - 1)));
			runHead(x, xOff + done, y, yOff + done, chunk);
			done += chunk;
			if ((time & (HEAD - 1)) == 0) {
				for (Stage s : stages) {
					if ((time & (s.block - 1)) == 0) {
						runStage(s);
					}
				}
			}
		}
	}

	private void runHead(float[] x, int xOff, float[] y, int yOff, int n) {
		double[] h = kernel.head;
		double[] w = hist;
		double[] r = ring;
		for (int i = 0; i < n; i++) {
			int p = (int) (time & (HIST - 1));
			double v = Denormals.flush(x[xOff + i]);
			w[p] = v;
			w[p + HIST] = v;
			int from = p + HIST - HEAD + 1;
			double sum = 0.0;
			for (int k = 0; k < HEAD; k++) {
				sum += h[k] * w[from + k];
			}
			int q = (int) (time & (RING - 1));
			y[yOff + i] = (float) (sum + r[q]);
			r[q] = 0.0;
			time++;
		}
	}

	/** The block ending just before {@code time} is complete: transform it and schedule its output. */
	private void runStage(Stage s) {
		int b = s.block;
		int n2 = 2 * b;
		int used = kernel.used[s.index];
		double[][] spectra = kernel.spectra[s.index];
		int parts = s.fdl.length;
		s.newest = s.newest + 1 == parts ? 0 : s.newest + 1;
		double[] in = s.fdl[s.newest];
		int end = (int) (time & (HIST - 1)) + HIST; // exclusive end of the window in the mirrored history
		System.arraycopy(hist, end - n2, in, 0, n2);
		s.fft.realForward(in);
		if (used == 0) {
			return;
		}
		double[] acc = s.acc;
		Arrays.fill(acc, 0.0);
		for (int j = 0; j < used; j++) {
			int slot = s.newest - j;
			if (slot < 0) {
				slot += parts;
			}
			double[] xs = s.fdl[slot];
			double[] hs = spectra[j];
			acc[0] += xs[0] * hs[0];
			acc[1] += xs[1] * hs[1];
			for (int k = 2; k < n2; k += 2) {
				double xr = xs[k], xi = xs[k + 1], hr = hs[k], hi = hs[k + 1];
				acc[k] += xr * hr - xi * hi;
				acc[k + 1] += xr * hi + xi * hr;
			}
		}
		s.fft.realInverse(acc, true);
		// outputs of input times [time - b, time) land 'start' samples later
		long base = time - b + s.start;
		double[] r = ring;
		for (int i = 0; i < b; i++) {
			r[(int) ((base + i) & (RING - 1))] += acc[b + i];
		}
	}
}
