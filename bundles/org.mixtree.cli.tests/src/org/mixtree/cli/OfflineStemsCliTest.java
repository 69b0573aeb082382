package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * Offline stems end to end (issue 12): stems written by sox, a session made from them, the stems moved away: the
 * session still opens ({@code info} marks the tracks offline and why), {@code render} refuses naming the missing file
 * unless {@code --allow-offline} (then the stem is silent, said in one line), {@code relink} points the tracks at
 * the new folder by name and the render is then bit-exactly the one made before the move. A stem re-written with
 * another rate and length is named as changed and not relinked without {@code --force}; a typo'd folder, an
 * ambiguous name and a name in another case are each answered.
 */
class OfflineStemsCliTest {

	@TempDir
	Path dir;
	Path stems;
	String session;

	@BeforeEach
	void session() throws Exception {
		stems = Files.createDirectories(dir.resolve("stems"));
		// 1 s each at 48 kHz: a stereo kick-like sine and a mono bass sine
		sox(stems.resolve("Kick.wav"), 48000, 2, 1.0, 60, 0.5);
		sox(stems.resolve("Bass.wav"), 48000, 1, 1.0, 110, 0.3);
		session = dir.resolve("song.mixtree").toString();
		CliEndToEndTest.ok("new", session, "--stems", stems.toString(), "--group", "flat");
	}

	private static void sox(Path file, int rate, int channels, double seconds, double hz, double volume) throws Exception {
		CliEndToEndTest.run("sox", "-n", "-r", String.valueOf(rate), "-c", String.valueOf(channels), "-b", "24",
				file.toString(), "synth", String.valueOf(seconds), "sine", String.valueOf(hz), "vol", String.valueOf(volume));
	}

	@Test
	void newRecordsEachStemsFingerprint() throws Exception {
		String xmi = Files.readString(Path.of(session));
		// sox --i: the frames, rate and channels of what it wrote
		assertEquals("48000", CliEndToEndTest.run("sox", "--i", "-s", stems.resolve("Kick.wav").toString()).strip());
		assertTrue(xmi.contains("source=\"stems/Kick.wav\" sourceFrames=\"48000\" sourceRate=\"48000\" sourceChannels=\"2\""), xmi);
		assertTrue(xmi.contains("source=\"stems/Bass.wav\" sourceFrames=\"48000\" sourceRate=\"48000\" sourceChannels=\"1\""), xmi);
	}

