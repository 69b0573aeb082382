package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/** Renders through real files: {@link Engine#render} with the audio.io readers and writers. */
class RenderFileTest {

	@TempDir
	Path dir;

	static void writeWav(Path file, float[][] x, SampleFormat format) throws IOException {
		try (WavWriter w = new WavWriter(file, x.length, 48000, format, 1)) {
			w.write(x, 0, x[0].length);
		}
	}

	static float[][] readWav(Path file) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			float[][] x = new float[r.channels()][(int) r.frames()];
			int got = 0;
			while (got < x[0].length) {
				int n = r.read(x, got, x[0].length - got);
				assertTrue(n > 0, "short read of " + file);
				got += n;
			}
			return x;
		}
	}

	private static Channel bus(String name, String output, double gainDb, double pan) {
		return new Channel(name.toLowerCase(), name, Kind.BUS, null, gainDb, pan, false, false, false, output);
	}

	private static Channel track(String name, String output, Path file, double gainDb, double pan, long offset) {
		return new Channel(name.toLowerCase(), name, Kind.TRACK, new Source(file, 0, offset), gainDb, pan, false, false,
				false, output);
	}

	/** Two top-level buses, a mono and a stereo source, an offset, under the -3 dB law. */
	private record Session(Plan plan, float[][] mono, float[][] stereo) {
	}

	private Session session() throws Exception {
		float[][] mono = Mix.sine(11, 0.6, 30000);
		float[][] stereo = Mix.noise(21, 2, 24000);
		writeWav(dir.resolve("mono.wav"), mono, SampleFormat.F32);
		writeWav(dir.resolve("stereo.wav"), stereo, SampleFormat.F32);
		GraphDescription g = new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), bus("Drums", "master", -2, 0), bus("Keys", "master", 0, 0.5),
						track("Kick", "drums", dir.resolve("mono.wav"), 0, -0.5, 0),
						track("Pad", "keys", dir.resolve("stereo.wav"), 3, 0, 10000)));
		return new Session(Engine.compile(g), mono, stereo);
	}

	/** The expected master and stems of {@link #session()}, from the formulas of DESIGN.md. */
	private static double[][][] expected(Session s) {
		int n = 34000; // Pad: offset 10000 + 24000 frames
		double th = (-0.5 + 1) * Math.PI / 4;
		double drums = Math.pow(10, -2 / 20.0);
		double pad = Math.pow(10, 3 / 20.0);
		double[][] d = new double[2][n];
		double[][] k = new double[2][n];
		for (int i = 0; i < n; i++) {
			double m = i < 30000 ? s.mono[0][i] : 0;
			d[0][i] = drums * Math.cos(th) * m;
			d[1][i] = drums * Math.sin(th) * m;
			boolean on = i >= 10000;
			k[0][i] = on ? 0.5 * pad * s.stereo[0][i - 10000] : 0; // Keys balance 0.5: L * 0.5
			k[1][i] = on ? pad * s.stereo[1][i - 10000] : 0;
		}
		double[][] master = new double[2][n];
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < n; i++) {
				master[c][i] = d[c][i] + k[c][i];
			}
		}
		return new double[][][] { master, d, k };
	}

	@ParameterizedTest
	@EnumSource(SampleFormat.class)
	void rendersMasterAndStemsToFilesThatReadBack(SampleFormat format) throws Exception {
		Session s = session();
		Path out = dir.resolve("mix.wav");
		Path stems = dir.resolve("stems");
		List<Double> progress = new ArrayList<>();
		RenderResult r = Engine.render(s.plan, RenderOptions.of(out, format).withStemsDir(stems).withBlockSize(1000),
				progress::add);
		assertEquals(34000, r.frames());
		assertEquals(34000 / 48000.0, r.durationSeconds(), 1e-12);
		assertTrue(r.realtimeFactor() > 0);
		assertEquals(List.of(stems.resolve("Drums.wav"), stems.resolve("Keys.wav")), r.stems());
		assertEquals(1.0, progress.get(progress.size() - 1));
		for (int i = 1; i < progress.size(); i++) {
			assertTrue(progress.get(i) >= progress.get(i - 1), "progress goes forward");
		}

		double[][][] want = expected(s);
		// f32: float rounding only. s24 / s16: TPDF dither of +-1 LSB plus rounding of 1/2 LSB
		double tol = switch (format) {
		case F32 -> 1e-6;
		case S24 -> 1.5 / (1 << 23) + 1e-6;
		case S16 -> 1.5 / (1 << 15) + 1e-6;
		};
		Path[] files = { out, stems.resolve("Drums.wav"), stems.resolve("Keys.wav") };
		for (int f = 0; f < files.length; f++) {
			float[][] got = readWav(files[f]);
			assertEquals(2, got.length, files[f].toString());
			assertEquals(34000, got[0].length, files[f].toString());
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < 34000; i++) {
					assertEquals(want[f][c][i], got[c][i], tol, files[f] + " channel " + c + " frame " + i);
				}
			}
		}
		double peak = 0;
		for (double[] c : want[0]) {
			for (double v : c) {
				peak = Math.max(peak, Math.abs(v));
			}
		}
		// the peak is measured on the float master, before quantisation
		assertEquals(20 * Math.log10(peak), r.samplePeakDbfs(), 1e-4);
		try (Stream<Path> left = Files.list(dir)) {
			assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
		}
	}

	/**
	 * A length limit renders the first frames of the timeline and nothing after them: the mix and each stem are the
	 * first 12345 frames of the formulas' (a limit that ends inside a block and before the longest source).
	 */
	@Test
	void aLengthLimitRendersTheFirstFramesOnly() throws Exception {
		Session s = session();
		Path out = dir.resolve("mix.wav");
		Path stems = dir.resolve("stems");
		RenderOptions options = RenderOptions.of(out, SampleFormat.F32).withStemsDir(stems).withBlockSize(1000)
				.withMaxSeconds(12345 / 48000.0);
		assertEquals(12345, options.maxFrames(48000));
		assertEquals(Long.MAX_VALUE, RenderOptions.of(out, SampleFormat.F32).maxFrames(48000));
		RenderResult r = Engine.render(s.plan, options, null);
		assertEquals(12345, r.frames());
		double[][][] want = expected(s);
		Path[] files = { out, stems.resolve("Drums.wav"), stems.resolve("Keys.wav") };
		for (int f = 0; f < files.length; f++) {
			float[][] got = readWav(files[f]);
			assertEquals(12345, got[0].length, files[f].toString());
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < 12345; i++) {
					assertEquals(want[f][c][i], got[c][i], 1e-6, files[f] + " channel " + c + " frame " + i);
				}
			}
		}
		assertThrows(IllegalArgumentException.class, () -> options.withMaxSeconds(0));
	}

	@Test
	void integratedLoudnessOfTheEbuReferenceSine() throws Exception {
		// EBU Tech 3341, test 1: a 1 kHz sine at -23 dBFS in both channels reads -23.0 LUFS (+-0.1 LU)
		int n = 48000 * 20;
		float[] x = new float[n];
		double a = Math.pow(10, -23 / 20.0);
		for (int i = 0; i < n; i++) {
			x[i] = (float) (a * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
		}
		writeWav(dir.resolve("sine.wav"), new float[][] { x, x }, SampleFormat.F32);
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB, List.of(bus("Master", null, 0, 0),
				track("Sine", "master", dir.resolve("sine.wav"), 0, 0, 0))));
		RenderResult r = Engine.render(plan, RenderOptions.of(dir.resolve("out.wav"), SampleFormat.F32), null);
		assertEquals(-23.0, r.integratedLufs(), 0.1);
		assertEquals(-23.0, r.samplePeakDbfs(), 0.01);
	}

	@Test
	void aStemTruncatedMidRenderLeavesNoOutputAndNamesTheFile() throws Exception {
		float[][] x = Mix.noise(5, 1, 200_000);
		Path victim = dir.resolve("victim.wav");
		writeWav(victim, x, SampleFormat.F32);
		writeWav(dir.resolve("other.wav"), x, SampleFormat.F32);
		Path out = dir.resolve("mix.wav");
		Files.writeString(out, "an earlier render");
		Path stems = dir.resolve("stems");
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), bus("Bus", "master", 0, 0),
						track("Other", "bus", dir.resolve("other.wav"), 0, 0, 0), track("Victim", "bus", victim, 0, 0, 0))));
		AtomicBoolean cut = new AtomicBoolean();
		AudioFileException e = assertThrows(AudioFileException.class,
				() -> Engine.render(plan, RenderOptions.of(out, SampleFormat.S24).withStemsDir(stems), fraction -> {
					if (fraction > 0.2 && cut.compareAndSet(false, true)) {
						// the file shrinks under the reader, as a copy cut short would
						try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
							f.setLength(f.length() / 2);
						} catch (IOException io) {
							throw new java.io.UncheckedIOException(io);
						}
					}
				}));
		assertTrue(cut.get());
		assertEquals(victim.toAbsolutePath().normalize(), e.file().toAbsolutePath().normalize());
		assertTrue(e.getMessage().contains("victim.wav"), e.getMessage());
		assertEquals("an earlier render", Files.readString(out), "the old output is left as it was");
		assertFalse(Files.exists(stems.resolve("Bus.wav")));
		try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(stems))) {
			assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList());
		}
	}

	@Test
	void anInterruptStopsTheRenderWithoutOutput() throws Exception {
		writeWav(dir.resolve("a.wav"), Mix.noise(3, 1, 100_000), SampleFormat.F32);
		Path out = dir.resolve("mix.wav");
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), track("A", "master", dir.resolve("a.wav"), 0, 0, 0))));
		try {
			assertThrows(java.io.InterruptedIOException.class, () -> Engine.render(plan,
					RenderOptions.of(out, SampleFormat.F32).withBlockSize(1024), fraction -> {
						if (fraction > 0.5) {
							Thread.currentThread().interrupt();
						}
					}));
		} finally {
			Thread.interrupted();
		}
		assertFalse(Files.exists(out));
	}

	@Test
	void aMissingStemFailsBeforeWritingAnything() throws Exception {
		Path out = dir.resolve("mix.wav");
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), track("Gone", "master", dir.resolve("gone.wav"), 0, 0, 0))));
		AudioFileException e = assertThrows(AudioFileException.class,
				() -> Engine.render(plan, RenderOptions.of(out, SampleFormat.F32), null));
		assertTrue(e.getMessage().contains("gone.wav"), e.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void anUnwritableOutputNamesIt() throws Exception {
		writeWav(dir.resolve("a.wav"), Mix.dc(0.1f, 100), SampleFormat.F32);
		Path out = dir.resolve("no-such-dir").resolve("mix.wav");
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), track("A", "master", dir.resolve("a.wav"), 0, 0, 0))));
		AudioFileException e = assertThrows(AudioFileException.class,
				() -> Engine.render(plan, RenderOptions.of(out, SampleFormat.F32), null));
		assertTrue(e.getMessage().contains("mix.wav"), e.getMessage());
	}

	@Test
	void stemFileNamesAreSafeAndDistinct() throws Exception {
		assertEquals("Drums.wav", OfflineRenderer.stemFileName("Drums"));
		assertEquals("AC_DC.wav", OfflineRenderer.stemFileName("AC/DC"));
		assertEquals("_...wav", OfflineRenderer.stemFileName(".."));
		writeWav(dir.resolve("a.wav"), Mix.dc(0.1f, 100), SampleFormat.F32);
		Plan plan = Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(bus("Master", null, 0, 0), new Channel("b1", "Keys", Kind.BUS, null, 0, 0, false, false, false,
						"master"), new Channel("b2", "keys", Kind.BUS, null, 0, 0, false, false, false, "master"),
						track("A", "b1", dir.resolve("a.wav"), 0, 0, 0))));
		AudioFileException e = assertThrows(AudioFileException.class, () -> Engine.render(plan,
				RenderOptions.of(dir.resolve("mix.wav"), SampleFormat.F32).withStemsDir(dir.resolve("stems")), null));
		assertEquals(dir.resolve("stems").resolve("keys.wav") + ": both bus:Keys and bus:keys would write this stem",
				e.getMessage());
		assertFalse(Files.exists(dir.resolve("mix.wav")));
	}
}
