package org.mixtree.effects.builtin.delay;

import org.mixtree.dsp.BandLimit;
import org.mixtree.dsp.CrossfadeDelayLine;
import org.mixtree.dsp.Denormals;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Tempo-free delay with feedback, one line per channel (stereo stays stereo).
 * <p>
 * <b>Signal.</b> Per channel, with {@code w[n]} the line's output (the wet signal), {@code fb = feedback/100}
 * and {@code F} the low cut and high cut in series: the line takes {@code F(x[n] + fb * w[n])} and returns it
 * {@code D = round(time * fs / 1000)} samples later. With the filters off, an impulse therefore gives echoes at
 * {@code k D} samples (k = 1, 2, ...) of amplitude {@code fb^(k-1)}. The filters sit inside the loop, so each
 * echo is darker and thinner than the one before.
 * <p>
 * <b>Mix law:</b> linear crossfade, {@code y = (1 - m) x + m w} with {@code m = mix/100}: 0 % is dry, 100 % is the
 * echoes only, 50 % is both at -6 dB.
 * <p>
 * <b>Changes.</b> Feedback, mix and cut-offs follow the base class's smoothers (20 ms; cut-offs geometrically),
 * sample by sample. A new time crossfades (30 ms) from the old tap to the new one, so it neither clicks nor
 * glides in pitch.
 * <p>
 * <b>Tail:</b> until the echoes fall below -120 dB: {@code k D} with {@code fb^(k-1) < 1e-6}, at most
 * 270 echoes of 2 s at 95 % feedback.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; {@link #process} and {@link #reset} allocate nothing.
 */
public final class DelayEffect extends AbstractEffect {
	private static final double FADE_MS = 30;
	private final int iTime = index("time");
	private final int iFeedback = index("feedback");
	private final int iMix = index("mix");
	private final int iLowcut = index("lowcut");
	private final int iHighcut = index("highcut");

	private CrossfadeDelayLine[] lines = new CrossfadeDelayLine[0];
	private BandLimit[] filters = new BandLimit[0];

	/** A delay at the defaults; use {@link DelayFactory#create()}. */
	public DelayEffect() {
		super(DelayFactory.DESCRIPTOR);
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		int channels = setup.channels();
		int max = (int) Math.ceil(DelayFactory.MAX_TIME_MS * 1e-3 * setup.sampleRate()) + 1;
		int fade = (int) Math.round(FADE_MS * 1e-3 * setup.sampleRate());
		lines = new CrossfadeDelayLine[channels];
		filters = new BandLimit[channels];
		for (int c = 0; c < channels; c++) {
			lines[c] = new CrossfadeDelayLine(max, fade);
			filters[c] = new BandLimit(setup.sampleRate(), DelayFactory.LOWCUT_OFF, DelayFactory.HIGHCUT_OFF);
		}
	}

	private int delayFrames(double ms) {
		return Math.max(1, (int) Math.round(ms * 1e-3 * sampleRate()));
	}

	@Override
	protected void parameterChanged(int index, double value) {
		if (index == iTime) {
			int d = delayFrames(value);
			boolean live = smoother(index).isSmoothing(); // an event during processing: crossfade
			for (CrossfadeDelayLine line : lines) {
				if (live) {
					line.setDelay(d);
				} else {
					line.jump(d);
				}
			}
		}
	}

	@Override
	protected void resetEffect() {
		for (int c = 0; c < lines.length; c++) {
			lines[c].reset();
			filters[c].reset();
			filters[c].set(target(iLowcut), target(iHighcut));
		}
	}

	@Override
	public long tailSamples() {
		long d = delayFrames(target(iTime));
		double fb = target(iFeedback) / 100.0;
		if (fb <= 0) {
			return d;
		}
		// echo k has amplitude fb^(k-1): the last one above -120 dB
		long echoes = 1 + (long) Math.ceil(Math.log(1e-6) / Math.log(fb));
		return echoes * d;
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		if (lines.length == 0) {
			return; // not prepared
		}
		Smoothing feedback = smoother(iFeedback);
		Smoothing mix = smoother(iMix);
		Smoothing low = smoother(iLowcut);
		Smoothing high = smoother(iHighcut);
		int channels = lines.length;
		// the smoothers are shared by the channels: advance them once per frame
		for (int i = from; i < from + count; i++) {
			double fb = feedback.next() * 0.01;
			double m = mix.next() * 0.01;
			double lo = low.next();
			double hi = high.next();
			for (int c = 0; c < channels; c++) {
				CrossfadeDelayLine line = lines[c];
				BandLimit f = filters[c];
				f.set(lo, hi);
				float[] buf = audio[c];
				double x = buf[i];
				double w = line.get();
				line.put(Denormals.flush((float) f.tick(x + fb * w)));
				line.step();
				buf[i] = (float) ((1.0 - m) * x + m * w);
			}
		}
	}
}
