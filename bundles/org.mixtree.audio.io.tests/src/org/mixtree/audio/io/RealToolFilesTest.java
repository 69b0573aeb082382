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
 * Files written by sox and ffmpeg, read back and compared sample by sample with what the same tool decodes
 * from them (32-bit float raw). Tolerance 1e-7 absolute: integer samples of up to 24 bits are exact in float
 * on both sides; 32-bit integers and 64-bit floats round to float (half an ulp, at most 3e-8 below 1.0), and
 * sox passes 64-bit float through its 32-bit integer pipeline (2^-31 more).
 */
class RealToolFilesTest {
	private static final double TOLERANCE = 1e-7;
	/** two different channels, one of them noise, so that swapped channels and wrong byte order both show */
	private static final String[] SOX_SYNTH = { "synth", "0.5", "sine", "1000", "whitenoise", "gain", "-2" };
	private static final String SOX_MONO = "synth 0.5 sine 997 gain -1";
	private static final String LAVFI = "aevalsrc=0.9*sin(2*PI*1000*t)|0.4*sin(2*PI*440*t)+0.3*random(0)-0.15:s=%d:d=0.5";

	@TempDir
	Path dir;

	/** name, generating tool ("sox" or "ffmpeg"), arguments between input and output, expected description part */
	static Stream<Arguments> soxFiles() {
		List<Arguments> l = new ArrayList<>();
		l.add(Arguments.of("s16.wav", "-r 44100 -c 2 -b 16", "WAV PCM 16-bit"));
		l.add(Arguments.of("s24.wav", "-r 48000 -c 2 -b 24", "WAV PCM 24-bit (extensible)"));
		l.add(Arguments.of("s32.wav", "-r 48000 -c 2 -b 32 -e signed-integer", "WAV PCM 32-bit"));
		l.add(Arguments.of("f32.wav", "-r 48000 -c 2 -b 32 -e floating-point", "WAV float 32-bit"));
		l.add(Arguments.of("f64.wav", "-r 96000 -c 2 -b 64 -e floating-point", "WAV float 64-bit"));
		l.add(Arguments.of("mono16.wav", "-r 22050 -c 1 -b 16", "WAV PCM 16-bit"));
		l.add(Arguments.of("s16.aiff", "-r 44100 -c 2 -b 16", "AIFF PCM 16-bit"));
		l.add(Arguments.of("s24.aiff", "-r 48000 -c 2 -b 24", "AIFF PCM 24-bit"));
		l.add(Arguments.of("s32.aiff", "-r 88200 -c 2 -b 32", "AIFF PCM 32-bit"));
		l.add(Arguments.of("mono24.aif", "-r 32000 -c 1 -b 24", "AIFF PCM 24-bit"));
		l.add(Arguments.of("s16.aifc", "-r 48000 -c 2 -b 16 -t aifc", "AIFF-C PCM 16-bit"));
		l.add(Arguments.of("f32.aifc", "-r 48000 -c 2 -b 32 -e floating-point -t aifc", "AIFF-C float 32-bit"));
		l.add(Arguments.of("f64.aifc", "-r 44100 -c 2 -b 64 -e floating-point -t aifc", "AIFF-C float 64-bit"));
		return l.stream();
	}

	@ParameterizedTest(name = "sox {0}")
	@MethodSource("soxFiles")
	void readsWhatSoxWrote(String name, String options, String description) throws IOException {
		Path f = dir.resolve(name);
		List<String> cmd = new ArrayList<>(List.of("sox", "-n"));
		cmd.addAll(List.of(options.split(" ")));
		cmd.add(f.toString());
		cmd.addAll(options.contains("-c 1") ? List.of(SOX_MONO.split(" ")) : List.of(SOX_SYNTH));
		Tools.run(cmd.toArray(String[]::new));

		int channels = (int) Tools.soxInfo(f, 'c');
		float[][] expected = Tools.soxDecode(f, channels);
		assertEquals(Tools.soxInfo(f, 's'), expected[0].length, "sox's own sample count and its decode agree");
		compare(f, channels, (int) Tools.soxInfo(f, 'r'), expected, description);
	}

