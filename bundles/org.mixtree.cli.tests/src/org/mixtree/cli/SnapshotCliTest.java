package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.Snapshots;
import org.mixtree.model.persistence.SessionStore;

/**
 * {@code snapshot} end to end on real session files: save/recall round trips every kind of mix state, diff lines
 * exactly, recall undoes as one step, {@code render --snapshot} nulls against a render after recall and leaves the
 * session byte-identical, {@code ab} agrees with ffmpeg's ebur128 filter, and every refusal is one line with the
 * file unchanged.
 */
class SnapshotCliTest {

	static final int RATE = 48000;
	/** 3 s: long enough for gated integrated loudness over a --seconds window too */
	static final int FRAMES = 3 * RATE;

	@TempDir
	Path dir;
	Path session;
	String s;

	@BeforeEach
	void session() throws Exception {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		stem(stems.resolve("Bass.wav"), 1, 55, 0.3);
		stem(stems.resolve("Kick.wav"), 1, 80, 0.5);
		stem(stems.resolve("Pad.wav"), 2, 330, 0.2);
		// a quote in a name: the stored mix quotes its attributes with ' (Snapshots.encode)
		stem(stems.resolve("Pete's \"Gtr\".wav"), 1, 440, 0.1);
		stem(stems.resolve("Snare.wav"), 1, 190, 0.3);
		session = dir.resolve("song.mixtree");
		s = session.toString();
		ok("new", s, "--stems", stems.toString(), "--group", "flat");
		ok("bus", "add", s, "Drums");
		ok("bus", "add", s, "Verb");
		ok("bus", "add", s, "Old");
		ok("set", s, "track:Kick", "output=bus:Drums", "gain=-4");
		ok("set", s, "track:Snare", "output=bus:Drums");
		ok("insert", "add", s, "bus:Drums", "eq", "b1.type=peak", "b1.gain=3", "b1.freq=100");
		ok("insert", "add", s, "bus:Drums", "compressor");
		ok("insert", "add", s, "track:Bass", "delay");
		ok("send", "add", s, "track:Snare", "bus:Verb", "--level", "-12");
		stage(MixStage.STATIC);
	}

