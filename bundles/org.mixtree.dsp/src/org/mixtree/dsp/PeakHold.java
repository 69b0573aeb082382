package org.mixtree.dsp;

/**
 * Peak ballistics for a level meter: instant attack, then the reading is held for a while and falls back at a
 * constant rate in dB per second, never below the current input. A hold of 0 gives a plain falling peak bar.
 * <p>
 * The defaults follow common practice: the peak-hold marker waits {@value #DEFAULT_HOLD_SECONDS} s then falls at
 * {@value #DEFAULT_FALL_DB_PER_SECOND} dB/s; the bar itself ({@link #bar(int)}) has no hold and returns 20 dB in
 * 1.7 s ({@value #BAR_FALL_DB_PER_SECOND} dB/s), the return time IEC 60268-18 gives digital peak meters. The
 * fall is exact per frame whatever the block size: the block's peak counts from the block's end.
 * <p>
 * Thread rules: {@link #process} is for one thread at a time (the audio thread) and allocates nothing.
 */
public final class PeakHold {
	public static final double DEFAULT_HOLD_SECONDS = 1.5;
	public static final double DEFAULT_FALL_DB_PER_SECOND = 20.0;
	public static final double BAR_FALL_DB_PER_SECOND = 20.0 / 1.7;

	private final long holdFrames;
	/** ln(gain) per frame of fall-off, negative. */
	private final double fallPerFrame;
	private double value;
	private long holdLeft;

	/**
	 * @param sampleRate       in Hz
	 * @param holdSeconds      how long a new peak is held, >= 0
	 * @param fallDbPerSecond  how fast the reading then falls, > 0
	 */
	public PeakHold(int sampleRate, double holdSeconds, double fallDbPerSecond) {
		if (sampleRate <= 0 || !(holdSeconds >= 0.0) || !(fallDbPerSecond > 0.0)) {
			throw new IllegalArgumentException("peak hold needs a positive rate and fall, and hold >= 0");
		}
		this.holdFrames = Math.round(holdSeconds * sampleRate);
		this.fallPerFrame = -fallDbPerSecond / 20.0 * Math.log(10.0) / sampleRate;
	}

	/** @return a hold marker with the default {@value #DEFAULT_HOLD_SECONDS} s hold and {@value #DEFAULT_FALL_DB_PER_SECOND} dB/s fall */
	public static PeakHold marker(int sampleRate) {
		return new PeakHold(sampleRate, DEFAULT_HOLD_SECONDS, DEFAULT_FALL_DB_PER_SECOND);
	}

	/** @return a peak bar: no hold, {@value #BAR_FALL_DB_PER_SECOND} dB/s fall (IEC 60268-18 return time) */
	public static PeakHold bar(int sampleRate) {
		return new PeakHold(sampleRate, 0.0, BAR_FALL_DB_PER_SECOND);
	}

	/**
	 * Advances by one block of {@code frames} frames whose absolute peak was {@code peak} (linear). [audio thread]
	 */
	public void process(double peak, int frames) {
		if (peak >= value) {
			value = peak;
			holdLeft = holdFrames;
			return;
		}
		long fall = frames;
		if (holdLeft > 0) {
			long held = Math.min(holdLeft, fall);
			holdLeft -= held;
			fall -= held;
		}
		if (fall > 0) {
			value = Denormals.flush(value * Math.exp(fallPerFrame * fall));
			if (value < peak) {
				value = peak;
			}
		}
	}

	/** @return the current reading, linear */
	public double value() {
		return value;
	}

	/** @return the current reading in dBFS; negative infinity when it has fallen to silence */
	public double valueDb() {
		return Decibels.fromGain(value);
	}

	/** Drops the reading to silence. */
	public void reset() {
		value = 0.0;
		holdLeft = 0;
	}
}
