package org.mixtree.audio.io;

import java.nio.file.Path;

/**
 * What {@link AudioFiles#info} finds in a file's header, without reading its samples.
 *
 * @param frames            frames at {@code sampleRate}
 * @param formatDescription e.g. {@code "WAV PCM 24-bit (extensible)"}
 */
public record AudioFileInfo(Path path, int channels, int sampleRate, long frames, String formatDescription) {

	/** @return the length in seconds */
	public double durationSeconds() {
		return (double) frames / sampleRate;
	}
}
