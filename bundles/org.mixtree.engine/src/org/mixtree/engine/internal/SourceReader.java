package org.mixtree.engine.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a track's frames come from: the one place the mixing loop touches anything outside memory. The
 * offline renderer reads files directly through it; the real-time player will put a prefetch ring behind the
 * same interface (a disk thread fills it, the audio thread only copies), so the mixer does not change.
 * <p>
 * Used by one thread at a time; the mixer hands a reader from worker to worker only across its per-block
 * barrier, which orders the calls.
 */
public interface SourceReader extends Closeable {

	/** @return the file (or a name for a generated source) that messages name when reading fails */
	Path file();

	/** @return 1 or 2 */
	int channels();

	/** @return the number of frames at the mix rate {@link #read} delivers from the start */
	long frames();

	/**
	 * Reads up to {@code count} frames into {@code dst[channel][offset ..]} (planar float, nominal [-1, 1]),
	 * continuing where the previous call stopped. Must not allocate.
	 *
	 * @return frames read; fewer than {@code count} only at the end, 0 at the end
	 */
	int read(float[][] dst, int offset, int count) throws IOException;

	/**
	 * Moves to frame {@code frame} (0 &lt;= frame &lt;= {@link #frames()}) at the mix rate: the real-time
	 * player's prefetch seeks on locate and loop. By default not supported.
	 *
	 * @throws IOException when the reader cannot seek or the file fails
	 */
	default void seek(long frame) throws IOException {
		throw new IOException("cannot seek in " + file());
	}
}
