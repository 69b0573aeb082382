package org.mixtree.audio.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.mixtree.audio.io.internal.AtomicFiles;
import org.mixtree.dsp.TpdfDither;

/**
 * Writes a WAV file (RF64 when the data outgrows 4 GiB) as 32-bit float, 24-bit or 16-bit PCM. The file is
 * written to a temporary file beside {@code target} and renamed onto it by {@link #close()}; {@link #abort()}
 * deletes the temporary file, so a failed render never leaves a partial output file. A target that is a symbolic
 * link is written through (the file at the end of the link gets the audio, the link stays a link), and a file
 * that is replaced keeps its permissions; a new one gets the umask's.
 * <p>
 * Layout: RIFF, a 28-byte JUNK chunk (room for a ds64 chunk, as EBU Tech 3306 recommends, so that a file that
 * passes 4 GiB becomes RF64 by rewriting the header only), fmt, fact (float only, as the WAV specification
 * asks of non-PCM formats), data. Float is written as WAVE_FORMAT_IEEE_FLOAT and never clipped; integer PCM
 * is TPDF-dithered and clipped, and uses the plain PCM tag, which every reader accepts for 24 bits.
 * <p>
 * Not thread-safe: one thread (the render thread) calls everything. {@link #write} allocates nothing.
 */
public final class WavWriter implements Closeable {
	private static final int BUFFER_BYTES = 64 * 1024;
	private static final int DS64_BODY = 28;
	private static final long UINT32_MAX = 0xFFFFFFFFL;

	/** the path as given, for messages */
	private final Path target;
	/** the file replaced: {@link #target} with symbolic links resolved */
	private final Path destination;
	private final Path temp;
	private final FileChannel out;
	private final int channels;
	private final SampleFormat format;
	private final TpdfDither dither;
	private final int blockAlign;
	private final ByteBuffer buffer;
	private final ByteBuffer header;
	private final long dataStart;
	private final long factPosition;
	/** data bytes above which the file must become RF64 */
	private final long rf64Threshold;
	private long dataBytes;
	private boolean finished;

	/**
	 * @param ditherSeed seed of the TPDF dither used for integer formats (fixed seed: reproducible output)
	 * @throws AudioFileException when the target cannot be written (message names the path)
	 */
	public WavWriter(Path target, int channels, int sampleRate, SampleFormat format, long ditherSeed) throws IOException {
		this(target, channels, sampleRate, format, ditherSeed, -1);
	}

