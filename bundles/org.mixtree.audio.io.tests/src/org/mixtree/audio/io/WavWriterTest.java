package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Round trips through {@link WavWriter}, checked by this bundle's reader and by sox and ffmpeg, which know
 * nothing of it.
 */
class WavWriterTest {
	private static final int RATE = 48000;

	@TempDir
	Path dir;

	/** uniform noise in [-amplitude, amplitude], two channels of different content */
	private static float[][] noise(int frames, float amplitude, long seed) {
		Random rnd = new Random(seed);
		float[][] x = new float[2][frames];
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < frames; i++) {
				x[c][i] = (rnd.nextFloat() * 2 - 1) * amplitude * (c == 0 ? 1 : 0.5f);
			}
		}
		return x;
	}

	/** Writes {@code x} in blocks of uneven sizes, as a renderer with a varying last block does. */
	private static void write(WavWriter w, float[][] x) throws IOException {
		int frames = x[0].length;
		int done = 0;
		for (int block = 1; done < frames; block = block * 3 % 5000 + 1) {
			int n = Math.min(block, frames - done);
			w.write(x, done, n);
			done += n;
		}
	}

	private static String id(byte[] b, int at) {
		return new String(b, at, 4, StandardCharsets.US_ASCII);
	}

	/** @return the position of the chunk {@code id} in a RIFF file, found by walking the chunks; -1 if absent */
	private static int findChunk(byte[] b, String id) {
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		for (int p = 12; p + 8 <= b.length;) {
			if (id(b, p).equals(id)) {
				return p;
			}
			long size = bb.getInt(p + 4) & 0xFFFFFFFFL;
			if (id(b, p).equals("data") && size == 0xFFFFFFFFL) {
				return -1;
			}
			p += 8 + size + (size & 1);
		}
		return -1;
	}

	@Test
	void float32IsBitExactAndNeverClipped() throws IOException {
		float[][] x = noise(30_000, 1f, 7);
		x[0][10] = 1.5f;
		x[1][11] = -3.25f;
		x[0][12] = Float.MIN_VALUE;
		x[1][13] = 1e-30f;
		Path f = dir.resolve("f32.wav");
		try (WavWriter w = new WavWriter(f, 2, RATE, SampleFormat.F32, 1)) {
			write(w, x);
		}
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertEquals("WAV float 32-bit", r.formatDescription());
			float[][] got = Tools.readAll(r);
			for (int c = 0; c < 2; c++) {
				assertArrayEquals(x[c], got[c], 0f, "own reader, channel " + c);
			}
		}
		// ffmpeg passes float through untouched: bit exact, 1.5 and -3.25 included
		float[][] ff = Tools.ffmpegDecode(f, 2);
		for (int c = 0; c < 2; c++) {
			assertArrayEquals(x[c], ff[c], 0f, "ffmpeg, channel " + c);
		}
		assertEquals("Floating Point PCM", Tools.run("sox", "--i", "-e", f.toString()));
		assertEquals(32, Tools.soxInfo(f, 'b'));
		assertEquals(30_000, Tools.soxInfo(f, 's'));
		assertEquals(2, Tools.soxInfo(f, 'c'));
		assertEquals(RATE, Tools.soxInfo(f, 'r'));
		byte[] b = Files.readAllBytes(f);
		int fact = findChunk(b, "fact");
		assertTrue(fact > 0, "fact chunk present");
		assertEquals(30_000, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(fact + 8), "fact sample length");
		assertEquals(b.length - 8, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(4), "RIFF size");
	}

	@ParameterizedTest
	@EnumSource(names = { "S24", "S16" })
	void integerRoundTripIsDitheredWithinOneAndAHalfLsb(SampleFormat format) throws IOException {
		int frames = 100_000;
		float[][] x = noise(frames, 0.9f, 11);
		Path f = dir.resolve(format.id() + ".wav");
		try (WavWriter w = new WavWriter(f, 2, RATE, format, 42)) {
			write(w, x);
		}
		double lsb = Math.scalb(1.0, format.bitsPerSample() - 1);
		float[][] got;
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertEquals("WAV PCM " + format.bitsPerSample() + "-bit", r.formatDescription());
			got = Tools.readAll(r);
		}
		// sox decodes the same integers: exact in float
		float[][] sox = Tools.soxDecode(f, 2);
		assertEquals(format.bitsPerSample(), Tools.soxInfo(f, 'b'));
		assertEquals("Signed Integer PCM", Tools.run("sox", "--i", "-e", f.toString()));
		double sum = 0;
		double sumSquares = 0;
		double worst = 0;
		for (int c = 0; c < 2; c++) {
			assertArrayEquals(sox[c], got[c], 0f, "sox agrees, channel " + c);
			for (int i = 0; i < frames; i++) {
				double e = (got[c][i] - (double) x[c][i]) * lsb;
				sum += e;
				sumSquares += e * e;
				worst = Math.max(worst, Math.abs(e));
			}
		}
		int n = 2 * frames;
		double mean = sum / n;
		double variance = sumSquares / n - mean * mean;
		// TPDF of +-1 LSB plus rounding: |error| <= 1.5 LSB; mean 0; variance 1/6 + 1/12 = 1/4 LSB^2
		// (Lipshitz, Wannamaker, Vanderkooy, "Quantization and dither: a theoretical survey", JAES 1992)
		assertTrue(worst <= 1.5 + 1e-6, "worst error " + worst + " LSB");
		assertTrue(worst > 1.0, "dither is there: worst error " + worst + " LSB exceeds plain rounding");
		// the standard error of the mean over 200 000 samples is 0.5/447 = 0.0011 LSB
		assertEquals(0, mean, 0.006, "mean error in LSB");
		assertEquals(0.25, variance, 0.01, "error variance in LSB^2");
	}

	@ParameterizedTest
	@EnumSource(names = { "S24", "S16" })
	void integerFormatsClipAndAreReproducible(SampleFormat format) throws IOException {
		float[][] x = { { 1.5f, -1.5f, 2f, 0f }, { -1.5f, 1.5f, -100f, 0f } };
		Path a = dir.resolve("a.wav");
		Path b = dir.resolve("b.wav");
		Path c = dir.resolve("c.wav");
		float[][] big = noise(5000, 1f, 3);
		for (Path p : List.of(a, b, c)) {
			try (WavWriter w = new WavWriter(p, 2, RATE, format, p == c ? 2 : 1)) {
				w.write(x, 0, 4);
				w.write(big, 0, 5000);
			}
		}
		float max = (float) ((Math.scalb(1.0, format.bitsPerSample() - 1) - 1) / Math.scalb(1.0, format.bitsPerSample() - 1));
		float[][] sox = Tools.soxDecode(a, 2);
		assertArrayEquals(new float[] { max, -1f, max }, new float[] { sox[0][0], sox[0][1], sox[0][2] }, 0f);
		assertArrayEquals(new float[] { -1f, max, -1f }, new float[] { sox[1][0], sox[1][1], sox[1][2] }, 0f);
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed, same bytes");
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)), "another seed, other dither");
	}

	@Test
	void nothingAppearsBeforeCloseAndAbortLeavesNothing() throws IOException {
		Path f = dir.resolve("out.wav");
		WavWriter w = new WavWriter(f, 2, RATE, SampleFormat.S24, 1);
		w.write(noise(10_000, 0.5f, 1), 0, 10_000);
		assertFalse(Files.exists(f), "the target appears only on close");
		assertEquals(1, count(dir), "one temporary file while writing");
		w.abort();
		w.abort();
		assertEquals(0, count(dir), "abort removes the temporary file");
		assertThrows(IllegalStateException.class, () -> w.write(new float[2][1], 0, 1));

		// an existing target survives an aborted render untouched
		Files.writeString(f, "previous render");
		WavWriter w2 = new WavWriter(f, 1, RATE, SampleFormat.F32, 1);
		w2.write(new float[1][100], 0, 100);
		w2.abort();
		assertEquals("previous render", Files.readString(f));
		assertEquals(1, count(dir));

		// and is replaced by a completed one
		try (WavWriter w3 = new WavWriter(f, 1, RATE, SampleFormat.F32, 1)) {
			w3.write(new float[1][100], 0, 100);
		}
		assertEquals(100, Tools.soxInfo(f, 's'));
		assertEquals(1, count(dir), "no temporary file left after close");
	}

	private static long count(Path d) throws IOException {
		try (Stream<Path> s = Files.list(d)) {
			return s.count();
		}
	}

	@Test
	void unwritableTargetsNameThePath() throws IOException {
		Path missing = dir.resolve("no-such-dir").resolve("mix.wav");
		AudioFileException e = assertThrows(AudioFileException.class,
				() -> new WavWriter(missing, 2, RATE, SampleFormat.F32, 1));
		assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
		assertTrue(e.getMessage().contains(missing.getParent() + " does not exist"), e.getMessage());

		Path file = Files.writeString(dir.resolve("plain-file"), "x");
		Path under = file.resolve("mix.wav");
		e = assertThrows(AudioFileException.class, () -> new WavWriter(under, 2, RATE, SampleFormat.S16, 1));
		assertTrue(e.getMessage().contains(file + " is not a directory"), e.getMessage());

		Path directory = Files.createDirectory(dir.resolve("mix.wav"));
		e = assertThrows(AudioFileException.class, () -> new WavWriter(directory, 2, RATE, SampleFormat.S16, 1));
		assertTrue(e.getMessage().startsWith(directory.toString()) && e.getMessage().contains("directory"),
				e.getMessage());
	}

	@Test
	void switchesToRf64PastTheThreshold() throws IOException {
		float[][] x = noise(24_000, 1.2f, 5);
		Path f = dir.resolve("rf64.wav");
		// 1000 bytes stands in for 4 GiB: the same code path, on a file a test can afford
		try (WavWriter w = new WavWriter(f, 2, RATE, SampleFormat.F32, 1, 1000)) {
			write(w, x);
		}
		byte[] b = Files.readAllBytes(f);
		ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals("RF64", id(b, 0));
		assertEquals(-1, bb.getInt(4), "RIFF size in ds64");
		assertEquals("ds64", id(b, 12));
		assertEquals(b.length - 8, bb.getLong(20), "ds64 RIFF size");
		assertEquals(24_000L * 8, bb.getLong(28), "ds64 data size");
		assertEquals(24_000L, bb.getLong(36), "ds64 sample count");
		float[][] ff = Tools.ffmpegDecode(f, 2);
		for (int c = 0; c < 2; c++) {
			assertArrayEquals(x[c], ff[c], 0f, "ffmpeg reads the RF64 file bit exact, channel " + c);
		}
		assertEquals(24_000, Tools.soxInfo(f, 's'), "sox reads the RF64 length");
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertTrue(r.formatDescription().startsWith("RF64"), r.formatDescription());
			float[][] got = Tools.readAll(r);
			assertArrayEquals(x[1], got[1], 0f);
		}
	}

	@Test
	void rf64WithOddDataAndBelowThresholdStaysRiff() throws IOException {
		float[][] mono = new float[1][1001];
		for (int i = 0; i < mono[0].length; i++) {
			mono[0][i] = (float) Math.sin(i * 0.05) * 0.8f;
		}
		Path rf = dir.resolve("odd-rf64.wav");
		try (WavWriter w = new WavWriter(rf, 1, 44100, SampleFormat.S24, 9, 100)) {
			w.write(mono, 0, 1001);
		}
		byte[] b = Files.readAllBytes(rf);
		assertEquals("RF64", id(b, 0));
		assertEquals(0, b.length % 2, "3003 data bytes are padded to an even length");
		assertEquals(1001, Tools.soxInfo(rf, 's'));
		float[][] ff = Tools.ffmpegDecode(rf, 1);
		assertEquals(1001, ff[0].length, "ffmpeg reads exactly the frames written");

		Path riff = dir.resolve("riff.wav");
		try (WavWriter w = new WavWriter(riff, 1, 44100, SampleFormat.S24, 9)) {
			w.write(mono, 0, 1001);
		}
		byte[] r = Files.readAllBytes(riff);
		assertEquals("RIFF", id(r, 0));
		assertEquals("JUNK", id(r, 12), "room for ds64 is reserved");
		assertArrayEquals(Tools.ffmpegDecode(riff, 1)[0], ff[0], 0f, "same samples either way");
	}
}
