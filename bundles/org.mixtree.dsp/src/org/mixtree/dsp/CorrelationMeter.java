package org.mixtree.dsp;

import java.util.Arrays;

/**
 * Phase correlation of a stereo pair: the normalised cross-correlation
 * {@code r = sum(L R) / sqrt(sum(L^2) sum(R^2))} over a sliding window (default 300 ms), from +1 (identical, mono
 * compatible) through 0 (unrelated) to -1 (one side inverted: cancels in mono).
 * <p>
 * Like {@link RmsMeter}, the window is {@value #SEGMENTS} segments of sums, so the reading moves in 10 ms steps at
 * 300 ms. When either side is silent (energy below {@value #SILENCE} per sample, about -200 dBFS) there is no
 * phase relation and the meter reads 0.
 * <p>
 * Thread rules: {@link #process} is for one thread at a time (the audio thread) and allocates nothing; read on
 * that thread.
 */
public final class CorrelationMeter {
	/** Segments the window is divided into. */
	public static final int SEGMENTS = 30;
	/** Mean square per sample below which a side counts as silent. */
	public static final double SILENCE = 1e-20;

	private final int segmentFrames;
	private final double[] lr = new double[SEGMENTS];
	private final double[] ll = new double[SEGMENTS];
	private final double[] rr = new double[SEGMENTS];
	private double pLr;
	private double pLl;
	private double pRr;
	private int fill;
	private int next;
	private int complete;
	private double correlation;

	/**
	 * @param sampleRate    in Hz
	 * @param windowSeconds the window length, e.g. 0.3
	 */
	public CorrelationMeter(int sampleRate, double windowSeconds) {
		if (sampleRate <= 0 || !(windowSeconds > 0.0)) {
			throw new IllegalArgumentException("correlation meter needs a positive rate and window");
		}
		this.segmentFrames = Math.max(1, (int) Math.round(sampleRate * windowSeconds / SEGMENTS));
	}

	/** Feeds {@code count} frames of {@code left[offset ..]} and {@code right[offset ..]}. [audio thread] */
	public void process(float[] left, float[] right, int offset, int count) {
		int done = 0;
		while (done < count) {
			int n = Math.min(count - done, segmentFrames - fill);
			double a = pLr, b = pLl, c = pRr;
			for (int i = offset + done, end = offset + done + n; i < end; i++) {
				double l = left[i];
				double r = right[i];
				a += l * r;
				b += l * l;
				c += r * r;
			}
			pLr = a;
			pLl = b;
			pRr = c;
			fill += n;
			done += n;
			if (fill == segmentFrames) {
				endSegment();
			}
		}
	}

	private void endSegment() {
		lr[next] = pLr;
		ll[next] = pLl;
		rr[next] = pRr;
		pLr = pLl = pRr = 0.0;
		fill = 0;
		next = next + 1 == SEGMENTS ? 0 : next + 1;
		complete = Math.min(SEGMENTS, complete + 1);
		double a = 0.0, b = 0.0, c = 0.0;
		for (int s = 0; s < SEGMENTS; s++) {
			a += lr[s];
			b += ll[s];
			c += rr[s];
		}
		double floor = SILENCE * segmentFrames * complete;
		if (b <= floor || c <= floor) {
			correlation = 0.0;
		} else {
			correlation = Math.max(-1.0, Math.min(1.0, a / Math.sqrt(b * c)));
		}
	}

	/** @return the correlation over the last complete window, in [-1, 1]; 0 for silence on either side */
	public double correlation() {
		return correlation;
	}

	/** Forgets everything; allocates nothing. */
	public void reset() {
		Arrays.fill(lr, 0.0);
		Arrays.fill(ll, 0.0);
		Arrays.fill(rr, 0.0);
		pLr = pLl = pRr = 0.0;
		fill = 0;
		next = 0;
		complete = 0;
		correlation = 0.0;
	}
}
