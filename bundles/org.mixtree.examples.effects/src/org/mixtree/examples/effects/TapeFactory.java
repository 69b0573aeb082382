package org.mixtree.examples.effects;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.Scale;

/**
 * The tape saturator's factory, registered by {@code OSGI-INF/org.mixtree.examples.tape.xml} as an
 * {@link EffectFactory} service. Declarative services make it with the public no-argument constructor; it holds
 * nothing but the descriptor and the shared filter designs, so any number of processors can come from it.
 */
public final class TapeFactory implements EffectFactory {

	static final String ID = "org.mixtree.examples.tape";

	// parameter indices, in display order; the ids are what sessions store and never change
	static final int DRIVE = 0;
	static final int BIAS = 1;
	static final int TONE = 2;
	static final int OUTPUT = 3;
	static final int MIX = 4;

	static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Tape Saturator", "Mixtree examples", "1.0.0",
			Category.DISTORTION, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.of("drive", "Drive", "dB", 0, 36, 6, Scale.DECIBEL),
					ParameterDescriptor.of("bias", "Bias", "%", 0, 100, 20, Scale.LINEAR),
					ParameterDescriptor.of("tone", "Tone", "Hz", 1000, 20000, 16000, Scale.LOGARITHMIC),
					ParameterDescriptor.of("output", "Output", "dB", -24, 12, 0, Scale.DECIBEL),
					ParameterDescriptor.of("mix", "Mix", "%", 0, 100, 100, Scale.LINEAR)),
			List.of(new Preset("Gentle glue", Map.of("drive", 3.0, "bias", 10.0, "tone", 18000.0)),
					new Preset("Hot 15 ips", Map.of("drive", 14.0, "bias", 35.0, "tone", 14000.0, "output", -6.0)),
					new Preset("Worn cassette",
							Map.of("drive", 20.0, "bias", 60.0, "tone", 5000.0, "output", -9.0, "mix", 80.0))));

	/**
	 * The 2x stage (base rate to 2x): 63 taps, Kaiser beta 8 (about 80 dB stopband). Its transition band is
	 * centred on the base Nyquist, so it decides how much of the distortion products fold back.
	 */
	static final Halfband STAGE_2X = new Halfband(15, 8.0);
	/**
	 * The 4x stage (2x to 4x): 19 taps suffice because only what would fold into the audible band after the
	 * 2x stage (above 1.58 times the base rate) has to be stopped; the rest the 2x stage removes.
	 */
	static final Halfband STAGE_4X = new Halfband(4, 8.0);

	@Override
	public EffectDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Effect create() {
		return new TapeSaturator();
	}
}
