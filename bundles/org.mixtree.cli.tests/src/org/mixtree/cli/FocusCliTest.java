package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * Build-up focus, solo-safe, console order and "why is this silent?", end to end through the command line against
 * renders. Every track is a stereo sine at a frequency of its own (a whole number of periods in the render, so the
 * tracks are orthogonal): a render is compared with the sum of the stems that should be heard, written out here from
 * the stems as written (fader, pan and bus gains all 0 dB, the send at -6 dB = 10^(-6/20)), within 1e-6 (float
 * summation); and whether a track is heard is read from the render by its frequency alone (heard: amplitude above
 * 0.01, the stems being at 0.1; silent: below 1e-6).
 */
class FocusCliTest {

	static final int RATE = 48000;
	static final int FRAMES = 4800;
	static final double SEND = Math.pow(10, -6 / 20.0);

	/** track -> frequency in Hz (multiples of 10 Hz: whole periods in 0.1 s) */
	static final Map<String, Integer> FREQ = new LinkedHashMap<>();
	static {
		FREQ.put("Kick", 200);
		FREQ.put("Snare", 300);
		FREQ.put("Bass", 500);
		FREQ.put("Elec", 700);
		FREQ.put("Acou", 1100);
		FREQ.put("Piano", 1300);
		FREQ.put("Vox", 1700);
		FREQ.put("Amb", 1900);
	}

	@TempDir
	Path dir;
	Path session;
	String s;
	final Map<String, float[][]> stems = new LinkedHashMap<>();

	@BeforeEach
	void session() throws Exception {
		Path folder = dir.resolve("stems");
		Files.createDirectories(folder);
		for (Map.Entry<String, Integer> e : FREQ.entrySet()) {
			float[][] x = new float[2][FRAMES];
			for (int i = 0; i < FRAMES; i++) {
				x[0][i] = (float) (0.1 * Math.sin(2 * Math.PI * e.getValue() * i / RATE));
				x[1][i] = (float) (0.1 * Math.cos(2 * Math.PI * e.getValue() * i / RATE));
			}
			try (WavWriter w = new WavWriter(folder.resolve(e.getKey() + ".wav"), 2, RATE, SampleFormat.F32, 1)) {
				w.write(x, 0, FRAMES);
			}
			stems.put(e.getKey(), x);
		}
		session = dir.resolve("song.mixtree");
		s = session.toString();
		ok("new", s, "--stems", folder.toString(), "--group", "flat");
		// console order: Drums, Bass, Guitars (Acoustics inside), Vocals, Verb; Amb plays into Verb directly
		for (String bus : List.of("Drums", "Bass", "Guitars", "Vocals", "Verb")) {
			ok("bus", "add", s, bus);
		}
		ok("bus", "add", s, "Acoustics", "--output", "bus:Guitars");
		route("Kick", "Drums");
		route("Snare", "Drums");
		route("Bass", "Bass");
		route("Elec", "Guitars");
		route("Acou", "Acoustics");
		route("Vox", "Vocals");
		route("Amb", "Verb");
		// Piano stays on the master directly
		ok("send", "add", s, "track:Kick", "bus:Verb", "--level", "-6");
	}

	private void route(String track, String bus) {
		ok("set", s, "track:" + track, "output=bus:" + bus);
	}

	private static Result ok(String... args) {
		return CliEndToEndTest.ok(args);
	}

	private float[][] render(String name) throws IOException {
		Path out = dir.resolve(name);
		ok("render", s, "-o", out.toString());
		return CliEndToEndTest.read(out);
	}

