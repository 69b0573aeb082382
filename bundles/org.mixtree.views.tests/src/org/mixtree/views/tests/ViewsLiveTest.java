package org.mixtree.views.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.examples.views.CorrelationStrip;
import org.mixtree.model.Track;
import org.mixtree.ui.views.ViewKind;
import org.mixtree.views.loudness.LoudnessView;
import org.mixtree.views.loudness.analysis.LoudnessReadout;
import org.mixtree.views.spectrum.SpectrumView;
import org.mixtree.views.spectrum.analysis.SpectrumWorker;
import org.mixtree.views.stereo.StereoView;
import org.mixtree.views.waveform.WaveformView;
import org.mixtree.views.waveform.analysis.Overview;

/**
 * The four visualisation views created from their declarations, each in a real Shell under Xvfb, reading a real
 * {@link org.mixtree.engine.realtime.Player} that plays the {@link Rig}'s session through a private JACK server
 * (dummy driver): the loudness view shows EBU Tech 3341 case 1 as -23.0 LUFS from the engine's meter; the spectrum of
 * a 1 kHz sine read through the engine's tap peaks at 1 kHz within one bin at the level the Hann window gives, and
 * nothing runs while the view is hidden; the goniometer draws L = R vertical and L = -R horizontal with the meter's
 * correlation at +1 and -1, and so does the third party's example correlation strip; the waveform's min/max per column equal numpy's, a click locates the transport, a drag
 * sets the loop. Screenshots of each under target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsLiveTest {
	private static final String EXAMPLE = "org.mixtree.examples.views.correlation";
	private static Path dir;
	private static Rig rig;

	@BeforeAll
	static void start() throws Exception {
		dir = Files.createTempDirectory("mixtree-views-");
		rig = new Rig(dir);
		rig.play();
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (rig != null) {
				rig.close();
			}
		} finally {
			Display d = Display.getCurrent();
			if (d != null && !d.isDisposed()) {
				d.dispose();
			}
		}
	}

	@Test
	@Order(0)
	void theFourViewsAreDeclaredAsVisualisations() {
		for (String id : List.of("org.mixtree.views.spectrum", "org.mixtree.views.loudness", "org.mixtree.views.stereo",
				"org.mixtree.views.waveform")) {
			IConfigurationElement e = Rig.declaration(id);
			assertEquals(ViewKind.VISUALISATION, ViewKind.of(e.getAttribute("kind")), id);
			assertEquals(id, e.getContributor().getName(), "each view comes from its own bundle");
			assertNotNull(e.getAttribute("name"));
		}
	}

	@Test
	@Order(1)
	void theLoudnessViewShowsTech3341CaseOneAsMinus23Lufs() throws Exception {
		Track case1 = rig.track("Case 1");
		rig.select(case1);
		LoudnessView view = rig.host("org.mixtree.views.loudness", LoudnessView.class, 900, 380);
		assertEquals(case1, view.channel());
		// the momentary (400 ms) and short-term (3 s) windows are still full of the tone just before its 20 s end
		rig.until(() -> rig.player.position() >= (long) (19.6 * Rig.RATE), 40_000, "19.6 s of case 1 played");
		rig.spin(150);
		LoudnessReadout ro = view.readout();
		MeterSnapshot m = rig.context.meter(case1);
		// Tech 3341 case 1: M, S and I read -23.0 +- 0.1 LU; the view prints the engine's meter
		assertEquals(-23.0, m.integratedLufs(), 0.1, "the engine's integrated loudness");
		assertEquals("-23.0 LUFS", ro.integrated(), "the integrated loudness shown");
		assertEquals("-23.0 LUFS", ro.momentary(), "the momentary loudness shown");
		assertEquals("-23.0 LUFS", ro.shortTerm(), "the short-term loudness shown");
		assertEquals("-23.0 LUFS", ro.target());
		assertEquals("+0.0 LU", ro.toTarget());
		assertEquals("0.0 LU", ro.range(), "a steady tone has no loudness range");
		// a 1 kHz sine at -23 dBFS: true peak -23 dBTP, within the tolerance Tech 3341 gives true-peak meters (+0.2/-0.4)
		assertTrue(m.truePeakDbtp() >= -23.4 && m.truePeakDbtp() <= -22.8, "true peak " + m.truePeakDbtp() + " dBTP");
		assertEquals(LoudnessReadout.value(m.truePeakDbtp(), "dBTP"), ro.truePeak(), "the true peak shown is the meter's");
		assertTrue(view.history().size() >= 100, "a scrolling history: " + view.history().size() + " ticks");
		int steady = 0;
		for (int i = view.history().size() - 30; i < view.history().size(); i++) {
			if (Math.abs(view.history().shortTerm(i) + 23.0) <= 0.1) {
				steady++;
			}
		}
		assertEquals(30, steady, "the last 3 s of short-term history at -23.0");
		rig.screenshot(view.canvas().getShell(), "loudness-tech3341-case1");
		rig.close(view, view.canvas());
	}

	@Test
	@Order(2)
	void theSpectrumOfAOneKilohertzSineThroughTheTapPeaksAtOneKilohertzAndAPinnedChannelIsCompared() throws Exception {
		Track tone = rig.track("Tone 1k"), noise = rig.track("Noise");
		rig.select(noise);
		SpectrumView view = rig.host("org.mixtree.views.spectrum", SpectrumView.class, 1000, 480);
		// pin Noise with a click on the pin chip, then select the tone: the tone is analysed, Noise is compared
		Rectangle pin = view.chipBounds("pin");
		rig.click(view.canvas(), pin.x + pin.width / 2, pin.y + pin.height / 2);
		rig.select(tone);
		assertEquals("unpin Noise", view.chipLabels().get(4));
		String toneId = tone.getAddress(), noiseId = noise.getAddress();
		rig.until(() -> {
			SpectrumWorker.Result a = view.latest(SpectrumWorker.MAIN), b = view.latest(SpectrumWorker.PINNED);
			return a != null && a.channelId().equals(toneId) && a.sequence() >= 3 && b != null && b.channelId().equals(noiseId);
		}, 10_000, "spectra of the tone and of the pinned noise");
		SpectrumWorker.Result r = view.latest(SpectrumWorker.MAIN);
		assertEquals(8192, (r.db().length - 1) * 2, "the default size");
		int peak = AnalysisTest.argmax(r.db());
		double exact = 1000.0 / r.binHz();
		assertTrue(Math.abs(peak - exact) <= 1.0, "peak at " + peak * r.binHz() + " Hz: within one bin of 1 kHz");
		// the tone is -6 dBFS on both sides, the strip at 0 dB and centred (balance: unity)
		assertEquals(Rig.TONE_DB + AnalysisTest.hannResponseDb(peak - exact), r.db()[peak], 0.05, "level at the peak bin");
		// the click on the slope chip: 3 dB/oct, drawn (the numbers are AnalysisTest's)
		Rectangle slope = view.chipBounds("slope");
		rig.click(view.canvas(), slope.x + slope.width / 2, slope.y + slope.height / 2);
		rig.until(() -> view.slope() == 3.0, 2000, "the slope chip at 3 dB/oct (" + view.chipLabels() + ")");
		rig.click(view.canvas(), slope.x + slope.width / 2, slope.y + slope.height / 2);
		rig.until(() -> view.slope() == 4.5, 2000, "the slope chip at 4.5 dB/oct (" + view.chipLabels() + ")");
		rig.spin(600);
		rig.screenshot(view.canvas().getShell(), "spectrum-tone-vs-pinned-noise");

		// hidden: the worker stops and the taps close, so the audio thread copies nothing; shown: it starts again
		assertTrue(view.analysing());
		assertFalse(rig.player.tappedChannels().isEmpty());
		view.canvas().getParent().setVisible(false);
		rig.until(() -> !view.analysing(), 3000, "the worker to stop when hidden");
		assertEquals(List.of(), rig.context.openTaps(), "no tap open while hidden");
		assertEquals(List.of(), rig.player.tappedChannels(), "the audio thread copies nothing");
		view.canvas().getParent().setVisible(true);
		rig.until(view::analysing, 3000, "the worker to start when shown again");
		rig.until(() -> rig.player.tappedChannels().size() == 2, 3000, "the two taps again");
		rig.close(view, view.canvas());
		assertEquals(List.of(), rig.context.openTaps(), "disposed: no tap left open");
	}

	@Test
	@Order(3)
	void theGoniometerDrawsMonoVerticalAndInvertedHorizontalWithTheMetersCorrelation() throws Exception {
		rig.select(rig.track("Mono"));
		StereoView view = rig.host("org.mixtree.views.stereo", StereoView.class, 520, 600);
		rig.until(() -> view.points().length > 100 && view.correlation() > 0.99, 5000, "mono frames and correlation");
		int[] spread = spread(view.points());
		Rectangle s = view.scope();
		int cx = s.x + s.width / 2, cy = s.y + s.height / 2;
		assertTrue(spread[0] >= cx - 1 && spread[1] <= cx + 1, "L = R: every point on the vertical axis: x in " + spread[0] + ".."
				+ spread[1] + ", centre " + cx);
		assertTrue(spread[3] - spread[2] > s.height / 3, "L = R: a long vertical line: y " + spread[2] + ".." + spread[3]);
		assertEquals(1.0, view.correlation(), 0.01, "the engine meter's correlation");
		rig.screenshot(view.canvas().getShell(), "stereo-mono");

		rig.select(rig.track("Wide"));
		rig.until(() -> view.correlation() < -0.99, 5000, "the meter's correlation of L = -R");
		rig.spin(200);
		spread = spread(view.points());
		assertTrue(spread[2] >= cy - 1 && spread[3] <= cy + 1, "L = -R: every point on the horizontal axis: y in " + spread[2]
				+ ".." + spread[3] + ", centre " + cy);
		assertTrue(spread[1] - spread[0] > s.width / 3, "L = -R: a long horizontal line: x " + spread[0] + ".." + spread[1]);
		assertEquals(-1.0, view.correlation(), 0.01);
		rig.screenshot(view.canvas().getShell(), "stereo-inverted");

		// partly correlated: the meter reads (1 - a^2) / (1 + a^2) for side a times the mid (0.66; 300 ms windows of
		// noise: +- 0.08)
		rig.select(rig.track("Pad"));
		double a2 = Rig.PAD_SIDE * Rig.PAD_SIDE;
		rig.until(() -> Math.abs(view.correlation() - (1 - a2) / (1 + a2)) < 0.08, 5000,
				"the meter's correlation of the pad near " + (1 - a2) / (1 + a2) + " (" + view.correlation() + ")");
		rig.spin(300);
		rig.screenshot(view.canvas().getShell(), "stereo-pad");
		rig.close(view, view.canvas());
		assertEquals(List.of(), rig.context.openTaps(), "disposed: no tap left open");
	}

	@Test
	@Order(4)
	void theWaveformIsNumpysMinMaxPerColumnAndAClickLocatesAndADragLoops() throws Exception {
		Track groove = rig.track("Groove");
		rig.select(groove);
		WaveformView view = rig.host("org.mixtree.views.waveform", WaveformView.class, 1000, 300);
		rig.until(() -> view.overview() != null, 10_000, "the overview");
		Overview o = view.overview();
		assertEquals(view.wave().width, o.columns(), "one column per pixel");
		assertEquals(12L * Rig.RATE, o.frames());
		double[][] numpy = numpyMinMax(dir.resolve("groove.wav"), o.columns());
		for (int c = 0; c < 2; c++) {
			for (int k = 0; k < o.columns(); k++) {
				// 16-bit PCM read as v / 32768 by both: equal to float rounding
				assertEquals(numpy[2 * c][k], o.min()[c][k], 1e-6, "min, channel " + c + ", column " + k);
				assertEquals(numpy[2 * c + 1][k], o.max()[c][k], 1e-6, "max, channel " + c + ", column " + k);
			}
		}
		// a click at 3/4 of the width locates the transport to 9 s (the track has no offset)
		Rectangle w = view.wave();
		int x = w.x + w.width * 3 / 4;
		long expected = Math.round(0.75 * o.frames());
		rig.click(view.canvas(), x, w.y + w.height / 2);
		assertEquals(null, rig.context.transport().loopRange(), "a click sets no loop");
		rig.until(() -> Math.abs(rig.player.position() - expected) < Rig.RATE / 2, 3000,
				"the transport located near " + expected + " (at " + rig.player.position() + ")");
		// a drag from 1/4 to 3/8 sets the loop to 3 s .. 4.5 s (the playhead stays where it is, as in any DAW)
		int x0 = w.x + w.width / 4, x1 = w.x + w.width * 3 / 8;
		rig.drag(view.canvas(), x0, w.y + 20, x1, w.y + 20, 10);
		rig.until(() -> rig.context.transport().loopRange() != null, 3000, "the drag to set a loop");
		long[] loop = rig.context.transport().loopRange();
		assertNotNull(loop, "the drag set a loop");
		double column = o.frames() / (double) w.width;
		assertEquals(3.0 * Rig.RATE, loop[0], column, "loop start: 1/4 of 12 s, within a column");
		assertEquals(4.5 * Rig.RATE, loop[1], column, "loop end: 3/8 of 12 s, within a column");
		// a click inside the loop locates there; the transport then wraps at the loop's end
		rig.click(view.canvas(), (x0 + x1) / 2, w.y + w.height / 2);
		rig.until(() -> rig.player.position() >= loop[0] && rig.player.position() < loop[1], 3000, "the transport in the loop");
		rig.spin(2000);
		long p = rig.player.position();
		assertTrue(p >= loop[0] && p < loop[1], "still in the 1.5 s loop 2 s later: " + p);
		rig.screenshot(view.canvas().getShell(), "waveform-loop");
		rig.context.transport().setLoop(null);
		rig.close(view, view.canvas());
	}

	/**
	 * The third party's example view ({@code org.mixtree.examples.views}), created from its declaration as the
	 * workbench creates it: for {@code Mono} (L = R) the strip's newest readings are +1, drawn green above the 0 line;
	 * for {@code Wide} (the right side's polarity inverted, L = -R) -1, drawn red below it. The pixels are read back from
	 * the X server. Tolerance: 0.01 on the meter's correlation of exact signals (300 ms windows of a 300 Hz sine).
	 */
	@Test
	@Order(5)
	void theExampleStripDrawsPlusOneForMonoAndMinusOneForInvertedPolarity() throws Exception {
		IConfigurationElement e = Rig.declaration(EXAMPLE);
		assertEquals(ViewKind.VISUALISATION, ViewKind.of(e.getAttribute("kind")));
		assertEquals("org.mixtree.examples.views", e.getContributor().getName());

		rig.play(); // from the start: the earlier tests moved the playhead
		rig.select(rig.track("Mono"));
		CorrelationStrip view = rig.host(EXAMPLE, CorrelationStrip.class, 900, 260);
		rig.until(() -> view.readings() >= CorrelationStrip.RATE_HZ, 5000, "a second of readings of Mono");
		assertEquals(1.0, view.latest(), 0.01, "L = R: correlation +1");
		ImageData shot = grab(view.canvas());
		Rectangle p = view.plotArea();
		int x = p.x + p.width - 3; // the newest readings' column
		RGB above = shot.palette.getRGB(shot.getPixel(x, view.y(0.6)));
		RGB below = shot.palette.getRGB(shot.getPixel(x, view.y(-0.6)));
		assertTrue(above.green > 90 && above.green > above.red + 30, "+1 drawn green above 0: " + above);
		assertTrue(below.red < 60 && below.green < 60, "nothing drawn below 0: " + below);
		rig.screenshot(view.canvas().getShell(), "example-correlation-mono");

		rig.select(rig.track("Wide"));
		assertTrue(view.readings() <= 2, "another channel starts a new strip: " + view.readings());
		rig.until(() -> view.readings() >= CorrelationStrip.RATE_HZ, 5000, "a second of readings of Wide");
		assertEquals(-1.0, view.latest(), 0.01, "L = -R: correlation -1");
		shot = grab(view.canvas());
		above = shot.palette.getRGB(shot.getPixel(x, view.y(0.6)));
		below = shot.palette.getRGB(shot.getPixel(x, view.y(-0.6)));
		assertTrue(below.red > 110 && below.red > below.green + 50, "-1 drawn red below 0: " + below);
		assertTrue(above.red < 60 && above.green < 60, "nothing drawn above 0: " + above);
		rig.screenshot(view.canvas().getShell(), "example-correlation-inverted");
		rig.close(view, view.canvas());
	}

	/** @return what the X server shows of the canvas, in canvas coordinates */
	private static ImageData grab(Canvas c) {
		rig.spin(150);
		Rectangle area = c.getClientArea();
		Point origin = c.toDisplay(0, 0);
		Image image = new Image(c.getDisplay(), area.width, area.height);
		GC gc = new GC(c.getDisplay());
		try {
			gc.copyArea(image, origin.x, origin.y);
		} finally {
			gc.dispose();
		}
		ImageData data = image.getImageData();
		image.dispose();
		return data;
	}

	/** @return {minX, maxX, minY, maxY} of the points */
	private static int[] spread(int[] pts) {
		int[] s = { Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE };
		for (int i = 0; i < pts.length; i += 2) {
			s[0] = Math.min(s[0], pts[i]);
			s[1] = Math.max(s[1], pts[i]);
			s[2] = Math.min(s[2], pts[i + 1]);
			s[3] = Math.max(s[3], pts[i + 1]);
		}
		return s;
	}

	/** numpy's min and max per column of a 16-bit stereo WAV: {min0, max0, min1, max1}[column]. */
	private static double[][] numpyMinMax(Path wav, int columns) throws Exception {
		String script = String.join("\n", "import sys, wave, numpy as np",
				"w = wave.open(sys.argv[1]); n = w.getnframes(); ch = w.getnchannels()",
				"x = np.frombuffer(w.readframes(n), dtype='<i2').reshape(-1, ch).astype(np.float64) / 32768.0",
				"W = int(sys.argv[2]); edges = (np.arange(W + 1) * n) // W",
				"for c in range(ch):",
				"    mins = [x[edges[k]:max(edges[k + 1], edges[k] + 1), c].min() for k in range(W)]",
				"    maxs = [x[edges[k]:max(edges[k + 1], edges[k] + 1), c].max() for k in range(W)]",
				"    print(' '.join(repr(float(v)) for v in mins)); print(' '.join(repr(float(v)) for v in maxs))");
		Process p = new ProcessBuilder("python3", "-c", script, wav.toString(), Integer.toString(columns)).redirectErrorStream(true)
				.start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), "python3 with numpy: " + out);
		List<double[]> rows = new ArrayList<>();
		for (String line : out.strip().split("\n")) {
			String[] parts = line.trim().split(" ");
			double[] v = new double[parts.length];
			for (int i = 0; i < parts.length; i++) {
				v[i] = Double.parseDouble(parts[i]);
			}
			rows.add(v);
		}
		assertEquals(4, rows.size(), "numpy printed min and max of two channels: " + out.substring(0, Math.min(200, out.length())));
		return rows.toArray(new double[0][]);
	}

	static String f(double v) {
		return String.format(Locale.ROOT, "%.2f", v);
	}
}
