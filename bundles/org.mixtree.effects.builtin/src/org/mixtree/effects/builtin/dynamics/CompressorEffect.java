package org.mixtree.effects.builtin.dynamics;

import org.mixtree.dsp.Denormals;
import org.mixtree.dsp.FastDecibels;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Feed-forward compressor after Giannoulis, Massberg and Reiss, "Digital Dynamic Range Compressor Design - A
 * Tutorial and Analysis" (JAES 2012): level detection, a static gain computer in dB, then the "smooth decoupled"
 * peak detector on the gain reduction in the log domain.
 * <p>
 * <b>Level.</b> The detector listens to the sidechain when one is connected, else to the main input, all
 * channels linked (one gain for all channels, so the stereo image does not shift):
 * <ul>
 * <li>{@code peak}: {@code L = 20 log10(max_ch |x|)} per sample. The release stage below holds the gain
 * reduction of each peak, so on a steady sine the level that counts is <em>the sine's peak in dBFS</em>;</li>
 * <li>{@code rms}: {@code L = 10 log10(mean_ch x^2)} with the mean square averaged by a one-pole of
 * {@value #RMS_MS} ms; on a steady sine the level is <em>the sine's RMS in dBFS</em> (its peak - 3.01 dB).</li>
 * </ul>
 * <b>Static curve</b> (threshold T, ratio R, knee width W, all dB): {@code out = L} for {@code 2(L-T) < -W};
 * {@code out = L + (1/R - 1)(L - T + W/2)^2 / (2W)} for {@code |2(L-T)| <= W}; {@code out = T + (L-T)/R} above.
 * The gain reduction {@code c = L - out} (>= 0 dB).
 * <p>
 * <b>Ballistics.</b> {@code c1 = max(c, aR c1 + (1-aR) c)} (instant rise, release time constant), then
 * {@code y = aA y + (1-aA) c1} (attack time constant); {@code a = exp(-1/(t fs))}. The output is
 * {@code x ((1 - mix) + mix 10^((makeup - y)/20))}: makeup is applied to the compressed (wet) part only.
 * <p>
 * The detector's level and the output gain go through {@link FastDecibels} (within {@value
 * FastDecibels#MAX_ERROR_DB} dB of {@code log10} and {@code pow}; 13.2 instead of 18.2 ns/sample with the peak
 * detector, 16.8 instead of 18.7 with the RMS one, measured by EffectsBench on a quiet 2-core machine).
 * <p>
 * Thresholds, knee, makeup and mix are smoothed per sample (20 ms ramps); the ratio geometrically; attack and
 * release are time constants and apply at their event's sample. No latency.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; nothing allocates after {@link #prepare}. The gain reduction
 * (without makeup) is published once per processed segment for {@link #gainReductionDb()}.
 */
final class CompressorEffect extends AbstractEffect {

	static final double RMS_MS = 10.0;
	private static final int THRESHOLD = 0, RATIO = 1, ATTACK = 2, RELEASE = 3, KNEE = 4, MAKEUP = 5, DETECTOR = 6,
			MIX = 7;
	private static final double LN_PER_DB = Math.log(10.0) / 20.0;
	/** Gain reduction (dB) below which the compressor counts as not reducing: 1e-9 dB is 1.2e-10 in gain. */
	private static final double SETTLED_DB = 1e-9;

	/**
	 * The detector value (linear peak, or mean square for rms) at the knee's lower edge {@code t - w/2}: at or
	 * below it the gain computer gives no reduction, without a logarithm.
	 */
	private static double kneeStartLinear(double thresholdDb, double kneeDb, boolean meanSquare) {
		double edgeDb = thresholdDb - 0.5 * kneeDb;
		return Math.exp(edgeDb * (meanSquare ? 2 : 1) * LN_PER_DB);
	}
	/** Below this (-200 dBFS) a sample is silence for the detector. */

	private double attackCoef;
	private double releaseCoef;
	private double rmsCoef;
	private double meanSquare;
	private double held;
	private double reduction;

	CompressorEffect(EffectDescriptor descriptor) {
		super(descriptor);
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		rmsCoef = Math.exp(-1.0 / (RMS_MS * 1e-3 * setup.sampleRate()));
	}

	@Override
	protected void resetEffect() {
		meanSquare = 0;
		held = 0;
		reduction = 0;
	}

	@Override
	protected void parameterChanged(int index, double value) {
		if (index == ATTACK) {
			attackCoef = Math.exp(-1.0 / (value * 1e-3 * sampleRate()));
		} else if (index == RELEASE) {
			releaseCoef = Math.exp(-1.0 / (value * 1e-3 * sampleRate()));
		} else if (index == DETECTOR && processing()) {
			meanSquare = 0; // a fresh average; the ballistics stage keeps the gain from jumping
		}
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		float[][] det = sidechain != null && sidechain.length > 0 ? sidechain : audio;
		boolean rms = choice(DETECTOR) == CompressorFactory.RMS;
		Smoothing sThreshold = smoother(THRESHOLD), sRatio = smoother(RATIO), sKnee = smoother(KNEE),
				sMakeup = smoother(MAKEUP), sMix = smoother(MIX);
		double aA = attackCoef, aR = releaseCoef, aRms = rmsCoef;
		double ms = meanSquare, c1 = held, y = reduction, maxY = 0;
		int channels = audio.length;
		int detChannels = det.length;
		double invDet = 1.0 / detChannels;
		// Settled parameters (the usual case) are read once per call; only a ramping one is stepped per frame.
		boolean ramping = sThreshold.isSmoothing() || sRatio.isSmoothing() || sKnee.isSmoothing()
				|| sMakeup.isSmoothing() || sMix.isSmoothing();
		double t = sThreshold.current(), invR = 1.0 / sRatio.current(), w = sKnee.current();
		double makeup = sMakeup.current(), mix = sMix.current() * 0.01;
		// Below the knee's lower edge the gain computer gives 0 dB: compare the detector in the linear domain
		// there and skip the logarithm (most frames of a mix sit below the threshold).
		double kneeStart = kneeStartLinear(t, w, rms);
		for (int i = from, end = from + count; i < end; i++) {
			if (ramping) {
				t = sThreshold.next();
				invR = 1.0 / sRatio.next();
				w = sKnee.next();
				makeup = sMakeup.next();
				mix = sMix.next() * 0.01;
				kneeStart = kneeStartLinear(t, w, rms);
			}

			double c; // gain computer output, dB of reduction (>= 0)
			double detector;
			if (rms) {
				double sum = 0;
				for (int ch = 0; ch < detChannels; ch++) {
					double v = det[ch][i];
					sum += v * v;
				}
				ms = aRms * ms + (1 - aRms) * sum * invDet;
				detector = ms;
			} else {
				double peak = 0;
				for (int ch = 0; ch < detChannels; ch++) {
					double v = Math.abs(det[ch][i]);
					peak = v > peak ? v : peak;
				}
				detector = peak;
			}
			if (detector <= kneeStart) {
				c = 0;
			} else {
				double level = rms ? FastDecibels.fromPower(detector) : FastDecibels.fromGain(detector);
				double over = level - t;
				if (2 * over <= -w) {
					c = 0;
				} else if (2 * over > w) {
					c = over * (1 - invR);
				} else {
					double k = over + 0.5 * w;
					c = (1 - invR) * k * k / (2 * w);
				}
			}
			double released = aR * c1 + (1 - aR) * c;
			c1 = c > released ? c : released;
			y = aA * y + (1 - aA) * c1;
			if (y < SETTLED_DB) {
				y = 0; // a reduction far below audibility is none: the gain below is then exactly unity
			}
			maxY = y > maxY ? y : maxY;
			double gainDb = makeup - y;
			double wet = gainDb == 0 ? 1.0 : FastDecibels.toGain(gainDb);
			double g = (1 - mix) + mix * wet;
			if (g != 1.0) {
				for (int ch = 0; ch < channels; ch++) {
					audio[ch][i] = (float) (audio[ch][i] * g);
				}
			}
		}
		meanSquare = Denormals.flush(ms);
		held = Denormals.flush(c1);
		reduction = Denormals.flush(y);
		reportGainReduction(maxY);
	}
}
