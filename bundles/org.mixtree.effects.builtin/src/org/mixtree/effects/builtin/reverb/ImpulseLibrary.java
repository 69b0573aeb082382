package org.mixtree.effects.builtin.reverb;

import java.util.Random;

/**
 * The built-in impulse responses, generated rather than shipped: exponentially decaying noise, split at 2 kHz by
 * a one-pole low pass into a low and a high band that decay at their own rates (highs die sooner, as air and
 * walls absorb them), with a 2 ms fade-in and a raised-cosine fade over the last 10 %. The noise has a fixed seed
 * per impulse and channel, so an impulse is the same on every machine and run, and left and right are
 * decorrelated. Each impulse is scaled to unit energy per channel (a noise input comes out at about its own
 * level).
 * <p>
 * | name | RT60 low | RT60 high | length |<br>
 * | room | 0.6 s | 0.36 s | 0.72 s |<br>
 * | hall | 1.8 s | 0.9 s | 2.16 s |<br>
 * | plate | 1.2 s | 1.08 s | 1.44 s | (a plate is bright and dense)
 * <p>
 * Thread rules: [main] (allocates); stateless.
 */
public final class ImpulseLibrary {
	/** Names of the built-in impulses, in the order of the reverb's {@code ir} steps. */
	public static final String[] NAMES = { "room", "hall", "plate" };
	private static final double[] RT60 = { 0.6, 1.8, 1.2 };
	private static final double[] HIGH_RATIO = { 0.6, 0.5, 0.9 };
	private static final long SEED = 0x4D69787472656556L;

	private ImpulseLibrary() {
	}

	/** @return the length in samples of built-in impulse {@code which} at {@code sampleRate} */
	public static int length(int which, double sampleRate) {
		return (int) Math.round(1.2 * RT60[which] * sampleRate);
	}

	/** @return the impulse {@code which} (index into {@link #NAMES}) for {@code channel} (0 left, 1 right) */
	public static float[] generate(int which, int channel, double sampleRate) {
		int n = length(which, sampleRate);
		double rt = RT60[which];
		double rtHigh = rt * HIGH_RATIO[which];
		// -60 dB over RT60: amplitude exp(-ln(1000) t / RT60)
		double decayLow = Math.exp(-Math.log(1000) / (rt * sampleRate));
		double decayHigh = Math.exp(-Math.log(1000) / (rtHigh * sampleRate));
		double pole = Math.exp(-2 * Math.PI * 2000 / sampleRate);
		int fadeIn = (int) Math.round(0.002 * sampleRate);
		int fadeOutStart = (int) (0.9 * n);
		Random noise = new Random(SEED + 31L * which + channel);
		double[] h = new double[n];
		double lp = 0;
		double envLow = 1;
		double envHigh = 1;
		double energy = 0;
		for (int i = 0; i < n; i++) {
			double v = noise.nextGaussian();
			lp = (1 - pole) * v + pole * lp;
			double y = lp * envLow + (v - lp) * envHigh;
			envLow *= decayLow;
			envHigh *= decayHigh;
			if (i < fadeIn) {
				y *= (double) i / fadeIn;
			}
			if (i >= fadeOutStart) {
				y *= 0.5 * (1 + Math.cos(Math.PI * (i - fadeOutStart) / (n - fadeOutStart)));
			}
			h[i] = y;
			energy += y * y;
		}
		double scale = 1 / Math.sqrt(energy);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) {
			out[i] = (float) (h[i] * scale);
		}
		return out;
	}
}
