package org.mixtree.ui.mixer;

import org.mixtree.testing.JackServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.session.Stems;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.mixer.internal.FaderLaw;
import org.mixtree.ui.mixer.internal.Strip;
import org.mixtree.ui.mixer.internal.StripGeometry;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.Robot;

/**
 * The console driven as a person drives it: real mouse and key events posted to the X display (Xvfb) on the
 * canvas, the model asserted after each gesture, each gesture one step on the one command stack.
 */
class MixerConsoleTest {
	/** One display at a time in a process on GTK: the workbench test makes its own on its UI thread. */
	@AfterAll
	static void disposeDisplay() {
		Display d = Display.getCurrent();
		if (d != null && !d.isDisposed()) {
			d.dispose();
		}
	}

	@TempDir
	Path dir;

	private Display display;
	private Shell shell;
	private Robot robot;
	private TestSessions s;
	private MixerConsole console;
	private CommandStack stack;

	@BeforeEach
	void open() throws Exception {
		display = Display.getDefault();
		robot = new Robot(display);
		s = new TestSessions(dir);
		stack = s.domain.getCommandStack();
		shell = new Shell(display);
		shell.setText("song - Mixtree");
		shell.setLayout(new FillLayout());
		console = new MixerConsole(shell, new ConsoleInput(s.domain, s.session, s.file, EffectRegistry.osgi(), null));
		shell.setBounds(20, 20, 1180, 860);
		shell.open();
		shell.forceActive();
		console.canvas().setFocus();
		robot.until(() -> !console.factsPending(), 10_000, "the engine's answers");
	}

	@AfterEach
	void close() {
		if (shell != null && !shell.isDisposed()) {
			shell.dispose();
		}
		robot.spin(50);
		robot.close();
	}

	private int index(Channel c) {
		int i = console.channels().indexOf(c);
		assertTrue(i >= 0, c.getName() + " is not shown: " + names());
		return i;
	}

	private List<String> names() {
		return console.channels().stream().map(Channel::getName).toList();
	}

	private Point centre(Channel c, Rectangle relative) {
		Rectangle r = console.stripRect(index(c), relative);
		return new Point(r.x + r.width / 2, r.y + r.height / 2);
	}

	private StripGeometry g() {
		return console.view().geometry;
	}

	private Strip strip(Channel c) {
		return console.view().strips.get(index(c));
	}

	private void settle() {
		robot.until(() -> !console.factsPending(), 10_000, "the engine's answers");
	}

	@Test
	void opensOnTheTopLevelBusesInConsoleOrderWithTheMasterAtTheRight() throws Exception {
		assertEquals(List.of("Drums", "Guitars", "FX", "Vocal", "Master"), names());
		assertEquals(List.of(), console.path());
		Strip drums = strip(s.drums);
		assertEquals("2 tracks", drums.info1);
		// the numbers info --json gives: plugins own / subtree, latency of the path in frames
		assertEquals("fx 0 / 0 \u00b7 0 smp", drums.info2);
		assertEquals("1 track \u00b7 3 buses", strip(s.session.getMaster()).info1);
		assertEquals("2 buses", strip(s.guitars).info1);
		assertNull(drums.silentBecause);
		robot.screenshot(shell, "console-top");
	}

	@Test
	void aFaderDragIsOneCommandAndOneUndoStep() {
		Point cap = centre(s.drums, g().cap(FaderLaw.position(0.0)));
		int travel = g().travelBottom - g().travelTop;
		robot.drag(console.canvas(), cap.x, cap.y, cap.x, cap.y - 60, 12, 0);
		double expected = FaderLaw.gain(FaderLaw.position(0.0) + 60.0 / travel);
		assertEquals(expected, s.drums.getGainDb(), 0.21, "the gain the fader was dragged to");
		assertTrue(s.drums.getGainDb() > 3, "60 px up from 0 dB is several dB: " + s.drums.getGainDb());
		assertTrue(stack.canUndo());
		stack.undo();
		assertEquals(0.0, s.drums.getGainDb());
		assertFalse(stack.canUndo(), "the whole drag was one command");
		stack.redo();
		assertEquals(expected, s.drums.getGainDb(), 0.21);
	}

