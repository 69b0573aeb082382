package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reference encoder never writes: a variable-blocksize stream (frames numbered by sample, block
 * sizes from 17 to 4608 with every way of coding them), sample rates coded in the frame header, escape-coded
 * residual partitions (raw bits, and zero bits for a partition of zeros), Rice parameters above 14 in the
 * five-bit coding, CONSTANT and VERBATIM subframes with wasted bits, and audio that spells frame headers
 * (which a seek probing for headers must not take for frames). The test writes such a file bit by bit
 * (with its own CRCs), the reference decoder ({@code flac -d}) checks and decodes it, and Mixtree must read
 * exactly what flac decoded and what the test meant to write.
 */
class FlacCraftedStreamTest {
	private static final int RATE = 44100;

	@TempDir
	Path dir;

	/** Bits, most significant first. */
	static final class Bits {
		byte[] bytes = new byte[1 << 16];
		int length;

		void put(long value, int n) {
			for (int i = n - 1; i >= 0; i--) {
				if (length / 8 >= bytes.length) {
					bytes = Arrays.copyOf(bytes, bytes.length * 2);
				}
				if ((value >>> i & 1) != 0) {
					bytes[length / 8] |= (byte) (0x80 >>> length % 8);
				}
				length++;
			}
		}

		void align() {
			length = length + 7 & ~7;
		}

		int position() {
			return length / 8;
		}
	}

	/** CRC-8, polynomial x^8 + x^2 + x + 1, bit by bit (the reader uses a table) */
	static int crc8(byte[] b, int from, int to) {
		int crc = 0;
		for (int i = from; i < to; i++) {
			crc ^= b[i] & 0xFF;
			for (int k = 0; k < 8; k++) {
				crc = (crc & 0x80) != 0 ? (crc << 1 ^ 0x07) & 0xFF : crc << 1 & 0xFF;
			}
		}
		return crc;
	}

	/** CRC-16, polynomial x^16 + x^15 + x^2 + 1, bit by bit */
	static int crc16(byte[] b, int from, int to) {
		int crc = 0;
		for (int i = from; i < to; i++) {
			crc ^= (b[i] & 0xFF) << 8;
			for (int k = 0; k < 8; k++) {
				crc = (crc & 0x8000) != 0 ? (crc << 1 ^ 0x8005) & 0xFFFF : crc << 1 & 0xFFFF;
			}
		}
		return crc;
	}

	/**
	 * How one subframe is coded.
	 *
	 * @param type       "constant", "verbatim", "fixed" or "lpc"
	 * @param method     residual coding method: 0 (4-bit Rice parameters) or 1 (5-bit)
	 * @param partitions per partition: -1 the best Rice parameter, -2 escape (raw bits), else that parameter
	 */
	record Sub(String type, int order, int wasted, int method, int partitionOrder, int... partitions) {
	}

	/** one frame: block size and how it is coded, channel assignment (1 independent, 8 L/S, 9 S/R, 10 M/S) */
	record Frame(int size, int sizeCode, int rateCode, int assignment, Sub left, Sub right) {
	}

	/** a frame header that is not one: sync, 4096 samples at 44.1 kHz, stereo, 16 bits, sample 0, CRC-8 */
	static final byte[] FAKE_HEADER = { (byte) 0xFF, (byte) 0xF9, (byte) 0xC9, 0x18, 0, 0 };

	static {
		FAKE_HEADER[5] = (byte) crc8(FAKE_HEADER, 0, 5);
	}

	private static final int[] LPC = { 16, -9, 1 };
	private static final int LPC_SHIFT = 3;

