package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * Mix stages, the headroom warning of the static mix and plugins per bus, end to end through the command line on
 * real files with the built-in effects. The expectations come from outside the code under test: null tests against
 * sessions built without the inserts the stage bypasses, sample positions written into the stems, counts written
 * out from the tree the test builds.
 */
class StagesCliTest {

	static final int RATE = 48000;
	static final int FRAMES = 24_000;
	/** -120 dBFS: what a null test leaves at most. */
	static final double NULL = 1e-6;

	@TempDir
	Path dir;
	Path stems;
	String s;

	@BeforeEach
	void dirs() throws IOException {
		stems = dir.resolve("stems");
		Files.createDirectories(stems);
		s = dir.resolve("song.mixtree").toString();
	}

	private void write(String name, float[][] x) throws IOException {
		try (WavWriter w = new WavWriter(stems.resolve(name), x.length, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	/** Stereo noise plus a tone, peaking under -12 dBFS. */
	private static float[][] noise(int seed) {
		float[][] x = new float[2][FRAMES];
		SplittableRandom random = new SplittableRandom(seed);
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < FRAMES; i++) {
				x[c][i] = (float) (0.1 * (random.nextDouble() - 0.5) + 0.1 * Math.sin(2 * Math.PI * (150 + 70 * seed + 30 * c) * i / RATE));
			}
		}
		return x;
	}

	private float[][] render(String session, String name) throws IOException {
		Path out = dir.resolve(name);
		CliEndToEndTest.ok("render", session, "-o", out.toString());
		return CliEndToEndTest.read(out);
	}

	private static double maxDiff(float[][] a, float[][] b) {
		assertEquals(a.length, b.length);
		double max = 0;
		for (int c = 0; c < a.length; c++) {
			assertEquals(a[c].length, b[c].length, "length");
			for (int i = 0; i < a[c].length; i++) {
				max = Math.max(max, Math.abs(a[c][i] - b[c][i]));
			}
		}
		return max;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> root(String session) {
		return (Map<String, Object>) MiniJson.parse(CliEndToEndTest.ok("info", session, "--json").out());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> insert(Map<String, Object> channel, int slot) {
		return (Map<String, Object>) ((List<Object>) channel.get("inserts")).get(slot);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> plugins(Map<String, Object> channel) {
		return (Map<String, Object>) channel.get("plugins");
	}

	// --------------------------------------------------------------------------------------------- stages

	/**
	 * STATIC: a limiter that limits hard on a bus, a boosting EQ on a track and one on the master are all bypassed
	 * by the stage, so the render nulls against the render made before they were added; the limiter's look-ahead
	 * latency stays compensated (the output is as long and as aligned as the dry mix, and info still reports it),
	 * and each insert's own bypass flag stays off.
	 */
	@Test
	void staticBypassesEveryInsertAndKeepsItsLatency() throws Exception {
		write("Kick.wav", noise(1));
		write("Lead Vox.wav", noise(2));
		Result created = CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		assertTrue(created.out().contains("stage STATIC"), created.out());
		assertEquals("STATIC", root(s).get("stage"));
		float[][] dry = render(s, "dry.wav");

		CliEndToEndTest.ok("insert", "add", s, "bus:Vocals", "org.mixtree.limiter", "ceiling=-20", "lookahead=5");
		CliEndToEndTest.ok("insert", "add", s, "track:Kick", "org.mixtree.eq", "b1.type=peak", "b1.freq=150",
				"b1.gain=12");
		CliEndToEndTest.ok("insert", "add", s, "master", "org.mixtree.eq", "b1.type=highshelf", "b1.freq=2000",
				"b1.gain=6");
		// the inserts play in TRACKS: the test is not vacuous
		assertEquals("TRACKS", root(s).get("stage"));
		float[][] tracks = render(s, "tracks.wav");
		assertTrue(maxDiff(dry, tracks) > 0.01, "the inserts change the mix in TRACKS");

		Result back = CliEndToEndTest.ok("stage", s, "STATIC");
		assertTrue(back.out().startsWith("stage TRACKS -> STATIC"), back.out());
		float[][] still = render(s, "static.wav");
		assertEquals(FRAMES, still[0].length, "latency compensated, not added to the render");
		double residual = maxDiff(dry, still);
		assertTrue(residual < NULL, "static vs no inserts: " + 20 * Math.log10(residual) + " dBFS, not below -120");

		Map<String, Map<String, Object>> ch = CliEndToEndTest.channels(CliEndToEndTest.ok("info", s, "--json").out());
		assertEquals(false, insert(ch.get("bus:Vocals"), 0).get("bypass"), "the stage leaves the own bypass alone");
		assertEquals(false, insert(ch.get("track:Kick"), 0).get("bypass"));
		// look-ahead 5 ms = 240 frames, kept by the stage bypass as by any bypass
		assertEquals(240.0, ch.get("bus:Vocals").get("latency"));
		assertEquals(240.0, ch.get("master").get("latency"));
		assertEquals(0.0, ch.get("bus:Drums").get("latency"));
	}

	/** BUSES plays a bus EQ and bypasses a track EQ: it nulls against a session that holds only the bus EQ. */
	@Test
	void busesPlaysBusInsertsNotTrackInserts() throws Exception {
		write("Kick.wav", noise(3));
		write("Bass DI.wav", noise(4));
		String[] busEq = { "org.mixtree.eq", "b1.type=lowshelf", "b1.freq=200", "b1.gain=9" };
		String[] trackEq = { "org.mixtree.eq", "b1.type=highpass", "b1.freq=400" };

		String only = dir.resolve("only.mixtree").toString();
		CliEndToEndTest.ok("new", only, "--stems", stems.toString());
		CliEndToEndTest.ok(concat(new String[] { "insert", "add", only, "bus:Drums" }, busEq));
		float[][] reference = render(only, "reference.wav");

		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		float[][] staticMix = render(s, "dry.wav");
		CliEndToEndTest.ok(concat(new String[] { "insert", "add", s, "bus:Drums" }, busEq));
		CliEndToEndTest.ok(concat(new String[] { "insert", "add", s, "track:Bass DI" }, trackEq));
		assertEquals("TRACKS", root(s).get("stage"));
		float[][] tracks = render(s, "tracks.wav");
		CliEndToEndTest.ok("stage", s, "buses");
		assertEquals("BUSES", root(s).get("stage"));
		float[][] buses = render(s, "buses.wav");

		assertTrue(maxDiff(staticMix, reference) > 0.01, "the bus EQ is heard");
		assertTrue(maxDiff(tracks, buses) > 0.01, "the track EQ is heard in TRACKS");
		double residual = maxDiff(reference, buses);
		assertTrue(residual < NULL, "BUSES vs only the bus EQ: " + 20 * Math.log10(residual) + " dBFS");
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	/** Adding an insert where the stage bypasses moves the stage on, says so in one line; going back is one command. */
	@Test
	void addingAnInsertMovesTheStageOn() throws Exception {
		write("Kick.wav", noise(5));
		write("Bass DI.wav", noise(6));
		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		Result bus = CliEndToEndTest.ok("insert", "add", s, "bus:Drums", "eq");
		assertEquals(List.of("added Parametric EQ (org.mixtree.eq) to bus:Drums in slot 1",
				"stage STATIC -> BUSES: inserts on buses play now (mixtree stage " + s + " static to go back)"),
				bus.out().lines().toList());
		assertEquals("BUSES", root(s).get("stage"));
		// the master counts as a bus: nothing to move in BUSES
		Result master = CliEndToEndTest.ok("insert", "add", s, "master", "eq");
		assertEquals(1, master.out().lines().count(), master.out());
		Result track = CliEndToEndTest.ok("insert", "add", s, "track:Kick", "eq");
		assertTrue(track.out().contains("stage BUSES -> TRACKS: inserts on tracks play now (mixtree stage " + s
				+ " buses to go back)"), track.out());
		assertEquals("TRACKS", root(s).get("stage"));
		CliEndToEndTest.ok("stage", s, "Buses");
		assertEquals("BUSES", root(s).get("stage"));
		// from STATIC a track insert goes straight to TRACKS
		CliEndToEndTest.ok("stage", s, "static");
		Result direct = CliEndToEndTest.ok("insert", "add", s, "track:Bass DI", "eq");
		assertTrue(direct.out().contains("stage STATIC -> TRACKS"), direct.out());
		// in TRACKS nothing moves
		assertEquals(1, CliEndToEndTest.ok("insert", "add", s, "bus:Bass", "eq").out().lines().count());
	}

	@Test
	void aBadStageIsAUsageErrorAndChangesNothing() throws Exception {
		write("Kick.wav", noise(7));
		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
		byte[] before = Files.readAllBytes(Path.of(s));
		Result bad = CliEndToEndTest.cli("stage", s, "mastering");
		assertEquals(2, bad.code());
		assertEquals("mixtree: stage 'mastering': use static, buses or tracks\n", bad.err());
		assertEquals(2, CliEndToEndTest.cli("stage", s).code());
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(s))));
		Result info = CliEndToEndTest.ok("info", s);
		assertTrue(info.out().lines().findFirst().orElseThrow().contains("stage STATIC"), info.out());
	}

	/**
	 * A session file as Mixtree wrote it before stages existed (no stage attribute; its inserts always played) loads
	 * as TRACKS, and its EQ is heard; a STATIC session is written as such and reads back STATIC.
	 */
	@Test
	void aFileFromBeforeStagesLoadsAsTracks() throws Exception {
		write("Vox.wav", noise(8));
		Path old = dir.resolve("old.mixtree");
		Files.writeString(old, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="old">
				  <tracks name="Vox" source="stems/Vox.wav">
				    <inserts effectId="org.mixtree.eq">
				      <parameters id="b1.type" value="3.0"/>
				      <parameters id="b1.freq" value="3000.0"/>
				      <parameters id="b1.gain" value="12.0"/>
				    </inserts>
				  </tracks>
				  <master name="Master"/>
				</mixtree:Session>
				""", StandardCharsets.UTF_8);
		assertEquals("TRACKS", root(old.toString()).get("stage"));
		float[][] asTracks = render(old.toString(), "old.wav");
		CliEndToEndTest.ok("stage", old.toString(), "static");
		assertTrue(Files.readString(old).contains("mixStage=\"STATIC\""), Files.readString(old));
		assertEquals("STATIC", root(old.toString()).get("stage"));
		float[][] asStatic = render(old.toString(), "static.wav");
		assertTrue(maxDiff(asTracks, asStatic) > 0.01, "the old file's EQ plays");
		// a change of something else keeps STATIC (it round-trips through load and save)
		CliEndToEndTest.ok("set", old.toString(), "track:Vox", "gain=-1");
		assertEquals("STATIC", root(old.toString()).get("stage"));
	}

	// ------------------------------------------------------------------------------------------- headroom

	/**
	 * A stereo stem (balance at centre: unity) quiet at -12 dBFS with one sample at 0.8 (-1.94 dBFS) at a known frame
	 * and a louder one later: in STATIC the render warns with the peak and the time of the first over of the target.
	 */
	@Test
	void staticMixWarnsAboveTheHeadroomTarget() throws Exception {
		float[][] x = new float[2][FRAMES];
		for (int i = 0; i < FRAMES; i++) {
			x[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * 440 * i / RATE));
			x[1][i] = x[0][i];
		}
		int firstOver = 12_345;
		x[1][firstOver] = 0.6f; // -4.4 dBFS: over -6
		x[0][20_000] = 0.8f; // the peak, -1.9 dBFS
		write("Vox.wav", x);
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		Result r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString());
		String time = RenderCli.duration(firstOver / (double) RATE);
		assertEquals("0:00.257", time);
		String expected = "mixtree: warning: static mix: the master peaks at -1.9 dBFS (first over -6 dBFS at "
				+ time + "); headroom target -6 dBFS: lower the faders";
		assertTrue(r.err().lines().anyMatch(expected::equals), r.err());

		// the target is the session's: at -1 nothing is over; at -5 the first over is still the 0.6 sample
		CliEndToEndTest.ok("set", s, "master", "headroom=-1");
		assertEquals(-1.0, root(s).get("headroomDb"));
		r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString());
		assertFalse(r.err().contains("static mix"), r.err());
		CliEndToEndTest.ok("set", s, "master", "headroom=-5dB");
		r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString());
		assertTrue(r.err().contains("(first over -5 dBFS at 0:00.257); headroom target -5 dBFS"), r.err());
		// at -3 the 0.6 sample (-4.4 dBFS) is under it: the first over is the peak's frame
		CliEndToEndTest.ok("set", s, "master", "headroom=-3");
		r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString());
		assertTrue(r.err().contains("(first over -3 dBFS at " + RenderCli.duration(20_000 / (double) RATE) + ")"), r.err());
		// only in STATIC: later stages are about processing, not levels
		CliEndToEndTest.ok("stage", s, "tracks");
		r = CliEndToEndTest.ok("render", s, "-o", dir.resolve("mix.wav").toString());
		assertFalse(r.err().contains("static mix"), r.err());

		// only the master takes a headroom, and the file stays as it was when refused
		byte[] before = Files.readAllBytes(Path.of(s));
		Result refused = CliEndToEndTest.cli("set", s, "track:Vox", "headroom=-6");
		assertEquals(1, refused.code());
		assertTrue(refused.err().startsWith("mixtree: track:Vox headroom: headroom is the master's"), refused.err());
		Result range = CliEndToEndTest.cli("set", s, "master", "headroom=3");
		assertEquals(1, range.code());
		assertTrue(range.err().contains("outside [-60, 0] dBFS"), range.err());
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(s))));
	}

	// ------------------------------------------------------------------------------------ plugins per bus

	/**
	 * A nested tree: Guitars holds Electrics, which holds a track; a send from a drum track into Guitars does not
	 * make it part of Guitars' subtree. Counts and latencies written out from the tree built here.
	 */
	@Test
	void pluginsPerBusOnANestedTree() throws Exception {
		write("Kick.wav", noise(9));
		write("Snare.wav", noise(10));
		write("El Gtr.wav", noise(11));
		write("Acoustic Gtr.wav", noise(12));
		CliEndToEndTest.ok("new", s, "--stems", stems.toString(), "--group", "flat");
		CliEndToEndTest.ok("bus", "add", s, "Drums");
		CliEndToEndTest.ok("bus", "add", s, "Guitars");
		CliEndToEndTest.ok("bus", "add", s, "Electrics", "--output", "bus:Guitars");
		CliEndToEndTest.ok("set", s, "track:Kick", "output=bus:Drums");
		CliEndToEndTest.ok("set", s, "track:Snare", "output=bus:Drums");
		CliEndToEndTest.ok("set", s, "track:El Gtr", "output=bus:Electrics");
		CliEndToEndTest.ok("set", s, "track:Acoustic Gtr", "output=bus:Guitars");
		CliEndToEndTest.ok("send", "add", s, "track:Snare", "bus:Guitars", "--level", "-20");
		CliEndToEndTest.ok("insert", "add", s, "track:El Gtr", "eq");
		CliEndToEndTest.ok("insert", "add", s, "bus:Electrics", "org.mixtree.limiter", "lookahead=5");
		CliEndToEndTest.ok("insert", "add", s, "bus:Guitars", "eq");
		CliEndToEndTest.ok("insert", "add", s, "bus:Guitars", "compressor");
		CliEndToEndTest.ok("insert", "add", s, "track:Snare", "eq");
		CliEndToEndTest.ok("insert", "add", s, "master", "eq");

		Map<String, Map<String, Object>> ch = CliEndToEndTest.channels(CliEndToEndTest.ok("info", s, "--json").out());
		assertEquals(Map.of("own", 1.0, "subtree", 2.0), plugins(ch.get("bus:Electrics")));
		assertEquals(Map.of("own", 2.0, "subtree", 4.0), plugins(ch.get("bus:Guitars")));
		assertEquals(Map.of("own", 0.0, "subtree", 1.0), plugins(ch.get("bus:Drums")));
		assertEquals(Map.of("own", 1.0, "subtree", 6.0), plugins(ch.get("master")));
		assertFalse(ch.get("track:Kick").containsKey("plugins"), "plugins per bus, not per track");
		// the limiter's 240 frames of look-ahead lag Electrics and everything it feeds; Drums has no latency
		assertEquals(240.0, ch.get("bus:Electrics").get("latency"));
		assertEquals(240.0, ch.get("bus:Guitars").get("latency"));
		assertEquals(240.0, ch.get("master").get("latency"));
		assertEquals(0.0, ch.get("bus:Drums").get("latency"));

		List<String> tree = CliEndToEndTest.ok("info", s).out().lines().toList();
		assertTrue(line(tree, "Guitars").endsWith("  plugins 2 here + 2 below"), String.join("\n", tree));
		assertTrue(line(tree, "Electrics").endsWith("  plugins 1 here + 1 below"), String.join("\n", tree));
		assertTrue(line(tree, "Master").endsWith("  plugins 1 here + 5 below"), String.join("\n", tree));
		assertTrue(line(tree, "Drums").endsWith("  plugins 0 here + 1 below"), String.join("\n", tree));
		assertTrue(tree.contains("plugins: 6 (4 on buses and master, 2 on tracks); 2 of 4 tracks without any"),
				String.join("\n", tree));
	}

	private static String line(List<String> lines, String name) {
		for (String l : lines) {
			if (l.replaceAll("^[\\s│├└─]+", "").startsWith(name + " ")) {
				return l;
			}
		}
		throw new AssertionError(name + " not in " + lines);
	}
}