	@Test
	void shiftDragsTenTimesFiner() {
		Point cap = centre(s.drums, g().cap(FaderLaw.position(0.0)));
		robot.drag(console.canvas(), cap.x, cap.y, cap.x, cap.y - 60, 12, SWT.SHIFT);
		int travel = g().travelBottom - g().travelTop;
		double coarse = FaderLaw.gain(FaderLaw.position(0.0) + 60.0 / travel);
		double fine = s.drums.getGainDb();
		assertTrue(fine > 0 && fine < coarse / 5, "fine " + fine + " dB against coarse " + coarse + " dB");
	}

	@Test
	void ctrlClickResetsToZeroAndDoubleClickTypesAValue() {
		Point value = centre(s.guitars, g().value);
		robot.doubleClick(console.canvas(), value.x, value.y);
		Text overlay = console.overlay();
		assertNotNull(overlay, "double-click opens a field over the value");
		robot.ctrl('a');
		robot.type("-7.5");
		robot.key(SWT.CR);
		assertEquals(-7.5, s.guitars.getGainDb());
		assertNull(console.overlay());
		Point cap = centre(s.guitars, g().cap(FaderLaw.position(-7.5)));
		robot.click(console.canvas(), cap.x, cap.y, 1, SWT.CTRL);
		assertEquals(0.0, s.guitars.getGainDb());
		stack.undo();
		assertEquals(-7.5, s.guitars.getGainDb());
	}

	@Test
	void panDragsAndResets() {
		Rectangle pan = console.stripRect(index(s.vocal), g().pan);
		int cx = pan.x + g().panCx() - g().pan.x, cy = pan.y + g().panCy() - g().pan.y;
		robot.drag(console.canvas(), cx, cy, cx + 45, cy, 9, 0);
		assertEquals(0.3, s.vocal.getPan(), 0.021);
		robot.click(console.canvas(), cx, cy, 1, SWT.CTRL);
		assertEquals(0.0, s.vocal.getPan());
		stack.undo();
		stack.undo();
		assertEquals(0.0, s.vocal.getPan());
		assertFalse(stack.canUndo());
	}

	@Test
	void theKeyboardMovesTheSelectionTheFaderMuteAndSolo() {
		Point name = centre(s.drums, g().info1);
		robot.click(console.canvas(), name.x, name.y);
		assertEquals(s.drums, console.selection());
		robot.key(SWT.ARROW_RIGHT);
		assertEquals(s.guitars, console.selection());
		robot.type('=');
		robot.type('=');
		assertEquals(2.0, s.guitars.getGainDb());
		robot.type('-');
		assertEquals(1.0, s.guitars.getGainDb());
		robot.type('m');
		assertTrue(s.guitars.isMute());
		robot.type('s');
		assertTrue(s.guitars.isSolo());
		robot.key(SWT.ARROW_LEFT);
		assertEquals(s.drums, console.selection());
		robot.type('m');
		assertTrue(s.drums.isMute());
		for (int i = 0; i < 6; i++) {
			stack.undo();
		}
		assertFalse(stack.canUndo(), "each key was one command");
		assertEquals(0.0, s.guitars.getGainDb());
		assertFalse(s.guitars.isMute() || s.guitars.isSolo() || s.drums.isMute());
	}

	@Test
	void anOfflineStemIsMarkedAndARelinkBringsItBackAsOneUndoableStep() throws Exception {
		Path moved = java.nio.file.Files.createDirectories(dir.resolve("moved"));
		java.nio.file.Files.move(dir.resolve("kick.wav"), moved.resolve("kick.wav"));
		// any edit makes the console ask the engine again
		SessionCommands.execute(s.domain, SessionCommands.setGain(s.domain, s.kick, -1.0));
		console.openBus(s.drums);
		settle();
		Strip kick = strip(s.kick);
		assertTrue(kick.offline());
		assertEquals("offline: kick.wav is missing", kick.silentBecause);
		assertNull(strip(s.snare).silentBecause, "the other drum still plays");
		robot.moveTo(console.canvas(), centre(s.kick, g().info1).x, centre(s.kick, g().info1).y);
		robot.spin(100);
		assertTrue(console.canvas().getToolTipText().contains("silent: offline: kick.wav is missing"),
				console.canvas().getToolTipText());
		robot.screenshot(shell, "console-offline");

		Stems.Relink relink = Stems.relink(s.domain, s.session, s.file, moved, false, false);
		SessionCommands.execute(s.domain, relink.command());
		assertEquals("moved/kick.wav", s.kick.getSource());
		assertEquals(48000, s.kick.getSourceFrames(), "the relink records the stem's fingerprint");
		settle();
		assertFalse(strip(s.kick).offline());
		assertNull(strip(s.kick).silentBecause);
		stack.undo();
		assertEquals("kick.wav", s.kick.getSource(), "one undo takes the relink back");
		assertEquals(0, s.kick.getSourceFrames());
		settle();
		assertTrue(strip(s.kick).offline());
	}

