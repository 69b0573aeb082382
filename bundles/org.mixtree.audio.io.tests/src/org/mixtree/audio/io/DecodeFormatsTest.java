package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PCM sample format's decode loop (16/24/32-bit integer, 32/64-bit float, little- and big-endian, WAV, AIFF
 * and AIFF-C, mono and stereo) against the reference decoders, bit for bit, over files long enough to cross
 * several read buffers, read in blocks of an odd size and of 4096 frames.
 * <p>
 * References: sox's decode to 32-bit float is exact for integers of up to 24 bits and compared raw bit for raw bit;
 * it rounds wider samples to 25 significant bits (its 32-bit float output path), so 32-bit integer and float files
 * are compared with sox within 2^-24 and bit for bit with ffmpeg, whose conversion to float is the rounding of the
 * exact value (a power-of-two scale of the integer rounded to float, or the float itself, or the double rounded).
 */
class DecodeFormatsTest {
	/** 1.37 s at 48 kHz: 65 760 frames, several 64 KiB buffers of every format, the last one partial */
	private static final String SECONDS = "1.37";

	@TempDir
	Path dir;

	/** file name, sox options before the output (or "ffmpeg:" and its options), channels */
	static Stream<Arguments> formats() {
		List<Arguments> l = new ArrayList<>();
		l.add(Arguments.of("s16le-1.wav", "-b 16 -e signed-integer", 1));
		l.add(Arguments.of("s16le-2.wav", "-b 16 -e signed-integer", 2));
		l.add(Arguments.of("s24le-1.wav", "-b 24 -e signed-integer", 1));
		l.add(Arguments.of("s24le-2.wav", "-b 24 -e signed-integer", 2));
		l.add(Arguments.of("f32le-1.wav", "-b 32 -e floating-point", 1));
		l.add(Arguments.of("s32le-2.wav", "-b 32 -e signed-integer", 2));
		l.add(Arguments.of("f32le-2.wav", "-b 32 -e floating-point", 2));
		l.add(Arguments.of("f64le-2.wav", "-b 64 -e floating-point", 2));
		l.add(Arguments.of("s16be-2.aiff", "-b 16 -e signed-integer", 2));
		l.add(Arguments.of("s24be-1.aiff", "-b 24 -e signed-integer", 1));
		l.add(Arguments.of("s24be-2.aiff", "-b 24 -e signed-integer", 2));
		l.add(Arguments.of("s16be-1.aiff", "-b 16 -e signed-integer", 1));
		l.add(Arguments.of("s32be-2.aiff", "-b 32 -e signed-integer", 2));
		l.add(Arguments.of("f32be-2.aifc", "-b 32 -e floating-point", 2));
		l.add(Arguments.of("f64be-2.aifc", "-b 64 -e floating-point", 2));
		l.add(Arguments.of("s16le-sowt-2.aiff", "ffmpeg:-f aiff -c:a pcm_s16le", 2));
		return l.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formats")
	void decodesAsTheReferenceToolsDo(String name, String options, int channels) throws IOException {
		Path f = dir.resolve(name);
		if (options.startsWith("ffmpeg:")) {
			Path source = dir.resolve("source-" + name + ".wav");
			synth(source, "-b 16 -e signed-integer", channels);
			List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", source.toString()));
			cmd.addAll(List.of(options.substring(7).split(" ")));
			cmd.add(f.toString());
			Tools.run(cmd.toArray(String[]::new));
		} else {
			synth(f, options, channels);
		}
		boolean wide = name.startsWith("s32") || name.startsWith("f");
		float[][] sox = Tools.soxDecode(f, channels);
		float[][] ffmpeg = Tools.ffmpegDecode(f, channels);
		assertEquals(65_760, sox[0].length, "sox's frames");
		for (int block : new int[] { 1013, 4096 }) {
			float[][] got = read(f, block);
			assertEquals(channels, got.length, "channels");
			if (wide) {
				same(ffmpeg, got, 0, name + " (ffmpeg, block " + block + ")");
				same(sox, got, 0x1p-24, name + " (sox, block " + block + ")");
			} else {
				same(sox, got, 0, name + " (sox, block " + block + ")");
				same(ffmpeg, got, 0, name + " (ffmpeg, block " + block + ")");
			}
			double peak = 0;
			for (float x : got[channels - 1]) {
				peak = Math.max(peak, Math.abs(x));
			}
			assertTrue(peak > 0.5, "the signal is there on the last channel: peak " + peak);
		}
	}

	/** sox: a sine on channel 1, white noise (near full scale) on 2, at 48 kHz */
	private void synth(Path f, String options, int channels) {
		List<String> cmd = new ArrayList<>(List.of("sox", "-n", "-r", "48000", "-c", String.valueOf(channels)));
		cmd.addAll(List.of(options.split(" ")));
		cmd.add(f.toString());
		cmd.addAll(List.of("synth", SECONDS, "sine", "1000", "whitenoise"));
		Tools.run(cmd.toArray(String[]::new));
	}

	private static float[][] read(Path f, int block) throws IOException {
		try (AudioFileReader r = AudioFiles.open(f)) {
			int frames = Math.toIntExact(r.frames());
			float[][] out = new float[r.channels()][frames];
			int done = 0;
			int n;
			while ((n = r.read(out, done, Math.min(block, frames - done))) > 0) {
				done += n;
			}
			assertEquals(frames, done, "frames read");
			return out;
		}
	}

	/** Raw float bits equal ({@code tolerance} 0), or within {@code tolerance}. */
	private static void same(float[][] expected, float[][] got, double tolerance, String what) {
		assertEquals(expected.length, got.length, what + ": channels");
		for (int c = 0; c < expected.length; c++) {
			assertEquals(expected[c].length, got[c].length, what + ": frames");
			for (int i = 0; i < expected[c].length; i++) {
				boolean ok = tolerance == 0 ? Float.floatToRawIntBits(expected[c][i]) == Float.floatToRawIntBits(got[c][i])
						: Math.abs(expected[c][i] - got[c][i]) <= tolerance;
				if (!ok) {
					throw new AssertionError(what + ": channel " + c + " frame " + i + ": expected " + expected[c][i]
							+ " but read " + got[c][i]);
				}
			}
		}
	}
}
