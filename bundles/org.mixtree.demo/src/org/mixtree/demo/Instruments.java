package org.mixtree.demo;

import org.mixtree.demo.Voices.Bass;
import org.mixtree.demo.Voices.Hit;
import org.mixtree.demo.Voices.Kick;
import org.mixtree.demo.Voices.Lead;
import org.mixtree.demo.Voices.Pad;
import org.mixtree.demo.Voices.Pluck;
import org.mixtree.demo.Voices.Singer;
import org.mixtree.demo.Voices.Sweep;
import org.mixtree.demo.Voices.Wash;
import org.mixtree.dsp.Biquad;

/**
 * The sixteen demo stems: which voices play when, and the effects and gains that finish each one. The gains
 * were set by measuring the rendered stems so that each peaks between -6 and -12 dBFS and the sum of all (mono
 * stems centred with the -3 dB law, everything at 0 dB) peaks near -3 dBFS.
 */
final class Instruments {
	private static final double[] NONE = {};

	private Instruments() {
	}

	/** @return stem {@code index} of {@link DemoMultitrack#stemNames()}, ready to render from frame 0 */
	static Stem create(int rate, int index) {
		return switch (index) {
		case 0 -> kick(rate).gainDb(-11.1);
		case 1 -> snare(rate).gainDb(-17.0);
		case 2 -> hiHat(rate).gainDb(-14.3);
		case 3 -> overheads(rate).gainDb(-21.3);
		case 4 -> shaker(rate).gainDb(-7.0);
		case 5 -> conga(rate).gainDb(-15.3);
		case 6 -> bass(rate).gainDb(-15.7);
		case 7 -> acoustic(rate).gainDb(-18.3);
		case 8 -> rhythmGuitar(rate).gainDb(-16.7);
		case 9 -> leadGuitar(rate).gainDb(-18.6);
		case 10 -> guitarFx(rate).gainDb(5.8);
		case 11 -> piano(rate).gainDb(-18.5);
		case 12 -> pad(rate).gainDb(-18.0);
		case 13 -> leadVox(rate).gainDb(-4.9);
		case 14 -> harmonies(rate).gainDb(-3.4);
		case 15 -> riser(rate).gainDb(-8.3);
		default -> throw new IllegalArgumentException("stem " + index);
		};
	}

	// ---- drums ------------------------------------------------------------------------------------------

	/** @return kick beats of {@code bar}: half time in the first two bars, then a rock pattern */
	private static double[] kickBeats(int bar) {
		if (bar < 2) {
			return new double[] { 0, 2 };
		}
		return bar % 4 == 3 ? new double[] { 0, 1.5, 2, 3.5 } : new double[] { 0, 1.5, 2 };
	}

	/** @return snare beats of {@code bar}, with a sixteenth fill before the chorus */
	private static double[] snareBeats(int bar) {
		if (bar < 2) {
			return NONE;
		}
		return bar == 7 ? new double[] { 1, 3, 3.25, 3.5, 3.75 } : new double[] { 1, 3 };
	}

	private static Voice kickHit(int rate, double t, double amp, long seed) {
		return new Kick(Math.round(t * rate), rate, amp, seed);
	}

	private static Voice snareHit(int rate, double t, double amp, long seed) {
		return new Hit(Math.round(t * rate), 0.45, rate, new double[] { 185, 330, 520 },
				new double[] { amp, 0.45 * amp, 0.15 * amp }, new double[] { 0.07, 0.04, 0.03 }, 0.9 * amp, 0.09,
				Dsp.bandpass(rate, 3500, 0.6), Dsp.highpass(rate, 900, 0.7), 0.0005, 0.05, seed);
	}

	private static Voice hatHit(int rate, double t, double amp, boolean open, long seed) {
		return new Hit(Math.round(t * rate), open ? 0.6 : 0.15, rate, NONE, NONE, NONE, amp, open ? 0.18 : 0.03,
				Dsp.highpass(rate, 7000, 0.8), Dsp.highpass(rate, 5000, 0.6), 0.0003, open ? 0.1 : 0.02,
				seed);
	}

