package org.mixtree.engine.internal;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * What an offline source plays ({@link org.mixtree.engine.GraphDescription.Source#offline()}): stereo silence for
 * the length the session recorded, so the mix keeps its length and the rest of it plays on. Touches no file.
 */
final class SilentSourceReader implements SourceReader {
	private final Path file;
	private final long frames;
	private long position;

	SilentSourceReader(Path file, long frames) {
		this.file = file;
		this.frames = Math.max(0, frames);
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int channels() {
		return 2;
	}

	@Override
	public long frames() {
		return frames;
	}

	@Override
	public int read(float[][] dst, int offset, int count) {
		int n = (int) Math.min(count, frames - position);
		if (n <= 0) {
			return 0;
		}
		for (float[] channel : dst) {
			Arrays.fill(channel, offset, offset + n, 0f);
		}
		position += n;
		return n;
	}

	@Override
	public void seek(long frame) {
		position = Math.max(0, Math.min(frame, frames));
	}

	@Override
	public void close() {
		// nothing open
	}
}
