package org.mixtree.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Biquad} against the Audio-EQ-Cookbook (its formulas, written out again here, and the responses they
 * promise at f0, DC and Nyquist) and against sox, whose equalizer, bass, treble, highpass, lowpass, bandpass and
 * bandreject effects implement the same cookbook. The sox test fails, never skips, when sox is not installed.
 */
class BiquadTest {
	private static final double FS = 48000;

	/** |H(e^jw)| in dB from normalised coefficients {b0, b1, b2, a1, a2}, by complex arithmetic here. */
	static double responseDb(double[] c, double f) {
		double w = 2 * Math.PI * f / FS;
		double nr = c[0] + c[1] * Math.cos(w) + c[2] * Math.cos(2 * w);
		double ni = -c[1] * Math.sin(w) - c[2] * Math.sin(2 * w);
		double dr = 1 + c[3] * Math.cos(w) + c[4] * Math.cos(2 * w);
		double di = -c[3] * Math.sin(w) - c[4] * Math.sin(2 * w);
		return 20 * Math.log10(Math.hypot(nr, ni) / Math.hypot(dr, di));
	}

	/** The cookbook's formulas, from its text: returns {b0, b1, b2, a1, a2} / a0. */
	static double[] cookbook(String type, double f0, double qOrS, double dbGain) {
		double aa = Math.pow(10, dbGain / 40);
		double w0 = 2 * Math.PI * f0 / FS;
		double cs = Math.cos(w0);
		double alpha = Math.sin(w0) / (2 * qOrS);
		double sa = 0;
		if (type.endsWith("Shelf")) {
			alpha = Math.sin(w0) / 2 * Math.sqrt((aa + 1 / aa) * (1 / qOrS - 1) + 2);
			sa = 2 * Math.sqrt(aa) * alpha;
		}
		double[] r = switch (type) {
		case "LPF" -> new double[] { (1 - cs) / 2, 1 - cs, (1 - cs) / 2, 1 + alpha, -2 * cs, 1 - alpha };
		case "HPF" -> new double[] { (1 + cs) / 2, -(1 + cs), (1 + cs) / 2, 1 + alpha, -2 * cs, 1 - alpha };
		case "BPF" -> new double[] { alpha, 0, -alpha, 1 + alpha, -2 * cs, 1 - alpha };
		case "notch" -> new double[] { 1, -2 * cs, 1, 1 + alpha, -2 * cs, 1 - alpha };
		case "peakingEQ" -> new double[] { 1 + alpha * aa, -2 * cs, 1 - alpha * aa, 1 + alpha / aa, -2 * cs,
				1 - alpha / aa };
		case "lowShelf" -> new double[] { aa * ((aa + 1) - (aa - 1) * cs + sa), 2 * aa * ((aa - 1) - (aa + 1) * cs),
				aa * ((aa + 1) - (aa - 1) * cs - sa), (aa + 1) + (aa - 1) * cs + sa, -2 * ((aa - 1) + (aa + 1) * cs),
				(aa + 1) + (aa - 1) * cs - sa };
		case "highShelf" -> new double[] { aa * ((aa + 1) + (aa - 1) * cs + sa),
				-2 * aa * ((aa - 1) + (aa + 1) * cs), aa * ((aa + 1) + (aa - 1) * cs - sa),
				(aa + 1) - (aa - 1) * cs + sa, 2 * ((aa - 1) - (aa + 1) * cs), (aa + 1) - (aa - 1) * cs - sa };
		default -> throw new IllegalArgumentException(type);
		};
		return new double[] { r[0] / r[3], r[1] / r[3], r[2] / r[3], r[4] / r[3], r[5] / r[3] };
	}

	static Biquad design(String type, double f0, double qOrS, double dbGain) {
		Biquad b = new Biquad();
		return switch (type) {
		case "LPF" -> b.setLowpass(FS, f0, qOrS);
		case "HPF" -> b.setHighpass(FS, f0, qOrS);
		case "BPF" -> b.setBandpass(FS, f0, qOrS);
		case "notch" -> b.setNotch(FS, f0, qOrS);
		case "peakingEQ" -> b.setPeaking(FS, f0, qOrS, dbGain);
		case "lowShelf" -> b.setLowShelf(FS, f0, qOrS, dbGain);
		case "highShelf" -> b.setHighShelf(FS, f0, qOrS, dbGain);
		default -> throw new IllegalArgumentException(type);
		};
	}

	static Stream<Arguments> designs() {
		return Stream.of(Arguments.of("LPF", 1000.0, Math.sqrt(0.5), 0.0), Arguments.of("LPF", 15000.0, 4.0, 0.0),
				Arguments.of("HPF", 80.0, Math.sqrt(0.5), 0.0), Arguments.of("HPF", 5000.0, 0.5, 0.0),
				Arguments.of("BPF", 2000.0, 2.0, 0.0), Arguments.of("notch", 50.0, 10.0, 0.0),
				Arguments.of("peakingEQ", 1000.0, 1.0, 3.0), Arguments.of("peakingEQ", 40.0, 8.0, -12.0),
				Arguments.of("peakingEQ", 12000.0, 0.3, 9.5), Arguments.of("lowShelf", 100.0, 0.5, 6.0),
				Arguments.of("lowShelf", 300.0, 1.0, -9.0), Arguments.of("highShelf", 3000.0, 0.5, -4.0),
				Arguments.of("highShelf", 8000.0, 1.0, 12.0));
	}

