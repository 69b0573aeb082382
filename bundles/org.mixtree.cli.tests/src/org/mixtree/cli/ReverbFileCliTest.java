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
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * The reverb's impulse file from the command line ({@code irfile=PATH}) to the rendered audio: stored relative to
 * the session, checked when given, refused when missing for {@code ir=file}, shown by {@code info}, warned about
 * at render time, and never overwritten by a render.
 */
class ReverbFileCliTest {
	static final int RATE = 48000;
	static final int FRAMES = 4800;
	/** Taps of the test impulse, (frame, gain): left and right differ, so each side is checked. */
	static final double[][] LEFT_TAPS = { { 0, 0.5 }, { 37, -0.25 }, { 1000, 0.125 } };
	static final double[][] RIGHT_TAPS = { { 5, 0.4 }, { 480, 0.2 }, { 2047, -0.1 } };
	static final int IR_FRAMES = 2048;

	@TempDir
	Path dir;
	Path project;
	Path session;
	Path ir;
	String s;

	@BeforeEach
	void session() throws IOException {
		project = dir.resolve("project");
		Path stems = project.resolve("stems");
		Files.createDirectories(stems);
		float[][] click = new float[1][FRAMES];
		click[0][100] = 0.5f;
		click[0][2500] = -0.3f;
		write(stems.resolve("click.wav"), click);
		ir = project.resolve("irs/church.wav");
		Files.createDirectories(ir.getParent());
		write(ir, impulse());
		session = project.resolve("song.mixtree");
		s = session.toString();
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		CliEndToEndTest.ok("bus", "add", s, "Verb");
		CliEndToEndTest.ok("set", s, "track:click", "output=bus:Verb");
	}

	static float[][] impulse() {
		float[][] h = new float[2][IR_FRAMES];
		for (double[] t : LEFT_TAPS) {
			h[0][(int) t[0]] = (float) t[1];
		}
		for (double[] t : RIGHT_TAPS) {
			h[1][(int) t[0]] = (float) t[1];
		}
		return h;
	}