	static Stream<Arguments> ffmpegFiles() {
		List<Arguments> l = new ArrayList<>();
		l.add(Arguments.of("s16.wav", 44100, "-c:a pcm_s16le", "WAV PCM 16-bit"));
		l.add(Arguments.of("s24.wav", 48000, "-c:a pcm_s24le", "WAV PCM 24-bit"));
		l.add(Arguments.of("s32.wav", 48000, "-c:a pcm_s32le", "WAV PCM 32-bit"));
		l.add(Arguments.of("f32.wav", 48000, "-c:a pcm_f32le", "WAV float 32-bit"));
		l.add(Arguments.of("f64.wav", 48000, "-c:a pcm_f64le", "WAV float 64-bit"));
		l.add(Arguments.of("mono96k.wav", 96000, "-ac 1 -c:a pcm_s24le", "WAV PCM 24-bit"));
		l.add(Arguments.of("rf64-s24.wav", 48000, "-c:a pcm_s24le -rf64 always", "RF64 PCM 24-bit"));
		l.add(Arguments.of("rf64-f32.wav", 48000, "-c:a pcm_f32le -rf64 always", "RF64 float 32-bit"));
		l.add(Arguments.of("rf64-s16.wav", 44100, "-c:a pcm_s16le -rf64 always", "RF64 PCM 16-bit"));
		// JUNK reserved before fmt for a possible switch to RF64
		l.add(Arguments.of("junk.wav", 48000, "-c:a pcm_s16le -rf64 auto", "WAV PCM 16-bit"));
		// bext chunk before fmt... and a LIST INFO chunk between fmt and data
		l.add(Arguments.of("bext.wav", 48000, "-c:a pcm_s24le -write_bext 1 -metadata title=Take_3 -metadata artist=Mixtree"
				+ " -metadata comment=odd -metadata encoded_by=abc", "WAV PCM 24-bit"));
		l.add(Arguments.of("sowt.aiff", 44100, "-f aiff -c:a pcm_s16le", "AIFF-C PCM 16-bit little-endian (sowt)"));
		l.add(Arguments.of("s24be.aiff", 48000, "-f aiff -c:a pcm_s24be", "AIFF PCM 24-bit"));
		l.add(Arguments.of("fl32.aiff", 48000, "-f aiff -c:a pcm_f32be", "AIFF-C float 32-bit"));
		l.add(Arguments.of("fl64.aiff", 48000, "-f aiff -c:a pcm_f64be", "AIFF-C float 64-bit"));
		// an AIFF stored under a .wav name: the format comes from the magic, not the extension
		l.add(Arguments.of("really-aiff.wav", 48000, "-f aiff -c:a pcm_s16be", "AIFF PCM 16-bit"));
		return l.stream();
	}

	@ParameterizedTest(name = "ffmpeg {0}")
	@MethodSource("ffmpegFiles")
	void readsWhatFfmpegWrote(String name, int rate, String options, String description) throws IOException {
		Path f = dir.resolve(name);
		List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
				String.format(LAVFI, rate)));
		cmd.addAll(List.of(options.split(" ")));
		cmd.add(f.toString());
		Tools.run(cmd.toArray(String[]::new));

		int channels = (int) Tools.ffprobe(f, "channels");
		float[][] expected = Tools.ffmpegDecode(f, channels);
		assertEquals(rate / 2, expected[0].length, "ffmpeg decodes 0.5 s");
		compare(f, channels, (int) Tools.ffprobe(f, "sample_rate"), expected, description);
	}

	private static void compare(Path f, int channels, int rate, float[][] expected, String description)
			throws IOException {
		AudioFileInfo info = AudioFiles.info(f);
		assertEquals(channels, info.channels(), "channels");
		assertEquals(rate, info.sampleRate(), "rate");
		assertEquals(expected[0].length, info.frames(), "frames");
		// whether a tool chooses WAVE_FORMAT_EXTENSIBLE varies with its version: only sox 24-bit is pinned
		assertTrue(info.formatDescription().startsWith(description),
				"description '" + info.formatDescription() + "' starts with '" + description + "'");
		try (AudioFileReader r = AudioFiles.open(f)) {
			assertEquals(f, r.path());
			assertEquals(channels, r.channels());
			assertEquals(rate, r.sampleRate());
			assertEquals(expected[0].length, r.frames());
			float[][] got = Tools.readAll(r);
			assertSame(expected, got, 0, "sequential read of " + f.getFileName());
			double peak = 0;
			for (float x : got[0]) {
				peak = Math.max(peak, Math.abs(x));
			}
			assertTrue(peak > 0.3, "the signal is there, not silence: peak " + peak);

			// seek back and forth, then read a short span
			int frames = got[0].length;
			for (int at : new int[] { frames / 3, 17, frames - 5, 0, frames / 2 + 1 }) {
				r.seek(at);
				float[][] part = new float[channels][7];
				int n = r.read(part, 2, 5);
				assertEquals(Math.min(5, frames - at), n, "frames after seek to " + at);
				for (int c = 0; c < channels; c++) {
					for (int i = 0; i < n; i++) {
						assertEquals(expected[c][at + i], part[c][2 + i], TOLERANCE, "after seek to " + at);
					}
				}
			}
			r.seek(frames);
			assertEquals(0, r.read(new float[channels][4], 0, 4), "nothing after the end");
		}
	}

	private static void assertSame(float[][] expected, float[][] got, int from, String what) {
		for (int c = 0; c < expected.length; c++) {
			for (int i = from; i < expected[c].length; i++) {
				if (Math.abs(expected[c][i] - got[c][i]) > TOLERANCE) {
					throw new AssertionError(what + ": channel " + c + " frame " + i + ": expected " + expected[c][i]
							+ " but read " + got[c][i]);
				}
			}
		}
	}
}