	/**
	 * For tests: {@code rf64Threshold} (data bytes) replaces the 4 GiB limit of plain RIFF when not negative,
	 * so that the RF64 switch can be tested on a small file.
	 */
	WavWriter(Path target, int channels, int sampleRate, SampleFormat format, long ditherSeed, long rf64Threshold)
			throws IOException {
		if (channels < 1 || channels > 0xFFFF) {
			throw new IllegalArgumentException("channels: " + channels);
		}
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("sample rate: " + sampleRate);
		}
		this.target = target.toAbsolutePath();
		this.channels = channels;
		this.format = format;
		this.blockAlign = channels * format.bitsPerSample() / 8;
		this.dither = format == SampleFormat.F32 ? null : new TpdfDither(format.bitsPerSample(), ditherSeed);
		// direct: the channel writes it as is, where a heap buffer is copied through a JDK temporary buffer
		this.buffer = ByteBuffer.allocateDirect(BUFFER_BYTES / blockAlign * blockAlign).order(ByteOrder.LITTLE_ENDIAN);
		this.header = buildHeader(sampleRate);
		this.dataStart = header.limit();
		this.factPosition = format == SampleFormat.F32 ? dataStart - 8 - 12 : -1; // fact, then the data header
		// plain RIFF: the RIFF size (file length - 8, pad byte included) must fit in 32 bits
		this.rf64Threshold = rf64Threshold >= 0 ? rf64Threshold : UINT32_MAX - (dataStart - 8) - 1;
		Path dir = this.target.getParent();
		if (dir == null || !Files.isDirectory(dir)) {
			throw new AudioFileException(this.target, "cannot write: " + dir
					+ (dir != null && Files.exists(dir) ? " is not a directory" : " does not exist"));
		}
		if (Files.isDirectory(this.target)) {
			throw new AudioFileException(this.target, "cannot write: it is a directory");
		}
		try {
			this.destination = AtomicFiles.resolveLinks(this.target);
		} catch (IOException e) {
			throw new AudioFileException(this.target, "cannot write: " + AtomicFiles.describe(e), e);
		}
		dir = destination.getParent();
		Path t = null;
		FileChannel ch = null;
		for (int attempt = 0; ch == null; attempt++) {
			t = dir.resolve("." + destination.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
					+ ".part");
			try {
				ch = FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			} catch (FileAlreadyExistsException e) {
				if (attempt > 10) {
					throw new AudioFileException(this.target, "cannot create a temporary file in " + dir, e);
				}
			} catch (AccessDeniedException e) {
				throw new AudioFileException(this.target, "cannot write: directory " + dir + " is not writable", e);
			} catch (NoSuchFileException e) {
				throw new AudioFileException(this.target, "cannot write: directory " + dir + " does not exist", e);
			} catch (IOException e) {
				throw new AudioFileException(this.target, "cannot write in " + dir + ": " + e, e);
			}
		}
		this.temp = t;
		this.out = ch;
		try {
			AtomicFiles.copyAttributes(destination, temp);
			writeFully(header.duplicate(), 0);
		} catch (IOException e) {
			abort();
			throw new AudioFileException(this.target, "cannot write: " + e.getMessage(), e);
		}
	}

	private ByteBuffer buildHeader(int sampleRate) {
		boolean f32 = format == SampleFormat.F32;
		int fmtSize = f32 ? 18 : 16;
		int size = 12 + 8 + DS64_BODY + 8 + fmtSize + (f32 ? 12 : 0) + 8;
		ByteBuffer h = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
		putId(h, "RIFF").putInt(0);
		putId(h, "WAVE");
		putId(h, "JUNK").putInt(DS64_BODY).position(h.position() + DS64_BODY);
		putId(h, "fmt ").putInt(fmtSize);
		h.putShort((short) (f32 ? 3 : 1)).putShort((short) channels).putInt(sampleRate)
				.putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) format.bitsPerSample());
		if (f32) {
			h.putShort((short) 0); // cbSize
			putId(h, "fact").putInt(4).putInt(0);
		}
		putId(h, "data").putInt(0);
		return h.flip();
	}

	private static ByteBuffer putId(ByteBuffer b, String id) {
		for (int i = 0; i < 4; i++) {
			b.put((byte) id.charAt(i));
		}
		return b;
	}

	/** Writes {@code count} frames from {@code src[channel][offset ..]}. */
	public void write(float[][] src, int offset, int count) throws IOException {
		if (finished) {
			throw new IllegalStateException("writer already closed or aborted: " + target);
		}
		int done = 0;
		while (done < count) {
			if (!buffer.hasRemaining()) {
				flush();
			}
			int n = Math.min(count - done, buffer.remaining() / blockAlign);
			encode(src, offset + done, n);
			done += n;
		}
	}

	/** Interleaves {@code n} frames into the buffer. */
	private void encode(float[][] src, int offset, int n) {
		ByteBuffer b = buffer;
		int end = offset + n;
		switch (format) {
		case F32 -> {
			for (int i = offset; i < end; i++) {
				for (int c = 0; c < channels; c++) {
					b.putFloat(src[c][i]);
				}
			}
		}
		case S24 -> {
			for (int i = offset; i < end; i++) {
				for (int c = 0; c < channels; c++) {
					int s = dither.quantize(src[c][i]);
					b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
				}
			}
		}
		case S16 -> {
			for (int i = offset; i < end; i++) {
				for (int c = 0; c < channels; c++) {
					b.putShort((short) dither.quantize(src[c][i]));
				}
			}
		}
		}
	}

	private void flush() throws IOException {
		buffer.flip();
		writeFully(buffer, dataStart + dataBytes);
		dataBytes += buffer.limit();
		buffer.clear();
	}

	private void writeFully(ByteBuffer b, long position) throws IOException {
		long p = position;
		while (b.hasRemaining()) {
			p += out.write(b, p);
		}
	}

	/**
	 * @return the samples (of all channels) written so far that were clipped at full scale by quantising to 16 or
	 *         24 bits; 0 for float, which is never clipped
	 */
	public long clippedSamples() {
		return dither == null ? 0 : dither.clipped();
	}

	/** Finishes the header and moves the file onto the target. */
	@Override
	public void close() throws IOException {
		if (finished) {
			return;
		}
		try {
			flush();
			long padded = dataBytes + (dataBytes & 1);
			if ((dataBytes & 1) != 0) {
				writeFully(ByteBuffer.wrap(new byte[1]), dataStart + dataBytes);
			}
			long frames = dataBytes / blockAlign;
			long riffSize = dataStart + padded - 8;
			ByteBuffer h = header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
			if (dataBytes > rf64Threshold) {
				h.put(0, (byte) 'R').put(1, (byte) 'F').put(2, (byte) '6').put(3, (byte) '4');
				h.putInt(4, (int) UINT32_MAX);
				h.put(12, (byte) 'd').put(13, (byte) 's').put(14, (byte) '6').put(15, (byte) '4');
				h.putLong(20, riffSize).putLong(28, dataBytes).putLong(36, frames).putInt(44, 0);
				h.putInt((int) dataStart - 4, (int) UINT32_MAX);
				if (factPosition >= 0) {
					h.putInt((int) factPosition + 8, (int) UINT32_MAX);
				}
			} else {
				h.putInt(4, (int) riffSize);
				h.putInt((int) dataStart - 4, (int) dataBytes);
				if (factPosition >= 0) {
					h.putInt((int) factPosition + 8, (int) frames);
				}
			}
			writeFully(h, 0);
			// no fsync: the rename already makes the file appear whole or not at all to every reader, and forcing
			// hundreds of megabytes of a render to disk would cost seconds that a re-render can always make good
			out.close();
			Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			finished = true;
		} catch (IOException e) {
			abort();
			throw e instanceof AudioFileException ? e
					: new AudioFileException(target, "cannot write: " + e.getMessage(), e);
		}
	}

	/** Deletes what was written; the target is left as it was. Never throws. */
	public void abort() {
		finished = true;
		try {
			out.close();
		} catch (IOException | RuntimeException e) {
			// the file goes anyway
		}
		try {
			Files.deleteIfExists(temp);
		} catch (IOException | RuntimeException e) {
			// nothing more can be done; the name starts with a dot and ends with .part
		}
	}
}
