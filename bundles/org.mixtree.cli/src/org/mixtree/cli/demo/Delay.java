package org.mixtree.cli.demo;

/** Feedback echo with a low-pass in the loop (each repeat darker), mixed into the signal in place. */
final class Delay {
	private final float[] line;
	private final double feedback, wet, lpK;
	private int pos;
	private double lp;

	Delay(int rate, double seconds, double feedback, double wet, double lpHz) {
		line = new float[Math.max(1, (int) Math.round(seconds * rate))];
		this.feedback = feedback;
		this.wet = wet;
		this.lpK = Dsp.onePole(lpHz, rate);
	}

	void process(float[] x, int n) {
		float[] d = line;
		int p = pos, size = d.length;
		double f = lp;
		for (int i = 0; i < n; i++) {
			f += lpK * (d[p] - f);
			double in = x[i];
			d[p] = (float) (in + feedback * f);
			x[i] = (float) (in + wet * f);
			if (++p == size) {
				p = 0;
			}
		}
		pos = p;
		lp = f;
	}
}
