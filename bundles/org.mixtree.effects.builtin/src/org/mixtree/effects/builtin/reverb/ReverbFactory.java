package org.mixtree.effects.builtin.reverb;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.FileParameter;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.Scale;
import org.mixtree.effects.builtin.AbstractEffectFactory;

/**
 * The built-in convolution reverb, {@code org.mixtree.reverb}, registered as an {@code EffectFactory} service by
 * {@code OSGI-INF/reverb.xml}. Parameter ids are a contract with stored sessions: never rename them.
 * <p>
 * {@code ir} is an enum: the generated impulses of {@link ImpulseLibrary} ({@code room}, {@code hall},
 * {@code plate}) or {@code file}, the impulse of the file {@code irfile} ({@link ReverbEffect#setFile}), which
 * the descriptor ties to {@code ir = file}: a host moves {@code ir} there when it is given the file, and refuses
 * {@code ir = file} with no file. {@code lowcut} at its
 * minimum (20 Hz) and {@code highcut} at its maximum (20 kHz) are off.
 * <p>
 * Thread rules: {@link #descriptor()} [any], {@link #create()} [main].
 */
public final class ReverbFactory extends AbstractEffectFactory {
	/** Stable effect id. */
	public static final String ID = "org.mixtree.reverb";
	/** Step of {@code ir} that selects the impulse file. */
	public static final int IR_FILE = 3;
	/** Id of the impulse file ({@link org.mixtree.effects.api.FileParameter}). */
	public static final String IR_FILE_ID = "irfile";
	/** Longest predelay, ms. */
	public static final double MAX_PREDELAY_MS = 250;
	/** Low cut at or below this is off. */
	public static final double LOWCUT_OFF = 20;
	/** High cut at or above this is off. */
	public static final double HIGHCUT_OFF = 20000;

	/** The descriptor: parameters in display order. */
	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Reverb", "Mixtree", "1.0.0",
			Category.REVERB, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.choice("ir", "Impulse", 1, "room", "hall", "plate", "file"),
					ParameterDescriptor.of("predelay", "Predelay", "ms", 0, MAX_PREDELAY_MS, 0, Scale.LINEAR),
					ParameterDescriptor.of("mix", "Mix", "%", 0, 100, 25, Scale.LINEAR),
					ParameterDescriptor.of("lowcut", "Low cut", "Hz", LOWCUT_OFF, 2000, LOWCUT_OFF, Scale.LOGARITHMIC),
					ParameterDescriptor.of("highcut", "High cut", "Hz", 1000, HIGHCUT_OFF, HIGHCUT_OFF,
							Scale.LOGARITHMIC)),
			List.of(new Preset("Small room", Map.of("ir", 0.0, "predelay", 5.0, "mix", 20.0, "lowcut", 120.0)),
					new Preset("Vocal plate", Map.of("ir", 2.0, "predelay", 30.0, "mix", 25.0, "lowcut", 200.0,
							"highcut", 9000.0)),
					new Preset("Big hall", Map.of("ir", 1.0, "predelay", 20.0, "mix", 30.0, "lowcut", 150.0,
							"highcut", 7000.0))),
			List.of(new FileParameter(IR_FILE_ID, "Impulse file",
					"impulse response played by ir=file: WAV or AIFF, mono or stereo, up to 20 s", "ir", IR_FILE)));

	/** Made by declarative services. */
	public ReverbFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new ReverbEffect();
	}
}
