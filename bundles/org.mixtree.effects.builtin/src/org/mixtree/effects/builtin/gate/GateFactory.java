package org.mixtree.effects.builtin.gate;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.Scale;
import org.mixtree.effects.builtin.AbstractEffectFactory;

/**
 * The built-in noise gate / expander, {@code org.mixtree.gate}, registered as an {@code EffectFactory} service by
 * {@code OSGI-INF/gate.xml}. Parameter ids are a contract with stored sessions: never rename them.
 * <p>
 * Thread rules: {@link #descriptor()} [any], {@link #create()} [main].
 */
public final class GateFactory extends AbstractEffectFactory {
	/** Stable effect id. */
	public static final String ID = "org.mixtree.gate";

	/** The descriptor: parameters in display order. */
	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Gate", "Mixtree", "1.0.0",
			Category.DYNAMICS, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.of("threshold", "Threshold", "dB", -90, 0, -40, Scale.DECIBEL),
					ParameterDescriptor.of("range", "Range", "dB", -90, 0, -60, Scale.DECIBEL),
					ParameterDescriptor.of("attack", "Attack", "ms", 0.01, 100, 0.5, Scale.LOGARITHMIC),
					ParameterDescriptor.of("hold", "Hold", "ms", 0, 2000, 50, Scale.LINEAR),
					ParameterDescriptor.of("release", "Release", "ms", 1, 5000, 100, Scale.LOGARITHMIC)),
			List.of(new Preset("Drum gate", Map.of("threshold", -30.0, "range", -80.0, "attack", 0.1, "hold", 30.0,
					"release", 60.0)),
					new Preset("Gentle expander", Map.of("threshold", -45.0, "range", -12.0, "attack", 2.0, "hold",
							80.0, "release", 250.0)),
					new Preset("Vocal cleanup", Map.of("threshold", -50.0, "range", -20.0, "attack", 1.0, "hold",
							120.0, "release", 200.0))));

	/** Made by declarative services. */
	public GateFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new GateEffect();
	}
}
