package org.mixtree.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

import org.mixtree.dsp.Decibels;

/**
 * One demo track: its voices, an optional effect over the summed block, and a fixed output gain. Rendering
 * is block by block so that a 24-second stem never needs more than one block of memory.
 */
final class Stem {
	/** In-place processing of a rendered block (distortion, delay, filters). */
	interface Effect {
		void apply(float[][] block, int n);
	}

	final String fileName;
	final int channels;
	final int rate;
	private float gain = 1f;
	private Effect effect;
	private final ArrayList<Voice> voices = new ArrayList<>();
	private final ArrayList<Voice> active = new ArrayList<>();
	private int next;
	private boolean sorted;
	private float[] tmp = new float[0];

	Stem(String fileName, int channels, int rate) {
		this.fileName = fileName;
		this.channels = channels;
		this.rate = rate;
	}

	Stem gainDb(double db) {
		gain = (float) Decibels.toGain(db);
		return this;
	}

	Stem effect(Effect e) {
		effect = e;
		return this;
	}

	void add(Voice v) {
		voices.add(v);
		sorted = false;
	}

	/** Renders frames {@code [at, at + n)} into {@code out[channel][0 .. n)}, replacing what was there. */
	void render(float[][] out, long at, int n) {
		if (!sorted) {
			voices.sort(Comparator.comparingLong(v -> v.start));
			sorted = true;
		}
		if (tmp.length < n) {
			tmp = new float[n];
		}
		for (int c = 0; c < channels; c++) {
			Arrays.fill(out[c], 0, n, 0f);
		}
		long end = at + n;
		while (next < voices.size() && voices.get(next).start < end) {
			active.add(voices.get(next++));
		}
		int keep = 0;
		for (int k = 0; k < active.size(); k++) {
			Voice v = active.get(k);
			long vEnd = v.start + v.length;
			int from = (int) Math.max(0, v.start - at);
			int to = (int) Math.min(n, vEnd - at);
			if (from < to) {
				v.render(out, tmp, from, to, at + from - v.start);
			}
			if (vEnd > end) {
				active.set(keep++, v);
			}
		}
		for (int k = active.size() - 1; k >= keep; k--) {
			active.remove(k);
		}
		if (effect != null) {
			effect.apply(out, n);
		}
		float g = gain;
		for (int c = 0; c < channels; c++) {
			float[] b = out[c];
			for (int i = 0; i < n; i++) {
				b[i] *= g;
			}
		}
	}
}
