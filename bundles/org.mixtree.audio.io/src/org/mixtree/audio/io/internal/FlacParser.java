package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileException;

/**
 * Parses the metadata of a FLAC file (RFC 9639): an optional ID3v2 tag some taggers put in front, the
 * {@code fLaC} marker, STREAMINFO (which must come first) and every other metadata block, skipped by its
 * length (PADDING, APPLICATION, SEEKTABLE, VORBIS_COMMENT, CUESHEET, PICTURE...). The frames follow the last
 * block; {@link FlacStreamReader} decodes them.
 */
final class FlacParser {

	/**
	 * What STREAMINFO says and where the frames start.
	 *
	 * @param minBlockSize     smallest block size of the stream (excluding the last block), in samples
	 * @param maxBlockSize     largest block size, in samples
	 * @param maxFrameSize     largest frame in bytes, 0 when the encoder did not know
	 * @param totalSamples     frames per channel, 0 when the encoder did not know (a stream written to a pipe)
	 * @param firstFrameOffset byte offset of the first audio frame
	 */
	record Layout(Path path, int channels, int sampleRate, int bitsPerSample, int minBlockSize, int maxBlockSize,
			int maxFrameSize, long totalSamples, long firstFrameOffset, long fileSize) {

		String description() {
			return "FLAC " + bitsPerSample + "-bit";
		}
	}

	private static final int STREAMINFO = 0;
	private static final int INVALID = 127;

	private FlacParser() {
	}

	/** @return the byte offset of the {@code fLaC} marker (after an ID3v2 tag, if any), or -1 if there is none */
	static long markerOffset(HeaderInput in) throws IOException {
		if (in.size() < 4) {
			return -1;
		}
		ByteBuffer m = in.read(0, 4, ByteOrder.BIG_ENDIAN, "file header");
		String magic = HeaderInput.fourcc(m);
		if ("fLaC".equals(magic)) {
			return 0;
		}
		long id3 = id3Length(in);
		if (id3 > 0 && id3 + 4 <= in.size()
				&& "fLaC".equals(HeaderInput.fourcc(in.read(id3, 4, ByteOrder.BIG_ENDIAN, "FLAC marker")))) {
			return id3;
		}
		return -1;
	}

	/** @return the length of the ID3v2 tag at the start of the file (header, body and footer), 0 if none */
	static long id3Length(HeaderInput in) throws IOException {
		if (in.size() < 10) {
			return 0;
		}
		ByteBuffer h = in.read(0, 10, ByteOrder.BIG_ENDIAN, "ID3 tag header");
		if (h.get(0) != 'I' || h.get(1) != 'D' || h.get(2) != '3') {
			return 0;
		}
		int flags = h.get(5) & 0xFF;
		long size = 0;
		for (int i = 6; i < 10; i++) {
			size = size << 7 | (h.get(i) & 0x7F); // "syncsafe": seven bits a byte
		}
		return 10 + size + ((flags & 0x10) != 0 ? 10 : 0);
	}

	/** Parses the metadata blocks that follow the {@code fLaC} marker at {@code marker}. */
	static Layout parse(HeaderInput in, long marker) throws IOException {
		long pos = marker + 4;
		ByteBuffer info = null;
		boolean last = false;
		int index = 0;
		while (!last) {
			if (pos + 4 > in.size()) {
				throw new AudioFileException(in.path(), "header cut short: the file ends at byte "
						+ in.size() + " inside the FLAC metadata, before the first audio frame");
			}
			ByteBuffer h = in.read(pos, 4, ByteOrder.BIG_ENDIAN, "FLAC metadata block header");
			int head = h.get() & 0xFF;
			last = (head & 0x80) != 0;
			int type = head & 0x7F;
			int length = (h.get() & 0xFF) << 16 | (h.get() & 0xFF) << 8 | (h.get() & 0xFF);
			long body = pos + 4;
			if (type == INVALID) {
				throw in.corrupt("FLAC metadata block " + index + " at byte " + pos + " has the invalid type 127");
			}
			if (index == 0 && type != STREAMINFO) {
				throw in.corrupt("the first FLAC metadata block is of type " + type + ", not STREAMINFO");
			}
			if (index > 0 && type == STREAMINFO) {
				throw in.corrupt("a second STREAMINFO block at byte " + pos);
			}
			if (type == STREAMINFO) {
				if (length != 34) {
					throw in.corrupt("STREAMINFO block of " + length + " bytes, 34 expected");
				}
				info = in.read(body, 34, ByteOrder.BIG_ENDIAN, "STREAMINFO block");
			}
			if (body + length > in.size()) {
				throw new AudioFileException(in.path(), "header cut short: the FLAC metadata block "
						+ index + " at byte " + pos + " needs " + length + " bytes but the file ends at byte " + in.size());
			}
			pos = body + length;
			index++;
		}
		int minBlock = info.getShort() & 0xFFFF;
		int maxBlock = info.getShort() & 0xFFFF;
		info.get(new byte[3]); // minimum frame size
		int maxFrame = (info.get() & 0xFF) << 16 | (info.get() & 0xFF) << 8 | (info.get() & 0xFF);
		long packed = info.getLong(); // rate (20 bits), channels - 1 (3), bits - 1 (5), total samples (36)
		int rate = (int) (packed >>> 44);
		int channels = (int) (packed >>> 41 & 0x7) + 1;
		int bits = (int) (packed >>> 36 & 0x1F) + 1;
		long total = packed & 0xFFFFFFFFFL;
		if (maxBlock < 16 || minBlock > maxBlock) {
			throw in.corrupt("STREAMINFO block sizes " + minBlock + ".." + maxBlock + " (16 to 65535 samples expected)");
		}
		if (rate == 0) {
			throw in.corrupt("sample rate of zero");
		}
		if (bits < 4) {
			throw in.corrupt(bits + " bits per sample (4 to 32 expected)");
		}
		if (channels > 2) {
			throw in.unsupported(channels + " channels: only mono and stereo files are supported");
		}
		if (pos >= in.size() && total > 0) {
			throw new AudioFileException(in.path(), "truncated file: the FLAC metadata ends at byte "
					+ pos + " and no audio frame follows (" + total + " samples declared)");
		}
		return new Layout(in.path(), channels, rate, bits, minBlock, maxBlock, maxFrame, total, pos, in.size());
	}
}
