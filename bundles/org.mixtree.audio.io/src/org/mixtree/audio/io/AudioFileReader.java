package org.mixtree.audio.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A streaming reader of one audio file: it holds a small buffer, never the whole file, so memory does not
 * grow with the length of the file. Samples come out as 32-bit float, planar, nominally in [-1, 1].
 * <p>
 * Not thread-safe: one reader is used by one thread at a time.
 */
public interface AudioFileReader extends Closeable {

	/** @return the file this reader reads */
	Path path();

	/** @return the number of channels (1 or 2 for stems Mixtree accepts) */
	int channels();

	/** @return the sample rate of the frames {@link #read} delivers, in Hz */
	int sampleRate();

	/** @return the total number of frames {@link #read} delivers from the start */
	long frames();

	/** @return a short description of the stored format, e.g. {@code "WAV PCM 24-bit"} */
	String formatDescription();

	/**
	 * Reads up to {@code count} frames into {@code dst[channel][offset ..]}.
	 *
	 * @return the number of frames read; less than {@code count} only at the end of the file, 0 at the end
	 * @throws AudioFileException when the file is truncated or corrupt (the message names the file)
	 */
	int read(float[][] dst, int offset, int count) throws IOException;

	/** Moves the read position to {@code frame} (0 &lt;= frame &lt;= frames()). */
	void seek(long frame) throws IOException;
}
