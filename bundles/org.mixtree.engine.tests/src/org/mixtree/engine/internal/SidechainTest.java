package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphException;

/**
 * Sidechain keys through the real mixing loop, with {@code test.key} ({@link TestEffects#KEY}), which outputs
 * what reaches its sidechain: the key channel's post-insert, pre-fader signal, sample-aligned with the keyed
 * slot's input whatever latency lies on either path, mixed before the keyed channel, and still there when the key
 * channel is muted or not soloed.
 */
class SidechainTest {

	private static final double NULL = 1e-6; // -120 dBFS

	static Insert key(String keyId) {
		return Insert.of(TestEffects.KEY, Map.of()).withSidechain(keyId);
	}

	static Insert delay(int samples) {
		return InsertsSendsTest.delay(samples);
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

	/**
	 * kick (stereo noise, latency {@code keyLatency} on its own insert) -> Drums (polarity inverted) -> Master;
	 * bass (silent) -> Bass -> Master, Bass's chain [delay(mainLatency), test.key keyed by the kick]. Bass then
	 * outputs the kick's post-insert signal: aligned, it cancels Drums exactly.
	 */
	private static Mix keyed(float[][] kick, int keyLatency, int mainLatency) {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Bass", "Master")
				.bus("Drums", "Master", 0, 0, false, false, true).track("bass", "Bass", Mix.dc(0f, 0f, 10))
				.track("kick", "Drums", kick);
		if (keyLatency > 0) {
			mix.edit("kick", c -> c.withInserts(List.of(delay(keyLatency))));
		}
		mix.edit("Bass", c -> c.withInserts(mainLatency > 0 ? List.of(delay(mainLatency), key("kick"))
				: List.of(key("kick"))));
		return mix;
	}

	@ParameterizedTest(name = "key latency {0}, keyed-path latency {1}, block {2}, threads {3}")
	@CsvSource({ "0, 0, 256, 1", "100, 0, 64, 2", "0, 150, 100, 3", "300, 40, 1, 1", "77, 77, 333, 4",
			"4096, 0, 1000, 2" })
	void keyReachesTheInsertSampleAligned(int keyLatency, int mainLatency, int block, int threads) throws Exception {
		float[][] kick = Mix.noise(17, 2, 12_000);
		float[][] out = keyed(kick, keyLatency, mainLatency).render(block, threads);
		assertEquals(12_000, out[0].length, "aligned with the timeline");
		assertTrue(peak(out) < NULL, "residual " + peak(out) + ": key and main path not aligned");
		// the keyed bus alone (Drums muted) is the kick itself, on the timeline
		Mix alone = keyed(kick, keyLatency, mainLatency).edit("Drums", c -> mute(c, true));
		float[][] a = alone.render(block, threads);
		for (int i = 0; i < 12_000; i += 503) {
			assertEquals(kick[0][i], a[0][i], 0f, "frame " + i);
			assertEquals(kick[1][i], a[1][i], 0f, "frame " + i);
		}
	}

	static Channel mute(Channel c, boolean on) {
		return new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), on, c.solo(), c.polarity(),
				c.output(), c.inserts(), c.sends());
	}

	static Channel solo(Channel c) {
		return new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), c.mute(), true, c.polarity(),
				c.output(), c.inserts(), c.sends());
	}

	static Channel fader(Channel c, double db) {
		return new Channel(c.id(), c.name(), c.kind(), c.source(), db, c.pan(), c.mute(), c.solo(), c.polarity(),
				c.output(), c.inserts(), c.sends());
	}

	@Test
	void keyIsPostInsertPreFaderAndPreparedWithTheKeysChannels() throws Exception {
		// mono kick, clip gain -6 dB, a gain insert x0.5, fader -20 dB: the key is kick * 0.5 * 0.5, unpanned
		float[][] kick = Mix.noise(3, 1, 4000);
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Bass", "Master").bus("Drums", "Master", 0, 0,
				true, false, false).track("bass", "Bass", Mix.dc(0f, 0f, 10))
				.track("kick", "Drums", kick, 20 * Math.log10(0.5), 0, -20, 0.7, false, false, false);
		mix.edit("kick", c -> c.withInserts(List.of(InsertsSendsTest.insert(TestEffects.GAIN, "gain", 0.5))))
				.edit("Bass", c -> c.withInserts(List.of(key("kick"))));
		CompiledPlan plan = mix.plan();
		float[][] out = mix.render(plan, 128, 2, plan.master);
		for (int i = 0; i < 4000; i += 101) {
			assertEquals(0.25f * kick[0][i], out[0][i], 1e-7, "frame " + i);
			assertEquals(0.25f * kick[0][i], out[1][i], 1e-7, "frame " + i);
		}
		TestEffects.TestEffect k = (TestEffects.TestEffect) plan.processors[plan.node("Bass")][0].effect;
		assertEquals(1, k.setups.get(k.setups.size() - 1).sidechainChannels(), "a mono key");
		// a bus key is stereo
		Mix busKey = keyed(Mix.noise(4, 2, 100), 0, 0);
		busKey.edit("Bass", c -> c.withInserts(List.of(key("Drums"))));
		CompiledPlan p2 = busKey.plan();
		busKey.render(p2, 64, 1, p2.master);
		TestEffects.TestEffect b = (TestEffects.TestEffect) p2.processors[p2.node("Bass")][0].effect;
		assertEquals(2, b.setups.get(b.setups.size() - 1).sidechainChannels());
		// without a key the insert sees none
		Mix none = keyed(Mix.noise(4, 2, 100), 0, 0);
		none.edit("Bass", c -> c.withInserts(List.of(Insert.of(TestEffects.KEY, Map.of()))));
		CompiledPlan p3 = none.plan();
		none.render(p3, 64, 1, p3.master);
		TestEffects.TestEffect z = (TestEffects.TestEffect) p3.processors[p3.node("Bass")][0].effect;
		assertEquals(0, z.setups.get(z.setups.size() - 1).sidechainChannels());
	}

	@Test
	void mutedOrUnsoloedKeyStillKeysAndIsNotHeard() throws Exception {
		float[][] kick = Mix.noise(5, 2, 3000);
		// kick muted: Drums silent, Bass still outputs the key
		Mix muted = keyed(kick, 20, 0).edit("kick", c -> mute(c, true));
		float[][] out = muted.render(100, 2);
		for (int i = 0; i < 3000; i += 97) {
			assertEquals(kick[0][i], out[0][i], 0f, "frame " + i);
		}
		// Bass soloed: the kick is not heard but keys; the key of a muted bus is what it would carry
		Mix soloed = keyed(kick, 0, 0).edit("Bass", SidechainTest::solo);
		CompiledPlan plan = soloed.plan();
		assertFalse(plan.isAudible("kick"));
		out = soloed.render(plan, 100, 3, plan.master);
		for (int i = 0; i < 3000; i += 97) {
			assertEquals(kick[1][i], out[1][i], 0f, "frame " + i);
		}
		Mix busKey = keyed(kick, 0, 0).edit("Drums", c -> mute(fader(c, Double.NEGATIVE_INFINITY), true))
				.edit("Bass", c -> c.withInserts(List.of(key("Drums"))));
		out = busKey.render(64, 2);
		for (int i = 0; i < 3000; i += 97) {
			assertEquals(-kick[0][i], out[0][i], 0f, "a muted bus at -inf still keys, pre-fader: frame " + i);
		}
		// the muted bus's own tap stays silent
		CompiledPlan p = busKey.plan();
		assertEquals(0.0, peak(busKey.render(p, 64, 2, p.node("Drums"))));
	}

	@Test
	void keyIsMixedBeforeTheKeyedChannelWhateverTheDescriptionOrder() throws Exception {
		// a track keyed by a bus declared after it, and a bus keyed by a track of a later bus
		float[][] kick = Mix.noise(8, 2, 2000);
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Bass", "Master").track("bass", "Bass",
				Mix.dc(0f, 0f, 10)).bus("Drums", "Master").track("kick", "Drums", kick).track("pad", "Master",
						Mix.dc(0f, 0f, 10));
		mix.edit("pad", c -> c.withInserts(List.of(key("Drums")))).edit("Bass", c -> c.withInserts(List.of(key(
				"kick"))));
		List<String> order = mix.plan().processingOrder();
		assertTrue(order.indexOf("kick") < order.indexOf("Bass"), order.toString());
		assertTrue(order.indexOf("Drums") < order.indexOf("pad"), order.toString());
		float[][] reference = mix.render(4096, 1);
		for (int i = 0; i < 2000; i += 111) {
			// Drums + Bass (the kick) + pad (Drums' key: the kick)
			assertEquals(3 * kick[0][i], reference[0][i], 1e-6, "frame " + i);
		}
		for (int[] bt : new int[][] { { 1, 1 }, { 7, 4 }, { 64, 2 }, { 1000, 8 } }) {
			float[][] out = mix.render(bt[0], bt[1]);
			assertArrayEquals(reference[0], out[0], bt[0] + "/" + bt[1]);
			assertArrayEquals(reference[1], out[1], bt[0] + "/" + bt[1]);
		}
	}

	@Test
	void keyClosingACycleOrUnknownIsRefusedAndNamed() {
		Mix self = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master");
		self.edit("A", c -> c.withInserts(List.of(key("A"))));
		assertEquals("routing cycle: bus:A -key-> bus:A (through the sidechain of bus:A slot 1 (test.key), keyed by bus:A)",
				assertThrows(GraphException.class, self::plan).getMessage());
		// B feeds A; B's insert keyed by A: A must come before B and after it
		Mix loop = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "A");
		loop.edit("B", c -> c.withInserts(List.of(delay(3), key("A"))));
		assertEquals("routing cycle: bus:A -key-> bus:B -> bus:A (through the sidechain of bus:B slot 2 (test.key), keyed by bus:A)",
				assertThrows(GraphException.class, loop::plan).getMessage());
		// the master is downstream of everything
		Mix master = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", Mix.dc(0.1f, 4));
		master.edit("t", c -> c.withInserts(List.of(key("Master"))));
		assertTrue(assertThrows(GraphException.class, master::plan).getMessage().contains("-key->"));
		Mix unknown = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", Mix.dc(0.1f, 4));
		unknown.edit("t", c -> c.withInserts(List.of(key("Nope"))));
		assertEquals("track:t slot 1 (test.key): sidechain key 'Nope' is not a channel",
				assertThrows(GraphException.class, unknown::plan).getMessage());
	}

	@Test
	void keyOnAnEffectWithoutSidechainIsIgnoredWithAWarning() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("B", "Master").track("t", "B", Mix.dc(0.5f,
				0.5f, 64)).track("k", "Master", Mix.dc(0.25f, 0.25f, 64));
		mix.edit("B", c -> c.withInserts(List.of(InsertsSendsTest.insert(TestEffects.GAIN, "gain", 1.0)
				.withSidechain("k"))));
		float[][][] out = new float[1][][];
		List<String> w = InsertsSendsTest.warnings(mix, mix.plan(), 16, 2, 10, out);
		assertEquals(List.of("bus:B slot 1 (test.gain): takes no sidechain; key track:k ignored"), w);
		assertEquals(0.75f, out[0][0][10], 1e-7);
	}

	@Test
	void graphDescriptionInsertStaysSourceCompatible() {
		Insert old = new Insert("test.key", TestEffects.KEY, false, Map.of(), null);
		assertEquals(null, old.sidechain());
		Insert keyed = old.withSidechain("kick");
		assertEquals("kick", keyed.sidechain());
		assertEquals("kick", keyed.withBypass(true).sidechain());
		assertFalse(old.equals(keyed));
		assertEquals(keyed, new Insert("test.key", TestEffects.KEY, false, Map.of(), null, "kick"));
		GraphDescription.Channel c = new GraphDescription.Channel("a", "a", GraphDescription.Kind.BUS, null, 0, 0,
				false, false, false, null);
		assertEquals(List.of(), c.inserts());
	}
}
