package org.mixtree.cli;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;


/**
 * {@code soak} for one minute on a small session with effects, through a private JACK server (dummy driver), in
 * process through the CLI's entry point: a seeded driver edits the mix ten times a second through the command stack
 * while it plays. The run must end with no error, no allocation per callback on the audio thread after the warm-up
 * (see the test for why not zero), a heap after
 * GC that does not grow by more than {@link #HEAP_GROWTH_BOUND} between the first and the last third, and the
 * session file untouched. The figures the test checks come from the JVM's own GC notifications and the player's
 * allocation counter (not from the driver). Needs {@code jackd} (Debian jackd2) on the PATH.
 */
class SoakCliTest {

	/** The bound on the growth of the median heap after GC, first third to last third of the minute. */
	static final long HEAP_GROWTH_BOUND = 64L << 20;
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
	void aMinuteOfRandomEditsWhilePlayingEndsWithoutErrorAllocationOrHeapGrowth() throws Exception {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		int frames = 4 * RATE;
		for (int k = 0; k < 6; k++) {
			float[][] x = new float[2][frames];
			for (int i = 0; i < frames; i++) {
				double t = i / (double) RATE;
				x[0][i] = (float) (0.2 * Math.sin(2 * Math.PI * (110 + 57 * k) * t));
				x[1][i] = (float) (0.2 * Math.sin(2 * Math.PI * (1234.5 + 101 * k) * t + k));
			}
			try (WavWriter w = new WavWriter(stems.resolve("t" + k + ".wav"), 2, RATE, SampleFormat.F32, 1)) {
				w.write(x, 0, frames);
			}
		}
		String s = dir.resolve("soak.mixtree").toString();
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		for (int b = 0; b < 3; b++) {
			CliEndToEndTest.ok("bus", "add", s, "Bus " + b);
			CliEndToEndTest.ok("insert", "add", s, "bus:Bus " + b, "org.mixtree.eq", "b1.type=peak", "b1.freq=1000", "b1.gain=3");
			CliEndToEndTest.ok("insert", "add", s, "bus:Bus " + b, "org.mixtree.compressor", "threshold=-18", "ratio=4");
		}
		CliEndToEndTest.ok("insert", "add", s, "master", "org.mixtree.limiter", "ceiling=-1");
		for (int k = 0; k < 6; k++) {
			CliEndToEndTest.ok("set", s, "track:t" + k, "gain=-12", "output=bus:Bus " + k % 3);
			CliEndToEndTest.ok("insert", "add", s, "track:t" + k, "org.mixtree.eq", "b1.type=highpass", "b1.freq=80");
		}
		byte[] before = Files.readAllBytes(Path.of(s));

		Result r = CliEndToEndTest.cli("soak", s, "--minutes", "1", "--edits-per-second", "10", "--seed", "7", "--json",
				"--jackd-log", jackd.log().toString());
		String json = r.out();
		assertEquals(0, r.code(), () -> "soak failed: " + r.err() + "\n" + json);
		assertEquals(0, number(json, "errorCount"), json);
		// the driver did what it is for: edits of every kind, undos, redos, refused cycles, plans swapped in
		assertTrue(number(json, "edits") >= 200, json);
		assertTrue(number(json, "undos") > 0 && number(json, "redos") > 0, json);
		assertTrue(number(json, "refusedExpected") > 0, "a routing cycle was tried and refused: " + json);
		assertTrue(number(json, "planSwaps") > 10, json);
		assertTrue(number(json, "playedSeconds") >= 59, json);
		// the real-time rule, measured by the player's own counter over the whole minute after the warm-up: no
		// allocation per callback. Not zero yet: soak found a few KB a minute under live edits (3536 bytes in 8965
		// callbacks in the first run; suspected deoptimisations of code the warm-up did not rehearse, not traced),
		// so the bound is under 2 bytes a callback, which any per-callback allocation exceeds
		double callbacks = number(json, "allocationCallbacks");
		assertTrue(callbacks > 5000, "allocation measured over most of the minute: " + json);
		assertTrue(number(json, "audioThreadAllocatedBytes") >= 0, json);
		assertTrue(number(json, "audioThreadAllocatedBytes") < 2 * callbacks, "allocation per callback: " + json);
		assertTrue(number(json, "heapGrowthBytes") < HEAP_GROWTH_BOUND, "heap after GC grew: " + json);
		assertTrue(json.contains("\"jackd\""), "jackd's own account is read from its log: " + json);
		assertArrayEquals(before, Files.readAllBytes(Path.of(s)), "soak never writes the session");
	}

	@Test
	void badOptionsAreOneLineAndExitTwo() {
		Result r = CliEndToEndTest.cli("soak", dir.resolve("none.mixtree").toString(), "--minutes", "zero");
		assertEquals(2, r.code(), r.err());
		assertEquals("mixtree: --minutes 'zero': a number from 0.05 to 1440", r.err().strip());
	}

	/** A number after {@code "key":} in the JSON text. */
	static double number(String json, String key) {
		Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(-?[0-9][0-9.eE+-]*)").matcher(json);
		assertTrue(m.find(), key + " in " + json);
		return Double.parseDouble(m.group(1));
	}
}
