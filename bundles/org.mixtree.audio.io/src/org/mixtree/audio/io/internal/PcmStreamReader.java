package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileReader;

/**
 * Streams the frames of a parsed file through one fixed buffer of about {@value #BUFFER_BYTES} bytes, so
 * that 64 readers cost a few MiB however long the takes are. {@link #read} allocates nothing; a
 * {@link #seek} inside the buffered span costs no I/O.
 * <p>
 * Not thread-safe: one thread at a time (typically the disk prefetch thread), never the audio thread, since
 * reads touch the file.
 */
public final class PcmStreamReader implements AudioFileReader {
	/** Large enough that the per-call cost of a read from the file disappears, small enough for 64 tracks. */
	static final int BUFFER_BYTES = 64 * 1024;

	private static final float SCALE_16 = 1f / 32768f;
	private static final float SCALE_24 = 1f / 8388608f;
	private static final double SCALE_32 = 1.0 / 2147483648.0;

	private final StreamLayout layout;
	private final FileChannel channel;
	private final Encoding encoding;
	private final int channels;
	private final int blockAlign;
	private final ByteBuffer buffer;
	/** frame number of the first frame in {@link #buffer} */
	private long bufferStart;
	/** frame number of the next frame {@link #read} delivers */
	private long position;

	/** Takes ownership of {@code channel}, which {@link #close} closes. */
	public PcmStreamReader(StreamLayout layout, FileChannel channel) {
		this.layout = layout;
		this.channel = channel;
		this.encoding = layout.encoding();
		this.channels = layout.channels();
		this.blockAlign = layout.blockAlign();
		int frames = Math.max(1, BUFFER_BYTES / blockAlign);
		// direct: the channel reads into it as is, where a heap buffer is filled through a JDK temporary buffer
		this.buffer = ByteBuffer.allocateDirect(frames * blockAlign)
				.order(encoding.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		buffer.limit(0);
	}

	@Override
	public Path path() {
		return layout.path();
	}

	@Override
	public int channels() {
		return channels;
	}

	@Override
	public int sampleRate() {
		return layout.sampleRate();
	}

	@Override
	public long frames() {
		return layout.frames();
	}

	@Override
	public String formatDescription() {
		return layout.description();
	}

	/** @return the bytes this reader holds for samples: bounded, whatever the length of the file */
	public int bufferCapacity() {
		return buffer.capacity();
	}

	@Override
	public int read(float[][] dst, int offset, int count) throws IOException {
		Objects.checkFromIndexSize(offset, count, dst[0].length);
		int done = 0;
		while (done < count && position < layout.frames()) {
			if (!buffer.hasRemaining()) {
				fill();
			}
			int n = Math.min(count - done, buffer.remaining() / blockAlign);
			decode(dst, offset + done, n);
			done += n;
			position += n;
		}
		return done;
	}

	/** Refills the buffer from the frame at {@link #position}. */
	private void fill() throws IOException {
		long framesLeft = layout.frames() - position;
		int bytes = (int) Math.min(buffer.capacity(), framesLeft * blockAlign);
		long filePosition = layout.dataOffset() + position * blockAlign;
		buffer.clear().limit(bytes);
		while (buffer.hasRemaining()) {
			int n = channel.read(buffer, filePosition + buffer.position());
			if (n < 0) {
				// the file shrank after it was opened (a recorder still writing, or a copy cut short)
				throw new AudioFileException(layout.path(), "truncated file: it ended at byte "
						+ (filePosition + buffer.position()) + " while frame " + position + " of " + layout.frames()
						+ " was read");
			}
		}
		buffer.flip();
		bufferStart = position;
	}

	/** Decodes {@code n} interleaved frames from the buffer into planar floats; one loop per encoding. */
	private void decode(float[][] dst, int offset, int n) {
		ByteBuffer b = buffer;
		int end = offset + n;
		for (int c = 0; c < channels; c++) {
			int p = b.position() + c * encoding.bytesPerSample();
			float[] d = dst[c];
			switch (encoding) {
			case S16LE, S16BE -> {
				for (int i = offset; i < end; i++, p += blockAlign) {
					d[i] = b.getShort(p) * SCALE_16;
				}
			}
			case S24LE -> {
				// the decode is most of a render's cost: read each sample as one little-endian int (its top byte
				// belongs to the next sample) and sign-extend the low 24 bits; the buffer's last sample, which has
				// no byte after it, is read byte by byte
				int limit = b.limit() - 4;
				int i = offset;
				for (; i < end && p <= limit; i++, p += blockAlign) {
					d[i] = ((b.getInt(p) << 8) >> 8) * SCALE_24;
				}
				for (; i < end; i++, p += blockAlign) {
					int s = (b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16;
					d[i] = s * SCALE_24;
				}
			}
			case S24BE -> {
				for (int i = offset; i < end; i++, p += blockAlign) {
					int s = b.get(p) << 16 | (b.get(p + 1) & 0xFF) << 8 | (b.get(p + 2) & 0xFF);
					d[i] = s * SCALE_24;
				}
			}
			case S32LE, S32BE -> {
				for (int i = offset; i < end; i++, p += blockAlign) {
					d[i] = (float) (b.getInt(p) * SCALE_32);
				}
			}
			case F32LE, F32BE -> {
				for (int i = offset; i < end; i++, p += blockAlign) {
					d[i] = b.getFloat(p);
				}
			}
			case F64LE, F64BE -> {
				for (int i = offset; i < end; i++, p += blockAlign) {
					d[i] = (float) b.getDouble(p);
				}
			}
			}
		}
		b.position(b.position() + n * blockAlign);
	}

	@Override
	public void seek(long frame) throws IOException {
		if (frame < 0 || frame > layout.frames()) {
			throw new IllegalArgumentException("frame " + frame + " outside 0.." + layout.frames());
		}
		long bufferedFrames = buffer.limit() / blockAlign;
		if (frame >= bufferStart && frame < bufferStart + bufferedFrames) {
			buffer.position((int) (frame - bufferStart) * blockAlign);
		} else {
			buffer.limit(0);
		}
		position = frame;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
