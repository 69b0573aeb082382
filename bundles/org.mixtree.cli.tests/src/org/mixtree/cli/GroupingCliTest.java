package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * {@code new --group auto} on a real multitrack's stem names (track-numbered exports, CamelCase, abbreviations,
 * left/right pairs) written as WAV files, read back through {@code info --json}; {@code --rules}, the user's
 * rules file and {@code --dry-run}.
 */
class GroupingCliTest {

	private static final String CONFIG_PROPERTY = "mixtree.xdgConfigHome";

	@TempDir
	Path dir;
	Path stems;
	Path session;
	Path config;

	@BeforeEach
	void folders() throws IOException {
		stems = Files.createDirectories(dir.resolve("stems"));
		session = dir.resolve("song.mixtree");
		// an empty config folder of our own: no one's own rules file changes what these tests see
		config = Files.createDirectories(dir.resolve("config"));
		System.setProperty(CONFIG_PROPERTY, config.toString());
	}

	@AfterEach
	void clearConfig() {
		System.clearProperty(CONFIG_PROPERTY);
	}

	/** A tiny stem (480 frames of a quiet sine per channel). */
	private void stem(String name, int channels) throws IOException {
		float[][] x = new float[channels][480];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < 480; i++) {
				x[c][i] = (float) (0.1 * Math.sin(2 * Math.PI * 440 * i / 48000.0));
			}
		}
		try (WavWriter w = new WavWriter(stems.resolve(name), channels, 48000, SampleFormat.S16, 1)) {
			w.write(x, 0, 480);
		}
	}

	private Map<String, Map<String, Object>> info() {
		return CliEndToEndTest.channels(CliEndToEndTest.ok("info", session.toString(), "--json").out());
	}

	/** Every file under the test folder but the stems and the config folder. */
	private List<Path> written() throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.filter(p -> !p.startsWith(stems) && !p.startsWith(config) && !p.equals(dir)).toList();
		}
	}

	@Test
	void aRealMultitrackGoesIntoBusesWithItsPairsPanned() throws Exception {
		// the expected bus of each stem, as a mixing engineer routes it
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("01_KickIn", "bus:Drums");
		expected.put("03_SnrBtm", "bus:Drums");
		expected.put("05_HH", "bus:Drums");
		expected.put("07_OH L", "bus:Drums");
		expected.put("08_OH R", "bus:Drums");
		expected.put("09_RmR", "bus:Drums");
		expected.put("10_RmL", "bus:Drums");
		expected.put("Shkr", "bus:Percussion");
		expected.put("12_BassDI", "bus:Bass");
		expected.put("14_ElecGtr1", "bus:Electrics");
		expected.put("15_AcGtr", "bus:Acoustics");
		expected.put("Gtr L", "bus:Guitars");
		expected.put("18_Pno L", "bus:Keys");
		expected.put("19_Pno R", "bus:Keys");
		expected.put("Pad L", "bus:Keys");
		expected.put("Pad R", "bus:Keys");
		expected.put("Str Vln1", "bus:Strings");
		expected.put("Tpt 1", "bus:Horns");
		expected.put("21_BackingVox1", "bus:Vocals");
		expected.put("22_BGV2", "bus:Vocals");
		expected.put("Riser 01", "bus:FX");
		expected.put("Click", "bus:Other");
		for (String name : expected.keySet()) {
			stem(name + ".wav", name.startsWith("Pad") ? 2 : 1); // the pad is a stereo pair of stereo files
		}
		Result r = CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto");
		assertFalse(r.out().contains("grouped by"), "no rules file but the shipped one: " + r.out());
		Map<String, Map<String, Object>> ch = info();
		for (Map.Entry<String, String> e : expected.entrySet()) {
			assertEquals(e.getValue(), ch.get("track:" + e.getKey()).get("output"), e.getKey());
		}
		for (String nested : List.of("Acoustics", "Electrics")) {
			assertEquals("bus:Guitars", ch.get("bus:" + nested).get("output"));
		}
		List<String> topLevel = new ArrayList<>();
		for (Map.Entry<String, Map<String, Object>> e : ch.entrySet()) {
			if (e.getKey().startsWith("bus:") && "master".equals(e.getValue().get("output"))) {
				topLevel.add(e.getKey());
			}
		}
		assertEquals(10, topLevel.size(), topLevel.toString());
		Map<String, Double> pans = Map.of("07_OH L", -1.0, "08_OH R", 1.0, "10_RmL", -1.0, "09_RmR", 1.0, "18_Pno L", -1.0, "19_Pno R",
				1.0);
		for (String name : expected.keySet()) {
			assertEquals(pans.getOrDefault(name, 0.0), ch.get("track:" + name).get("pan"), name);
		}
		// the tree new prints shows the pans as info does
		assertTrue(r.out().lines().anyMatch(l -> l.contains("07_OH L") && l.contains("L100")), r.out());
	}

	@Test
	void dryRunPrintsTheSameTreeAndWritesNothing() throws Exception {
		for (String name : List.of("01_KickIn", "07_OH L", "08_OH R", "12_BassDI", "Vla", "Sweep Up")) {
			stem(name + ".wav", 1);
		}
		List<Path> before = written();
		Result dry = CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto", "--dry-run");
		assertEquals(before, written(), "a dry run writes no session, lock or temp file");
		List<String> dryLines = dry.out().lines().toList();
		assertEquals("(dry run: nothing written)", dryLines.get(dryLines.size() - 1));
		assertTrue(dryLines.get(0).startsWith("would create " + session + ": 6 tracks, 4 buses"), dryLines.get(0));

		Result real = CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto");
		List<String> realLines = real.out().lines().toList();
		assertEquals(realLines.get(0), dryLines.get(0).replaceFirst("^would create", "created"));
		assertEquals(realLines.subList(1, realLines.size()), dryLines.subList(1, dryLines.size() - 1),
				"the dry run prints the tree new makes");
		assertTrue(Files.isRegularFile(session));
		byte[] saved = Files.readAllBytes(session);
		// a dry run over an existing session is refused as the real command is, and leaves it alone
		Result again = CliEndToEndTest.cli("new", session.toString(), "--stems", stems.toString(), "--dry-run");
		assertEquals(1, again.code());
		assertTrue(again.err().contains("already exists"), again.err());
		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--dry-run", "--force", "--group", "flat");
		assertEquals(new String(saved), Files.readString(session));
	}

	@Test
	void rulesFileAndUserRulesTeachAStudiosNaming() throws Exception {
		for (String name : List.of("Syn Lead", "Trommel", "Amb", "Kick")) {
			stem(name + ".wav", 1);
		}
		// the user's own file: "Trommel" is a drum here and "Amb" an effect
		Path user = Files.createDirectories(config.resolve("mixtree")).resolve("grouping.rules");
		Files.writeString(user, "# studio A\nDrums: trommel\nFX: amb\n");
		// the session's file: a Synths bus right after Keys
		Path rules = dir.resolve("synths.rules");
		Files.writeString(rules, "Keys:\nSynths: synth, syn\n");
		Result dry = CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--rules", rules.toString(),
				"--dry-run");
		assertTrue(dry.out().contains("grouped by the shipped rules + " + user + " + " + rules), dry.out());
		assertTrue(dry.out().lines().anyMatch(l -> l.contains("Synths")), dry.out());
		assertFalse(Files.exists(session));

		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--rules", rules.toString());
		Map<String, Map<String, Object>> ch = info();
		assertEquals("bus:Synths", ch.get("track:Syn Lead").get("output"));
		assertEquals("bus:Drums", ch.get("track:Trommel").get("output"));
		assertEquals("bus:FX", ch.get("track:Amb").get("output"));
		assertEquals("bus:Drums", ch.get("track:Kick").get("output"));

		// without the user's file and --rules: the shipped rules
		Files.delete(user);
		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--force");
		ch = info();
		assertEquals("bus:Keys", ch.get("track:Syn Lead").get("output"));
		assertEquals("bus:Other", ch.get("track:Trommel").get("output"));
		assertEquals("bus:Drums", ch.get("track:Amb").get("output"));
	}

	@Test
	void aMalformedRulesFileIsRefusedWithItsLineAndNothingIsWritten() throws Exception {
		stem("Kick.wav", 1);
		Path rules = dir.resolve("bad.rules");
		Files.writeString(rules, "# ours\nDrums: kck\nSynths synth\n");
		Result r = CliEndToEndTest.cli("new", session.toString(), "--stems", stems.toString(), "--rules", rules.toString());
		assertEquals(1, r.code());
		assertEquals("mixtree: " + rules + ":3: expected 'Group: word, word, ...', found 'Synths synth'\n", r.err());
		assertEquals(List.of(rules), written());

		// a broken user file stops new too, naming that file
		Path user = Files.createDirectories(config.resolve("mixtree")).resolve("grouping.rules");
		Files.writeString(user, "Guitar/Nylon: nylon\n");
		r = CliEndToEndTest.cli("new", session.toString(), "--stems", stems.toString());
		assertEquals(1, r.code());
		assertEquals("mixtree: " + user + ":1: no group Guitar to put Nylon in (write that group's line first)\n", r.err());
		assertFalse(Files.exists(session));
		Files.delete(user);

		r = CliEndToEndTest.cli("new", session.toString(), "--stems", stems.toString(), "--rules", dir.resolve("none.rules").toString());
		assertEquals(1, r.code());
		assertTrue(r.err().contains("none.rules: no such file"), r.err());

		r = CliEndToEndTest.cli("new", session.toString(), "--stems", stems.toString(), "--group", "flat", "--rules", rules.toString());
		assertEquals(2, r.code());
		assertTrue(r.err().contains("--rules applies to --group auto"), r.err());
		assertFalse(Files.exists(session));
	}
}