	static void write(Path file, float[][] x) throws IOException {
		try (WavWriter w = new WavWriter(file, x.length, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	/** The path as a user would type it in the test's working folder: relative to it. */
	static String typed(Path file) {
		return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
	}

	private Map<String, Object> reverbJson() {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> inserts = (List<Map<String, Object>>) (List<?>) CliEndToEndTest
				.channels(CliEndToEndTest.ok("info", s, "--json").out()).get("bus:Verb").get("inserts");
		return inserts.get(0);
	}

	/** {@code effects} says which key takes the file, in text and JSON. */
	@Test
	void effectsListTheImpulseFile() {
		String text = CliEndToEndTest.ok("effects").out();
		assertTrue(text.contains("    irfile    PATH: impulse response played by ir=file"), text);
		String json = CliEndToEndTest.ok("effects", "--json").out();
		assertTrue(json.contains("\"files\": [{\"id\": \"irfile\", \"name\": \"Impulse file\""), json);
	}

	/**
	 * A click through the reverb at mix 100 % is the direct convolution of the click with the file's taps, computed
	 * here: the mono track reaches the stereo bus at cos(pi/4) per side (-3 dB centre, DESIGN.md), the reverb
	 * convolves left with the left taps and right with the right ones. Tolerance 1e-6 absolute (the partitioned
	 * FFT convolution in float; the largest sample is 0.25).
	 */
	@Test
	void clickThroughTheReverbIsTheDirectConvolutionWithTheFile() throws Exception {
		Result added = CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "irfile=" + typed(ir),
				"mix=100");
		// a new session starts STATIC: the first bus insert moves it to BUSES and says so (StagesCliTest)
		assertEquals("added Reverb (org.mixtree.reverb) to bus:Verb in slot 1", added.out().lines().findFirst().orElseThrow());
		String text = Files.readString(session);
		assertTrue(text.contains("<files id=\"irfile\" path=\"irs/church.wav\"/>"), text);
		assertTrue(text.contains("<parameters id=\"ir\" value=\"3.0\"/>"), "irfile selects ir=file: " + text);
		Path out = dir.resolve("mix.wav");
		Result r = CliEndToEndTest.ok("render", s, "-o", out.toString());
		assertFalse(r.err().contains("warning"), r.err());
		float[][] y = CliEndToEndTest.read(out);
		double g = Math.cos(Math.PI / 4);
		float[] x = new float[FRAMES];
		x[100] = 0.5f;
		x[2500] = -0.3f;
		double[][][] taps = { LEFT_TAPS, RIGHT_TAPS };
		assertTrue(y[0].length >= FRAMES + IR_FRAMES - 1, "the tail is rendered: " + y[0].length);
		for (int c = 0; c < 2; c++) {
			for (int n = 0; n < y[c].length; n++) {
				double expected = 0;
				for (double[] t : taps[c]) {
					int k = n - (int) t[0];
					expected += k >= 0 && k < FRAMES ? t[1] * g * x[k] : 0;
				}
				assertEquals(expected, y[c][n], 1e-6, "channel " + c + " frame " + n);
			}
		}
	}

	/** {@code ir=file} with no file would be silence: refused, exit 1, one line, the session byte-identical. */
	@ParameterizedTest
	@ValueSource(strings = { "insert,add,SESSION,bus:Verb,org.mixtree.reverb,ir=file",
			"insert,set,SESSION,bus:Verb,1,ir=file", "insert,set,SESSION,bus:Verb,1,ir=file,irfile=",
			"insert,set,SESSION,bus:Verb,2,irfile=" })
	void irFileWithoutAFileIsRefused(String command) throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "ir=hall");
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "irfile=" + ir);
		byte[] before = Files.readAllBytes(session);
		Result r = CliEndToEndTest.cli(command.replace("SESSION", s).split(","));
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: org.mixtree.reverb: ir=file needs an impulse file: give irfile=PATH\n", r.err());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	/** A missing file, a folder and a file that is not audio: refused naming the file, the session unchanged. */
	@Test
	void unreadableImpulseFilesAreRefusedNamingThem() throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb");
		Path text = project.resolve("notes.wav");
		Files.writeString(text, "these are session notes, not audio");
		byte[] before = Files.readAllBytes(session);
		for (Path bad : List.of(project.resolve("irs/nowhere.wav"), project.resolve("irs"), text)) {
			for (String[] command : List.of(new String[] { "insert", "set", s, "bus:Verb", "1", "irfile=" + bad },
					new String[] { "insert", "add", s, "bus:Verb", "org.mixtree.reverb", "irfile=" + bad })) {
				Result r = CliEndToEndTest.cli(command);
				assertEquals(1, r.code(), r.err());
				assertTrue(r.err().startsWith("mixtree: irfile: " + bad + ": "), r.err());
				assertEquals(1, r.err().lines().count(), r.err());
				assertArrayEquals(before, Files.readAllBytes(session));
			}
		}
	}

	/**
	 * The path is typed relative to the working folder and stored relative to the session file, so the project
	 * folder can move; {@code info} shows it (JSON and text); {@code irfile=} with another impulse clears it.
	 */
	@Test
	void theFileIsStoredRelativeToTheSessionAndFollowsTheFolder() throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "mix=100");
		Result set = CliEndToEndTest.ok("insert", "set", s, "bus:Verb", "1", "irfile=" + typed(ir));
		assertEquals("set Reverb in slot 1 of bus:Verb: ir=file irfile=irs/church.wav\n", set.out());
		assertEquals(Map.of("irfile", "irs/church.wav"), reverbJson().get("files"));
		assertTrue(CliEndToEndTest.ok("info", s).out().contains("Reverb (irfile=irs/church.wav)"));

		Path moved = dir.resolve("elsewhere/project");
		Files.createDirectories(moved.getParent());
		Files.move(project, moved);
		s = moved.resolve("song.mixtree").toString();
		Path out = dir.resolve("moved.wav");
		Result r = CliEndToEndTest.ok("render", s, "-o", out.toString());
		assertFalse(r.err().contains("warning"), "the impulse is found in the moved folder: " + r.err());
		float[][] y = CliEndToEndTest.read(out);
		assertEquals(0.5 * 0.5 * Math.cos(Math.PI / 4), y[0][100], 1e-6, "first left tap");
		assertEquals(0.4 * 0.5 * Math.cos(Math.PI / 4), y[1][105], 1e-6, "first right tap");

		CliEndToEndTest.ok("insert", "set", s, "bus:Verb", "1", "ir=plate", "irfile=");
		assertEquals(Map.of(), reverbJson().get("files"));
		assertFalse(Files.readString(Path.of(s)).contains("irfile"));
	}

	/**
	 * A session whose impulse is gone (or, edited by hand, has {@code ir=file} and no file) renders with a warning
	 * naming the insert and the file, rather than a silent reverb without a word.
	 */
	@Test
	void renderWarnsWhenTheImpulseIsMissing() throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "irfile=" + ir, "mix=100");
		Files.delete(ir);
		Result r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("a.wav").toString());
		assertTrue(r.err().contains("mixtree: warning: bus:Verb slot 1 (org.mixtree.reverb): irfile not loaded (" + ir
				+ ": file not found)\n"), r.err());
		assertTrue(r.err().contains("mixtree: warning: bus:Verb slot 1 (org.mixtree.reverb): ir=file with no irfile"
				+ " loaded; the effect plays no impulse file\n"), r.err());

		Files.writeString(session, Files.readString(session).replaceAll("\\s*<files [^>]*/>", ""));
		r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("b.wav").toString());
		assertEquals(List.of("mixtree: warning: bus:Verb slot 1 (org.mixtree.reverb): ir=file with no irfile loaded;"
				+ " the effect plays no impulse file"), r.err().lines().filter(l -> l.contains("warning")).toList());
	}

	/** A render never replaces a file the session reads: the impulse file as much as a track's source. */
	@Test
	void renderRefusesToWriteOverTheImpulseFile() throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Verb", "org.mixtree.reverb", "irfile=" + ir);
		byte[] before = Files.readAllBytes(ir);
		Result r = CliEndToEndTest.cli("render", s, "-o", ir.toString());
		assertEquals(1, r.code());
		assertEquals("mixtree: " + ir + ": is the irfile of bus:Verb insert 1 (org.mixtree.reverb); choose another output\n",
				r.err());
		assertArrayEquals(before, Files.readAllBytes(ir));
	}
}