	private static Stem kick(int rate) {
		Stem s = new Stem("Kick.wav", 1, rate);
		for (int bar = 0; bar < Song.BARS; bar++) {
			for (double b : kickBeats(bar)) {
				s.add(kickHit(rate, Song.at(bar, b), b == 0 ? 1.0 : 0.85, 100 + bar * 8 + (long) (b * 2)));
			}
		}
		return s;
	}

	private static Stem snare(int rate) {
		Stem s = new Stem("Snare Top.wav", 1, rate);
		for (int bar = 0; bar < Song.BARS; bar++) {
			for (double b : snareBeats(bar)) {
				double amp = b % 1 == 0 ? 1.0 : 0.55 + 0.1 * (b - 3);
				s.add(snareHit(rate, Song.at(bar, b), amp, 200 + bar * 16 + (long) (b * 4)));
			}
		}
		return s;
	}

	private static Stem hiHat(int rate) {
		Stem s = new Stem("HiHat.wav", 1, rate);
		Rng rng = new Rng(300);
		for (int bar = 0; bar < Song.BARS; bar++) {
			for (int step = 0; step < 8; step++) {
				boolean open = step == 7 && bar % 2 == 1;
				double amp = (step % 2 == 0 ? 1.0 : 0.6) * (0.9 + 0.1 * rng.bipolar());
				s.add(hatHit(rate, Song.at(bar, step * 0.5), amp, open, 300 + bar * 8 + step));
			}
		}
		return s;
	}

	/** Overheads: crashes at the section starts, a ride in the chorus, and the kit heard from above. */
	private static Stem overheads(int rate) {
		Stem s = new Stem("Overheads.wav", 2, rate);
		for (int bar : new int[] { 2, 4, 8 }) {
			s.add(new Wash(Math.round(Song.at(bar, 0) * rate), 3.5, rate, 0.9, 0.7, 400 + bar));
		}
		double[] ride = { 2350, 3170, 4380, 5130, 6650, 8100 };
		double[] rideAmp = { 0.25, 0.2, 0.18, 0.12, 0.1, 0.08 };
		double[] rideTau = { 0.9, 0.7, 0.6, 0.5, 0.4, 0.3 };
		for (int bar = 8; bar < Song.BARS; bar++) {
			for (int beat = 0; beat < 4; beat++) {
				s.add(new Hit(Math.round(Song.at(bar, beat) * rate), 0.5, rate, ride, rideAmp, rideTau, 0.3, 0.06,
						Dsp.highpass(rate, 6000, 0.7), null, 0.0005, 0.05, 450 + bar * 4 + beat).pan(0.5, 2));
			}
		}
		for (int bar = 0; bar < Song.BARS; bar++) {
			for (double b : kickBeats(bar)) {
				s.add(kickHit(rate, Song.at(bar, b), 0.25, 500 + bar * 8 + (long) (b * 2)).pan(0, 2));
			}
			for (double b : snareBeats(bar)) {
				s.add(snareHit(rate, Song.at(bar, b), b % 1 == 0 ? 0.45 : 0.25, 600 + bar * 16 + (long) (b * 4))
						.pan(-0.15, 2));
			}
			for (int step = 0; step < 8; step++) {
				s.add(hatHit(rate, Song.at(bar, step * 0.5), 0.3, step == 7 && bar % 2 == 1, 700 + bar * 8 + step)
						.pan(-0.5, 2));
			}
		}
		Biquad hpL = Dsp.highpass(rate, 150, 0.7), hpR = Dsp.highpass(rate, 150, 0.7);
		return s.effect((b, n) -> {
			hpL.process(b[0], 0, n);
			hpR.process(b[1], 0, n);
		});
	}

