package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quality of {@link Resampler} measured from the spectrum (JTransforms through {@link Fft}), never from the
 * resampler's own design figures. Tones are coherently sampled: each one completes a whole number of cycles in
 * the FFT length at the output rate, and the FFT length is a multiple of the reduced up-factor L so that every
 * image and alias (at multiples of the input rate, folded at the output rate) also falls on a bin centre. With a
 * rectangular window there is then no leakage: every bin other than the tone's holds only what the converter
 * put there (plus float rounding of input and output, about -140 dB per bin here).
 */
class ResamplerTest {
	/** Tone amplitude (-6 dBFS), the reference for every dBc figure below. */
	private static final double AMPLITUDE = 0.5;
	/** Requirement: passband flat within 0.1 dB up to 0.45 x the lower rate. */
	private static final double PASSBAND_TOLERANCE_DB = 0.1;
	/** Requirement: images and aliases below -100 dB (relative to the input tone). */
	private static final double SPURIOUS_LIMIT_DB = -100.0;

	static Stream<Arguments> ratios() {
		return Stream.of(Arguments.of(44100, 48000), Arguments.of(48000, 44100), Arguments.of(48000, 96000),
				Arguments.of(96000, 48000), Arguments.of(88200, 48000), Arguments.of(96000, 44100),
				Arguments.of(22050, 48000), Arguments.of(32000, 48000));
	}

	static Stream<Arguments> downsamplingRatios() {
		return ratios().filter(a -> (Integer) a.get()[0] > (Integer) a.get()[1]);
	}

	/** A stereo source of two sines (left f0, right f1) that starts at frame {@code delay} (silence before). */
	static final class Tones implements FrameSource {
		final double f0;
		final double f1;
		final int rate;
		final long length;
		final long delay;
		long at;

		Tones(double f0, double f1, int rate, long length, long delay) {
			this.f0 = f0;
			this.f1 = f1;
			this.rate = rate;
			this.length = length;
			this.delay = delay;
		}

		@Override
		public int read(float[][] dst, int offset, int count) {
			int n = (int) Math.min(count, length - at);
			for (int i = 0; i < n; i++, at++) {
				long t = at - delay;
				dst[0][offset + i] = t < 0 ? 0f : (float) (AMPLITUDE * Math.sin(2 * Math.PI * f0 * t / rate));
				if (dst.length > 1) {
					dst[1][offset + i] = t < 0 ? 0f : (float) (AMPLITUDE * Math.sin(2 * Math.PI * f1 * t / rate));
				}
			}
			return n;
		}
	}

	static int gcd(int a, int b) {
		return b == 0 ? a : gcd(b, a % b);
	}

	/** FFT length: an even multiple of L of about 64 k, so tones, images and aliases all sit on bin centres. */
	static int fftLength(int in, int out) {
		int up = out / gcd(in, out);
		int k = (65536 + up - 1) / up;
		if ((up * k) % 2 != 0) {
			k++;
		}
		return up * k;
	}

	/**
	 * Converts two tones (left, right) and returns the steady-state output: {@code n} frames starting well
	 * after the onset transient (more than a kernel length in).
	 */
	static double[][] convert(double f0, double f1, int in, int out, int n) throws IOException {
		long skip = 8192; // > the longest kernel (about 340 input frames) at any ratio tested here
		long inFrames = Math.ceilDiv((skip + n) * in, out) + 1024;
		Resampler r = new Resampler(new Tones(f0, f1, in, inFrames, 0), 2, in, out);
		float[][] scratch = new float[2][4096];
		long skipped = 0;
		while (skipped < skip) {
			skipped += r.read(scratch, 0, (int) Math.min(4096, skip - skipped));
		}
		double[][] y = new double[2][n];
		int got = 0;
		while (got < n) {
			int k = r.read(scratch, 0, Math.min(4096, n - got));
			for (int i = 0; i < k; i++) {
				y[0][got + i] = scratch[0][i];
				y[1][got + i] = scratch[1][i];
			}
			got += k;
		}
		return y;
	}

