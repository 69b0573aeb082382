package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * {@code render -o LINK} writes the file the link points to and leaves the link a link; since the output is written
 * through links, a link to the session or to a stem is refused as the file itself would be.
 */
class RenderOutputLinkTest {

	@TempDir
	Path dir;
	Path stem;
	Path session;

	@BeforeEach
	void session() throws IOException {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		stem = stems.resolve("kick.wav");
		float[][] x = { { 0.5f, -0.25f, 0.125f, 0f } };
		try (WavWriter w = new WavWriter(stem, 1, 48000, SampleFormat.F32, 1)) {
			w.write(x, 0, 4);
		}
		session = dir.resolve("song.mixtree");
		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
	}

	@Test
	void anOutputLinkIsWrittenThrough() throws Exception {
		Path renders = Files.createDirectories(dir.resolve("renders"));
		Path real = renders.resolve("v1.wav");
		Path link = Files.createSymbolicLink(dir.resolve("mix.wav"), Path.of("renders/v1.wav"));
		CliEndToEndTest.ok("render", session.toString(), "-o", link.toString());
		assertTrue(Files.isSymbolicLink(link), "the link stays a link");
		float[][] mix = CliEndToEndTest.read(real);
		assertEquals(2, mix.length);
		assertTrue(mix[0].length >= 4);
	}

	@Test
	void anOutputLinkToAStemOrTheSessionIsRefused() throws Exception {
		byte[] stemBefore = Files.readAllBytes(stem);
		byte[] sessionBefore = Files.readAllBytes(session);
		Path toStem = Files.createSymbolicLink(dir.resolve("mix.wav"), stem);
		CliEndToEndTest.Result r = CliEndToEndTest.cli("render", session.toString(), "-o", toStem.toString());
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: " + toStem + ": is the source of track:kick; choose another output\n", r.err());
		assertArrayEquals(stemBefore, Files.readAllBytes(stem));

		Path toSession = Files.createSymbolicLink(dir.resolve("mix2.wav"), Path.of("song.mixtree"));
		r = CliEndToEndTest.cli("render", session.toString(), "-o", toSession.toString());
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: " + toSession + ": is the session file itself; choose another output\n", r.err());
		assertArrayEquals(sessionBefore, Files.readAllBytes(session));
	}
}
