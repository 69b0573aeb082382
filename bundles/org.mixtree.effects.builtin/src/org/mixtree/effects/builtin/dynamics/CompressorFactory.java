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

/**
 * The feed-forward, stereo-linked compressor with optional sidechain, {@code org.mixtree.compressor}; registered
 * by {@code OSGI-INF/compressor.xml}.
 */
public final class CompressorFactory extends AbstractEffectFactory {

	public static final String ID = "org.mixtree.compressor";
	static final int PEAK = 0, RMS = 1;

	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Compressor", "Mixtree", "1.0.0",
			Category.DYNAMICS, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), true,
			List.of(ParameterDescriptor.of("threshold", "Threshold", "dB", -60, 0, -18, Scale.DECIBEL),
					ParameterDescriptor.of("ratio", "Ratio", ":1", 1, 20, 4, Scale.LOGARITHMIC),
					ParameterDescriptor.of("attack", "Attack", "ms", 0.05, 500, 10, Scale.LOGARITHMIC),
					ParameterDescriptor.of("release", "Release", "ms", 5, 5000, 100, Scale.LOGARITHMIC),
					ParameterDescriptor.of("knee", "Knee", "dB", 0, 24, 0, Scale.LINEAR),
					ParameterDescriptor.of("makeup", "Makeup", "dB", -12, 36, 0, Scale.DECIBEL),
					ParameterDescriptor.choice("detector", "Detector", PEAK, "peak", "rms"),
					ParameterDescriptor.of("mix", "Mix", "%", 0, 100, 100, Scale.LINEAR)),
			List.of(new Preset("Default", Map.of()),
					new Preset("Bus glue", Map.of("threshold", -18.0, "ratio", 2.0, "attack", 30.0, "release", 300.0,
							"knee", 6.0, "detector", (double) RMS)),
					new Preset("Vocal", Map.of("threshold", -20.0, "ratio", 3.0, "attack", 5.0, "release", 80.0,
							"knee", 6.0, "makeup", 3.0)),
					new Preset("Drum smash (parallel)", Map.of("threshold", -30.0, "ratio", 10.0, "attack", 1.0,
							"release", 60.0, "makeup", 10.0, "mix", 40.0)),
					new Preset("RW1 bus", Map.of("threshold", -18.0, "ratio", 4.0, "attack", 5.0, "release", 100.0)),
					// starting points per bus of the top-down method: 2-4 dB of reduction on a mixed bus
					new Preset("Drums bus", Map.of("threshold", -20.0, "ratio", 4.0, "attack", 10.0, "release", 100.0,
							"knee", 3.0, "makeup", 2.0)),
					new Preset("Bass bus", Map.of("threshold", -22.0, "ratio", 4.0, "attack", 20.0, "release", 150.0,
							"knee", 6.0, "makeup", 3.0, "detector", (double) RMS)),
					new Preset("Vocals bus", Map.of("threshold", -20.0, "ratio", 3.0, "attack", 5.0, "release", 80.0,
							"knee", 6.0, "makeup", 3.0))));

	public CompressorFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new CompressorEffect(DESCRIPTOR);
	}
}