	// ---- percussion -------------------------------------------------------------------------------------

	/** Shaker in sixteenths from the verse on, accenting the off-beat eighths. */
	private static Stem shaker(int rate) {
		Stem s = new Stem("Shaker.wav", 1, rate);
		double[] accent = { 0.45, 0.3, 1.0, 0.4 };
		Rng rng = new Rng(800);
		for (int bar = 4; bar < Song.BARS; bar++) {
			for (int step = 0; step < 16; step++) {
				double amp = accent[step % 4] * (0.9 + 0.1 * rng.bipolar());
				s.add(new Hit(Math.round(Song.at(bar, step * 0.25) * rate), 0.12, rate, NONE, NONE, NONE, amp, 0.035,
						Dsp.bandpass(rate, 5500, 1.2), Dsp.highpass(rate, 3000, 0.7), 0.012, 0.02,
						800 + bar * 16 + step));
			}
		}
		return s;
	}

	/** Congas tuned to the key (E4 and A3): open tones with a short slap noise and an inharmonic overtone. */
	private static Stem conga(int rate) {
		Stem s = new Stem("Conga.wav", 1, rate);
		double[] beat = { 0.5, 1.5, 2.5, 3, 3.5 };
		boolean[] high = { true, true, true, false, false };
		double[] amp = { 0.6, 1.0, 0.6, 0.9, 0.8 };
		for (int bar = 4; bar < Song.BARS; bar++) {
			for (int k = 0; k < beat.length; k++) {
				double f = high[k] ? 329.6 : 220.0;
				double a = amp[k];
				s.add(new Hit(Math.round(Song.at(bar, beat[k]) * rate), 0.5, rate, new double[] { f, f * 1.59, f * 2.14 },
						new double[] { a, 0.3 * a, 0.12 * a }, new double[] { 0.14, 0.07, 0.04 }, 0.5 * a, 0.006,
						Dsp.bandpass(rate, 1800, 0.8), null, 0.0008, 0.05, 900 + bar * 8 + k));
			}
		}
		return s;
	}

	// ---- bass -------------------------------------------------------------------------------------------

	/** Long roots in the intro, then driving eighths with an octave jump. */
	private static Stem bass(int rate) {
		Stem s = new Stem("Bass DI.wav", 1, rate);
		for (int bar = 0; bar < Song.BARS; bar++) {
			int root = Song.BASS[Song.chord(bar)];
			if (bar < 2) {
				s.add(new Bass(Math.round(Song.at(bar, 0) * rate), Song.BAR - 0.05, rate, root, 1.0));
				continue;
			}
			for (int step = 0; step < 8; step++) {
				int note = step == 3 || step == 7 && bar % 2 == 1 ? root + 12 : root;
				s.add(new Bass(Math.round(Song.at(bar, step * 0.5) * rate), 0.22, rate, note, step % 2 == 0 ? 1.0 : 0.8));
			}
		}
		return s;
	}

	// ---- guitars ----------------------------------------------------------------------------------------

	/** Open-position shapes, low E to high E, -1 for a muted string: Am, F, C, G. */
	private static final int[][] SHAPES = { { -1, 45, 52, 57, 60, 64 }, { 41, 48, 53, 57, 60, 65 },
			{ -1, 48, 52, 55, 60, 64 }, { 43, 47, 50, 55, 62, 67 } };