	@Test
	void movedStemsAreOfflineThenRelinkedAndTheRenderIsTheSame() throws Exception {
		Path before = dir.resolve("before.wav");
		CliEndToEndTest.ok("render", session, "-o", before.toString());
		Path moved = dir.resolve("moved");
		Files.move(stems, moved);

		// info: the session opens, both tracks offline and why
		Result info = CliEndToEndTest.ok("info", session);
		assertTrue(info.out().contains("offline: track:Kick: stems/Kick.wav is missing"), info.out());
		assertTrue(info.out().contains("offline: track:Bass: stems/Bass.wav is missing"), info.out());
		assertTrue(info.out().contains("(silent: offline: stems/Kick.wav is missing)"), info.out());
		Map<String, Map<String, Object>> json = CliEndToEndTest.channels(CliEndToEndTest.ok("info", session, "--json").out());
		Map<String, Object> kick = json.get("track:Kick");
		assertEquals(true, kick.get("offline"));
		assertEquals("stems/Kick.wav is missing", kick.get("offlineReason"));
		assertEquals("offline: stems/Kick.wav is missing", kick.get("silentBecause"));
		assertEquals(false, kick.get("audible"));
		assertNull(kick.get("changed"));
		assertEquals("stems/Kick.wav", kick.get("source"), "the existing fields stay as they were");
		assertEquals(0.0, ((Number) kick.get("clipGainDb")).doubleValue());
		assertEquals(false, json.get("master").get("audible"), "nothing heard feeds the master");

		// render refuses, naming the file; nothing written
		Path out = dir.resolve("out.wav");
		Result refused = CliEndToEndTest.cli("render", session, "-o", out.toString());
		assertEquals(1, refused.code(), refused.err());
		// the first track in the session's order (flat: by name) is Bass
		assertEquals("mixtree: " + dir.resolve("stems/Bass.wav") + ": offline (stems/Bass.wav is missing); relink it, "
				+ "or render with the stem silent (--allow-offline)", refused.err().strip());
		assertFalse(Files.exists(out));

		// --allow-offline: rendered silent at the recorded length, one line per offline stem
		Result allowed = CliEndToEndTest.ok("render", session, "-o", out.toString(), "--allow-offline");
		List<String> offlineLines = allowed.err().lines().filter(l -> l.contains("offline")).toList();
		assertEquals(List.of("mixtree: warning: track:Bass is offline (stems/Bass.wav is missing); it plays silence",
				"mixtree: warning: track:Kick is offline (stems/Kick.wav is missing); it plays silence"), offlineLines);
		float[][] silent = CliEndToEndTest.read(out);
		assertEquals(48000, silent[0].length, "the recorded length");
		for (float[] channel : silent) {
			for (float v : channel) {
				assertEquals(0f, v);
			}
		}

		// a typo'd folder: one line naming it, the session untouched
		byte[] xmi = Files.readAllBytes(Path.of(session));
		Result typo = CliEndToEndTest.cli("relink", session, dir.resolve("movd").toString());
		assertEquals(1, typo.code());
		assertEquals("mixtree: " + dir.resolve("movd") + ": no such folder", typo.err().strip());
		assertArrayEquals(xmi, Files.readAllBytes(Path.of(session)));

		// a dry run says what it would do and writes nothing
		Result dry = CliEndToEndTest.ok("relink", session, moved.toString(), "--dry-run");
		assertTrue(dry.out().contains("would relink track:Kick: stems/Kick.wav -> moved/Kick.wav"), dry.out());
		assertArrayEquals(xmi, Files.readAllBytes(Path.of(session)));

		Result relinked = CliEndToEndTest.ok("relink", session, moved.toString());
		assertTrue(relinked.out().contains("relinked track:Kick: stems/Kick.wav -> moved/Kick.wav"), relinked.out());
		assertTrue(relinked.out().contains("relinked track:Bass: stems/Bass.wav -> moved/Bass.wav"), relinked.out());
		assertTrue(relinked.out().contains("relinked 2 of 2 stems"), relinked.out());
		assertFalse(CliEndToEndTest.ok("info", session).out().contains("offline"));

		// the same mix, bit for bit
		Path after = dir.resolve("after.wav");
		CliEndToEndTest.ok("render", session, "-o", after.toString());
		assertArrayEquals(Files.readAllBytes(before), Files.readAllBytes(after));

		// nothing left offline: relink says so and changes nothing
		xmi = Files.readAllBytes(Path.of(session));
		assertTrue(CliEndToEndTest.ok("relink", session, moved.toString()).out().contains("no stem is offline"));
		assertArrayEquals(xmi, Files.readAllBytes(Path.of(session)));
	}

