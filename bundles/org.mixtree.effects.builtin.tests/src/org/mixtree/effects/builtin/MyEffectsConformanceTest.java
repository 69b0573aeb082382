package org.mixtree.effects.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.effects.api.Scale;
import org.mixtree.effects.builtin.dynamics.CompressorFactory;
import org.mixtree.effects.builtin.dynamics.LimiterFactory;
import org.mixtree.effects.builtin.eq.EqFactory;
import org.mixtree.effects.builtin.utility.UtilityFactory;

/**
 * SPI conformance of the EQ, compressor, limiter and utility: output independent of block size (events
 * included), state round trip to identical output, presets valid, silence in gives silence out, no allocation on
 * the audio thread (0 bytes over 1000 blocks after warm-up, with parameter events), and events applied at their
 * sample without clicks.
 */
class MyEffectsConformanceTest {

	private static final int N = 24000;
	static volatile Object sink;

	static Stream<Arguments> effects() {
		// a non-default setting for each, so that the paths under test do something
		return Stream.of(
				Arguments.of(new EqFactory(), new Object[] { "b1.type", 4, "b1.freq", 60, "b2.type", 1, "b2.gain", 6,
						"b2.freq", 900, "b2.q", 2, "b5.type", 3, "b5.gain", -4, "output", -2 }),
				Arguments.of(new CompressorFactory(), new Object[] { "threshold", -30, "knee", 6, "makeup", 4,
						"mix", 80 }),
				Arguments.of(new LimiterFactory(), new Object[] { "ceiling", -12, "truepeak", 1 }),
				Arguments.of(new UtilityFactory(), new Object[] { "gain", -3, "width", 140, "invertR", 1 }));
	}

	private static float[][] signal(int channels) {
		float[][] x = new float[channels][];
		for (int ch = 0; ch < channels; ch++) {
			x[ch] = FxHarness.noise(N, 0.8, 11 + ch);
			float[] s = FxHarness.sine(N, 220 * (ch + 1), 0.5);
			for (int i = 0; i < N; i++) {
				x[ch][i] += s[i];
			}
		}
		return x;
	}

	/** Runs with two parameter events at fixed absolute frames, whatever the block size. */
	private static float[][] runWithEvents(Effect fx, float[][] x, int block, int param, double a, double b) {
		float[][] out = new float[x.length][];
		for (int ch = 0; ch < x.length; ch++) {
			out[ch] = x[ch].clone();
		}
		ProcessBlock pb = new ProcessBlock(out, 4);
		int[] at = { 5000, 13001 };
		double[] v = { a, b };
		for (int pos = 0; pos < N; pos += block) {
			int n = Math.min(block, N - pos);
			pb.set(pos, n, null);
			for (int e = 0; e < 2; e++) {
				if (at[e] >= pos && at[e] < pos + n) {
					pb.addEvent(at[e] - pos, param, v[e]);
				}
			}
			fx.process(pb);
		}
		return out;
	}

	private static int continuousParameter(Effect fx) {
		List<ParameterDescriptor> ps = fx.descriptor().parameters();
		for (int i = 0; i < ps.size(); i++) {
			if (ps.get(i).scale() == Scale.DECIBEL) {
				return i;
			}
		}
		throw new AssertionError();
	}

