package org.mixtree.effects.builtin.reverb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.builtin.AbstractEffect;
import org.mixtree.effects.builtin.delay.DelayFactory;
import org.mixtree.effects.builtin.gate.GateFactory;

/** SPI conformance of the gate, delay and reverb: ids, presets, reset, state, silence after the tail. */
class SpaceConformanceTest {

	static Stream<EffectFactory> factories() {
		return Stream.of(new GateFactory(), new DelayFactory(), new ReverbFactory());
	}

	/** Effect and parameter ids are the contract stored sessions rely on. */
	@ParameterizedTest
	@MethodSource("factories")
	void idsAreTheContract(EffectFactory f) {
		List<String> expected = switch (f.descriptor().id()) {
		case "org.mixtree.gate" -> List.of("threshold", "range", "attack", "hold", "release");
		case "org.mixtree.delay" -> List.of("time", "feedback", "mix", "lowcut", "highcut");
		case "org.mixtree.reverb" -> List.of("ir", "predelay", "mix", "lowcut", "highcut");
		default -> throw new AssertionError(f.descriptor().id());
		};
		assertEquals(expected, f.descriptor().parameters().stream().map(ParameterDescriptor::id).toList());
		assertTrue(f.descriptor().layouts().containsAll(List.of(ChannelLayout.MONO, ChannelLayout.STEREO)));
		assertTrue(f.descriptor().presets().size() >= 3);
	}

	/** Every preset's values are legal and applying one changes the state. */
	@ParameterizedTest
	@MethodSource("factories")
	void presetsAreLegal(EffectFactory f) {
		for (Preset p : f.descriptor().presets()) {
			p.values().forEach((id, v) -> assertTrue(f.descriptor().parameter(id).accepts(v), p.name() + " " + id));
			AbstractEffect e = (AbstractEffect) f.create();
			byte[] before = e.saveState();
			e.applyPreset(p);
			assertTrue(!java.util.Arrays.equals(before, e.saveState()), p.name());
		}
	}

	/**
	 * After noise, a reset makes silence give exact silence at once; and a fresh run of noise then silence is
	 * exactly 0 after the tail (for the delay: below -120 dB of the input's peak).
	 */
	@ParameterizedTest
	@MethodSource("factories")
	void resetIsCleanAndTheTailEnds(EffectFactory f) {
		for (ChannelLayout layout : ChannelLayout.values()) {
			Effect e = f.create();
			e.setParameter(e.descriptor().indexOf("mix") >= 0 ? e.descriptor().indexOf("mix") : 0,
					e.descriptor().indexOf("mix") >= 0 ? 100 : -90);
			e.prepare(SpaceHarness.setup(layout, 512));
			int ch = layout.channels();
			float[][] noise = SpaceHarness.noise(ch, 48000, 0.3, 1);
			SpaceHarness.run(e, noise, SpaceHarness.blocks(48000, 512, 512, 0), 512);
			e.reset();
			float[][] y = SpaceHarness.run(e, new float[ch][4800], SpaceHarness.blocks(4800, 0, 512, 1), 512);
			for (float[] c : y) {
				for (float v : c) {
					assertEquals(0f, v, 0f, f + " after reset");
				}
			}
			e.reset();
			int tail = (int) e.tailSamples();
			assertTrue(tail >= 0 && tail < 48000 * 600, f + " tail " + tail);
			int n = 4800 + tail + 4800;
			float[][] x = new float[ch][n];
			for (int c = 0; c < ch; c++) {
				System.arraycopy(noise[c], 0, x[c], 0, 4800);
			}
			y = SpaceHarness.run(e, x, SpaceHarness.blocks(n, 512, 512, 0), 512);
			for (float[] c : y) {
				for (int i = 4800 + tail; i < n; i++) {
					assertTrue(Math.abs(c[i]) < 1.3e-6, f + " at " + i + ": " + c[i]);
				}
			}
		}
	}

	/** State round-trips byte for byte into a fresh processor; foreign and newer states are refused. */
	@ParameterizedTest
	@MethodSource("factories")
	void stateRoundTripsAndRefusesOthers(EffectFactory f) {
		AbstractEffect a = (AbstractEffect) f.create();
		a.applyPreset(f.descriptor().presets().get(1));
		byte[] s = a.saveState();
		Effect b = f.create();
		b.loadState(s);
		assertArrayEquals(s, b.saveState());
		byte[] other = new GateFactory().create().saveState();
		if (!f.descriptor().id().equals(GateFactory.ID)) {
			assertThrows(IllegalArgumentException.class, () -> b.loadState(other));
		}
		byte[] newer = s.clone();
		newer[7] = 99; // version int
		assertThrows(IllegalArgumentException.class, () -> b.loadState(newer));
	}
}
