package org.mixtree.effects.builtin.eq;

import java.util.ArrayList;
import java.util.HashMap;
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
 * The 8-band parametric EQ, {@code org.mixtree.eq}; registered by {@code OSGI-INF/eq.xml}. Parameters
 * {@code bN.type}, {@code bN.freq}, {@code bN.gain}, {@code bN.q} for N = 1..8, then {@code output}.
 */
public final class EqFactory extends AbstractEffectFactory {

	/** Stable id of the effect. */
	public static final String ID = "org.mixtree.eq";
	/** Number of bands. */
	public static final int BANDS = 8;
	/** Band types, in the order of the {@code bN.type} steps. */
	public static final String[] TYPES = { "off", "peak", "lowshelf", "highshelf", "highpass", "lowpass", "notch",
			"bandpass" };
	static final int OFF = 0, PEAK = 1, LOWSHELF = 2, HIGHSHELF = 3, HIGHPASS = 4, LOWPASS = 5, NOTCH = 6,
			BANDPASS = 7;
	/** Parameters per band: type, freq, gain, q. */
	static final int PER_BAND = 4;
	private static final double[] DEFAULT_FREQ = { 50, 120, 300, 700, 1500, 3000, 6000, 12000 };

	public static final EffectDescriptor DESCRIPTOR = build();

	public EqFactory() {
		super(DESCRIPTOR);
	}

	@Override
	public Effect create() {
		return new EqEffect(DESCRIPTOR);
	}

	/** A preset from id/value pairs (Map.of stops at ten). */
	private static Preset preset(String name, Object... idValue) {
		Map<String, Double> values = new HashMap<>();
		for (int i = 0; i < idValue.length; i += 2) {
			values.put((String) idValue[i], ((Number) idValue[i + 1]).doubleValue());
		}
		return new Preset(name, values);
	}

	private static EffectDescriptor build() {
		List<ParameterDescriptor> p = new ArrayList<>();
		for (int b = 1; b <= BANDS; b++) {
			p.add(ParameterDescriptor.choice("b" + b + ".type", "Band " + b + " type", OFF, TYPES));
			p.add(ParameterDescriptor.of("b" + b + ".freq", "Band " + b + " frequency", "Hz", 20, 20000,
					DEFAULT_FREQ[b - 1], Scale.LOGARITHMIC));
			p.add(ParameterDescriptor.of("b" + b + ".gain", "Band " + b + " gain", "dB", -24, 24, 0, Scale.DECIBEL));
			p.add(ParameterDescriptor.of("b" + b + ".q", "Band " + b + " Q", "", 0.1, 18, 0.707, Scale.LOGARITHMIC));
		}
		p.add(ParameterDescriptor.of("output", "Output", "dB", -24, 24, 0, Scale.DECIBEL));
		List<Preset> presets = List.of(
				new Preset("Flat", Map.of()),
				new Preset("Low cut 80 Hz", Map.of("b1.type", (double) HIGHPASS, "b1.freq", 80.0, "b1.q", 0.707)),
				preset("Vocal presence", "b1.type", (double) HIGHPASS, "b1.freq", 100.0, "b3.type",
						(double) PEAK, "b3.freq", 300.0, "b3.gain", -2.0, "b3.q", 1.0, "b6.type", (double) PEAK, "b6.freq",
						3000.0, "b6.gain", 2.5, "b6.q", 1.0, "b8.type", (double) HIGHSHELF, "b8.freq", 10000.0,
						"b8.gain", 2.0),
				new Preset("Bus polish", Map.of("b1.type", (double) HIGHPASS, "b1.freq", 30.0, "b5.type", (double) PEAK,
						"b5.freq", 1000.0, "b5.gain", 3.0, "b5.q", 1.0, "b8.type", (double) HIGHSHELF, "b8.freq",
						8000.0, "b8.gain", 2.0)),
				new Preset("Kick tighten", Map.of("b1.type", (double) HIGHPASS, "b1.freq", 30.0, "b2.type",
						(double) PEAK, "b2.freq", 60.0, "b2.gain", 3.0, "b2.q", 1.4, "b4.type", (double) PEAK,
						"b4.freq", 400.0, "b4.gain", -4.0, "b4.q", 2.0)),
				// starting points per bus of the top-down method: cut what no one needs, a little weight and air
				preset("Drums bus", "b1.type", (double) HIGHPASS, "b1.freq", 30.0, "b2.type", (double) PEAK, "b2.freq",
						60.0, "b2.gain", 2.0, "b2.q", 1.0, "b4.type", (double) PEAK, "b4.freq", 400.0, "b4.gain", -3.0,
						"b4.q", 1.2, "b8.type", (double) HIGHSHELF, "b8.freq", 10000.0, "b8.gain", 2.0),
				preset("Bass bus", "b1.type", (double) HIGHPASS, "b1.freq", 30.0, "b2.type", (double) PEAK, "b2.freq",
						80.0, "b2.gain", 2.0, "b2.q", 1.0, "b4.type", (double) PEAK, "b4.freq", 250.0, "b4.gain", -2.0,
						"b4.q", 1.4, "b6.type", (double) PEAK, "b6.freq", 800.0, "b6.gain", 1.5, "b6.q", 1.0, "b8.type",
						(double) LOWPASS, "b8.freq", 10000.0),
				preset("Vocals bus", "b1.type", (double) HIGHPASS, "b1.freq", 90.0, "b3.type", (double) PEAK, "b3.freq",
						250.0, "b3.gain", -2.0, "b3.q", 1.2, "b6.type", (double) PEAK, "b6.freq", 3000.0, "b6.gain", 2.0,
						"b6.q", 1.0, "b8.type", (double) HIGHSHELF, "b8.freq", 10000.0, "b8.gain", 2.0));
		return new EffectDescriptor(ID, "Parametric EQ", "Mixtree", "1.0.0", Category.EQ,
				Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false, p, presets);
	}
}
