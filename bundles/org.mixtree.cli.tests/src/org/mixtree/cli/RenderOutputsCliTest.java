package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mixtree.cli.CliEndToEndTest.cli;
import static org.mixtree.cli.CliEndToEndTest.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * {@code render} from the user's side: outputs that would replace a file the session reads are refused in one
 * line naming the output and the track (nothing written, not even the stems folder), names Mixtree does not write
 * are refused, a solo in force is said, and clipping at 16/24 bits is counted with what to do about it.
 */
class RenderOutputsCliTest {

	@TempDir
	Path dir;
	Path stems;
	Path session;

	static final int RATE = 48000;

	@BeforeEach
	void sources() throws IOException {
		stems = Files.createDirectories(dir.resolve("stems"));
		session = dir.resolve("song.mixtree");
	}

	/** A source at {@code amplitude}: a 375 Hz sine (128 samples a period) in every channel. */
	void source(String name, int channels, SampleFormat format, double amplitude, int frames) throws IOException {
		float[][] x = new float[channels][frames];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < frames; i++) {
				x[c][i] = (float) (amplitude * Math.sin(2 * Math.PI * i / 128 + 0.0123 + c));
			}
		}
		try (WavWriter w = new WavWriter(stems.resolve(name), channels, RATE, format, 1)) {
			w.write(x, 0, frames);
		}
	}

	private List<String> tree() throws IOException {
		List<String> all = new ArrayList<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted().toList()) {
				all.add(dir.relativize(p) + (Files.isRegularFile(p) ? " " + java.util.Arrays.hashCode(Files.readAllBytes(p)) : "/"));
			}
		}
		return all;
	}

	/** The command fails with exit 1 and exactly {@code line} on stderr, and changes no file or folder. */
	private void refused(String line, String... args) throws IOException {
		List<String> before = tree();
		Result r = cli(args);
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: " + line + "\n", r.err().replace("\r\n", "\n"));
		assertEquals(before, tree(), "nothing written");
	}

	@Test
	void stemsIntoTheSourcesFolderAreRefusedNamingTheTrack() throws Exception {
		// the trial: a mono 24-bit take in the sources folder, a bus of the same name after auto-grouping
		source("Bass.wav", 1, SampleFormat.S24, 0.3, 4800);
		source("Kick.wav", 1, SampleFormat.S24, 0.3, 4800);
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto");
		byte[] bass = Files.readAllBytes(stems.resolve("Bass.wav"));
		refused(stems.resolve("Bass.wav") + ": is the source of track:Bass; choose another --stems folder", "render",
				session.toString(), "-o", dir.resolve("mix.wav").toString(), "--stems", stems.toString());
		assertArrayEquals(bass, Files.readAllBytes(stems.resolve("Bass.wav")));
		// the mix onto a source, with a stems folder that does not exist yet: refused, and the folder is not made
		refused(stems.resolve("Kick.wav") + ": is the source of track:Kick; choose another output", "render",
				session.toString(), "-o", stems.resolve("Kick.wav").toString(), "--stems", dir.resolve("new").toString());
		assertFalse(Files.exists(dir.resolve("new")));
		// the same folder under another name (a symbolic link) is the same folder
		Path link = Files.createSymbolicLink(dir.resolve("link"), stems);
		refused(link.resolve("Bass.wav") + ": is the source of track:Bass; choose another --stems folder", "render",
				session.toString(), "-o", dir.resolve("mix.wav").toString(), "--stems", link.toString());
		// a stems folder of its own is fine
		ok("render", session.toString(), "-o", dir.resolve("mix.wav").toString(), "--stems",
				dir.resolve("bus stems").toString());
		assertTrue(Files.isRegularFile(dir.resolve("bus stems/Bass.wav")));
	}

	@Test
	void theSessionFileAndTwiceWrittenFilesAreRefused() throws Exception {
		source("kick.wav", 1, SampleFormat.F32, 0.3, 4800);
		ok("new", session.toString(), "--stems", stems.toString());
		Path asWav = dir.resolve("song.wav");
		Files.copy(session, asWav);
		refused(asWav + ": is the session file itself; choose another output", "render", asWav.toString(), "-o",
				asWav.toString());
		Path out = Files.createDirectories(dir.resolve("out"));
		refused(out.resolve("Drums.wav") + ": would hold both the mix and the stem of bus:Drums; choose another output "
				+ "name or --stems folder",
				"render", session.toString(), "-o", out.resolve("Drums.wav").toString(), "--stems", out.toString());
	}

	@Test
	void anOutputNameMixtreeDoesNotWriteIsRefused() throws Exception {
		source("kick.wav", 1, SampleFormat.F32, 0.3, 4800);
		ok("new", session.toString(), "--stems", stems.toString());
		Path mp3 = dir.resolve("out.mp3");
		refused(mp3 + ": Mixtree writes WAV files only; name it with .wav or .wave (-o mix.wav)", "render",
				session.toString(), "-o", mp3.toString());
		assertFalse(Files.exists(mp3));
	}

	@Test
	void aSoloInForceIsSaid() throws Exception {
		source("Kick.wav", 1, SampleFormat.F32, 0.3, 4800);
		source("Lead Vox.wav", 1, SampleFormat.F32, 0.3, 4800);
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto");
		Result plain = ok("render", session.toString(), "-o", dir.resolve("a.wav").toString());
		assertFalse(plain.err().contains("solo"), plain.err());
		ok("set", session.toString(), "track:Kick", "solo=true");
		ok("set", session.toString(), "bus:Vocals", "solo=true");
		Result r = ok("render", session.toString(), "-o", dir.resolve("b.wav").toString());
		assertTrue(r.err().contains("mixtree: note: solo in force: track:Kick, bus:Vocals (only what they let through "
				+ "is heard)\n"), r.err());
		assertTrue(r.out().startsWith("rendered "), r.out());
	}

	@Test
	void clippingIsCountedWithWhatToDo() throws Exception {
		// a 375 Hz sine at 1.25 (+1.9 dBFS) for 1 s, mono panned centre under the -3 dB law: 0.884 a channel, no clip;
		// +3 dB on the track: 1.25 a channel again. Over full scale: per period the k with |1.25 sin| > 1
		source("over.wav", 1, SampleFormat.F32, 1.25, RATE);
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		ok("set", session.toString(), "track:over", "gain=3.0103");
		long perPeriod = 0;
		for (int k = 0; k < 128; k++) {
			double v = Math.abs(1.25 * Math.sin(2 * Math.PI * k / 128 + 0.0123));
			assertTrue(Math.abs(v - 1) > 1e-3, "no sample within the dither's reach of full scale");
			perPeriod += v > 1 ? 1 : 0;
		}
		long expected = 2 * perPeriod * (RATE / 128);
		Result r = ok("render", session.toString(), "-o", dir.resolve("mix.wav").toString(), "--format", "s16");
		assertTrue(r.err().contains("mixtree: warning: " + expected + " samples clipped at full scale (peak +1.9 dBFS); "
				+ "render as float (--format f32) or lower the master by 2.0 dB\n"), r.err());
		// the float render clips nothing and says that a fixed-point copy would
		Result f = ok("render", session.toString(), "-o", dir.resolve("mix32.wav").toString());
		assertFalse(f.err().contains("clipped"), f.err());
		assertTrue(f.err().contains("mixtree: note: peak +1.9 dBFS: the float file keeps it"), f.err());
		// a mix within full scale says nothing of either (with the static mix's headroom target at full scale, so
		// that its warning, StagesCliTest, does not speak either)
		ok("set", session.toString(), "master", "gain=-2", "headroom=0");
		Result quiet = ok("render", session.toString(), "-o", dir.resolve("mix2.wav").toString(), "--format", "s24");
		assertEquals("", quiet.err());
	}
}
