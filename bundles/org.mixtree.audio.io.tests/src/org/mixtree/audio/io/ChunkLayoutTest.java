package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte layouts built by hand for the chunk arrangements that tools rarely write but recorders and editors do:
 * JUNK before fmt, LIST between fmt and data, odd sizes with their pad byte, bext, fact, cue and LIST after
 * the data. The expected samples are the integers the test itself put into the data chunk.
 */
class ChunkLayoutTest {
	static final int FRAMES = 1000;

	@TempDir
	Path dir;

	/** Builds RIFF files chunk by chunk; sizes are written as given, so broken files are as easy as good ones. */
	static final class Riff {
		private final ByteArrayOutputStream body = new ByteArrayOutputStream();
		private final String magic;

		Riff(String magic) {
			this.magic = magic;
		}

		Riff() {
			this("RIFF");
		}

		/** Adds a chunk, with the pad byte when {@code data} has an odd length. */
		Riff chunk(String id, byte[] data) {
			return chunk(id, data.length, data, true);
		}

		Riff chunk(String id, long declaredSize, byte[] data, boolean pad) {
			body.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(le(4, declaredSize));
			body.writeBytes(data);
			if (pad && (data.length & 1) != 0) {
				body.write(0);
			}
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.writeBytes(magic.getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(le(4, "RIFF".equals(magic) ? body.size() + 4 : 0xFFFFFFFFL));
			out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(body.toByteArray());
			return out.toByteArray();
		}

		Path write(Path file) throws IOException {
			return Files.write(file, bytes());
		}
	}

	static byte[] le(int bytes, long value) {
		byte[] b = new byte[bytes];
		for (int i = 0; i < bytes; i++) {
			b[i] = (byte) (value >> (8 * i));
		}
		return b;
	}

	static byte[] fmt(int tag, int channels, int rate, int blockAlign, int bits) {
		return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putShort((short) tag).putShort((short) channels)
				.putInt(rate).putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits).array();
	}

	static byte[] fmt16Stereo() {
		return fmt(1, 2, 48000, 4, 16);
	}

	static short left(int i) {
		return (short) (i * 977 - 31000);
	}

	static short right(int i) {
		return (short) (20000 - i * 523);
	}

	/** 16-bit stereo frames with values from {@link #left} and {@link #right} */
	static byte[] data16() {
		ByteBuffer b = ByteBuffer.allocate(FRAMES * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < FRAMES; i++) {
			b.putShort(left(i)).putShort(right(i));
		}
		return b.array();
	}

	static byte[] text(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] listInfo() {
		// LIST INFO with one INAM of 5 bytes (odd: padded inside the LIST)
		return ByteBuffer.allocate(4 + 8 + 6).put(text("INFO")).put(text("INAM")).put(le(4, 5)).put(text("Take\0"))
				.array();
	}

	private void assertReads(Path f) throws IOException {
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertEquals(2, r.channels());
			assertEquals(48000, r.sampleRate());
			assertEquals(FRAMES, r.frames());
			float[][] got = Tools.readAll(r);
			for (int i = 0; i < FRAMES; i++) {
				assertEquals(left(i) / 32768f, got[0][i], 0f, "left " + i);
				assertEquals(right(i) / 32768f, got[1][i], 0f, "right " + i);
			}
		}
	}

	@Test
	void canonical() throws IOException {
		assertReads(new Riff().chunk("fmt ", fmt16Stereo()).chunk("data", data16()).write(dir.resolve("plain.wav")));
	}

	@Test
	void junkBeforeFmt() throws IOException {
		assertReads(new Riff().chunk("JUNK", new byte[28]).chunk("fmt ", fmt16Stereo()).chunk("data", data16())
				.write(dir.resolve("junk.wav")));
	}

	@Test
	void listBetweenFmtAndData() throws IOException {
		assertReads(new Riff().chunk("fmt ", fmt16Stereo()).chunk("LIST", listInfo()).chunk("data", data16())
				.write(dir.resolve("list.wav")));
	}

	@Test
	void oddSizedChunksWithPadByte() throws IOException {
		Path f = new Riff().chunk("odd ", text("abc")).chunk("fmt ", fmt16Stereo()).chunk("iXML", text("<x/>\n"))
				.chunk("data", data16()).write(dir.resolve("odd.wav"));
		assertReads(f);
		// sox, reading the same bytes, agrees that the pad bytes were honoured
		float[][] sox = Tools.soxDecode(f, 2);
		assertEquals(FRAMES, sox[0].length);
		assertEquals(left(0) / 32768f, sox[0][0], 0f);
		assertEquals(right(FRAMES - 1) / 32768f, sox[1][FRAMES - 1], 0f);
	}

	@Test
	void bextFactPadAndChunksAfterData() throws IOException {
		byte[] bext = new byte[602];
		System.arraycopy(text("Mixtree test"), 0, bext, 0, 12);
		assertReads(new Riff().chunk("bext", bext).chunk("fmt ", fmt16Stereo()).chunk("fact", le(4, FRAMES))
				.chunk("PAD ", new byte[100]).chunk("data", data16()).chunk("cue ", new byte[28])
				.chunk("LIST", listInfo()).write(dir.resolve("bext.wav")));
	}

	@Test
	void oddDataChunkFollowedByAChunk() throws IOException {
		// mono 24-bit, 3 frames: 9 data bytes, a pad byte, then a LIST chunk that must not be read as audio
		byte[] data = { 0x00, 0x00, 0x40, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x00, (byte) 0x80 };
		Path f = new Riff().chunk("fmt ", fmt(1, 1, 44100, 3, 24)).chunk("data", data).chunk("LIST", listInfo())
				.write(dir.resolve("odd24.wav"));
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertEquals(3, r.frames());
			float[][] got = Tools.readAll(r);
			assertArrayEquals(new float[] { 0.5f, -1f / 8388608, -8388607f / 8388608 }, got[0], 0f);
		}
	}

	@Test
	void fmtAfterData() throws IOException {
		// legal RIFF, written by some broadcast recorders that finish the header last
		assertReads(new Riff().chunk("data", data16()).chunk("fmt ", fmt16Stereo()).write(dir.resolve("late.wav")));
	}

	@Test
	void rf64ByHand() throws IOException {
		byte[] ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(FRAMES * 4)
				.putLong(FRAMES).putInt(0).array();
		byte[] data = data16();
		assertReads(new Riff("RF64").chunk("ds64", ds64).chunk("fmt ", fmt16Stereo())
				.chunk("data", 0xFFFFFFFFL, data, true).write(dir.resolve("rf64.wav")));
	}
}
