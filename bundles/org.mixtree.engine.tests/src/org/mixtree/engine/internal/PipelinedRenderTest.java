package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.RenderProgress;

/**
 * The pipelined master (issue 13): the master chain of block k runs beside the tracks of block k+1. The render
 * must be the unpipelined render sample for sample (compared as raw float bits), on a session with effects on the
 * master (latency, a tail with state, a gain) and on the buses, sends, a latency longer than a block, a last
 * block shorter than the others and a render cut short.
 */
class PipelinedRenderTest {

	private static Mix session() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master", -3, 0.2,
				false, false, true).bus("FX", "Master");
		for (int i = 0; i < 7; i++) {
			float[][] stem = i % 2 == 0 ? Mix.noise(100 + i, 1, 30_011 - 1000 * i) : Mix.noise(100 + i, 2, 25_000);
			mix.track("t" + i, i < 4 ? "A" : "B", stem, 0, 300L * i, -2.0 * i, -0.8 + 0.25 * i, false, false, false);
		}
		mix.edit("t1", c -> c.withSends(List.of(new Send("FX", -6, false))));
		mix.edit("A", c -> c.withInserts(List.of(InsertsSendsTest.delay(37),
				InsertsSendsTest.insert(TestEffects.GAIN, "gain", 0.7))));
		mix.edit("FX", c -> c.withInserts(List.of(InsertsSendsTest.insert(TestEffects.ECHO, "samples", 911))));
		mix.edit("Master", c -> c.withInserts(List.of(InsertsSendsTest.delay(5000),
				InsertsSendsTest.insert(TestEffects.ECHO, "samples", 1234),
				InsertsSendsTest.insert(TestEffects.GAIN, "gain", 1.3))));
		return mix;
	}

	private static float[][] render(Mix mix, CompiledPlan plan, int block, int threads, long maxFrames,
			boolean pipeline) throws IOException {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			Path file = plan.source(t).file();
			readers[t] = new Mix.ArraySource(file, mix.signals.get(file));
		}
		Mix.Capture c = new Mix.Capture();
		List<String> warnings = new ArrayList<>();
		OfflineRenderer.mix(plan, readers, block, threads, List.of(new OfflineRenderer.Tap(plan.master, c)),
				RenderProgress.NONE, 0, warnings, maxFrames, pipeline);
		assertEquals(List.of(), warnings);
		return c.result();
	}

	@ParameterizedTest(name = "block {0}, threads {1}, max {2}")
	@CsvSource({ "4096, 2, " + Long.MAX_VALUE, "256, 2, " + Long.MAX_VALUE, "1000, 3, " + Long.MAX_VALUE,
			"64, 1, " + Long.MAX_VALUE, "7, 2, 20000", "4096, 2, 3000", "512, 2, 1" })
	void pipelinedMasterIsTheUnpipelinedRenderBitForBit(int block, int threads, long max) throws Exception {
		Mix mix = session();
		CompiledPlan plan = mix.plan();
		// the session qualifies: the pipeline is really in use
		try (BlockMixer probe = new BlockMixer(plan, readers(mix, plan), block, 1, RenderMode.OFFLINE, true, 0)) {
			assertTrue(probe.pipelineMaster(), "the master of this session can be pipelined");
		}
		float[][] plainRender = render(mix, plan, block, threads, max, false);
		float[][] piped = render(mix, plan, block, threads, max, true);
		long expected = Math.min(max, 30_011 + 300L * 6 + 5000 + 1234 + 911 + 37);
		assertTrue(plainRender[0].length >= Math.min(max, 30_011), "frames " + plainRender[0].length);
		assertTrue(plainRender[0].length <= expected, "frames " + plainRender[0].length);
		assertEquals(plainRender[0].length, piped[0].length, "frames");
		double energy = 0;
		for (int ch = 0; ch < 2; ch++) {
			for (int i = 0; i < piped[ch].length; i++) {
				if (Float.floatToRawIntBits(plainRender[ch][i]) != Float.floatToRawIntBits(piped[ch][i])) {
					throw new AssertionError("channel " + ch + " frame " + i + ": unpipelined " + plainRender[ch][i]
							+ ", pipelined " + piped[ch][i]);
				}
				energy += piped[ch][i] * (double) piped[ch][i];
			}
		}
		assertFalse(max > 1 && energy == 0, "the render is not silent");
	}

	private static SourceReader[] readers(Mix mix, CompiledPlan plan) {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			Path file = plan.source(t).file();
			readers[t] = new Mix.ArraySource(file, mix.signals.get(file));
		}
		return readers;
	}
}
