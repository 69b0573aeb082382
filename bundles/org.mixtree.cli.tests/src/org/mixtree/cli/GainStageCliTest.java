package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixtree.cli.CliEndToEndTest.channels;
import static org.mixtree.cli.CliEndToEndTest.cli;
import static org.mixtree.cli.CliEndToEndTest.ok;
import static org.mixtree.cli.CliEndToEndTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * {@code gainstage} end to end: the clip gains it sets are checked against an independent BS.1770 meter, ffmpeg's
 * {@code ebur128} filter, run on each file after sox applied the clip gain ({@code vol} in dB): the result must
 * read the target within 0.1 LU (ffmpeg prints tenths). Mono and stereo files, silence, nested buses, the
 * short-term maximum, and refusals that leave the session file byte-identical.
 */
class GainStageCliTest {

	@TempDir
	Path dir;
	Path stems;
	Path session;

	static final int RATE = 48000;
	/** 3 s at one level, then 4 s twice as loud: integrated and short-term maximum differ by about 4 dB */
	static final int FRAMES = 7 * RATE;

	@BeforeEach
	void session() throws Exception {
		stems = dir.resolve("stems");
		Files.createDirectories(stems);
		float[] kick = signal(0.05, 0);
		write("kick.wav", kick);
		write("bass.wav", signal(0.2, 1));
		write("pad.wav", kick, kick); // the kick's samples on both sides: 3.01 dB louder under BS.1770
		write("keys.wav", signal(0.01, 2), signal(0.02, 3));
		write("room.wav", new float[FRAMES]);
		session = dir.resolve("song.mixtree");
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		// Music{pad, Keys{keys}}; kick, bass and room to the master
		ok("bus", "add", session.toString(), "Music");
		ok("bus", "add", session.toString(), "Keys", "--output", "bus:Music");
		ok("set", session.toString(), "track:pad", "output=bus:Music");
		ok("set", session.toString(), "track:keys", "output=bus:Keys");
		ok("set", session.toString(), "track:room", "clipgain=-3");
	}

	/** Incommensurate sines, 3 s at {@code amplitude} then 4 s at twice that. */
	static float[] signal(double amplitude, int seed) {
		float[] x = new float[FRAMES];
		for (int i = 0; i < FRAMES; i++) {
			double t = i / (double) RATE;
			double a = i < 3 * RATE ? amplitude : 2 * amplitude;
			x[i] = (float) (a * (0.6 * Math.sin(2 * Math.PI * (97 + 31 * seed) * t)
					+ 0.4 * Math.sin(2 * Math.PI * (1811.3 + 211 * seed) * t)));
		}
		return x;
	}

	void write(String name, float[]... channels) throws IOException {
		try (WavWriter w = new WavWriter(stems.resolve(name), channels.length, RATE, SampleFormat.F32, 1)) {
			w.write(channels, 0, FRAMES);
		}
	}

	/** ffmpeg's reading of {@code name} with {@code clipGainDb} applied by sox: integrated, or the largest S. */
	double ffmpeg(String name, double clipGainDb, boolean shortTermMax) throws Exception {
		Path gained = dir.resolve("gained-" + name);
		run("sox", stems.resolve(name).toString(), "-e", "floating-point", "-b", "32", gained.toString(), "vol",
				String.format(Locale.ROOT, "%.4fdB", clipGainDb));
		String log = run("ffmpeg", "-nostats", "-hide_banner", "-i", gained.toString(), "-filter_complex", "ebur128",
				"-f", "null", "-");
		if (!shortTermMax) {
			// the last summary: ffmpeg may set the filter graph up once before the real run, printing an empty one
			Matcher m = Pattern.compile("I:\\s+(-?[0-9.]+) LUFS\\s*\\n\\s*Threshold").matcher(log);
			Double last = null;
			while (m.find()) {
				last = Double.parseDouble(m.group(1));
			}
			assertTrue(last != null, log);
			return last;
		}
		Matcher m = Pattern.compile(" S:\\s*(-?[0-9.]+)").matcher(log);
		double max = Double.NEGATIVE_INFINITY;
		while (m.find()) {
			max = Math.max(max, Double.parseDouble(m.group(1)));
		}
		assertTrue(max > -70, log);
		return max;
	}

	static double clipGain(Map<String, Map<String, Object>> ch, String track) {
		return ((Number) ch.get("track:" + track).get("clipGainDb")).doubleValue();
	}

