package org.mixtree.demo;

import org.mixtree.dsp.CrossfadeDelayLine;

/**
 * Feedback echo with a low-pass in the loop (each repeat darker), mixed into the signal in place. The line is
 * {@code org.mixtree.dsp}'s delay line at a fixed delay; the loop's one-pole low-pass is the echo's own.
 */
final class Delay {
	private final CrossfadeDelayLine line;
	private final double feedback, wet, lpK;
	private double lp;

	Delay(int rate, double seconds, double feedback, double wet, double lpHz) {
		int frames = Math.max(1, (int) Math.round(seconds * rate));
		line = new CrossfadeDelayLine(frames, 1);
		line.jump(frames);
		this.feedback = feedback;
		this.wet = wet;
		this.lpK = Dsp.onePole(lpHz, rate);
	}

	void process(float[] x, int n) {
		CrossfadeDelayLine d = line;
		double f = lp;
		for (int i = 0; i < n; i++) {
			// a feedback loop reads before it writes: the repeat of what went in one delay ago
			f += lpK * (d.get() - f);
			double in = x[i];
			d.put((float) (in + feedback * f));
			x[i] = (float) (in + wet * f);
			d.step();
		}
		lp = f;
	}
}