	static final Frame[] FRAMES = {
			new Frame(100, 6, 0, 1, new Sub("fixed", 2, 0, 0, 2, -1, -2, -2, 3), new Sub("verbatim", 0, 0, 0, 0)),
			new Frame(1000, 7, 9, 8, new Sub("lpc", 3, 0, 1, 2, -1, 17, -2, -1), new Sub("fixed", 1, 0, 0, 3, -1)),
			new Frame(576, 2, 13, 9, new Sub("fixed", 0, 0, 1, 0, -2), new Sub("lpc", 3, 0, 1, 1, -1, 22)),
			new Frame(4096, 12, 0, 10, new Sub("lpc", 3, 0, 1, 4, -1), new Sub("fixed", 2, 0, 0, 4, -1)),
			// its left channel is FAKE_HEADER over and over: a seek that probes for frame headers finds them
			new Frame(4608, 5, 0, 1, new Sub("verbatim", 0, 0, 0, 0), new Sub("fixed", 1, 0, 0, 2, -1)),
			new Frame(192, 1, 9, 1, new Sub("constant", 0, 1, 0, 0), new Sub("verbatim", 0, 2, 0, 0)),
			new Frame(17, 6, 0, 10, new Sub("verbatim", 0, 0, 0, 0), new Sub("fixed", 1, 0, 0, 0, -2)),
			new Frame(4608, 5, 14, 8, new Sub("fixed", 4, 0, 0, 3, -1), new Sub("lpc", 3, 0, 0, 3, -2)),
			new Frame(1152, 3, 0, 1, new Sub("fixed", 3, 0, 1, 2, -1, -2, -1, -2), new Sub("fixed", 2, 2, 0, 0, -1)) };

	/** The signal: two sines and a little noise, shaped where a frame needs it (constant, low bits zero...). */
	static int[][] signal() {
		int total = Arrays.stream(FRAMES).mapToInt(Frame::size).sum();
		int[][] x = new int[2][total];
		Random rnd = new Random(7);
		for (int i = 0; i < total; i++) {
			x[0][i] = (int) Math.round(4000 * Math.sin(2 * Math.PI * 440 * i / RATE)) + rnd.nextInt(201) - 100;
			x[1][i] = (int) Math.round(3000 * Math.sin(2 * Math.PI * 1234 * i / RATE + 1)) + rnd.nextInt(41) - 20;
		}
		int start = 0;
		for (Frame f : FRAMES) {
			for (int c = 0; c < 2; c++) {
				Sub s = c == 0 ? f.left : f.right;
				for (int i = start; i < start + f.size; i++) {
					if (s.type.equals("constant")) {
						x[c][i] = 1234 >> s.wasted << s.wasted;
					} else {
						x[c][i] = x[c][i] >> s.wasted << s.wasted;
					}
				}
			}
			start += f.size;
		}
		// frame 4, left: 16-bit samples that spell a frame header (sync, block of 4096 at 44.1 kHz, stereo,
		// 16 bits, sample 0, its CRC-8), byte-aligned since a VERBATIM subframe follows the frame header's byte
		int at = FRAMES[0].size + FRAMES[1].size + FRAMES[2].size + FRAMES[3].size;
		for (int i = 0; i + 3 <= FRAMES[4].size; i += 3) {
			for (int k = 0; k < 3; k++) {
				x[0][at + i + k] = (short) ((FAKE_HEADER[2 * k] & 0xFF) << 8 | FAKE_HEADER[2 * k + 1] & 0xFF);
			}
		}
		// frame 0, left: a partition of zero residual (the second-order prediction continued), coded as escape
		// with 0 bits
		for (int i = 50; i < 75; i++) {
			x[0][i] = 2 * x[0][i - 1] - x[0][i - 2];
		}
		return x;
	}

	static byte[] encode(int[][] x) {
		Bits b = new Bits();
		int total = x[0].length;
		b.put('f', 8);
		b.put('L', 8);
		b.put('a', 8);
		b.put('C', 8);
		b.put(1, 1); // last metadata block
		b.put(0, 7); // STREAMINFO
		b.put(34, 24);
		b.put(17, 16); // smallest block
		b.put(4608, 16); // largest block
		b.put(0, 24); // frame sizes unknown
		b.put(0, 24);
		b.put(RATE, 20);
		b.put(1, 3); // two channels
		b.put(15, 5); // 16 bits
		b.put(total, 36);
		b.put(0, 64); // MD5 unset
		b.put(0, 64);
		int first = 0;
		for (Frame f : FRAMES) {
			int start = b.position();
			b.put(0xFFF9, 16); // sync, variable block size
			b.put(f.sizeCode, 4);
			b.put(f.rateCode, 4);
			b.put(f.assignment, 4);
			b.put(f.assignment == 10 ? 0 : 4, 3); // sample size from STREAMINFO, or 16 bits in the header
			b.put(0, 1);
			utf8(b, first);
			if (f.sizeCode == 6) {
				b.put(f.size - 1, 8);
			} else if (f.sizeCode == 7) {
				b.put(f.size - 1, 16);
			}
			if (f.rateCode == 13) {
				b.put(RATE, 16);
			} else if (f.rateCode == 14) {
				b.put(RATE / 10, 16);
			}
			b.put(crc8(b.bytes, start, b.position()), 8);
			long[] l = new long[f.size];
			long[] r = new long[f.size];
			for (int i = 0; i < f.size; i++) {
				l[i] = x[0][first + i];
				r[i] = x[1][first + i];
			}
			long[][] sub = switch (f.assignment) {
			case 8 -> new long[][] { l, diff(l, r) };
			case 9 -> new long[][] { diff(l, r), r };
			case 10 -> {
				long[] mid = new long[f.size];
				for (int i = 0; i < f.size; i++) {
					mid[i] = l[i] + r[i] >> 1;
				}
				yield new long[][] { mid, diff(l, r) };
			}
			default -> new long[][] { l, r };
			};
			// the side channel has one bit more
			subframe(b, sub[0], f.left, f.assignment == 9 ? 17 : 16);
			subframe(b, sub[1], f.right, f.assignment == 8 || f.assignment == 10 ? 17 : 16);
			b.align();
			b.put(crc16(b.bytes, start, b.position()), 16);
			first += f.size;
		}
		return Arrays.copyOf(b.bytes, b.position());
	}

