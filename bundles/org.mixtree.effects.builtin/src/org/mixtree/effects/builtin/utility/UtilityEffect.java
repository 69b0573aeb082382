package org.mixtree.effects.builtin.utility;

import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Polarity, then width, then mono, then gain. With {@code M = (L + R)/2} and {@code S = (L - R)/2}:
 * {@code L' = g (M + w S)}, {@code R' = g (M - w S)}, {@code w = width/100} (0 % = mono sum on both sides,
 * 100 % = unchanged, 200 % = side doubled); {@code mono} forces w = 0. A mono layout applies
 * {@code invertL} and gain only.
 * <p>
 * Every control is smoothed so that none clicks: gain geometrically, width linearly, and the toggles too (a
 * polarity flip ramps the sign through zero, mono ramps the width to zero), each over 20 ms.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; nothing allocates after {@link #prepare}.
 */
final class UtilityEffect extends AbstractEffect {

	private static final int GAIN = 0, WIDTH = 1, MONO = 2, INVERT_L = 3, INVERT_R = 4;

	private Smoothing gain = Smoothing.multiplicative(0, 1);
	private Smoothing width = Smoothing.linear(0, 1);
	private Smoothing signL = Smoothing.linear(0, 1);
	private Smoothing signR = Smoothing.linear(0, 1);

	UtilityEffect(EffectDescriptor descriptor) {
		super(descriptor);
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		int ramp = (int) Math.round(smoothingMillis() * 1e-3 * setup.sampleRate());
		gain = Smoothing.multiplicative(ramp, gainTarget());
		width = Smoothing.linear(ramp, widthTarget());
		signL = Smoothing.linear(ramp, signTarget(INVERT_L));
		signR = Smoothing.linear(ramp, signTarget(INVERT_R));
	}

	@Override
	protected void resetEffect() {
		gain.reset(gainTarget());
		width.reset(widthTarget());
		signL.reset(signTarget(INVERT_L));
		signR.reset(signTarget(INVERT_R));
	}

	@Override
	protected void parameterChanged(int index, double value) {
		boolean ramp = processing();
		switch (index) {
		case GAIN:
			set(gain, gainTarget(), ramp);
			break;
		case WIDTH:
		case MONO:
			set(width, widthTarget(), ramp);
			break;
		case INVERT_L:
			set(signL, signTarget(INVERT_L), ramp);
			break;
		case INVERT_R:
			set(signR, signTarget(INVERT_R), ramp);
			break;
		default:
			break;
		}
	}

	private static void set(Smoothing s, double v, boolean ramp) {
		if (ramp) {
			s.setTarget(v);
		} else {
			s.reset(v);
		}
	}

	private double gainTarget() {
		return Decibels.toGain(target(GAIN));
	}

	private double widthTarget() {
		return flag(MONO) ? 0.0 : target(WIDTH) / 100.0;
	}

	private double signTarget(int index) {
		return flag(index) ? -1.0 : 1.0;
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		int end = from + count;
		boolean ramping = gain.isSmoothing() || width.isSmoothing() || signL.isSmoothing() || signR.isSmoothing();
		if (audio.length == 1) {
			float[] x = audio[0];
			if (ramping) {
				for (int i = from; i < end; i++) {
					x[i] = (float) (x[i] * signL.next() * gain.next());
				}
				signR.reset(signR.target());
				width.reset(width.target());
			} else {
				float k = (float) (signL.current() * gain.current());
				for (int i = from; i < end; i++) {
					x[i] *= k;
				}
			}
			return;
		}
		float[] l = audio[0];
		float[] r = audio[1];
		if (ramping) {
			for (int i = from; i < end; i++) {
				double g = gain.next();
				double sl = signL.next() * l[i];
				double sr = signR.next() * r[i];
				double m = 0.5 * (sl + sr);
				double s = 0.5 * (sl - sr) * width.next();
				l[i] = (float) (g * (m + s));
				r[i] = (float) (g * (m - s));
			}
		} else {
			// the same arithmetic folded into a 2x2 matrix: L' = ll L + lr R, R' = rl L + rr R
			double g = gain.current();
			double w = width.current();
			double pl = signL.current();
			double pr = signR.current();
			double ll = 0.5 * g * (1 + w) * pl;
			double lr = 0.5 * g * (1 - w) * pr;
			double rl = 0.5 * g * (1 - w) * pl;
			double rr = 0.5 * g * (1 + w) * pr;
			for (int i = from; i < end; i++) {
				double a = l[i];
				double b = r[i];
				l[i] = (float) (ll * a + lr * b);
				r[i] = (float) (rl * a + rr * b);
			}
		}
	}
}