	@Test
	void muteAndSoloButtonsAndASilentChannelSaysWhy() throws Exception {
		Point mute = centre(s.drums, g().buttons[0]);
		robot.click(console.canvas(), mute.x, mute.y);
		assertTrue(s.drums.isMute());
		settle();
		assertEquals("bus:Drums is muted", strip(s.drums).silentBecause);
		robot.moveTo(console.canvas(), centre(s.drums, g().info1).x, centre(s.drums, g().info1).y);
		robot.spin(100);
		assertTrue(console.canvas().getToolTipText().contains("silent: bus:Drums is muted"), console.canvas().getToolTipText());
		Point solo = centre(s.vocal, g().buttons[1]);
		robot.click(console.canvas(), solo.x, solo.y);
		assertTrue(s.vocal.isSolo());
		settle();
		assertNotNull(strip(s.guitars).silentBecause, "another solo silences Guitars");
		assertNull(strip(s.vocal).silentBecause);
		robot.screenshot(shell, "console-silent");
		stack.undo();
		stack.undo();
		settle();
		assertNull(strip(s.drums).silentBecause);
	}

	@Test
	void drillsIntoABusAndBack() throws Exception {
		Point name = centre(s.guitars, g().name);
		robot.doubleClick(console.canvas(), name.x, name.y);
		assertEquals(List.of(s.guitars), console.path());
		assertEquals(List.of("Acoustic", "Electric", "Guitars"), names());
		assertEquals(s.acoustic, console.selection());
		robot.screenshot(shell, "console-bus");
		robot.key(SWT.CR);
		assertEquals(List.of(s.guitars, s.acoustic), console.path());
		assertEquals(List.of("Acoustic L", "Acoustic"), names());
		robot.key(SWT.BS);
		assertEquals(List.of(s.guitars), console.path());
		assertEquals(s.acoustic, console.selection(), "going up selects the bus left");
		Point open = centre(s.electric, g().open);
		robot.click(console.canvas(), open.x, open.y);
		assertEquals(List.of(s.guitars, s.electric), console.path());
		// the breadcrumb leads back up: its first crumb is the master
		Rectangle crumb = console.view().crumbBounds.get(0);
		robot.click(console.canvas(), crumb.x + crumb.width / 2, crumb.y + crumb.height / 2);
		assertEquals(List.of(), console.path());
		robot.key(SWT.ESC);
		assertEquals(List.of(), console.path());
		Rectangle flat = console.view().flatToggle;
		robot.click(console.canvas(), flat.x + flat.width / 2, flat.y + flat.height / 2);
		assertTrue(console.isFlat());
		assertEquals(List.of("Kick", "Snare", "Acoustic L", "Electric DI", "Vocal", "Master"), names());
		robot.screenshot(shell, "console-flat");
		robot.key(SWT.ESC);
		assertFalse(console.isFlat());
	}

	@Test
	void draggingABusStripChangesTheConsoleOrder() {
		Point from = centre(s.drums, g().name);
		int pitch = StripGeometry.WIDTH + StripGeometry.GAP;
		robot.drag(console.canvas(), from.x, from.y, from.x + pitch + 20, from.y, 10, 0);
		assertEquals(List.of(s.guitars, s.drums, s.fx), SessionCommands.topLevelBuses(s.session));
		assertEquals(List.of("Guitars", "Drums", "FX", "Vocal", "Master"), names());
		stack.undo();
		robot.spin(100);
		assertEquals(List.of("Drums", "Guitars", "FX", "Vocal", "Master"), names());
		assertEquals(List.of(s.drums, s.guitars, s.fx), SessionCommands.topLevelBuses(s.session));
		assertFalse(stack.canUndo());
	}

