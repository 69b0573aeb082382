package org.mixtree.audio.io;

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
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.ChunkLayoutTest.Riff;

/**
 * Every file Mixtree refuses: the exception message is what the command line prints, so it must name the
 * file, say why, and fit on one line. Both {@link AudioFiles#open} and {@link AudioFiles#info} refuse alike.
 */
class RefusalTest {

	@TempDir
	Path dir;

	/** Asserts that opening and probing {@code f} fail with a one-line message naming it and containing each of {@code reasons}. */
	private static String assertRefused(Path f, String... reasons) {
		AudioFileException e = assertThrows(AudioFileException.class, () -> AudioFiles.open(f).close());
		String m = e.getMessage();
		assertTrue(m.startsWith(f.toString() + ": "), "names the file: " + m);
		assertFalse(m.contains("\n"), "one line: " + m);
		for (String reason : reasons) {
			assertTrue(m.contains(reason), "'" + m + "' says '" + reason + "'");
		}
		assertEquals(f, e.file());
		AudioFileException probe = assertThrows(AudioFileException.class, () -> AudioFiles.info(f));
		assertEquals(m, probe.getMessage(), "info refuses as open does");
		return m;
	}

	private Path sox(String name, String... options) {
		Path f = dir.resolve(name);
		String[] cmd = new String[options.length + 7];
		cmd[0] = "sox";
		cmd[1] = "-n";
		System.arraycopy(options, 0, cmd, 2, options.length);
		cmd[options.length + 2] = f.toString();
		System.arraycopy(new String[] { "synth", "0.2", "sine", "440" }, 0, cmd, options.length + 3, 4);
		Tools.run(cmd);
		return f;
	}

	@Test
	void uLaw() {
		assertRefused(sox("ulaw.wav", "-r", "8000", "-c", "1", "-e", "u-law"), "u-law", "not supported");
	}

	@Test
	void aLaw() {
		assertRefused(sox("alaw.wav", "-r", "8000", "-c", "1", "-e", "a-law"), "A-law", "not supported");
	}

	@Test
	void eightBit() {
		assertRefused(sox("u8.wav", "-r", "44100", "-c", "1", "-b", "8"), "8-bit");
	}

	@Test
	void eightBitAiff() {
		assertRefused(sox("s8.aiff", "-r", "44100", "-c", "1", "-b", "8"), "8-bit");
	}

	@Test
	void imaAdpcm() {
		assertRefused(sox("ima.wav", "-r", "22050", "-c", "1", "-e", "ima-adpcm"), "IMA ADPCM", "not supported");
	}

	@Test
	void msAdpcm() {
		assertRefused(sox("ms.wav", "-r", "22050", "-c", "1", "-e", "ms-adpcm"), "MS ADPCM", "not supported");
	}

	@Test
	void uLawAiffC() {
		Path f = dir.resolve("ulaw.aifc");
		Tools.ffmpeg("-f", "lavfi", "-i", "sine=f=440:d=0.2:r=8000", "-f", "aiff", "-c:a", "pcm_mulaw", f.toString());
		assertRefused(f, "u-law", "not supported");
	}

	@Test
	void threeChannels() {
		assertRefused(sox("3ch.wav", "-r", "48000", "-c", "3", "-b", "16"), "3 channels");
	}

	@Test
	void sixChannelsExtensible() {
		assertRefused(sox("51.wav", "-r", "48000", "-c", "6", "-b", "24"), "6 channels");
	}

	@Test
	void fourChannelAiff() {
		assertRefused(sox("quad.aiff", "-r", "48000", "-c", "4", "-b", "16"), "4 channels");
	}