	private static long[] diff(long[] a, long[] b) {
		long[] d = new long[a.length];
		for (int i = 0; i < a.length; i++) {
			d[i] = a[i] - b[i];
		}
		return d;
	}

	static void utf8(Bits b, long v) {
		if (v < 0x80) {
			b.put(v, 8);
			return;
		}
		int n = v < 1 << 11 ? 2 : v < 1 << 16 ? 3 : v < 1 << 21 ? 4 : v < 1 << 26 ? 5 : v < 1L << 31 ? 6 : 7;
		b.put((0xFF00 >> n & 0xFF) | v >>> 6 * (n - 1), 8);
		for (int j = n - 2; j >= 0; j--) {
			b.put(0x80 | v >>> 6 * j & 0x3F, 8);
		}
	}

	static void subframe(Bits b, long[] s, Sub sub, int bps) {
		int n = s.length;
		long[] v = new long[n];
		for (int i = 0; i < n; i++) {
			v[i] = s[i] >> sub.wasted;
			assertEquals(s[i], v[i] << sub.wasted, "the signal has the wasted bits it claims");
		}
		int bits = bps - sub.wasted;
		b.put(0, 1);
		int type = switch (sub.type) {
		case "constant" -> 0;
		case "verbatim" -> 1;
		case "fixed" -> 8 + sub.order;
		default -> 31 + sub.order;
		};
		b.put(type, 6);
		if (sub.wasted > 0) {
			b.put(1, 1);
			b.put(0, sub.wasted - 1);
			b.put(1, 1);
		} else {
			b.put(0, 1);
		}
		switch (sub.type) {
		case "constant" -> b.put(v[0], bits);
		case "verbatim" -> {
			for (long x : v) {
				b.put(x, bits);
			}
		}
		default -> {
			for (int i = 0; i < sub.order; i++) {
				b.put(v[i], bits);
			}
			long[] residual = new long[n];
			for (int i = sub.order; i < n; i++) {
				long prediction;
				if (sub.type.equals("fixed")) {
					prediction = switch (sub.order) {
					case 0 -> 0;
					case 1 -> v[i - 1];
					case 2 -> 2 * v[i - 1] - v[i - 2];
					case 3 -> 3 * v[i - 1] - 3 * v[i - 2] + v[i - 3];
					default -> 4 * v[i - 1] - 6 * v[i - 2] + 4 * v[i - 3] - v[i - 4];
					};
				} else {
					long sum = 0;
					for (int j = 0; j < sub.order; j++) {
						sum += LPC[j] * v[i - 1 - j];
					}
					prediction = sum >> LPC_SHIFT;
				}
				residual[i] = v[i] - prediction;
			}
			if (sub.type.equals("lpc")) {
				b.put(5, 4); // precision 6 bits
				b.put(LPC_SHIFT, 5);
				for (int j = 0; j < sub.order; j++) {
					b.put(LPC[j] & 0x3F, 6);
				}
			}
			residual(b, residual, sub);
		}
		}
	}