	@Test
	void draggingATrackStripChangesTheOrderInsideTheBusAndInTheFlatView() {
		// inside Drums: Kick, Snare; Kick dragged by its name onto Snare takes Snare's place
		Point name = centre(s.drums, g().name);
		robot.doubleClick(console.canvas(), name.x, name.y);
		assertEquals(List.of("Kick", "Snare", "Drums"), names());
		int pitch = StripGeometry.WIDTH + StripGeometry.GAP;
		Point from = centre(s.kick, g().name);
		robot.drag(console.canvas(), from.x, from.y, from.x + pitch + 20, from.y, 10, 0);
		assertEquals(List.of("Snare", "Kick", "Drums"), names());
		assertEquals(List.of(s.snare, s.kick, s.acousticL, s.electricDi, s.vocal), s.session.getTracks(),
				"the session's track list: the console order");
		assertEquals("Move track:Kick to place 2", stack.getUndoCommand().getLabel(), "one command");
		stack.undo();
		robot.spin(100);
		assertEquals(List.of("Kick", "Snare", "Drums"), names());
		assertFalse(stack.canUndo(), "one undo step");

		// the flat view: Vocal dragged left onto Acoustic L, two strips over
		robot.key(SWT.ESC);
		Rectangle flat = console.view().flatToggle;
		robot.click(console.canvas(), flat.x + flat.width / 2, flat.y + flat.height / 2);
		assertTrue(console.isFlat());
		assertEquals(List.of("Kick", "Snare", "Acoustic L", "Electric DI", "Vocal", "Master"), names());
		from = centre(s.vocal, g().name);
		robot.drag(console.canvas(), from.x, from.y, from.x - 2 * pitch - 10, from.y, 10, 0);
		assertEquals(List.of("Kick", "Snare", "Vocal", "Acoustic L", "Electric DI", "Master"), names());
		assertEquals(List.of(s.kick, s.snare, s.vocal, s.acousticL, s.electricDi), s.session.getTracks());
		// a track is not dropped among the master: dragged far right it stops at the last track
		from = centre(s.kick, g().name);
		robot.drag(console.canvas(), from.x, from.y, from.x + 9 * pitch, from.y, 12, 0);
		assertEquals(List.of("Snare", "Vocal", "Acoustic L", "Electric DI", "Kick", "Master"), names());
		stack.undo();
		stack.undo();
		robot.spin(100);
		assertEquals(List.of("Kick", "Snare", "Acoustic L", "Electric DI", "Vocal", "Master"), names());
		assertFalse(stack.canUndo());
		robot.key(SWT.ESC);
	}

