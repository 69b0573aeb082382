package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileReader;

/**
 * Streams a FLAC file (RFC 9639) frame by frame through a window of about {@value #BUFFER_BYTES} bytes: only
 * the frame being decoded is held, whatever the length of the file. Every frame is checked (header CRC-8,
 * frame CRC-16, its first sample against the one expected), so a damaged file fails with one line naming the
 * frame instead of playing a click.
 * <p>
 * Samples come out in the scale of {@link PcmStreamReader}: an integer of {@code b} bits divided by
 * {@code 2^(b-1)}, in float for up to 24 bits and through double above, exactly as the PCM reader does, so a
 * FLAC file and the WAV it was made from read as identical floats.
 * <p>
 * {@link #seek} inside the decoded frame costs nothing and a short way forward decodes on; anywhere else it
 * bisects the file by byte offset, taking the first frame header found after each midpoint (a sync code, a
 * header that passes its CRC-8 and agrees with STREAMINFO) and its sample number, then decodes forward from
 * the last frame that starts at or before the target. That needs no SEEKTABLE (files from pipes have none);
 * correctness first: a header spelled by chance in the audio fails when decoded, and the search is redone
 * with every probe decoded in full. A seek costs some fifteen header probes and two or three frame
 * decodes (0.3 ms in a 60 s 24-bit stereo file), which a player moving its playhead can afford.
 * <p>
 * {@link #read} and {@link #seek} allocate nothing once the window has grown to the largest frame. Not
 * thread-safe: one thread at a time, never the audio thread, since reads touch the file.
 */
public final class FlacStreamReader implements AudioFileReader {
	static final int BUFFER_BYTES = 64 * 1024;

	// why a frame could not be decoded; the message is made by the caller, which knows what it was doing
	private static final int END = 1; // the file ends where a frame should start
	private static final int TRUNCATED = 2; // the file ends inside a frame
	private static final int NO_SYNC = 3;
	private static final int BAD_HEADER = 4;
	private static final int BAD_HEADER_CRC = 5;
	private static final int BAD_FRAME_CRC = 6;
	private static final int BAD_SUBFRAME = 7;
	private static final int MISMATCH = 8; // a valid frame that contradicts STREAMINFO

	/** Thrown, preallocated and without a stack trace, to leave the decoder from deep inside; never escapes. */
	private static final class Stop extends Exception {
		private static final long serialVersionUID = 1L;
		int code;
		String detail;

		Stop() {
			super(null, null, false, false);
		}
	}

	private static final int[] CRC8 = new int[256];
	private static final int[] CRC16 = new int[256];

	static {
		for (int i = 0; i < 256; i++) {
			int c8 = i;
			int c16 = i << 8;
			for (int b = 0; b < 8; b++) {
				c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
				c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
			}
			CRC8[i] = c8 & 0xFF;
			CRC16[i] = c16 & 0xFFFF;
		}
	}

	private final FlacParser.Layout layout;
	private final FileChannel channel;
	private final int channels;
	private final int bitsPerSample;
	private final long totalSamples;
	/** samples per frame of a fixed-blocksize stream, which numbers its frames instead of its samples */
	private final int fixedBlockSize;
	private final float scale;
	private final double wideScale;
	private final Stop stop = new Stop();
	private final int[] coefficients = new int[32];

	// the window on the file: buf[0 .. len) holds the bytes from file offset bufStart; bits are taken from a
	// 64-bit cache holding bitCount bits (the low ones), loaded from buf[pos ..]
	private byte[] buf;
	/**
	 * what the channel reads into: direct, because a heap buffer is filled through a JDK temporary buffer that
	 * is allocated anew whenever a read asks for more than the last; bits are then taken from the heap copy
	 */
	private ByteBuffer io;
	private long bufStart;
	private int len;
	private int pos;
	private long cache;
	private int bitCount;
	/** file offset of the frame being decoded: the window keeps it, for the CRC and for retries while scanning */
	private long frameStart;

	// the decoded frame
	private final long[][] block;
	private long blockFirst;
	private int blockLength;
	private int blockPos;
	/** file offset of the frame after the decoded one */
	private long nextFrameOffset;
	/** number of the frame after the decoded one, -1 when unknown (a variable-blocksize stream after a seek) */
	private long nextFrameNumber;
	private long decodedFrameNumber;
	private long decodedFrameOffset;