	/**
	 * Strummed acoustic: down, down-up, up-down-up in eighths; upstrokes touch only the four high strings, and a
	 * string rings until it is struck again. Strings are spread across the stereo image, low to the left.
	 */
	private static Stem acoustic(int rate) {
		Stem s = new Stem("Acoustic Gtr.wav", 2, rate);
		int[] steps = { 0, 2, 3, 5, 6, 7 };
		boolean[] down = { true, true, false, false, true, false };
		int count = Song.BARS * steps.length;
		double[] when = new double[count + 1];
		boolean[] isDown = new boolean[count + 1];
		int[] chord = new int[count + 1];
		for (int bar = 0, e = 0; bar < Song.BARS; bar++) {
			for (int k = 0; k < steps.length; k++, e++) {
				when[e] = Song.at(bar, steps[k] * 0.5);
				isDown[e] = down[k];
				chord[e] = Song.chord(bar);
			}
		}
		when[count] = Song.SECONDS + 0.5;
		isDown[count] = true;
		for (int e = 0; e < count; e++) {
			int[] shape = SHAPES[chord[e]];
			double vel = isDown[e] ? (e % steps.length == 0 ? 1.0 : 0.8) : 0.55;
			for (int string = isDown[e] ? 0 : 2; string < 6; string++) {
				if (shape[string] < 0) {
					continue;
				}
				int next = e + 1;
				while (next < count && !(isDown[next] || string >= 2)) {
					next++;
				}
				int order = isDown[e] ? string : 5 - string;
				double t = when[e] + order * 0.009;
				double len = Math.min(when[next] - t + 0.03, Song.SECONDS - t);
				s.add(new Pluck(Math.round(t * rate), len, rate, Dsp.hz(shape[string]), vel, 3.0, 0.7, 0.45, 0,
						1000 + e * 6 + string).pan(-0.7 + 0.28 * string, 2));
			}
		}
		Biquad hp = Dsp.highpass(rate, 90, 0.7), hp2 = Dsp.highpass(rate, 90, 0.7);
		return s.effect((b, n) -> {
			hp.process(b[0], 0, n);
			hp2.process(b[1], 0, n);
		});
	}

	/** Palm-muted power-chord eighths from the verse on, through a soft-clipping drive and a cabinet low-pass. */
	private static Stem rhythmGuitar(int rate) {
		Stem s = new Stem("El Gtr Rhythm.wav", 1, rate);
		int[] roots = { 45, 41, 48, 43 };
		for (int bar = 4; bar < Song.BARS; bar++) {
			int root = roots[Song.chord(bar)];
			for (int step = 0; step < 8; step++) {
				boolean ring = step == 7 && bar % 4 == 3;
				double t0 = Song.at(bar, step * 0.5);
				double vel = step % 2 == 0 ? 1.0 : 0.75;
				int[] notes = { root, root + 7, root + 12 };
				for (int k = 0; k < 3; k++) {
					double t = t0 + k * 0.004;
					double len = ring ? 0.55 : 0.26;
					s.add(new Pluck(Math.round(t * rate), len, rate, Dsp.hz(notes[k]), vel, ring ? 2.0 : 0.18,
							ring ? 0.6 : 0.3, 0.9, 0, 2000 + bar * 32 + step * 4 + k));
				}
			}
		}
		Biquad hp = Dsp.highpass(rate, 100, 0.7);
		Biquad cab = Dsp.lowpass(rate, 3000, 0.9);
		Biquad cab2 = Dsp.lowpass(rate, 5000, 0.7);
		return s.effect((b, n) -> {
			float[] x = b[0];
			for (int i = 0; i < n; i++) {
				x[i] = (float) Dsp.softClip(6 * x[i]);
			}
			hp.process(x, 0, n);
			cab.process(x, 0, n);
			cab2.process(x, 0, n);
		});
	}

