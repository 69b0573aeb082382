package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixtree.cli.CliEndToEndTest.cli;
import static org.mixtree.cli.CliEndToEndTest.ok;
import static org.mixtree.cli.CliEndToEndTest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * {@code render --stems-depth N -o DIR} end to end on a nested session: Guitars{Acoustics{ac1, ac2}, Electrics{
 * Electrics, el2}, a direct guitar track}, Drums{kick, snare}, a reverb return Verb fed by a send from ac1, and vox
 * straight to the master, with gains and pans on every level and a linear EQ on Guitars. The stems of a level sum
 * to the mix (rendered with {@code -o mix.wav}) within -120 dBFS, a stem is the bus as the master hears it soloed
 * (the return apart, even through a compressor above it), and the master's inserts apply only with
 * {@code --master-processing}.
 */
class StemsByDepthCliTest {

	@TempDir
	Path dir;
	Path sources;
	String s;

	static final int RATE = 48000;
	static final int FRAMES = 24000;
	/** -120 dBFS */
	static final double NULL = Math.pow(10, -120 / 20.0);

	@BeforeEach
	void session() throws Exception {
		sources = dir.resolve("sources");
		Files.createDirectories(sources);
		int seed = 0;
		for (String mono : List.of("ac1", "Electrics", "el2", "gdirect", "kick", "vox")) {
			write(mono, 1, seed++);
		}
		for (String stereo : List.of("ac2", "snare")) {
			write(stereo, 2, seed++);
		}
		Path session = dir.resolve("song.mixtree");
		s = session.toString();
		ok("new", s, "--stems", sources.toString(), "--group", "flat");
		ok("bus", "add", s, "Guitars");
		ok("bus", "add", s, "Acoustics", "--output", "bus:Guitars");
		ok("bus", "add", s, "Electrics", "--output", "bus:Guitars");
		ok("bus", "add", s, "Drums");
		ok("bus", "add", s, "Verb");
		for (String[] t : new String[][] { { "ac1", "Acoustics", "-2", "L40" }, { "ac2", "Acoustics", "-1", "R10" },
				{ "Electrics", "Electrics", "-4", "L70" }, { "el2", "Electrics", "1", "R60" },
				{ "gdirect", "Guitars", "-3", "R20" }, { "kick", "Drums", "-1", "C" }, { "snare", "Drums", "-2", "L15" },
				{ "vox", "master", "-2.5", "R5" } }) {
			ok("set", s, "track:" + t[0], "output=" + (t[1].equals("master") ? "master" : "bus:" + t[1]), "gain=" + t[2],
					"pan=" + t[3]);
		}
		ok("set", s, "bus:Guitars", "gain=-2", "pan=R30");
		ok("set", s, "bus:Acoustics", "gain=-1", "pan=L40");
		ok("set", s, "bus:Electrics", "gain=1.5", "pan=R50");
		ok("set", s, "bus:Drums", "gain=-3", "pan=L20");
		ok("set", s, "bus:Verb", "gain=-4", "pan=R10");
		ok("set", s, "master", "gain=-1.5", "pan=R10");
		ok("send", "add", s, "track:ac1", "bus:Verb", "--level", "-6");
		// linear processing above the cut: an EQ on Guitars
		ok("insert", "add", s, "bus:Guitars", "org.mixtree.eq", "b1.type=highpass", "b1.freq=120", "b5.type=peak",
				"b5.freq=2000", "b5.gain=5", "b5.q=1.2");
	}

