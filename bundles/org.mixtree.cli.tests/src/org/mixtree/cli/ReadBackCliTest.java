package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * What the command line prints, it reads back; values are typed as engineers type them (pans as {@code L70},
 * frequencies as {@code 8k}, times in s or ms, short effect ids, channel names in any case), typos get the
 * nearest names, and usage errors exit 2. Each case is driven through the CLI on a real session file.
 */
class ReadBackCliTest {

	@TempDir
	Path dir;
	Path session;
	String s;

	@BeforeEach
	void session() throws IOException {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		for (String name : List.of("Kick In", "Snare Top", "Lead Vox", "BGV 1")) {
			stem(stems.resolve(name + ".wav"));
		}
		session = dir.resolve("song.mixtree");
		s = session.toString();
		ok("new", s, "--stems", stems.toString());
	}

	private static void stem(Path file) throws IOException {
		float[][] x = new float[1][4800];
		for (int i = 0; i < x[0].length; i++) {
			x[0][i] = (float) (0.1 * Math.sin(i * 0.05));
		}
		try (WavWriter w = new WavWriter(file, 1, 48000, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	private static Result ok(String... args) {
		return CliEndToEndTest.ok(args);
	}

	private Map<String, Object> channel(String address) {
		return CliEndToEndTest.channels(ok("info", s, "--json").out()).get(address);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> params(String address, int slot) {
		List<Map<String, Object>> inserts = (List<Map<String, Object>>) channel(address).get("inserts");
		return (Map<String, Object>) inserts.get(slot - 1).get("params");
	}

	/** Runs a command that must be refused: returns its one line, and checks the session did not change. */
	private String refused(int code, String... args) throws IOException {
		byte[] before = Files.readAllBytes(session);
		Result r = CliEndToEndTest.cli(args);
		assertEquals(code, r.code(), String.join(" ", args) + ": " + r.err());
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
		assertArrayEquals(before, Files.readAllBytes(session), "session unchanged after " + String.join(" ", args));
		return r.err().strip();
	}

	@ParameterizedTest(name = "pan={0}")
	@CsvSource({ "L70, -0.7", "R35, 0.35", "C, 0", "l70, -0.7", "r100, 1", "L100, -1", "70L, -0.7", "-0.25, -0.25",
			"0.5, 0.5", "centre, 0", "L0, 0" })
	void pansAreReadAsInfoPrintsThem(String typed, double expected) {
		ok("set", s, "track:Lead Vox", "pan=" + typed);
		assertEquals(expected, (Double) channel("track:Lead Vox").get("pan"), 1e-12);
	}

	@Test
	void whatInfoPrintsIsReadBackUnchanged() {
		ok("set", s, "track:Kick In", "pan=-0.7", "gain=-6.5");
		ok("set", s, "track:Snare Top", "pan=0.35", "gain=-inf");
		String tree = ok("info", s).out();
		for (String line : tree.lines().toList()) {
			if (line.contains("Kick In")) {
				assertTrue(line.contains("-6.5 dB") && line.contains("L70"), line);
			}
			if (line.contains("Snare Top")) {
				assertTrue(line.contains("-inf dB") && line.contains("R35"), line);
			}
		}
		// the printed texts, typed back, set the same values
		ok("set", s, "track:BGV 1", "pan=L70", "gain=-6.5 dB");
		assertEquals(channel("track:Kick In").get("pan"), channel("track:BGV 1").get("pan"));
		assertEquals(channel("track:Kick In").get("gainDb"), channel("track:BGV 1").get("gainDb"));
		ok("set", s, "track:BGV 1", "pan=R35", "gain=-inf dB");
		assertEquals(channel("track:Snare Top").get("pan"), channel("track:BGV 1").get("pan"));
		assertEquals("-inf", channel("track:BGV 1").get("gainDb"), "strict JSON: -inf as a string, as set reads it");
	}

	@Test
	void badPansAreRefusedNamingTheValue() throws IOException {
		assertTrue(refused(1, "set", s, "track:Kick In", "pan=L120").contains("-1.2 is outside [-1, 1]"));
		assertEquals("mixtree: track:Kick In pan: 'left' is not a pan position (C, L0..L100, R0..R100, or -1..1)",
				refused(1, "set", s, "track:Kick In", "pan=left"));
		assertTrue(refused(1, "set", s, "track:Kick In", "pan=L-20").contains("'L-20'"));
	}

	@Test
	void unitsAndPrefixesAsEngineersTypeThem() throws IOException {
		ok("insert", "add", s, "bus:Drums", "org.mixtree.eq", "b1.freq=8k", "b2.freq=2.5kHz", "b3.freq=120 Hz",
				"b4.freq=1.2 KHZ", "b1.gain=+3dB", "b2.gain=-4.5 dB");
		Map<String, Object> eq = params("bus:Drums", 1);
		assertEquals(8000.0, eq.get("b1.freq"));
		assertEquals(2500.0, eq.get("b2.freq"));
		assertEquals(120.0, eq.get("b3.freq"));
		assertEquals(1200.0, eq.get("b4.freq"));
		assertEquals(3.0, eq.get("b1.gain"));
		assertEquals(-4.5, eq.get("b2.gain"));
		ok("insert", "add", s, "bus:Drums", "org.mixtree.compressor", "attack=0.5s", "release=1.2 s", "threshold=-20dB",
				"ratio=4:1");
		Map<String, Object> comp = params("bus:Drums", 2);
		assertEquals(500.0, comp.get("attack"));
		assertEquals(1200.0, comp.get("release"));
		assertEquals(-20.0, comp.get("threshold"));
		assertEquals(4.0, comp.get("ratio"));
		ok("insert", "set", s, "bus:Drums", "2", "attack=30ms");
		assertEquals(30.0, params("bus:Drums", 2).get("attack"));

		assertEquals("mixtree: org.mixtree.eq b1.freq: '10ms' is not a frequency (Hz, k or kHz)",
				refused(1, "insert", "set", s, "bus:Drums", "1", "b1.freq=10ms"));
		assertEquals("mixtree: org.mixtree.eq b1.freq: 30k is outside [20, 20000] Hz",
				refused(1, "insert", "set", s, "bus:Drums", "1", "b1.freq=30k"));
		assertTrue(refused(1, "insert", "set", s, "bus:Drums", "2", "attack=5Hz").contains("is not a time (ms or s)"));
	}

	@Test
	void effectsAnswerToShortIdsAndNames() throws IOException {
		ok("insert", "add", s, "bus:Drums", "eq");
		ok("insert", "add", s, "bus:Drums", "compressor");
		ok("insert", "add", s, "bus:Drums", "COMP");
		ok("insert", "add", s, "bus:Drums", "Parametric EQ");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> inserts = (List<Map<String, Object>>) channel("bus:Drums").get("inserts");
		assertEquals(List.of("org.mixtree.eq", "org.mixtree.compressor", "org.mixtree.compressor", "org.mixtree.eq"),
				inserts.stream().map(i -> i.get("effect")).toList(), "the full id is stored");
		assertEquals("mixtree: unknown effect 'eqq'; did you mean eq (org.mixtree.eq)?",
				refused(1, "insert", "add", s, "bus:Drums", "eqq"));
		assertEquals("mixtree: unknown effect 'compresor'; did you mean compressor (org.mixtree.compressor)?",
				refused(1, "insert", "add", s, "bus:Drums", "compresor"));
	}

	@Test
	void channelNamesIgnoreCaseAndTyposGetTheNearestNames() throws IOException {
		ok("set", s, "bus:drums", "gain=-3");
		assertEquals(-3.0, channel("bus:Drums").get("gainDb"));
		ok("set", s, "TRACK:kick in", "mute=true");
		assertEquals(true, channel("track:Kick In").get("mute"));
		assertEquals("mixtree: unknown bus 'Drumz'; did you mean bus:Drums?", refused(1, "set", s, "bus:Drumz", "gain=0"));
		assertEquals("mixtree: unknown track 'Kik In'; did you mean track:Kick In?",
				refused(1, "set", s, "track:Kik In", "gain=0"));
		assertEquals("mixtree: unknown track 'Vocals'; did you mean bus:Vocals?",
				refused(1, "set", s, "track:Vocals", "gain=0"));
		assertEquals("mixtree: unknown bus 'Vocal'; did you mean bus:Vocals?",
				refused(1, "set", s, "track:Lead Vox", "output=bus:Vocal"));
	}

	@Test
	void choicesAreWrittenAsTheirLabelsAndReadEitherWay() throws IOException {
		ok("insert", "add", s, "bus:Vocals", "eq", "b1.type=highpass", "b2.type=2");
		Map<String, Object> eq = params("bus:Vocals", 1);
		assertEquals("highpass", eq.get("b1.type"));
		assertEquals("lowshelf", eq.get("b2.type"), "step 2 of off, peak, lowshelf...");
		assertEquals("off", eq.get("b3.type"));
		ok("insert", "set", s, "bus:Vocals", "1", "b1.type=PEAK");
		assertEquals("peak", params("bus:Vocals", 1).get("b1.type"));
		ok("insert", "add", s, "bus:Vocals", "compressor", "detector=rms");
		assertEquals("rms", params("bus:Vocals", 2).get("detector"));
		// what info --json printed goes straight back in
		ok("insert", "set", s, "bus:Vocals", "2", "detector=" + params("bus:Vocals", 2).get("detector"));
		assertTrue(refused(1, "insert", "set", s, "bus:Vocals", "1", "b1.type=wobble")
				.contains("'wobble' is not one of off, peak, lowshelf"));
	}

	@Test
	void presetsAreListedAndAreStartingPoints() throws IOException {
		String effects = ok("effects").out();
		assertTrue(effects.contains("presets (insert add ... --preset NAME): ") && effects.contains("Drums bus"), effects);
		ok("insert", "add", s, "bus:Drums", "compressor", "--preset", "drums bus", "ratio=6");
		Map<String, Object> comp = params("bus:Drums", 1);
		assertEquals(-20.0, comp.get("threshold"), "from the preset");
		assertEquals(6.0, comp.get("ratio"), "typed beside the preset: wins");
		ok("insert", "add", s, "bus:Vocals", "eq", "--preset", "Vocals bus");
		assertEquals("highpass", params("bus:Vocals", 1).get("b1.type"));
		assertEquals("mixtree: org.mixtree.eq has no preset 'Drum bus'; did you mean Drums bus?",
				refused(1, "insert", "add", s, "bus:Drums", "eq", "--preset", "Drum bus"));
		// the first word(s) of one preset's name are enough; the line says which preset it took
		String added = ok("insert", "add", s, "bus:Drums", "compressor", "--preset", "drums").out();
		assertTrue(added.contains("with preset Drums bus"), added);
		assertEquals(-20.0, params("bus:Drums", 2).get("threshold"), "the Drums bus preset");
		// a prefix must end at a word boundary: "d" is no whole first word of any preset
		assertTrue(refused(1, "insert", "add", s, "bus:Drums", "compressor", "--preset", "d").contains("has no preset 'd'"));
		// a mistyped parameter gets the near ids, not the whole list
		assertEquals("mixtree: org.mixtree.eq has no parameter 'band1.gain'; did you mean b1.gain?",
				refused(1, "insert", "set", s, "bus:Vocals", "1", "band1.gain=3"));
		assertTrue(refused(1, "insert", "set", s, "bus:Vocals", "1", "zzzzzzzz=3").contains("(parameters: b1.type, b1.freq"));
		// a band's gain set while the band is off is not heard: the line says so and how to switch it on
		Result off = ok("insert", "set", s, "bus:Vocals", "1", "b4.gain=4dB", "b4.freq=8k");
		assertTrue(off.err().contains("mixtree: note: b4 is off (b4.type=off): b4.freq, b4.gain are not heard until b4.type is set, e.g. b4.type=peak"),
				off.err());
		assertEquals("", ok("insert", "set", s, "bus:Vocals", "1", "b4.type=peak", "b4.gain=4").err(), "switched on: no note");
		assertTrue(ok("insert", "add", s, "bus:Drums", "eq", "b2.gain=3").err().contains("b2 is off"));
		String json = ok("effects", "--json").out();
		assertTrue(json.contains("\"presets\": [") && json.contains("\"name\": \"Bass bus\""), json);
	}

	@Test
	void wrongArgumentShapesAreUsageErrors() throws IOException {
		assertTrue(refused(2, "set", s, "Drums", "gain=0").startsWith("mixtree: bad channel address 'Drums'"));
		assertTrue(refused(2, "render", s, "-o", dir.resolve("mix.wav").toString(), "--format", "s32").contains("s32"));
		assertTrue(refused(2, "new", dir.resolve("other.mixtree").toString(), "--stems", dir.resolve("stems").toString(),
				"--group", "bus").contains("auto or flat"));
		assertTrue(refused(2, "insert", "add", s, "Drums", "eq").contains("bad channel address"));
	}

	@Test
	void helpNamesEveryCommandAndCountsReadRight() throws IOException {
		String help = ok("help").out();
		for (String command : List.of("new", "info", "set", "bus add", "bus remove", "send add", "insert add", "render",
				"effects", "install", "uninstall", "reinstall", "devices", "play", "demo", "test", "build", "bench", "bench-effects",
				"bench-decode")) {
			assertTrue(help.contains("\n  " + command + " "), "help names " + command + ":\n" + help);
		}
		Path one = dir.resolve("one");
		Files.createDirectories(one);
		stem(one.resolve("Kick.wav"));
		String created = ok("new", dir.resolve("one.mixtree").toString(), "--stems", one.toString()).out();
		assertTrue(created.contains(": 1 track, 1 bus, 48000 Hz"), created);
	}

	@Test
	void removingABusNamesTheSendsThatGoWithIt() throws IOException {
		ok("bus", "add", s, "Verb");
		ok("send", "add", s, "track:Lead Vox", "bus:Verb", "--level", "-12");
		ok("send", "add", s, "track:BGV 1", "bus:Verb", "--level", "-15");
		ok("send", "add", s, "track:Snare Top", "bus:Verb", "--level", "-20");
		String removed = ok("bus", "remove", s, "verb").out();
		// in console order: BGV 1 and Lead Vox are both vocals, in stem order
		assertEquals("removed bus:Verb (its inputs now feed master); removed 3 sends into it, from track:Snare Top, "
				+ "track:BGV 1, track:Lead Vox\n", removed);
		for (String t : List.of("track:Lead Vox", "track:BGV 1", "track:Snare Top")) {
			assertEquals(List.of(), channel(t).get("sends"), t + " keeps no send to the master");
		}
	}
}
