package org.mixtree.cli;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.cli.CliEndToEndTest.Result;


/**
 * {@code play} of a session whose stem is offline (issue 12): it plays, with one warning line naming the file, and the
 * stem is silent: a stem peaking at -1.9 dBFS, over the static mix's -6 dBFS target, gives no headroom warning while
 * offline and gives it again once relinked (the watch sees every sample played). Through a private JACK server
 * (dummy driver) as {@link PlayHeadroomCliTest}. Needs {@code jackd} (Debian jackd2) on the PATH.
 */
class OfflinePlayCliTest {

	static final int RATE = 48000;

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
	void anOfflineStemPlaysSilenceWithOneWarning() throws Exception {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		// sox: 0.5 s of a 440 Hz sine at 0.8 (-1.9 dBFS), stereo
		CliEndToEndTest.run("sox", "-n", "-r", String.valueOf(RATE), "-c", "2", "-b", "24",
				stems.resolve("Vox.wav").toString(), "synth", "0.5", "sine", "440", "vol", "0.8");
		String s = dir.resolve("song.mixtree").toString();
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		Path moved = dir.resolve("moved");
		Files.move(stems, moved);

		Result r = CliEndToEndTest.ok("play", s, "--device", "jack");
		List<String> warnings = r.err().lines().filter(l -> l.startsWith("mixtree: warning:")).toList();
		assertEquals(List.of("mixtree: warning: track:Vox is offline (stems/Vox.wav is missing); it plays silence"),
				warnings, r.err());
		assertTrue(r.out().startsWith("played "), r.out());

		CliEndToEndTest.ok("relink", s, moved.toString());
		r = CliEndToEndTest.ok("play", s, "--device", "jack");
		assertTrue(r.err().contains("static mix: the master peaks at -1.9 dBFS"), r.err());
		assertFalse(r.err().contains("offline"), r.err());
	}
}
