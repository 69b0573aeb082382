package org.mixtree.effects.builtin.gate;

import org.mixtree.dsp.Decibels;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Noise gate / downward expander with hold.
 * <p>
 * <b>Detection.</b> The key is the largest absolute sample over the channels (stereo is linked, so the image
 * does not shift). The gate opens on any sample whose key is at or above {@code threshold}, and stays open
 * for {@code hold} ms after the last such sample: the hold bridges the gaps between a tone's peaks (keep it
 * above half the period of the lowest note; at 0 a low tone chatters, as on any peak gate). There is no
 * hysteresis: hold does that job.
 * <p>
 * <b>Gain.</b> Open means gain 1, closed means gain {@code range} dB (e.g. -60 dB: a gate; -10 dB: a gentle
 * expander). The gain moves there exponentially, with time constant {@code attack} when rising and
 * {@code release} when falling, and lands exactly (snaps when within 1e-7), so a settled open gate passes
 * its input bit for bit and a settled closed one applies exactly {@code range} dB. A sample-exact open or close
 * moment is thereby smoothed by the envelope itself, so threshold, range and times need no parameter smoothing
 * of their own: they are read at their targets, from the event's sample on.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; {@link #process} and {@link #reset} allocate nothing.
 */
public final class GateEffect extends AbstractEffect {
	private static final double SNAP = 1e-7;
	private final int iThreshold = index("threshold");
	private final int iRange = index("range");
	private final int iAttack = index("attack");
	private final int iHold = index("hold");
	private final int iRelease = index("release");

	private double thresholdGain;
	private double floorGain;
	private double attackCoef;
	private double releaseCoef;
	private int holdFrames;

	private double gain;
	private int holdLeft;
	private boolean open;

	/** A gate at the defaults; use {@link GateFactory#create()}. */
	public GateEffect() {
		super(GateFactory.DESCRIPTOR);
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		// nothing to allocate
	}

	@Override
	protected void parameterChanged(int index, double value) {
		double fs = sampleRate();
		if (index == iThreshold) {
			thresholdGain = Decibels.toGain(value);
		} else if (index == iRange) {
			floorGain = Decibels.toGain(value);
		} else if (index == iAttack) {
			attackCoef = Math.exp(-1.0 / (value * 1e-3 * fs));
		} else if (index == iRelease) {
			releaseCoef = Math.exp(-1.0 / (value * 1e-3 * fs));
		} else if (index == iHold) {
			holdFrames = (int) Math.round(value * 1e-3 * fs);
		}
	}

	@Override
	protected void resetEffect() {
		// silence: closed, at the floor
		open = false;
		holdLeft = 0;
		gain = floorGain;
		reportGainReduction(-Decibels.fromGain(gain));
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		int channels = Math.min(audio.length, setup() == null ? audio.length : setup().channels());
		float[] left = audio[0];
		float[] right = channels > 1 ? audio[1] : null;
		double thr = thresholdGain;
		double floor = floorGain;
		double g = gain;
		int hold = holdLeft;
		boolean isOpen = open;
		for (int i = from; i < from + count; i++) {
			double key = Math.abs(left[i]);
			if (right != null) {
				key = Math.max(key, Math.abs(right[i]));
			}
			if (key >= thr) {
				isOpen = true;
				hold = holdFrames;
			} else if (hold > 0) {
				hold--;
			} else {
				isOpen = false;
			}
			double target = isOpen ? 1.0 : floor;
			if (g != target) {
				g = target + (g - target) * (target > g ? attackCoef : releaseCoef);
				if (Math.abs(g - target) < SNAP) {
					g = target;
				}
			}
			if (g != 1.0) {
				left[i] = (float) (left[i] * g);
				if (right != null) {
					right[i] = (float) (right[i] * g);
				}
			}
		}
		gain = g;
		holdLeft = hold;
		open = isOpen;
		reportGainReduction(g >= 1.0 ? 0.0 : -Decibels.fromGain(g));
	}
}
