package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionStore;

/**
 * Saving replaces the real file and nothing else: through symbolic links (which stay links), keeping the file's
 * permissions, and giving a new file what the umask gives any new file (not the 0600 of a JDK temp file).
 */
class AtomicSaveTest {

	@TempDir
	Path dir;

	static Session named(String name) {
		Session s = Fixtures.rich();
		s.setName(name);
		return s;
	}

	static byte[] bytesOf(Session s) {
		return SessionStore.serialize(s).getBytes(StandardCharsets.UTF_8);
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
	void savingThroughASymbolicLinkWritesItsTargetAndKeepsTheLink() throws IOException {
		Path real = dir.resolve("real.mixtree");
		SessionStore.save(named("Old"), real);
		Path link = Files.createSymbolicLink(dir.resolve("song.mixtree"), Path.of("real.mixtree"));

		SessionStore.save(named("New"), link);

		assertTrue(Files.isSymbolicLink(link), "the link is still a link");
		assertEquals(Path.of("real.mixtree"), Files.readSymbolicLink(link));
		assertArrayEquals(bytesOf(named("New")), Files.readAllBytes(real));
		assertEquals("New", SessionStore.load(link).getName());
		assertEquals(List.of("real.mixtree", "real.mixtree.bak", "song.mixtree"), names(dir),
				"no temporary file is left; the .bak is beside the real file");
		assertArrayEquals(bytesOf(named("Old")), Files.readAllBytes(dir.resolve("real.mixtree.bak")));
	}

	@Test
	void savingThroughAChainOfLinksWritesTheEndOfTheChainInItsOwnFolder() throws IOException {
		Path elsewhere = Files.createDirectories(dir.resolve("projects/2026"));
		Path real = elsewhere.resolve("real.mixtree");
		SessionStore.save(named("Old"), real);
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
		// song -> middle (relative) -> projects/2026/real.mixtree (absolute)
		Path middle = Files.createSymbolicLink(dir.resolve("middle.mixtree"), real);
		Path link = Files.createSymbolicLink(dir.resolve("song.mixtree"), Path.of("middle.mixtree"));

		SessionStore.save(named("New"), link);

		assertTrue(Files.isSymbolicLink(link));
		assertTrue(Files.isSymbolicLink(middle));
		assertEquals(real, Files.readSymbolicLink(middle));
		assertArrayEquals(bytesOf(named("New")), Files.readAllBytes(real));
		assertEquals("rw-r-----", mode(real), "the target keeps its permissions");
		assertEquals(List.of("middle.mixtree", "projects", "song.mixtree"), names(dir));
		assertEquals(List.of("real.mixtree", "real.mixtree.bak"), names(elsewhere));
	}

	@Test
	void savingThroughADanglingLinkCreatesItsTarget() throws IOException {
		Files.createDirectories(dir.resolve("sub"));
		Path link = Files.createSymbolicLink(dir.resolve("song.mixtree"), Path.of("sub/new.mixtree"));

		SessionStore.save(named("New"), link);

		assertTrue(Files.isSymbolicLink(link));
		assertArrayEquals(bytesOf(named("New")), Files.readAllBytes(dir.resolve("sub/new.mixtree")));
	}

	@Test
	void aSaveKeepsThePreviousVersionAsBak() throws IOException {
		Path file = dir.resolve("demo.mixtree");
		SessionStore.save(named("One"), file);
		assertEquals(List.of("demo.mixtree"), names(dir), "a new session has no .bak");

		SessionStore.save(named("Two"), file);
		SessionStore.save(named("Three"), file);

		assertEquals(List.of("demo.mixtree", "demo.mixtree.bak"), names(dir));
		assertEquals(dir.resolve("demo.mixtree.bak"), SessionStore.backupOf(file));
		assertArrayEquals(bytesOf(named("Three")), Files.readAllBytes(file));
		assertArrayEquals(bytesOf(named("Two")), Files.readAllBytes(SessionStore.backupOf(file)));
		assertEquals("Two", SessionStore.load(SessionStore.backupOf(file)).getName(), "the .bak loads");
		assertTrue(!Files.isSameFile(file, SessionStore.backupOf(file)), "the .bak is not the session itself");
	}

	@Test
	void aSaveWithoutBackupLeavesNoBak() throws IOException {
		Path file = dir.resolve(".demo.mixtree.autosave");
		SessionStore.save(named("One"), file, false);
		SessionStore.save(named("Two"), file, false);
		assertEquals(List.of(".demo.mixtree.autosave"), names(dir));
	}

	@Test
	void aLoopOfLinksIsRefusedWithOneLine() throws IOException {
		Path a = dir.resolve("a.mixtree");
		Path b = dir.resolve("b.mixtree");
		Files.createSymbolicLink(a, b.getFileName());
		Files.createSymbolicLink(b, a.getFileName());
		var e = org.junit.jupiter.api.Assertions.assertThrows(org.mixtree.model.persistence.SessionFileException.class,
				() -> SessionStore.save(named("New"), a));
		assertTrue(e.getMessage().startsWith(a + ": cannot save session: "), e.getMessage());
		assertTrue(e.getMessage().contains("too many levels of symbolic links"), e.getMessage());
		assertEquals(List.of("a.mixtree", "b.mixtree"), names(dir));
	}

	@ParameterizedTest
	@ValueSource(strings = { "rw-r-----", "rw-rw-r--", "rw-------", "r--r--r--", "rwxr-x---" })
	void anExistingFileKeepsItsPermissions(String permissions) throws IOException {
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(named("Old"), file);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));

		SessionStore.save(named("New"), file);

		assertEquals(permissions, mode(file));
		assertEquals("New", SessionStore.load(file).getName());
	}

	@Test
	void aNewFileGetsThePermissionsTheUmaskGives() throws IOException {
		Path reference = Files.createFile(dir.resolve("reference"));
		Path file = dir.resolve("song.mixtree");

		SessionStore.save(named("New"), file);

		assertEquals(mode(reference), mode(file), "a new session is made as any new file is (umask)");
	}
}
