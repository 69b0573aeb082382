package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * {@code send} and {@code insert} end to end on real session files, with the built-in effects installed in
 * the test runtime: every command, every refusal (one line, session byte-identical), and the JSON shapes.
 */
class InsertSendCliTest {

	@TempDir
	Path dir;
	Path session;
	String s;

	@BeforeEach
	void session() throws IOException {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		stem(stems.resolve("kick.wav"), 1);
		stem(stems.resolve("lead vox.wav"), 2);
		session = dir.resolve("song.mixtree");
		s = session.toString();
		ok("new", s, "--stems", stems.toString());
	}

	private static void stem(Path file, int channels) throws IOException {
		float[][] x = new float[channels][480];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < x[c].length; i++) {
				x[c][i] = (float) (0.1 * Math.sin(i * 0.05 * (c + 1)));
			}
		}
		try (WavWriter w = new WavWriter(file, channels, 48000, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	private static Result ok(String... args) {
		return CliEndToEndTest.ok(args);
	}

	private Map<String, Map<String, Object>> info() {
		return CliEndToEndTest.channels(ok("info", s, "--json").out());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> channel, String key) {
		return (List<Map<String, Object>>) (List<?>) channel.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> params(Map<String, Object> insert) {
		return (Map<String, Object>) insert.get("params");
	}

	@Test
	void builtInEffectsAreInstalledInTheTestRuntime() {
		// fails when org.mixtree.effects.builtin is not in the runtime or its DS components did not start
		assertTrue(EffectCatalog.osgi().find("org.mixtree.eq").isPresent(), "org.mixtree.eq is not registered");
	}

	@Test
	void effectsCommandListsTheBuiltIns() {
		String out = ok("effects").out();
		assertTrue(out.contains("org.mixtree.eq") && out.contains("org.mixtree.compressor"), out);
		assertTrue(ok("effects", "--json").out().contains("\"org.mixtree.eq\""));
	}

	// -------------------------------------------------------------------------------------------- sends

	@Test
	void sendAddSetRemove() {
		ok("bus", "add", s, "Verb");
		Result added = ok("send", "add", s, "track:lead vox", "bus:Verb", "--level", "-12", "--pre");
		assertEquals("added send track:lead vox -> bus:Verb at -12.0 dB pre-fader\n", added.out());
		ok("send", "add", s, "bus:Drums", "bus:Verb");
		Map<String, Map<String, Object>> ch = info();
		assertEquals(List.of(Map.of("to", "bus:Verb", "levelDb", -12.0, "pre", true)), list(ch.get("track:lead vox"), "sends"));
		assertEquals(List.of(Map.of("to", "bus:Verb", "levelDb", 0.0, "pre", false)), list(ch.get("bus:Drums"), "sends"));
		String tree = ok("info", s).out();
		assertTrue(tree.contains("-> bus:Verb -12.0 dB pre"), tree);

		ok("send", "set", s, "track:lead vox", "bus:Verb", "level=-6.5", "pre=false");
		assertEquals(List.of(Map.of("to", "bus:Verb", "levelDb", -6.5, "pre", false)), list(info().get("track:lead vox"), "sends"));
		ok("send", "set", s, "track:lead vox", "bus:Verb", "level=-inf");
		assertEquals("-inf", list(info().get("track:lead vox"), "sends").get(0).get("levelDb"), "strict JSON: -inf as a string");

		ok("send", "remove", s, "track:lead vox", "bus:Verb");
		assertEquals(List.of(), list(info().get("track:lead vox"), "sends"));
		assertEquals(1, list(info().get("bus:Drums"), "sends").size());
	}

	// ------------------------------------------------------------------------------------------ inserts

	@Test
	void insertAddSetMoveRemove() throws Exception {
		ok("insert", "add", s, "track:kick", "org.mixtree.eq", "b1.type=highpass", "b1.freq=80 Hz");
		ok("insert", "add", s, "track:kick", "org.mixtree.limiter", "lookahead=10");
		Result comp = ok("insert", "add", s, "track:kick", "org.mixtree.compressor", "ratio=6", "--at", "1", "--sidechain",
				"track:lead vox");
		assertEquals("added Compressor (org.mixtree.compressor) to track:kick in slot 1, keyed by track:lead vox\n", comp.out());

		// only what was given is stored; the rest is the effect's default
		String file = Files.readString(session);
		assertTrue(file.contains("id=\"b1.freq\" value=\"80.0\""), file);
		assertFalse(file.contains("b2.freq"), file);
		assertTrue(file.contains("sidechain=\"track/lead%20vox\""), file);

		List<Map<String, Object>> inserts = list(info().get("track:kick"), "inserts");
		assertEquals(List.of("org.mixtree.compressor", "org.mixtree.eq", "org.mixtree.limiter"),
				inserts.stream().map(i -> i.get("effect")).toList());
		Map<String, Object> c = inserts.get(0);
		assertEquals("track:lead vox", c.get("sidechain"));
		assertEquals(6.0, params(c).get("ratio"));
		assertEquals(-18.0, params(c).get("threshold"), "defaults are filled in");
		Map<String, Object> eq = inserts.get(1);
		assertEquals(List.of("effect", "bypass", "params", "latency"), List.copyOf(eq.keySet()));
		assertEquals(false, eq.get("bypass"));
		assertEquals(33, params(eq).size(), "every EQ parameter: 8 bands x 4, then output");
		assertEquals(80.0, params(eq).get("b1.freq"));
		assertEquals("highpass", params(eq).get("b1.type"), "a choice as the EQ names it");
		assertEquals(120.0, params(eq).get("b2.freq"));
		assertEquals(0.0, eq.get("latency"));
		// 10 ms of look-ahead at 48 kHz
		assertEquals(480.0, inserts.get(2).get("latency"));

		ok("insert", "set", s, "track:kick", "2", "b1.gain=3", "b2.type=peak", "bypass=true");
		eq = list(info().get("track:kick"), "inserts").get(1);
		assertEquals(true, eq.get("bypass"));
		assertEquals(3.0, params(eq).get("b1.gain"));
		assertEquals("peak", params(eq).get("b2.type"));
		String tree = ok("info", s).out();
		assertTrue(tree.contains("[Compressor (key track:lead vox), Parametric EQ (bypassed), Limiter]"), tree);

		ok("insert", "move", s, "track:kick", "1", "3");
		assertEquals(List.of("org.mixtree.eq", "org.mixtree.limiter", "org.mixtree.compressor"),
				list(info().get("track:kick"), "inserts").stream().map(i -> i.get("effect")).toList());
		ok("insert", "remove", s, "track:kick", "2");
		assertEquals(List.of("org.mixtree.eq", "org.mixtree.compressor"),
				list(info().get("track:kick"), "inserts").stream().map(i -> i.get("effect")).toList());
		ok("insert", "add", s, "bus:Drums", "org.mixtree.utility");
		assertEquals(1, list(info().get("bus:Drums"), "inserts").size());
	}

	@Test
	void missingEffectLoadsIsMarkedAndCanStillBeBypassed() throws Exception {
		ok("insert", "add", s, "track:kick", "org.mixtree.eq", "b1.freq=90");
		Files.writeString(session, Files.readString(session).replace("org.mixtree.eq", "org.example.gone"));
		Map<String, Object> insert = list(info().get("track:kick"), "inserts").get(0);
		assertEquals("org.example.gone", insert.get("effect"));
		assertEquals(true, insert.get("missing"));
		assertEquals(0.0, insert.get("latency"));
		assertEquals(Map.of("b1.freq", 90.0), params(insert), "a missing effect shows what is stored");
		assertTrue(ok("info", s).out().contains("[org.example.gone (missing)]"));

		ok("insert", "set", s, "track:kick", "1", "bypass=on");
		assertEquals(true, list(info().get("track:kick"), "inserts").get(0).get("bypass"));
		byte[] before = Files.readAllBytes(session);
		Result r = CliEndToEndTest.cli("insert", "set", s, "track:kick", "1", "b1.freq=100");
		assertEquals(1, r.code());
		assertTrue(r.err().contains("'org.example.gone' on track:kick is not installed"), r.err());
		assertArrayEquals(before, Files.readAllBytes(session));
		ok("insert", "remove", s, "track:kick", "1");
	}

	/** Each command's arguments are separated by commas; SESSION stands for the session file. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			insert,add,SESSION,track:kick,org.x.y                                    | unknown effect
			insert,add,SESSION,track:kick,org.mixtree.eq,nope=1                      | org.mixtree.eq has no parameter
			insert,add,SESSION,track:kick,org.mixtree.eq,b1.freq=99999               | org.mixtree.eq b1.freq: 99999 is outside [20, 20000] Hz
			insert,add,SESSION,track:kick,org.mixtree.eq,b1.freq=abc                 | org.mixtree.eq b1.freq: 'abc' is not a frequency (Hz, k or kHz)
			insert,add,SESSION,track:kick,org.mixtree.eq,b1.type=wobble              | lowshelf
			insert,add,SESSION,track:kick,org.mixtree.eq,--at,3                      | track:kick has no insert slot 3 (slots 1..2)
			insert,add,SESSION,track:kick,org.mixtree.eq,--at,0                      | track:kick has no insert slot 0 (slots 1..2)
			insert,add,SESSION,track:kick,org.mixtree.eq,--at,first                  | not a slot number
			insert,add,SESSION,track:kick,org.mixtree.compressor,--sidechain,track:ghost | ghost
			insert,add,SESSION,track:kick,org.mixtree.compressor,--sidechain,track:kick | own insert
			insert,add,SESSION,bus:Drums,org.mixtree.compressor,--sidechain,master   | routing cycle master -> bus:Drums -> master
			insert,add,SESSION,track:kick,org.mixtree.eq,--sidechain,track:lead vox  | takes no sidechain
			insert,add,SESSION,track:nobody,org.mixtree.eq                           | nobody
			insert,set,SESSION,track:kick,2,bypass=true                              | track:kick has no insert slot 2 (slots 1..1)
			insert,set,SESSION,track:kick,1,b1.q=100                                 | b1.q
			insert,set,SESSION,track:kick,1,bypass=maybe                             | maybe
			insert,set,SESSION,track:kick,1,zz=1                                     | zz
			insert,remove,SESSION,track:kick,0                                       | slots 1..1
			insert,remove,SESSION,bus:Vocals,1                                       | bus:Vocals has no insert slot 1 (it has no inserts)
			insert,move,SESSION,track:kick,1,2                                       | slots 1..1
			send,add,SESSION,track:kick,track:lead vox                               | track:kick cannot send to track:lead vox
			send,add,SESSION,track:ghost,bus:Verb                                    | ghost
			send,add,SESSION,track:kick,bus:Ghost                                    | Ghost
			send,add,SESSION,track:lead vox,bus:Verb                                 | track:lead vox already sends to bus:Verb
			send,add,SESSION,bus:Verb,bus:Verb                                       | bus:Verb cannot send to itself
			send,add,SESSION,master,bus:Verb                                         | routing cycle master -> bus:Verb -> master
			send,add,SESSION,bus:Verb,bus:Drums                                      | routing cycle bus:Verb -> bus:Drums -> bus:Verb
			send,add,SESSION,track:kick,bus:Verb,--level,30                          | 30
			send,set,SESSION,track:lead vox,bus:Verb,level=loud                      | loud
			send,set,SESSION,track:lead vox,bus:Verb,pan=1                           | pan
			send,set,SESSION,track:kick,bus:Verb,level=-3                            | track:kick does not send to bus:Verb
			send,remove,SESSION,track:kick,bus:Verb                                  | track:kick does not send to bus:Verb
			""")
	void refusedCommandsLeaveTheSessionByteIdentical(String command, String named) throws Exception {
		ok("bus", "add", s, "Verb");
		ok("send", "add", s, "track:lead vox", "bus:Verb", "--level", "-12");
		ok("insert", "add", s, "track:kick", "org.mixtree.eq");
		// Drums keys the compressor on Verb: Drums must be ready before Verb, so Verb cannot feed Drums
		ok("insert", "add", s, "bus:Verb", "org.mixtree.compressor", "--sidechain", "bus:Drums");
		byte[] before = Files.readAllBytes(session);
		String[] args = command.split(",");
		for (int i = 0; i < args.length; i++) {
			args[i] = args[i].equals("SESSION") ? s : args[i];
		}
		Result r = CliEndToEndTest.cli(args);
		assertTrue(r.code() != 0, command + " should be refused");
		assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
		assertTrue(r.err().contains(named), "message names " + named + ": " + r.err());
		assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
		assertArrayEquals(before, Files.readAllBytes(session), "session unchanged after: " + command);
	}

	@Test
	void unknownEffectListsTheInstalledOnes() {
		Result r = CliEndToEndTest.cli("insert", "add", s, "track:kick", "org.x.y");
		assertEquals(1, r.code());
		assertTrue(r.err().startsWith("mixtree: unknown effect 'org.x.y' (installed: "), r.err());
		assertTrue(r.err().contains("org.mixtree.compressor, ") && r.err().contains("org.mixtree.eq"), r.err());
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertEquals(2, CliEndToEndTest.cli("send").code());
		assertEquals(2, CliEndToEndTest.cli("send", "frob", s).code());
		assertEquals(2, CliEndToEndTest.cli("insert").code());
		assertEquals(2, CliEndToEndTest.cli("insert", "add", s, "track:kick").code());
		assertEquals(2, CliEndToEndTest.cli("insert", "set", s, "track:kick", "1").code());
		assertEquals(2, CliEndToEndTest.cli("send", "add", s, "track:kick", "bus:Drums", "--post").code());
	}
}
