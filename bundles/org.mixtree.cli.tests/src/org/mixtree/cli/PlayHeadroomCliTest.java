package org.mixtree.cli;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;


/**
 * {@code play} watches the static mix's headroom as {@code render} does: played through a private JACK server (dummy
 * driver), a stem with a known sample over the target gives the same one-line warning, with the peak and the time of
 * the first over taken from the samples the test wrote. Needs {@code jackd} (Debian jackd2) on the PATH.
 */
class PlayHeadroomCliTest {

	static final int RATE = 48000;
	static final int FRAMES = 24_000;

	@TempDir
	Path dir;
	private JackServer jackd;

	/** A JACK server of its own, made this process's default (libjack reads JACK_DEFAULT_SERVER at each open). */
	@BeforeEach
	void jack() throws Exception {
		jackd = new JackServer("-cli");
	}

	@AfterEach
	void stopJack() throws Exception {
		jackd.close();
	}

	@Test
	void playWarnsAboveTheHeadroomTargetInTheStaticMix() throws IOException {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		// a stereo stem (balance at centre: unity to the master) at -12 dBFS with one sample of 0.6 (-4.4 dBFS) and
		// a later peak of 0.8 (-1.9 dBFS)
		float[][] x = new float[2][FRAMES];
		for (int i = 0; i < FRAMES; i++) {
			x[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / RATE));
			x[1][i] = x[0][i];
		}
		int firstOver = 12_345;
		x[1][firstOver] = 0.6f;
		x[0][20_000] = 0.8f;
		try (WavWriter w = new WavWriter(stems.resolve("Vox.wav"), 2, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, FRAMES);
		}
		String s = dir.resolve("song.mixtree").toString();
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		byte[] before = Files.readAllBytes(Path.of(s));

		Result r = CliEndToEndTest.ok("play", s, "--device", "jack");
		String expected = "mixtree: warning: static mix: the master peaks at " + String.format(Locale.ROOT, "%.1f",
				20 * Math.log10(0.8)) + " dBFS (first over -6 dBFS at " + RenderCli.duration(firstOver / (double) RATE)
				+ "); headroom target -6 dBFS: lower the faders";
		assertTrue(r.err().lines().anyMatch(expected::equals), expected + " in:\n" + r.err());
		String rendered = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString()).err().lines()
				.filter(l -> l.contains("static mix")).findFirst().orElse("no headroom line");
		assertEquals(expected, rendered, "the same line as render's");
		assertTrue(Arrays.equals(before, Files.readAllBytes(Path.of(s))), "play never writes the session");

		// only the static mix is watched
		CliEndToEndTest.ok("stage", s, "tracks");
		r = CliEndToEndTest.ok("play", s, "--device", "jack");
		assertFalse(r.err().contains("static mix"), r.err());
	}
}
