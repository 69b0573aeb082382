package org.mixtree.demo;

/**
 * The sketch every stem plays: 120 BPM, 4/4, A minor, Am-F-C-G one bar (2 s) each, twelve bars. Bars 1-4
 * are the intro, 5-8 the verse (vocals enter, riser into bar 9), 9-12 the chorus (harmonies, ride cymbal).
 */
final class Song {
	static final double BEAT = 0.5;
	static final double BAR = 4 * BEAT;
	static final int BARS = 12;
	static final double SECONDS = BARS * BAR;

	/** bass roots: A1, F1, C2, G1 */
	static final int[] BASS = { 33, 29, 36, 31 };
	/** pitch classes of Am, F, C, G */
	static final int[][] CHORD = { { 9, 0, 4 }, { 5, 9, 0 }, { 0, 4, 7 }, { 7, 11, 2 } };

	private Song() {
	}

	/** @return chord index (0 Am, 1 F, 2 C, 3 G) of {@code bar} (0-based) */
	static int chord(int bar) {
		return bar % 4;
	}

	/** @return seconds at {@code beat} (may be fractional) of {@code bar} */
	static double at(int bar, double beat) {
		return bar * BAR + beat * BEAT;
	}

	/** @return whether MIDI note {@code midi} belongs to chord {@code chord} */
	static boolean inChord(int chord, int midi) {
		int pc = midi % 12;
		for (int c : CHORD[chord]) {
			if (c == pc) {
				return true;
			}
		}
		return false;
	}

	/** @return the nearest chord tone strictly below {@code midi} */
	static int chordToneBelow(int chord, int midi) {
		int m = midi - 1;
		while (!inChord(chord, m)) {
			m--;
		}
		return m;
	}
}
