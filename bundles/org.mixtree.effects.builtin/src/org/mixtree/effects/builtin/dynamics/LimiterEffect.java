package org.mixtree.effects.builtin.dynamics;

import java.util.Arrays;

import org.mixtree.dsp.Decibels;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Look-ahead brickwall limiter: no output sample exceeds the ceiling, whatever the input.
 * <p>
 * <b>How.</b> For each input sample the required gain {@code r = min(1, ceiling / peak)} (peak = max over the
 * channels, so the channels are linked). The audio is delayed by the look-ahead {@code D} samples while the gain
 * path takes the minimum of r over the last {@code D + 1} samples (hold), lets it recover with the release time
 * constant, and averages it over the last {@code D + 1} samples (a box filter: a linear-in-time attack that
 * lands exactly on the peak). Every value in the average is at most the r of the sample then leaving the delay
 * line, so the average is too: the ceiling holds by construction, not by tuning. A final clamp only catches
 * floating-point rounding.
 * <p>
 * <b>True peak.</b> With {@code truepeak} on, the peak is also taken between samples, at 1/4, 2/4 and 3/4, by a
 * Kaiser-windowed sinc interpolator of {@value #TP_TAPS} taps per phase (4x oversampling as ITU-R BS.1770
 * measures true peak). It needs {@value #TP_HALF} samples of future (its delay), and the hold is widened by
 * {@value #TP_HALF} samples on each side so that the gain is flat over the interpolator's span around each peak,
 * which makes the output's interpolated peak the input's times that gain. The interpolator (Kaiser beta 6) is
 * flat to 0.44 fs (21 kHz at 48 kHz); content above that is underestimated (full-band white noise 24 dB over can
 * pass about 1 dB over the ceiling between samples), sample peaks always hold. The latency is then
 * {@code D + 2 x} {@value #TP_HALF} samples.
 * <p>
 * <b>Latency.</b> {@link #latencySamples()} is the look-ahead in samples (rounded), plus {@value #TP_LATENCY}
 * with true peak. Look-ahead and true peak change the latency, so a change that arrives as a block event waits
 * for the next {@link #reset} or {@link #prepare} (when the host re-reads the latency); {@link #setParameter}
 * applies it at once. Ceiling and release apply at their event's sample: the hold and average already make a
 * ceiling change a ramp.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; buffers are sized in {@link #prepare} for the largest
 * look-ahead, so nothing allocates later.
 */
final class LimiterEffect extends AbstractEffect {

	static final int TP_HALF = 16;
	static final int TP_TAPS = 2 * TP_HALF;
	static final int TP_LATENCY = 2 * TP_HALF;
	private static final int CEILING = 0, RELEASE = 1, LOOKAHEAD = 2, TRUEPEAK = 3;
	/** Aims a hair under the ceiling so that the average's rounding cannot cross it. */
	private static final double MARGIN = 1 - 1e-6;
	/** Interpolation taps: phase p (1..3) at offset j from the window start. */
	private static final double[][] PHASES = phases();

	private int channels = 2;
	private int capacity = 1;
	// active configuration
	private int delay;
	private int box = 1;
	private int hold = 1;
	private boolean truePeak;
	private boolean reconfigure;
	// audio delay line and the ceiling each sample was limited to
	private float[][] line = new float[2][1];
	private float[] lineCeiling = new float[1];
	private int write;
	// true-peak history: each sample stored twice, TP_TAPS apart, so the window is always contiguous
	private double[][] history = new double[2][2 * TP_TAPS];
	private int historyPos;
	// sliding minimum (monotonic deque over a ring)
	private long[] minIndex = new long[1];
	private double[] minValue = new double[1];
	private int minHead;
	private int minSize;
	private long sampleIndex;
	// release and box average
	private double envelope = 1;
	private double[] boxRing = new double[1];
	private int boxPos;
	private double boxSum = 1;
	private int boxCountdown;
	private double releaseCoef;
	private double ceiling;

	LimiterEffect(EffectDescriptor descriptor) {
		super(descriptor);
	}

	@Override
	public int latencySamples() {
		return delay;
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		channels = setup.channels();
		int maxLookahead = (int) Math.ceil(LimiterFactory.MAX_LOOKAHEAD_MS * 1e-3 * setup.sampleRate());
		capacity = maxLookahead + TP_LATENCY + 1;
		line = new float[channels][capacity];
		lineCeiling = new float[capacity];
		history = new double[channels][2 * TP_TAPS];
		minIndex = new long[capacity];
		minValue = new double[capacity];
		boxRing = new double[capacity];
		reconfigure = true;
	}

	@Override
	protected void resetEffect() {
		if (reconfigure) {
			int lookahead = (int) Math.round(target(LOOKAHEAD) * 1e-3 * sampleRate());
			truePeak = flag(TRUEPEAK);
			int k = truePeak ? TP_HALF : 0;
			box = lookahead + 1;
			hold = box + 2 * k;
			delay = lookahead + 2 * k;
			reconfigure = false;
		}
		for (float[] l : line) {
			Arrays.fill(l, 0f);
		}
		Arrays.fill(lineCeiling, 1f);
		for (double[] h : history) {
			Arrays.fill(h, 0.0);
		}
		historyPos = 0;
		write = 0;
		minHead = 0;
		minSize = 0;
		sampleIndex = 0;
		envelope = 1;
		Arrays.fill(boxRing, 1.0);
		boxPos = 0;
		boxSum = box;
		boxCountdown = box;
		reportGainReduction(0);
	}

	@Override
	protected void parameterChanged(int index, double value) {
		switch (index) {
		case CEILING:
			ceiling = Decibels.toGain(value);
			break;
		case RELEASE:
			releaseCoef = Math.exp(-1.0 / (value * 1e-3 * sampleRate()));
			break;
		case LOOKAHEAD:
		case TRUEPEAK:
			reconfigure = true;
			if (!processing() && setup() != null) {
				resetEffect();
			}
			break;
		default:
			break;
		}
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		double target = ceiling * MARGIN;
		float clampNow = (float) ceiling;
		if (clampNow > ceiling) {
			clampNow = Math.nextDown(clampNow);
		}
		double aR = releaseCoef;
		double minGain = 1;
		int n = channels;
		for (int i = from, end = from + count; i < end; i++) {
			double peak = truePeak ? truePeak(audio, i) : samplePeak(audio, i);
			double r = peak > target ? target / peak : 1.0;
			double h = slidingMin(r);
			double released = 1.0 - (1.0 - envelope) * aR;
			envelope = h < released ? h : released;
			double g = boxAverage(envelope);
			minGain = g < minGain ? g : minGain;

			int read = write - delay;
			if (read < 0) {
				read += capacity;
			}
			float limit = lineCeiling[read];
			lineCeiling[write] = clampNow;
			for (int ch = 0; ch < n; ch++) {
				float[] l = line[ch];
				l[write] = audio[ch][i];
				float y = (float) (l[read] * g);
				audio[ch][i] = y > limit ? limit : y < -limit ? -limit : y;
			}
			write = write + 1 == capacity ? 0 : write + 1;
		}
		reportGainReduction(minGain >= 1 ? 0 : -Decibels.fromGain(minGain));
	}

	private double samplePeak(float[][] audio, int i) {
		double peak = 0;
		for (int ch = 0; ch < channels; ch++) {
			double v = Math.abs(audio[ch][i]);
			peak = v > peak ? v : peak;
		}
		return peak;
	}

	/**
	 * Stores sample i and returns the true peak of the interval [m, m+1) with m = i - TP_HALF: the sample at m
	 * and the three interpolated points after it.
	 */
	private double truePeak(float[][] audio, int i) {
		int pos = historyPos;
		double peak = 0;
		for (int ch = 0; ch < channels; ch++) {
			double[] h = history[ch];
			double x = audio[ch][i];
			h[pos] = x;
			h[pos + TP_TAPS] = x;
			// window x[i - TP_TAPS + 1 .. i] = h[pos + 1 .. pos + TP_TAPS]
			int start = pos + 1;
			double v = Math.abs(h[start + TP_HALF - 1]);
			peak = v > peak ? v : peak;
			for (int p = 0; p < 3; p++) {
				double[] taps = PHASES[p];
				double acc = 0;
				for (int j = 0; j < TP_TAPS; j++) {
					acc += taps[j] * h[start + j];
				}
				v = Math.abs(acc);
				peak = v > peak ? v : peak;
			}
		}
		historyPos = pos + 1 == TP_TAPS ? 0 : pos + 1;
		return peak;
	}

	private double slidingMin(double r) {
		long now = sampleIndex++;
		int cap = capacity;
		while (minSize > 0) {
			int back = minHead + minSize - 1;
			if (back >= cap) {
				back -= cap;
			}
			if (minValue[back] >= r) {
				minSize--;
			} else {
				break;
			}
		}
		int slot = minHead + minSize;
		if (slot >= cap) {
			slot -= cap;
		}
		minIndex[slot] = now;
		minValue[slot] = r;
		minSize++;
		while (minIndex[minHead] <= now - hold) {
			minHead = minHead + 1 == cap ? 0 : minHead + 1;
			minSize--;
		}
		return minValue[minHead];
	}

	private double boxAverage(double e) {
		int pos = boxPos;
		boxSum += e - boxRing[pos];
		boxRing[pos] = e;
		pos++;
		if (pos == box) {
			pos = 0;
		}
		boxPos = pos;
		if (--boxCountdown == 0) {
			// re-add from scratch once per length: running sums drift
			double s = 0;
			for (int k = 0; k < box; k++) {
				s += boxRing[k];
			}
			boxSum = s;
			boxCountdown = box;
		}
		return boxSum / box;
	}

	private static double[][] phases() {
		double beta = 6.0;
		double[][] taps = new double[3][TP_TAPS];
		for (int p = 1; p <= 3; p++) {
			double f = p / 4.0;
			double sum = 0;
			for (int j = 0; j < TP_TAPS; j++) {
				// tap j weighs x[m - TP_HALF + 1 + j]; the point sits at m + f
				double t = f - (j - TP_HALF + 1);
				double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
				double u = t / (TP_HALF + 0.5);
				double w = Math.abs(u) >= 1 ? 0 : bessel0(beta * Math.sqrt(1 - u * u)) / bessel0(beta);
				taps[p - 1][j] = sinc * w;
				sum += sinc * w;
			}
			for (int j = 0; j < TP_TAPS; j++) {
				taps[p - 1][j] /= sum; // unity gain at DC
			}
		}
		return taps;
	}

	private static double bessel0(double x) {
		double sum = 1, term = 1;
		for (int k = 1; k < 50; k++) {
			term *= (x / (2 * k)) * (x / (2 * k));
			sum += term;
		}
		return sum;
	}
}
