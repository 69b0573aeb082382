package org.mixtree.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.dsp.Resampler;
import org.mixtree.effects.builtin.reverb.ImpulseFile;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;

/**
 * What the fuzzing found, one plain test per finding, on the committed input that showed it (the inputs folders
 * of the fuzz targets, which the build also replays in regression mode): the exact one-line message a user
 * reads. Run with the fuzz JVMs' 256 MB of heap.
 */
class FindingsTest {
	@TempDir
	Path dir;

	/** A committed input, copied to a file of that name. */
	Path input(String resource) throws IOException {
		Path file = dir.resolve(Path.of(resource).getFileName().toString());
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			Files.copy(in, file);
		}
		return file;
	}

	/**
	 * A WAV header with a sample rate of 2^31 - 1 Hz: reading the stem at a 48 kHz session's rate built the
	 * resampler's table for a 48000/2147483647 ratio and ran out of heap (OutOfMemoryError, a stack trace).
	 */
	@Test
	void aStemAt2GHzIsRefusedWhenOpenedAtTheSessionRate() throws IOException {
		Path file = input("AudioFileFuzzTestInputs/wav/bad-rate-2g.wav");
		try (AudioFileReader own = AudioFiles.open(file)) {
			assertEquals(Integer.MAX_VALUE, own.sampleRate()); // as a file, it is what it says
		}
		AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.open(file, 48000));
		assertEquals(file + ": cannot convert 2147483647 Hz to 48000 Hz: a reduction of more than 412:1", e.getMessage());
	}

	/**
	 * A rate with no common factor with the session's (44101 Hz) made a 48000-position kernel table of 60 MB that
	 * took seconds to compute, per stem; it now converts from a bounded table (the accuracy is
	 * ResamplerTest's), to the exact length.
	 */
	@Test
	void aStemAtAnOddRateConvertsToTheExactLength() throws IOException {
		Path file = input("AudioFileFuzzTestInputs/wav/odd-rate-44101.wav");
		try (AudioFileReader r = AudioFiles.open(file, 48000)) {
			long expected = Resampler.outputLength(240, 44101, 48000);
			assertEquals(expected, r.frames());
			float[][] buf = new float[1][1024];
			long total = 0;
			for (int n; (n = r.read(buf, 0, 1024)) > 0;) {
				total += n;
			}
			assertEquals(expected, total);
		}
	}

	/** The same 2 GHz header as an impulse response: refused when read, not when the reverb is prepared. */
	@Test
	void anImpulseAt2GHzIsRefusedWhenRead() throws IOException {
		Path file = input("ImpulseFileFuzzTestInputs/impulse/bad-rate-2g.wav");
		IOException e = assertThrows(IOException.class, () -> ImpulseFile.read(file));
		assertEquals(file + ": a sample rate of 2147483647 Hz, too high for an impulse response", e.getMessage());
	}

	/** A session with a DTD and entities: refused at the parser (no expansion happens), naming the line. */
	@Test
	void aSessionWithEntitiesIsRefusedAtItsDoctype() throws IOException {
		Path file = input("SessionFileFuzzTestInputs/session/entities.mixtree");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(file.toAbsolutePath().normalize() + ":2:10: a DOCTYPE declaration, which a session file never has"
				+ " (DTDs and entities are refused)", e.getMessage());
	}

	/**
	 * One letter of the namespace changed ({@code mixtree.org/mession/1.0}): EMF took the unknown namespace for the
	 * address of its package and opened an HTTP connection to mixtree.org while loading (Jazzer's SSRF check). It
	 * is now an invalid session, and nothing is fetched.
	 */
	@Test
	void aSessionOfAnotherNamespaceIsRefusedWithoutFetchingIt() throws IOException {
		Path file = input("SessionFileFuzzTestInputs/session/finding-namespace-fetched-over-http.mixtree");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(file.toAbsolutePath().normalize() + ":2:198: invalid session file: Package with uri"
				+ " 'http://mixtree.org/mession/1.0' not found.", e.getMessage());
	}

	/**
	 * An EQ state naming another effect whose id holds a line break: the refusal quoted the id as it was and the
	 * message ran over two lines. The id is now quoted with control characters shown as '?'.
	 */
	@Test
	void aStateOfAnotherEffectIsRefusedInOneLine() throws IOException {
		byte[] blob;
		try (InputStream in = getClass().getResourceAsStream("EffectStateFuzzTestInputs/state/finding-id-with-a-line-break")) {
			blob = in.readAllBytes();
		}
		// as EffectStateFuzzTest reads it: the last byte picks the effect (0: the EQ), the rest is the state
		byte[] state = java.util.Arrays.copyOf(blob, blob.length - 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> new org.mixtree.effects.builtin.eq.EqFactory().create().loadState(state));
		org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("org.mixtree.eq: the state is of '")
				&& e.getMessage().lines().count() == 1, e.getMessage());
	}
}