	/** Intro melody over the first four bars and a closing line: picked, then sustained with vibrato. */
	private static Stem leadGuitar(int rate) {
		Stem s = new Stem("El Gtr Lead.wav", 1, rate);
		double[][] line = { // bar, beat, beats, midi
				{ 0, 0, 2, 76 }, { 0, 2, 1, 74 }, { 0, 3, 1, 72 }, { 1, 0, 3, 72 }, { 1, 3, 1, 69 }, { 2, 0, 1, 67 },
				{ 2, 1, 1, 72 }, { 2, 2, 2, 76 }, { 3, 0, 3.5, 74 }, { 10, 2, 2, 76 }, { 11, 0, 3.5, 79 } };
		for (int k = 0; k < line.length; k++) {
			double t = Song.at((int) line[k][0], line[k][1]);
			double len = line[k][2] * Song.BEAT;
			int midi = (int) line[k][3];
			s.add(new Lead(Math.round(t * rate), len, rate, midi, 0.5));
			s.add(new Pluck(Math.round(t * rate), len, rate, Dsp.hz(midi), 0.6, 1.0, 0.6, 0.9, 0, 3000 + k));
		}
		Biquad hp = Dsp.highpass(rate, 150, 0.7);
		Biquad cab = Dsp.lowpass(rate, 2800, 1.0);
		Delay delay = new Delay(rate, 0.375, 0.3, 0.25, 2500);
		return s.effect((b, n) -> {
			float[] x = b[0];
			for (int i = 0; i < n; i++) {
				x[i] = (float) Dsp.softClip(4 * x[i]);
			}
			hp.process(x, 0, n);
			cab.process(x, 0, n);
			delay.process(x, n);
		});
	}

	/** Volume-swelled high notes, one a bar, into a long dotted-eighth echo: ambience rather than a part. */
	private static Stem guitarFx(int rate) {
		Stem s = new Stem("Gtr Fx.wav", 1, rate);
		int[] notes = { 76, 72, 79, 74, 81, 77, 76, 74 };
		for (int bar = 0; bar < Song.BARS; bar++) {
			double t = Song.at(bar, 0.5);
			int midi = notes[bar % 8];
			s.add(new Pluck(Math.round(t * rate), 1.7, rate, Dsp.hz(midi), 0.7, 4.0, 0.8, 0.6, 0.6, 4000 + bar));
		}
		Delay delay = new Delay(rate, 0.375, 0.55, 0.7, 2200);
		return s.effect((b, n) -> delay.process(b[0], n));
	}

	// ---- keys -------------------------------------------------------------------------------------------

	/** Piano voicings (right hand) of Am, F, C, G, led smoothly around middle C. */
	private static final int[][] PIANO = { { 60, 64, 69 }, { 60, 65, 69 }, { 60, 64, 67 }, { 59, 62, 67 } };

	/** Piano: whole-bar chords in the intro, then a syncopated pattern; left hand plays the root octave. */
	private static Stem piano(int rate) {
		Stem s = new Stem("Piano.wav", 2, rate);
		for (int bar = 0; bar < Song.BARS; bar++) {
			int c = Song.chord(bar);
			double[] beats = bar < 4 ? new double[] { 0 } : new double[] { 0, 1.5, 3 };
			double[] lengths = bar < 4 ? new double[] { 4 } : new double[] { 1.5, 1.5, 1 };
			for (int h = 0; h < beats.length; h++) {
				double t = Song.at(bar, beats[h]);
				double len = lengths[h] * Song.BEAT;
				double vel = h == 0 ? 1.0 : 0.75;
				for (int k = 0; k < 3; k++) {
					s.add(pianoNote(rate, t + k * 0.004, len, PIANO[c][k], vel, 5000 + bar * 16 + h * 4 + k));
				}
				if (h == 0) {
					int low = Song.BASS[c] + 12;
					s.add(pianoNote(rate, t, lengths.length == 1 ? len : 2 * len, low, 0.9, 5000 + bar * 16 + 15));
				}
			}
		}
		return s;
	}