	@Test
	void aChangedStemIsNamedAndNotRelinkedWithoutForce() throws Exception {
		// re-written in place with another rate and length: still readable, so online but changed
		sox(stems.resolve("Kick.wav"), 44100, 2, 1.5, 60, 0.5);
		Result info = CliEndToEndTest.ok("info", session);
		String changed = "changed: track:Kick: stems/Kick.wav changed: 44100 Hz, was 48000 Hz; 66150 frames (1.500 s), was 48000";
		assertTrue(info.out().lines().anyMatch(changed::equals), info.out());
		Map<String, Object> kick = CliEndToEndTest.channels(CliEndToEndTest.ok("info", session, "--json").out())
				.get("track:Kick");
		assertEquals(false, kick.get("offline"));
		assertEquals("stems/Kick.wav changed: 44100 Hz, was 48000 Hz; 66150 frames (1.500 s), was 48000", kick.get("changed"));

		// moved away and offered in a new folder: named, not relinked, exit 1
		Path moved = dir.resolve("new");
		Files.move(stems, moved);
		byte[] xmi = Files.readAllBytes(Path.of(session));
		Result r = CliEndToEndTest.cli("relink", session, moved.toString());
		assertEquals(1, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("not relinked track:Kick: " + moved.resolve("Kick.wav")
				+ " differs from the stem the session recorded: 44100 Hz, was 48000 Hz; 66150 frames (1.500 s), was 48000"
				+ " (--force relinks it)"), r.out());
		assertTrue(r.out().contains("relinked track:Bass: stems/Bass.wav -> new/Bass.wav"), r.out());
		assertEquals("mixtree: 1 stem stays offline: track:Kick", r.err().strip());
		assertFalse(Arrays.equals(xmi, Files.readAllBytes(Path.of(session))), "the Bass relink is saved");

		// --force takes it and records its fingerprint: no longer changed
		Result forced = CliEndToEndTest.ok("relink", session, moved.toString(), "--force");
		assertTrue(forced.out().contains("relinked track:Kick: stems/Kick.wav -> new/Kick.wav (changed: 44100 Hz"), forced.out());
		String text = CliEndToEndTest.ok("info", session).out();
		assertFalse(text.contains("changed:") || text.contains("offline"), text);
		assertTrue(Files.readString(Path.of(session)).contains("sourceFrames=\"66150\" sourceRate=\"44100\""));
	}

	@Test
	void ambiguousNamesAreNotRelinkedAndAnotherCaseIsASecondChoice() throws Exception {
		Path other = dir.resolve("other");
		Files.createDirectories(other.resolve("a"));
		Files.createDirectories(other.resolve("b"));
		Files.copy(stems.resolve("Bass.wav"), other.resolve("a/Bass.wav"));
		Files.copy(stems.resolve("Bass.wav"), other.resolve("b/Bass.wav"));
		Files.copy(stems.resolve("Kick.wav"), other.resolve("b/KICK.WAV"));
		Files.delete(stems.resolve("Kick.wav"));
		Files.delete(stems.resolve("Bass.wav"));
		Result r = CliEndToEndTest.cli("relink", session, other.toString());
		assertEquals(1, r.code(), r.out() + r.err());
		assertTrue(r.out().contains("relinked track:Kick: stems/Kick.wav -> other/b/KICK.WAV"), r.out());
		assertTrue(r.out().contains("not relinked track:Bass: ambiguous: 2 files named Bass.wav (" + other.resolve("a/Bass.wav")
				+ ", " + other.resolve("b/Bass.wav") + ")"), r.out());
		assertEquals("mixtree: 1 stem stays offline: track:Bass", r.err().strip());
		Map<String, Map<String, Object>> json = CliEndToEndTest.channels(CliEndToEndTest.ok("info", session, "--json").out());
		assertEquals(false, json.get("track:Kick").get("offline"));
		assertEquals(true, json.get("track:Bass").get("offline"));
	}

	@Test
	void aSessionWithoutFingerprintsLoadsAndRelinkRecordsThem() throws Exception {
		Path file = Path.of(session);
		String old = Files.readString(file).replaceAll(" source(Frames|Rate|Channels)=\"\\d+\"", "");
		Files.writeString(file, old);
		Path moved = dir.resolve("moved");
		Files.move(stems, moved);
		assertTrue(CliEndToEndTest.ok("info", session).out().contains("offline: track:Kick"));
		CliEndToEndTest.ok("relink", session, moved.toString());
		String xmi = Files.readString(file);
		assertTrue(xmi.contains("source=\"moved/Kick.wav\" sourceFrames=\"48000\" sourceRate=\"48000\" sourceChannels=\"2\""), xmi);
	}
}
