package org.mixtree.views.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.views.spectrum.analysis.LogAxis;
import org.mixtree.views.spectrum.analysis.Spectrum;
import org.mixtree.views.spectrum.analysis.SpectrumAnalyser;
import org.mixtree.views.stereo.analysis.Goniometer;

/**
 * The SWT-free analysis cores against formulas and sox: the spectrum's level calibration (Hann coherent gain), bin
 * placement, the slope option, the streaming analyser's hop count; the goniometer's orientation.
 * <p>
 * Tolerances: levels 0.01 dB for a sine centred on a bin (float input, 24-bit sox files quantise at -144 dB); 0.05 dB
 * for a sine between bins against the Hann window's response formula, which is exact only for N large (the
 * difference at N = 8192 is below 0.001 dB).
 */
class AnalysisTest {
	private static final int RATE = 48000;

	@TempDir
	Path dir;

	/** The Hann window's amplitude response at {@code d} bins off centre (continuous-time form, N large). */
	static double hannResponseDb(double d) {
		if (Math.abs(d) < 1e-9) {
			return 0.0;
		}
		double sinc = Math.sin(Math.PI * d) / (Math.PI * d);
		return 20 * Math.log10(Math.abs(sinc / (1 - d * d)));
	}

	@Test
	void aFullScaleSineOnABinReadsZeroDbfsThereTheWindowsCoherentGainCorrected() {
		Spectrum s = new Spectrum(8192, RATE);
		assertEquals(0.5, mean(Spectrum.hann(8192)), 1e-12, "the periodic Hann window's coherent gain");
		int k = 171; // 1001.95 Hz
		float[] x = new float[8192];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) Math.sin(2 * Math.PI * k * i / 8192.0 + 0.3);
		}
		double[] db = new double[s.bins()];
		s.analyse(x, 0, db);
		assertEquals(k, argmax(db));
		assertEquals(0.0, db[k], 0.01, "full scale on bin " + k + " (x 1/0.5: +6.02 dB correction)");
		assertEquals(-6.02, db[k + 1], 0.01, "Hann: the next bin holds half the amplitude");
		for (int i = 0; i < x.length; i++) {
			x[i] *= 0.1f;
		}
		s.analyse(x, 0, db);
		assertEquals(-20.0, db[k], 0.01, "a tenth of full scale");
	}

	@Test
	void aOneKilohertzSineFromSoxPeaksAtOneKilohertzWithinOneBinAtTheLevelTheWindowGives() throws Exception {
		Path wav = dir.resolve("1k.wav");
		sox(wav, "-b", "24", "-c", "1", "synth", "1", "sine", "1000", "gain", "-0.5");
		float[] x;
		try (AudioFileReader r = AudioFiles.open(wav)) {
			x = new float[(int) r.frames()];
			r.read(new float[][] { x }, 0, x.length);
		}
		for (int size : new int[] { 2048, 4096, 8192, 16384 }) {
			Spectrum s = new Spectrum(size, RATE);
			double[] db = new double[s.bins()];
			s.analyse(x, 4000, db);
			int peak = argmax(db);
			double exact = 1000.0 / s.binHz();
			assertTrue(Math.abs(peak - exact) <= 1.0,
					size + " points: the peak is at " + s.frequency(peak) + " Hz, bin " + peak + ", 1 kHz is bin " + exact);
			assertEquals(Math.round(exact), peak, size + " points: the nearest bin to 1 kHz");
			double expected = -0.5 + hannResponseDb(peak - exact);
			assertEquals(expected, db[peak], 0.05, size + " points: level at " + s.frequency(peak) + " Hz, " + (peak - exact)
					+ " bins off the tone (-0.5 dBFS sine and Hann's response)");
		}
	}

	@Test
	void theSlopeMovesAFourKilohertzToneBySixAndNineDecibelsAndLeavesTheOneKilohertzPivot() {
		assertEquals(6.0, Spectrum.slopeDb(4000, 3.0), 1e-12, "2 octaves above the pivot at 3 dB/oct");
		assertEquals(9.0, Spectrum.slopeDb(4000, 4.5), 1e-12, "2 octaves above the pivot at 4.5 dB/oct");
		assertEquals(0.0, Spectrum.slopeDb(1000, 4.5), 1e-12, "the pivot");
		// through the display reduction: two tones, each at -12 dBFS, levels read at their columns
		Spectrum s = new Spectrum(16384, RATE);
		float[] x = new float[16384];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) (0.2512 * Math.sin(2 * Math.PI * 1000 * i / RATE) + 0.2512 * Math.sin(2 * Math.PI * 4000 * i / RATE));
		}
		double[] db = new double[s.bins()];
		s.analyse(x, 0, db);
		int width = 1200;
		double[] flat = new double[width], three = new double[width], four = new double[width];
		LogAxis.columns(db, s.binHz(), 0, flat, width);
		LogAxis.columns(db, s.binHz(), 3, three, width);
		LogAxis.columns(db, s.binHz(), 4.5, four, width);
		int c1 = (int) LogAxis.x(1000, width), c4 = (int) LogAxis.x(4000, width);
		double tone4 = max(flat, c4 - 2, c4 + 2), tone1 = max(flat, c1 - 2, c1 + 2);
		// the slope is added at each column's centre frequency: within 2 columns of 4 kHz it differs from 2 octaves by
		// at most 2.5 * log2(1000) / 1200 octaves, 0.021 dB at 3 dB/oct and 0.031 dB at 4.5 dB/oct
		assertEquals(6.0, max(three, c4 - 2, c4 + 2) - tone4, 0.03, "4 kHz at 3 dB/oct");
		assertEquals(9.0, max(four, c4 - 2, c4 + 2) - tone4, 0.04, "4 kHz at 4.5 dB/oct");
		assertEquals(0.0, max(four, c1 - 2, c1 + 2) - tone1, 0.04, "1 kHz stays at the pivot");
		assertEquals(tone1, tone4, 1.5, "both tones read alike without slope (scalloping differs by < 1.42 dB)");
	}

	@Test
	void theStreamingAnalyserSeesEveryFrameInWhateverBlocksTheyComeAndMakesOneSpectrumPerHop() {
		for (double overlap : new double[] { 0.5, 0.75 }) {
			SpectrumAnalyser a = new SpectrumAnalyser(4096, overlap, RATE, 2);
			int hop = a.hop();
			assertEquals((int) (4096 * (1 - overlap)), hop);
			int total = 48000;
			float[] tone = Rig.sine(1000, 0.5, total);
			List<double[]> spectra = new ArrayList<>();
			int fed = 0;
			int[] blocks = { 1, 7, 256, 1000, 333, 4096, 12 };
			int made = 0;
			for (int b = 0; fed < total; b++) {
				int n = Math.min(blocks[b % blocks.length], total - fed);
				float[] block = new float[n];
				System.arraycopy(tone, fed, block, 0, n);
				made += a.feed(new float[][] { block, block }, n, d -> spectra.add(d.clone()));
				fed += n;
			}
			assertEquals((total - 4096) / hop + 1, made, "one spectrum per hop once the first frame is full");
			assertEquals(made, spectra.size());
			double[] last = spectra.get(spectra.size() - 1);
			int peak = argmax(last);
			double exact = 1000.0 / (RATE / 4096.0);
			assertEquals(-6.02 + hannResponseDb(peak - exact), last[peak], 0.05, "a 0.5 sine, the same on both channels");
		}
	}

	@Test
	void theGoniometerDrawsMonoVerticalAndInvertedHorizontal() {
		int n = 512;
		float[] l = Rig.sine(300, 0.5, n), r = l.clone(), inv = new float[n];
		for (int i = 0; i < n; i++) {
			inv[i] = -l[i];
		}
		float[] x = new float[n], y = new float[n];
		Goniometer.project(l, r, n, x, y);
		for (int i = 0; i < n; i++) {
			assertEquals(0f, x[i], 0f, "mono: no side");
			assertEquals(l[i], y[i], 1e-7f, "mono: all mid");
		}
		assertEquals(1.0, Goniometer.correlation(l, r, n), 1e-9);
		Goniometer.project(l, inv, n, x, y);
		for (int i = 0; i < n; i++) {
			assertEquals(0f, y[i], 0f, "L = -R: no mid");
			assertEquals(-l[i], x[i], 1e-7f, "L = -R: all side");
		}
		assertEquals(-1.0, Goniometer.correlation(l, inv, n), 1e-9);
		// the left channel alone leans to the upper left
		Goniometer.project(new float[] { 1f }, new float[] { 0f }, 1, x, y);
		assertTrue(x[0] < 0 && y[0] > 0, "L alone: upper left");
	}

	static void sox(Path out, String... args) throws Exception {
		List<String> cmd = new ArrayList<>(List.of("sox", "-D", "-n", "-r", Integer.toString(RATE)));
		cmd.addAll(List.of(args).subList(0, 4));
		cmd.add(out.toString());
		cmd.addAll(List.of(args).subList(4, args.length));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new AssertionError("sox failed: " + cmd + ": " + text);
		}
	}

	static int argmax(double[] v) {
		int best = 0;
		for (int i = 1; i < v.length; i++) {
			if (v[i] > v[best]) {
				best = i;
			}
		}
		return best;
	}

	private static double max(double[] v, int from, int to) {
		double m = Double.NEGATIVE_INFINITY;
		for (int i = from; i <= to; i++) {
			m = Math.max(m, v[i]);
		}
		return m;
	}

	private static double mean(double[] v) {
		double s = 0;
		for (double d : v) {
			s += d;
		}
		return s / v.length;
	}
}