	// the frame header last parsed
	private int headerBlockSize;
	private int headerAssignment;
	private long headerFirstSample;
	private long headerFrameNumber;

	/** Takes ownership of {@code channel}, which {@link #close} closes. */
	FlacStreamReader(FlacParser.Layout layout, FileChannel channel) throws IOException {
		this.layout = layout;
		this.channel = channel;
		this.channels = layout.channels();
		this.bitsPerSample = layout.bitsPerSample();
		this.fixedBlockSize = layout.minBlockSize() == layout.maxBlockSize() ? layout.maxBlockSize() : 0;
		this.scale = 1f / (1L << bitsPerSample - 1);
		this.wideScale = 1.0 / (1L << bitsPerSample - 1);
		this.block = new long[channels][layout.maxBlockSize()];
		this.buf = new byte[Math.max(BUFFER_BYTES, layout.maxFrameSize() + 1024)];
		this.io = ByteBuffer.allocateDirect(buf.length);
		rewind();
		long end = endOfFrames();
		this.totalSamples = layout.totalSamples() > 0 ? layout.totalSamples() : end;
		rewind();
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
		return totalSamples;
	}

	@Override
	public String formatDescription() {
		return layout.description();
	}

	/** @return the bytes this reader holds for the file: the window, bounded by the largest frame */
	public int bufferCapacity() {
		return buf.length;
	}

	@Override
	public int read(float[][] dst, int offset, int count) throws IOException {
		Objects.checkFromIndexSize(offset, count, dst[0].length);
		int done = 0;
		while (done < count && blockFirst + blockPos < totalSamples) {
			if (blockPos == blockLength) {
				nextFrame();
			}
			int n = (int) Math.min(Math.min(count - done, blockLength - blockPos), totalSamples - blockFirst - blockPos);
			for (int c = 0; c < channels; c++) {
				long[] s = block[c];
				float[] d = dst[c];
				int o = offset + done - blockPos;
				if (bitsPerSample <= 24) {
					// exact: a 24-bit integer is a float, and the scale a power of two, as in PcmStreamReader
					float k = scale;
					for (int i = blockPos, end = blockPos + n; i < end; i++) {
						d[o + i] = (float) s[i] * k;
					}
				} else {
					double k = wideScale;
					for (int i = blockPos, end = blockPos + n; i < end; i++) {
						d[o + i] = (float) (s[i] * k);
					}
				}
			}
			blockPos += n;
			done += n;
		}
		return done;
	}

