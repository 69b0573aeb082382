package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.mixtree.audio.io.AudioFileException;

/**
 * Parses RIFF/WAVE and RF64 (EBU Tech 3306, also spelled BW64) headers into a {@link StreamLayout}.
 * <p>
 * Recorders and editors put chunks of their own (LIST, bext, JUNK, PAD, fact, cue, iXML...) before, between
 * and after fmt and data, and the RIFF size field is often wrong; so the parser walks every chunk by its own
 * size (plus the pad byte of an odd size), skips what it does not know, and trusts only fmt and data.
 */
final class WavParser {
	private static final int WAVE_FORMAT_PCM = 0x0001;
	private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
	private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
	private static final long SIZE_IN_DS64 = 0xFFFFFFFFL;

	private WavParser() {
	}

	/** @param rf64 true when the file starts with RF64 or BW64: sizes of 0xFFFFFFFF come from the ds64 chunk */
	static StreamLayout parse(HeaderInput in, boolean rf64) throws IOException {
		long ds64Data = -1;
		ByteBuffer fmt = null;
		long dataOffset = -1;
		long dataSize = -1;
		long pos = 12;
		while (true) {
			if (pos + 8 > in.size()) {
				if (fmt == null && dataOffset >= 0) {
					throw in.corrupt("no fmt chunk");
				}
				throw new AudioFileException(in.path(), "header cut short: the file ends at byte " + in.size()
						+ " before the " + (fmt == null ? "fmt and data chunks" : "data chunk"));
			}
			ByteBuffer h = in.read(pos, 8, ByteOrder.LITTLE_ENDIAN, "chunk header");
			String id = HeaderInput.fourcc(h);
			long size = h.getInt() & 0xFFFFFFFFL;
			long body = pos + 8;
			if (rf64 && pos == 12) {
				if (!"ds64".equals(id)) {
					throw in.corrupt("RF64 file whose first chunk is '" + id + "' instead of 'ds64'");
				}
				if (size < 24) {
					throw in.corrupt("ds64 chunk of " + size + " bytes, at least 24 expected");
				}
				ByteBuffer d = in.read(body, 24, ByteOrder.LITTLE_ENDIAN, "ds64 chunk");
				d.getLong(); // RIFF size: as unreliable as in plain RIFF
				ds64Data = d.getLong();
				if (ds64Data < 0) {
					throw in.corrupt("ds64 chunk declares a data size of " + Long.toUnsignedString(ds64Data) + " bytes");
				}
			}
			if ("fmt ".equals(id)) {
				if (size < 16) {
					throw in.corrupt("fmt chunk of " + size + " bytes, at least 16 expected");
				}
				fmt = in.read(body, (int) Math.min(size, 40), ByteOrder.LITTLE_ENDIAN, "fmt chunk");
			} else if ("data".equals(id)) {
				dataOffset = body;
				dataSize = rf64 && size == SIZE_IN_DS64 && ds64Data >= 0 ? ds64Data : size;
				if (fmt != null) {
					break;
				}
			}
			pos = body + size + (size & 1);
			if (dataOffset >= 0 && fmt != null) {
				break;
			}
		}
		return layout(in, rf64, fmt, dataOffset, dataSize);
	}

	private static StreamLayout layout(HeaderInput in, boolean rf64, ByteBuffer fmt, long dataOffset, long dataSize)
			throws IOException {
		int tag = fmt.getShort() & 0xFFFF;
		int channels = fmt.getShort() & 0xFFFF;
		long rate = fmt.getInt() & 0xFFFFFFFFL;
		fmt.getInt(); // bytes per second: derived, and often wrong in files from small tools
		int blockAlign = fmt.getShort() & 0xFFFF;
		int bits = fmt.getShort() & 0xFFFF;
		boolean extensible = tag == WAVE_FORMAT_EXTENSIBLE;
		if (extensible) {
			if (fmt.remaining() < 24) {
				throw in.corrupt("WAVE_FORMAT_EXTENSIBLE fmt chunk of " + fmt.limit() + " bytes, 40 expected");
			}
			fmt.getShort(); // cbSize
			fmt.getShort(); // valid bits: the container size is what decoding needs
			fmt.getInt(); // channel mask
			tag = fmt.getShort() & 0xFFFF; // the sub-format GUID starts with the format tag...
			if (fmt.getShort() != 0x0000 || fmt.getInt() != 0x00100000 || fmt.getInt() != 0xAA000080
					|| fmt.getInt() != 0x719B3800) {
				// ...when it is one of Microsoft's KSDATAFORMAT_SUBTYPE GUIDs
				throw in.unsupported("unsupported WAVE_FORMAT_EXTENSIBLE sub-format (not a PCM or float GUID)");
			}
		}
		String container = rf64 ? "RF64" : "WAV";
		Encoding encoding;
		String kind;
		switch (tag) {
		case WAVE_FORMAT_PCM -> {
			if (bits == 8) {
				throw in.unsupported("8-bit PCM is not supported (16, 24 or 32-bit PCM or 32/64-bit float expected)");
			}
			encoding = Encoding.pcm(bits, false);
			kind = "PCM " + bits + "-bit";
		}
		case WAVE_FORMAT_IEEE_FLOAT -> {
			encoding = Encoding.ieeeFloat(bits, false);
			kind = "float " + bits + "-bit";
		}
		default -> throw in.unsupported(codecName(tag) + " encoding is not supported (PCM or IEEE float expected)");
		}
		if (encoding == null) {
			throw bits == 0 ? in.corrupt("0 bits per sample")
					: in.unsupported(bits + "-bit " + kind.substring(0, kind.indexOf(' ')) + " is not supported");
		}
		if (channels == 0) {
			throw in.corrupt("zero channels");
		}
		if (channels > 2) {
			throw in.unsupported(channels + " channels: only mono and stereo files are supported");
		}
		if (rate == 0) {
			throw in.corrupt("sample rate of zero");
		}
		if (rate > Integer.MAX_VALUE) {
			throw in.corrupt("sample rate of " + rate + " Hz");
		}
		int expectedAlign = channels * encoding.bytesPerSample();
		if (blockAlign != expectedAlign) {
			throw in.corrupt("block align of " + blockAlign + " bytes does not match " + channels + " channel(s) of "
					+ bits + " bits (" + expectedAlign + " bytes)");
		}
		if (dataOffset < 0) {
			throw new AudioFileException(in.path(), "header cut short: no data chunk");
		}
		long available = in.size() - dataOffset;
		if (dataSize > available) {
			throw in.truncated("data", dataSize, available);
		}
		String description = container + " " + kind + (extensible ? " (extensible)" : "");
		return new StreamLayout(in.path(), encoding, channels, (int) rate, dataOffset, dataSize / blockAlign,
				description);
	}

	private static String codecName(int tag) {
		return switch (tag) {
		case 0x0002 -> "MS ADPCM";
		case 0x0006 -> "A-law";
		case 0x0007 -> "u-law";
		case 0x0011 -> "IMA ADPCM";
		case 0x0031 -> "GSM 6.10";
		case 0x0050 -> "MPEG";
		case 0x0055 -> "MP3";
		case 0x0092, 0x2000 -> "AC-3";
		case 0x00FF, 0x1610 -> "AAC";
		case 0xF1AC -> "FLAC";
		default -> String.format("format tag 0x%04X", tag);
		};
	}
}
