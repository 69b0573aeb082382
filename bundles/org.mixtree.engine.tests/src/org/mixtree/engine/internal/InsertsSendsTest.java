package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.RenderProgress;

/**
 * Inserts, sends, plugin delay compensation, tails and faults, through the real mixing loop with the test effects
 * of {@link TestEffects}. Expected values come from the signal semantics of DESIGN.md computed here by hand; a
 * null test passes when the residual is below -120 dBFS (1e-6), far below float rounding of a full-scale
 * signal's difference (the two paths carry bit-identical samples, so the residual is in fact 0).
 */
class InsertsSendsTest {

	private static final double NULL = 1e-6; // -120 dBFS

	static Insert insert(EffectFactory f, String parameter, double value) {
		return Insert.of(f, Map.of(parameter, value));
	}

	static Insert delay(int samples) {
		return insert(TestEffects.DELAY, "samples", samples);
	}

	/** Master, A and B on the master, one noise stem on both; B inverted. */
	private static Mix nullPair(float[][] stem) {
		return new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master")
				.bus("B", "Master", 0, 0, false, false, true).track("a", "A", stem).track("b", "B", stem);
	}

	private static double peak(float[][] x) {
		double p = 0;
		for (float[] c : x) {
			for (float v : c) {
				p = Math.max(p, Math.abs(v));
			}
		}
		return p;
	}

