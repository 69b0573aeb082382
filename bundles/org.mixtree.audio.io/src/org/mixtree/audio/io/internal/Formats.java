package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFileReader;

/**
 * Recognises a file by its first bytes (never by its name: stems arrive as .wav files that are AIFF, and the
 * other way round) and hands it to the parser of its format: RIFF/RF64/BW64 WAVE, FORM AIFF/AIFC, and
 * {@code fLaC} (after an ID3v2 tag, if any). May be called from any thread.
 */
public final class Formats {

	private Formats() {
	}

	/** Opens {@code file} for reading, with a message naming it and the reason when that is impossible. */
	public static FileChannel openChannel(Path file) throws AudioFileException {
		if (Files.isDirectory(file)) {
			throw new AudioFileException(file, "is a directory, not an audio file");
		}
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		} catch (NoSuchFileException e) {
			throw new AudioFileException(file, "file not found");
		} catch (AccessDeniedException e) {
			throw new AudioFileException(file, "permission denied");
		} catch (IOException e) {
			throw new AudioFileException(file, "cannot open: " + e.getMessage(), e);
		}
	}

	/** Parses the header of the WAV or AIFF file {@code in} reads. */
	private static StreamLayout parsePcm(HeaderInput in) throws IOException {
		Path file = in.path();
		long size = in.size();
		if (size < 12) {
			throw new AudioFileException(file, size == 0 ? "empty file, not a WAV, AIFF or FLAC file"
					: "not a WAV, AIFF or FLAC file (only " + size + " bytes long)");
		}
		ByteBuffer magic = in.read(0, 12, ByteOrder.BIG_ENDIAN, "file header");
		String riff = HeaderInput.fourcc(magic);
		magic.getInt();
		String form = HeaderInput.fourcc(magic);
		switch (riff) {
		case "RIFF", "RF64", "BW64" -> {
			if (!"WAVE".equals(form)) {
				throw new AudioFileException(file, "not a WAV file (a RIFF file of type '" + form + "')");
			}
			return WavParser.parse(in, !"RIFF".equals(riff));
		}
		case "FORM" -> {
			if ("AIFF".equals(form) || "AIFC".equals(form)) {
				return AiffParser.parse(in, "AIFC".equals(form));
			}
			throw new AudioFileException(file, "not an AIFF file (an IFF file of type '" + form + "')");
		}
		case "RIFX" -> throw new AudioFileException(file, "big-endian RIFX WAV files are not supported");
		default -> {
			int b0 = magic.get(0) & 0xFF;
			int b1 = magic.get(1) & 0xFF;
			// an ID3v2 tag not followed by fLaC, or an MPEG audio frame sync (11 bits set, layer not 00)
			if (FlacParser.id3Length(in) > 0 || b0 == 0xFF && (b1 & 0xE0) == 0xE0 && (b1 & 0x06) != 0) {
				throw new AudioFileException(file, "not a WAV, AIFF or FLAC file (it looks like MP3, which Mixtree does"
						+ " not read: convert it to WAV or FLAC)");
			}
			throw new AudioFileException(file, "not a WAV, AIFF or FLAC file (unknown format, it starts with '" + riff
					+ "')");
		}
		}
	}

	/** Opens, parses and closes {@code file}: the probe behind {@code AudioFiles.info}. */
	public static AudioFileInfo probe(Path file) throws IOException {
		try (FileChannel ch = openChannel(file)) {
			HeaderInput in = new HeaderInput(file, ch, ch.size());
			long marker = FlacParser.markerOffset(in);
			if (marker >= 0) {
				// the reader checks the last frames: a file cut short is refused here, as a short WAV file is
				FlacParser.Layout l = FlacParser.parse(in, marker);
				long frames = new FlacStreamReader(l, ch).frames();
				return new AudioFileInfo(file, l.channels(), l.sampleRate(), frames, l.description());
			}
			StreamLayout l = parsePcm(in);
			return new AudioFileInfo(file, l.channels(), l.sampleRate(), l.frames(), l.description());
		}
	}

	/** @return a streaming reader of {@code file} at its own rate */
	public static AudioFileReader open(Path file) throws IOException {
		FileChannel ch = openChannel(file);
		try {
			HeaderInput in = new HeaderInput(file, ch, ch.size());
			long marker = FlacParser.markerOffset(in);
			if (marker >= 0) {
				return new FlacStreamReader(FlacParser.parse(in, marker), ch);
			}
			return new PcmStreamReader(parsePcm(in), ch);
		} catch (IOException | RuntimeException e) {
			ch.close();
			throw e;
		}
	}
}
