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

/**
 * Recognises a file by its first twelve bytes (never by its name: stems arrive as .wav files that are AIFF,
 * and the other way round) and hands it to the parser of its format. May be called from any thread.
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

	/** Parses the header of the file {@code channel} reads; leaves the channel open. */
	public static StreamLayout parse(Path file, FileChannel channel) throws IOException {
		long size = channel.size();
		HeaderInput in = new HeaderInput(file, channel, size);
		if (size < 12) {
			throw new AudioFileException(file, size == 0 ? "empty file, not a WAV or AIFF file"
					: "not a WAV or AIFF file (only " + size + " bytes long)");
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
		default -> throw new AudioFileException(file, "not a WAV or AIFF file (unknown format, it starts with '" + riff
				+ "')");
		}
	}

	/** Opens, parses and closes {@code file}: the probe behind {@code AudioFiles.info}. */
	public static StreamLayout probe(Path file) throws IOException {
		try (FileChannel ch = openChannel(file)) {
			return parse(file, ch);
		}
	}

	/** @return a streaming reader of {@code file} at its own rate */
	public static PcmStreamReader open(Path file) throws IOException {
		FileChannel ch = openChannel(file);
		try {
			return new PcmStreamReader(parse(file, ch), ch);
		} catch (IOException | RuntimeException e) {
			ch.close();
			throw e;
		}
	}
}
