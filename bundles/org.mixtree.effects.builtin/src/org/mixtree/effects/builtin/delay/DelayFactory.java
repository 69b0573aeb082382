package org.mixtree.effects.builtin.delay;

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
 * The built-in tempo-free delay, {@code org.mixtree.delay}, registered as an {@code EffectFactory} service by
 * {@code OSGI-INF/delay.xml}. Parameter ids are a contract with stored sessions: never rename them.
 * {@code lowcut} at its minimum (20 Hz) and {@code highcut} at its maximum (20 kHz) are off.
 * <p>
 * Thread rules: {@link #descriptor()} [any], {@link #create()} [main].
 */
public final class DelayFactory extends AbstractEffectFactory {
	/** Stable effect id. */
	public static final String ID = "org.mixtree.delay";
	/** Longest delay time, ms. */
	public static final double MAX_TIME_MS = 2000;
	/** Low cut at or below this is off. */
	public static final double LOWCUT_OFF = 20;
	/** High cut at or above this is off. */
	public static final double HIGHCUT_OFF = 20000;

	/** The descriptor: parameters in display order. */
	public static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Delay", "Mixtree", "1.0.0",
			Category.DELAY, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.of("time", "Time", "ms", 1, MAX_TIME_MS, 375, Scale.LINEAR),
					ParameterDescriptor.of("feedback", "Feedback", "%", 0, 95, 35, Scale.LINEAR),
					ParameterDescriptor.of("mix", "Mix", "%", 0, 100, 25, Scale.LINEAR),
					ParameterDescriptor.of("lowcut", "Low cut", "Hz", LOWCUT_OFF, 2000, LOWCUT_OFF, Scale.LOGARITHMIC),
					ParameterDescriptor.of("highcut", "High cut", "Hz", 1000, HIGHCUT_OFF, HIGHCUT_OFF,
							Scale.LOGARITHMIC)),
			List.of(new Preset("Slapback", Map.of("time", 110.0, "feedback", 10.0, "mix", 25.0, "highcut", 6000.0)),
					new Preset("Dark echo", Map.of("time", 430.0, "feedback", 45.0, "mix", 30.0, "lowcut", 150.0,
							"highcut", 3000.0)),
					new Preset("Long tail", Map.of("time", 750.0, "feedback", 70.0, "mix", 20.0, "lowcut", 200.0,
							"highcut", 5000.0))));

	/** Made by declarative services. */
	public DelayFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new DelayEffect();
	}
}
