package org.mixtree.demo;

import org.mixtree.dsp.Biquad;

/** The synthesis voices the demo instruments are built from. */
final class Voices {
	private Voices() {
	}

	/** Kick drum: a sine whose pitch falls from about 180 Hz to 48 Hz, plus a short noise click for attack. */
	static final class Kick extends Voice {
		private final int rate;
		private final double amp;
		private final double pitchK, ampK, clickK;
		private final Rng rng;
		private double phase, pitchEnv = 1, ampEnv = 1, clickEnv = 1;

		Kick(long start, int rate, double amp, long seed) {
			super(start, Math.round(0.6 * rate));
			this.rate = rate;
			this.amp = amp;
			pitchK = Dsp.decay(0.03, rate);
			ampK = Dsp.decay(0.1, rate);
			clickK = Dsp.decay(0.0012, rate);
			rng = new Rng(seed);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			double w = 2 * Math.PI / rate;
			int attack = rate / 1000;
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				phase += w * (48 + 135 * pitchEnv);
				double a = n < attack ? (double) n / attack : 1;
				tmp[i] = (float) (amp * (Math.sin(phase) * ampEnv * a + 0.35 * rng.bipolar() * clickEnv));
				pitchEnv *= pitchK;
				ampEnv *= ampK;
				clickEnv *= clickK;
			}
			if (phase > 1e4) {
				phase %= 2 * Math.PI;
			}
			fadeTail(tmp, from, to, local, rate / 100);
			emit(out, tmp, from, to);
		}
	}

	/**
	 * A struck thing: exponentially decaying sine partials (each a two-multiply resonator recursion) plus a
	 * filtered noise burst. Snare, conga, piano, ride, hi-hat and shaker are all this with other numbers.
	 */
	static final class Hit extends Voice {
		private final int rate;
		private final int partials;
		private final double[] coef, damp2, y1, y2;
		private final Biquad noiseFilter;
		private final Biquad noiseFilter2;
		private final double noiseAmp, noiseK;
		private final Rng rng;
		private final int attack, fade;
		private double noiseEnv = 1;

		/**
		 * @param hz partial frequencies; {@code amp} their amplitudes, {@code tau} their decay time constants (s)
		 * @param noiseFilter filter of the noise burst, or null for no noise
		 * @param attack ramp-in seconds (0: immediate)
		 * @param fade seconds of the closing fade (a damper)
		 */
		Hit(long start, double seconds, int rate, double[] hz, double[] amp, double[] tau, double noiseAmp,
				double noiseTau, Biquad noiseFilter, Biquad noiseFilter2, double attack, double fade, long seed) {
			super(start, Math.round(seconds * rate));
			this.rate = rate;
			int n = 0;
			for (double f : hz) {
				if (f < 0.45 * rate) {
					n++;
				}
			}
			partials = n;
			coef = new double[n];
			damp2 = new double[n];
			y1 = new double[n];
			y2 = new double[n];
			int k = 0;
			for (int j = 0; j < hz.length; j++) {
				if (hz[j] >= 0.45 * rate) {
					continue;
				}
				double w = 2 * Math.PI * hz[j] / rate;
				double r = Dsp.decay(tau[j], rate);
				coef[k] = 2 * r * Math.cos(w);
				damp2[k] = r * r;
				// y[n] = amp r^n sin(w n): seed y[-1] and y[-2]
				y1[k] = amp[j] / r * Math.sin(-w);
				y2[k] = amp[j] / (r * r) * Math.sin(-2 * w);
				k++;
			}
			this.noiseFilter = noiseFilter;
			this.noiseFilter2 = noiseFilter2;
			this.noiseAmp = noiseAmp;
			this.noiseK = noiseTau > 0 ? Dsp.decay(noiseTau, rate) : 0;
			this.rng = noiseFilter != null ? new Rng(seed) : null;
			this.attack = (int) Math.round(attack * rate);
			this.fade = Math.max(1, (int) Math.round(fade * rate));
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			for (int i = from; i < to; i++) {
				tmp[i] = 0f;
			}
			for (int k = 0; k < partials; k++) {
				double c = coef[k], d = damp2[k], a = y1[k], b = y2[k];
				for (int i = from; i < to; i++) {
					double y = c * a - d * b;
					b = a;
					a = y;
					tmp[i] += (float) y;
				}
				y1[k] = a;
				y2[k] = b;
			}
			if (rng != null) {
				double e = noiseEnv, k = noiseK, g = noiseAmp;
				for (int i = from; i < to; i++) {
					double x = noiseFilter.tick(rng.bipolar());
					if (noiseFilter2 != null) {
						x = noiseFilter2.tick(x);
					}
					tmp[i] += (float) (x * e * g);
					e *= k;
				}
				noiseEnv = e;
			}
			if (local < attack) {
				for (int i = from; i < to; i++) {
					long n = local + i - from;
					if (n < attack) {
						tmp[i] *= (float) n / attack;
					}
				}
			}
			fadeTail(tmp, from, to, local, fade);
			emit(out, tmp, from, to);
		}
	}

	/**
	 * Plucked string (Karplus-Strong): a noise-filled delay line fed back through a one-pole low-pass and a
	 * fractional-delay all-pass, so the pitch is exact and the loss gives the wanted decay time.
	 */
	static final class Pluck extends Voice {
		private final float[] line;
		private final int size;
		private final double lpA, loss, apC;
		private final int fade, swell;
		private int pos;
		private double lp, apX, apY;

		/**
		 * @param t60 seconds to fall 60 dB
		 * @param damping loop low-pass coefficient, 1 bright .. 0.2 palm-muted
		 * @param bright excitation brightness 0..1
		 * @param swell seconds of a volume-pedal fade-in (0: picked)
		 */
		Pluck(long start, double seconds, int rate, double hz, double amp, double t60, double damping,
				double bright, double swell, long seed) {
			super(start, Math.round(seconds * rate));
			double period = (double) rate / hz;
			double lpDelay = (1 - damping) / damping;
			double avail = period - lpDelay;
			size = Math.max(2, (int) Math.floor(avail - 0.2));
			double d = avail - size;
			apC = (1 - d) / (1 + d);
			lpA = damping;
			double w = 2 * Math.PI * hz / rate;
			double b = 1 - damping;
			double mag = damping / Math.sqrt(1 - 2 * b * Math.cos(w) + b * b);
			double perPeriod = Math.pow(10, -3 / (t60 * hz));
			loss = Math.min(0.9995, perPeriod / mag);
			line = new float[size];
			Rng rng = new Rng(seed);
			double s = 0, mean = 0;
			for (int i = 0; i < size; i++) {
				s += bright * (rng.bipolar() - s);
				line[i] = (float) s;
				mean += s;
			}
			mean /= size;
			double peak = 1e-9;
			for (int i = 0; i < size; i++) {
				line[i] -= (float) mean;
				peak = Math.max(peak, Math.abs(line[i]));
			}
			for (int i = 0; i < size; i++) {
				line[i] *= (float) (amp / peak);
			}
			fade = Math.max(1, Math.min((int) (0.03 * rate), (int) (length / 2)));
			this.swell = (int) Math.round(swell * rate);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			float[] l = line;
			int p = pos, n = size;
			double a = lpA, g = loss, c = apC, f = lp, x1 = apX, y1 = apY;
			for (int i = from; i < to; i++) {
				float y = l[p];
				f += a * (y - f);
				double x = g * f;
				double ap = c * x + x1 - c * y1;
				x1 = x;
				y1 = ap;
				l[p] = (float) ap;
				if (++p == n) {
					p = 0;
				}
				tmp[i] = y;
			}
			pos = p;
			lp = f;
			apX = x1;
			apY = y1;
			if (local < swell) {
				for (int i = from; i < to; i++) {
					long k = local + i - from;
					if (k < swell) {
						double u = (double) k / swell;
						tmp[i] *= (float) (u * u * (3 - 2 * u));
					}
				}
			}
			fadeTail(tmp, from, to, local, fade);
			emit(out, tmp, from, to);
		}
	}

	/** Bass: sawtooth plus a sine an octave down, through a resonant low-pass whose cut-off plucks down. */
	static final class Bass extends Voice {
		private final int rate;
		private final double inc, amp, filterK, ampK;
		private double phase, sub, low, band, filterEnv = 1, ampEnv = 1;

		Bass(long start, double seconds, int rate, int midi, double amp) {
			super(start, Math.round(seconds * rate));
			this.rate = rate;
			this.inc = Dsp.hz(midi) / rate;
			this.amp = amp;
			filterK = Dsp.decay(0.07, rate);
			ampK = Dsp.decay(seconds > 1 ? 1.5 : 0.5, rate);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			double w = 2 * Math.PI * 180 / rate, range = 2 * Math.PI * 1400 / rate;
			int attack = rate / 400;
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				double x = Dsp.saw(phase, inc) + 0.8 * Math.sin(2 * Math.PI * sub);
				phase += inc;
				if (phase >= 1) {
					phase -= 1;
				}
				sub += inc * 0.5;
				if (sub >= 1) {
					sub -= 1;
				}
				double f = w + range * filterEnv;
				low += f * band;
				double high = x - low - 0.9 * band;
				band += f * high;
				double a = n < attack ? (double) n / attack : 1;
				tmp[i] = (float) (amp * low * ampEnv * a);
				filterEnv *= filterK;
				ampEnv *= ampK;
			}
			fadeTail(tmp, from, to, local, rate / 80);
			emit(out, tmp, from, to);
		}
	}

	/** Pad note: two detuned sawtooths per side (different detunes left and right give width), slow swell. */
	static final class Pad extends Voice {
		private final double[] inc = new double[4];
		private final double[] phase = new double[4];
		private final double amp;
		private final int attack, fade;

		Pad(long start, double seconds, int rate, int midi, double amp, double attack, double release, long seed) {
			super(start, Math.round(seconds * rate));
			double[] cents = { -9, 4, -4, 9 };
			Rng rng = new Rng(seed);
			for (int k = 0; k < 4; k++) {
				inc[k] = Dsp.hz(midi + cents[k] / 100) / rate;
				phase[k] = rng.unit();
			}
			this.amp = amp;
			this.attack = (int) Math.round(attack * rate);
			this.fade = (int) Math.round(release * rate);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			for (int side = 0; side < out.length && side < 2; side++) {
				int k0 = 2 * side;
				double p0 = phase[k0], p1 = phase[k0 + 1], i0 = inc[k0], i1 = inc[k0 + 1];
				for (int i = from; i < to; i++) {
					tmp[i] = (float) (Dsp.saw(p0, i0) + Dsp.saw(p1, i1));
					p0 += i0;
					if (p0 >= 1) {
						p0 -= 1;
					}
					p1 += i1;
					if (p1 >= 1) {
						p1 -= 1;
					}
				}
				phase[k0] = p0;
				phase[k0 + 1] = p1;
				for (int i = from; i < to; i++) {
					long n = local + i - from;
					double e = n < attack ? (double) n / attack : 1;
					long rest = length - n;
					if (rest < fade) {
						e *= (double) rest / fade;
					}
					tmp[i] *= (float) (amp * e * e);
				}
				float[] o = out[side];
				for (int i = from; i < to; i++) {
					o[i] += tmp[i];
				}
			}
		}
	}

	/** Lead guitar sustain: a sawtooth with a scoop into the note and delayed vibrato (drive comes later). */
	static final class Lead extends Voice {
		private final int rate;
		private final double midi, amp, sustainK;
		private final int attack;
		private double phase, level = 1, lfoC = 1, lfoS;
		private final double lfoCos, lfoSin;

		Lead(long start, double seconds, int rate, int midi, double amp) {
			super(start, Math.round(seconds * rate));
			this.rate = rate;
			this.midi = midi;
			this.amp = amp;
			this.attack = rate / 150;
			sustainK = Dsp.decay(0.5, rate);
			double w = 2 * Math.PI * 5.6 / rate;
			lfoCos = Math.cos(w);
			lfoSin = Math.sin(w);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				double t = (double) n / rate;
				double scoop = t < 0.07 ? -0.8 * (1 - t / 0.07) : 0;
				double depth = t < 0.3 ? 0 : Math.min(1, (t - 0.3) / 0.5) * 0.3;
				double c = lfoC * lfoCos - lfoS * lfoSin;
				lfoS = lfoS * lfoCos + lfoC * lfoSin;
				lfoC = c;
				double inc = Dsp.hz(midi + scoop + depth * lfoS) / rate;
				double x = Dsp.saw(phase, inc);
				phase += inc;
				if (phase >= 1) {
					phase -= 1;
				}
				double a = n < attack ? (double) n / attack : 1;
				tmp[i] = (float) (amp * x * a * (0.65 + 0.35 * level));
				level *= sustainK;
			}
			fadeTail(tmp, from, to, local, rate / 20);
			emit(out, tmp, from, to);
		}
	}

	/** Vowel formants (Hz) of a male voice: ah, oh, oo, ee, eh. */
	static final double[][] VOWELS = { { 730, 1090, 2440 }, { 570, 840, 2410 }, { 300, 870, 2240 },
			{ 270, 2290, 3010 }, { 530, 1840, 2480 } };
	static final int AH = 0, OH = 1, OO = 2, EE = 3, EH = 4;

	/**
	 * A sung phrase: a sawtooth glottal source, tilted by a low-pass, with a little breath noise, through three
	 * parallel formant band-passes that glide from vowel to vowel. Pitch glides between notes, vibrato grows
	 * on held notes, and each new note dips the level briefly, as a consonant would.
	 */
	static final class Singer extends Voice {
		private static final double[] FORMANT_GAIN = { 1.0, 0.55, 0.3 };
		private static final double[] FORMANT_Q = { 9, 11, 16 };
		private final int rate;
		private final long[] noteStart;
		private final int[] midi, vowel;
		private final double amp, glideK, tiltK, dipK, dipSmooth, breath;
		private final Biquad[] formant = new Biquad[3];
		private final double[] formantHz = new double[3];
		private final Rng rng;
		private final double lfoCos, lfoSin;
		private int note = -1;
		private double pitch, phase, tilt, dip, dipTarget, lfoC = 1, lfoS;
		private long noteLocal;

		/**
		 * @param starts note starts in seconds from the phrase start; {@code seconds} covers the last note and
		 *            the release
		 */
		Singer(long start, double seconds, int rate, double[] starts, int[] midi, int[] vowel, double amp,
				double vibratoHz, double breath, long seed) {
			super(start, Math.round(seconds * rate));
			this.rate = rate;
			noteStart = new long[starts.length];
			for (int k = 0; k < starts.length; k++) {
				noteStart[k] = Math.round(starts[k] * rate);
			}
			this.midi = midi;
			this.vowel = vowel;
			this.amp = amp;
			this.breath = breath;
			glideK = Dsp.onePole(6, rate);
			tiltK = Dsp.onePole(900, rate);
			dipK = Dsp.decay(0.04, rate);
			dipSmooth = Dsp.onePole(30, rate);
			rng = new Rng(seed);
			double w = 2 * Math.PI * vibratoHz / rate;
			lfoCos = Math.cos(w);
			lfoSin = Math.sin(w);
			pitch = midi[0] - 0.7;
			for (int j = 0; j < 3; j++) {
				formantHz[j] = VOWELS[vowel[0]][j];
				formant[j] = Dsp.bandpass(rate, formantHz[j], FORMANT_Q[j]);
			}
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			int attack = rate / 16;
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				if (note + 1 < noteStart.length && n >= noteStart[note + 1]) {
					note++;
					noteLocal = noteStart[note];
					if (note > 0) {
						dipTarget = 0.6;
					}
				}
				if ((n & 31) == 0) {
					double[] target = VOWELS[vowel[note]];
					for (int j = 0; j < 3; j++) {
						formantHz[j] += 0.12 * (target[j] - formantHz[j]);
						Dsp.retune(formant[j], rate, formantHz[j], FORMANT_Q[j]);
					}
				}
				pitch += glideK * (midi[note] - pitch);
				double t = (double) (n - noteLocal) / rate;
				double depth = t < 0.2 ? 0 : Math.min(1, (t - 0.2) / 0.4) * 0.4;
				double c = lfoC * lfoCos - lfoS * lfoSin;
				lfoS = lfoS * lfoCos + lfoC * lfoSin;
				lfoC = c;
				double inc = Dsp.hz(pitch + depth * lfoS) / rate;
				double src = Dsp.saw(phase, inc);
				phase += inc;
				if (phase >= 1) {
					phase -= 1;
				}
				tilt += tiltK * (src - tilt);
				double x = tilt + 0.15 * src + breath * rng.bipolar();
				double y = FORMANT_GAIN[0] * formant[0].tick(x) + FORMANT_GAIN[1] * formant[1].tick(x)
						+ FORMANT_GAIN[2] * formant[2].tick(x);
				double e = n < attack ? (double) n / attack : 1;
				tmp[i] = (float) (amp * y * e * (1 - dip));
				dip += dipSmooth * (dipTarget - dip);
				dipTarget *= dipK;
			}
			fadeTail(tmp, from, to, local, rate / 8);
			emit(out, tmp, from, to);
		}
	}

	/** Noise through a band-pass sweeping exponentially from {@code fromHz} to {@code toHz}, level rising too. */
	static final class Sweep extends Voice {
		private final double fromHz, ratio, q, amp;
		private final boolean rising;
		private final int rate;
		private final Biquad band;
		private final Rng rng;

		Sweep(long start, double seconds, int rate, double fromHz, double toHz, double q, double amp, long seed) {
			super(start, Math.round(seconds * rate));
			this.rate = rate;
			this.fromHz = fromHz;
			this.ratio = toHz / fromHz;
			this.q = q;
			this.amp = amp;
			this.rising = toHz > fromHz;
			band = Dsp.bandpass(rate, fromHz, q);
			rng = new Rng(seed);
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			double inv = 1.0 / length;
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				double u = n * inv;
				if ((n & 15) == 0) {
					Dsp.retune(band, rate, fromHz * Math.pow(ratio, u), q);
				}
				double level = rising ? u * u : (1 - u) * (1 - u);
				tmp[i] = (float) (amp * level * band.tick(rng.bipolar()));
			}
			fadeTail(tmp, from, to, local, length > 4000 ? 400 : 1);
			emit(out, tmp, from, to);
		}
	}

	/** Crash cymbal wash: independent high-passed noise per side, so it is wide, with a long decay. */
	static final class Wash extends Voice {
		private final Rng rngL, rngR;
		private final Biquad hpL, hpR, hpL2, hpR2;
		private final double k, amp;
		private double env = 1;

		Wash(long start, double seconds, int rate, double amp, double tau, long seed) {
			super(start, Math.round(seconds * rate));
			rngL = new Rng(seed);
			rngR = new Rng(seed + 7919);
			hpL = Dsp.highpass(rate, 4200, 0.7);
			hpR = Dsp.highpass(rate, 4000, 0.7);
			hpL2 = Dsp.bandpass(rate, 7000, 0.6);
			hpR2 = Dsp.bandpass(rate, 6500, 0.6);
			this.k = Dsp.decay(tau, rate);
			this.amp = amp;
		}

		@Override
		void render(float[][] out, float[] tmp, int from, int to, long local) {
			float[] l = out[0];
			float[] r = out.length > 1 ? out[1] : out[0];
			int fadeStart = (int) (length - length / 5);
			double e = env;
			for (int i = from; i < to; i++) {
				long n = local + i - from;
				double g = amp * e * (n > fadeStart ? (double) (length - n) / (length - fadeStart) : 1);
				double a = hpL.tick(rngL.bipolar());
				double b = hpR.tick(rngR.bipolar());
				l[i] += (float) (g * (a + 0.8 * hpL2.tick(a)));
				r[i] += (float) (g * (b + 0.8 * hpR2.tick(b)));
				e *= k;
			}
			env = e;
		}
	}
}
