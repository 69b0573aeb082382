package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;

class PersistenceTest {

	@TempDir
	Path dir;

	@Test
	void roundTripKeepsEverythingAndResavesByteIdentical() throws IOException {
		Session original = Fixtures.rich();
		Path first = dir.resolve("song.mixtree");
		SessionStore.save(original, first);

		Session loaded = SessionStore.load(first);
		assertTrue(EcoreUtil.equals(original, loaded), "loaded session equals the saved one");
		Path second = dir.resolve("again.mixtree");
		SessionStore.save(loaded, second);
		assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

		// and re-saving over the same file leaves it byte-identical too
		byte[] before = Files.readAllBytes(first);
		SessionStore.save(loaded, first);
		assertArrayEquals(before, Files.readAllBytes(first));
	}

	@Test
	void referencesAreReadableAddressesThatSurviveReordering() throws IOException {
		Session s = Fixtures.rich();
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(s, file);
		String text = Files.readString(file);
		assertTrue(text.contains("output=\"bus/Drums\""), text);
		assertTrue(text.contains("output=\"bus/Acoustic%3A%20Gtrs%20%231\""), text);
		assertTrue(text.contains("target=\"bus/Verb%20100%25\""), text);
		assertFalse(text.contains("//@"), "no positional references: " + text);

		// move buses around by hand: references still find their bus by name
		String reordered = text.replace("  <buses name=\"Drums\" gainDb=\"-1.0\"/>\n", "");
		reordered = reordered.replace("  <master ", "  <buses name=\"Drums\" gainDb=\"-1.0\"/>\n  <master ");
		assertFalse(reordered.equals(text));
		Files.writeString(file, reordered);
		Session loaded = SessionStore.load(file);
		Track kick = ChannelAddress.track(loaded, "kick in");
		assertEquals("Drums", kick.getOutput().getName());
		assertSame(loaded.getBuses().get(3), kick.getOutput());
	}

	@Test
	void defaultsAreLeftOutSoFilesStaySmall() throws IOException {
		Session s = Sessions.create("Empty", 48000);
		Path file = dir.resolve("empty.mixtree");
		SessionStore.save(s, file);
		assertEquals("""
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Empty">
				  <master name="Master"/>
				</mixtree:Session>
				""", Files.readString(file));
	}

	@Test
	void trackSourcesStayRelativeToTheSessionFile() throws IOException {
		Path sessionFile = dir.resolve("projects/song/song.mixtree");
		Files.createDirectories(sessionFile.getParent());
		Path stem = dir.resolve("projects/song/stems/kick.wav");
		Path shared = dir.resolve("projects/shared/loop.wav");
		assertEquals("stems/kick.wav", SessionStore.relativeSource(stem, sessionFile));
		assertEquals("../shared/loop.wav", SessionStore.relativeSource(shared, sessionFile));

		Session s = Sessions.create("Song", 48000);
		Track kick = Fixtures.track(s, "kick", SessionStore.relativeSource(stem, sessionFile), null);
		Fixtures.track(s, "loop", SessionStore.relativeSource(shared, sessionFile), null);
		SessionStore.save(s, sessionFile);
		assertTrue(Files.readString(sessionFile).contains("source=\"stems/kick.wav\""));
		assertEquals(stem, SessionStore.resolveSource(kick, sessionFile));

		// the session folder moves: sources follow it
		Path moved = dir.resolve("elsewhere/song");
		Files.createDirectories(moved.getParent());
		Files.move(sessionFile.getParent(), moved);
		Session loaded = SessionStore.load(moved.resolve("song.mixtree"));
		assertEquals(moved.resolve("stems/kick.wav"), SessionStore.resolveSource(loaded.getTracks().get(0), moved.resolve("song.mixtree")));
		assertEquals(dir.resolve("elsewhere/shared/loop.wav"),
				SessionStore.resolveSource(loaded.getTracks().get(1), moved.resolve("song.mixtree")));
	}

	/**
	 * Insert files are stored like sources, relative to the session file, and follow the folder when it moves;
	 * {@link SessionStore#filesRead} lists every file the session reads, sources and insert files, with what
	 * reads each.
	 */
	@Test
	void insertFilesStayRelativeAndAreAmongTheFilesRead() throws IOException {
		Path sessionFile = dir.resolve("projects/song/song.mixtree");
		Files.createDirectories(sessionFile.getParent());
		Session s = Sessions.create("Song", 48000);
		Fixtures.track(s, "kick", "stems/kick.wav", null);
		Bus verb = MixtreeFactory.eINSTANCE.createBus();
		verb.setName("Verb");
		s.getBuses().add(verb);
		org.mixtree.model.Insert reverb = MixtreeFactory.eINSTANCE.createInsert();
		reverb.setEffectId("org.mixtree.reverb");
		org.mixtree.model.FileValue ir = MixtreeFactory.eINSTANCE.createFileValue();
		ir.setId("irfile");
		ir.setPath(SessionStore.relativeSource(dir.resolve("projects/irs/hall.wav"), sessionFile));
		reverb.getFiles().add(ir);
		verb.getInserts().add(reverb);
		SessionStore.save(s, sessionFile);
		String text = Files.readString(sessionFile);
		assertTrue(text.contains("<files id=\"irfile\" path=\"../irs/hall.wav\"/>"), text);

		Path moved = dir.resolve("elsewhere/song/song.mixtree");
		Files.createDirectories(moved.getParent().getParent());
		Files.move(sessionFile.getParent(), moved.getParent());
		Session loaded = SessionStore.load(moved);
		java.util.Map<Path, String> read = SessionStore.filesRead(loaded, moved);
		assertEquals(List.of(dir.resolve("elsewhere/song/stems/kick.wav"), dir.resolve("elsewhere/irs/hall.wav")),
				List.copyOf(read.keySet()));
		assertEquals(List.of("the source of track:kick", "the irfile of bus:Verb insert 1 (org.mixtree.reverb)"),
				List.copyOf(read.values()));
	}