	static void residual(Bits b, long[] r, Sub sub) {
		int n = r.length;
		b.put(sub.method, 2);
		b.put(sub.partitionOrder, 4);
		int parts = 1 << sub.partitionOrder;
		int per = n / parts;
		assertEquals(n, per * parts, "partitions fit the block");
		int escape = sub.method == 0 ? 15 : 31;
		for (int p = 0; p < parts; p++) {
			int from = p == 0 ? sub.order : p * per;
			int to = (p + 1) * per;
			int mode = sub.partitions.length > p ? sub.partitions[p] : -1;
			if (mode == -2) {
				long max = 0;
				for (int i = from; i < to; i++) {
					max = Math.max(max, r[i] < 0 ? -r[i] - 1 : r[i]);
				}
				int raw = max == 0 && allZero(r, from, to) ? 0 : 65 - Long.numberOfLeadingZeros(max);
				b.put(escape, sub.method == 0 ? 4 : 5);
				b.put(raw, 5);
				for (int i = from; i < to; i++) {
					b.put(r[i], raw);
				}
			} else {
				int k = mode >= 0 ? mode : bestRice(r, from, to, escape - 1);
				b.put(k, sub.method == 0 ? 4 : 5);
				for (int i = from; i < to; i++) {
					long u = r[i] >= 0 ? 2 * r[i] : -2 * r[i] - 1;
					b.put(0, (int) (u >>> k));
					b.put(1, 1);
					b.put(u, k);
				}
			}
		}
	}

	private static boolean allZero(long[] r, int from, int to) {
		for (int i = from; i < to; i++) {
			if (r[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static int bestRice(long[] r, int from, int to, int maxK) {
		int best = 0;
		long bestBits = Long.MAX_VALUE;
		for (int k = 0; k <= maxK; k++) {
			long bits = 0;
			for (int i = from; i < to; i++) {
				long u = r[i] >= 0 ? 2 * r[i] : -2 * r[i] - 1;
				bits += (u >>> k) + 1 + k;
			}
			if (bits < bestBits) {
				best = k;
				bestBits = bits;
			}
		}
		return best;
	}

	@Test
	void readsWhatTheReferenceDecoderReads() throws IOException {
		int[][] x = signal();
		Path flac = Files.write(dir.resolve("crafted.flac"), encode(x));
		Path wav = dir.resolve("crafted.wav");
		Tools.run("flac", "-s", "-d", "-f", flac.toString(), "-o", wav.toString());
		float[][] reference;
		try (AudioFileReader r = AudioFiles.open(wav)) {
			reference = Tools.readAll(r);
		}
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < x[c].length; i++) {
				assertEquals(x[c][i] / 32768f, reference[c][i], "flac -d decodes what the test wrote: channel " + c
						+ " frame " + i);
			}
		}
		assertEquals(RATE, AudioFiles.info(flac).sampleRate());
		FlacTest.assertSameAudio(wav, flac);
	}

	@Test
	void theFileHoldsWhatItIsAbout() throws IOException {
		// guards the test itself, through the reference tool's analysis: the codings it is about are there
		Path flac = Files.write(dir.resolve("crafted.flac"), encode(signal()));
		String analysis = FlacTest.analyse(flac);
		for (String s : List.of("parameter[1]=ESCAPE, raw_bits=10", "parameter[2]=ESCAPE, raw_bits=0",
				"parameter[1]=17", "parameter[1]=22", "residual_type=RICE2", "wasted_bits=1\ttype=CONSTANT\tvalue=617",
				"wasted_bits=2\ttype=VERBATIM", "blocksize=17\t", "blocksize=4608\t", "channel_assignment=LEFT_SIDE",
				"channel_assignment=RIGHT_SIDE", "channel_assignment=MID_SIDE")) {
			assertTrue(analysis.contains(s), "flac -a reports " + s + " in\n" + analysis);
		}
		assertEquals(FRAMES.length, analysis.lines().filter(l -> l.startsWith("frame=")).count());
		byte[] b = Files.readAllBytes(flac);
		int fakes = 0;
		for (int i = 0; i + FAKE_HEADER.length <= b.length; i++) {
			if (Arrays.equals(b, i, i + FAKE_HEADER.length, FAKE_HEADER, 0, FAKE_HEADER.length)) {
				fakes++;
			}
		}
		assertEquals(FRAMES[4].size() / 3, fakes, "fake frame headers in the audio of frame 4");
	}
}