	@ParameterizedTest(name = "{0} {1} Hz q/S {2} gain {3}")
	@MethodSource("designs")
	void coefficientsAreTheCookbooks(String type, double f0, double q, double gain) {
		// same formulas evaluated independently; only rounding may differ (1e-12)
		assertArrayEquals(cookbook(type, f0, q, gain), design(type, f0, q, gain).coefficients(), 1e-12);
	}

	@ParameterizedTest(name = "{0} {1} Hz q/S {2} gain {3}")
	@MethodSource("designs")
	void responseAtTheDesignFrequenciesIsWhatTheCookbookPromises(String type, double f0, double q, double gain) {
		Biquad b = design(type, f0, q, gain);
		double[] c = b.coefficients();
		// The bilinear transform maps f0 onto f0 exactly, so these hold to rounding (1e-9 dB).
		double tol = 1e-9;
		switch (type) {
		case "peakingEQ" -> {
			assertEquals(gain, responseDb(c, f0), tol);
			assertEquals(0.0, responseDb(c, 0), tol);
			assertEquals(0.0, responseDb(c, FS / 2), tol);
		}
		case "lowShelf" -> {
			assertEquals(gain, responseDb(c, 0), tol);
			assertEquals(gain / 2, responseDb(c, f0), tol);
			assertEquals(0.0, responseDb(c, FS / 2), tol);
		}
		case "highShelf" -> {
			assertEquals(0.0, responseDb(c, 0), tol);
			assertEquals(gain / 2, responseDb(c, f0), tol);
			assertEquals(gain, responseDb(c, FS / 2), tol);
		}
		case "LPF" -> {
			// |H(f0)| = Q for the cookbook's second-order low and high pass
			assertEquals(20 * Math.log10(q), responseDb(c, f0), tol);
			assertEquals(0.0, responseDb(c, 0), tol);
		}
		case "HPF" -> {
			assertEquals(20 * Math.log10(q), responseDb(c, f0), tol);
			assertEquals(0.0, responseDb(c, FS / 2), tol);
		}
		case "BPF" -> assertEquals(0.0, responseDb(c, f0), tol);
		case "notch" -> assertTrue(responseDb(c, f0) < -200, "notch depth " + responseDb(c, f0));
		default -> throw new IllegalArgumentException(type);
		}
		// the class's own response evaluation (for EQ curves) agrees with the one here
		for (double f : new double[] { 20, f0 * 0.7, f0 * 1.3, 10000, 23000 }) {
			assertEquals(responseDb(c, f), b.magnitudeDb(FS, f), 1e-9, "at " + f + " Hz");
		}
	}

	/** A coherent 1 kHz sine through a +3 dB peaking filter at 1 kHz comes out 3 dB louder, read by FFT. */
	@Test
	void filteredSineHasTheDesignedGain() {
		int n = 48000;
		float[] x = new float[2 * n];
		for (int t = 0; t < x.length; t++) {
			x[t] = (float) (0.25 * Math.sin(2 * Math.PI * 1000 * t / FS));
		}
		new Biquad().setPeaking(FS, 1000, 1.0, 3.0).process(x, 0, x.length);
		double[] steady = new double[n];
		for (int t = 0; t < n; t++) {
			steady[t] = x[n + t]; // the second second, long after the transient (Q = 1 decays in ms)
		}
		Fft fft = new Fft(n);
		double[] amp = new double[fft.bins()];
		fft.amplitudeSpectrum(steady, amp);
		// 1 s at 48 kHz: 1 kHz is bin 1000; tolerance 1e-4 dB covers float rounding of input and output
		assertEquals(3.0, 20 * Math.log10(amp[1000] / 0.25), 1e-4);
	}

