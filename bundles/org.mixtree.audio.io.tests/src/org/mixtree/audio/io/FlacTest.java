package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FLAC files made by the reference encoder ({@code flac}) from WAV files sox wrote, read by Mixtree and
 * compared with Mixtree's reading of the WAV they came from. FLAC is lossless and both readers scale an
 * integer of b bits by 2^-(b-1), so the floats must be identical: tolerance 0, bit for bit. Length, rate and
 * channels must agree with {@link AudioFiles#info}. The encoder's own analysis ({@code flac -a}) says which
 * coding tools the corpus used, so that one test can assert that every one of them was decoded.
 */
class FlacTest {
	/** name, then the sox arguments between "sox -R" and the output file, then those after it */
	private static final String[][] SIGNALS = {
			{ "stereo16-44k1", "-n -r 44100 -c 2 -b 16", "synth 1.3 sine 1000 whitenoise gain -2" },
			{ "stereo24-48k", "-n -r 48000 -c 2 -b 24", "synth 1.3 sine 440 pinknoise gain -3" },
			{ "mono24-96k", "-n -r 96000 -c 1 -b 24", "synth 1.1 sine 997 gain -1" },
			{ "mono16-48k", "-n -r 48000 -c 1 -b 16", "synth 0.9 pinknoise gain -6" },
			// a low sine: the second-order FIXED predictor is the best fit
			{ "low-sine", "-n -r 44100 -c 1 -b 16", "synth 1.0 sine 50 gain -3" },
			// digital silence (no dither): CONSTANT subframes
			{ "silence", "-D -n -r 48000 -c 2 -b 16", "trim 0 0.7" },
			// full-scale white noise does not compress: VERBATIM subframes
			{ "fullscale-noise", "-n -r 44100 -c 2 -b 16", "synth 0.6 whitenoise" },
			// two nearly equal channels, and a loud one beside a quiet one: mid/side, left/side, right/side
			{ "near-mono", "-n -r 48000 -c 2 -b 16", "synth 1.0 sine 500 sine 500.5 gain -3 remix 1 1,2v0.01" },
			{ "quiet-right", "-n -r 44100 -c 2 -b 16", "synth 1.0 pinknoise pinknoise gain -3 remix 1 1v0.9,2v0.02" },
			// 16-bit material in a 24-bit file: the low 8 bits are "wasted bits"
			{ "16-in-24", "-n -r 48000 -c 2 -b 24", "synth 1.2 sine 300 pinknoise gain -4 dither -p 16" },
			{ "stereo32-48k", "-n -r 48000 -c 2 -b 32 -e signed-integer", "synth 0.8 sine 1000 whitenoise gain -2" },
			// 24 sines in one channel: predicting them takes an LPC order of 48, so the encoder goes to its limit
			{ "many-sines", "-n -r 48000 -c 1 -b 24", "synth 1.0 sine 110 sine 170 sine 260 sine 330 sine 450 sine 520"
					+ " sine 690 sine 800 sine 930 sine 1200 sine 1510 sine 1800 sine 2300 sine 2900 sine 3500 sine 4100"
					+ " sine 5300 sine 6100 sine 7000 sine 8200 sine 9500 sine 11000 sine 13000 sine 15000 remix - gain -n -3" } };

	private static final String[][] SETTINGS = { { "-0" }, { "-5" }, { "-8" }, { "-5", "--lax", "-l", "32" },
			{ "-5", "-b", "1152", "--no-mid-side" }, { "-5", "-b", "4608" } };

	@TempDir
	static Path corpus;
	/** what flac -a reports over the whole corpus: subframe types, orders, residual codings, assignments */
	static final Set<String> FEATURES = new TreeSet<>();

	@TempDir
	Path dir;

	static Path wav(String signal) {
		return corpus.resolve(signal + ".wav");
	}

	static Path flac(String signal, int setting) {
		return corpus.resolve(signal + "-" + setting + ".flac");
	}

	@BeforeAll
	static void encodeCorpus() throws IOException {
		for (String[] s : SIGNALS) {
			List<String> cmd = new ArrayList<>(List.of("sox", "-R"));
			cmd.addAll(List.of(s[1].split(" ")));
			cmd.add(wav(s[0]).toString());
			cmd.addAll(List.of(s[2].split(" ")));
			Tools.run(cmd.toArray(String[]::new));
			for (int i = 0; i < SETTINGS.length; i++) {
				Path f = flac(s[0], i);
				encode(wav(s[0]), f, SETTINGS[i]);
				FEATURES.addAll(features(analyse(f)));
			}
		}
	}

	static void encode(Path wav, Path flac, String... options) {
		List<String> cmd = new ArrayList<>(List.of("flac", "-s", "-f"));
		cmd.addAll(List.of(options));
		cmd.addAll(List.of(wav.toString(), "-o", flac.toString()));
		Tools.run(cmd.toArray(String[]::new));
	}

	/** @return the text of flac's analysis of {@code flac}: one line per frame and per subframe */
	static String analyse(Path flac) throws IOException {
		Path ana = flac.resolveSibling(flac.getFileName() + ".ana");
		Tools.run("flac", "-s", "-f", "-a", "-o", ana.toString(), flac.toString());
		return Files.readString(ana, StandardCharsets.US_ASCII);
	}

	private static Set<String> features(String analysis) {
		Set<String> f = new TreeSet<>();
		Matcher m = Pattern.compile("channel_assignment=(\\w+)|wasted_bits=([1-9]\\d*)|\\ttype=(\\w+)(\\torder=(\\d+))?"
				+ "|residual_type=(\\w+)").matcher(analysis);
		while (m.find()) {
			if (m.group(1) != null) {
				f.add(m.group(1));
			} else if (m.group(2) != null) {
				f.add("wasted bits");
			} else if (m.group(3) != null) {
				f.add(m.group(3));
				if (m.group(5) != null) {
					f.add(m.group(3) + " order " + m.group(5));
				}
			} else {
				f.add(m.group(6));
			}
		}
		return f;
	}

	/** @return frame number -> byte offset, from flac's analysis */
	static Map<Integer, Long> frameOffsets(Path flac) throws IOException {
		Map<Integer, Long> offsets = new TreeMap<>();
		Matcher m = Pattern.compile("(?m)^frame=(\\d+)\\toffset=(\\d+)").matcher(analyse(flac));
		while (m.find()) {
			offsets.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
		}
		return offsets;
	}

	static Stream<Arguments> corpusFiles() {
		List<Arguments> l = new ArrayList<>();
		for (String[] s : SIGNALS) {
			for (int i = 0; i < SETTINGS.length; i++) {
				l.add(Arguments.of(s[0], i, String.join(" ", SETTINGS[i])));
			}
		}
		return l.stream();
	}

	@ParameterizedTest(name = "{0} flac {2}")
	@MethodSource("corpusFiles")
	void decodesAsTheWavItCameFrom(String signal, int setting, String options) throws IOException {
		assertSameAudio(wav(signal), flac(signal, setting));
	}

	@Test
	void corpusExercisesEveryCodingTool() {
		for (String f : List.of("CONSTANT", "VERBATIM", "FIXED", "LPC", "FIXED order 0", "FIXED order 1", "FIXED order 2",
				"FIXED order 3", "FIXED order 4", "LPC order 1", "LPC order 8", "LPC order 12", "LPC order 32", "RICE",
				"RICE2", "wasted bits", "INDEPENDENT", "LEFT_SIDE", "RIGHT_SIDE", "MID_SIDE")) {
			assertTrue(FEATURES.contains(f), "flac -a reports " + f + " somewhere in the corpus: " + FEATURES);
		}
	}

	/** Reads {@code flac} and {@code wav} through Mixtree and asserts identical floats, sequentially and after seeks. */
	static void assertSameAudio(Path wav, Path flac) throws IOException {
		AudioFileInfo wi = AudioFiles.info(wav);
		AudioFileInfo fi = AudioFiles.info(flac);
		assertEquals(wi.channels(), fi.channels(), "channels");
		assertEquals(wi.sampleRate(), fi.sampleRate(), "rate");
		assertEquals(wi.frames(), fi.frames(), "frames");
		assertEquals(Tools.soxInfo(wav, 's'), fi.frames(), "frames as sox counts them");
		assertTrue(fi.formatDescription().startsWith("FLAC "), fi.formatDescription());
		float[][] expected;
		try (AudioFileReader r = AudioFiles.open(wav)) {
			expected = Tools.readAll(r);
		}
		try (AudioFileReader r = AudioFiles.open(flac)) {
			assertEquals(flac, r.path());
			assertEquals(fi.frames(), r.frames());
			float[][] got = Tools.readAll(r);
			for (int c = 0; c < expected.length; c++) {
				assertEquals(-1, mismatch(expected[c], got[c], 0), flac.getFileName() + " channel " + c
						+ ": first frame that differs from the WAV");
			}
			int frames = got[0].length;
			Random rnd = new Random(frames);
			for (int i = 0; i < 12; i++) {
				int at = i == 0 ? frames - 3 : i == 1 ? 0 : rnd.nextInt(frames);
				r.seek(at);
				float[][] part = new float[expected.length][300];
				int n = r.read(part, 0, 300);
				assertEquals(Math.min(300, frames - at), n, "frames after seek to " + at);
				for (int c = 0; c < expected.length; c++) {
					float[] want = Arrays.copyOfRange(expected[c], at, at + n);
					assertEquals(-1, Arrays.mismatch(want, Arrays.copyOf(part[c], n)), "after seek to " + at);
				}
			}
			r.seek(frames);
			assertEquals(0, r.read(new float[expected.length][4], 0, 4), "nothing after the end");
		}
	}

	/** @return the first index at which the floats differ bit for bit, -1 if none */
	private static int mismatch(float[] a, float[] b, int from) {
		assertEquals(a.length, b.length, "lengths");
		for (int i = from; i < a.length; i++) {
			if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
				return i;
			}
		}
		return -1;
	}

	@Test
	void tagsPictureAndId3TagsAreSkipped() throws IOException {
		Path png = dir.resolve("cover.png");
		Tools.ffmpeg("-f", "lavfi", "-i", "color=c=red:s=64x64:d=1", "-frames:v", "1", png.toString());
		Path tagged = dir.resolve("tagged.flac");
		encode(wav("stereo16-44k1"), tagged, "-5", "-T", "TITLE=Kick", "-T", "ARTIST=Mixtree", "--picture=" + png);
		String blocks = Tools.run("metaflac", "--list", tagged.toString());
		assertTrue(blocks.contains("VORBIS_COMMENT") && blocks.contains("PICTURE"), "flac wrote the blocks: " + blocks);
		assertSameAudio(wav("stereo16-44k1"), tagged);

		// an ID3v2 tag in front of fLaC, as some taggers write it: 10-byte header, syncsafe size, then the body
		byte[] body = new byte[300];
		Arrays.fill(body, (byte) 'x');
		byte[] header = { 'I', 'D', '3', 4, 0, 0, 0, 0, 2, 44 }; // 2 * 128 + 44 = 300
		byte[] flac = Files.readAllBytes(tagged);
		byte[] id3 = new byte[10 + 300 + flac.length];
		System.arraycopy(header, 0, id3, 0, 10);
		System.arraycopy(body, 0, id3, 10, 300);
		System.arraycopy(flac, 0, id3, 310, flac.length);
		Path withId3 = Files.write(dir.resolve("id3.flac"), id3);
		assertEquals(Tools.soxInfo(tagged, 's'), AudioFiles.info(withId3).frames());
		assertSameAudio(wav("stereo16-44k1"), withId3);

		// and an ID3v1 tag after the last frame: 128 bytes starting with TAG
		byte[] v1 = Arrays.copyOf(flac, flac.length + 128);
		v1[flac.length] = 'T';
		v1[flac.length + 1] = 'A';
		v1[flac.length + 2] = 'G';
		Arrays.fill(v1, flac.length + 3, v1.length, (byte) ' ');
		assertSameAudio(wav("stereo16-44k1"), Files.write(dir.resolve("id3v1.flac"), v1));
	}

	@Test
	void totalSamplesUnknown() throws IOException {
		// an encoder writing to a pipe cannot go back to STREAMINFO: total samples (the low 36 bits of bytes
		// 18..25 of the file: fLaC, the block header, then STREAMINFO) stay 0, and the reader finds the length
		// from the last frame
		byte[] b = Files.readAllBytes(flac("stereo24-48k", 1));
		assertEquals("fLaC", new String(b, 0, 4, StandardCharsets.US_ASCII));
		b[21] &= (byte) 0xF0;
		Arrays.fill(b, 22, 26, (byte) 0);
		Path f = Files.write(dir.resolve("pipe.flac"), b);
		assertSameAudio(wav("stereo24-48k"), f);
	}

	@Test
	void flacUnderAWavNameIsReadAsFlac() throws IOException {
		Path f = Files.copy(flac("mono16-48k", 2), dir.resolve("really-flac.wav"));
		assertEquals("FLAC 16-bit", AudioFiles.info(f).formatDescription());
		assertSameAudio(wav("mono16-48k"), f);
	}

	@Test
	void eightBitMatchesSox() throws IOException {
		Path w = dir.resolve("u8.wav");
		Tools.sox("-R", "-n", "-r", "22050", "-c", "1", "-b", "8", w.toString(), "synth", "0.5", "sine", "440", "gain", "-1");
		Path f = dir.resolve("s8.flac");
		encode(w, f, "-5");
		float[][] expected = Tools.soxDecode(f, 1);
		assertEquals("FLAC 8-bit", AudioFiles.info(f).formatDescription());
		try (AudioFileReader r = AudioFiles.open(f)) {
			float[][] got = Tools.readAll(r);
			assertEquals(-1, mismatch(expected[0], got[0], 0), "8-bit FLAC as sox decodes it (k/128, exact)");
		}
	}

	// ---- damaged files: one line naming the file and the frame

	/** Asserts that {@link AudioFiles#info} and {@link AudioFiles#open} refuse {@code f} with the same line. */
	private static void assertRefused(Path f, String... reasons) throws IOException {
		String m = assertReadFails(f, reasons);
		AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.info(f));
		assertEquals(m, e.getMessage(), "info refuses as open does");
		assertThrows(AudioFileException.class, () -> AudioFiles.open(f).close());
	}

	private static String assertReadFails(Path f, String... reasons) throws IOException {
		AudioFileException e = assertThrows(AudioFileException.class, () -> {
			try (AudioFileReader r = AudioFiles.open(f)) {
				Tools.readAll(r);
			}
		});
		String m = e.getMessage();
		assertTrue(m.startsWith(f + ": "), "names the file: " + m);
		assertFalse(m.contains("\n"), "one line: " + m);
		for (String reason : reasons) {
			assertTrue(m.contains(reason), "'" + m + "' says '" + reason + "'");
		}
		return m;
	}

	@Test
	void truncatedInsideAFrame() throws IOException {
		Path src = flac("stereo24-48k", 1);
		Map<Integer, Long> at = frameOffsets(src);
		byte[] b = Files.readAllBytes(src);
		int cut = (int) (at.get(7) + 100);
		Path f = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(b, cut));
		// the file's end is checked when it is opened, as a WAV file's length is
		assertRefused(f, "truncated file", "inside frame 7", "byte " + cut);
	}

	@Test
	void truncatedBetweenFrames() throws IOException {
		Path src = flac("stereo24-48k", 1);
		Map<Integer, Long> at = frameOffsets(src);
		Path f = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(Files.readAllBytes(src), (int) (long) at.get(5)));
		assertRefused(f, "truncated file", "after frame 4", 5 * 4096 + " of " + Tools.soxInfo(wav("stereo24-48k"), 's'));
	}

	@Test
	void flippedByteInTheAudio() throws IOException {
		Path src = flac("stereo16-44k1", 1);
		Map<Integer, Long> at = frameOffsets(src);
		byte[] b = Files.readAllBytes(src);
		b[(int) (at.get(5) + at.get(6)) / 2] ^= 0x10;
		assertReadFails(Files.write(dir.resolve("flip.flac"), b), "corrupt FLAC data", "frame 5", "CRC-16");
	}

	@Test
	void flippedByteInAFrameHeader() throws IOException {
		Path src = flac("stereo16-44k1", 1);
		long frame3 = frameOffsets(src).get(3);
		byte[] b = Files.readAllBytes(src);
		b[(int) frame3 + 2] ^= 0x01; // the lowest bit of the sample rate code: 44.1 kHz becomes 32 kHz
		assertReadFails(Files.write(dir.resolve("flip.flac"), b), "corrupt FLAC data", "frame 3", "CRC-8");
	}

	@Test
	void missingFrame() throws IOException {
		Path src = flac("stereo16-44k1", 1);
		Map<Integer, Long> at = frameOffsets(src);
		byte[] b = Files.readAllBytes(src);
		int from = (int) (long) at.get(4);
		int to = (int) (long) at.get(5);
		byte[] cut = new byte[b.length - (to - from)];
		System.arraycopy(b, 0, cut, 0, from);
		System.arraycopy(b, to, cut, from, b.length - to);
		assertReadFails(Files.write(dir.resolve("gap.flac"), cut), "corrupt FLAC data", "frame 4 at byte " + from,
				"holds the samples from " + 5 * 4096 + " where " + 4 * 4096 + " was expected");
	}

	@Test
	void refusedAtOpen() throws IOException {
		Path src = flac("stereo16-44k1", 1);
		Path cut = Files.write(dir.resolve("meta-cut.flac"), Arrays.copyOf(Files.readAllBytes(src), 30));
		for (Path f : List.of(cut)) {
			AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.info(f));
			assertTrue(e.getMessage().startsWith(f + ": header cut short"), e.getMessage());
			assertThrows(AudioFileException.class, () -> AudioFiles.open(f).close());
		}
		Path w = dir.resolve("3ch.wav");
		Tools.sox("-R", "-n", "-r", "48000", "-c", "3", "-b", "16", w.toString(), "synth", "0.2", "sine", "440");
		Path f = dir.resolve("3ch.flac");
		encode(w, f, "-5", "--channel-map=none");
		AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.open(f).close());
		assertEquals(f + ": 3 channels: only mono and stereo files are supported", e.getMessage());
	}

	@Test
	void mp3IsNamed() throws IOException {
		// with an ID3v2 tag in front (ffmpeg's default), and without one: the file starts with a frame sync
		for (String id3 : List.of("4", "0")) {
			Path f = dir.resolve("Kick-id3v2." + id3 + ".wav");
			Tools.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=0.3", "-c:a", "libmp3lame", "-f", "mp3", "-id3v2_version", id3,
					f.toString());
			AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.info(f));
			assertEquals(f + ": not a WAV, AIFF or FLAC file (it looks like MP3, which Mixtree does not read: convert it"
					+ " to WAV or FLAC)", e.getMessage());
		}
	}
}