	/** Decaying, slightly stretched harmonic partials; higher partials die sooner, low notes ring longer. */
	private static Voice pianoNote(int rate, double t, double seconds, int midi, double vel, long seed) {
		double f = Dsp.hz(midi);
		int partials = 8;
		double[] hz = new double[partials], amp = new double[partials], tau = new double[partials];
		double tau1 = 1.4 * Math.pow(262 / f, 0.4);
		for (int k = 1; k <= partials; k++) {
			hz[k - 1] = k * f * Math.sqrt(1 + 0.0004 * k * k);
			amp[k - 1] = 0.5 * vel * Math.pow(k, -1.3) * Math.pow(vel, 0.4 * (k - 1));
			tau[k - 1] = tau1 / (1 + 0.5 * (k - 1));
		}
		return new Hit(Math.round(t * rate), seconds + 0.12, rate, hz, amp, tau, 0, 0, null, null, 0.002, 0.12, seed)
				.pan((midi - 57) / 30.0, 2);
	}

	/** Pad voicings: open-spread Am, F, C, G. */
	private static final int[][] PAD = { { 57, 64, 72 }, { 53, 60, 69 }, { 55, 64, 72 }, { 55, 62, 71 } };

	/** Detuned-saw pad through a low-pass, chords swelling in and cross-fading bar to bar. */
	private static Stem pad(int rate) {
		Stem s = new Stem("Synth Pad.wav", 2, rate);
		for (int bar = 0; bar < Song.BARS; bar++) {
			double len = bar == Song.BARS - 1 ? Song.BAR : Song.BAR + 0.6;
			for (int k = 0; k < 3; k++) {
				s.add(new Pad(Math.round(Song.at(bar, 0) * rate), len, rate, PAD[Song.chord(bar)][k], 0.3, 0.7, 0.7,
						6000 + bar * 4 + k));
			}
		}
		Biquad l = Dsp.lowpass(rate, 1400, 0.8), r = Dsp.lowpass(rate, 1400, 0.8);
		Biquad l2 = Dsp.lowpass(rate, 2500, 0.6), r2 = Dsp.lowpass(rate, 2500, 0.6);
		return s.effect((b, n) -> {
			l.process(b[0], 0, n);
			l2.process(b[0], 0, n);
			r.process(b[1], 0, n);
			r2.process(b[1], 0, n);
		});
	}

	// ---- vocals -----------------------------------------------------------------------------------------

	/** The tune, per four-bar cycle: {bar, beat, beats, midi, vowel}. Verse first, then the chorus. */
	private static final double[][] VERSE = { { 0, 0, 1, 64, 0 }, { 0, 1, 0.5, 64, 1 }, { 0, 1.5, 0.5, 62, 0 },
			{ 0, 2, 1.5, 60, 1 }, { 1, 0, 0.5, 60, 3 }, { 1, 0.5, 0.5, 62, 0 }, { 1, 1, 1, 65, 0 },
			{ 1, 2, 1.5, 64, 1 }, { 2, 0, 1, 64, 0 }, { 2, 1, 1, 67, 4 }, { 2, 2, 0.5, 64, 1 },
			{ 2, 2.5, 0.5, 62, 0 }, { 2, 3, 1, 60, 1 }, { 3, 0, 2.5, 62, 0 } };
	private static final double[][] CHORUS = { { 0, 0, 1.5, 69, 0 }, { 0, 1.5, 0.5, 67, 1 }, { 0, 2, 1.5, 64, 0 },
			{ 1, 0, 0.5, 65, 1 }, { 1, 0.5, 0.5, 67, 4 }, { 1, 1, 2, 69, 0 }, { 2, 0, 1, 67, 1 }, { 2, 1, 1, 64, 0 },
			{ 2, 2, 1, 67, 3 }, { 2, 3, 1, 67, 0 }, { 3, 0, 3.5, 67, 1 } };

	private static Stem leadVox(int rate) {
		Stem s = new Stem("Lead Vox.wav", 1, rate);
		sing(s, VERSE, 4, 0, 1.0, 5.4, 0.04, 7000, 0);
		sing(s, CHORUS, 8, 0, 1.0, 5.4, 0.04, 7100, 0);
		return s.effect(vocalChain(rate, 1));
	}