	/**
	 * Level of the tone at {@code bin} and of the largest other bin, both in dB re the input tone's amplitude
	 * (for a tone in the transition band the output tone is attenuated, so its images are judged against what
	 * went in, not against what came out).
	 */
	static double[] measure(Fft fft, double[] y, int bin) {
		double[] amp = new double[fft.bins()];
		fft.amplitudeSpectrum(y, amp);
		double worst = 0;
		for (int k = 0; k < amp.length; k++) {
			if (k != bin) {
				worst = Math.max(worst, amp[k]);
			}
		}
		return new double[] { Decibels.fromGain(amp[bin] / AMPLITUDE), Decibels.fromGain(worst / AMPLITUDE) };
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("ratios")
	void passbandIsFlatAndImagesAndAliasesAreBelowMinus100dB(int in, int out) throws IOException {
		int n = fftLength(in, out);
		Fft fft = new Fft(n);
		double lower = Math.min(in, out);
		// Passband tones up to 0.45 x the lower rate, plus one in the transition band (0.49) whose images
		// (upsampling) must still be gone: they land above half the lower rate.
		double[] fractions = { 0.002, 0.05, 0.13, 0.21, 0.29, 0.37, 0.42, 0.45, 0.49, 0.3333 };
		double worstRipple = 0;
		double worstSpur = -400;
		for (int t = 0; t < fractions.length; t += 2) {
			int bin0 = (int) Math.floor(fractions[t] * lower * n / out);
			int bin1 = (int) Math.floor(fractions[t + 1] * lower * n / out);
			double[][] y = convert((double) bin0 * out / n, (double) bin1 * out / n, in, out, n);
			int[] bins = { bin0, bin1 };
			for (int c = 0; c < 2; c++) {
				double[] m = measure(fft, y[c], bins[c]);
				boolean inPassband = fractions[t + c] <= 0.45;
				if (inPassband) {
					worstRipple = Math.max(worstRipple, Math.abs(m[0]));
					assertEquals(0.0, m[0], PASSBAND_TOLERANCE_DB, "gain at bin " + bins[c]);
				}
				worstSpur = Math.max(worstSpur, m[1]);
				assertTrue(m[1] < SPURIOUS_LIMIT_DB, "spurious " + m[1] + " dB with a tone at bin " + bins[c]);
			}
		}
		System.out.printf("resampler %d -> %d: passband deviation %.2e dB, worst image/alias %.1f dB%n", in, out,
				worstRipple, worstSpur);
	}

	/** Tones between half the output rate and half the input rate must vanish (downsampling only). */
	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("downsamplingRatios")
	void contentAboveTheOutputNyquistDoesNotAlias(int in, int out) throws IOException {
		int n = fftLength(in, out);
		Fft fft = new Fft(n);
		// Frequencies from just above out/2 to just below in/2, placed on the output bin grid so that the
		// aliases (folded at the output rate) are coherent too.
		double[] fractions = { 0.003, 0.3, 0.7, 0.997 };
		double[] hz = new double[fractions.length];
		for (int i = 0; i < hz.length; i++) {
			hz[i] = 0.5 * out + fractions[i] * 0.5 * (in - out);
		}
		double worst = -400;
		for (int t = 0; t < hz.length; t += 2) {
			double f0 = Math.floor(hz[t] * n / out) * out / n;
			double f1 = Math.floor(hz[t + 1] * n / out) * out / n;
			double[][] y = convert(f0, f1, in, out, n);
			for (int c = 0; c < 2; c++) {
				double[] amp = new double[fft.bins()];
				fft.amplitudeSpectrum(y[c], amp);
				double peak = 0;
				for (double a : amp) {
					peak = Math.max(peak, a);
				}
				double db = Decibels.fromGain(peak / AMPLITUDE);
				worst = Math.max(worst, db);
				assertTrue(db < SPURIOUS_LIMIT_DB, "alias of " + (c == 0 ? f0 : f1) + " Hz at " + db + " dB");
			}
		}
		System.out.printf("resampler %d -> %d: worst alias of out-of-band tones %.1f dB%n", in, out, worst);
	}

	/**
	 * A sine that starts at input frame 37 must come out as the same sine at the output rate, sample by sample,
	 * with no delay: {@code y[n] = A sin(2 pi f (n / out - 37 / in))}. Tolerance 2e-4 x A (-74 dB): a time
	 * error of 0.01 output frames at 1 kHz / 48 kHz alone would give 1.3e-3 x A.
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("ratios")
	void outputIsTimeAlignedWithTheInput(int in, int out) throws IOException {
		double lower = Math.min(in, out);
		double f0 = 997.0;
		double f1 = 0.4 * lower;
		long delay = 37;
		long inFrames = 3 * (long) in / 10; // 300 ms
		Resampler r = new Resampler(new Tones(f0, f1, in, inFrames, delay), 2, in, out);
		float[][] y = new float[2][(int) Resampler.outputLength(inFrames, in, out)];
		int got = r.read(y, 0, y[0].length);
		assertEquals(y[0].length, got);
		double[] f = { f0, f1 };
		// Check from one kernel after the onset to one kernel before the end (both edges are transients).
		int from = (int) Math.ceil((delay + 400.0) * out / in);
		int to = y[0].length - (int) Math.ceil(400.0 * out / in);
		double worst = 0;
		for (int c = 0; c < 2; c++) {
			for (int n = from; n < to; n++) {
				double expected = AMPLITUDE * Math.sin(2 * Math.PI * f[c] * ((double) n / out - (double) delay / in));
				worst = Math.max(worst, Math.abs(y[c][n] - expected));
			}
		}
		assertTrue(worst < 2e-4 * AMPLITUDE, "largest difference from the delayed sine: " + worst);
	}

	/** Exactly ceil(inFrames x out / in) frames, whatever the block size the caller reads with. */
	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("ratios")
	void totalLengthIsExactAndIndependentOfBlockSize(int in, int out) throws IOException {
		for (long inFrames : new long[] { 0, 1, 2, 3, 160, 147, 4801, 12345 }) {
			long expected = Math.ceilDiv(inFrames * out, (long) in); // the definition, independent of the class
			assertEquals(expected, Resampler.outputLength(inFrames, in, out));
			float[] reference = null;
			for (int block : new int[] { 1, 7, 4096, 100000 }) {
				Resampler r = new Resampler(new Tones(1000, 3000, in, inFrames, 0), 2, in, out);
				float[][] buf = new float[2][block];
				float[] all = new float[(int) expected + 1];
				long total = 0;
				int k;
				while ((k = r.read(buf, 0, block)) > 0) {
					assertTrue(total + k <= expected, "more frames than expected at block " + block);
					System.arraycopy(buf[0], 0, all, (int) total, k);
					total += k;
					if (k < block) {
						assertEquals(0, r.read(buf, 0, block), "a short read is the end");
						break;
					}
				}
				assertEquals(expected, total, "frames for " + inFrames + " in, block " + block);
				if (reference == null) {
					reference = all;
				} else {
					assertArrayEquals(reference, all, "block size " + block + " changed the output");
				}
			}
		}
	}

	/** After the source is repositioned at 0, reset gives the same output again, bit for bit. */
	@Test
	void resetRestartsCleanly() throws IOException {
		Tones src = new Tones(1000, 5000, 44100, 10000, 0);
		Resampler r = new Resampler(src, 2, 44100, 48000);
		float[][] a = new float[2][11000];
		float[][] b = new float[2][11000];
		int na = r.read(a, 0, 5000);
		src.at = 0;
		r.reset();
		int nb = r.read(b, 0, 11000);
		assertEquals(5000, na);
		assertEquals(Math.ceilDiv(10000L * 48000, 44100L), nb);
		for (int i = 0; i < na; i++) {
			assertEquals(a[0][i], b[0][i]);
			assertEquals(a[1][i], b[1][i]);
		}
	}

	/** A constant input comes out as the same constant (unity DC gain), within float rounding (1e-6). */
	@Test
	void dcPassesAtUnityGain() throws IOException {
		FrameSource ones = (dst, off, count) -> {
			for (int i = 0; i < count; i++) {
				dst[0][off + i] = 0.25f;
			}
			return count;
		};
		Resampler r = new Resampler(ones, 1, 22050, 48000);
		float[][] y = new float[1][20000];
		r.read(y, 0, 20000);
		for (int n = 2000; n < 20000; n++) {
			assertEquals(0.25, y[0][n], 1e-6);
		}
	}

	/**
	 * read() allocates nothing: the bytes this thread allocates over 500 reads (after a warm-up) are no more than
	 * those of an empty measurement (the reflective probe itself boxes a little).
	 */
	@Test
	void readDoesNotAllocate() throws Exception {
		java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		Method allocated = null;
		for (Class<?> c : bean.getClass().getInterfaces()) {
			if (c.getName().equals("com.sun.management.ThreadMXBean")) {
				allocated = c.getMethod("getThreadAllocatedBytes", long.class);
			}
		}
		assertTrue(allocated != null, "this JVM reports per-thread allocation");
		long id = Thread.currentThread().threadId();
		FrameSource noise = new FrameSource() {
			int seed = 1;

			@Override
			public int read(float[][] dst, int off, int count) {
				for (int i = 0; i < count; i++) {
					seed = seed * 1103515245 + 12345;
					dst[0][off + i] = (seed >> 8) * 0x1p-24f;
					dst[1][off + i] = -dst[0][off + i];
				}
				return count;
			}
		};
		Resampler r = new Resampler(noise, 2, 44100, 48000);
		float[][] buf = new float[2][256];
		for (int i = 0; i < 3000; i++) {
			r.read(buf, 0, 256);
		}
		long overhead = Long.MAX_VALUE;
		long used = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 3; attempt++) {
			long a = (Long) allocated.invoke(bean, id);
			long b = (Long) allocated.invoke(bean, id);
			for (int i = 0; i < 500; i++) {
				r.read(buf, 0, 256);
			}
			long c = (Long) allocated.invoke(bean, id);
			overhead = Math.min(overhead, b - a);
			used = Math.min(used, c - b);
		}
		assertTrue(used <= overhead, "read allocated " + used + " bytes over 500 calls (probe overhead " + overhead
				+ ")");
	}

