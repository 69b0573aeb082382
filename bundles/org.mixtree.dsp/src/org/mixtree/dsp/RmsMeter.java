package org.mixtree.dsp;

import java.util.Arrays;

/**
 * Sliding-window RMS level (default window 300 ms), for 1 or 2 channels, read in dBFS.
 * <p>
 * The window is kept as {@value #SEGMENTS} segments of mean squares, so memory and work do not grow with the
 * window: each sample costs one multiply-add, and the reading moves in steps of one segment (10 ms at 300 ms). The
 * value is the plain root mean square, without the +3 dB that AES17 adds to make a sine read its peak level: a
 * full-scale sine reads -3.01 dBFS. With two channels the louder channel is reported (a strip's one RMS bar shows
 * the channel nearer to trouble).
 * <p>
 * Thread rules: {@link #process} is for one thread at a time (the audio thread) and allocates nothing; read on
 * that thread.
 */
public final class RmsMeter {
	/** Segments the window is divided into. */
	public static final int SEGMENTS = 30;

	private final int channels;
	private final int segmentFrames;
	/** [channel][segment] mean squares of complete segments. */
	private final double[][] ring;
	private final double[] partial;
	private int fill;
	private int next;
	private int complete;
	private double rms;

	/**
	 * @param channels      1 or 2
	 * @param sampleRate    in Hz
	 * @param windowSeconds the window length, e.g. 0.3
	 */
	public RmsMeter(int channels, int sampleRate, double windowSeconds) {
		if (channels < 1 || channels > 2 || sampleRate <= 0 || !(windowSeconds > 0.0)) {
			throw new IllegalArgumentException("RMS meter for 1 or 2 channels, positive rate and window");
		}
		this.channels = channels;
		this.segmentFrames = Math.max(1, (int) Math.round(sampleRate * windowSeconds / SEGMENTS));
		this.ring = new double[channels][SEGMENTS];
		this.partial = new double[channels];
	}

	/** Feeds {@code count} frames from {@code src[channel][offset ..]}. [audio thread] */
	public void process(float[][] src, int offset, int count) {
		int done = 0;
		while (done < count) {
			int n = Math.min(count - done, segmentFrames - fill);
			for (int ch = 0; ch < channels; ch++) {
				float[] x = src[ch];
				double s = partial[ch];
				for (int i = offset + done, end = offset + done + n; i < end; i++) {
					double v = x[i];
					s += v * v;
				}
				partial[ch] = s;
			}
			fill += n;
			done += n;
			if (fill == segmentFrames) {
				endSegment();
			}
		}
	}

	private void endSegment() {
		double loudest = 0.0;
		for (int ch = 0; ch < channels; ch++) {
			double[] r = ring[ch];
			r[next] = partial[ch] / segmentFrames;
			partial[ch] = 0.0;
			double sum = 0.0;
			for (double e : r) {
				sum += e;
			}
			loudest = Math.max(loudest, sum);
		}
		next = next + 1 == SEGMENTS ? 0 : next + 1;
		complete = Math.min(SEGMENTS, complete + 1);
		fill = 0;
		// until the window has filled, average over what has been seen: the meter rises at once, not over 300 ms
		rms = Math.sqrt(loudest / complete);
	}

	/** @return the RMS of the louder channel over the last complete window, linear */
	public double rms() {
		return rms;
	}

	/** @return {@link #rms()} in dBFS; negative infinity for silence */
	public double rmsDb() {
		return Decibels.fromGain(rms);
	}

	/** Forgets everything; allocates nothing. */
	public void reset() {
		for (double[] r : ring) {
			Arrays.fill(r, 0.0);
		}
		Arrays.fill(partial, 0.0);
		fill = 0;
		next = 0;
		complete = 0;
		rms = 0.0;
	}
}