	@Test
	void integratedTargetMeasuredByFfmpeg() throws Exception {
		var r = ok("gainstage", session.toString(), "--target", "-23");
		var ch = channels(ok("info", session.toString(), "--json").out());
		for (String t : List.of("kick", "bass", "pad", "keys")) {
			double lufs = ffmpeg(t + ".wav", clipGain(ch, t), false);
			assertEquals(-23.0, lufs, 0.1, t + ": " + r.out());
		}
		// mono weighs 1.0 in BS.1770: the same samples on two channels read 3.01 dB louder, so get 3.01 dB less
		assertEquals(10 * Math.log10(2), clipGain(ch, "kick") - clipGain(ch, "pad"), 0.015);
		// silence: no gain, named, the clip gain set by hand kept
		assertEquals(-3.0, clipGain(ch, "room"), 0);
		assertTrue(r.out().contains("silent, clip gain left as it was: track:room (digital silence)"), r.out());
		// the table: a header and one aligned row per track, measured loudness and the clip gain set
		List<String> lines = r.out().lines().toList();
		assertTrue(lines.get(1).matches("\\s+track\\s+measured\\s+clip gain"), r.out());
		int end = lines.get(1).length();
		for (String t : List.of("kick", "bass", "pad", "keys", "room")) {
			String row = lines.stream().filter(l -> l.startsWith("  " + t + " ")).findFirst().orElseThrow();
			String gain = String.format(Locale.ROOT, "%+.1f dB", clipGain(ch, t));
			assertTrue(row.substring(0, end).endsWith(gain), row + " / " + gain);
		}
		assertTrue(lines.stream().anyMatch(l -> l.matches("  room\\s+-inf LUFS\\s+-3\\.0 dB  silent: left as it was")),
				r.out());
		assertTrue(r.out().contains("set the clip gain of 4 tracks"), r.out());
	}

	@Test
	void shortTermMaxOfTheTracksUnderABusNested() throws Exception {
		ok("gainstage", session.toString(), "--target", "-20", "LUFS", "--measure", "shortterm-max", "--tracks",
				"bus:Music");
		var ch = channels(ok("info", session.toString(), "--json").out());
		assertEquals(-20.0, ffmpeg("pad.wav", clipGain(ch, "pad"), true), 0.1);
		assertEquals(-20.0, ffmpeg("keys.wav", clipGain(ch, "keys"), true), 0.1); // through Keys, nested
		// the tracks outside bus:Music keep their clip gain
		assertEquals(0.0, clipGain(ch, "kick"), 0);
		assertEquals(0.0, clipGain(ch, "bass"), 0);
		// the loud 4 s set the maximum; the integrated loudness of the whole file is the energy mean of 3 s at a
		// quarter of that power and 4 s at full: 10 log10(19/28) = -1.68 dB below it
		assertEquals(-20 + 10 * Math.log10(19.0 / 28), ffmpeg("pad.wav", clipGain(ch, "pad"), false), 0.15);
	}

	@Test
	void targetSpellings() throws Exception {
		for (String t : List.of("-23LUFS", "-23 LUFS", "-23 lufs", "-23")) {
			ok("gainstage", session.toString(), "--target", t);
			assertEquals(-23.0, ffmpeg("bass.wav", clipGain(channels(ok("info", session.toString(), "--json").out()),
					"bass"), false), 0.1, t);
		}
		byte[] before = Files.readAllBytes(session);
		var bad = cli("gainstage", session.toString(), "--target", "loud");
		assertEquals(1, bad.code());
		assertEquals("mixtree: --target 'loud' is not a loudness in LUFS (e.g. -23 or -23LUFS)\n", bad.err());
		assertEquals(2, cli("gainstage", session.toString()).code());
		assertEquals(2, cli("gainstage", session.toString(), "--target", "-23", "--measure", "peak").code());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	@Test
	void anUnreadableFileRefusesAndNothingChanges() throws Exception {
		Files.write(stems.resolve("bass.wav"), "RIFF not really a wave file".getBytes());
		byte[] before = Files.readAllBytes(session);
		var r = cli("gainstage", session.toString(), "--target", "-23");
		assertEquals(1, r.code(), r.err());
		assertEquals(1, r.err().lines().count(), r.err());
		assertTrue(r.err().startsWith("mixtree: ") && r.err().contains("bass.wav"), r.err());
		assertFalse(r.err().contains("Exception"), r.err());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	@Test
	void clipGainByHand() throws Exception {
		ok("set", session.toString(), "track:kick", "clipgain=-6.5dB");
		assertEquals(-6.5, clipGain(channels(ok("info", session.toString(), "--json").out()), "kick"), 0);
		assertTrue(ok("info", session.toString()).out().contains("kick.wav (clip -6.5 dB)"));
		byte[] before = Files.readAllBytes(session);
		for (String target : List.of("bus:Music", "master")) {
			var r = cli("set", session.toString(), target, "clipgain=-6");
			assertEquals(1, r.code());
			assertTrue(r.err().startsWith("mixtree: " + target + " has no clipgain"), r.err());
		}
		var r = cli("set", session.toString(), "track:kick", "clipgain=60");
		assertEquals(1, r.code());
		assertTrue(r.err().contains("track:kick clipgain 60.0 dB is outside [-48, +48] dB"), r.err());
		assertArrayEquals(before, Files.readAllBytes(session));
		// the engine plays the clip gain: a render of kick alone is 6.5 dB down on the file
		ok("set", session.toString(), "track:kick", "solo=true", "pan=L100");
		Path mix = dir.resolve("mix.wav");
		ok("render", session.toString(), "-o", mix.toString());
		float[][] y = CliEndToEndTest.read(mix);
		float[] x = signal(0.05, 0);
		double g = Math.pow(10, -6.5 / 20);
		for (int i = 0; i < FRAMES; i += 997) {
			assertEquals(x[i] * g, y[0][i], 1e-6);
		}
	}
}