	@Test
	void truncatedData() throws IOException {
		Path full = sox("full.wav", "-r", "48000", "-c", "2", "-b", "16");
		long frames = Tools.soxInfo(full, 's');
		byte[] bytes = Files.readAllBytes(full);
		// sox writes the canonical 44-byte header for 16-bit PCM: data starts at byte 44
		assertEquals("data", new String(bytes, 36, 4, StandardCharsets.US_ASCII));
		int cut = 44 + 10_001;
		Path f = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, cut));
		assertRefused(f, "truncated", String.valueOf(frames * 4), String.valueOf(cut - 44));
	}

	@Test
	void truncatedAiff() throws IOException {
		Path full = sox("full.aiff", "-r", "48000", "-c", "2", "-b", "24");
		byte[] bytes = Files.readAllBytes(full);
		Path f = Files.write(dir.resolve("cut.aiff"), Arrays.copyOf(bytes, bytes.length / 2));
		assertRefused(f, "truncated", String.valueOf(Tools.soxInfo(full, 's') * 6));
	}

	@Test
	void headerCutShort() throws IOException {
		Path full = sox("h.wav", "-r", "48000", "-c", "2", "-b", "24");
		for (int length : new int[] { 30, 13, 60 }) {
			Path f = Files.write(dir.resolve("h" + length + ".wav"), Arrays.copyOf(Files.readAllBytes(full), length));
			assertRefused(f, "header cut short");
		}
	}

	@Test
	void garbage() throws IOException {
		byte[] noise = new byte[5000];
		new Random(1).nextBytes(noise);
		assertRefused(Files.write(dir.resolve("noise.wav"), noise), "not a WAV, AIFF or FLAC file");
		assertRefused(Files.writeString(dir.resolve("notes.wav"), "Hello, this is a text file and not audio.\n"),
				"not a WAV, AIFF or FLAC file");
		assertRefused(Files.write(dir.resolve("empty.wav"), new byte[0]), "empty file");
		assertRefused(Files.write(dir.resolve("tiny.aif"), new byte[] { 'F', 'O', 'R', 'M' }), "not a WAV, AIFF or FLAC");
		byte[] avi = new Riff().chunk("LIST", new byte[40]).bytes();
		System.arraycopy("AVI ".getBytes(StandardCharsets.US_ASCII), 0, avi, 8, 4);
		assertRefused(Files.write(dir.resolve("avi.wav"), avi), "not a WAV file", "AVI");
	}

	@Test
	void missingFileAndDirectory() throws IOException {
		assertRefused(dir.resolve("nowhere.wav"), "not found");
		assertRefused(Files.createDirectory(dir.resolve("folder.wav")), "directory");
	}

	@Test
	void corruptHeaders() throws IOException {
		byte[] data = new byte[400];
		assertRefused(write("zero-ch.wav", ChunkLayoutTest.fmt(1, 0, 48000, 4, 16), data), "corrupt", "zero channels");
		assertRefused(write("zero-rate.wav", ChunkLayoutTest.fmt(1, 2, 0, 4, 16), data), "corrupt", "sample rate");
		assertRefused(write("align.wav", ChunkLayoutTest.fmt(1, 2, 48000, 6, 16), data), "corrupt", "block align");
		assertRefused(write("short-fmt.wav", new byte[12], data), "corrupt", "fmt chunk");
		assertRefused(write("bits.wav", ChunkLayoutTest.fmt(1, 2, 48000, 4, 0), data), "corrupt");
		assertRefused(write("odd-bits.wav", ChunkLayoutTest.fmt(1, 1, 48000, 2, 12), data), "12-bit");
		assertRefused(Files.write(dir.resolve("nodata.wav"), new Riff().chunk("fmt ", ChunkLayoutTest.fmt16Stereo())
				.chunk("LIST", ChunkLayoutTest.listInfo()).bytes()), "data chunk");
		assertRefused(Files.write(dir.resolve("nofmt.wav"), new Riff().chunk("data", data).bytes()), "no fmt chunk");
		// extensible with a sub-format GUID that is not Microsoft's PCM/float
		byte[] ext = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).put(ChunkLayoutTest.fmt(0xFFFE, 2, 48000, 4, 16))
				.putShort((short) 22).putShort((short) 16).putInt(3).putLong(0x1234).putLong(0x5678).array();
		assertRefused(write("guid.wav", ext, data), "sub-format");
	}

	private Path write(String name, byte[] fmt, byte[] data) throws IOException {
		return Files.write(dir.resolve(name), new Riff().chunk("fmt ", fmt).chunk("data", data).bytes());
	}
}
