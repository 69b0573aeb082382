package org.mixtree.views.editors.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.engine.GraphDescription;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.mixer.MixerConsole;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;
import org.mixtree.ui.testing.XTest;
import org.mixtree.views.dynamics.TransferAxes;
import org.mixtree.views.dynamics.TransferCurveView;
import org.mixtree.views.eq.EqAxes;
import org.mixtree.views.eq.EqEditorView;

/**
 * The effect editors in the real workbench under Xvfb, playing into a private JACK server, driven with real X
 * mouse and key events (XTest): the console opens an EQ insert's editor and the curve editor shows instead of the
 * generic one; dragging a band's handle changes nothing in the model until mouse-up while the engine plays the
 * moving values, then one command sets the frequency and gain the pixel mapping gives for where the mouse let go,
 * and the live session plays them; Ctrl+Z restores model and engine. The wheel changes a band's Q in one command, a
 * double-click resets its gain. The same for the compressor's threshold. Screenshots of each editor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorsInWorkbenchTest {
	static final String EDITOR_WINDOW = "org.mixtree.ui.views.host.internal.EffectEditors";
	private static JackServer jack;
	private static XTest x;
	private static RunningWorkbench wb;
	private static MixerConsole console;
	private static Track vocal, bass;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Screenshots.target().resolve("editors-session");
		if (Files.exists(dir)) {
			try (Stream<Path> old = Files.walk(dir)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		var domain = SessionEditing.createEditingDomain();
		Path file = dir.resolve("editors.mixtree");
		Session session = SessionEditing.create(domain, file, "editors", 48000);
		writeNoise(dir.resolve("vocal.wav"));
		writeSine(dir.resolve("bass.wav"), 110, 0.5);
		track(domain, session, "Vocal", "vocal.wav");
		track(domain, session, "Bass", "bass.wav");
		Track v = session.getTracks().get(0);
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, v, "org.mixtree.eq", Map.ofEntries(
				Map.entry("b1.type", 4.0), Map.entry("b1.freq", 80.0), Map.entry("b3.type", 1.0),
				Map.entry("b3.freq", 400.0), Map.entry("b3.gain", -3.0), Map.entry("b3.q", 1.4),
				Map.entry("b5.type", 1.0), Map.entry("b5.freq", 1000.0), Map.entry("b5.gain", 4.0),
				Map.entry("b5.q", 1.0), Map.entry("b8.type", 3.0), Map.entry("b8.freq", 9000.0),
				Map.entry("b8.gain", 3.0)), -1, null));
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, session.getTracks().get(1),
				"org.mixtree.compressor", Map.of("threshold", -18.0, "ratio", 4.0, "knee", 6.0), -1, null));
		SessionStore.save(session, file);
		jack = new JackServer("-editors");
		x = new XTest();
		wb = new RunningWorkbench(file, "jack");
		wb.ui(() -> {
			wb.mainShell().setBounds(0, 0, 1580, 980);
			return null;
		});
		wb.waitFor(20_000, "the console", () -> wb.ui(() -> {
			Control c = RunningWorkbench.find(wb.mainShell(),
					k -> k instanceof Canvas && k.getData(MixerConsole.class.getName()) != null);
			console = c == null ? null : (MixerConsole) c.getData(MixerConsole.class.getName());
			return console != null && !console.factsPending();
		}));
		vocal = wb.session.session().getTracks().get(0);
		bass = wb.session.session().getTracks().get(1);
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(0, ' ');
		wb.waitFor(20_000, "Space to play the live session", wb.playback::isPlaying);
		assertTrue(live().awaitIdle(5000));
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (x != null) {
				x.close();
			}
			if (wb != null) {
				wb.close();
			}
		} finally {
			if (jack != null) {
				jack.close();
			}
		}
	}

	@org.junit.jupiter.api.AfterEach
	void closeEditors() {
		wb.ui(() -> {
			for (Shell sh : wb.display().getShells()) {
				if (sh.getData(EDITOR_WINDOW) != null) {
					sh.dispose();
				}
			}
			return null;
		});
	}

	@Test
	@Order(1)
	void theEqCurveEditorDragsABandAndUndoRestoresModelAndEngine() throws Exception {
		Insert eq = wb.ui(() -> vocal.getInserts().get(0));
		Shell window = open(eq, "EQ curve");
		EqEditorView view = wb.ui(() -> (EqEditorView) RunningWorkbench.find(window,
				c -> c.getData(EqEditorView.CANVAS) != null).getData(EqEditorView.CANVAS));
		assertNotNull(view, "the EQ curve editor, not the generic one");
		Canvas canvas = (Canvas) wb.ui(() -> RunningWorkbench.find(window, c -> c.getData(EqEditorView.CANVAS) != null));
		wb.waitFor(10_000, "the channel's spectrum behind the curve", () -> wb.ui(view::spectrumFrames) > 3);
		shot(window, "eq-editor");

		// drag band 5 (1 kHz, +4 dB) right and up
		Point from = wb.ui(() -> canvas.toDisplay(view.handle(5)));
		Point to = new Point(from.x + 140, from.y - 60);
		Command before = undoable();
		x.move(from.x, from.y);
		pause(100);
		x.button(1, true);
		pause(50);
		for (int i = 1; i <= 10; i++) {
			x.move(from.x + (to.x - from.x) * i / 10, from.y + (to.y - from.y) * i / 10);
			pause(30);
		}
		wb.settle();
		// mid-gesture: the engine plays the moving value, the model has not changed
		assertEquals(1000.0, param(eq, "b5.freq"), 0.0, "no command before mouse-up");
		assertTrue(live().awaitIdle(5000));
		double livePreview = engine("track/Vocal").inserts().get(0).parameters().get("b5.freq");
		assertTrue(livePreview > 1500, "the engine hears the handle while it moves: " + livePreview);
		shot(window, "eq-editor-dragging");
		x.button(1, false);
		pause(150);
		wb.settle();

		EqAxes axes = wb.ui(view::axes);
		Point release = wb.ui(() -> canvas.toControl(to));
		double expectedHz = axes.hz(release.x), expectedDb = axes.db(release.y);
		// one pixel is a 1/(width/ln 1000) step of frequency and 36/height dB: allow a pixel and a half
		double hzTol = Math.log(1000) / axes.width() * 1.5, dbTol = 36.0 / axes.height() * 1.5;
		assertEquals(0.0, Math.log(param(eq, "b5.freq") / expectedHz), hzTol,
				"b5.freq " + param(eq, "b5.freq") + " Hz where the mouse let go (" + expectedHz + ")");
		assertEquals(expectedDb, param(eq, "b5.gain"), dbTol, "b5.gain where the mouse let go");
		Command drag = undoable();
		assertNotSame(before, drag, "the drag made a command");
		GraphDescription.Channel played = engine("track/Vocal");
		assertEquals(param(eq, "b5.freq"), played.inserts().get(0).parameters().get("b5.freq"), 1e-9, "the engine plays it");
		assertEquals(param(eq, "b5.gain"), played.inserts().get(0).parameters().get("b5.gain"), 1e-9);
		shot(window, "eq-editor-dragged");

		key('z', SWT.CTRL, window);
		assertSame(before, undoable(), "one command: one Ctrl+Z undoes the whole drag");
		assertEquals(1000.0, param(eq, "b5.freq"), 0.0, "Ctrl+Z restores the model");
		assertEquals(4.0, param(eq, "b5.gain"), 0.0);
		played = engine("track/Vocal");
		assertEquals(1000.0, played.inserts().get(0).parameters().get("b5.freq"), 1e-9, "and the engine");
		assertEquals(4.0, played.inserts().get(0).parameters().get("b5.gain"), 1e-9);

		// the wheel over band 3: Q up a sixth of an octave per notch, one command when the wheel rests
		Point b3 = wb.ui(() -> canvas.toDisplay(view.handle(3)));
		x.move(b3.x, b3.y);
		pause(100);
		x.button(4, true);
		x.button(4, false);
		pause(60);
		x.button(4, true);
		x.button(4, false);
		pause(700);
		wb.settle();
		assertEquals(1.4 * Math.pow(2, 2 / 6.0), param(eq, "b3.q"), 1e-9, "two notches up");
		Command wheel = undoable();
		assertNotSame(before, wheel, "the wheel made a command");
		// a double-click on band 3 resets its gain
		x.button(1, true);
		pause(15);
		x.button(1, false);
		pause(40);
		x.button(1, true);
		pause(15);
		x.button(1, false);
		pause(300);
		wb.settle();
		assertEquals(0.0, param(eq, "b3.gain"), 0.0, "double-click: 0 dB");
		key('z', SWT.CTRL, window);
		assertSame(wheel, undoable(), "the double-click was one command");
		assertEquals(-3.0, param(eq, "b3.gain"), 0.0);
		assertEquals(1.4 * Math.pow(2, 2 / 6.0), param(eq, "b3.q"), 1e-9, "the wheel's Q still");
		key('z', SWT.CTRL, window);
		assertSame(before, undoable(), "the two wheel notches were one command");
		assertEquals(-3.0, param(eq, "b3.gain"), 0.0);
		assertEquals(1.4, param(eq, "b3.q"), 1e-12);
		wb.ui(() -> {
			window.dispose();
			return null;
		});
	}

	@Test
	@Order(2)
	void theCompressorsThresholdDragsOnTheCurveAndUndoes() throws Exception {
		Insert comp = wb.ui(() -> bass.getInserts().get(0));
		Shell window = open(comp, "Compressor curve");
		TransferCurveView view = wb.ui(() -> (TransferCurveView) RunningWorkbench.find(window,
				c -> c.getData(TransferCurveView.CANVAS) != null).getData(TransferCurveView.CANVAS));
		assertNotNull(view, "the transfer-curve editor");
		Canvas canvas = (Canvas) wb.ui(() -> RunningWorkbench.find(window, c -> c.getData(TransferCurveView.CANVAS) != null));
		wb.waitFor(10_000, "the gain reduction of the -6 dBFS bass", () -> wb.ui(view::shownReductionDb) > 3);
		shot(window, "compressor-editor");

		Point from = wb.ui(() -> canvas.toDisplay(view.handle(TransferCurveView.THRESHOLD)));
		Point to = new Point(from.x - 70, from.y);
		Command before = undoable();
		x.move(from.x, from.y);
		pause(100);
		x.button(1, true);
		pause(50);
		for (int i = 1; i <= 8; i++) {
			x.move(from.x + (to.x - from.x) * i / 8, from.y);
			pause(30);
		}
		wb.settle();
		assertEquals(-18.0, param(comp, "threshold"), 0.0, "no command before mouse-up");
		x.button(1, false);
		pause(150);
		wb.settle();
		TransferAxes axes = wb.ui(view::axes);
		double expected = axes.inDb(wb.ui(() -> canvas.toControl(to)).x);
		double perPixel = (TransferAxes.HIGH_DB - TransferAxes.LOW_DB) / axes.size();
		assertEquals(expected, param(comp, "threshold"), 1.5 * perPixel, "the threshold where the mouse let go");
		assertNotSame(before, undoable(), "the drag made a command");
		assertEquals(param(comp, "threshold"), engine("track/Bass").inserts().get(0).parameters().get("threshold"), 1e-9,
				"the engine plays it");
		shot(window, "compressor-editor-dragged");
		key('z', SWT.CTRL, window);
		assertSame(before, undoable(), "one Ctrl+Z undoes the drag");
		assertEquals(-18.0, param(comp, "threshold"), 0.0, "Ctrl+Z restores the model");
		assertEquals(-18.0, engine("track/Bass").inserts().get(0).parameters().get("threshold"), 1e-9, "and the engine");
		wb.ui(() -> {
			window.dispose();
			return null;
		});
	}

	/** Opens an insert's editor as the console does and returns its window: the installed editor, not the generic one. */
	private static Shell open(Insert insert, String viewName) throws Exception {
		assertNull(wb.ui(() -> console.openEditor(insert)), "an installed editor instead of the generic one");
		assertFalse(wb.ui(() -> console.editors().containsKey(insert)));
		Shell window = wb.ui(() -> {
			for (Shell sh : wb.display().getShells()) {
				if (sh.getData(EDITOR_WINDOW) != null && sh.isVisible() && sh.getText().startsWith(viewName)) {
					return sh;
				}
			}
			return null;
		});
		assertNotNull(window, "the editor's window");
		wb.ui(() -> {
			window.setBounds(120, 80, 980, 600);
			window.layout(true, true);
			return null;
		});
		wb.settle();
		pause(300);
		wb.settle();
		return window;
	}

	/** @return the command Ctrl+Z would undo now: one gesture is one command when it changes once and one undo brings it back */
	private static Command undoable() {
		return wb.ui(() -> wb.session.domain().getCommandStack().getUndoCommand());
	}

	private static double param(Insert insert, String id) {
		return wb.ui(() -> {
			for (ParameterValue v : insert.getParameters()) {
				if (id.equals(v.getId())) {
					return v.getValue();
				}
			}
			return Double.NaN;
		});
	}

	private static LiveSession live() {
		LiveSession l = wb.playback.live();
		assertNotNull(l, "the workbench plays a live session");
		return l;
	}

	private static GraphDescription.Channel engine(String id) throws InterruptedException {
		assertTrue(live().awaitIdle(5000));
		GraphDescription.Channel c = live().playing(id);
		assertNotNull(c, id + " in the plan");
		return c;
	}

	/** A key by X keysym with SWT.CTRL held, the pointer over {@code over} (Xvfb has no window manager). */
	private static void key(long keysym, int modifiers, Shell over) {
		wb.pointAt(over);
		if ((modifiers & SWT.CTRL) != 0) {
			x.key(XTest.XK_CONTROL_L, true);
		}
		pause(20);
		x.key(keysym, true);
		pause(20);
		x.key(keysym, false);
		pause(20);
		if ((modifiers & SWT.CTRL) != 0) {
			x.key(XTest.XK_CONTROL_L, false);
		}
		pause(120);
		wb.settle();
	}

	/** Saves what the screen shows of the editor window's client area as target/screenshots/NAME.png. */
	private static void shot(Shell window, String name) throws Exception {
		wb.settle();
		wb.ui(() -> Screenshots.save(wb.display(), wb.display().map(window, null, window.getClientArea()), name));
	}

	private static void pause(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void track(EditingDomain domain, Session session, String name, String wav) {
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(wav);
		SessionCommands.execute(domain, SessionCommands.addTrack(domain, session, t));
	}

	/** 60 s of pink-ish noise (Paul Kellet's filter), a spectrum that looks like music's slope. */
	private static void writeNoise(Path file) throws Exception {
		int n = 48000 * 60;
		float[][] buf = new float[1][n];
		java.util.Random r = new java.util.Random(11);
		double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
		for (int i = 0; i < n; i++) {
			double w = r.nextGaussian() * 0.05;
			b0 = 0.99886 * b0 + w * 0.0555179;
			b1 = 0.99332 * b1 + w * 0.0750759;
			b2 = 0.96900 * b2 + w * 0.1538520;
			b3 = 0.86650 * b3 + w * 0.3104856;
			b4 = 0.55000 * b4 + w * 0.5329522;
			b5 = -0.7616 * b5 - w * 0.0168980;
			double pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
			b6 = w * 0.115926;
			buf[0][i] = (float) Math.max(-1, Math.min(1, pink));
		}
		try (WavWriter w = new WavWriter(file, 1, 48000, SampleFormat.S16, 1)) {
			w.write(buf, 0, n);
		}
	}

	private static void writeSine(Path file, double hz, double amplitude) throws Exception {
		int n = 48000 * 60;
		float[][] buf = new float[1][n];
		for (int i = 0; i < n; i++) {
			buf[0][i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 48000.0));
		}
		try (WavWriter w = new WavWriter(file, 1, 48000, SampleFormat.S16, 1)) {
			w.write(buf, 0, n);
		}
	}
}
