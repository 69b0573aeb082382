package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * Sidechain keys and plugin delay compensation end to end with the real built-in effects: sessions made with
 * {@code new}, {@code insert add}, {@code set}, rendered by {@code render} and read back. Expected values are
 * computed here from the compressor's documented static curve and from the null principle.
 */
class SidechainPdcCliTest {

	static final int RATE = 48000;

	@TempDir
	Path dir;
	Path stems;
	Path session;
	String s;

	@BeforeEach
	void dirs() throws IOException {
		stems = dir.resolve("stems");
		Files.createDirectories(stems);
		session = dir.resolve("song.mixtree");
		s = session.toString();
	}

	private void write(String name, float[][] x) throws IOException {
		try (WavWriter w = new WavWriter(stems.resolve(name), x.length, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	private static float[][] sine(double hz, double amplitude, int from, int to, int frames) {
		float[][] x = new float[1][frames];
		for (int i = from; i < to; i++) {
			x[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
		}
		return x;
	}

	private float[][] render(String name) throws IOException {
		Path out = dir.resolve(name);
		CliEndToEndTest.ok("render", s, "-o", out.toString());
		return CliEndToEndTest.read(out);
	}

	private static double rms(float[] x, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += (double) x[i] * x[i];
		}
		return Math.sqrt(sum / (to - from));
	}

	private static double db(double ratio) {
		return 20 * Math.log10(ratio);
	}

	// ------------------------------------------------------------------------------------------ sidechain

	@Test
	void kickKeyedCompressorDucksTheBassBus() throws Exception {
		// 1.5 s: the kick plays a loud 60 Hz tone for the first 0.5 s; the bass a steady -20 dBFS tone throughout
		int frames = 72_000;
		double kickPeak = 0.9;
		double bassPeak = 0.1;
		write("Kick.wav", sine(60, kickPeak, 0, 24_000, frames));
		write("Bass DI.wav", sine(110, bassPeak, 0, frames, frames));
		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		// the kick is muted: the master then carries the bass alone, and a muted key still keys
		CliEndToEndTest.ok("set", s, "track:Kick", "mute=true");
		float[][] dry = render("dry.wav");

		CliEndToEndTest.ok("insert", "add", s, "bus:Bass", "org.mixtree.compressor", "threshold=-40", "ratio=20",
				"--sidechain", "track:Kick");
		float[][] keyed = render("keyed.wav");
		CliEndToEndTest.ok("insert", "remove", s, "bus:Bass", "1");
		CliEndToEndTest.ok("insert", "add", s, "bus:Bass", "org.mixtree.compressor", "threshold=-40", "ratio=20");
		float[][] self = render("self.wav");
		assertEquals(frames, dry[0].length);
		assertEquals(frames, keyed[0].length);

		// static curve above threshold (knee 0): reduction = (L - T)(1 - 1/R), L the detector's peak level
		double whileKick = (db(kickPeak) + 40) * (1 - 1 / 20.0);
		// the bus carries the mono bass panned centre under the -3 dB law: its peak is bassPeak cos(pi/4)
		double selfKeyed = (db(bassPeak * Math.cos(Math.PI / 4)) + 40) * (1 - 1 / 20.0);
		// while the kick plays (after 10 ms of attack, a few time constants on): ducked by the kick's level
		double duck = db(rms(dry[0], 4800, 24_000) / rms(keyed[0], 4800, 24_000));
		assertEquals(whileKick, duck, 1.5, "gain reduction while the kick plays");
		// 750 ms after the kick (7.5 release time constants): the bass is back, the key being silent
		double after = db(rms(dry[0], 60_000, frames) / rms(keyed[0], 60_000, frames));
		assertEquals(0, after, 0.1, "gain reduction after the kick");
		// without the sidechain the compressor listens to the bass itself: steady reduction, no ducking
		assertEquals(selfKeyed, db(rms(dry[0], 4800, 24_000) / rms(self[0], 4800, 24_000)), 1.0);
		assertEquals(selfKeyed, db(rms(dry[0], 60_000, frames) / rms(self[0], 60_000, frames)), 1.0);
		assertTrue(duck > selfKeyed + 10, "the kick ducks the bass far more than the bass compresses itself");
	}

	// ------------------------------------------------------------------------------------------------ PDC

	/**
	 * The test: the same quiet stem on two buses, a limiter that does not limit (ceiling 0 dB, the stem
	 * peaks at -12 dBFS) on one, the other polarity-inverted: the mix nulls below -120 dBFS, so the limiter's
	 * look-ahead latency (and with true peak on, its interpolator's) is compensated to the sample.
	 */
	@ParameterizedTest(name = "truepeak={0}")
	@ValueSource(strings = { "off", "on" })
	void limiterThatDoesNotLimitNullsAgainstTheDryPath(String truepeak) throws Exception {
		int frames = 24_000;
		float[][] x = new float[2][frames];
		java.util.SplittableRandom random = new java.util.SplittableRandom(42);
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < frames; i++) {
				// band-limited-ish noise plus a tone, peaking well below -6 dBFS
				x[c][i] = (float) (0.1 * (random.nextDouble() - 0.5)
						+ 0.1 * Math.sin(2 * Math.PI * (220 + 110 * c) * i / RATE));
			}
		}
		write("Lead Vox.wav", x);
		write("Lead Vox 2.wav", x);
		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		CliEndToEndTest.ok("bus", "add", s, "Dry");
		CliEndToEndTest.ok("set", s, "track:Lead Vox 2", "output=bus:Dry");
		CliEndToEndTest.ok("set", s, "bus:Dry", "polarity=true");
		// both heard: the two paths sum to 2x when the dry one is not inverted (the test is not vacuous)
		CliEndToEndTest.ok("set", s, "bus:Dry", "polarity=false");
		CliEndToEndTest.ok("insert", "add", s, "bus:Vocals", "org.mixtree.limiter", "ceiling=0", "lookahead=5",
				"truepeak=" + truepeak);
		float[][] sum = render("sum.wav");
		assertEquals(frames, sum[0].length, "latency is compensated, not added to the render");
		for (int i = 0; i < frames; i += 997) {
			assertEquals(2 * x[0][i], sum[0][i], 1e-6, "frame " + i);
		}
		CliEndToEndTest.ok("set", s, "bus:Dry", "polarity=true");
		float[][] nulled = render("null.wav");
		assertEquals(frames, nulled[0].length);
		double peak = 0;
		for (float[] c : nulled) {
			for (float v : c) {
				peak = Math.max(peak, Math.abs(v));
			}
		}
		assertTrue(peak < 1e-6, "residual " + db(peak) + " dBFS, not below -120 dBFS");
		// and the limiter does report a latency: look-ahead 5 ms = 240 frames, more with true peak
		String json = CliEndToEndTest.ok("info", s, "--json").out();
		@SuppressWarnings("unchecked")
		double latency = (Double) ((java.util.Map<String, Object>) ((java.util.List<Object>) CliEndToEndTest
				.channels(json).get("bus:Vocals").get("inserts")).get(0)).get("latency");
		assertTrue(truepeak.equals("on") ? latency > 240 : latency == 240, "latency " + latency);
	}
}
