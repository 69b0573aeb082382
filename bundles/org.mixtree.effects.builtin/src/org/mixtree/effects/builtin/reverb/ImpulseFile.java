package org.mixtree.effects.builtin.reverb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mixtree.dsp.Resampler;

/**
 * Reads an impulse response from a WAV file with plain Java (RIFF, PCM 16 and 24 bit, IEEE float 32 bit,
 * {@code WAVE_FORMAT_EXTENSIBLE} with those subformats), and brings it to the session's rate with
 * {@link Resampler} (scaled by the rate ratio, so the wet level stays the same). One channel is used for both sides; of more than two, the first two are used.
 * <p>
 * Thread rules: [main] only (reads a file, allocates).
 */
public final class ImpulseFile {
	/** Longest impulse accepted, seconds (at the session rate). */
	public static final double MAX_SECONDS = 20;

	private ImpulseFile() {
	}

	/**
	 * @return {@code [channel][sample]} with two channels at {@code sampleRate}
	 * @throws IOException with a one-line message naming the file when it cannot be read or is not a supported
	 *                     WAV
	 */
	public static float[][] read(Path file, double sampleRate) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		if (b.remaining() < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
			throw new IOException(file + ": not a RIFF/WAVE file");
		}
		int format = -1, channels = 0, rate = 0, bits = 0;
		int dataPos = -1, dataLen = 0;
		int p = 12;
		while (p + 8 <= b.limit()) {
			int id = b.getInt(p);
			int len = b.getInt(p + 4);
			int body = p + 8;
			if (len < 0 || body + (long) len > b.limit()) {
				len = b.limit() - body; // a truncated last chunk: take what is there
			}
			if (id == 0x20746d66) { // "fmt "
				format = b.getShort(body) & 0xffff;
				channels = b.getShort(body + 2) & 0xffff;
				rate = b.getInt(body + 4);
				bits = b.getShort(body + 14) & 0xffff;
				if (format == 0xFFFE && len >= 26) {
					format = b.getShort(body + 24) & 0xffff; // subformat GUID starts with the format code
				}
			} else if (id == 0x61746164) { // "data"
				dataPos = body;
				dataLen = len;
			}
			p = body + len + (len & 1);
		}
		if (format < 0 || dataPos < 0 || channels < 1 || rate < 1) {
			throw new IOException(file + ": no fmt or data chunk");
		}
		if (!(format == 1 && (bits == 16 || bits == 24)) && !(format == 3 && bits == 32)) {
			throw new IOException(file + ": unsupported WAV format " + format + " with " + bits
					+ " bits (PCM 16/24 or float 32 expected)");
		}
		int bytes = bits / 8;
		int frames = dataLen / (bytes * channels);
		if (frames < 1) {
			throw new IOException(file + ": no samples");
		}
		if (frames > MAX_SECONDS * rate) {
			throw new IOException(file + ": longer than " + (int) MAX_SECONDS + " s");
		}
		float[][] in = new float[2][frames];
		for (int f = 0; f < frames; f++) {
			for (int c = 0; c < 2; c++) {
				int src = Math.min(c, channels - 1);
				int at = dataPos + (f * channels + src) * bytes;
				float v;
				if (format == 3) {
					v = b.getFloat(at);
				} else if (bits == 16) {
					v = b.getShort(at) / 32768f;
				} else {
					int s = (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) << 16;
					v = s / 8388608f;
				}
				in[c][f] = v;
			}
		}
		int target = (int) Math.round(sampleRate);
		if (target == rate) {
			return in;
		}
		int outFrames = (int) Resampler.outputLength(frames, rate, target);
		float[][] out = new float[2][outFrames];
		int[] read = { 0 };
		Resampler r = new Resampler((dst, off, count) -> {
			int n = Math.min(count, frames - read[0]);
			for (int c = 0; c < 2; c++) {
				System.arraycopy(in[c], read[0], dst[c], off, n);
			}
			read[0] += n;
			return n;
		}, 2, rate, target);
		int done = 0;
		while (done < outFrames) {
			int n = r.read(out, done, outFrames - done);
			if (n == 0) {
				break;
			}
			done += n;
		}
		// the same room at a higher rate has more samples per second of decay: keep the level
		float scale = (float) rate / target;
		for (float[] c : out) {
			for (int i = 0; i < c.length; i++) {
				c[i] *= scale;
			}
		}
		return out;
	}
}