	/** A stem: a sine with a slow amplitude wobble, so that loudness gating has something to do. */
	private static void stem(Path file, int channels, double hz, double amplitude) throws IOException {
		float[][] x = new float[channels][FRAMES];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < FRAMES; i++) {
				double t = i / (double) RATE;
				x[c][i] = (float) (amplitude * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.7 * t)) * Math.sin(2 * Math.PI * hz * (1 + 0.01 * c) * t));
			}
		}
		try (WavWriter w = new WavWriter(file, channels, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, FRAMES);
		}
	}

	private void stage(MixStage stage) throws Exception {
		// no stage command on this branch yet: the model API, as the stage command will
		Session loaded = SessionStore.load(session);
		loaded.setMixStage(stage);
		SessionStore.save(loaded, session);
	}

	private static Result ok(String... args) {
		return CliEndToEndTest.ok(args);
	}

	/** The changes from the setup's mix (A) to B: one of every kind the diff knows. */
	private void changeToB() throws Exception {
		ok("set", s, "track:Kick", "gain=3", "pan=L70");
		ok("insert", "add", s, "track:Kick", "gate");
		ok("set", s, "track:Snare", "pan=R35", "mute=true", "polarity=true");
		ok("send", "set", s, "track:Snare", "bus:Verb", "level=-6");
		ok("send", "set", s, "track:Snare", "bus:Verb", "pre=true");
		ok("set", s, "track:Bass", "solo=true", "output=bus:Drums");
		ok("insert", "remove", s, "track:Bass", "1");
		ok("bus", "add", s, "Keys");
		ok("set", s, "track:Pad", "output=bus:Keys");
		ok("send", "add", s, "track:Pad", "bus:Verb", "--level", "-10");
		ok("insert", "set", s, "bus:Drums", "1", "b1.type=lowshelf", "b1.gain=-2");
		ok("insert", "set", s, "bus:Drums", "1", "bypass=true");
		ok("insert", "move", s, "bus:Drums", "2", "1");
		ok("bus", "remove", s, "Old");
		stage(MixStage.BUSES);
	}

	// ------------------------------------------------------------------------------------ save and recall

	@Test
	void recallRestoresEveryKindOfStateAndKeepsWhatTracksPlay() throws Exception {
		ok("set", s, "track:Pete's \"Gtr\"", "gain=-5", "pan=R10");
		String before = ok("info", s, "--json").out();
		ok("snapshot", "save", s, "Rough");
		changeToB();
		ok("set", s, "track:Pete's \"Gtr\"", "gain=1");
		// one more kind: the file an insert reads (a reverb's impulse), and a sidechain
		Path ir = dir.resolve("ir.wav");
		stem(ir, 1, 1000, 0.1);
		ok("insert", "add", s, "bus:Verb", "reverb", "irfile=" + ir);
		ok("insert", "add", s, "track:Pad", "compressor", "--sidechain", "track:Kick");
		// what a track plays is not mix state: a clip gain set after the snapshot stays
		Session edited = SessionStore.load(session);
		((Track) edited.getTracks().get(0)).setClipGainDb(-3.5);
		SessionStore.save(edited, session);
		assertNotEquals(before, ok("info", s, "--json").out());

		Result recalled = ok("snapshot", "recall", s, "ROUGH");
		assertEquals("recalled snapshot Rough\n", recalled.out());
		Session after = SessionStore.load(session);
		assertEquals(-3.5, after.getTracks().get(0).getClipGainDb(), 0);
		after.getTracks().get(0).setClipGainDb(0);
		SessionStore.save(after, session);
		assertEquals(before, ok("info", s, "--json").out());
		assertEquals(List.of("Rough"), Arrays.asList(ok("snapshot", "list", s).out().split("\n")));
	}

	@Test
	void recallIsOneUndoableCommand() throws Exception {
		ok("snapshot", "save", s, "A");
		changeToB();
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session loaded = SessionEditing.load(domain, session);
		String b = SessionStore.serialize(loaded);
		Snapshots.Recall recall = Snapshots.recall(domain, loaded, Snapshots.find(loaded, "a"));
		SessionCommands.execute(domain, recall.command());
		String a = SessionStore.serialize(loaded);
		assertNotEquals(b, a);
		assertEquals(Snapshots.find(loaded, "A").getValues(), Snapshots.capture(loaded), "recalled mix is the stored one");
		assertTrue(domain.getCommandStack().canUndo());
		domain.getCommandStack().undo();
		assertEquals(b, SessionStore.serialize(loaded), "one undo restores the session exactly");
		assertFalse(domain.getCommandStack().canUndo(), "the recall was one command on the stack");
		domain.getCommandStack().redo();
		assertEquals(a, SessionStore.serialize(loaded));
	}

	@Test
	void tracksTheSnapshotDoesNotKnowKeepTheirSettings() throws Exception {
		ok("snapshot", "save", s, "A");
		Session loaded = SessionStore.load(session);
		// a track recorded after the snapshot (and one removed since): made with the model API
		Track extra = org.mixtree.model.MixtreeFactory.eINSTANCE.createTrack();
		extra.setName("Shaker");
		extra.setSource("stems/Kick.wav");
		extra.setGainDb(-7);
		loaded.getTracks().add(extra);
		loaded.getTracks().remove(0); // Bass
		SessionStore.save(loaded, session);
		ok("bus", "add", s, "Keys");
		ok("set", s, "track:Shaker", "output=bus:Keys", "pan=L20");
		ok("send", "add", s, "track:Shaker", "bus:Verb", "--level", "-9");
		ok("send", "add", s, "track:Shaker", "bus:Keys", "--level", "-3");
		Result r = ok("snapshot", "recall", s, "A");
		assertEquals("recalled snapshot A\n  track:Bass is not in the session: left out\n"
				+ "  track:Shaker is not in the snapshot: keeps its current settings\n", r.out());
		var ch = CliEndToEndTest.channels(ok("info", s, "--json").out());
		assertEquals(-7.0, ch.get("track:Shaker").get("gainDb"));
		assertEquals(-0.2, ch.get("track:Shaker").get("pan"));
		// bus:Keys is not in the snapshot: the track goes to the master, its send there goes; the one to bus:Verb stays
		assertEquals("master", ch.get("track:Shaker").get("output"));
		assertFalse(ch.containsKey("bus:Keys"));
		assertEquals("[{to=bus:Verb, levelDb=-9.0, pre=false}]", String.valueOf(ch.get("track:Shaker").get("sends")));
		assertEquals("stems/Kick.wav", ch.get("track:Shaker").get("source"));
		assertFalse(ch.containsKey("track:Bass"));
	}

	// ---------------------------------------------------------------------------------------------- diff

	@Test
	void diffPrintsOneExactLinePerDifference() throws Exception {
		ok("snapshot", "save", s, "A");
		changeToB();
		ok("snapshot", "save", s, "B");
		List<String> expected = List.of( //
				"stage STATIC -> BUSES", //
				"track:Bass solo false -> true", //
				"track:Bass output master -> bus:Drums", //
				"track:Bass insert 1 (org.mixtree.delay) removed", //
				"track:Kick gain -4.0 dB -> 3.0 dB", //
				"track:Kick pan C -> L70", //
				"track:Kick insert 1 (org.mixtree.gate) added", //
				"track:Pad output master -> bus:Keys", //
				"track:Pad send bus:Verb added (-10.0 dB post)", //
				"track:Snare pan C -> R35", //
				"track:Snare mute false -> true", //
				"track:Snare polarity false -> true", //
				"track:Snare send bus:Verb level -12.0 dB -> -6.0 dB", //
				"track:Snare send bus:Verb post -> pre", //
				"bus:Drums insert org.mixtree.compressor moved: slot 2 -> 1", //
				"bus:Drums insert org.mixtree.eq moved: slot 1 -> 2", //
				"bus:Drums insert 2 (org.mixtree.eq) bypass false -> true", //
				"bus:Drums insert 2 (org.mixtree.eq) b1.type peak -> lowshelf", //
				"bus:Drums insert 2 (org.mixtree.eq) b1.gain 3.00 dB -> -2.00 dB", //
				"bus:Old removed", //
				"bus:Keys added");
		assertEquals(String.join("\n", expected) + "\n", ok("snapshot", "diff", s, "A", "B").out());
		// current is the session as it is now; equal mixes print nothing
		assertEquals(String.join("\n", expected) + "\n", ok("snapshot", "diff", s, "a", "current").out());
		assertEquals("", ok("snapshot", "diff", s, "B", "current").out());
		assertEquals("", ok("snapshot", "diff", s, "A", "A").out());
		// and the other way round, each line reads B's value -> A's
		List<String> back = Arrays.asList(ok("snapshot", "diff", s, "B", "A").out().split("\n"));
		assertTrue(back.contains("track:Kick gain 3.0 dB -> -4.0 dB"), back.toString());
		assertTrue(back.contains("bus:Keys removed") && back.contains("bus:Old added"), back.toString());
	}

	// -------------------------------------------------------------------------------------------- render

	@Test
	void renderSnapshotEqualsRenderAfterRecallAndLeavesTheSessionAlone() throws Exception {
		ok("snapshot", "save", s, "A");
		changeToB();
		ok("set", s, "track:Bass", "solo=false");
		byte[] bytes = Files.readAllBytes(session);
		Path viaSnapshot = dir.resolve("a-snapshot.wav");
		ok("render", s, "--snapshot", "a", "-o", viaSnapshot.toString());
		assertTrue(Arrays.equals(bytes, Files.readAllBytes(session)), "render --snapshot wrote nothing to the session");
		Path current = dir.resolve("b.wav");
		ok("render", s, "-o", current.toString());
		ok("snapshot", "recall", s, "A");
		Path recalled = dir.resolve("a-recalled.wav");
		ok("render", s, "-o", recalled.toString());
		float[][] x = CliEndToEndTest.read(viaSnapshot);
		float[][] y = CliEndToEndTest.read(recalled);
		assertEquals(y[0].length, x[0].length);
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < x[c].length; i++) {
				assertEquals(y[c][i], x[c][i], 0f, "null test, channel " + c + " frame " + i);
			}
		}
		// and it is another mix than the session's as it was
		assertFalse(Arrays.equals(Files.readAllBytes(current), Files.readAllBytes(viaSnapshot)));
	}

	@Test
	void renderSnapshotStillGuardsEverySource() throws Exception {
		ok("snapshot", "save", s, "A");
		byte[] bytes = Files.readAllBytes(session);
		Path kick = dir.resolve("stems/Kick.wav");
		byte[] kickBytes = Files.readAllBytes(kick);
		Result r = CliEndToEndTest.cli("render", s, "--snapshot", "A", "-o", kick.toString());
		assertEquals(1, r.code(), r.err());
		assertTrue(r.err().contains("Kick.wav") && r.err().contains("track:Kick"), r.err());
		assertTrue(Arrays.equals(kickBytes, Files.readAllBytes(kick)));
		assertTrue(Arrays.equals(bytes, Files.readAllBytes(session)));
	}

	// ------------------------------------------------------------------------------------------------ ab

	private static final Pattern AB = Pattern.compile(
			"(\\w+): (-?\\d+\\.\\d) LUFS, true peak ([+-]?\\d+\\.\\d) dBTP\n(\\w+): (-?\\d+\\.\\d) LUFS, true peak ([+-]?\\d+\\.\\d) dBTP\n"
					+ "trim (\\w+) by (-?\\d+\\.\\d) dB to match (\\w+) \\(loudness-matched A/B compares balance, not level\\)\n");

	/** Integrated loudness and true peak by ffmpeg's ebur128 filter, of the first {@code seconds} (0: all). */
	private static double[] ffmpeg(Path wav, double seconds) throws Exception {
		String out = seconds > 0
				? CliEndToEndTest.run("ffmpeg", "-nostats", "-t", String.valueOf(seconds), "-i", wav.toString(), "-filter_complex",
						"ebur128=peak=true", "-f", "null", "-")
				: CliEndToEndTest.run("ffmpeg", "-nostats", "-i", wav.toString(), "-filter_complex", "ebur128=peak=true", "-f",
						"null", "-");
		String summary = out.substring(out.lastIndexOf("Summary:"));
		Matcher i = Pattern.compile("I:\\s+(-?\\d+\\.\\d) LUFS").matcher(summary);
		Matcher p = Pattern.compile("Peak:\\s+(-?\\d+\\.\\d) dBFS").matcher(summary);
		assertTrue(i.find() && p.find(), summary);
		return new double[] { Double.parseDouble(i.group(1)), Double.parseDouble(p.group(1)) };
	}

	@ParameterizedTest
	@CsvSource({ "0", "1.5" })
	void abMatchesFfmpegEbur128AndTrimsTheLouder(double seconds) throws Exception {
		ok("snapshot", "save", s, "Quiet");
		ok("set", s, "track:Kick", "gain=4");
		ok("set", s, "track:Pad", "gain=2");
		ok("snapshot", "save", s, "Loud");
		Path a = dir.resolve("quiet.wav");
		Path b = dir.resolve("loud.wav");
		ok("render", s, "--snapshot", "Quiet", "-o", a.toString());
		ok("render", s, "--snapshot", "Loud", "-o", b.toString());
		double[] fa = ffmpeg(a, seconds);
		double[] fb = ffmpeg(b, seconds);
		long tempsBefore = abTemps();
		Result r = seconds > 0 ? ok("snapshot", "ab", s, "quiet", "loud", "--seconds", seconds + "s")
				: ok("snapshot", "ab", s, "quiet", "loud");
		assertEquals(tempsBefore, abTemps(), "the renders are removed");
		Matcher m = AB.matcher(r.out());
		assertTrue(m.matches(), r.out());
		assertEquals("Quiet", m.group(1));
		assertEquals("Loud", m.group(4));
		// tolerances: the printed 0.1 LU/dB rounding of both sides plus 0.1 LU between two BS.1770 meters, and 0.3 dB
		// between two true-peak interpolators (ffmpeg oversamples 4x, BS.1770 allows 0.55 dB under-read at 4x)
		assertEquals(fa[0], Double.parseDouble(m.group(2)), 0.2, "A integrated vs ffmpeg");
		assertEquals(fb[0], Double.parseDouble(m.group(5)), 0.2, "B integrated vs ffmpeg");
		assertEquals(fa[1], Double.parseDouble(m.group(3)), 0.3, "A true peak vs ffmpeg");
		assertEquals(fb[1], Double.parseDouble(m.group(6)), 0.3, "B true peak vs ffmpeg");
		assertEquals("Loud", m.group(7), "the louder is trimmed");
		assertEquals("Quiet", m.group(9));
		assertEquals(Double.parseDouble(m.group(2)) - Double.parseDouble(m.group(5)), Double.parseDouble(m.group(8)), 1e-9,
				"trim = quieter - louder, as printed");
		assertTrue(Double.parseDouble(m.group(8)) < -1, "the kick +8 dB and the pad +2 dB are louder: " + r.out());
	}

	/**
	 * {@code --seconds} renders only that much of each mix, and without it the whole length is rendered: on a session
	 * of 20 s sources (8 kHz, made with sox) whose FLAC take (noise, about 12 KB a second) is damaged after 12 s,
	 * {@code ab --seconds 2} agrees with ffmpeg on the first 2 s of the renders made before the damage (nothing after
	 * 2 s is read), while {@code ab} without it reaches the damage and says so in one line.
	 */
	@Test
	void abSecondsRendersOnlyThatMuchAndWithoutItTheWholeLength() throws Exception {
		Path stems = dir.resolve("long");
		Files.createDirectories(stems);
		Path take = stems.resolve("Take.flac");
		CliEndToEndTest.run("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", take.toString(), "synth", "20", "pinknoise",
				"vol", "0.3");
		CliEndToEndTest.run("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", stems.resolve("Bed.wav").toString(), "synth",
				"20", "sine", "110", "vol", "0.2");
		String l = dir.resolve("long.mixtree").toString();
		ok("new", l, "--stems", stems.toString(), "--group", "flat");
		ok("snapshot", "save", l, "A");
		ok("set", l, "track:Take", "gain=5");
		ok("snapshot", "save", l, "B");
		Path a = dir.resolve("a.wav");
		Path b = dir.resolve("b.wav");
		ok("render", l, "--snapshot", "A", "-o", a.toString());
		ok("render", l, "--snapshot", "B", "-o", b.toString());
		double[] fa = ffmpeg(a, 2);
		double[] fb = ffmpeg(b, 2);
		// 64 bytes in the middle of the take's frame at 60 % (about 12 s) are overwritten: the file's length and its
		// last frames are whole (it opens), the damaged frame fails its checks when a render reaches it
		byte[] bytes = Files.readAllBytes(take);
		Arrays.fill(bytes, bytes.length * 6 / 10, bytes.length * 6 / 10 + 64, (byte) 0x55);
		Files.write(take, bytes);

		Result r = ok("snapshot", "ab", l, "A", "B", "--seconds", "2");
		Matcher m = AB.matcher(r.out());
		assertTrue(m.matches(), r.out());
		assertEquals(fa[0], Double.parseDouble(m.group(2)), 0.2, "A integrated vs ffmpeg, first 2 s");
		assertEquals(fb[0], Double.parseDouble(m.group(5)), 0.2, "B integrated vs ffmpeg, first 2 s");
		assertEquals(fa[1], Double.parseDouble(m.group(3)), 0.3, "A true peak vs ffmpeg, first 2 s");
		assertEquals(fb[1], Double.parseDouble(m.group(6)), 0.3, "B true peak vs ffmpeg, first 2 s");

		Result whole20 = CliEndToEndTest.cli("snapshot", "ab", l, "A", "B");
		assertEquals(1, whole20.code(), whole20.out() + whole20.err());
		assertEquals(1, whole20.err().lines().count(), whole20.err());
		assertTrue(whole20.err().startsWith("mixtree: " + take) && whole20.err().contains("corrupt FLAC data"), whole20.err());
	}

	private static long abTemps() throws IOException {
		try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			return list.filter(p -> p.getFileName().toString().startsWith("mixtree-ab")).count();
		}
	}

	// ------------------------------------------------------------------------------------------ refusals

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { //
			"snapshot recall SESSION Rugh|unknown snapshot 'Rugh' (did you mean Rough?)", //
			"snapshot delete SESSION Final|unknown snapshot 'Final' (snapshots: Rough, Other)", //
			"snapshot diff SESSION Rough Nope|unknown snapshot 'Nope' (snapshots: Rough, Other)", //
			"snapshot ab SESSION Rough Nope|unknown snapshot 'Nope' (snapshots: Rough, Other)", //
			"render SESSION --snapshot Nope -o OUT|unknown snapshot 'Nope' (snapshots: Rough, Other)", //
			"snapshot save SESSION rough|snapshot 'Rough' exists (use --force to replace it)", //
			"snapshot rename SESSION Other ROUGH|snapshot 'Rough' exists; delete it first or choose another name", //
			"snapshot save SESSION Current|'current' names the session as it is now; choose another snapshot name", //
			"snapshot rename SESSION Rough current|'current' names the session as it is now; choose another snapshot name" })
	void refusalsAreOneLineAndLeaveTheFileAlone(String command, String message) throws Exception {
		ok("snapshot", "save", s, "Rough");
		ok("set", s, "track:Kick", "gain=-1");
		ok("snapshot", "save", s, "Other");
		byte[] bytes = Files.readAllBytes(session);
		String[] words = command.replace("SESSION", s).replace("OUT", dir.resolve("out.wav").toString()).split(" ");
		Result r = CliEndToEndTest.cli(words);
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: " + s + ": " + message + "\n", r.err());
		assertTrue(Arrays.equals(bytes, Files.readAllBytes(session)), "the session file is unchanged");
		assertFalse(Files.exists(dir.resolve("out.wav")));
	}

	@Test
	void forceReplacesRenameAndDeleteWork() throws Exception {
		ok("snapshot", "save", s, "Rough");
		ok("set", s, "track:Kick", "gain=-1");
		assertEquals("replaced snapshot Rough (5 tracks, 3 buses)\n", ok("snapshot", "save", s, "rough", "--force").out());
		assertEquals("", ok("snapshot", "diff", s, "Rough", "current").out());
		assertEquals("renamed snapshot Rough -> Mix 1\n", ok("snapshot", "rename", s, "ROUGH", "Mix 1").out());
		assertEquals("Mix 1\n", ok("snapshot", "list", s).out());
		assertEquals("deleted snapshot Mix 1\n", ok("snapshot", "delete", s, "mix 1").out());
		assertEquals("", ok("snapshot", "list", s).out());
	}
}
