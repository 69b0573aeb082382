package org.mixtree.effects.conformance.tests;

import java.util.Random;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.effects.api.Scale;

/**
 * What the conformance checks share: the setup every effect is prepared with, deterministic test signals,
 * and a host that feeds a whole signal through a processor in blocks of chosen sizes, with parameter events at
 * absolute frame positions translated to block offsets as a real host does.
 */
final class Harness {

	static final double SAMPLE_RATE = 48000;
	static final int MAX_BLOCK = 512;
	static final int MAX_EVENTS = 64;

	private Harness() {
	}

	static ProcessSetup setup(ChannelLayout layout) {
		return new ProcessSetup(SAMPLE_RATE, MAX_BLOCK, layout, 0, RenderMode.REALTIME);
	}

	/** A parameter change at an absolute frame of the signal. */
	record Event(long frame, int parameter, double value) {
	}

	/**
	 * Music-like test signal: a decaying 220 Hz + 1.3 kHz tone burst every 4800 frames over low-passed noise,
	 * peaking near {@code peak}; the channels differ (a different noise seed), so a stereo effect cannot pass
	 * by treating both channels as one.
	 */
	static float[][] signal(int channels, int frames, double peak, long seed) {
		float[][] s = new float[channels][frames];
		for (int c = 0; c < channels; c++) {
			Random random = new Random(seed + 31 * c);
			double lp = 0;
			for (int i = 0; i < frames; i++) {
				lp += 0.2 * (random.nextGaussian() * 0.25 - lp);
				int t = i % 4800;
				double env = Math.exp(-t / 1200.0);
				double tone = env * (0.6 * Math.sin(2 * Math.PI * 220 * i / SAMPLE_RATE)
						+ 0.3 * Math.sin(2 * Math.PI * 1300 * i / SAMPLE_RATE + c));
				s[c][i] = (float) (peak * (0.7 * tone + 0.3 * lp));
			}
		}
		return s;
	}

	/** A new processor, prepared for {@code layout}, with {@code values} set (NaN entries keep the default). */
	static Effect prepared(EffectFactory factory, ChannelLayout layout, double[] values) {
		Effect e = factory.create();
		if (values != null) {
			for (int i = 0; i < values.length; i++) {
				if (!Double.isNaN(values[i])) {
					e.setParameter(i, values[i]);
				}
			}
		}
		e.prepare(setup(layout));
		return e;
	}

	/**
	 * Runs {@code input} through {@code effect} in blocks whose sizes {@code sizes} yields, in place over one
	 * buffer of the whole signal (so the block offsets vary too), and returns the output.
	 */
	static float[][] run(Effect effect, float[][] input, BlockSizes sizes, Event[] events) {
		int channels = input.length;
		int frames = input[0].length;
		float[][] buffer = new float[channels][];
		for (int c = 0; c < channels; c++) {
			buffer[c] = input[c].clone();
		}
		ProcessBlock block = new ProcessBlock(buffer, MAX_EVENTS);
		int next = 0;
		int at = 0;
		while (at < frames) {
			int n = Math.min(Math.min(sizes.next(), MAX_BLOCK), frames - at);
			block.set(at, n, null);
			while (events != null && next < events.length && events[next].frame() < at + n) {
				block.addEvent((int) Math.max(0, events[next].frame() - at), events[next].parameter(), events[next].value());
				next++;
			}
			effect.process(block);
			at += n;
		}
		return buffer;
	}

	static float[][] run(Effect effect, float[][] input, int blockSize) {
		return run(effect, input, () -> blockSize, null);
	}

	/** Where block sizes come from: a constant, or a seeded random split. */
	interface BlockSizes {
		int next();

		static BlockSizes random(long seed) {
			Random r = new Random(seed);
			return () -> r.nextInt(4) == 0 ? 1 + r.nextInt(8) : 1 + r.nextInt(MAX_BLOCK);
		}
	}

	static float[][] silence(int channels, int frames) {
		return new float[channels][frames];
	}

	static double peak(float[][] audio, int from, int to) {
		double p = 0;
		for (float[] ch : audio) {
			for (int i = Math.max(0, from); i < Math.min(to, ch.length); i++) {
				p = Math.max(p, Math.abs(ch[i]));
			}
		}
		return p;
	}

	/** @return the largest absolute difference, or +Inf when shapes differ or a NaN differs */
	static double maxDifference(float[][] a, float[][] b) {
		if (a.length != b.length) {
			return Double.POSITIVE_INFINITY;
		}
		double d = 0;
		for (int c = 0; c < a.length; c++) {
			if (a[c].length != b[c].length) {
				return Double.POSITIVE_INFINITY;
			}
			for (int i = 0; i < a[c].length; i++) {
				double x = Math.abs((double) a[c][i] - b[c][i]);
				if (Double.isNaN(x)) {
					return Double.POSITIVE_INFINITY;
				}
				d = Math.max(d, x);
			}
		}
		return d;
	}

	/** @return "channel c, frame i: v" of the first sample that fails, or null */
	static String firstNonFinite(float[][] audio) {
		for (int c = 0; c < audio.length; c++) {
			for (int i = 0; i < audio[c].length; i++) {
				if (!Float.isFinite(audio[c][i])) {
					return "channel " + c + ", frame " + i + ": " + audio[c][i];
				}
			}
		}
		return null;
	}

	static String firstSubnormal(float[][] audio) {
		for (int c = 0; c < audio.length; c++) {
			for (int i = 0; i < audio[c].length; i++) {
				float v = audio[c][i];
				if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
					return "channel " + c + ", frame " + i + ": " + v;
				}
			}
		}
		return null;
	}

	/**
	 * A legal value a third of the way into the range (on the parameter's own scale): not the default, not an
	 * end, so a state or event that loses it shows.
	 */
	static double interior(ParameterDescriptor p) {
		if (continuous(p) && !(Double.isFinite(p.min()) && Double.isFinite(p.max()))) {
			// an open end (a gain down to -inf dB): step off the default towards the inside
			double v = p.defaultValue() - 3;
			return p.accepts(v) ? v : p.defaultValue() + 3;
		}
		switch (p.scale()) {
		case ENUM:
			return p.defaultValue() == p.max() ? p.min() : p.max();
		case BOOLEAN:
			return 1 - p.defaultValue();
		case LOGARITHMIC:
			return clamp(p, p.min() * Math.pow(p.max() / p.min(), 1 / 3.0));
		default:
			return clamp(p, p.min() + (p.max() - p.min()) / 3);
		}
	}

	private static double clamp(ParameterDescriptor p, double v) {
		return Math.max(p.min(), Math.min(p.max(), v));
	}

	static boolean continuous(ParameterDescriptor p) {
		return p.scale() != Scale.ENUM && p.scale() != Scale.BOOLEAN;
	}
}
