package org.mixtree.effects.builtin.eq;

import org.mixtree.dsp.Biquad;
import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.Denormals;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Eight RBJ-cookbook biquads in series, then an output gain. Band designs are those of {@link Biquad} (the
 * cookbook in double precision): {@code peak}, {@code lowshelf}/{@code highshelf} (Q form of the bandwidth:
 * {@code alpha = sin(w0)/(2Q)}, Q = 0.707 is slope 1), {@code highpass}/{@code lowpass}, {@code notch},
 * {@code bandpass} (0 dB peak). {@code bN.gain} only acts on peak and shelves.
 * <p>
 * <b>Smoothing.</b> While a band's frequency (geometric ramp), gain (linear in dB) or Q (geometric) is ramping,
 * its coefficients are recomputed every {@value #SUB_BLOCK} frames (0.33 ms at 48 kHz), small enough that the
 * steps are inaudible and cheap enough to need no per-sample design. A type change switches at once at its
 * sample (an enum has no in-between); a band switched off forgets its memory so it restarts clean.
 * <p>
 * <b>Speed.</b> The filters run in transposed direct form II with double coefficients and state held in locals;
 * the loops have no branches or calls. Stereo runs both channels in one loop: the two recursions are
 * independent, so the CPU overlaps them, which roughly doubles the per-core biquad rate of a serial chain.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; nothing allocates after {@link #prepare}.
 */
final class EqEffect extends AbstractEffect {

	static final int SUB_BLOCK = 16;
	private static final int BANDS = EqFactory.BANDS;

	private final int outputIndex;
	private final Biquad design = new Biquad();
	/** Per band: b0, b1, b2, a1, a2. */
	private final double[] coef = new double[BANDS * 5];
	/** Per channel, per band: z1, z2. */
	private double[][] state = new double[2][BANDS * 2];
	private final int[] types = new int[BANDS];
	/** Bands not off, in order; {@code activeCount} of them. */
	private final int[] active = new int[BANDS];
	private int activeCount;
	private Smoothing outputGain = Smoothing.multiplicative(0, 1);

	EqEffect(EffectDescriptor descriptor) {
		super(descriptor);
		outputIndex = index("output");
		for (int b = 0; b < BANDS; b++) {
			designBand(b);
		}
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		state = new double[setup.channels()][BANDS * 2];
		outputGain = Smoothing.multiplicative((int) Math.round(smoothingMillis() * 1e-3 * setup.sampleRate()),
				Decibels.toGain(target(outputIndex)));
	}

	@Override
	protected void resetEffect() {
		for (double[] s : state) {
			java.util.Arrays.fill(s, 0.0);
		}
		outputGain.reset(Decibels.toGain(target(outputIndex)));
		for (int b = 0; b < BANDS; b++) {
			designBand(b);
		}
	}

	@Override
	protected void parameterChanged(int index, double value) {
		if (index == outputIndex) {
			double g = Decibels.toGain(value);
			if (processing()) {
				outputGain.setTarget(g);
			} else {
				outputGain.reset(g);
			}
			return;
		}
		int band = index / EqFactory.PER_BAND;
		if (index % EqFactory.PER_BAND == 0) {
			int type = (int) value;
			if (type != types[band]) {
				if (type == EqFactory.OFF || types[band] == EqFactory.OFF) {
					for (double[] s : state) {
						s[2 * band] = 0;
						s[2 * band + 1] = 0;
					}
				}
				types[band] = type;
				int n = 0;
				for (int b = 0; b < BANDS; b++) {
					if (types[b] != EqFactory.OFF) {
						active[n++] = b;
					}
				}
				activeCount = n;
			}
		}
		if (!processing()) {
			designBand(band);
		} else if (!smoother(index).isSmoothing()) {
			designBand(band); // a jump (enum) or a ramp of zero length
		}
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		int end = from + count;
		int pos = from;
		while (pos < end) {
			int n = end - pos;
			if (anyBandRamping()) {
				n = Math.min(n, SUB_BLOCK);
				advanceRamps(n);
			}
			if (audio.length == 2) {
				for (int k = 0; k < activeCount; k++) {
					filterStereo(active[k], audio[0], audio[1], pos, n);
				}
			} else {
				for (int ch = 0; ch < audio.length; ch++) {
					double[] s = state[ch];
					for (int k = 0; k < activeCount; k++) {
						filterMono(active[k], s, audio[ch], pos, n);
					}
				}
			}
			pos += n;
		}
		for (double[] s : state) {
			for (int i = 0; i < s.length; i++) {
				s[i] = Denormals.flush(s[i]);
			}
		}
		if (outputGain.isSmoothing()) {
			for (int i = from; i < end; i++) {
				double g = outputGain.next();
				for (float[] x : audio) {
					x[i] = (float) (x[i] * g);
				}
			}
		} else {
			float g = (float) outputGain.current();
			if (g != 1f) {
				for (float[] x : audio) {
					for (int i = from; i < end; i++) {
						x[i] *= g;
					}
				}
			}
		}
	}

	private boolean anyBandRamping() {
		for (int k = 0; k < activeCount; k++) {
			int p = active[k] * EqFactory.PER_BAND;
			if (smoother(p + 1).isSmoothing() || smoother(p + 2).isSmoothing() || smoother(p + 3).isSmoothing()) {
				return true;
			}
		}
		return false;
	}

	private void advanceRamps(int frames) {
		for (int k = 0; k < activeCount; k++) {
			int b = active[k];
			int p = b * EqFactory.PER_BAND;
			boolean ramping = false;
			for (int j = 1; j <= 3; j++) {
				Smoothing s = smoother(p + j);
				if (s.isSmoothing()) {
					ramping = true;
					for (int i = 0; i < frames; i++) {
						s.next();
					}
				}
			}
			if (ramping) {
				designBand(b);
			}
		}
	}

	/** Designs band {@code b} from its smoothers' current values ({@link EqBands#design}, as the editor draws it). */
	private void designBand(int b) {
		int p = b * EqFactory.PER_BAND;
		EqBands.design(design, types[b], sampleRate(), smoother(p + 1).current(), smoother(p + 2).current(),
				smoother(p + 3).current());
		design.copyCoefficients(coef, 5 * b);
	}

	private void filterMono(int b, double[] s, float[] x, int from, int n) {
		int c = 5 * b;
		double b0 = coef[c], b1 = coef[c + 1], b2 = coef[c + 2], a1 = coef[c + 3], a2 = coef[c + 4];
		double z1 = s[2 * b], z2 = s[2 * b + 1];
		for (int i = from, end = from + n; i < end; i++) {
			double in = x[i];
			double y = b0 * in + z1;
			z1 = b1 * in - a1 * y + z2;
			z2 = b2 * in - a2 * y;
			x[i] = (float) y;
		}
		s[2 * b] = z1;
		s[2 * b + 1] = z2;
	}

	private void filterStereo(int b, float[] l, float[] r, int from, int n) {
		int c = 5 * b;
		double b0 = coef[c], b1 = coef[c + 1], b2 = coef[c + 2], a1 = coef[c + 3], a2 = coef[c + 4];
		double[] sl = state[0], sr = state[1];
		double zl1 = sl[2 * b], zl2 = sl[2 * b + 1], zr1 = sr[2 * b], zr2 = sr[2 * b + 1];
		for (int i = from, end = from + n; i < end; i++) {
			double inL = l[i];
			double inR = r[i];
			double yl = b0 * inL + zl1;
			double yr = b0 * inR + zr1;
			zl1 = b1 * inL - a1 * yl + zl2;
			zr1 = b1 * inR - a1 * yr + zr2;
			zl2 = b2 * inL - a2 * yl;
			zr2 = b2 * inR - a2 * yr;
			l[i] = (float) yl;
			r[i] = (float) yr;
		}
		sl[2 * b] = zl1;
		sl[2 * b + 1] = zl2;
		sr[2 * b] = zr1;
		sr[2 * b + 1] = zr2;
	}
}
