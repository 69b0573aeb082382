package org.mixtree.audio.io;

import java.io.IOException;
import java.nio.file.Path;

/** Entry point: opens the audio files users bring (WAV, RF64, AIFF, AIFF-C). */
public final class AudioFiles {
	private AudioFiles() {
	}

	/**
	 * Opens {@code file} for streaming at its own sample rate.
	 *
	 * @throws AudioFileException when the file is missing, not audio, unsupported (u-law, 8-bit, more than 2
	 *                            channels...) or corrupt; the message names the file and the reason
	 */
	public static AudioFileReader open(Path file) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Opens {@code file} so that {@link AudioFileReader#read} delivers frames at {@code sampleRate}, converting
	 * with the band-limited {@link org.mixtree.dsp.Resampler} when the file has another rate.
	 */
	public static AudioFileReader open(Path file, int sampleRate) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}
}
