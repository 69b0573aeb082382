package org.mixtree.dsp;

/**
 * Parameter smoother: turns a parameter change into a ramp so that it does not click. Three shapes:
 * <ul>
 * <li>{@link #linear} for linear quantities (pan, mix): equal steps, lands on the target after exactly the ramp
 * length;</li>
 * <li>{@link #multiplicative} for gain and frequency: equal ratios per frame (a straight line in dB or octaves),
 * same exact landing; a target or start of 0 (-inf dB) is ramped to or from {@link #FLOOR} (-100 dB) and then
 * jumps to 0, since no geometric ramp reaches zero;</li>
 * <li>{@link #onePole} for controls that change continuously (meters, followers): exponential approach with the
 * given time constant, snapped to the target once within 1e-9 of it.</li>
 * </ul>
 * Thread rules: one thread (the audio thread) at a time; nothing allocates after construction.
 */
public final class Smoothing {
	/** Start or end point used in place of 0 by the multiplicative ramp: -100 dB. */
	public static final double FLOOR = 1e-5;
	private static final double SNAP = 1e-9;

	private enum Shape {
		LINEAR, MULTIPLICATIVE, ONE_POLE
	}

	private final Shape shape;
	private final int rampFrames;
	private final double pole;
	private double value;
	private double target;
	private double step;
	private int remaining;

	private Smoothing(Shape shape, int rampFrames, double pole, double initial) {
		this.shape = shape;
		this.rampFrames = rampFrames;
		this.pole = pole;
		reset(initial);
	}

	/** @return a linear ramp of {@code rampFrames} frames (0 jumps) starting at {@code initial} */
	public static Smoothing linear(int rampFrames, double initial) {
		return new Smoothing(Shape.LINEAR, Math.max(0, rampFrames), 0.0, initial);
	}

	/** @return a geometric ramp of {@code rampFrames} frames for values >= 0 (gain, frequency) */
	public static Smoothing multiplicative(int rampFrames, double initial) {
		if (initial < 0) {
			throw new IllegalArgumentException("multiplicative smoothing needs values >= 0: " + initial);
		}
		return new Smoothing(Shape.MULTIPLICATIVE, Math.max(0, rampFrames), 0.0, initial);
	}

	/**
	 * @param timeConstantFrames frames to cover 1 - 1/e (63 %) of any step; the coefficient is
	 *            {@code exp(-1 / timeConstantFrames)}
	 */
	public static Smoothing onePole(double timeConstantFrames, double initial) {
		if (!(timeConstantFrames > 0)) {
			throw new IllegalArgumentException("time constant must be > 0: " + timeConstantFrames);
		}
		return new Smoothing(Shape.ONE_POLE, 0, Math.exp(-1.0 / timeConstantFrames), initial);
	}

	/** Jumps to {@code v} with no ramp. */
	public void reset(double v) {
		value = v;
		target = v;
		remaining = 0;
	}

	/**
	 * Ramps from the current value to {@code t}. A multiplicative smoother ignores negative targets (they are a
	 * caller's error that must not throw on the audio thread).
	 */
	public void setTarget(double t) {
		if (shape == Shape.MULTIPLICATIVE && t < 0) {
			return;
		}
		target = t;
		switch (shape) {
		case LINEAR:
			remaining = rampFrames;
			step = rampFrames == 0 ? 0.0 : (t - value) / rampFrames;
			break;
		case MULTIPLICATIVE:
			remaining = rampFrames;
			if (rampFrames > 0) {
				if (value <= 0.0) {
					value = FLOOR;
				}
				step = Math.pow(Math.max(t, FLOOR) / value, 1.0 / rampFrames);
			}
			break;
		case ONE_POLE:
		default:
			remaining = value == t ? 0 : 1;
			break;
		}
		if (shape != Shape.ONE_POLE && rampFrames == 0) {
			value = t;
		}
	}

	/** @return the value for the next frame, advancing the ramp by one frame */
	public double next() {
		if (remaining == 0) {
			return value;
		}
		switch (shape) {
		case LINEAR:
			value = --remaining == 0 ? target : value + step;
			break;
		case MULTIPLICATIVE:
			value = --remaining == 0 ? target : value * step;
			break;
		case ONE_POLE:
		default:
			value = target + (value - target) * pole;
			if (Math.abs(value - target) < SNAP) {
				value = target;
				remaining = 0;
			}
			break;
		}
		return value;
	}

	/** Multiplies {@code buf[offset .. offset + count)} by the next {@code count} values (a smoothed gain). */
	public void applyGain(float[] buf, int offset, int count) {
		if (remaining == 0) {
			float g = (float) value;
			if (g != 1f) {
				for (int i = offset; i < offset + count; i++) {
					buf[i] *= g;
				}
			}
			return;
		}
		for (int i = offset; i < offset + count; i++) {
			buf[i] = (float) (buf[i] * next());
		}
	}

	/** @return the current value (the last one {@link #next} returned) */
	public double current() {
		return value;
	}

	/** @return the value being ramped to */
	public double target() {
		return target;
	}

	/** @return whether a ramp is under way */
	public boolean isSmoothing() {
		return remaining != 0;
	}
}
