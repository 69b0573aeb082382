package org.mixtree.effects.builtin.utility;

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

/** Gain, stereo width, mono and polarity, {@code org.mixtree.utility}; registered by {@code OSGI-INF/utility.xml}. */
public final class UtilityFactory extends AbstractEffectFactory {

	public static final String ID = "org.mixtree.utility";

	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Utility", "Mixtree", "1.0.0",
			Category.UTILITY, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.of("gain", "Gain", "dB", -60, 24, 0, Scale.DECIBEL),
					ParameterDescriptor.of("width", "Width", "%", 0, 200, 100, Scale.LINEAR),
					ParameterDescriptor.toggle("mono", "Mono", false),
					ParameterDescriptor.toggle("invertL", "Invert left", false),
					ParameterDescriptor.toggle("invertR", "Invert right", false)),
			List.of(new Preset("Neutral", Map.of()), new Preset("Mono check", Map.of("mono", 1.0)),
					new Preset("Wide", Map.of("width", 150.0)), new Preset("Flip polarity", Map.of("invertL", 1.0,
							"invertR", 1.0)), new Preset("-6 dB pad", Map.of("gain", -6.0))));

	public UtilityFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new UtilityEffect(DESCRIPTOR);
	}
}
