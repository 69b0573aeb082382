package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/**
 * The render reports the first master sample over a level ({@link RenderOptions#overDbfs()}): at the frame written
 * into the source, whichever channel and block it falls in, and -1 when nothing is over or nothing was asked.
 */
class FirstOverTest {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "block {0}, over at {1} in channel {2}")
	@CsvSource({ "1024, 5000, 1", "1024, 1024, 0", "4096, 0, 0", "64, 9999, 1", "4096, 7000, 0" })
	void firstOverIsTheFrameWrittenIntoTheSource(int block, int at, int channel) throws Exception {
		float[][] x = new float[2][10_000];
		for (int i = 0; i < x[0].length; i++) {
			x[0][i] = 0.4f; // -8 dBFS, under -6
			x[1][i] = -0.4f;
		}
		x[channel][at] = channel == 0 ? 0.6f : -0.6f; // -4.4 dBFS: over -6
		x[0][9_999 - at / 2] = Math.max(x[0][9_999 - at / 2], 0.55f); // a later over must not win
		Path src = dir.resolve("s.wav");
		RenderFileTest.writeWav(src, x, SampleFormat.F32);
		GraphDescription g = new GraphDescription(48000, PanLaw.MINUS_3_DB, List.of(
				new Channel("master", "Master", Kind.BUS, null, 0, 0, false, false, false, null),
				new Channel("t", "T", Kind.TRACK, new Source(src, 0, 0), 0, 0, false, false, false, "master")));
		RenderOptions options = RenderOptions.of(dir.resolve("out.wav"), SampleFormat.F32).withBlockSize(block);
		RenderResult asked = Engine.render(Engine.compile(g), options.withOverDbfs(-6), null);
		int expected = Math.min(at, 9_999 - at / 2);
		assertEquals(expected, asked.firstOverFrame());
		assertEquals(-1, Engine.render(Engine.compile(g), options.withOverDbfs(-3), null).firstOverFrame(),
				"nothing over -3 dBFS");
		assertEquals(-1, Engine.render(Engine.compile(g), options, null).firstOverFrame(), "not asked");
	}
}
