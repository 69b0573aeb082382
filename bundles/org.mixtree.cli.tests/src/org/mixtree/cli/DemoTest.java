package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.dsp.LoudnessMeter;

/** {@code demo}: the main job runs end to end and tells the truth about the file it wrote. */
class DemoTest {

	@TempDir
	Path dir;

	@Test
	void demoSynthesizesGroupsAndRendersTheStaticMix() throws Exception {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int code = Cli.run(new String[] { "demo", "--dir", dir.toString() }, new PrintStream(o, true, StandardCharsets.UTF_8),
				new PrintStream(e, true, StandardCharsets.UTF_8));
		String out = o.toString(StandardCharsets.UTF_8);
		assertEquals(0, code, e.toString(StandardCharsets.UTF_8));
		try (var s = Files.list(dir.resolve("stems"))) {
			long n = s.count();
			assertTrue(n >= 12 && n <= 16, n + " stems");
		}
		for (String bus : new String[] { "Drums", "Percussion", "Bass", "Guitars", "Acoustics", "Electrics", "Keys", "Vocals" }) {
			assertTrue(out.contains(bus + " "), bus + " missing from the tree:\n" + out);
		}
		Path mix = dir.resolve("demo-static-mix.wav");
		assertTrue(out.contains(mix.toString()), out);
		// the printed peak and loudness are those of the file, measured here independently of the render
		double peak = 0;
		LoudnessMeter meter;
		try (AudioFileReader r = AudioFiles.open(mix)) {
			meter = new LoudnessMeter(r.channels(), r.sampleRate());
			float[][] buf = new float[r.channels()][4096];
			int got;
			while ((got = r.read(buf, 0, 4096)) > 0) {
				meter.process(buf, 0, got);
				for (float[] ch : buf) {
					for (int i = 0; i < got; i++) {
						peak = Math.max(peak, Math.abs(ch[i]));
					}
				}
			}
		}
		Matcher m = Pattern.compile("peak (-?[0-9.]+) dBFS, integrated loudness (-?[0-9.]+) LUFS").matcher(out);
		assertTrue(m.find(), out);
		assertEquals(20 * Math.log10(peak), Double.parseDouble(m.group(1)), 0.051);
		assertEquals(meter.integratedLufs(), Double.parseDouble(m.group(2)), 0.051);
		assertTrue(peak < 1.0, "the static mix leaves headroom on the master: peak " + peak);
	}
}
