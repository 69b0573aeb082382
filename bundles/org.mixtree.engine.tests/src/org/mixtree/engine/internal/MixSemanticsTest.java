package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mixtree.audio.io.AudioFileException;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.RenderProgress;

/**
 * The signal semantics of DESIGN.md, checked against the formulas written out here (not against the engine's
 * own code or {@link PanLaw}). Float planar output from float coefficients: the tolerance is 1e-6 absolute on
 * signals of magnitude up to 2 (a few float ulps), exact (0) where no rounding can happen.
 */
class MixSemanticsTest {

	private static final double TOL = 1e-6;

	@Test
	void nullTestUnityCentredStemsEqualTheirPlainSum() throws Exception {
		int n = 5000;
		float[][] a = Mix.noise(1, 2, n);
		float[][] b = Mix.noise(2, 2, n);
		float[][] c = Mix.noise(3, 2, n);
		float[][] m = Mix.noise(4, 1, n);
		// mono at centre is unity only under the 0 dB law (the -3 dB law gives cos(pi/4))
		Mix mix = new Mix(PanLaw.ZERO_DB).bus("Master", null).bus("Band", "Master").track("a", "Band", a)
				.track("b", "Band", b).track("c", "Master", c).track("m", "Band", m);
		float[][] out = mix.render(1024, 2);
		assertEquals(n, out[0].length);
		for (int i = 0; i < n; i++) {
			double l = (double) a[0][i] + b[0][i] + c[0][i] + m[0][i];
			double r = (double) a[1][i] + b[1][i] + c[1][i] + m[0][i];
			assertEquals(l, out[0][i], TOL);
			assertEquals(r, out[1][i], TOL);
		}
	}

	/** The laws as DESIGN.md and the PanLaw Javadoc state them, with th = (p + 1) pi / 4. */
	private static double[] expectedMonoGains(PanLaw law, double p) {
		double th = (p + 1) * Math.PI / 4;
		return switch (law) {
		case MINUS_3_DB -> new double[] { Math.cos(th), Math.sin(th) };
		case MINUS_6_DB -> new double[] { (1 - p) / 2, (1 + p) / 2 };
		case MINUS_4_5_DB -> new double[] { Math.sqrt(Math.cos(th) * (1 - p) / 2), Math.sqrt(Math.sin(th) * (1 + p) / 2) };
		case ZERO_DB -> new double[] { Math.min(1, 1 - p), Math.min(1, 1 + p) };
		};
	}

	@ParameterizedTest
	@EnumSource(PanLaw.class)
	void monoPanLaws(PanLaw law) throws Exception {
		double[] pans = { -1, -0.5, 0, 0.5, 1 };
		for (double p : pans) {
			float[][] sine = Mix.sine(7, 0.8, 300);
			Mix mix = new Mix(law).bus("Master", null).bus("Bus", "Master").track("t", "Bus", sine, 0, 0, 0, p, false,
					false, false);
			float[][] out = mix.render(64, 1);
			double[] g = expectedMonoGains(law, p);
			for (int i = 0; i < 300; i++) {
				assertEquals(g[0] * sine[0][i], out[0][i], TOL, law + " p=" + p + " left");
				assertEquals(g[1] * sine[0][i], out[1][i], TOL, law + " p=" + p + " right");
			}
		}
		// the spot values everyone quotes, as a cross-check of the formulas above
		if (law == PanLaw.MINUS_3_DB) {
			assertEquals(Math.sqrt(0.5), expectedMonoGains(law, 0)[0], 1e-15);
		}
		if (law == PanLaw.MINUS_6_DB) {
			assertEquals(0.5, expectedMonoGains(law, 0)[1], 1e-15);
		}
	}

