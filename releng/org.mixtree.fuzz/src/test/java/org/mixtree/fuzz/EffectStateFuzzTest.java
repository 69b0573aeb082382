package org.mixtree.fuzz;

import java.util.List;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.effects.builtin.delay.DelayFactory;
import org.mixtree.effects.builtin.dynamics.CompressorFactory;
import org.mixtree.effects.builtin.dynamics.LimiterFactory;
import org.mixtree.effects.builtin.eq.EqFactory;
import org.mixtree.effects.builtin.gate.GateFactory;
import org.mixtree.effects.builtin.reverb.ReverbFactory;
import org.mixtree.effects.builtin.utility.UtilityFactory;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the state blobs of the built-in effects ({@link Effect#loadState}), which come from session files. The
 * first byte picks the effect, the rest is the state. A state is either loaded, after which the effect must
 * still play (prepared, a block of noise in, finite samples out) and save a state that loads again, or refused
 * with one {@link IllegalArgumentException} whose one-line message names the effect; anything else is a finding.
 */
class EffectStateFuzzTest {
	private static final List<EffectFactory> FACTORIES = List.of(new EqFactory(), new CompressorFactory(),
			new LimiterFactory(), new GateFactory(), new DelayFactory(), new ReverbFactory(), new UtilityFactory());

	@FuzzTest
	void state(FuzzedDataProvider data) {
		EffectFactory factory = FACTORIES.get(Math.floorMod(data.consumeByte(), FACTORIES.size()));
		byte[] state = data.consumeRemainingAsBytes();
		Effect fx = factory.create();
		String id = fx.descriptor().id();
		try {
			fx.loadState(state);
		} catch (IllegalArgumentException e) {
			Scratch.checkMessage(e, id + ":");
			return;
		}
		play(fx, id);
		byte[] again = fx.saveState();
		Effect other = factory.create();
		other.loadState(again);
		if (!java.util.Arrays.equals(again, other.saveState())) {
			throw new AssertionError(id + ": a saved state does not load back to itself");
		}
	}

	private static void play(Effect fx, String id) {
		fx.prepare(new ProcessSetup(48000, 256, ChannelLayout.STEREO, 0, RenderMode.OFFLINE));
		float[][] audio = new float[2][256];
		java.util.Random r = new java.util.Random(1);
		for (float[] c : audio) {
			for (int i = 0; i < c.length; i++) {
				c[i] = (float) (r.nextDouble() - 0.5);
			}
		}
		ProcessBlock block = new ProcessBlock(audio, 4);
		block.set(0, 256, null);
		fx.process(block);
		for (float[] c : audio) {
			for (float v : c) {
				if (!Float.isFinite(v)) {
					throw new AssertionError(id + ": a loaded state makes the effect output " + v);
				}
			}
		}
		fx.release();
	}
}
