package org.mixtree.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;

/**
 * {@link DemoMultitrack}: the same stems on every run, and levels where its documentation puts them, measured by
 * sox (the peak and RMS of each file) and by the test's own sum of the stems (the rough balance the demo's mix
 * starts from). Fails, never skips, without sox.
 */
class DemoMultitrackTest {

	@TempDir
	Path dir;

	/** Two runs (the second over the first's files, and at a rate where the highest filters are held below 0.45 fs). */
	@Test
	void everyRunWritesTheSameStems() throws Exception {
		Path a = dir.resolve("a");
		Path b = dir.resolve("b");
		List<Path> first = DemoMultitrack.write(a, 8000);
		DemoMultitrack.write(b, 8000);
		List<Path> again = DemoMultitrack.write(b, 8000);
		assertEquals(DemoMultitrack.stemNames(), first.stream().map(p -> p.getFileName().toString()).toList());
		for (int k = 0; k < first.size(); k++) {
			assertArrayEquals(Files.readAllBytes(first.get(k)), Files.readAllBytes(again.get(k)),
					first.get(k).getFileName().toString());
		}
	}

	@Test
	void theStemsPeakWhereTheMixNeedsThemAndSumWithHeadroom() throws Exception {
		List<Path> stems = DemoMultitrack.write(dir, 48000);
		double loudest = Double.NEGATIVE_INFINITY;
		double quietest = Double.POSITIVE_INFINITY;
		for (Path stem : stems) {
			String stats = sox(stem);
			double peak = number(stats, "Pk lev dB");
			double rms = number(stats, "RMS lev dB");
			// DemoMultitrack: each stem peaks between about -8.5 and -15 dBFS (+-0.5 dB for the slack of "about")
			assertTrue(peak > -15.5 && peak < -8.0, stem.getFileName() + " peaks at " + peak + " dBFS");
			// neither silent nor a block of noise: crest factors of real instruments (8 to 28 dB here)
			assertTrue(peak - rms > 6 && peak - rms < 30, stem.getFileName() + " crest " + (peak - rms) + " dB");
			loudest = Math.max(loudest, peak);
			quietest = Math.min(quietest, peak);
		}
		assertTrue(loudest - quietest > 4, "a rough balance, not equal peaks: " + quietest + " .. " + loudest);

		// all sixteen at 0 dB, mono stems centred under the -3 dB law: the master peaks around -3 dBFS
		float[][] sum = new float[2][DemoMultitrack.SECONDS * 48000];
		for (Path stem : stems) {
			try (AudioFileReader r = AudioFiles.open(stem)) {
				assertEquals(sum[0].length, r.frames(), stem.getFileName() + ": 24 s");
				float[][] x = new float[r.channels()][(int) r.frames()];
				int got = 0;
				while (got < x[0].length) {
					int n = r.read(x, got, x[0].length - got);
					assertTrue(n > 0, "short read of " + stem);
					got += n;
				}
				double g = r.channels() == 1 ? Math.sqrt(0.5) : 1;
				for (int c = 0; c < 2; c++) {
					float[] in = x[Math.min(c, r.channels() - 1)];
					for (int i = 0; i < in.length; i++) {
						sum[c][i] += (float) (g * in[i]);
					}
				}
			}
		}
		double peak = 0;
		for (float[] c : sum) {
			for (float v : c) {
				peak = Math.max(peak, Math.abs(v));
			}
		}
		double db = 20 * Math.log10(peak);
		assertTrue(db > -6 && db < -1, "the sum of the stems peaks at " + db + " dBFS");
	}

	private static String sox(Path wav) throws IOException, InterruptedException {
		Process p;
		try {
			p = new ProcessBuilder("sox", wav.toString(), "-n", "stats").redirectErrorStream(true).start();
		} catch (IOException e) {
			throw new AssertionError("sox is needed for this test (apt-get install sox)", e);
		}
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "sox did not finish");
		assertEquals(0, p.exitValue(), out);
		return out;
	}

	private static double number(String stats, String label) {
		Matcher m = Pattern.compile(Pattern.quote(label) + "\\s+(-?[0-9.]+)").matcher(stats);
		assertTrue(m.find(), label + " in\n" + stats);
		return Double.parseDouble(m.group(1));
	}
}