	/** The sum of the named stems at unity, plus Kick's send into Verb when {@code verb} (Verb heard). */
	private float[][] expected(boolean kickSend, String... tracks) {
		double[][] sum = new double[2][FRAMES];
		for (String t : tracks) {
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < FRAMES; i++) {
					sum[c][i] += stems.get(t)[c][i];
				}
			}
		}
		if (kickSend) {
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < FRAMES; i++) {
					sum[c][i] += SEND * stems.get("Kick")[c][i];
				}
			}
		}
		float[][] x = new float[2][FRAMES];
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < FRAMES; i++) {
				x[c][i] = (float) sum[c][i];
			}
		}
		return x;
	}

	private static void assertMix(float[][] expected, float[][] actual, String what) {
		assertEquals(2, actual.length, what);
		for (int c = 0; c < 2; c++) {
			assertTrue(actual[c].length >= FRAMES, what);
			for (int i = 0; i < FRAMES; i++) {
				if (Math.abs(expected[c][i] - actual[c][i]) > 1e-6) {
					throw new AssertionError(what + ": channel " + c + " frame " + i + ": expected " + expected[c][i]
							+ ", rendered " + actual[c][i]);
				}
			}
		}
	}

	/** The amplitude of {@code hz} in the left channel over the first FRAMES frames (a single DFT bin). */
	private static double amplitude(float[][] x, int hz) {
		double re = 0;
		double im = 0;
		for (int i = 0; i < FRAMES; i++) {
			double p = 2 * Math.PI * hz * i / RATE;
			re += x[0][i] * Math.cos(p);
			im += x[0][i] * Math.sin(p);
		}
		return 2 * Math.hypot(re, im) / FRAMES;
	}

	// ------------------------------------------------------------------------------------------ build-up

	@Test
	void buildUpWithNextPrevAllKeepsTheUsersMutes() throws Exception {
		ok("set", s, "track:Vox", "mute=true"); // the user's own mute, which focus must leave alone
		Result r = ok("focus", s, "next");
		assertEquals("focus: Drums (next: Bass)", r.out().strip());
		// the reverb return fed by the focused bus's send stays heard
		Result render = ok("render", s, "-o", dir.resolve("a.wav").toString());
		assertTrue(render.err().contains("mixtree: note: focus is on bus:Drums (the other buses are silent)"), render.err());
		assertMix(expected(true, "Kick", "Snare"), CliEndToEndTest.read(dir.resolve("a.wav")), "focus Drums");

		assertEquals("focus: Drums + Bass (next: Guitars)", ok("focus", s, "next").out().strip());
		assertMix(expected(true, "Kick", "Snare", "Bass"), render("b.wav"), "focus Drums + Bass");

		assertEquals("focus: Drums + Bass + Guitars (next: Vocals)", ok("focus", s, "next").out().strip());
		float[][] three = render("c.wav");
		// the nested Acoustics comes in with Guitars
		assertMix(expected(true, "Kick", "Snare", "Bass", "Elec", "Acou"), three, "focus Drums + Bass + Guitars");

		assertEquals("focus: Drums + Bass + Guitars + Vocals (next: Verb)", ok("focus", s, "next").out().strip());
		// Vox is muted by the user: focus brings its bus in, not its mute off
		assertMix(expected(true, "Kick", "Snare", "Bass", "Elec", "Acou"), render("d.wav"), "focus + Vocals (Vox muted)");

		assertEquals("focus: Drums + Bass + Guitars + Vocals + Verb (the last top-level bus)",
				ok("focus", s, "next").out().strip());
		assertMix(expected(true, "Kick", "Snare", "Bass", "Elec", "Acou", "Amb"), render("e.wav"), "every bus in focus");

		byte[] before = Files.readAllBytes(session);
		Result past = CliEndToEndTest.cli("focus", s, "next");
		assertEquals(1, past.code());
		assertEquals("mixtree: refused: every top-level bus up to the last, bus:Verb, is already in focus (focus all ends the focus)",
				past.err().strip());
		assertArrayEquals(before, Files.readAllBytes(session));

		assertEquals("focus: Drums + Bass + Guitars + Vocals (next: Verb)", ok("focus", s, "prev").out().strip());
		ok("focus", s, "prev");
		assertMix(three, render("f.wav"), "prev twice: back to Drums + Bass + Guitars");

		assertEquals("focus: off (every bus is heard)", ok("focus", s, "all").out().strip());
		Result all = ok("render", s, "-o", dir.resolve("g.wav").toString());
		assertFalse(all.err().contains("focus"), all.err());
		// everything but the muted Vox: Piano on the master directly is heard again
		assertMix(expected(true, "Kick", "Snare", "Bass", "Elec", "Acou", "Piano", "Amb"),
				CliEndToEndTest.read(dir.resolve("g.wav")), "focus all");
		Map<String, Map<String, Object>> ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		assertEquals(true, ch.get("track:Vox").get("mute"));
		assertEquals("track:Vox is muted", ch.get("track:Vox").get("silentBecause"));
		for (String other : List.of("track:Kick", "bus:Drums", "bus:Vocals", "master")) {
			assertEquals(false, ch.get(other).get("mute"), other);
		}
	}

	@Test
	void prevAndAllRestoreAndFocusIsSavedAsItsOwnState() throws Exception {
		ok("focus", s, "bus:bass"); // case-insensitive, as every address
		Map<String, Object> root = root();
		assertEquals(List.of("bus:Bass"), root.get("focus"));
		// Bass alone: Piano (on the master directly) and every other bus are silent, no mute flag set
		assertMix(expected(false, "Bass"), render("bass.wav"), "focus bus:Bass");
		Map<String, Map<String, Object>> ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		for (Map<String, Object> c : ch.values()) {
			assertEquals(false, c.get("mute"), c.toString());
		}
		byte[] oneBus = Files.readAllBytes(session);
		Result prev = CliEndToEndTest.cli("focus", s, "prev");
		assertEquals(1, prev.code());
		assertEquals("mixtree: refused: bus:Bass is the only bus in focus: focus all ends the focus", prev.err().strip());
		assertArrayEquals(oneBus, Files.readAllBytes(session));
		assertEquals("focus: Bass + Guitars (next: Vocals)", ok("focus", s, "next").out().strip());
		ok("focus", s, "prev");
		assertArrayEquals(oneBus, Files.readAllBytes(session), "next then prev is where it was");
		ok("focus", s, "all");
		assertEquals(List.of(), root().get("focus"));
		Result none = CliEndToEndTest.cli("focus", s, "prev");
		assertEquals(1, none.code());
		assertTrue(none.err().contains("no focus to step back from"), none.err());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> root() {
		return (Map<String, Object>) MiniJson.parse(ok("info", s, "--json").out());
	}

	@Test
	void nestedUnknownAndMasterAreRefusedLeavingTheSessionAsItWas() throws Exception {
		ok("focus", s, "bus:Drums");
		byte[] before = Files.readAllBytes(session);
		Result nested = CliEndToEndTest.cli("focus", s, "bus:Acoustics");
		assertEquals(1, nested.code());
		assertEquals("mixtree: refused: bus:Acoustics is inside bus:Guitars: focus takes a top-level bus", nested.err().strip());
		Result unknown = CliEndToEndTest.cli("focus", s, "bus:Strings");
		assertEquals(1, unknown.code());
		assertTrue(unknown.err().startsWith("mixtree: ") && unknown.err().contains("Strings"), unknown.err());
		Result master = CliEndToEndTest.cli("focus", s, "master");
		assertEquals(1, master.code());
		assertTrue(master.err().contains("focus takes a top-level bus"), master.err());
		Result word = CliEndToEndTest.cli("focus", s, "Drums");
		assertEquals(2, word.code());
		assertTrue(word.err().contains("use bus:NAME, next, prev or all"), word.err());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	// ------------------------------------------------------------------------------------------ solo-safe

	@Test
	void soloSafeBusIsNeverSilencedByFocusOrSolo() throws Exception {
		ok("focus", s, "bus:Bass");
		assertMix(expected(false, "Bass"), render("before.wav"), "Verb not safe: Amb silent");
		assertEquals("set bus:Verb: solosafe=true", ok("set", s, "bus:Verb", "solosafe=true").out().strip());
		assertEquals(true, CliEndToEndTest.channels(ok("info", s, "--json").out()).get("bus:Verb").get("soloSafe"));
		assertMix(expected(false, "Bass", "Amb"), render("focus.wav"), "focus Bass, Verb solo-safe");
		ok("focus", s, "all");
		ok("set", s, "track:Elec", "solo=true");
		// solo Elec: Elec, and Verb's own Amb (solo-safe); Kick is not heard, so its send brings nothing
		assertMix(expected(false, "Elec", "Amb"), render("solo.wav"), "solo Elec, Verb solo-safe");
		// mute still wins over solo-safe
		ok("set", s, "bus:Verb", "mute=true");
		assertMix(expected(false, "Elec"), render("muted.wav"), "solo-safe Verb muted");

		byte[] before = Files.readAllBytes(session);
		Result track = CliEndToEndTest.cli("set", s, "track:Kick", "solosafe=true");
		assertEquals(1, track.code());
		assertEquals("mixtree: track:Kick solosafe: only a bus can be solo-safe", track.err().strip());
		Result m = CliEndToEndTest.cli("set", s, "master", "solosafe=true");
		assertEquals(1, m.code());
		assertTrue(m.err().startsWith("mixtree: master solosafe: only a bus can be solo-safe"), m.err());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	// ------------------------------------------------------------------------------------------ console order

	@Test
	void busMoveChangesTheConsoleOrderFocusFollows() throws Exception {
		Result r = ok("bus", "move", s, "Vocals", "1");
		assertEquals("moved bus:Vocals to place 1 of the buses feeding master: Vocals, Drums, Bass, Guitars, Verb",
				r.out().strip());
		assertEquals("focus: Vocals (next: Drums)", ok("focus", s, "next").out().strip());
		assertEquals("focus: Vocals + Drums (next: Bass)", ok("focus", s, "next").out().strip());
		ok("bus", "move", s, "bus:Verb", "2");
		assertEquals("focus: Vocals + Drums (next: Bass)", FocusCli.line(org.mixtree.model.persistence.SessionStore.load(session)),
				"the focus keeps console order: Verb moved behind Vocals is not in focus");
		byte[] before = Files.readAllBytes(session);
		Result nested = CliEndToEndTest.cli("bus", "move", s, "Acoustics", "2");
		assertEquals(1, nested.code());
		assertEquals("mixtree: refused: bus:Acoustics has no place 2 among the buses feeding bus:Guitars (1..1)", nested.err().strip());
		Result zero = CliEndToEndTest.cli("bus", "move", s, "Drums", "0");
		assertEquals(1, zero.code());
		assertTrue(zero.err().contains("has no place 0 among the buses feeding master (1..5)"), zero.err());
		Result word = CliEndToEndTest.cli("bus", "move", s, "Drums", "first");
		assertEquals(2, word.code());
		assertArrayEquals(before, Files.readAllBytes(session));
		String tree = ok("info", s).out().lines().filter(l -> !l.startsWith("focus:")).reduce("", (a, b) -> a + b + "\n");
		assertTrue(tree.indexOf("Vocals") < tree.indexOf("Verb") && tree.indexOf("Verb") < tree.indexOf("Drums"), tree);
	}

	// ------------------------------------------------------------------------------------------ why silent

	/**
	 * Every cause in one session: info's {@code audible}/{@code silentBecause} for each channel, and the render agreeing
	 * with it track by track (by frequency) and for the top-level buses (by their stems).
	 */
	@Test
	void silentBecauseNamesTheFirstCauseAndTheRenderAgrees() throws Exception {
		ok("bus", "add", s, "Keys");
		route("Piano", "Keys");
		ok("bus", "add", s, "FX", "--output", "bus:Vocals");
		route("Vox", "FX");
		ok("set", s, "bus:FX", "mute=true");
		ok("set", s, "bus:Guitars", "mute=true");
		ok("set", s, "track:Snare", "gain=-inf");
		ok("insert", "add", s, "bus:Keys", "org.mixtree.utility", "gain=0");
		ok("insert", "add", s, "bus:Keys", "org.mixtree.eq");
		Files.writeString(session, Files.readString(session).replace("org.mixtree.eq", "org.example.gone"));
		// console order: Drums, Bass, Guitars, Vocals, Verb, Keys; focus on Drums + Bass + Keys
		ok("bus", "move", s, "Keys", "3");
		ok("focus", s, "bus:Drums");
		ok("focus", s, "next");
		assertEquals("focus: Drums + Bass + Keys (next: Guitars)", ok("focus", s, "next").out().strip());

		Map<String, String> why = new LinkedHashMap<>();
		why.put("track:Kick", null);
		why.put("track:Snare", "gain is -inf dB");
		why.put("track:Bass", null);
		why.put("track:Elec", "its output bus:Guitars is muted");
		why.put("track:Acou", "bus:Guitars is muted");
		why.put("track:Piano", "its output bus:Keys insert 2 (org.example.gone) is missing");
		why.put("track:Vox", "its output bus:FX is muted");
		why.put("track:Amb", "focus is on bus:Drums + bus:Bass + bus:Keys");
		why.put("bus:Drums", null);
		why.put("bus:Bass", null);
		why.put("bus:Guitars", "bus:Guitars is muted");
		why.put("bus:Acoustics", "its output bus:Guitars is muted");
		why.put("bus:Vocals", "focus is on bus:Drums + bus:Bass + bus:Keys");
		why.put("bus:FX", "bus:FX is muted");
		why.put("bus:Verb", null); // fed by Kick's send: the effect return of a focused bus
		why.put("bus:Keys", "insert 2 (org.example.gone) is missing");
		why.put("master", null);
		Map<String, Map<String, Object>> ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		for (Map.Entry<String, String> e : why.entrySet()) {
			Map<String, Object> c = ch.get(e.getKey());
			assertEquals(e.getValue(), c.get("silentBecause"), e.getKey());
			assertEquals(e.getValue() == null, c.get("audible"), e.getKey());
		}
		assertEquals(why.keySet(), ch.keySet());

		Path stemsDir = dir.resolve("out-stems");
		Result render = ok("render", s, "-o", dir.resolve("why.wav").toString(), "--stems", stemsDir.toString());
		assertTrue(render.err().contains("effect not installed; bus:Keys is silent"), render.err());
		agree(ch, CliEndToEndTest.read(dir.resolve("why.wav")), stemsDir);
		assertMix(expected(true, "Kick", "Bass"), CliEndToEndTest.read(dir.resolve("why.wav")), "every cause");

		// the text tree marks them too
		String tree = ok("info", s).out();
		assertTrue(tree.contains("focus: Drums + Bass + Keys (next: Guitars)"), tree);
		assertTrue(tree.lines().anyMatch(l -> l.contains("Elec") && l.endsWith("(silent: its output bus:Guitars is muted)")), tree);
		assertTrue(tree.lines().anyMatch(l -> l.contains("Kick") && !l.contains("silent")), tree);

		// another solo: the first soloed channel is named; solo comes before focus
		ok("focus", s, "all");
		ok("set", s, "track:Bass", "solo=true");
		ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		assertEquals("track:Bass is soloed", ch.get("track:Kick").get("silentBecause"));
		assertEquals("track:Bass is soloed", ch.get("bus:Drums").get("silentBecause"));
		assertEquals("track:Bass is soloed", ch.get("bus:Verb").get("silentBecause"));
		assertEquals("track:Bass is soloed", ch.get("track:Snare").get("silentBecause"), "solo comes before -inf gain");
		assertEquals("track:Bass is soloed", ch.get("bus:Keys").get("silentBecause"), "solo comes before a missing effect");
		assertEquals(null, ch.get("bus:Bass").get("silentBecause"));
		ok("render", s, "-o", dir.resolve("solo.wav").toString(), "--stems", dir.resolve("solo-stems").toString());
		agree(ch, CliEndToEndTest.read(dir.resolve("solo.wav")), dir.resolve("solo-stems"));
		assertMix(expected(false, "Bass"), CliEndToEndTest.read(dir.resolve("solo.wav")), "solo Bass");

		// the source file: named by info (the track is offline); render refuses the session naming the file
		ok("set", s, "track:Bass", "solo=false");
		Files.delete(dir.resolve("stems").resolve("Kick.wav"));
		ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		assertEquals("offline: stems/Kick.wav is missing", ch.get("track:Kick").get("silentBecause"));
		assertEquals(false, ch.get("track:Kick").get("audible"));
		Result missing = CliEndToEndTest.cli("render", s, "-o", dir.resolve("x.wav").toString());
		assertEquals(1, missing.code());
		assertTrue(missing.err().contains("Kick.wav"), missing.err());
	}

	/** A track reported heard is in the render (by its frequency), one reported silent is not; the same for stems. */
	private static void agree(Map<String, Map<String, Object>> ch, float[][] mix, Path stemsDir) throws IOException {
		for (Map.Entry<String, Integer> e : FREQ.entrySet()) {
			boolean heard = (Boolean) ch.get("track:" + e.getKey()).get("audible");
			double a = amplitude(mix, e.getValue());
			if (heard) {
				assertTrue(a > 0.01, e.getKey() + " reported heard, amplitude " + a);
			} else {
				assertTrue(a < 1e-6, e.getKey() + " reported silent (" + ch.get("track:" + e.getKey()).get("silentBecause")
						+ "), amplitude " + a);
			}
		}
		for (Map.Entry<String, Map<String, Object>> e : ch.entrySet()) {
			Path stem = stemsDir.resolve(e.getValue().get("name") + ".wav");
			if (!e.getKey().startsWith("bus:") || !Files.exists(stem)) {
				continue;
			}
			float[][] x = CliEndToEndTest.read(stem);
			double peak = 0;
			for (float[] c : x) {
				for (float v : c) {
					peak = Math.max(peak, Math.abs(v));
				}
			}
			assertEquals(e.getValue().get("audible"), peak > 0.01, e.getKey() + " stem peak " + peak);
		}
	}
}
