package org.mixtree.audio.io;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.audio.io.internal.Formats;
import org.mixtree.audio.io.internal.ResamplingReader;

/**
 * Entry point: opens the audio files users bring (WAV, RF64, AIFF, AIFF-C, FLAC). The format is recognised from
 * the file's first bytes, not from its name. Every method may be called from any thread except the audio thread
 * (they touch the file system); each reader returned belongs to one thread at a time.
 */
public final class AudioFiles {
	private AudioFiles() {
	}

	/**
	 * Opens {@code file} for streaming at its own sample rate.
	 *
	 * @throws AudioFileException when the file is missing, not audio, unsupported (u-law, 8-bit PCM, more than
	 *                            2 channels...) or corrupt; the message names the file and the reason
	 */
	public static AudioFileReader open(Path file) throws IOException {
		return Formats.open(file);
	}

	/**
	 * Opens {@code file} so that {@link AudioFileReader#read} delivers frames at {@code sampleRate}, converting
	 * with the band-limited {@link org.mixtree.dsp.Resampler} when the file has another rate.
	 *
	 * @throws AudioFileException as {@link #open(Path)} does, and when the file's rate cannot be converted to
	 *                            {@code sampleRate} (a reduction steeper than the converter serves, see
	 *                            {@link org.mixtree.dsp.Resampler#check})
	 */
	public static AudioFileReader open(Path file, int sampleRate) throws IOException {
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
		}
		AudioFileReader reader = Formats.open(file);
		if (reader.sampleRate() == sampleRate) {
			return reader;
		}
		try {
			return new ResamplingReader(reader, sampleRate);
		} catch (IllegalArgumentException e) {
			// a ratio the converter cannot serve in bounded memory: only a corrupt header gives one
			reader.close();
			throw new AudioFileException(file, e.getMessage(), e);
		} catch (RuntimeException e) {
			reader.close();
			throw e;
		}
	}

	/**
	 * Reads the header of {@code file} only: channels, rate, length and format, for {@code mixtree info} and
	 * for checking stems before a session is built.
	 *
	 * @throws AudioFileException as {@link #open(Path)} does
	 */
	public static AudioFileInfo info(Path file) throws IOException {
		return Formats.probe(file);
	}
}