	@Override
	public void seek(long frame) throws IOException {
		if (frame < 0 || frame > totalSamples) {
			throw new IllegalArgumentException("frame " + frame + " outside 0.." + totalSamples);
		}
		long end = blockFirst + blockLength;
		if (frame >= blockFirst && frame < end) {
			blockPos = (int) (frame - blockFirst);
			return;
		}
		if (frame == totalSamples) {
			blockFirst = frame;
			blockLength = 0;
			blockPos = 0;
			nextFrameOffset = -1; // read() decodes nothing from here; the next seek finds its frame anew
			return;
		}
		if (nextFrameOffset >= 0 && frame >= end && frame - end < 4L * layout.maxBlockSize()) {
			while (frame >= blockFirst + blockLength) {
				nextFrame();
			}
		} else {
			bisect(frame);
		}
		blockPos = (int) (frame - blockFirst);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	/** Back to the first frame, nothing decoded. */
	private void rewind() {
		moveTo(layout.firstFrameOffset());
		blockFirst = 0;
		blockLength = 0;
		blockPos = 0;
		nextFrameOffset = layout.firstFrameOffset();
		nextFrameNumber = 0;
	}

	/** Decodes the frame after the decoded one, checking that it carries the samples that come next. */
	private void nextFrame() throws IOException {
		long expected = blockFirst + blockLength;
		long number = nextFrameNumber;
		long offset = nextFrameOffset;
		moveTo(offset);
		try {
			decodeFrame();
		} catch (Stop s) {
			throw failure(s, number, offset, expected);
		}
		if (blockFirst != expected) {
			throw new AudioFileException(layout.path(), "corrupt FLAC data: " + frameName(number, offset)
					+ " holds the samples from " + blockFirst + " where " + expected + " was expected (frames missing?)");
		}
	}

	private String frameName(long number, long offset) {
		return (number >= 0 ? "frame " + number : "the frame") + " at byte " + offset;
	}

	/** @return the one-line message for a frame that could not be decoded */
	private AudioFileException failure(Stop s, long number, long offset, long firstSample) {
		String frame = frameName(number, offset);
		long declared = totalSamples > 0 ? totalSamples : layout.totalSamples(); // 0 while the constructor runs
		String problem = switch (s.code) {
		case END -> "truncated file: it ends at byte " + offset + ", after "
				+ (number > 0 ? "frame " + (number - 1) : "the last whole frame") + ", with " + firstSample + " of "
				+ declared + " samples";
		case TRUNCATED -> "truncated file: it ends at byte " + layout.fileSize() + " inside " + frame + " (sample "
				+ firstSample + (declared > 0 ? " of " + declared : "") + ")";
		case NO_SYNC -> "corrupt FLAC data: no frame sync code where " + frame + " should start";
		case BAD_HEADER -> "corrupt FLAC data: the header of " + frame + " is invalid (" + s.detail + ")";
		case BAD_HEADER_CRC -> "corrupt FLAC data: the header of " + frame + " fails its CRC-8 check";
		case BAD_FRAME_CRC -> "corrupt FLAC data: " + frame + " fails its CRC-16 check";
		case BAD_SUBFRAME -> "corrupt FLAC data: " + frame + ": " + s.detail;
		case MISMATCH -> "corrupt FLAC data: " + frame + " has " + s.detail + " than STREAMINFO declares";
		default -> "corrupt FLAC data at " + frame;
		};
		return new AudioFileException(layout.path(), problem);
	}

	private Stop stop(int code, String detail) {
		stop.code = code;
		stop.detail = detail;
		return stop;
	}

	// ---- seeking

	/**
	 * Finds the frame holding {@code target} by bisection over byte offsets (see the class comment) and
	 * decodes it. Invariant: the frame at {@code lo} starts at or before {@code target}; no frame that starts
	 * at or after {@code hi} holds it. The probes check frame headers only (sync, CRC-8, agreement with
	 * STREAMINFO); should one of them have been a chance match in the audio, decoding from it fails its
	 * CRC-16 and the search runs again with every probe decoded in full.
	 */
	private void bisect(long target) throws IOException {
		try {
			bisect(target, false);
		} catch (Stop s) {
			try {
				bisect(target, true);
			} catch (Stop again) {
				throw failure(again, -1, frameStart, target);
			}
		}
	}

	private void bisect(long target, boolean verify) throws IOException, Stop {
		long lo = layout.firstFrameOffset();
		long loNumber = 0;
		long hi = layout.fileSize();
		if (blockLength > 0 && blockFirst <= target) {
			lo = decodedFrameOffset;
			loNumber = decodedFrameNumber;
		}
		long close = Math.max(2L * layout.maxFrameSize(), 16 * 1024);
		while (hi - lo > close) {
			long mid = lo + (hi - lo) / 2;
			long found = findFrame(mid, hi, verify);
			if (found < 0 || headerFirstSample > target) {
				hi = mid;
			} else {
				lo = found;
				loNumber = headerFrameNumber;
				if (target < headerFirstSample + headerBlockSize) {
					break;
				}
			}
		}
		// close enough: decode forward from lo
		nextFrameOffset = lo;
		nextFrameNumber = loNumber;
		moveTo(lo);
		decodeFrame(); // a Stop here: lo was no frame after all
		while (target >= blockFirst + blockLength) {
			nextFrame();
		}
	}

	/**
	 * Finds the first frame that starts in {@code [from, limit)}: a sync code followed by a header that passes
	 * its CRC-8 and agrees with STREAMINFO, and with {@code decode} a body that passes its CRC-16 too.
	 *
	 * @return its offset (its header in the header fields, decoded when asked), or -1 when there is none
	 */
	private long findFrame(long from, long limit, boolean decode) throws IOException {
		moveTo(from);
		for (long o = from; o < limit; o++) {
			frameStart = o;
			while (o + 1 >= bufStart + len) {
				pos = len;
				bitCount = 0;
				if (!refill()) {
					return -1;
				}
			}
			int i = (int) (o - bufStart);
			if (buf[i] == (byte) 0xFF && (buf[i + 1] & 0xFE) == 0xF8) {
				moveTo(o);
				try {
					if (decode) {
						decodeFrame();
					} else {
						header();
					}
					return o;
				} catch (Stop s) {
					moveTo(o); // not a frame: go on scanning
				}
			}
		}
		return -1;
	}

	/**
	 * Finds and decodes the last frames of the file, so that a file cut short is refused when it is opened, as
	 * a WAV file whose data chunk is longer than the file is, and a stream whose STREAMINFO does not say how
	 * long it is (written to a pipe) gets its length. Costs a few frame decodes.
	 *
	 * @return the sample after the last whole frame
	 */
	private long endOfFrames() throws IOException {
		long first = layout.firstFrameOffset();
		long size = layout.fileSize();
		if (first >= size) {
			return 0;
		}
		long span = layout.maxFrameSize() > 0 ? 2L * layout.maxFrameSize() + 64 : 64 * 1024;
		while (true) {
			long from = Math.max(first, size - span);
			long found = findFrame(from, size, true);
			if (found < 0) {
				if (from == first) {
					throw new AudioFileException(layout.path(), "corrupt FLAC data: no valid frame after byte " + first);
				}
				span *= 4;
				continue;
			}
			while (true) {
				long number = nextFrameNumber;
				long offset = nextFrameOffset;
				moveTo(offset);
				long end = blockFirst + blockLength;
				try {
					decodeFrame();
				} catch (Stop s) {
					if (s.code == END || s.code == NO_SYNC && end > 0) {
						// the end of the file, or something after the last frame (an ID3v1 tag some taggers append)
						if (end < layout.totalSamples()) {
							throw failure(stop(END, null), number, offset, end);
						}
						return end;
					}
					throw failure(s, number, offset, end);
				}
			}
		}
	}

	// ---- the window and the bit cache

	/** Positions the input at file offset {@code offset}, keeping the window when it holds that byte. */
	private void moveTo(long offset) {
		if (offset >= bufStart && offset <= bufStart + len) {
			pos = (int) (offset - bufStart);
		} else {
			bufStart = offset;
			len = 0;
			pos = 0;
		}
		cache = 0;
		bitCount = 0;
		frameStart = offset;
	}

	/** @return the file offset of the next bit, when at a byte boundary */
	private long bytePosition() {
		return bufStart + pos - (bitCount >>> 3);
	}

	/**
	 * Reads more of the file into the window, dropping what lies before {@link #frameStart}; the window grows
	 * (the one allocation after open) only for a frame larger than it.
	 *
	 * @return false at the end of the file
	 */
	private boolean refill() throws IOException {
		int keep = (int) Math.max(0, Math.min(frameStart - bufStart, pos));
		if (keep > 0) {
			System.arraycopy(buf, keep, buf, 0, len - keep);
			len -= keep;
			pos -= keep;
			bufStart += keep;
		}
		if (len == buf.length) {
			buf = Arrays.copyOf(buf, buf.length * 2);
			io = ByteBuffer.allocateDirect(buf.length);
		}
		io.clear().limit(buf.length - len);
		int n = channel.read(io, bufStart + len);
		if (n <= 0) {
			return false;
		}
		io.flip().get(buf, len, n);
		len += n;
		return true;
	}

	/** Loads bytes into the cache until it holds at least {@code n} (at most 57) bits. */
	private void need(int n) throws IOException, Stop {
		while (bitCount < n) {
			if (pos == len && !refill()) {
				throw stop(TRUNCATED, null);
			}
			while (bitCount <= 56 && pos < len) {
				cache = cache << 8 | (buf[pos++] & 0xFF);
				bitCount += 8;
			}
		}
	}

	/** @return the next {@code n} (0 to 32) bits, unsigned (32 bits come back as an int's bit pattern) */
	private int bits(int n) throws IOException, Stop {
		if (bitCount < n) {
			need(n);
		}
		bitCount -= n;
		return (int) (cache >>> bitCount & (1L << n) - 1);
	}

	/** @return the next {@code n} (0 to 33) bits as a two's complement number */
	private long signed(int n) throws IOException, Stop {
		if (n == 0) {
			return 0;
		}
		if (n > 32) {
			long high = bits(n - 32);
			long v = high << 32 | bits(32) & 0xFFFFFFFFL;
			return v << 64 - n >> 64 - n;
		}
		int v = bits(n);
		return v << 32 - n >> 32 - n;
	}

	/** @return the number of 0 bits before the next 1 bit, which is consumed */
	private int unary() throws IOException, Stop {
		int zeros = 0;
		while (true) {
			if (bitCount == 0) {
				need(1);
			}
			long v = cache << 64 - bitCount;
			if (v != 0) {
				int z = Long.numberOfLeadingZeros(v);
				bitCount -= z + 1;
				return zeros + z;
			}
			zeros += bitCount;
			bitCount = 0;
		}
	}

	// ---- frames

	/**
	 * Decodes the frame at the input position into {@link #block} and sets the block fields and where the next
	 * frame starts. Allocates nothing.
	 */
	private void decodeFrame() throws IOException, Stop {
		header();
		int blockSize = headerBlockSize;
		int assignment = headerAssignment;
		for (int c = 0; c < channels; c++) {
			boolean side = assignment == 8 && c == 1 || assignment == 9 && c == 0 || assignment == 10 && c == 1;
			subframe(block[c], blockSize, bitsPerSample + (side ? 1 : 0));
		}
		bitCount -= bitCount & 7; // zero padding to the byte
		int footer = (int) (bytePosition() - bufStart);
		int frameCrc = bits(16);
		int start = (int) (frameStart - bufStart); // the window may have moved
		int c16 = 0;
		for (int i = start; i < footer; i++) {
			c16 = (c16 << 8 ^ CRC16[(c16 >>> 8 ^ buf[i]) & 0xFF]) & 0xFFFF;
		}
		if (c16 != frameCrc) {
			throw stop(BAD_FRAME_CRC, null);
		}
		decorrelate(assignment, blockSize);

		decodedFrameOffset = frameStart;
		decodedFrameNumber = headerFrameNumber;
		blockFirst = headerFirstSample;
		blockLength = blockSize;
		blockPos = 0;
		nextFrameOffset = bytePosition();
		nextFrameNumber = decodedFrameNumber >= 0 ? decodedFrameNumber + 1 : -1;
	}

	/**
	 * Parses and checks (CRC-8, agreement with STREAMINFO) the header of the frame at the input position into
	 * the header fields, leaving the input at its first subframe.
	 */
	private void header() throws IOException, Stop {
		frameStart = bytePosition();
		if (bitCount == 0 && pos == len && !refill()) {
			throw stop(END, null);
		}
		int sync;
		try {
			sync = bits(16);
		} catch (Stop s) {
			throw s.code == TRUNCATED && bytePosition() == frameStart && bitCount == 0 ? stop(END, null) : s;
		}
		if ((sync & 0xFFFE) != 0xFFF8) {
			throw stop(NO_SYNC, null);
		}
		boolean variable = (sync & 1) != 0;
		int sizeCode = bits(4);
		int rateCode = bits(4);
		int assignment = bits(4);
		int bpsCode = bits(3);
		if (bits(1) != 0) {
			throw stop(BAD_HEADER, "reserved bit set");
		}
		long number = codedNumber(variable ? 7 : 6);
		int blockSize = switch (sizeCode) {
		case 0 -> throw stop(BAD_HEADER, "reserved block size code");
		case 1 -> 192;
		case 2, 3, 4, 5 -> 576 << sizeCode - 2;
		case 6 -> bits(8) + 1;
		case 7 -> bits(16) + 1;
		default -> 256 << sizeCode - 8;
		};
		int rate = switch (rateCode) {
		case 0 -> layout.sampleRate();
		case 1 -> 88200;
		case 2 -> 176400;
		case 3 -> 192000;
		case 4 -> 8000;
		case 5 -> 16000;
		case 6 -> 22050;
		case 7 -> 24000;
		case 8 -> 32000;
		case 9 -> 44100;
		case 10 -> 48000;
		case 11 -> 96000;
		case 12 -> bits(8) * 1000;
		case 13 -> bits(16);
		case 14 -> bits(16) * 10;
		default -> throw stop(BAD_HEADER, "invalid sample rate code");
		};
		int bps = switch (bpsCode) {
		case 0 -> bitsPerSample;
		case 1 -> 8;
		case 2 -> 12;
		case 4 -> 16;
		case 5 -> 20;
		case 6 -> 24;
		case 7 -> 32;
		default -> throw stop(BAD_HEADER, "reserved sample size code");
		};
		if (assignment > 10) {
			throw stop(BAD_HEADER, "reserved channel assignment");
		}
		int crcAt = (int) (bytePosition() - bufStart);
		int crc = bits(8);
		int start = (int) (frameStart - bufStart);
		int c8 = 0;
		for (int i = start; i < crcAt; i++) {
			c8 = CRC8[c8 ^ buf[i] & 0xFF];
		}
		if (c8 != crc) {
			throw stop(BAD_HEADER_CRC, null);
		}
		int frameChannels = assignment < 8 ? assignment + 1 : 2;
		if (frameChannels != channels) {
			throw stop(MISMATCH, "another number of channels");
		}
		if (bps != bitsPerSample) {
			throw stop(MISMATCH, "another sample size");
		}
		if (rate != layout.sampleRate()) {
			throw stop(MISMATCH, "another sample rate");
		}
		if (blockSize > layout.maxBlockSize()) {
			throw stop(MISMATCH, "a larger block");
		}
		headerBlockSize = blockSize;
		headerAssignment = assignment;
		headerFirstSample = variable ? number : number * (fixedBlockSize > 0 ? fixedBlockSize : blockSize);
		// a variable-blocksize stream numbers samples, not frames: the frame number is known only by counting
		headerFrameNumber = !variable ? number : number == 0 ? 0 : nextFrameOffset == frameStart ? nextFrameNumber : -1;
	}

	/** @return the frame or sample number in FLAC's extended UTF-8 coding of up to {@code maxBytes} bytes */
	private long codedNumber(int maxBytes) throws IOException, Stop {
		int first = bits(8);
		int more;
		long v;
		if ((first & 0x80) == 0) {
			return first;
		} else if ((first & 0xE0) == 0xC0) {
			more = 1;
			v = first & 0x1F;
		} else if ((first & 0xF0) == 0xE0) {
			more = 2;
			v = first & 0x0F;
		} else if ((first & 0xF8) == 0xF0) {
			more = 3;
			v = first & 0x07;
		} else if ((first & 0xFC) == 0xF8) {
			more = 4;
			v = first & 0x03;
		} else if ((first & 0xFE) == 0xFC) {
			more = 5;
			v = first & 0x01;
		} else if (first == 0xFE) {
			more = 6;
			v = 0;
		} else {
			throw stop(BAD_HEADER, "invalid coded number");
		}
		if (more + 1 > maxBytes) {
			throw stop(BAD_HEADER, "coded number too long");
		}
		for (int i = 0; i < more; i++) {
			int b = bits(8);
			if ((b & 0xC0) != 0x80) {
				throw stop(BAD_HEADER, "invalid coded number");
			}
			v = v << 6 | b & 0x3F;
		}
		return v;
	}

	private void subframe(long[] s, int n, int sampleBits) throws IOException, Stop {
		if (bits(1) != 0) {
			throw stop(BAD_SUBFRAME, "subframe padding bit set");
		}
		int type = bits(6);
		int wasted = 0;
		int bps = sampleBits;
		if (bits(1) != 0) {
			wasted = unary() + 1;
			if (wasted >= bps) {
				throw stop(BAD_SUBFRAME, "more wasted bits than the sample has");
			}
			bps -= wasted;
		}
		if (type == 0) { // CONSTANT
			Arrays.fill(s, 0, n, signed(bps));
		} else if (type == 1) { // VERBATIM
			for (int i = 0; i < n; i++) {
				s[i] = signed(bps);
			}
		} else if (type >= 8 && type <= 12) { // FIXED
			int order = type - 8;
			if (order > n) {
				throw stop(BAD_SUBFRAME, "predictor order above the block size");
			}
			for (int i = 0; i < order; i++) {
				s[i] = signed(bps);
			}
			residual(s, n, order);
			restoreFixed(s, n, order);
		} else if (type >= 32) { // LPC
			int order = type - 31;
			if (order > n) {
				throw stop(BAD_SUBFRAME, "predictor order above the block size");
			}
			for (int i = 0; i < order; i++) {
				s[i] = signed(bps);
			}
			int precision = bits(4) + 1;
			if (precision == 16) {
				throw stop(BAD_SUBFRAME, "invalid LPC coefficient precision");
			}
			int shift = (int) signed(5);
			if (shift < 0) {
				throw stop(BAD_SUBFRAME, "negative LPC shift");
			}
			for (int j = 0; j < order; j++) {
				coefficients[j] = (int) signed(precision);
			}
			residual(s, n, order);
			restoreLpc(s, n, order, shift);
		} else {
			throw stop(BAD_SUBFRAME, "reserved subframe type");
		}
		if (wasted > 0) {
			for (int i = 0; i < n; i++) {
				s[i] <<= wasted;
			}
		}
	}

	/** Reads the Rice-coded residual of samples {@code order .. n} into {@code s}. */
	private void residual(long[] s, int n, int order) throws IOException, Stop {
		int method = bits(2);
		if (method > 1) {
			throw stop(BAD_SUBFRAME, "reserved residual coding method");
		}
		int parameterBits = method == 0 ? 4 : 5;
		int escape = method == 0 ? 15 : 31;
		int partitionOrder = bits(4);
		int per = n >> partitionOrder;
		if (per << partitionOrder != n || per < order) {
			throw stop(BAD_SUBFRAME, "residual partitions do not fit the block");
		}
		int i = order;
		for (int p = 0, end = per; p < 1 << partitionOrder; p++, end += per) {
			int k = bits(parameterBits);
			if (k == escape) {
				int b = bits(5);
				for (; i < end; i++) {
					s[i] = signed(b);
				}
			} else {
				for (; i < end; i++) {
					// the hot loop: unary quotient and k low bits straight from the cache when it holds them
					int q;
					long v = bitCount == 0 ? 0 : cache << 64 - bitCount;
					if (v != 0) {
						q = Long.numberOfLeadingZeros(v);
						bitCount -= q + 1;
					} else {
						q = unary();
					}
					if (bitCount < k) {
						need(k);
					}
					bitCount -= k;
					long u = (long) q << k | cache >>> bitCount & (1L << k) - 1;
					s[i] = u >>> 1 ^ -(u & 1);
				}
			}
		}
	}

	private static void restoreFixed(long[] s, int n, int order) {
		switch (order) {
		case 1 -> {
			for (int i = 1; i < n; i++) {
				s[i] += s[i - 1];
			}
		}
		case 2 -> {
			for (int i = 2; i < n; i++) {
				s[i] += 2 * s[i - 1] - s[i - 2];
			}
		}
		case 3 -> {
			for (int i = 3; i < n; i++) {
				s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
			}
		}
		case 4 -> {
			for (int i = 4; i < n; i++) {
				s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
			}
		}
		default -> {
			// order 0: the residual is the signal
		}
		}
	}

	private void restoreLpc(long[] s, int n, int order, int shift) {
		int[] c = coefficients;
		for (int i = order; i < n; i++) {
			long sum = 0;
			for (int j = 0; j < order; j++) {
				sum += c[j] * s[i - 1 - j];
			}
			s[i] += sum >> shift;
		}
	}

	/** Undoes FLAC's stereo decorrelation: left/side, side/right, mid/side. */
	private void decorrelate(int assignment, int n) {
		if (assignment < 8) {
			return;
		}
		long[] a = block[0];
		long[] b = block[1];
		switch (assignment) {
		case 8 -> { // left, side: right = left - side
			for (int i = 0; i < n; i++) {
				b[i] = a[i] - b[i];
			}
		}
		case 9 -> { // side, right: left = side + right
			for (int i = 0; i < n; i++) {
				a[i] += b[i];
			}
		}
		default -> { // mid, side
			for (int i = 0; i < n; i++) {
				long side = b[i];
				long mid = a[i] << 1 | side & 1;
				a[i] = mid + side >> 1;
				b[i] = mid - side >> 1;
			}
		}
		}
	}
}
