package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link WavWriter} replaces: the file at the end of a symbolic link (the link stays a link), keeping the
 * permissions of a file that was there, and giving a new file the umask's, as any program that writes a file.
 */
class WavWriterTargetTest {

	@TempDir
	Path dir;

	static void writeWav(Path target, float value) throws IOException {
		float[][] x = { { value, -value, value / 2, 0f } };
		try (WavWriter w = new WavWriter(target, 1, 48000, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	static float first(Path file) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			float[][] x = new float[1][4];
			assertEquals(4, r.read(x, 0, 4));
			return x[0][0];
		}
	}

	static String mode(Path file) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
	}

	static List<String> names(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void anOutputThatIsALinkIsWrittenThroughAndStaysALink() throws IOException {
		Path shared = Files.createDirectories(dir.resolve("shared"));
		Path real = shared.resolve("mix.wav");
		writeWav(real, 0.25f);
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
		Path middle = Files.createSymbolicLink(dir.resolve("latest.wav"), real);
		Path link = Files.createSymbolicLink(dir.resolve("out.wav"), Path.of("latest.wav"));

		writeWav(link, 0.5f);

		assertTrue(Files.isSymbolicLink(link));
		assertTrue(Files.isSymbolicLink(middle));
		assertEquals(0.5f, first(real));
		assertEquals("rw-rw-r--", mode(real));
		assertEquals(List.of("latest.wav", "out.wav", "shared"), names(dir), "no temporary file is left");
		assertEquals(List.of("mix.wav"), names(shared));
	}

	@Test
	void aDanglingLinkGetsItsTargetCreated() throws IOException {
		Path link = Files.createSymbolicLink(dir.resolve("out.wav"), Path.of("renders-mix.wav"));
		writeWav(link, 0.5f);
		assertTrue(Files.isSymbolicLink(link));
		assertEquals(0.5f, first(dir.resolve("renders-mix.wav")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rw-r-----", "rw-rw-rw-", "r--r--r--" })
	void aReplacedFileKeepsItsPermissions(String permissions) throws IOException {
		Path out = dir.resolve("mix.wav");
		writeWav(out, 0.25f);
		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(permissions));
		writeWav(out, 0.5f);
		assertEquals(permissions, mode(out));
		assertEquals(0.5f, first(out));
	}

	@Test
	void aNewFileGetsThePermissionsTheUmaskGives() throws IOException {
		Path reference = Files.createFile(dir.resolve("reference"));
		Path out = dir.resolve("mix.wav");
		writeWav(out, 0.25f);
		assertEquals(mode(reference), mode(out));
		assertArrayEquals(new float[] { 0.25f }, new float[] { first(out) });
	}
}