	static Path sox() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
			Path p = Path.of(dir, "sox");
			if (Files.isExecutable(p)) {
				return p;
			}
		}
		for (String dir : new String[] { "/usr/bin", "/usr/local/bin" }) {
			Path p = Path.of(dir, "sox");
			if (Files.isExecutable(p)) {
				return p;
			}
		}
		return null;
	}

	static Stream<Arguments> soxEffects() {
		double butterworth = Math.sqrt(0.5);
		return Stream.of(
				Arguments.of("equalizer 1000 1q 3", (Consumer<Biquad>) b -> b.setPeaking(FS, 1000, 1, 3)),
				Arguments.of("equalizer 60 4q -10", (Consumer<Biquad>) b -> b.setPeaking(FS, 60, 4, -10)),
				Arguments.of("highpass -2 200 " + butterworth + "q",
						(Consumer<Biquad>) b -> b.setHighpass(FS, 200, butterworth)),
				Arguments.of("lowpass -2 5000 " + butterworth + "q",
						(Consumer<Biquad>) b -> b.setLowpass(FS, 5000, butterworth)),
				Arguments.of("lowpass -2 300 2q", (Consumer<Biquad>) b -> b.setLowpass(FS, 300, 2)),
				Arguments.of("bass 6 100 0.5s", (Consumer<Biquad>) b -> b.setLowShelf(FS, 100, 0.5, 6)),
				Arguments.of("treble -4 3000 0.5s", (Consumer<Biquad>) b -> b.setHighShelf(FS, 3000, 0.5, -4)),
				Arguments.of("treble 5 8000 1s", (Consumer<Biquad>) b -> b.setHighShelf(FS, 8000, 1, 5)),
				Arguments.of("bandpass 2000 2q", (Consumer<Biquad>) b -> b.setBandpass(FS, 2000, 2)),
				Arguments.of("bandreject 2000 2q", (Consumer<Biquad>) b -> b.setNotch(FS, 2000, 2)));
	}

	/**
	 * One second of white noise (uniform, +-0.25) through sox and through {@link Biquad}: peak difference below
	 * 1e-5 (sox carries samples as 32-bit integers between effects and writes float, so its own rounding is
	 * about 1e-7).
	 */
	@ParameterizedTest(name = "sox {0}")
	@MethodSource("soxEffects")
	void matchesSox(String effect, Consumer<Biquad> setting, @TempDir Path dir) throws Exception {
		Path sox = sox();
		assertTrue(sox != null, "sox is required for this test (apt-get install sox); it is not on the PATH");
		int n = 48000;
		float[] noise = new float[n];
		Random random = new Random(effect.hashCode());
		for (int i = 0; i < n; i++) {
			noise[i] = (float) (0.5 * random.nextDouble() - 0.25);
		}
		Path in = dir.resolve("in.f32");
		Path out = dir.resolve("out.f32");
		ByteBuffer bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
		bytes.asFloatBuffer().put(noise);
		Files.write(in, bytes.array());
		List<String> cmd = new ArrayList<>(List.of(sox.toString(), "-D", "-t", "raw", "-e", "floating-point", "-b",
				"32", "-L", "-c", "1", "-r", "48000", in.toString(), "-t", "raw", "-e", "floating-point", "-b", "32",
				"-L", out.toString()));
		cmd.addAll(List.of(effect.split(" ")));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String log = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sox timed out");
		assertEquals(0, p.exitValue(), "sox failed: " + log);
		float[] expected = new float[n];
		ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(expected);

		Biquad b = new Biquad();
		setting.accept(b);
		float[] y = noise.clone();
		for (int at = 0; at < n; at += 512) {
			b.process(y, at, Math.min(512, n - at));
		}
		double worst = 0;
		for (int i = 0; i < n; i++) {
			worst = Math.max(worst, Math.abs(y[i] - expected[i]));
		}
		System.out.printf("biquad vs sox %s: peak difference %.2e%n", effect, worst);
		assertTrue(worst < 1e-5, effect + ": peak difference from sox " + worst);
	}

	@Test
	void newFilterPassesInputUnchangedAndResetClearsState() throws IOException {
		float[] x = { 0.5f, -0.25f, 0.125f, 0f };
		float[] y = x.clone();
		new Biquad().process(y, 0, y.length);
		assertArrayEquals(x, y, 0f);
		Biquad b = new Biquad().setLowpass(FS, 1000, 0.7);
		float[] first = { 1f, 0f, 0f, 0f };
		b.process(first, 0, 4);
		b.reset();
		float[] second = { 1f, 0f, 0f, 0f };
		b.process(second, 0, 4);
		assertArrayEquals(first, second, 0f);
	}

	/**
	 * {@link Biquad#tick} is the recursion of the cookbook's difference equation, written out here in direct form I:
	 * {@code y[n] = b0 x[n] + b1 x[n-1] + b2 x[n-2] - a1 y[n-1] - a2 y[n-2]}, and gives what a block's
	 * {@link Biquad#process} gives (as floats).
	 */
	@Test
	void tickIsTheDifferenceEquationSampleBySample() {
		Random r = new Random(7);
		Biquad f = new Biquad().setBandpass(FS, 700, 2.0);
		Biquad block = new Biquad().setBandpass(FS, 700, 2.0);
		double[] c = f.coefficients();
		float[] xs = new float[4000];
		float[] ticked = new float[xs.length];
		double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
		for (int n = 0; n < xs.length; n++) {
			double x = xs[n] = (float) (r.nextDouble() * 2 - 1);
			double want = c[0] * x + c[1] * x1 + c[2] * x2 - c[3] * y1 - c[4] * y2;
			double got = f.tick(x);
			assertEquals(want, got, 1e-12, "sample " + n);
			ticked[n] = (float) got;
			x2 = x1;
			x1 = x;
			y2 = y1;
			y1 = want;
		}
		block.process(xs, 0, xs.length);
		assertArrayEquals(xs, ticked, 0f);
	}
}
