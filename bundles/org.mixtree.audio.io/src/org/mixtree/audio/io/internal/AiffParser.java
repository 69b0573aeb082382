package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.mixtree.audio.io.AudioFileException;

/**
 * Parses AIFF and AIFF-C headers into a {@link StreamLayout}. Chunks are big-endian and padded to even
 * sizes; COMM gives the frame count and the 80-bit extended sample rate; SSND carries an offset to the first
 * frame. AIFF-C names its encoding in COMM: NONE (big-endian PCM), sowt (little-endian PCM, written by
 * macOS and ffmpeg), fl32/fl64 (big-endian IEEE float).
 */
final class AiffParser {

	private AiffParser() {
	}

	/** @param aifc true for a FORM of type AIFC */
	static StreamLayout parse(HeaderInput in, boolean aifc) throws IOException {
		ByteBuffer comm = null;
		long ssndBody = -1;
		long ssndSize = -1;
		long pos = 12;
		while (comm == null || ssndBody < 0) {
			if (pos + 8 > in.size()) {
				throw new AudioFileException(in.path(), "header cut short: the file ends at byte " + in.size()
						+ " before the " + (comm == null ? "COMM" : "SSND") + " chunk");
			}
			ByteBuffer h = in.read(pos, 8, ByteOrder.BIG_ENDIAN, "chunk header");
			String id = HeaderInput.fourcc(h);
			long size = h.getInt() & 0xFFFFFFFFL;
			long body = pos + 8;
			if ("COMM".equals(id)) {
				if (size < 18 || aifc && size < 22) {
					throw in.corrupt("COMM chunk of " + size + " bytes, at least " + (aifc ? 22 : 18) + " expected");
				}
				comm = in.read(body, aifc ? 22 : 18, ByteOrder.BIG_ENDIAN, "COMM chunk");
			} else if ("SSND".equals(id)) {
				if (size < 8) {
					throw in.corrupt("SSND chunk of " + size + " bytes, at least 8 expected");
				}
				ssndBody = body;
				ssndSize = size;
			}
			pos = body + size + (size & 1);
		}
		int channels = comm.getShort() & 0xFFFF;
		long frames = comm.getInt() & 0xFFFFFFFFL;
		int bits = comm.getShort();
		double rate = extendedToDouble(comm.getShort(), comm.getLong());
		String container = aifc ? "AIFF-C" : "AIFF";
		Encoding encoding;
		String kind;
		String compression = aifc ? HeaderInput.fourcc(comm) : "NONE";
		switch (compression) {
		case "NONE", "twos" -> {
			if (bits == 8) {
				throw in.unsupported("8-bit PCM is not supported (16, 24 or 32-bit PCM or 32/64-bit float expected)");
			}
			encoding = Encoding.pcm(bits, true);
			kind = "PCM " + bits + "-bit";
		}
		case "sowt" -> {
			encoding = Encoding.pcm(bits, false);
			kind = "PCM " + bits + "-bit little-endian (sowt)";
		}
		case "fl32", "FL32" -> {
			encoding = Encoding.F32BE;
			kind = "float 32-bit";
		}
		case "fl64", "FL64" -> {
			encoding = Encoding.F64BE;
			kind = "float 64-bit";
		}
		case "ulaw", "ULAW" -> throw in.unsupported("u-law encoding is not supported (PCM or IEEE float expected)");
		case "alaw", "ALAW" -> throw in.unsupported("A-law encoding is not supported (PCM or IEEE float expected)");
		case "ima4" -> throw in.unsupported("IMA ADPCM encoding is not supported (PCM or IEEE float expected)");
		default -> throw in.unsupported("AIFF-C compression '" + compression
				+ "' is not supported (NONE, sowt, fl32 or fl64 expected)");
		}
		if (encoding == null) {
			throw bits <= 0 ? in.corrupt(bits + " bits per sample") : in.unsupported(bits + "-bit PCM is not supported");
		}
		if (channels == 0) {
			throw in.corrupt("zero channels");
		}
		if (channels > 2) {
			throw in.unsupported(channels + " channels: only mono and stereo files are supported");
		}
		if (!(rate >= 1) || rate > Integer.MAX_VALUE) {
			throw in.corrupt("sample rate of " + rate + " Hz");
		}
		if (rate != Math.rint(rate)) {
			throw in.unsupported("fractional sample rate of " + rate + " Hz is not supported");
		}
		ByteBuffer s = in.read(ssndBody, 8, ByteOrder.BIG_ENDIAN, "SSND chunk");
		long offset = s.getInt() & 0xFFFFFFFFL;
		long dataOffset = ssndBody + 8 + offset;
		long blockAlign = (long) channels * encoding.bytesPerSample();
		long declared = frames * blockAlign;
		if (offset + declared > ssndSize - 8 && ssndSize - 8 - offset >= 0) {
			// COMM promises more frames than SSND says it holds: believe the smaller, as other readers do
			declared = (ssndSize - 8 - offset) / blockAlign * blockAlign;
		}
		long available = in.size() - dataOffset;
		if (declared > available) {
			throw in.truncated("SSND", declared, available);
		}
		return new StreamLayout(in.path(), encoding, channels, (int) rate, dataOffset, declared / blockAlign,
				container + " " + kind);
	}

	/**
	 * Converts an IEEE 754 80-bit extended value (sign and 15-bit exponent, then a 64-bit mantissa with an
	 * explicit integer bit), the form AIFF stores its sample rate in.
	 */
	static double extendedToDouble(short signExponent, long mantissa) {
		int exponent = signExponent & 0x7FFF;
		if (exponent == 0 && mantissa == 0) {
			return 0;
		}
		if (exponent == 0x7FFF) {
			return Double.NaN;
		}
		// the mantissa is unsigned: split it so that the top bit does not read as a sign
		double m = (mantissa >>> 1) * 2.0 + (mantissa & 1);
		double v = Math.scalb(m, exponent - 16383 - 63);
		return signExponent < 0 ? -v : v;
	}
}
