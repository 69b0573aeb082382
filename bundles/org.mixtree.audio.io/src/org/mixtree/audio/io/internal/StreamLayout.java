package org.mixtree.audio.io.internal;

import java.nio.file.Path;

/**
 * Where the samples of a parsed file lie and how they are stored: everything a streaming reader needs, and
 * nothing else, so that probing a file costs no sample buffer.
 *
 * @param dataOffset  byte offset of the first frame
 * @param frames      number of whole frames, checked to lie within the file
 * @param description e.g. {@code "WAV PCM 24-bit"}
 */
public record StreamLayout(Path path, Encoding encoding, int channels, int sampleRate, long dataOffset, long frames,
		String description) {

	/** @return bytes per frame */
	public int blockAlign() {
		return encoding.bytesPerSample() * channels;
	}
}