	/** Two backing voices on the chorus, on the chord tones below the tune, one left and one right. */
	private static Stem harmonies(int rate) {
		Stem s = new Stem("BV Harmony.wav", 2, rate);
		sing(s, CHORUS, 8, 1, 0.7, 5.0, 0.06, 8000, -0.75);
		sing(s, CHORUS, 8, 2, 0.7, 5.9, 0.06, 8100, 0.75);
		return s.effect(vocalChain(rate, 2));
	}

	/**
	 * Adds the phrases of {@code tune} starting at {@code firstBar}; {@code below} &gt; 0 sings that many chord
	 * tones under the tune. Notes that follow each other without a rest form one phrase (one breath).
	 */
	private static void sing(Stem s, double[][] tune, int firstBar, int below, double amp, double vibrato,
			double breath, long seed, double pan) {
		int rate = s.rate;
		int k = 0;
		while (k < tune.length) {
			int end = k + 1;
			while (end < tune.length && Math.abs(noteEnd(tune[end - 1]) - noteStart(tune[end])) < 1e-9) {
				end++;
			}
			double t0 = Song.at(firstBar + (int) tune[k][0], tune[k][1]);
			int n = end - k;
			double[] starts = new double[n];
			int[] midi = new int[n], vowel = new int[n];
			for (int j = 0; j < n; j++) {
				double[] note = tune[k + j];
				int bar = firstBar + (int) note[0];
				starts[j] = Song.at(bar, note[1]) - t0;
				int m = (int) note[3];
				for (int b = 0; b < below; b++) {
					m = Song.chordToneBelow(Song.chord(bar), m);
				}
				midi[j] = m;
				vowel[j] = below > 0 ? Voices.OH : (int) note[4];
			}
			double seconds = Song.at(firstBar, noteEnd(tune[end - 1])) - t0 + 0.12;
			s.add(new Singer(Math.round(t0 * rate), seconds, rate, starts, midi, vowel, amp, vibrato, breath,
					seed + k).pan(pan, s.channels));
			k = end;
		}
	}

	/** @return the note's start in beats from the start of its cycle */
	private static double noteStart(double[] note) {
		return note[0] * 4 + note[1];
	}

	/** @return the note's end in beats from the start of its cycle */
	private static double noteEnd(double[] note) {
		return note[0] * 4 + note[1] + note[2];
	}

	/** Vocal clean-up: high-pass and a short slap echo so the dry synthetic voice sits in a room. */
	private static Stem.Effect vocalChain(int rate, int channels) {
		Biquad[] hp = new Biquad[channels];
		Delay[] slap = new Delay[channels];
		for (int c = 0; c < channels; c++) {
			hp[c] = Dsp.highpass(rate, 120, 0.7);
			slap[c] = new Delay(rate, 0.11 + 0.013 * c, 0.25, 0.2, 4000);
		}
		return (b, n) -> {
			for (int c = 0; c < channels; c++) {
				hp[c].process(b[c], 0, n);
				slap[c].process(b[c], n);
			}
		};
	}

	// ---- other ------------------------------------------------------------------------------------------

	/** Noise riser over the four bars into the chorus (it recurs every eight bars), and a fall after it. */
	private static Stem riser(int rate) {
		Stem s = new Stem("Riser Sfx.wav", 1, rate);
		for (double bar = 4; bar * Song.BAR < Song.SECONDS; bar += 8) {
			double t = bar * Song.BAR;
			double rise = Math.min(4 * Song.BAR, Song.SECONDS - t);
			s.add(new Sweep(Math.round(t * rate), rise, rate, 200, 9000, 3, 1.0, 9000 + (long) bar));
			if (t + rise + 2 <= Song.SECONDS) {
				s.add(new Sweep(Math.round((t + rise) * rate), 2, rate, 6000, 300, 2, 0.6, 9100 + (long) bar));
			}
		}
		return s;
	}
}