	/**
	 * The console on a live session playing through a private JACK server (dummy driver): an insert that outputs NaN
	 * (the example faulty effect, a real OSGi service) is taken out of the chain by the engine, and its slot on the
	 * Drums strip is marked faulted with the engine's reason once the meter timer sees the flag; the model is left as
	 * it is, and the rest of the mix plays on (every channel's meter reads the -12 dBFS stems' level, the master a
	 * finite one above -30 dBFS).
	 */
	@Test
	void aFaultingInsertIsMarkedOnItsStripWhileTheMixPlaysOnThroughJack() throws Exception {
		shell.dispose();
		TestSessions t = new TestSessions(dir.resolve("live"), 20);
		SessionCommands.execute(t.domain, SessionCommands.setStage(t.domain, t.session, MixStage.TRACKS));
		SessionCommands.execute(t.domain, SessionCommands.addInsert(t.domain, t.drums, "org.mixtree.test.faulty",
				java.util.Map.of("mode", 1.0), 0));
		org.mixtree.model.Insert faulty = t.drums.getInserts().get(0);
		try (JackServer jack = new JackServer("-fault")) {
			org.mixtree.session.LiveSession live = org.mixtree.session.LiveSession.open(t.session, t.file, t.domain,
					org.mixtree.session.AudioBackends.installed(), "jack", 256);
			try {
				shell = new Shell(display);
				shell.setLayout(new FillLayout());
				console = new MixerConsole(shell, new ConsoleInput(t.domain, t.session, t.file, EffectRegistry.osgi(),
						ConsoleEngine.of(live)));
				shell.setBounds(20, 20, 1180, 860);
				shell.open();
				int drums = console.channels().indexOf(t.drums);
				assertNull(console.view().strips.get(drums).slots.get(0).fault(), "no fault before playing");
				live.play();
				robot.until(() -> console.view().strips.get(drums).slots.get(0).fault() != null, 30_000,
						"the fault marked on Drums's slot");
				String fault = console.view().strips.get(drums).slots.get(0).fault();
				assertTrue(fault.matches("output NaN at \\d+\\.\\d{3} s"), fault);
				assertEquals(fault, live.fault("bus/Drums", 0), "the engine's reason");
				assertTrue(live.isPlaying(), "still playing");
				assertFalse(faulty.isBypass(), "the model is left as it is");
				robot.spin(800); // the meters' windows refilled
				for (String id : List.of("bus/Drums", "bus/Guitars", "track/Vocal", "master")) {
					double peak = live.meter(id).samplePeakDb();
					assertTrue(Double.isFinite(peak) && peak > -30, id + " plays on: peak " + peak + " dBFS");
				}
				for (int i = 0; i < console.view().strips.size(); i++) {
					for (Strip.Slot slot : console.view().strips.get(i).slots) {
						assertTrue(i == drums || slot.fault() == null, "only Drums's slot is faulted");
					}
				}
				robot.screenshot(shell, "console-fault");
			} finally {
				live.close();
			}
		}
	}

	/** Picks an item of the menu a click opened: GTK's menu is a window of its own, outside the canvas. */
	private void choose(Menu menu, Object data) {
		assertNotNull(menu, "the click opened a menu");
		robot.until(menu::isVisible, 3000, "the menu to show");
		MenuItem found = find(menu, data);
		assertNotNull(found, "menu item " + data);
		menu.setVisible(false);
		robot.spin(100);
		if ((found.getStyle() & SWT.RADIO) != 0) {
			for (MenuItem item : found.getParent().getItems()) {
				item.setSelection(item == found);
			}
		}
		found.notifyListeners(SWT.Selection, new Event());
		robot.spin(100);
	}

	private MenuItem find(Menu menu, Object data) {
		for (MenuItem item : menu.getItems()) {
			if (data.equals(item.getData())) {
				return item;
			}
			if (item.getMenu() != null) {
				MenuItem sub = find(item.getMenu(), data);
				if (sub != null) {
					return sub;
				}
			}
		}
		return null;
	}

	@Test
	void theOutputSelectorRoutesAndRefusesACycleWithTheModelsMessage() throws Exception {
		Point out = centre(s.guitars, g().output);
		robot.click(console.canvas(), out.x, out.y);
		choose(console.lastMenu(), s.acoustic);
		assertNull(s.guitars.getOutput(), "a route that closes a cycle is refused");
		assertEquals("refused: routing cycle bus:Guitars -> bus:Acoustic -> bus:Guitars", console.message());
		assertFalse(stack.canUndo());
		robot.screenshot(shell, "console-cycle-refused");
		Point name = centre(s.guitars, g().name);
		robot.doubleClick(console.canvas(), name.x, name.y);
		out = centre(s.electric, g().output);
		robot.click(console.canvas(), out.x, out.y);
		choose(console.lastMenu(), s.drums);
		assertEquals(s.drums, s.electric.getOutput());
		assertNull(console.message(), "a route that works clears the refusal");
		assertEquals(List.of("Acoustic", "Guitars"), names(), "Electric left Guitars");
		stack.undo();
		robot.spin(100);
		assertEquals(s.guitars, s.electric.getOutput());
		assertEquals(List.of("Acoustic", "Electric", "Guitars"), names());
	}

