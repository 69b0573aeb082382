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
	/** Bytes after the buffer's last frame, so that every sample can be read as a whole int (or wider). */
	private static final int SLACK = 8;

	private final StreamLayout layout;
	private final FileChannel channel;
	private final Encoding encoding;
	/**
	 * The decode loop, chosen once here: a switch on the enum in {@link #decode} would load its synthetic switch-map
	 * class (allocating, through the bundle's class loader) at the first read, which may be on a disk thread that must
	 * not allocate.
	 */
	private final int loop;
	private final int channels;
	private final int blockAlign;
	private final ByteBuffer buffer;
	/** frame number of the first frame in {@link #buffer} */
	private long bufferStart;
	/** byte offset in {@link #buffer} of the frame at {@link #position}, and the end of the bytes read into it */
	private int pos;
	private int end;
	/** frame number of the next frame {@link #read} delivers */
	private long position;

	/** Takes ownership of {@code channel}, which {@link #close} closes. */
	public PcmStreamReader(StreamLayout layout, FileChannel channel) {
		this.layout = layout;
		this.channel = channel;
		this.encoding = layout.encoding();
		this.channels = layout.channels();
		this.loop = switch (encoding) {
		case S16LE, S16BE -> 0;
		case S24LE -> 1;
		case S24BE -> 2;
		case S32LE, S32BE -> 3;
		case F32LE, F32BE -> 4;
		case F64LE, F64BE -> 5;
		};
		this.blockAlign = layout.blockAlign();
		int frames = Math.max(1, BUFFER_BYTES / blockAlign);
		// direct: the channel reads into it as is, where a heap buffer is filled through a JDK temporary buffer
		// SLACK bytes after the frames: a 24-bit sample is read as a 4-byte int, the last one too
		this.buffer = ByteBuffer.allocateDirect(frames * blockAlign + SLACK)
				.order(encoding.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
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
		return buffer.capacity() - SLACK;
	}

	@Override
	public int read(float[][] dst, int offset, int count) throws IOException {
		Objects.checkFromIndexSize(offset, count, dst[0].length);
		int done = 0;
		while (done < count && position < layout.frames()) {
			if (pos == end) {
				fill();
			}
			int n = Math.min(count - done, (end - pos) / blockAlign);
			decode(dst, offset + done, n);
			pos += n * blockAlign;
			done += n;
			position += n;
		}
		return done;
	}

	/** Refills the buffer from the frame at {@link #position}. */
	private void fill() throws IOException {
		long framesLeft = layout.frames() - position;
		int bytes = (int) Math.min(buffer.capacity() - SLACK, framesLeft * blockAlign);
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
		// the whole buffer readable: the slack after the last frame is read (and shifted out) with it
		buffer.clear();
		pos = 0;
		end = bytes;
		bufferStart = position;
	}

	/**
	 * Decodes {@code n} interleaved frames from the buffer at {@link #pos} into planar floats. The decode is most of a
	 * render's cost, so each encoding has its own method holding one counted loop with a single exit and no branch
	 * inside: its profile and compiled code depend on nothing else (one shared loop with the switch inside compiled
	 * differently from run to run, 0.85 to 1.35 ns per 24-bit sample, with a deoptimisation per run). 24-bit samples
	 * are read as one 32-bit int each and shifted: the byte beyond a sample is the next sample's (or the buffer's
	 * slack after the last), and the shift drops it.
	 */
	private void decode(float[][] dst, int offset, int n) {
		ByteBuffer b = buffer;
		int bytes = encoding.bytesPerSample();
		int stride = blockAlign;
		for (int c = 0; c < channels; c++) {
			int p = pos + c * bytes;
			float[] d = dst[c];
			switch (loop) {
			case 0 -> s16(b, p, stride, d, offset, n);
			case 1 -> s24le(b, p, stride, d, offset, n);
			case 2 -> s24be(b, p, stride, d, offset, n);
			case 3 -> s32(b, p, stride, d, offset, n);
			case 4 -> f32(b, p, stride, d, offset, n);
			default -> f64(b, p, stride, d, offset, n);
			}
		}
	}

	private static void s16(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = b.getShort(p) * SCALE_16;
		}
	}

	/** The little-endian int at the sample holds it in its low 24 bits: shift up, then arithmetic shift down. */
	private static void s24le(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = ((b.getInt(p) << 8) >> 8) * SCALE_24;
		}
	}

	/** The big-endian int at the sample holds it in its high 24 bits: an arithmetic shift down sign-extends it. */
	private static void s24be(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = (b.getInt(p) >> 8) * SCALE_24;
		}
	}

	private static void s32(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = (float) (b.getInt(p) * SCALE_32);
		}
	}

	private static void f32(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = b.getFloat(p);
		}
	}

	private static void f64(ByteBuffer b, int p, int stride, float[] d, int offset, int n) {
		for (int i = offset, e = offset + n; i < e; i++, p += stride) {
			d[i] = (float) b.getDouble(p);
		}
	}

	@Override
	public void seek(long frame) throws IOException {
		if (frame < 0 || frame > layout.frames()) {
			throw new IllegalArgumentException("frame " + frame + " outside 0.." + layout.frames());
		}
		long bufferedFrames = end / blockAlign;
		if (frame >= bufferStart && frame < bufferStart + bufferedFrames) {
			pos = (int) (frame - bufferStart) * blockAlign;
		} else {
			pos = 0;
			end = 0;
		}
		position = frame;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
