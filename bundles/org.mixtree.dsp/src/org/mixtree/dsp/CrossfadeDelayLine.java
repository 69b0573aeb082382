package org.mixtree.dsp;

import java.util.Arrays;

/**
 * Integer-sample delay line whose delay changes by a crossfade between the old and the new tap, not by moving
 * the read pointer: a new delay time makes no click and no pitch glide (a moving read pointer would sound like
 * a tape speed change). A change requested while a crossfade runs waits for it to finish, then fades to the
 * latest request, so continuous automation ends on the last value.
 * <p>
 * Per sample, in this order: {@link #put} the sample that enters the line now (optional before a read),
 * {@link #get} the delayed sample, {@link #step} to the next sample. A delay of {@code d} reads what was put
 * {@code d} steps ago; {@code d = 0} reads what was put in this step (a feedback loop reads before it puts and
 * uses {@code d >= 1}).
 * <p>
 * Thread rules: the constructor allocates; everything else allocates nothing and is for one thread at a time.
 */
public final class CrossfadeDelayLine {
	private final float[] buf;
	private final int mask;
	private final int maxDelay;
	private final int fadeFrames;
	private final float fadeStep;
	private int pos;
	private int current;
	private int next;
	private int desired;
	private int fade = -1; // -1: no crossfade; else frames done

	/**
	 * @param maxDelay   longest delay in samples
	 * @param fadeFrames crossfade length in samples (at least 1)
	 */
	public CrossfadeDelayLine(int maxDelay, int fadeFrames) {
		int size = Integer.highestOneBit(Math.max(2, maxDelay + 1) - 1) << 1;
		this.buf = new float[size];
		this.mask = size - 1;
		this.maxDelay = maxDelay;
		this.fadeFrames = Math.max(1, fadeFrames);
		this.fadeStep = 1f / this.fadeFrames;
	}

	/** @return the longest delay in samples */
	public int maxDelay() {
		return maxDelay;
	}

	/** Asks for delay {@code d} (clamped to [0, maxDelay]), reached by a crossfade. */
	public void setDelay(int d) {
		desired = Math.max(0, Math.min(maxDelay, d));
	}

	/** Sets delay {@code d} at once, with no crossfade (before processing or after a reset). */
	public void jump(int d) {
		desired = Math.max(0, Math.min(maxDelay, d));
		current = desired;
		next = desired;
		fade = -1;
	}

	/** @return the delay the line heads for */
	public int delay() {
		return desired;
	}

	/** Clears the stored samples and completes any crossfade. */
	public void reset() {
		Arrays.fill(buf, 0f);
		jump(desired);
	}

	/** Writes the sample of this step. */
	public void put(float x) {
		buf[pos] = x;
	}

	/** @return the delayed sample of this step (the crossfaded mix of two taps while a change is under way) */
	public float get() {
		float a = buf[(pos - current) & mask];
		if (fade < 0) {
			return a;
		}
		float g = fade * fadeStep;
		return a + g * (buf[(pos - next) & mask] - a);
	}

	/** Advances to the next sample (and the crossfade with it). */
	public void step() {
		pos = (pos + 1) & mask;
		if (fade >= 0) {
			if (++fade == fadeFrames) {
				current = next;
				fade = -1;
			}
		}
		if (fade < 0 && desired != current) {
			next = desired;
			fade = 0;
		}
	}
}