	private static double inRange(ParameterDescriptor p, double fraction) {
		return p.min() + fraction * (p.max() - p.min());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void sameOutputForAnyBlockSize(EffectFactory factory, Object[] params) {
		for (int channels : new int[] { 1, 2 }) {
			float[][] x = signal(channels);
			Effect ref = FxHarness.make(factory, channels, 4096, false, params);
			int p = continuousParameter(ref);
			ParameterDescriptor pd = ref.descriptor().parameters().get(p);
			float[][] expected = runWithEvents(ref, x, 4096, p, inRange(pd, 0.3), inRange(pd, 0.8));
			for (int block : new int[] { 1, 7, 64, 512 }) {
				Effect fx = FxHarness.make(factory, channels, block, false, params);
				float[][] y = runWithEvents(fx, x, block, p, inRange(pd, 0.3), inRange(pd, 0.8));
				for (int ch = 0; ch < channels; ch++) {
					assertArrayEquals(expected[ch], y[ch], 1e-6f, factory + " block " + block + " channel " + ch);
				}
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void stateRestoresIdenticalOutput(EffectFactory factory, Object[] params) {
		Effect a = FxHarness.make(factory, 2, 512, false, params);
		Effect b = factory.create();
		b.loadState(a.saveState());
		b.prepare(new ProcessSetup(FxHarness.FS, 512, ChannelLayout.STEREO, 0, RenderMode.OFFLINE));
		for (int i = 0; i < a.descriptor().parameters().size(); i++) {
			assertEquals(a.getParameter(i), b.getParameter(i));
		}
		float[][] x = signal(2);
		float[][] ya = FxHarness.run(a, x, 512);
		float[][] yb = FxHarness.run(b, x, 512);
		assertArrayEquals(ya[0], yb[0], 0f);
		assertArrayEquals(ya[1], yb[1], 0f);
		// and it refuses what is not its state
		byte[] other = new UtilityFactory().create().saveState();
		if (!factory.descriptor().id().equals(UtilityFactory.ID)) {
			assertThrows(IllegalArgumentException.class, () -> b.loadState(other));
		}
		byte[] newer = a.saveState();
		newer[7] = 99;
		assertThrows(IllegalArgumentException.class, () -> b.loadState(newer));
		assertThrows(IllegalArgumentException.class, () -> b.loadState(new byte[3]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void presetsAndDefaults(EffectFactory factory, Object[] params) {
		assertTrue(factory.descriptor().presets().size() >= 3, "a few presets");
		for (Preset preset : factory.descriptor().presets()) {
			for (var e : preset.values().entrySet()) {
				assertTrue(factory.descriptor().parameter(e.getKey()).accepts(e.getValue()), preset.name() + " " + e);
			}
			Effect fx = factory.create();
			((AbstractEffect) fx).applyPreset(preset);
		}
		assertTrue(factory.descriptor().layouts().containsAll(List.of(ChannelLayout.MONO, ChannelLayout.STEREO)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void silenceAfterResetAndLatencyAsSilence(EffectFactory factory, Object[] params) {
		Effect fx = FxHarness.make(factory, 2, 512, false, params);
		FxHarness.run(fx, signal(2), 512);
		fx.reset();
		float[][] y = FxHarness.run(fx, new float[2][4096], 512);
		assertEquals(0, FxHarness.peak(y[0], 0, 4096));
		assertEquals(0, FxHarness.peak(y[1], 0, 4096));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void noAllocationWhileProcessing(EffectFactory factory, Object[] params) {
		Effect fx = FxHarness.make(factory, 2, 512, true, params);
		int p = continuousParameter(fx);
		ParameterDescriptor pd = fx.descriptor().parameters().get(p);
		float[][] buf = signal(2);
		float[][] sc = signal(2);
		ProcessBlock pb = new ProcessBlock(buf, 4);
		Runnable work = () -> {
			for (int k = 0; k < 1000; k++) {
				pb.set((k * 512) % (N - 512), 512, (k & 1) == 0 ? sc : null);
				pb.addEvent(100, p, inRange(pd, (k % 10) / 10.0));
				pb.addEvent(300, 0, fx.getParameter(0));
				fx.process(pb);
				for (float[] ch : buf) {
					for (int i = 0; i < ch.length; i++) {
						ch[i] = Math.max(-4f, Math.min(4f, ch[i] * 1.5f + 0.1f * (i % 7)));
					}
				}
			}
		};
		for (int warm = 0; warm < 20; warm++) {
			work.run();
		}
		assertTrue(FxHarness.allocatedBy(() -> sink = new float[64]) >= 256, "the counter sees an allocation");
		assertEquals(0, FxHarness.allocatedBy(work), factory + ": bytes allocated in 1000 blocks");
	}

	/**
	 * A gain-like parameter jumping by 12 dB in an event makes no click: on a 100 Hz sine the largest second
	 * difference of the output stays within 10 times that of the louder steady state. An unsmoothed jump would
	 * spike it about 4000 times (0.375 against 8.6e-5); the corners at the ends of a 20 ms ramp give about 5.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("effects")
	void eventsAreSmoothed(EffectFactory factory, Object[] params) {
		String id = switch (factory.descriptor().id()) {
		case EqFactory.ID -> "output";
		case CompressorFactory.ID -> "makeup";
		case LimiterFactory.ID -> "ceiling";
		default -> "gain";
		};
		Effect fx = FxHarness.make(factory, 1, 512, false, id, -12);
		if (factory.descriptor().id().equals(CompressorFactory.ID)) {
			FxHarness.set(fx, "threshold", 0);
		}
		if (factory.descriptor().id().equals(LimiterFactory.ID)) {
			FxHarness.set(fx, "ceiling", -24);
			fx.prepare(new ProcessSetup(FxHarness.FS, 512, ChannelLayout.MONO, 0, RenderMode.OFFLINE));
		}
		int p = fx.descriptor().indexOf(id);
		double to = factory.descriptor().id().equals(LimiterFactory.ID) ? -12 : 0;
		float[] x = FxHarness.sine(N, 100, 0.5);
		float[] y = runWithEvents(fx, new float[][] { x }, 512, p, to, to)[0];
		double steady = 0, worst = 0;
		for (int i = 2; i < N; i++) {
			double d2 = Math.abs(y[i] - 2 * y[i - 1] + y[i - 2]);
			if (i > 15000) {
				steady = Math.max(steady, d2);
			} else if (i > 4000) {
				worst = Math.max(worst, d2);
			}
		}
		assertTrue(worst <= 10 * steady, factory + ": second difference " + worst + " vs steady " + steady);
	}
}
