package org.mixtree.views.waveform.analysis;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;

/**
 * Reads a source file through {@code org.mixtree.audio.io} (any format it decodes, at the file's own rate) and reduces
 * it to an {@link Overview}, streaming (memory does not grow with the file), and keeps the last few overviews made:
 * the key is the file, its size and modification time and the width, so an edited file is read again and a resize
 * to a width seen before costs nothing.
 * <p>
 * Thread rules: {@link #read} runs off the UI thread (a file of minutes takes a fraction of a second); the cache is
 * synchronized, so one reader may serve several threads.
 */
public final class OverviewReader {
	private static final int BLOCK = 8192;
	private static final int KEEP = 8;

	private record Key(Path file, long size, FileTime modified, int columns) {
	}

	private final Map<Key, Overview> cache = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Overview> eldest) {
			return size() > KEEP;
		}
	};
	private long reads;

	/**
	 * @param cancelled polled between blocks; when it holds, the read stops with an {@link InterruptedIOException}
	 * @return the overview of {@code file} on {@code columns} columns (cached)
	 * @throws IOException naming the file when it cannot be read
	 */
	public Overview read(Path file, int columns, BooleanSupplier cancelled) throws IOException {
		if (columns < 1) {
			throw new IllegalArgumentException("columns must be positive: " + columns);
		}
		Key key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file), columns);
		synchronized (cache) {
			Overview o = cache.get(key);
			if (o != null) {
				return o;
			}
		}
		Overview o = reduce(file, columns, cancelled);
		synchronized (cache) {
			cache.put(key, o);
			reads++;
		}
		return o;
	}

	/** @return files read (not taken from the cache) so far */
	public long reads() {
		synchronized (cache) {
			return reads;
		}
	}

	/** The reduction itself, uncached. */
	public static Overview reduce(Path file, int columns, BooleanSupplier cancelled) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			int ch = r.channels();
			long frames = r.frames();
			float[][] min = new float[ch][columns];
			float[][] max = new float[ch][columns];
			for (int c = 0; c < ch; c++) {
				java.util.Arrays.fill(min[c], Float.POSITIVE_INFINITY);
				java.util.Arrays.fill(max[c], Float.NEGATIVE_INFINITY);
			}
			float[][] buf = new float[ch][BLOCK];
			long pos = 0;
			int col = 0;
			long colEnd = Overview.firstFrame(1, frames, columns);
			while (pos < frames) {
				if (cancelled.getAsBoolean()) {
					throw new InterruptedIOException("reading " + file + " was cancelled");
				}
				int n = r.read(buf, 0, (int) Math.min(BLOCK, frames - pos));
				if (n <= 0) {
					break;
				}
				for (int i = 0; i < n; i++, pos++) {
					while (pos >= colEnd && col < columns - 1) {
						col++;
						colEnd = Overview.firstFrame(col + 1, frames, columns);
					}
					for (int c = 0; c < ch; c++) {
						float v = buf[c][i];
						if (v < min[c][col]) {
							min[c][col] = v;
						}
						if (v > max[c][col]) {
							max[c][col] = v;
						}
					}
				}
			}
			// columns narrower than a frame hold no frame of their own: they show the frame they start in, which the
			// next column that holds frames covers
			for (int c = 0; c < ch; c++) {
				for (int k = columns - 1; k >= 0; k--) {
					if (min[c][k] > max[c][k]) {
						boolean next = k + 1 < columns;
						min[c][k] = next ? min[c][k + 1] : 0f;
						max[c][k] = next ? max[c][k + 1] : 0f;
					}
				}
			}
			return new Overview(frames, r.sampleRate(), min, max);
		}
	}
}
