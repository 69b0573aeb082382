package org.mixtree.views.loudness.analysis;

import org.mixtree.engine.meter.MeterSnapshot;

/**
 * The loudness view's memory: the momentary and short-term loudness the engine's EBU R128 meter published, one pair
 * per tick (the view samples every {@value #TICK_MS} ms), for the last {@code capacity} ticks, oldest first. The other
 * numbers (integrated, range, true peak) are the meter's own and are not kept here: the view shows the newest
 * snapshot's, so they match the engine exactly.
 * <p>
 * Thread rules: one thread (the UI thread).
 */
public final class LoudnessHistory {
	/** Sampling period, ms. */
	public static final int TICK_MS = 100;

	private final double[] momentary;
	private final double[] shortTerm;
	private int next;
	private int count;

	/** @param capacity ticks kept (600: a minute) */
	public LoudnessHistory(int capacity) {
		momentary = new double[capacity];
		shortTerm = new double[capacity];
	}

	/** Adds the snapshot's momentary and short-term loudness as the newest tick. */
	public void add(MeterSnapshot s) {
		momentary[next] = s.momentaryLufs();
		shortTerm[next] = s.shortTermLufs();
		next = (next + 1) % momentary.length;
		count = Math.min(momentary.length, count + 1);
	}

	public int size() {
		return count;
	}

	public int capacity() {
		return momentary.length;
	}

	/** @return the momentary loudness {@code i} ticks after the oldest kept, LUFS (negative infinity: silence) */
	public double momentary(int i) {
		return momentary[index(i)];
	}

	/** @return the short-term loudness {@code i} ticks after the oldest kept, LUFS */
	public double shortTerm(int i) {
		return shortTerm[index(i)];
	}

	private int index(int i) {
		if (i < 0 || i >= count) {
			throw new IndexOutOfBoundsException(i + " of " + count);
		}
		return (next - count + i + momentary.length) % momentary.length;
	}

	public void clear() {
		next = 0;
		count = 0;
	}
}
