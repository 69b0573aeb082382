package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.OutputGuard.RefusedException;
import org.mixtree.engine.OutputGuard.RefusedException.Reason;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/**
 * What a render writes: every output through the one {@link OutputGuard} before anything is written (sources, the
 * session file, two outputs that are one file, names that are not WAV), the mix's notes (solo), and the count of
 * samples clipped by 16/24-bit output, against a count taken from the sine's formula and from the file read back.
 */
class RenderOutputsTest {

	@TempDir
	Path dir;

	private static Channel bus(String name, String output) {
		return new Channel(output == null ? "master" : "bus:" + name, name, Kind.BUS, null, 0, 0, false, false, false,
				output);
	}

	private static Channel track(String name, String output, Path file) {
		return new Channel("track:" + name, name, Kind.TRACK, new Source(file, 0, 0), 0, 0, false, false, false, output);
	}

	/** Sources in {@code dir/stems}: Bass.wav (mono, 24-bit, as a recorded take) and Kick.wav; buses Bass and Drums. */
	private Plan sourcesAndBuses() throws Exception {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		RenderFileTest.writeWav(stems.resolve("Bass.wav"), Mix.sine(3, 0.3, 4800), SampleFormat.S24);
		RenderFileTest.writeWav(stems.resolve("Kick.wav"), Mix.sine(5, 0.3, 4800), SampleFormat.S24);
		return Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null), bus("Bass", "master"), bus("Drums", "master"),
						track("Bass", "bus:Bass", stems.resolve("Bass.wav")),
						track("Kick", "bus:Drums", stems.resolve("Kick.wav")))));
	}

	/** Every file under {@code dir} with its bytes, to show that a refused render changed nothing. */
	private List<String> snapshot() throws IOException {
		List<String> all = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted().toList()) {
				all.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) : "/"));
			}
		}
		return all;
	}

	private RefusedException refused(Plan plan, RenderOptions options) throws Exception {
		List<String> before = snapshot();
		RefusedException e = assertThrows(RefusedException.class, () -> Engine.render(plan, options, null));
		assertEquals(before, snapshot(), "a refused render writes nothing (no file, no folder, no temporary)");
		return e;
	}

	@Test
	void stemsIntoTheSourcesFolderAreRefusedNamingTheTrack() throws Exception {
		Plan plan = sourcesAndBuses();
		Path stems = dir.resolve("stems");
		byte[] bass = Files.readAllBytes(stems.resolve("Bass.wav"));
		RefusedException e = refused(plan,
				RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32).withStemsDir(stems));
		assertEquals(stems.resolve("Bass.wav") + ": is the source of track:Bass", e.getMessage());
		assertEquals(Reason.READ_BY_SESSION, e.reason());
		assertEquals(stems.resolve("Bass.wav"), e.output());
		assertArrayEquals(bass, Files.readAllBytes(stems.resolve("Bass.wav")));
		assertFalse(Files.exists(dir.resolve("mix.wav")));
	}

	@Test
	void aSymlinkedStemsFolderIsSeenThrough() throws Exception {
		Plan plan = sourcesAndBuses();
		Path link = Files.createSymbolicLink(dir.resolve("bounce"), dir.resolve("stems"));
		RefusedException e = refused(plan, RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32)
				.withStemsDir(link.resolve("sub/..")));
		assertTrue(e.getMessage().endsWith("Bass.wav: is the source of track:Bass"), e.getMessage());
	}

	@Test
	void aHardLinkOrSymlinkToASourceIsRefusedAsTheMix() throws Exception {
		Plan plan = sourcesAndBuses();
		Path hard = Files.createLink(dir.resolve("hard.wav"), dir.resolve("stems/Kick.wav"));
		assertEquals(hard + ": is the source of track:Kick",
				refused(plan, RenderOptions.of(hard, SampleFormat.S16)).getMessage());
		Path soft = Files.createSymbolicLink(dir.resolve("soft.wav"), dir.resolve("stems/Bass.wav"));
		assertEquals(soft + ": is the source of track:Bass",
				refused(plan, RenderOptions.of(soft, SampleFormat.S16)).getMessage());
	}

	@Test
	void theFolderOfARefusedRenderIsNotMade() throws Exception {
		Plan plan = sourcesAndBuses();
		Path source = dir.resolve("stems/Kick.wav");
		Path newStems = dir.resolve("new/stems");
		refused(plan, RenderOptions.of(source, SampleFormat.F32).withStemsDir(newStems));
		assertFalse(Files.exists(dir.resolve("new")));
	}

	@Test
	void keptFilesSuchAsTheSessionAreRefused() throws Exception {
		Plan plan = sourcesAndBuses();
		Path session = Files.writeString(dir.resolve("song.wav"), "<session/>");
		RefusedException e = refused(plan,
				RenderOptions.of(dir.resolve("./song.wav"), SampleFormat.F32).withKeep(session, "the session file"));
		assertEquals(dir.resolve("./song.wav") + ": is the session file", e.getMessage());
	}

	@Test
	void twoOutputsThatAreOneFileAreRefused() throws Exception {
		Plan plan = sourcesAndBuses();
		Path out = Files.createDirectories(dir.resolve("out"));
		RefusedException e = refused(plan,
				RenderOptions.of(out.resolve("drums.WAV"), SampleFormat.F32).withStemsDir(out));
		assertEquals(Reason.WRITTEN_TWICE, e.reason());
		assertEquals(out.resolve("Drums.wav") + ": would hold both the mix and the stem of bus:Drums (the same file as "
				+ out.resolve("drums.WAV") + ")", e.getMessage());
	}

	@ParameterizedTest
	@CsvSource({ "out.mp3", "out.flac", "out", "out.wav.mp3", "out.bwf" })
	void namesMixtreeDoesNotWriteAreRefused(String name) throws Exception {
		Plan plan = sourcesAndBuses();
		RefusedException e = refused(plan, RenderOptions.of(dir.resolve(name), SampleFormat.S24));
		assertEquals(Reason.NOT_WAV, e.reason());
		assertEquals(dir.resolve(name) + ": Mixtree writes WAV files only; name it with .wav or .wave", e.getMessage());
	}

	@ParameterizedTest
	@CsvSource({ "out.wav", "OUT.WAV", "out.wave" })
	void wavNamesAreWritten(String name) throws Exception {
		Plan plan = sourcesAndBuses();
		RenderResult r = Engine.render(plan, RenderOptions.of(dir.resolve(name), SampleFormat.S24), null);
		assertTrue(Files.isRegularFile(r.output()));
	}

	@Test
	void busNamesStayInsideTheStemsFolderAndCollisionsAreRefused() throws Exception {
		Path src = dir.resolve("a.wav");
		RenderFileTest.writeWav(src, Mix.dc(0.1f, 100), SampleFormat.F32);
		Path stems = dir.resolve("stems");
		List<Channel> channels = new ArrayList<>(List.of(bus("Master", null), track("A", "bus:..", src)));
		for (String name : List.of("..", "../up", "a/b", "c\\d", "/abs", ".")) {
			channels.add(bus(name, "master"));
		}
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB, channels));
		List<OutputGuard.Output> outputs = Engine.outputs(plan,
				RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32).withStemsDir(stems));
		assertEquals(7, outputs.size());
		assertEquals("the stem of bus:../up", outputs.get(2).role());
		for (OutputGuard.Output o : outputs.subList(1, outputs.size())) {
			Path p = o.file();
			assertEquals(stems, p.getParent(), p.toString());
			assertEquals(stems, p.toAbsolutePath().normalize().getParent(), p.toString());
		}
		// a/b and a_b make the same file: refused before anything is written
		Plan clash = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null), bus("A/B", "master"), bus("A_B", "master"), track("A", "bus:A/B", src))));
		List<String> before = snapshot();
		AudioFileException e = assertThrows(AudioFileException.class, () -> Engine.render(clash,
				RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32).withStemsDir(stems), null));
		assertEquals(stems.resolve("A_B.wav") + ": both bus:A/B and bus:A_B would write this stem", e.getMessage());
		assertEquals(before, snapshot());
	}

	// ------------------------------------------------------------------------------------------- notes

	@Test
	void soloInForceIsNoted() throws Exception {
		Path src = dir.resolve("a.wav");
		RenderFileTest.writeWav(src, Mix.dc(0.1f, 100), SampleFormat.F32);
		List<Channel> channels = List.of(bus("Master", null), bus("Vocals", "master"),
				new Channel("track:Kick", "Kick", Kind.TRACK, new Source(src, 0, 0), 0, 0, false, true, false, "master"),
				new Channel("bus:Keys", "Keys", Kind.BUS, null, 0, 0, false, true, false, "master"),
				track("Pad", "bus:Vocals", src));
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB, channels));
		assertEquals(List.of("solo in force: track:Kick, bus:Keys (only what they let through is heard)"), plan.notes());
		RenderResult r = Engine.render(plan, RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32), null);
		assertEquals(plan.notes(), r.notes());
		Plan none = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null), track("Pad", "master", src))));
		assertEquals(List.of(), none.notes());
	}

	// ------------------------------------------------------------------------------------------- clipping

	static final int RATE = 48000;
	/** 375 Hz at 48 kHz: 128 samples a period, so a second holds 375 whole periods. */
	static final int PERIOD = 128;
	static final double[] AMPLITUDE = { 1.25, 1.1 };
	static final double[] PHASE = { 0.0123, 1.0 };

	/** The stereo test sine as the source file stores it (float), left and right at different amplitudes. */
	static float[][] overSine(int frames) {
		float[][] x = new float[2][frames];
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < frames; i++) {
				x[c][i] = (float) (AMPLITUDE[c] * Math.sin(2 * Math.PI * i / PERIOD + PHASE[c]));
			}
		}
		return x;
	}

	/**
	 * Samples over full scale from the formula: per period, the k with |A sin(2 pi k / 128 + phase)| &gt; 1, times the
	 * periods. Also checks that no sample lies within 0.001 of full scale, where the dither could decide either way,
	 * and that the count agrees with the continuous fraction 1 - (2/pi) asin(1/A) within 4 samples a period.
	 */
	static long expectedOvers(int frames) {
		assertEquals(0, frames % PERIOD);
		long total = 0;
		for (int c = 0; c < 2; c++) {
			int perPeriod = 0;
			for (int k = 0; k < PERIOD; k++) {
				double v = Math.abs(AMPLITUDE[c] * Math.sin(2 * Math.PI * k / PERIOD + PHASE[c]));
				assertTrue(Math.abs(v - 1) > 1e-3, "sample " + k + " too close to full scale: " + v);
				perPeriod += v > 1 ? 1 : 0;
			}
			double fraction = 1 - 2 / Math.PI * Math.asin(1 / AMPLITUDE[c]);
			assertEquals(fraction * PERIOD, perPeriod, 4, "channel " + c);
			total += (long) perPeriod * (frames / PERIOD);
		}
		return total;
	}

	/** Samples at the integer format's extreme codes in the file read back: what clipping leaves. */
	static long atFullScale(float[][] y, int bits) {
		double top = 1 - Math.scalb(1.0, -(bits - 1)) - 1e-9;
		long n = 0;
		for (float[] ch : y) {
			for (float v : ch) {
				n += v >= top || v <= -1 ? 1 : 0;
			}
		}
		return n;
	}

	@ParameterizedTest
	@CsvSource({ "S16, 16", "S24, 24" })
	void samplesClippedByFixedPointOutputAreCounted(SampleFormat format, int bits) throws Exception {
		int frames = RATE;
		Path src = dir.resolve("over.wav");
		RenderFileTest.writeWav(src, overSine(frames), SampleFormat.F32);
		Path stems = dir.resolve("stems");
		Plan plan = Engine.compile(new GraphDescription(RATE, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null), bus("Over", "master"), track("Over", "bus:Over", src))));
		Path out = dir.resolve("mix.wav");
		RenderResult r = Engine.render(plan, RenderOptions.of(out, format).withStemsDir(stems), null);
		long expected = expectedOvers(frames);
		long inFile = atFullScale(RenderFileTest.readWav(out), bits);
		System.out.printf("%s: %d samples over full scale by the formula, %d at full scale in the file, %d counted%n",
				format, expected, inFile, r.masterClippedSamples());
		assertEquals(expected, inFile, "the file read back");
		assertEquals(expected, r.masterClippedSamples());
		assertEquals(expected, r.clippedSamples().get(stems.resolve("Over.wav")), "the stem, counted on its own");
		assertEquals(20 * Math.log10(1.25), r.samplePeakDbfs(), 0.01);
	}

	@Test
	void floatOutputClipsNothing() throws Exception {
		int frames = RATE / 2 / PERIOD * PERIOD;
		Path src = dir.resolve("over.wav");
		RenderFileTest.writeWav(src, overSine(frames), SampleFormat.F32);
		Plan plan = Engine.compile(new GraphDescription(RATE, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null), track("Over", "master", src))));
		Path out = dir.resolve("mix.wav");
		RenderResult r = Engine.render(plan, RenderOptions.of(out, SampleFormat.F32), null);
		assertEquals(0, r.masterClippedSamples());
		float[][] y = RenderFileTest.readWav(out);
		long over = 0;
		for (float[] ch : y) {
			for (float v : ch) {
				over += Math.abs(v) > 1 ? 1 : 0;
			}
		}
		assertEquals(expectedOvers(frames), over, "the float file keeps every sample over full scale");
	}
}