	static List<String> warnings(Mix mix, CompiledPlan plan, int block, int threads, double budget, float[][][] out)
			throws IOException {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			Path file = plan.source(t).file();
			readers[t] = new Mix.ArraySource(file, mix.signals.get(file));
		}
		Mix.Capture c = new Mix.Capture();
		List<String> warnings = new ArrayList<>();
		OfflineRenderer.mix(plan, readers, block, threads, List.of(new OfflineRenderer.Tap(plan.master, c)),
				RenderProgress.NONE, budget, warnings);
		out[0] = c.result();
		return warnings;
	}

	@ParameterizedTest(name = "latency {0}, block {1}, threads {2}")
	@CsvSource({ "64, 256, 1", "37, 1, 1", "37, 100, 4", "4096, 1000, 2", "1, 7, 3" })
	void latencyOnOneOfTwoBusesNulls(int latency, int block, int threads) throws Exception {
		float[][] stem = Mix.noise(7, 1, 20_000);
		Mix mix = nullPair(stem).edit("A", c -> c.withInserts(List.of(delay(latency))));
		float[][] out = mix.render(block, threads);
		assertEquals(20_000, out[0].length, "output aligned with the input timeline: no latency added");
		assertTrue(peak(out) < NULL, "residual " + peak(out));
		// and the delayed path alone is the stem on the timeline: -3 dB centre pan, sample-aligned
		Mix alone = nullPair(stem).edit("A", c -> c.withInserts(List.of(delay(latency)))).edit("b",
				c -> new GraphDescription.Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), true,
						false, false, c.output()));
		float[][] a = alone.render(block, threads);
		float g = (float) Math.cos(Math.PI / 4);
		for (int i = 0; i < 20_000; i += 997) {
			assertEquals(g * stem[0][i], a[0][i], 1e-6, "frame " + i);
		}
	}

	@Test
	void latencyOnATrackAndABypassedInsertStillNull() throws Exception {
		float[][] stem = Mix.noise(3, 2, 10_000);
		// the latency on the track inside A; a bypassed delay on B's other path keeps its latency
		Mix mix = nullPair(stem).edit("a", c -> c.withInserts(List.of(delay(100))))
				.edit("B", c -> c.withInserts(List.of(delay(100).withBypass(true))));
		assertTrue(peak(mix.render(512, 2)) < NULL);
		// bypass on A too: both paths 100 late, still aligned, still null
		Mix both = nullPair(stem).edit("A", c -> c.withInserts(List.of(delay(100).withBypass(true))))
				.edit("B", c -> c.withInserts(List.of(delay(30), delay(70))));
		assertTrue(peak(both.render(512, 2)) < NULL);
	}

	@Test
	void sendsAreCompensatedAndNull() throws Exception {
		float[][] stem = Mix.noise(11, 1, 10_000);
		// t -> A (latency 300) -> master; t also sends post-fader to B (inverted) -> master: null
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master", 0, 0, false,
				false, true).track("t", "A", stem, 0, 0, -6, 0.3, false, false, false);
		mix.edit("A", c -> c.withInserts(List.of(delay(300))))
				.edit("t", c -> c.withSends(List.of(new Send("B", 0, false))));
		assertTrue(peak(mix.render(256, 3)) < NULL);
		// the same through a pre-fader send, the fader at -inf: only the send is heard, at the pan, no fader
		Mix pre = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master")
				.track("t", "A", stem, 0, 0, Double.NEGATIVE_INFINITY, 0.3, false, false, false);
		pre.edit("B", c -> c.withInserts(List.of(delay(50))))
				.edit("t", c -> c.withSends(List.of(new Send("B", -6, true))));
		float[][] out = pre.render(256, 2);
		double g = Math.pow(10, -6 / 20.0);
		double l = g * Math.cos((0.3 + 1) * Math.PI / 4);
		double r = g * Math.sin((0.3 + 1) * Math.PI / 4);
		assertEquals(10_000, out[0].length);
		for (int i = 0; i < 10_000; i += 101) {
			assertEquals(l * stem[0][i], out[0][i], 1e-6);
			assertEquals(r * stem[0][i], out[1][i], 1e-6);
		}
	}

	@Test
	void busSendReturnFromABusAndOrder() throws Exception {
		// a bus sends to a return bus that feeds the master: the return is mixed after the bus, order is valid
		float[][] stem = Mix.dc(0.25f, 0.25f, 1000);
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Drums", "Master").bus("Verb", "Master")
				.track("kick", "Drums", stem);
		mix.edit("Drums", c -> c.withSends(List.of(new Send("Verb", 0, false))));
		CompiledPlan plan = mix.plan();
		List<String> order = plan.processingOrder();
		assertTrue(order.indexOf("Drums") < order.indexOf("Verb"));
		float[][] out = mix.render(64, 2);
		assertEquals(0.5f, out[0][500], 1e-7); // 0.25 direct + 0.25 returned
	}

	@Test
	void sendClosingACycleIsRefusedAndNamed() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "A");
		mix.edit("A", c -> c.withSends(List.of(new Send("B", 0, false))));
		assertEquals("routing cycle: bus:A -send-> bus:B -> bus:A (through the send from bus:A to bus:B)",
				assertThrows(GraphException.class, mix::plan).getMessage());
		Mix self = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master");
		self.edit("A", c -> c.withSends(List.of(new Send("A", 0, false))));
		assertEquals("routing cycle: bus:A -send-> bus:A (through the send from bus:A to bus:A)",
				assertThrows(GraphException.class, self::plan).getMessage());
		Mix unknown = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", Mix.dc(0.1f, 4));
		unknown.edit("t", c -> c.withSends(List.of(new Send("Nope", 0, false))));
		assertEquals("track:t sends to unknown bus id 'Nope'", assertThrows(GraphException.class, unknown::plan)
				.getMessage());
	}

	@Test
	void soloFollowsSendsAndMuteSilencesThem() throws Exception {
		// kick -> Drums, sends to Verb; pad -> Verb directly
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Drums", "Master").bus("Verb", "Master")
				.track("kick", "Drums", Mix.dc(0.5f, 0.5f, 100), 0, 0, 0, 0, false, true, false)
				.track("pad", "Verb", Mix.dc(0.125f, 0.125f, 100));
		mix.edit("kick", c -> c.withSends(List.of(new Send("Verb", 0, true))));
		CompiledPlan plan = mix.plan();
		assertTrue(plan.isAudible("Verb"), "the return of a heard channel stays audible");
		assertFalse(plan.isAudible("pad"), "what else feeds the return is not soloed");
		assertEquals(1.0f, mix.render(32, 1)[0][50], 1e-7); // 0.5 direct + 0.5 through the return
		mix.edit("kick", c -> new GraphDescription.Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(),
				true, true, false, c.output(), c.inserts(), c.sends()));
		assertFalse(mix.plan().isAudible("Verb"));
		assertEquals(0f, mix.render(32, 1)[0][50]);
	}

	@Test
	void insertsRunAfterPolarityAndBeforeFaderAndPan() throws Exception {
		// mono DC 0.5, polarity inverted, gain insert x0.5, fader -6 dB, pan -0.5 under -3 dB law
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", Mix.dc(0.5f, 64), 0, 0, -6,
				-0.5, false, false, true);
		mix.edit("t", c -> c.withInserts(List.of(insert(TestEffects.GAIN, "gain", 0.5))));
		float[][] out = mix.render(16, 1);
		double g = -0.5 * 0.5 * Math.pow(10, -6 / 20.0);
		assertEquals(g * Math.cos(0.5 * Math.PI / 4), out[0][10], 1e-7);
		assertEquals(g * Math.sin(0.5 * Math.PI / 4), out[1][10], 1e-7);
	}

	@Test
	void stateThenParametersAndLayouts() throws Exception {
		byte[] state = ByteBuffer.allocate(8).putDouble(0.25).array();
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("B", "Master")
				.track("m", "B", Mix.dc(1f, 32)).track("s", "B", Mix.dc(0.5f, 0.25f, 32));
		mix.edit("m", c -> c.withInserts(List.of(new Insert("test.gain", TestEffects.GAIN, false, Map.of(), state))))
				.edit("s", c -> c.withInserts(List.of(new Insert("test.stereo", TestEffects.STEREO_ONLY, false,
						Map.of(), null))))
				.edit("B", c -> c.withInserts(List.of(insert(TestEffects.GAIN, "gain", 2.0))));
		CompiledPlan plan = mix.plan();
		float[][] out = mix.render(plan, 16, 1, plan.master);
		// m: 0.25 by the state, centre pan; s: swapped by the stereo-only insert; B doubles
		double p = Math.cos(Math.PI / 4);
		assertEquals(2 * (0.25 * p + 0.25), out[0][5], 1e-6);
		assertEquals(2 * (0.25 * p + 0.5), out[1][5], 1e-6);
		TestEffects.TestEffect m = (TestEffects.TestEffect) plan.processors[plan.node("m")][0].effect;
		TestEffects.TestEffect b = (TestEffects.TestEffect) plan.processors[plan.node("B")][0].effect;
		assertEquals(ChannelLayout.MONO, m.setups.get(0).layout(), "a mono track stays mono through its inserts");
		assertEquals(ChannelLayout.STEREO, b.setups.get(0).layout());
		assertEquals(RenderMode.OFFLINE, b.setups.get(0).mode());
		// explicit parameter values win over the state
		Mix both = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("m", "Master", Mix.dc(1f, 1f, 32));
		both.edit("m", c -> c.withInserts(List.of(new Insert("test.gain", TestEffects.GAIN, false,
				Map.of("gain", 0.5), state))));
		assertEquals(0.5f, both.render(16, 1)[0][3], 1e-7);
	}

	@Test
	void missingEffectSilencesItsChannelWithAWarning() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Drums", "Master")
				.track("t", "Drums", Mix.dc(0.5f, 0.5f, 64));
		mix.edit("Drums", c -> c.withInserts(List.of(new Insert("com.acme.missing", null, false, Map.of(), null),
				insert(TestEffects.GAIN, "nope", 1))));
		CompiledPlan plan = mix.plan();
		float[][][] out = new float[1][][];
		List<String> w = warnings(mix, plan, 16, 1, 10, out);
		// a chain is not played without one of its effects: the bus is silent, and says why
		assertEquals(0f, out[0][0][10]);
		assertEquals("insert 1 (com.acme.missing) is missing", plan.silentBecause("Drums"));
		assertEquals("its output bus:Drums insert 1 (com.acme.missing) is missing", plan.silentBecause("t"));
		assertTrue(w.contains("bus:Drums slot 1 (com.acme.missing): effect not installed; bus:Drums is silent"), w.toString());
		assertTrue(w.contains("bus:Drums slot 2 (test.gain): no parameter 'nope'; ignored"), w.toString());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "throw, threw IllegalStateException at 0.020 s", "nan, output NaN at 0.020 s",
			"inf, output an infinite sample at 0.020 s" })
	void faultyInsertIsBypassedAndReported(String mode, String what) throws Exception {
		// 1000 Hz: the fault comes in the block holding frame 20 (blocks of 20: the block at 0.020 s)
		float[][] stem = Mix.noise(5, 2, 200);
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 1000).bus("Master", null).bus("Drums", "Master").track("t", "Drums", stem);
		double m = List.of("throw", "nan", "inf").indexOf(mode);
		mix.edit("Drums", c -> c.withInserts(List.of(delay(3), Insert.of(TestEffects.FAULT, Map.of("mode", m,
				"at", 25.0)))));
		CompiledPlan plan = mix.plan();
		float[][][] out = new float[1][][];
		for (int threads : new int[] { 1, 3 }) {
			List<String> w = warnings(mix, plan, 20, threads, 10, out);
			assertEquals(List.of("bus:Drums slot 2 (test.fault): " + what + "; bypassed"), w);
			assertEquals(200, out[0][0].length);
			// the faulty slot passes its input: the output is the stem throughout (delay compensated), no NaN
			for (int i = 0; i < 200; i++) {
				assertEquals(stem[0][i], out[0][0][i], 0f, "frame " + i);
				assertEquals(stem[1][i], out[0][1][i], 0f, "frame " + i);
			}
		}
	}

	@Test
	void slowInsertIsBypassed() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 48000).bus("Master", null).track("t", "Master",
				Mix.dc(0.5f, 0.5f, 4800));
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.FAULT, Map.of("mode", 3.0, "at", 2000.0)))));
		float[][][] out = new float[1][][];
		// blocks of 480 frames = 10 ms; budget 1x -> the 100 ms floor; the effect sleeps 300 ms in the block
		// holding frame 2000 (it starts at frame 1920 = 0.040 s), once: bypassed from the next block
		List<String> w = warnings(mix, mix.plan(), 480, 1, 1, out);
		assertEquals(1, w.size(), w.toString());
		assertTrue(w.get(0).startsWith("track:t slot 1 (test.fault): took ") && w.get(0).contains(
				"for a 480-frame block (budget 100 ms) at 0.040 s; bypassed"), w.get(0));
		assertEquals(0.5f, out[0][0][4799]);
	}

	@Test
	void renderLengthAddsTheTailsOnThePathCapped() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 1000).bus("Master", null).bus("Verb", "Master")
				.track("t", "Verb", Mix.dc(0.5f, 100));
		// echo 30 on the track then echo 200 on the bus: the tails add along the path
		mix.edit("t", c -> c.withInserts(List.of(insert(TestEffects.ECHO, "samples", 30))))
				.edit("Verb", c -> c.withInserts(List.of(insert(TestEffects.ECHO, "samples", 200))));
		float[][] out = mix.render(64, 2);
		assertEquals(100 + 30 + 200, out[0].length);
		float g = (float) Math.cos(Math.PI / 4);
		assertEquals(0f, out[0][229], 0f);
		assertEquals(0.5f * g, out[0][230], 1e-7);
		assertEquals(0.5f * g, out[0][329], 1e-7);
		// a muted path's tail does not count
		mix.edit("Verb", c -> new GraphDescription.Channel(c.id(), c.name(), c.kind(), null, c.gainDb(), c.pan(), true,
				false, false, c.output(), c.inserts(), c.sends()));
		assertEquals(100, mix.render(64, 2)[0].length);
		// an endless tail is cut at 30 s
		Mix endless = new Mix(PanLaw.MINUS_3_DB, 1000).bus("Master", null).track("t", "Master", Mix.dc(0.5f, 100));
		endless.edit("Master", c -> c.withInserts(List.of(Insert.of(TestEffects.ENDLESS, Map.of()))));
		assertEquals(100 + 30_000, endless.render(4096, 1)[0].length);
	}

	@Test
	void rebuildKeepsProcessorsAndTheirState() throws Exception {
		// an impulse into a 100-frame echo; the plan is rebuilt after 64 frames (fader changed): the echo arrives
		float[][] impulse = new float[2][400];
		impulse[0][0] = 1f;
		impulse[1][0] = 1f;
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", impulse);
		mix.edit("t", c -> c.withInserts(List.of(insert(TestEffects.ECHO, "samples", 100))));
		CompiledPlan first = mix.plan();
		SourceReader[] readers = { new Mix.ArraySource(Path.of("mem", "t.wav"), impulse) };
		try (BlockMixer a = new BlockMixer(first, readers, 64, 1, RenderMode.REALTIME, false, 0)) {
			a.process(64, null);
		}
		mix.edit("t", c -> new GraphDescription.Channel(c.id(), c.name(), c.kind(), c.source(), -6, c.pan(), false,
				false, false, c.output(), c.inserts(), c.sends()));
		CompiledPlan second = PlanCompiler.compile(mix.description(), first);
		assertSame(first.processors[first.node("t")][0], second.processors[second.node("t")][0]);
		TestEffects.TestEffect echo = (TestEffects.TestEffect) second.processors[second.node("t")][0].effect;
		float[] left = new float[128];
		try (BlockMixer b = new BlockMixer(second, readers, 64, 1, RenderMode.REALTIME, false, 0)) {
			for (int k = 0; k < 2; k++) {
				b.process(64, null);
				System.arraycopy(b.output(second.master)[0], 0, left, k * 64, 64);
			}
		}
		assertEquals(1, echo.setups.size(), "same setup: not prepared again");
		// frame 100 of the timeline is frame 36 of the second mixer's output
		assertEquals((float) Math.pow(10, -6 / 20.0), left[36], 1e-6);
		// a fresh compile makes new processors
		assertFalse(mix.plan().processors[0].length > 0
				&& mix.plan().processors[mix.plan().node("t")][0] == first.processors[first.node("t")][0]);
	}

	@Test
	void deterministicForAnyThreadsAndBlocks() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master").bus("R",
				"Master");
		for (int t = 0; t < 12; t++) {
			mix.track("t" + t, t % 2 == 0 ? "A" : "B", Mix.noise(t, 1 + t % 2, 5000));
		}
		mix.edit("t3", c -> c.withInserts(List.of(delay(17), insert(TestEffects.GAIN, "gain", 0.7))))
				.edit("t4", c -> c.withSends(List.of(new Send("R", -3, true))))
				.edit("B", c -> c.withInserts(List.of(insert(TestEffects.ECHO, "samples", 40)))
						.withSends(List.of(new Send("R", -10, false))))
				.edit("R", c -> c.withInserts(List.of(delay(9))));
		float[][] reference = mix.render(4096, 1);
		for (int[] bt : new int[][] { { 1, 1 }, { 333, 4 }, { 64, 2 }, { 4096, 8 } }) {
			float[][] out = mix.render(bt[0], bt[1]);
			assertArrayEquals(reference[0], out[0], bt[0] + "/" + bt[1]);
			assertArrayEquals(reference[1], out[1], bt[0] + "/" + bt[1]);
		}
	}
}