	/** A session written before inserts had files loads, and re-saves byte for byte. */
	@Test
	void sessionFromBeforeInsertFilesLoadsUnchanged() throws IOException {
		String old = """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Old">
				  <buses name="Verb">
				    <inserts effectId="org.mixtree.reverb">
				      <parameters id="ir" value="1.0"/>
				    </inserts>
				  </buses>
				  <master name="Master"/>
				</mixtree:Session>
				""";
		Path file = dir.resolve("old.mixtree");
		Files.writeString(file, old);
		Session loaded = SessionStore.load(file);
		assertTrue(loaded.getBuses().get(0).getInserts().get(0).getFiles().isEmpty());
		assertEquals(1.0, loaded.getBuses().get(0).getInserts().get(0).getParameters().get(0).getValue());
		SessionStore.save(loaded, file);
		assertEquals(old, Files.readString(file), "re-saved byte for byte");
	}

	@Test
	void saveLeavesNoTemporaryFileBehind() throws IOException {
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(Fixtures.rich(), file);
		SessionStore.save(Fixtures.rich(), file);
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(file, SessionStore.backupOf(file)), files.sorted().toList());
		}
	}

	@Test
	void refusedSaveLeavesTheOriginalByteIdentical() throws IOException {
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(Fixtures.rich(), file);
		byte[] before = Files.readAllBytes(file);

		Session broken = Fixtures.rich();
		Bus stray = MixtreeFactory.eINSTANCE.createBus();
		stray.setName("Stray");
		ChannelAddress.track(broken, "kick in").setOutput(stray);
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.save(broken, file));
		assertTrue(e.getMessage().contains("track:kick in"), e.getMessage());
		assertTrue(e.getMessage().contains("bus:Stray"), e.getMessage());
		assertArrayEquals(before, Files.readAllBytes(file));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "no .bak either: nothing was written");
		}
	}

	@Test
	void saveFailingAtTheRenameRemovesItsTemporaryFile() throws IOException {
		// a non-empty directory where the file should go: writing the temp file works, the rename fails
		Path target = dir.resolve("song.mixtree");
		Files.createDirectories(target);
		Path inside = Files.writeString(target.resolve("keep.txt"), "keep");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.save(Fixtures.rich(), target));
		assertTrue(e.getMessage().startsWith(target.toString()), e.getMessage());
		assertEquals("keep", Files.readString(inside));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(target), files.toList());
		}
	}

	@Test
	void corruptFileNamesFileLineAndColumn() throws IOException {
		Path file = dir.resolve("corrupt.mixtree");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Song">
				  <tracks name="kick" source="kick.wav"/>
				  <tracks name="snare" source="snare.wav"/>
				  <tracks name="hat" source="hat.wav"
				  <master name="Master"/>
				</mixtree:Session>
				""", StandardCharsets.UTF_8);
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(6, e.getLine(), e.getMessage());
		assertTrue(e.getColumn() > 0);
		assertTrue(e.getMessage().startsWith(file.toAbsolutePath() + ":6:" + e.getColumn() + ": "), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}

	@Test
	void unknownAttributeNamesItsLine() throws IOException {
		Path file = dir.resolve("typo.mixtree");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Song">
				  <tracks name="kick" source="kick.wav"/>
				  <tracks name="snare" gian="-3" source="snare.wav"/>
				  <master name="Master"/>
				</mixtree:Session>
				""");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(4, e.getLine(), e.getMessage());
		assertTrue(e.getMessage().contains("gian"), e.getMessage());
	}

	@Test
	void missingFileIsNamed() {
		Path file = dir.resolve("nowhere.mixtree");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(file.toAbsolutePath() + ": no such session file", e.getMessage());
	}

	@Test
	void danglingReferenceNamesTheElement() throws IOException {
		Path file = dir.resolve("dangling.mixtree");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Song">
				  <tracks name="kick" source="kick.wav" output="bus/Drums"/>
				  <tracks name="snare" source="snare.wav" output="bus/Drumz"/>
				  <buses name="Drums"/>
				  <master name="Master"/>
				</mixtree:Session>
				""");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertTrue(e.getMessage().contains("track:snare"), e.getMessage());
		assertTrue(e.getMessage().contains("bus/Drumz"), e.getMessage());
		assertEquals(4, e.getLine(), e.getMessage());
	}

	@Test
	void commandLineSpellingInAReferenceIsRefusedNotDropped() throws IOException {
		// EMF would silently ignore output="bus:Drums" and route the track to the master
		Path file = dir.resolve("colon.mixtree");
		Files.writeString(file, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Song">
				  <tracks name="kick" source="kick.wav" output="bus:Drums"/>
				  <buses name="Drums"/>
				  <master name="Master"/>
				</mixtree:Session>
				""");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertEquals(3, e.getLine());
		assertTrue(e.getMessage().contains("bus:Drums"), e.getMessage());
	}

	@Test
	void notASessionIsRefused() throws IOException {
		Path file = dir.resolve("other.mixtree");
		Files.writeString(file, "<?xml version=\"1.0\"?>\n<hello/>\n");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionStore.load(file));
		assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
	}

	@Test
	void anyExtensionLoads() throws IOException {
		Path file = dir.resolve("backup.xml");
		SessionStore.save(Fixtures.rich(), file);
		assertEquals("Rich Song", SessionStore.load(file).getName());
	}
}
