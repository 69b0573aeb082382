package org.mixtree.engine.realtime.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.internal.SourceReader;

/**
 * One source's prefetch: a single-producer/single-consumer ring of planar float frames indexed by the play
 * counter ({@link Clock}), filled ahead of the play position by the disk thread ({@link Prefetcher}) and read by
 * the mixer on the audio path through {@link SourceReader#read}. Frame {@code p} lives in slot {@code p & mask}.
 * <p>
 * Protocol: the disk thread writes slots, then publishes {@link #written} (volatile), and never writes a slot of a
 * frame at or after the consumer's published counter that is still before {@code written}; on a new generation
 * it first sets {@code written} to the consumer's counter, then {@link #gen}. The consumer reads {@code gen},
 * then {@code written}, so what it copies was published for its generation. A frame not yet there is played as
 * silence and counted in {@link #starved()}: the audio thread never waits for the disk.
 */
public final class PrefetchRing implements SourceReader {

	final Source source;
	final Path file;
	final int channels;
	final long frames;
	final float[][] data;
	final int mask;
	private final Clock clock;

	volatile int gen = -1;
	volatile long written;
	private volatile long starved;
	volatile String failure;
	private volatile boolean deleted;

	/** Disk thread only: the source reader (null when it could not be opened) and its position. */
	SourceReader reader;
	long readerPos;

	/**
	 * [main] A ring for {@code reader}'s source ({@code reader} null: the file could not be opened, {@code failure}
	 * says why; the track plays silence).
	 */
	public PrefetchRing(Source source, SourceReader reader, String failure, int capacityFrames, Clock clock) {
		this.source = source;
		this.reader = reader;
		this.file = reader == null ? source.file() : reader.file();
		this.channels = reader == null ? 1 : reader.channels();
		this.frames = reader == null ? 0 : reader.frames();
		this.failure = failure;
		int cap = Integer.highestOneBit(Math.max(1024, capacityFrames - 1)) << 1;
		this.data = new float[channels][cap];
		this.mask = cap - 1;
		this.clock = clock;
	}

	/** @return the source this ring reads */
	public Source source() {
		return source;
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int channels() {
		return channels;
	}

	@Override
	public long frames() {
		return frames;
	}

	/** [any] @return frames of silence played because the prefetch was late or the file failed */
	public long starved() {
		return starved;
	}

	/** [any] @return why the file failed, or null */
	public String failure() {
		return failure;
	}

	/**
	 * [disk thread] Looks whether the file is still there. A file deleted while playing is still read through the
	 * open file (its data stays until it is closed), so the track plays on; it is reported once
	 * ({@link #deleted()}) because the session will not find it when opened again.
	 */
	public void checkFile() {
		if (!deleted && reader != null && file != null && !java.nio.file.Files.exists(file)) {
			deleted = true;
		}
	}

	/** [any] @return whether the file was found deleted while this ring read it ({@link #checkFile}) */
	public boolean deleted() {
		return deleted;
	}

	/** [any] @return frames ready ahead of counter {@code p} of generation {@code g} */
	public long buffered(int g, long p) {
		return gen == g ? Math.max(0, written - p) : 0;
	}

	/**
	 * [audio, a mixer worker] Copies the frames of play counter {@code blockStart + offset ..}; what is not there
	 * yet is silence, counted. Always delivers {@code count} frames; allocates nothing.
	 */
	@Override
	public int read(float[][] dst, int offset, int count) {
		long p = clock.blockStart + offset;
		int got = 0;
		if (gen == clock.gen) {
			long w = written;
			got = (int) Math.max(0, Math.min(count, w - p));
		}
		if (got > 0) {
			int slot = (int) (p & mask);
			int first = Math.min(got, data[0].length - slot);
			for (int c = 0; c < channels; c++) {
				System.arraycopy(data[c], slot, dst[c], offset, first);
				System.arraycopy(data[c], 0, dst[c], offset + first, got - first);
			}
		}
		if (got < count) {
			for (int c = 0; c < channels; c++) {
				java.util.Arrays.fill(dst[c], offset + got, offset + count, 0f);
			}
			// one writer at a time (the mixer's barrier orders the blocks), so read-add-write is safe
			starved = starved + (count - got);
		}
		return count;
	}

	/** [disk, at close] Closes the source reader. */
	@Override
	public void close() {
		SourceReader r = reader;
		reader = null;
		if (r != null) {
			try {
				r.close();
			} catch (IOException | RuntimeException e) {
				// nothing more will be read; a failing close changes nothing heard
			}
		}
	}
}