	@Test
	void stereoTrackAndBusUseBalanceWhateverTheLaw() throws Exception {
		double[] pans = { -1, -0.5, 0, 0.5, 1 };
		for (double p : pans) {
			double bl = Math.min(1, 1 - p);
			double br = Math.min(1, 1 + p);
			Mix track = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "Master", Mix.dc(0.5f, -0.25f, 50), 0,
					0, 0, p, false, false, false);
			float[][] out = track.render(1024, 1);
			assertEquals(0.5 * bl, out[0][10], TOL, "track p=" + p);
			assertEquals(-0.25 * br, out[1][10], TOL, "track p=" + p);

			// a bus balances its stereo sum; the master too
			Mix bus = new Mix(PanLaw.MINUS_3_DB).bus("Master", null, 0, p, false, false, false)
					.bus("B", "Master", 0, p, false, false, false).track("t", "B", Mix.dc(0.5f, -0.25f, 50));
			out = bus.render(1024, 1);
			assertEquals(0.5 * bl * bl, out[0][10], TOL, "bus p=" + p);
			assertEquals(-0.25 * br * br, out[1][10], TOL, "bus p=" + p);
		}
	}

	@Test
	void gainPolarityClipGainAndOffset() throws Exception {
		float[][] x = Mix.noise(9, 1, 400);
		// 0 dB law at centre: unity on both sides, so only the gains under test act
		Mix mix = new Mix(PanLaw.ZERO_DB).bus("Master", null).bus("B", "Master", -3, 0, false, false, true)
				.track("g", "B", x, 0, 0, -6, 0, false, false, false) // fader -6 dB
				.track("p", "B", x, 0, 0, 0, 0, false, false, true) // polarity
				.track("c", "B", x, -12, 0, 4, 0, false, false, false) // clip -12 dB, fader +4 dB
				.track("o", "B", x, 0, 100, 0, 0, false, false, false) // 100 frames late
				.track("s", "B", x, 0, 0, Double.NEGATIVE_INFINITY, 0, false, false, false); // -inf: silent
		CompiledPlan plan = mix.plan();
		float[][] bus = mix.render(plan, 128, 2, plan.node("B"));
		assertEquals(500, bus[0].length, "render length = offset 100 + 400 frames");
		double busGain = -Math.pow(10, -3 / 20.0); // polarity inverted, -3 dB
		for (int i = 0; i < 500; i++) {
			double xi = i < 400 ? x[0][i] : 0;
			double late = i >= 100 ? x[0][i - 100] : 0;
			double sum = Math.pow(10, -6 / 20.0) * xi - xi + Math.pow(10, (-12 + 4) / 20.0) * xi + late;
			assertEquals(busGain * sum, bus[0][i], TOL, "frame " + i);
			assertEquals(busGain * sum, bus[1][i], TOL, "frame " + i);
		}
	}

	@Test
	void eachGainAloneAgainstItsFormula() throws Exception {
		float[][] x = Mix.noise(11, 1, 300);
		record Case(double clipDb, long offset, double gainDb, boolean polarity, double factor) {
		}
		List<Case> cases = List.of(new Case(0, 0, -6.020599913279624, false, 0.5), new Case(0, 0, 6, false,
				Math.pow(10, 0.3)), new Case(0, 0, Double.NEGATIVE_INFINITY, false, 0), new Case(0, 0, 0, true, -1),
				new Case(-20, 0, 0, false, 0.1), new Case(-20, 0, 20, true, -1), new Case(0, 37, 0, false, 1));
		for (Case c : cases) {
			Mix mix = new Mix(PanLaw.ZERO_DB).bus("Master", null).track("t", "Master", x, c.clipDb, c.offset, c.gainDb,
					0, false, false, c.polarity);
			float[][] out = mix.render(100, 1);
			assertEquals(300 + c.offset, out[0].length, c.toString());
			for (int i = 0; i < out[0].length; i++) {
				double in = i < c.offset ? 0 : x[0][(int) (i - c.offset)];
				assertEquals(c.factor * in, out[0][i], TOL, c + " frame " + i);
				assertEquals(c.factor * in, out[1][i], TOL, c + " frame " + i);
			}
		}
	}

	@Test
	void renderLengthIsTheLongestOffsetPlusLength() throws Exception {
		Mix mix = new Mix(PanLaw.ZERO_DB).bus("Master", null).bus("B", "Master")
				.track("a", "B", Mix.dc(0.25f, 100), 0, 50, 0, 0, false, false, false)
				.track("b", "Master", Mix.dc(0.5f, 30), 0, 200, 0, 0, false, false, false)
				.track("c", "B", Mix.dc(1f, 10), 0, 0, 0, 0, true, false, false); // muted tracks still count for length
		float[][] out = mix.render(64, 2);
		assertEquals(230, out[0].length);
		for (int i = 0; i < 230; i++) {
			float want = (i >= 50 && i < 150 ? 0.25f : 0f) + (i >= 200 ? 0.5f : 0f);
			assertEquals(want, out[0][i], 0f, "frame " + i);
			assertEquals(want, out[1][i], 0f, "frame " + i);
		}
		Mix empty = new Mix(PanLaw.ZERO_DB).bus("Master", null);
		assertEquals(0, empty.render(64, 2)[0].length);
	}

	@Test
	void monoAndStereoMixThroughNestedBuses() throws Exception {
		int n = 2000;
		float[][] mono = Mix.sine(3, 0.5, n);
		float[][] stereo = Mix.noise(5, 2, n);
		double p = -0.25;
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null, -1, 0, false, false, false)
				.bus("Sub", "Master", 0, 0.5, false, false, false).bus("Inner", "Sub", 2, 0, false, false, false)
				.track("m", "Inner", mono, 0, 0, -3, p, false, false, false)
				.track("s", "Sub", stereo, 0, 0, 0, 0.3, false, false, false);
		float[][] out = mix.render(300, 2);
		double th = (p + 1) * Math.PI / 4;
		double g = Math.pow(10, -3 / 20.0);
		double inner = Math.pow(10, 2 / 20.0);
		double master = Math.pow(10, -1 / 20.0);
		for (int i = 0; i < n; i++) {
			// stereo track balance 0.3: L * min(1, 0.7), R * min(1, 1.3)
			double subL = inner * g * Math.cos(th) * mono[0][i] + 0.7 * stereo[0][i];
			double subR = inner * g * Math.sin(th) * mono[0][i] + 1.0 * stereo[1][i];
			assertEquals(master * 0.5 * subL, out[0][i], TOL);
			assertEquals(master * 1.0 * subR, out[1][i], TOL);
		}
	}

	/** A session with everything at once: offsets, gains, pans, polarity, nested buses, mono and stereo. */
	private static Mix busySession(int frames) {
		Mix mix = new Mix(PanLaw.MINUS_4_5_DB).bus("Master", null, -2, 0.1, false, false, false);
		String[] buses = { "Drums", "Music", "Fx" };
		for (String b : buses) {
			mix.bus(b, "Master", -1, -0.2, false, false, b.equals("Fx"));
		}
		mix.bus("Cym", "Drums", 1.5, 0.3, false, false, false);
		String[] targets = { "Drums", "Music", "Fx", "Cym", "Master" };
		for (int t = 0; t < 23; t++) {
			int channels = t % 3 == 0 ? 2 : 1;
			float[][] x = Mix.noise(100 + t, channels, frames - 13 * t);
			mix.track("t" + t, targets[t % targets.length], x, -(t % 4), 7L * t, 3 - t * 0.7, ((t * 7) % 9 - 4) / 4.0,
					false, false, t % 5 == 2);
		}
		return mix;
	}

	@Test
	void blockSizeDoesNotChangeTheOutput() throws Exception {
		Mix mix = busySession(3000);
		float[][] a = mix.render(1, 2);
		float[][] b = mix.render(7, 2);
		float[][] c = mix.render(1024, 2);
		// track t starts at 7t and lasts 3000 - 13t frames: track 0 ends last
		assertEquals(3000, a[0].length, "length");
		for (int ch = 0; ch < 2; ch++) {
			assertArrayEquals(a[ch], b[ch], "block 1 vs 7, channel " + ch);
			assertArrayEquals(a[ch], c[ch], "block 1 vs 1024, channel " + ch);
		}
		assertTrue(peak(a) > 0.1, "the session is not silent");
	}

	@Test
	void threadCountDoesNotChangeTheOutput() throws Exception {
		Mix mix = busySession(20000);
		CompiledPlan plan = mix.plan();
		int[] taps = { plan.master, plan.node("Drums"), plan.node("Fx") };
		List<float[][]> one = mix.renderAll(plan, 512, 1, taps);
		for (int threads : new int[] { 2, 3, 8 }) {
			for (int run = 0; run < 3; run++) {
				List<float[][]> many = mix.renderAll(plan, 512, threads, taps);
				for (int k = 0; k < taps.length; k++) {
					for (int ch = 0; ch < 2; ch++) {
						assertArrayEquals(one.get(k)[ch], many.get(k)[ch], threads + " threads, tap " + k);
					}
				}
			}
		}
	}

	@Test
	void stemsOfTopLevelBusesPlusDirectTracksMakeTheMaster() throws Exception {
		Mix mix = busySession(4000);
		CompiledPlan plan = mix.plan();
		int[] taps = new int[plan.topLevel.length + 1];
		System.arraycopy(plan.topLevel, 0, taps, 0, plan.topLevel.length);
		taps[taps.length - 1] = plan.master;
		List<float[][]> outs = mix.renderAll(plan, 256, 2, taps);
		// the tracks straight on the master, rendered alone (every bus muted)
		Mix direct = busySession(4000);
		for (String b : new String[] { "Drums", "Music", "Fx" }) {
			direct.edit(b, c -> new org.mixtree.engine.GraphDescription.Channel(c.id(), c.name(), c.kind(), c.source(),
					c.gainDb(), c.pan(), true, c.solo(), c.polarity(), c.output()));
		}
		CompiledPlan directPlan = direct.plan();
		// master fader and balance act after the sum: undo nothing, compare against the formula instead
		float[][] d = direct.renderAll(directPlan, 256, 2, new int[] { directPlan.master }).get(0);
		double g = Math.pow(10, -2 / 20.0);
		double[] bal = { Math.min(1, 1 - 0.1), Math.min(1, 1 + 0.1) };
		float[][] master = outs.get(outs.size() - 1);
		for (int ch = 0; ch < 2; ch++) {
			for (int i = 0; i < master[ch].length; i++) {
				double sum = 0;
				for (int s = 0; s < plan.topLevel.length; s++) {
					sum += outs.get(s)[ch][i];
				}
				double expected = g * bal[ch] * sum + d[ch][i];
				assertEquals(expected, master[ch][i], 1e-5, "channel " + ch + " frame " + i);
			}
		}
	}

	@Test
	void aFailingSourceStopsTheRenderNamingTheFile() throws Exception {
		Mix mix = busySession(10000);
		CompiledPlan plan = mix.plan();
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			Path file = plan.source(t).file();
			readers[t] = new Mix.ArraySource(file, mix.signals.get(file));
		}
		SourceReader good = readers[4];
		readers[4] = new SourceReader() {
			long read;

			@Override
			public Path file() {
				return good.file();
			}

			@Override
			public int channels() {
				return good.channels();
			}

			@Override
			public long frames() {
				return good.frames();
			}

			@Override
			public int read(float[][] dst, int offset, int count) throws IOException {
				if (read > 5000) {
					throw new IOException("unexpected end of data");
				}
				read += count;
				return good.read(dst, offset, count);
			}

			@Override
			public void close() {
			}
		};
		int before = Thread.activeCount();
		AudioFileException e = assertThrows(AudioFileException.class, () -> OfflineRenderer.mix(plan, readers, 256, 2,
				List.of(new OfflineRenderer.Tap(plan.master, new Mix.Capture())), RenderProgress.NONE));
		assertEquals(Path.of("mem", "t4.wav") + ": unexpected end of data", e.getMessage());
		assertEquals(Path.of("mem", "t4.wav"), e.file());
		// the pool's worker was stopped
		Thread.sleep(50);
		assertTrue(Thread.activeCount() <= before, "worker threads left running");
	}

	private static double peak(float[][] x) {
		double p = 0;
		for (float[] c : x) {
			for (float v : c) {
				p = Math.max(p, Math.abs(v));
			}
		}
		return p;
	}

	@Test
	void aSilentMasterIsZeroNotNegativeZero() throws GraphException, IOException {
		// gain -inf on the master: every sample is +0.0, which a null test against zeros relies on
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null, Double.NEGATIVE_INFINITY, 0, false, false, false)
				.track("t", "Master", Mix.noise(3, 1, 100));
		float[][] out = mix.render(32, 2);
		assertArrayEquals(new float[100], out[0]);
		assertArrayEquals(new float[100], out[1]);
	}
}