	/**
	 * Largest difference, in dB re the tone, between the converter's output and the tone computed directly at the
	 * output rate (the output is time-aligned, so output frame n is the tone at time n / out).
	 */
	static double errorAgainstTheFormula(double f, int in, int out) throws IOException {
		// an endless tone (convert's int arithmetic would overflow at a MHz input rate)
		Resampler r = new Resampler(new Tones(f, f, in, Long.MAX_VALUE, 0), 2, in, out);
		float[][] y = new float[2][4096];
		long at = 0;
		double worst = 0;
		for (int k = 0; k < 4; k++) {
			int n = r.read(y, 0, 4096);
			for (int i = 0; i < n; i++, at++) {
				if (at >= 2048) { // past the onset, where the kernel reaches before the tone's start
					double expected = AMPLITUDE * Math.sin(2 * Math.PI * f * at / out);
					worst = Math.max(worst, Math.abs(y[0][i] - expected));
				}
			}
		}
		return Decibels.fromGain(worst / AMPLITUDE);
	}

	/**
	 * A ratio whose reduced up-factor is large (a corrupt or odd header: 44101 Hz has no common factor with 48 kHz)
	 * is converted from a table of bounded size, interpolated between tabled kernel positions, as accurately as a
	 * usual ratio: before, 44101 -> 48000 built a 60 MB table in seconds and 2147483647 Hz -> 48000 ran out of heap
	 * (found by the parser fuzzing of issue 12).
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("fineRatios")
	void fineRatiosConvertFromABoundedTableAsAccuratelyAsUsualOnes(int in, int out) throws IOException {
		Resampler r = new Resampler((dst, off, count) -> 0, 2, in, out);
		assertTrue(r.tableLength() <= (Resampler.MAX_PHASES + 1) * 200, "table of " + r.tableLength() + " coefficients");
		double reference = errorAgainstTheFormula(1000, 44100, 48000);
		for (double f : new double[] { 1000, 0.4 * Math.min(in, out) }) {
			double error = errorAgainstTheFormula(f, in, out);
			System.out.printf("resampler %d -> %d: %.0f Hz tone within %.1f dB of the formula (44100 -> 48000 at 1 kHz: %.1f dB)%n",
					in, out, f, error, reference);
			assertTrue(error < -100, in + " -> " + out + " at " + f + " Hz: error " + error + " dB");
		}
	}

	static Stream<Arguments> fineRatios() {
		return Stream.of(Arguments.of(44101, 48000), Arguments.of(48000, 44101), Arguments.of(96001, 44100),
				Arguments.of(7919, 48000), Arguments.of(1000003, 8000));
	}

	@Test
	void aReductionSteeperThanTheKernelAllowsIsRefusedNamingBothRates() {
		IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> new Resampler((dst, off, count) -> 0, 1, Integer.MAX_VALUE, 48000));
		assertEquals("cannot convert 2147483647 Hz to 48000 Hz: a reduction of more than 412:1", e.getMessage());
		// the steepest the product meets in practice still converts
		new Resampler((dst, off, count) -> 0, 1, 768000, 8000);
	}

	@Test
	void outputLengthSaturatesInsteadOfOverflowing() {
		assertEquals(Long.MAX_VALUE, Resampler.outputLength(1L << 40, 1, Integer.MAX_VALUE));
		assertEquals(48000L * 3 + 2, Resampler.outputLength(3 * 44100 + 1, 44100, 48000)); // ceil(48000 / 44100) for the last frame
	}
}
