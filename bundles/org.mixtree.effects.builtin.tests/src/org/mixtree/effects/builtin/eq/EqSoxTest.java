package org.mixtree.effects.builtin.eq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.builtin.FxHarness;

/**
 * The EQ's bands against SoX 14.4 (its biquad effects are the RBJ cookbook in double precision, DF1), run from
 * the test on raw 32-bit float files at 48 kHz. SoX's conventions, checked here: {@code equalizer F Wq G} is the
 * peaking filter with Q = W; {@code bass}/{@code treble G F Wq} are the shelves with the cookbook's Q; with a
 * slope {@code Ss} SoX uses the cookbook's slope formula, which equals Q = 1/sqrt((A + 1/A)(1/S - 1) + 2);
 * {@code highpass/lowpass -2 F Wq} are the two-pole cookbook filters; {@code bandreject F Wq} the notch;
 * {@code bandpass F Wq} (without -c) the constant 0 dB peak band pass.
 * <p>
 * Tolerance: 1e-5 peak absolute error for signals of peak 0.25-0.5 (SoX works in 32-bit integers between
 * effects, 5e-10 steps; our filters keep double state and round to float only at the output, 3e-8). A missing
 * sox fails the test: it is the outside reference.
 */
class EqSoxTest {

	private static final int N = 48000;
	private static final double TOLERANCE = 1e-5;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0} {1} Hz q {2} gain {3} vs sox {4}")
	@CsvSource({ "peak, 1000, 1.0, 6, equalizer 1000 1.0q 6", //
			"peak, 80, 4.0, -9, equalizer 80 4.0q -9", //
			"lowshelf, 200, 0.707, 5, bass 5 200 0.707q", //
			"highshelf, 8000, 0.707, 2, treble 2 8000 0.707q", //
			"highshelf, 3000, 1.5, -6, treble -6 3000 1.5q", //
			"highpass, 120, 0.707, 0, highpass -2 120 0.707q", //
			"lowpass, 5000, 2.0, 0, lowpass -2 5000 2.0q", //
			"notch, 2000, 3.0, 0, bandreject 2000 3.0q", //
			"bandpass, 700, 0.8, 0, bandpass 700 0.8q" })
	void bandEqualsSox(String type, double freq, double q, double gain, String soxEffect) throws Exception {
		compareBand(type, freq, q, gain, soxEffect.split(" "));
	}

	/** A shelf given by slope S in SoX, converted to the EQ's Q as the cookbook (and so SoX) relates them. */
	@ParameterizedTest(name = "{0} S = {3}")
	@CsvSource({ "lowshelf, 150, 4, 0.5, bass", "highshelf, 6000, -5, 1.0, treble", "lowshelf, 400, -8, 0.3, bass" })
	void shelfSlopeEqualsSox(String type, double freq, double gain, double slope, String soxName) throws Exception {
		double a = Math.pow(10, gain / 40);
		double q = 1 / Math.sqrt((a + 1 / a) * (1 / slope - 1) + 2);
		compareBand(type, freq, q, gain, new String[] { soxName, String.valueOf(gain), String.valueOf(freq),
				slope + "s" });
	}

	/** Eight bands and the output gain against the same chain in SoX. */
	@Test
	void allBandsAndOutputEqualSox() throws Exception {
		Object[] params = { "b1.type", 4, "b1.freq", 40, "b1.q", 0.707, //
				"b2.type", 2, "b2.freq", 100, "b2.gain", 3, "b2.q", 0.707, //
				"b3.type", 1, "b3.freq", 300, "b3.gain", -4, "b3.q", 2, //
				"b4.type", 6, "b4.freq", 1500, "b4.q", 8, //
				"b5.type", 1, "b5.freq", 2500, "b5.gain", 2, "b5.q", 0.5, //
				"b6.type", 3, "b6.freq", 9000, "b6.gain", -3, "b6.q", 0.707, //
				"b7.type", 5, "b7.freq", 16000, "b7.q", 0.707, //
				"b8.type", 1, "b8.freq", 60, "b8.gain", 1.5, "b8.q", 1, //
				"output", -3 };
		String[] sox = ("highpass -2 40 0.707q bass 3 100 0.707q equalizer 300 2q -4 bandreject 1500 8q"
				+ " equalizer 2500 0.5q 2 treble -3 9000 0.707q lowpass -2 16000 0.707q equalizer 60 1q 1.5 gain -3")
				.split(" ");
		for (float[] x : signals()) {
			Effect fx = FxHarness.make(new EqFactory(), 1, 512, false, params);
			float[] ours = FxHarness.run(fx, new float[][] { x }, 512)[0];
			float[] ref = sox(x, sox);
			assertClose(ref, ours, "8 bands");
		}
	}

	private void compareBand(String type, double freq, double q, double gain, String[] soxEffect) throws Exception {
		int t = List.of(EqFactory.TYPES).indexOf(type);
		for (float[] x : signals()) {
			Effect fx = FxHarness.make(new EqFactory(), 1, 512, false, "b3.type", t, "b3.freq", freq, "b3.q", q,
					"b3.gain", gain);
			float[] ours = FxHarness.run(fx, new float[][] { x }, 512)[0];
			float[] ref = sox(x, soxEffect);
			assertClose(ref, ours, type + " " + String.join(" ", soxEffect));
		}
	}

	private static List<float[]> signals() {
		return List.of(FxHarness.noise(N, 0.25, 42), FxHarness.sweep(N, 20, 20000, 0.4), FxHarness.impulse(N, 0.5));
	}

	private static void assertClose(float[] ref, float[] ours, String what) {
		assertEquals(ref.length, ours.length, what + ": length");
		double max = 0;
		int at = 0;
		for (int i = 0; i < ref.length; i++) {
			double e = Math.abs(ref[i] - ours[i]);
			if (e > max) {
				max = e;
				at = i;
			}
		}
		assertTrue(max <= TOLERANCE, what + ": peak error " + max + " at sample " + at);
	}

	private float[] sox(float[] x, String[] effect) throws IOException, InterruptedException {
		Path in = Files.createTempFile(dir, "in", ".f32");
		Path out = Files.createTempFile(dir, "out", ".f32");
		ByteBuffer bb = ByteBuffer.allocate(4 * x.length).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : x) {
			bb.putFloat(v);
		}
		Files.write(in, bb.array());
		List<String> cmd = new ArrayList<>(List.of("sox", "-D", "-t", "f32", "-r", "48000", "-c", "1", in.toString(),
				"-t", "f32", out.toString()));
		cmd.addAll(List.of(effect));
		Process p;
		try {
			p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		} catch (IOException e) {
			throw new AssertionError("sox is the reference of this test and is not installed (apt-get install sox)", e);
		}
		String log = new String(p.getInputStream().readAllBytes());
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sox timed out");
		assertEquals(0, p.exitValue(), "sox " + String.join(" ", cmd) + ": " + log);
		ByteBuffer r = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
		float[] y = new float[r.remaining() / 4];
		for (int i = 0; i < y.length; i++) {
			y[i] = r.getFloat();
		}
		return y;
	}
}
