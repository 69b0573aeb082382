package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.internal.PcmStreamReader;
import org.mixtree.dsp.Resampler;

/**
 * {@link AudioFiles#open(Path, int)}: a file at another rate comes out at the session's rate. The reference is
 * the formula of the sines ffmpeg generated; the Resampler promises a passband flat within 0.1 dB (1.2 %) and
 * no delay, so away from the ends (where the filter sees the zeros beyond the file) every sample lies within
 * 1.5 % of the amplitude of the ideal value.
 */
class ResamplingTest {
	@TempDir
	Path dir;

	private Path sines(int rate) {
		Path f = dir.resolve("sines-" + rate + ".wav");
		Tools.ffmpeg("-f", "lavfi", "-i", "aevalsrc=0.5*sin(2*PI*1000*t)|0.25*sin(2*PI*440*t):s=" + rate + ":d=0.5",
				"-c:a", "pcm_f32le", f.toString());
		return f;
	}

	@ParameterizedTest(name = "{0} Hz -> {1} Hz")
	@CsvSource({ "48000, 44100", "44100, 96000", "96000, 48000" })
	void deliversTheSessionRate(int fileRate, int sessionRate) throws IOException {
		Path f = sines(fileRate);
		try (AudioFileReader r = AudioFiles.open(f, sessionRate)) {
			assertEquals(sessionRate, r.sampleRate());
			assertEquals(2, r.channels());
			assertEquals(Resampler.outputLength(fileRate / 2, fileRate, sessionRate), r.frames());
			assertTrue(r.formatDescription().contains("resampled"), r.formatDescription());
			float[][] got = Tools.readAll(r);
			int edge = sessionRate / 100; // 10 ms at each end
			double worst0 = 0;
			double worst1 = 0;
			for (int i = edge; i < got[0].length - edge; i++) {
				double t = (double) i / sessionRate;
				worst0 = Math.max(worst0, Math.abs(got[0][i] - 0.5 * Math.sin(2 * Math.PI * 1000 * t)));
				worst1 = Math.max(worst1, Math.abs(got[1][i] - 0.25 * Math.sin(2 * Math.PI * 440 * t)));
			}
			assertTrue(worst0 < 0.015 * 0.5, "1 kHz: worst deviation " + worst0);
			assertTrue(worst1 < 0.015 * 0.25, "440 Hz: worst deviation " + worst1);

			// seek lands on the same frames a sequential read delivered
			int at = got[0].length / 2 + 3;
			r.seek(at);
			float[][] part = new float[2][50];
			assertEquals(50, r.read(part, 0, 50));
			for (int i = 0; i < 50; i++) {
				assertEquals(got[0][at + i], part[0][i], 1e-6, "after seek, frame " + (at + i));
			}
		}
	}

	@Test
	void sameRateNeedsNoResampler() throws IOException {
		try (AudioFileReader r = AudioFiles.open(sines(48000), 48000)) {
			assertSame(PcmStreamReader.class, r.getClass());
			assertEquals(24000, r.frames());
		}
	}
}