	@Test
	void addsAnEqAndChangesABandInTheGenericEditor() throws Exception {
		Point add = centre(s.drums, g().slot[0]);
		robot.click(console.canvas(), add.x, add.y);
		choose(console.lastMenu(), "org.mixtree.eq");
		assertEquals(1, s.drums.getInserts().size());
		Insert eq = s.drums.getInserts().get(0);
		assertEquals("org.mixtree.eq", eq.getEffectId());
		assertEquals(MixStage.BUSES, s.session.getMixStage(), "an insert added on a bus is heard");
		settle();
		assertEquals("fx 1 / 1 \u00b7 0 smp", strip(s.drums).info2);
		assertEquals("fx 1 / 1 \u00b7 0 smp", strip(s.session.getMaster()).info2.replace("fx 0 / 1", "fx 1 / 1"));
		Point slot = centre(s.drums, g().slot[0]);
		robot.click(console.canvas(), slot.x + 20, slot.y);
		ParameterEditor editor = console.editors().get(eq);
		assertNotNull(editor, "a click on the slot opens its parameters");
		robot.until(() -> editor.shell().isVisible(), 3000, "the editor");
		editor.shell().forceActive();
		robot.spin(200);
		Text type = editor.field("b1.type");
		robot.click(type, type.getSize().x / 2, type.getSize().y / 2);
		robot.ctrl('a');
		robot.type("peak");
		robot.key(SWT.CR);
		assertEquals(1.0, value(eq, "b1.type"), "band 1 is a peak now (step 1 of off, peak, ...): " + editor.status());
		Text gain = editor.field("b1.gain");
		robot.click(gain, gain.getSize().x / 2, gain.getSize().y / 2);
		robot.ctrl('a');
		robot.type("-4.5");
		robot.key(SWT.CR);
		assertEquals(-4.5, value(eq, "b1.gain"));
		robot.until(() -> "-4.50 dB".equals(gain.getText()), 2000, "the field to show the model's value, -4.50 dB");
		robot.screenshot(editor.shell(), "editor");
		stack.undo();
		assertTrue(Double.isNaN(value(eq, "b1.gain")), "undo takes the band's gain back to the default");
		robot.until(() -> "0.00 dB".equals(gain.getText()), 2000, "the editor to follow undo back to 0.00 dB");
		stack.redo();
		assertEquals(-4.5, value(eq, "b1.gain"));
		// bypass from the strip: the dot at the slot's left
		editor.shell().setVisible(false);
		shell.forceActive();
		robot.spin(200);
		Rectangle r = console.stripRect(index(s.drums), g().slot[0]);
		robot.click(console.canvas(), r.x + 9, r.y + r.height / 2);
		assertTrue(eq.isBypass());
		assertTrue(editor.bypassButton().getSelection());
		stack.undo();
		assertFalse(eq.isBypass());
	}

	private static double value(Insert insert, String id) {
		return insert.getParameters().stream().filter(p -> p.getId().equals(id)).mapToDouble(p -> p.getValue()).findFirst()
				.orElse(Double.NaN);
	}

	@Test
	void metersComeFromTheEngineAtDisplayRateAndLatchTheClip() {
		shell.dispose();
		double[] drums = { -3.0, -1.0, -9.0, -2.5, -14, -12.5, -13, 4, 0.8, 3.0 };
		double[] clip = { 0.0, 0.0, -4.0, 0.3, -10, -9, -9, 2, 0.9, 0.0 };
		ConsoleEngine engine = new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				double[] v = channelId.equals("bus/Drums") ? drums : channelId.equals("bus/FX") ? clip : null;
				if (v == null) {
					return false;
				}
				System.arraycopy(v, 0, into, 0, v.length);
				return true;
			}
		};
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		console = new MixerConsole(shell, new ConsoleInput(s.domain, s.session, s.file, EffectRegistry.osgi(), engine));
		shell.setBounds(20, 20, 1180, 860);
		shell.open();
		robot.until(() -> strip(s.drums).meter[0] == -3.0, 2000, "the meter timer");
		assertEquals(-12.5, strip(s.drums).meter[5]);
		assertFalse(strip(s.drums).clipped);
		assertTrue(strip(s.fx).clipped, "a peak at 0 dBFS latches the clip marker");
		Point mark = centre(s.fx, g().clip);
		robot.click(console.canvas(), mark.x, mark.y);
		robot.spin(200);
		assertFalse(strip(s.fx).clipped, "a click clears the marker; the same reading does not set it again");
		clip[0] = 0.4;
		robot.until(() -> strip(s.fx).clipped, 2000, "a new peak over 0 dBFS to latch the marker again");
	}
}
