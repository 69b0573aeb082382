package org.mixtree.effects.builtin.dynamics;

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

/** The look-ahead brickwall limiter, {@code org.mixtree.limiter}; registered by {@code OSGI-INF/limiter.xml}. */
public final class LimiterFactory extends AbstractEffectFactory {

	public static final String ID = "org.mixtree.limiter";
	/** Largest look-ahead, ms: buffers are sized for it so that a change never allocates. */
	static final double MAX_LOOKAHEAD_MS = 20;

	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Limiter", "Mixtree", "1.0.0",
			Category.DYNAMICS, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.of("ceiling", "Ceiling", "dB", -24, 0, -1, Scale.DECIBEL),
					ParameterDescriptor.of("release", "Release", "ms", 1, 2000, 50, Scale.LOGARITHMIC),
					ParameterDescriptor.of("lookahead", "Look-ahead", "ms", 0, MAX_LOOKAHEAD_MS, 5, Scale.LINEAR),
					ParameterDescriptor.toggle("truepeak", "True peak", false)),
			List.of(new Preset("Default", Map.of()),
					new Preset("Master -1 dBTP", Map.of("ceiling", -1.0, "truepeak", 1.0, "release", 80.0)),
					new Preset("Transparent", Map.of("ceiling", -0.3, "release", 200.0, "lookahead", 10.0)),
					new Preset("RW1 master", Map.of("ceiling", -6.0, "release", 50.0, "lookahead", 5.0))));

	public LimiterFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new LimiterEffect(DESCRIPTOR);
	}
}
