package org.mixtree.views.editors.tests;

import java.util.List;
import java.util.Map;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;

/** The installed effects as the engine gets them (OSGi services), run offline on test signals. */
final class RealEffects {
	private RealEffects() {
	}

	/** @return a new instance of the installed effect {@code id}, prepared mono at {@code fs}, with these values */
	static Effect create(String id, double fs, Map<String, Double> values) throws InterruptedException {
		EffectRegistry registry = EffectRegistry.osgi();
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (registry.find(id).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20); // declarative services registers the factories when their bundle starts
		}
		EffectFactory factory = registry.find(id).orElseThrow(() -> new AssertionError(id + " is not installed"));
		Effect fx = factory.create();
		fx.prepare(new ProcessSetup(fs, 512, ChannelLayout.MONO, 0, RenderMode.OFFLINE));
		List<ParameterDescriptor> ps = fx.descriptor().parameters();
		for (Map.Entry<String, Double> e : values.entrySet()) {
			int index = -1;
			for (int i = 0; i < ps.size(); i++) {
				if (ps.get(i).id().equals(e.getKey())) {
					index = i;
				}
			}
			if (index < 0) {
				throw new AssertionError(id + " has no parameter " + e.getKey());
			}
			fx.setParameter(index, e.getValue());
		}
		fx.reset();
		return fx;
	}

	/** Runs {@code x} through {@code fx} in place, in blocks of 512. */
	static void run(Effect fx, float[] x) {
		float[][] buf = { x };
		ProcessBlock pb = new ProcessBlock(buf, 1);
		for (int pos = 0; pos < x.length; pos += 512) {
			pb.set(pos, Math.min(512, x.length - pos), null);
			fx.process(pb);
		}
	}
}