	/** A noise-like stem (incommensurate sines, one set per channel). */
	void write(String name, int channels, int seed) throws IOException {
		float[][] x = new float[channels][FRAMES];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < FRAMES; i++) {
				double t = i / (double) RATE;
				x[c][i] = (float) (0.2 * Math.sin(2 * Math.PI * (71 + 43 * seed + 17 * c) * t)
						+ 0.15 * Math.sin(2 * Math.PI * (1523.7 + 389 * seed + 55 * c) * t + seed)
						+ 0.05 * Math.sin(2 * Math.PI * (6011.1 + 97 * seed) * t));
			}
		}
		try (WavWriter w = new WavWriter(sources.resolve(name + ".wav"), channels, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, FRAMES);
		}
	}

	float[][] mix(String... render) throws IOException {
		Path out = dir.resolve("mix-" + System.nanoTime() + ".wav");
		List<String> args = new java.util.ArrayList<>(List.of("render", s, "-o", out.toString()));
		args.addAll(List.of(render));
		ok(args.toArray(String[]::new));
		return read(out);
	}

	static List<String> files(Path folder) throws IOException {
		try (Stream<Path> l = Files.list(folder)) {
			return l.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	/** The sum of every file in {@code folder}. */
	static float[][] sum(Path folder) throws IOException {
		float[][] total = null;
		for (String f : files(folder)) {
			float[][] x = read(folder.resolve(f));
			if (total == null) {
				total = new float[2][x[0].length];
			}
			assertEquals(total[0].length, x[0].length, f);
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < x[c].length; i++) {
					total[c][i] += x[c][i];
				}
			}
		}
		return total;
	}

	static double maxDiff(float[][] a, float[][] b) {
		assertEquals(a[0].length, b[0].length, "lengths");
		double max = 0;
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < a[c].length; i++) {
				max = Math.max(max, Math.abs((double) a[c][i] - b[c][i]));
			}
		}
		return max;
	}

	static double peak(float[][] x) {
		double max = 0;
		for (float[] ch : x) {
			for (float v : ch) {
				max = Math.max(max, Math.abs(v));
			}
		}
		return max;
	}

	@Test
	void depthTwoAndDepthOneSumToTheMix() throws Exception {
		float[][] mix = mix();
		assertTrue(peak(mix) > 0.1);

		Path two = dir.resolve("depth2");
		var r = ok("render", s, "--stems-depth", "2", "-o", two.toString());
		assertEquals(List.of("Acoustics.wav", "Drums.direct.wav", "Electrics.wav", "Guitars.direct.wav",
				"Verb.direct.wav", "master.direct.wav"), files(two));
		assertTrue(r.out().startsWith("rendered 6 stems of depth 2 into " + two), r.out());
		assertTrue(r.out().contains("\n  Guitars.direct.wav  the direct stem of bus:Guitars\n"), r.out());
		assertTrue(r.out().contains("\n  Acoustics.wav       the stem of bus:Acoustics\n"), r.out());
		assertFalse(Files.exists(two.resolve("mix.wav")));
		double d2 = maxDiff(sum(two), mix);
		assertTrue(d2 < NULL, "depth 2 residual " + 20 * Math.log10(d2) + " dBFS");

		Path one = dir.resolve("depth1");
		ok("render", s, "--stems-depth", "1", "-o", one.toString());
		assertEquals(List.of("Drums.wav", "Guitars.wav", "Verb.wav", "master.direct.wav"), files(one));
		double d1 = maxDiff(sum(one), mix);
		assertTrue(d1 < NULL, "depth 1 residual " + 20 * Math.log10(d1) + " dBFS");
		// Guitars at depth 1 is its three stems of depth 2
		float[][] g = read(one.resolve("Guitars.wav"));
		float[][] parts = new float[2][g[0].length];
		for (String f : List.of("Acoustics.wav", "Electrics.wav", "Guitars.direct.wav")) {
			float[][] x = read(two.resolve(f));
			for (int c = 0; c < 2; c++) {
				for (int i = 0; i < x[c].length; i++) {
					parts[c][i] += x[c][i];
				}
			}
		}
		assertTrue(maxDiff(g, parts) < NULL);
	}

	@Test
	void aStemIsTheBusSoloedAndTheReturnIsItsOwnStem() throws Exception {
		// a compressor above the cut hears only the stem's bus, as it would with the bus soloed: not a sum rule
		ok("insert", "add", s, "bus:Guitars", "org.mixtree.compressor", "threshold=-30", "ratio=8", "attack=1");
		Path two = dir.resolve("depth2");
		ok("render", s, "--stems-depth", "2", "-o", two.toString());
		float[][] acoustics = read(two.resolve("Acoustics.wav"));
		float[][] verb = read(two.resolve("Verb.direct.wav"));
		assertTrue(peak(acoustics) > 0.05 && peak(verb) > 0.01);
		// soloed, Acoustics is heard with the return its send feeds (solo keeps effect returns): the stem holds the
		// dry bus, the return its own stem
		ok("set", s, "bus:Acoustics", "solo=true");
		float[][] soloed = mix();
		float[][] both = new float[2][acoustics[0].length];
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < both[c].length; i++) {
				both[c][i] = acoustics[c][i] + verb[c][i];
			}
		}
		assertTrue(maxDiff(both, soloed) < NULL);
		// and with the compressor the stems no longer sum to the mix (the mix's compressor hears all guitars)
		ok("set", s, "bus:Acoustics", "solo=false");
		assertTrue(maxDiff(sum(two), mix()) > 1e-3);
	}

	@Test
	void masterInsertsOnlyWithMasterProcessingAndMuteAndSoloAsInTheMix() throws Exception {
		ok("insert", "add", s, "master", "org.mixtree.eq", "b5.type=peak", "b5.freq=500", "b5.gain=4");
		ok("set", s, "bus:Drums", "mute=true");
		float[][] mix = mix();
		Path with = dir.resolve("with");
		ok("render", s, "--stems-depth", "2", "--master-processing", "-o", with.toString());
		assertTrue(maxDiff(sum(with), mix) < NULL);
		// a muted bus: its stem is written, silent
		assertEquals(0.0, peak(read(with.resolve("Drums.direct.wav"))));

		Path without = dir.resolve("without");
		ok("render", s, "--stems-depth", "2", "-o", without.toString());
		assertTrue(maxDiff(sum(without), mix) > 0.01, "the master EQ is not on the stems");
		ok("insert", "set", s, "master", "1", "bypass=true");
		assertTrue(maxDiff(sum(without), mix()) < NULL);

		// a solo in force: the stems are the mix as it is, said in a note
		ok("set", s, "bus:Acoustics", "solo=true");
		Path soloed = dir.resolve("soloed");
		var r = ok("render", s, "--stems-depth", "2", "-o", soloed.toString());
		assertTrue(r.err().contains("mixtree: note: solo in force: bus:Acoustics"), r.err());
		assertEquals(0.0, peak(read(soloed.resolve("Electrics.wav"))));
		assertTrue(peak(read(soloed.resolve("Acoustics.wav"))) > 0.05);
		assertTrue(maxDiff(sum(soloed), mix()) < NULL);
	}

	/**
	 * A focus acts on the stems as on the mix: a stem outside it is silent, the stems null against {@code render}'s
	 * mix of the same session (focus and a mute in force), and the render says so in the same note.
	 */
	@Test
	void theFocusAndMutesActOnTheStemsAsOnTheMix() throws Exception {
		float[][] unfocused = mix();
		ok("focus", s, "bus:Guitars");
		ok("set", s, "track:el2", "mute=true");
		Path mixFile = dir.resolve("focused.wav");
		var render = ok("render", s, "-o", mixFile.toString());
		String note = "mixtree: note: focus is on bus:Guitars (the other buses are silent)\n";
		assertTrue(render.err().contains(note), render.err());
		float[][] mix = read(mixFile);
		assertTrue(maxDiff(mix, unfocused) > 0.05, "the focus changes the mix");
		for (String depth : List.of("1", "2")) {
			Path stems = dir.resolve("focus" + depth);
			var r = ok("render", s, "--stems-depth", depth, "-o", stems.toString());
			assertTrue(r.err().contains(note), r.err());
			double d = maxDiff(sum(stems), mix);
			assertTrue(d < NULL, "depth " + depth + " residual " + 20 * Math.log10(d) + " dBFS");
		}
		// outside the focus: drums and the vocal straight to the master; the return is fed from inside it
		assertEquals(0.0, peak(read(dir.resolve("focus2").resolve("Drums.direct.wav"))));
		assertEquals(0.0, peak(read(dir.resolve("focus2").resolve("master.direct.wav"))));
		assertTrue(peak(read(dir.resolve("focus2").resolve("Verb.direct.wav"))) > 0.01);
		assertTrue(peak(read(dir.resolve("focus2").resolve("Acoustics.wav"))) > 0.05);
	}

	/**
	 * {@code --snapshot NAME --stems-depth N}: the stems of the mix as the snapshot holds it (its focus included), which
	 * null against {@code render --snapshot NAME}; the session file is not written.
	 */
	@Test
	void stemsOfASnapshotSumToItsMixAndLeaveTheSessionAlone() throws Exception {
		ok("focus", s, "bus:Guitars");
		ok("focus", s, "next");
		ok("set", s, "bus:Electrics", "gain=-6");
		ok("snapshot", "save", s, "Built");
		ok("focus", s, "all");
		ok("set", s, "bus:Electrics", "gain=3");
		ok("set", s, "track:kick", "gain=4");
		byte[] before = Files.readAllBytes(Path.of(s));
		float[][] snapshotMix = mix("--snapshot", "Built");
		assertTrue(maxDiff(snapshotMix, mix()) > 0.05, "the snapshot is another mix");
		Path stems = dir.resolve("built");
		var r = ok("render", s, "--snapshot", "Built", "--stems-depth", "2", "-o", stems.toString());
		assertTrue(r.err().contains("mixtree: note: focus is on bus:Guitars + bus:Drums"), r.err());
		double d = maxDiff(sum(stems), snapshotMix);
		assertTrue(d < NULL, "residual " + 20 * Math.log10(d) + " dBFS");
		assertEquals(0.0, peak(read(stems.resolve("master.direct.wav"))), "the vocal is outside the snapshot's focus");
		assertArrayEquals(before, Files.readAllBytes(Path.of(s)));
		// an unknown snapshot: one line, nothing written
		var unknown = cli("render", s, "--snapshot", "Nope", "--stems-depth", "2", "-o", dir.resolve("nope").toString());
		assertEquals(1, unknown.code());
		assertEquals(1, unknown.err().lines().count(), unknown.err());
		assertTrue(unknown.err().contains("unknown snapshot 'Nope'"), unknown.err());
		assertFalse(Files.exists(dir.resolve("nope")));
		assertArrayEquals(before, Files.readAllBytes(Path.of(s)));
	}

	@Test
	void refusals() throws Exception {
		byte[] session = Files.readAllBytes(Path.of(s));
		var deep = cli("render", s, "--stems-depth", "3", "-o", dir.resolve("x").toString());
		assertEquals(1, deep.code());
		assertEquals("mixtree: --stems-depth 3: no bus is at depth 3 of the tree (the deepest is at depth 2)\n",
				deep.err());
		assertEquals(2, cli("render", s, "--stems-depth", "0", "-o", dir.resolve("x").toString()).code());
		assertEquals(2, cli("render", s, "--stems-depth", "two", "-o", dir.resolve("x").toString()).code());
		assertEquals(2, cli("render", s, "--master-processing", "-o", dir.resolve("m.wav").toString()).code());
		assertEquals(2, cli("render", s, "--stems-depth", "1", "--stems", dir.resolve("y").toString(), "-o",
				dir.resolve("x").toString()).code());
		assertFalse(Files.exists(dir.resolve("x")));
		// a stem that would replace a source: refused by the output guard, nothing written
		List<String> before = files(sources);
		var guard = cli("render", s, "--stems-depth", "2", "-o", sources.toString());
		assertEquals(1, guard.code());
		assertEquals("mixtree: " + sources.resolve("Electrics.wav") + ": is the source of track:Electrics; choose "
				+ "another -o folder\n", guard.err());
		assertEquals(before, files(sources));
		// -o a file
		Path file = dir.resolve("file.wav");
		Files.writeString(file, "x");
		var notFolder = cli("render", s, "--stems-depth", "1", "-o", file.toString());
		assertEquals(1, notFolder.code());
		assertTrue(notFolder.err().startsWith("mixtree: " + file + ": not a folder"), notFolder.err());
		Path wavName = dir.resolve("stems.wav");
		var wav = cli("render", s, "--stems-depth", "1", "-o", wavName.toString());
		assertEquals(1, wav.code());
		assertEquals("mixtree: " + wavName + ": --stems-depth writes one file per stem into a folder; give a folder "
				+ "(-o stems/)\n", wav.err());
		assertFalse(Files.exists(wavName));
		assertArrayEquals(session, Files.readAllBytes(Path.of(s)));
	}
}
