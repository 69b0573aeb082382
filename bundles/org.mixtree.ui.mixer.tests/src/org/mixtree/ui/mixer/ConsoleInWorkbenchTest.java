package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.Plan;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.internal.TopBar;
import org.mixtree.ui.mixer.internal.FaderLaw;
import org.mixtree.ui.mixer.internal.StripGeometry;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;
import org.mixtree.ui.testing.XTest;

/**
 * The console in the real workbench ({@code ./mixtree open}'s {@code MixtreeWorkbench.run}, the console from this
 * bundle's model fragment) playing through a private JACK server, driven with real X input (XTEST pointer, buttons
 * and keys): drill into a bus and back, a fader moved with the mouse and with the keyboard, mute and solo, a re-route
 * with the output selector and a cycle refused, an EQ added and a band changed in the generic editor, stage and
 * focus from the top bar, each undone with Ctrl+Z and redone with Ctrl+Shift+Z; then Ctrl+S, Ctrl+Q and a new
 * workbench on the same file. After every step the test asserts the model and what the engine plays: the live
 * session's compiled plan ({@link Plan#silentBecause}, its description's routes, inserts and focus) with the values
 * sent through the player's parameter queue since ({@link LiveSession#playing}).
 * <p>
 * One workbench for the steps (its start is the slow part), a second for the reopen; the steps run in order and
 * each leaves the state the next one starts from.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInWorkbenchTest {

	private static JackServer jack;
	private static RunningWorkbench wb;
	private static XTest x;
	private static MixerConsole console;
	private static Path file;
	/** The Drums fader after the mouse drag: what the reopened session must hold. */
	private static double drumsGain;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Screenshots.target().resolve("console-session");
		if (Files.exists(dir)) {
			try (Stream<Path> old = Files.walk(dir)) {
				old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		TestSessions s = new TestSessions(dir);
		SessionStore.save(s.session, s.file);
		file = s.file;
		jack = new JackServer("-console");
		x = new XTest();
		open();
	}

	/** Starts a workbench on {@link #file}, finds its console and plays (the live session is what is asserted). */
	private static void open() throws Exception {
		wb = new RunningWorkbench(file, "jack");
		wb.ui(() -> {
			wb.mainShell().setBounds(0, 0, 1580, 980);
			return null;
		});
		wb.waitFor(20_000, "the console with the engine's answers", () -> wb.ui(() -> {
			console = find(wb.mainShell());
			return console != null && console.canvas().isVisible() && !console.factsPending();
		}));
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(0, ' ');
		try {
			wb.waitFor(20_000, "Space to play the live session", wb.playback::isPlaying);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + ": transport " + wb.playback.state() + ", " + wb.playback.message(), e);
		}
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

	@Test
	@Order(1)
	void drillsIntoABusAndBackWithoutTouchingTheEngine() throws Exception {
		assertEquals(List.of("Drums", "Guitars", "FX", "Vocal", "Master"), names());
		assertEquals(wb.session.session(), wb.ui(() -> console.channels().get(0).eContainer()),
				"the console shows the session service's session");
		Plan plan = live().plan();
		assertEquals(List.of(id("Drums"), id("Guitars"), id("FX")), plan.topLevelBuses(), "the plan's top-level buses");
		for (String name : List.of("Kick", "Snare", "Acoustic L", "Electric DI", "Vocal")) {
			assertNull(plan.silentBecause(id(name)), name + " is heard");
		}
		wb.screenshot("workbench-console-top");
		long compiles = live().compiles();

		doubleClick(at("Guitars", g -> g.name));
		wb.waitFor(3000, "the double-click to open Guitars", () -> wb.ui(() -> console.path().size() == 1));
		assertEquals(List.of("Acoustic", "Electric", "Guitars"), names());
		wb.screenshot("workbench-console-in-bus");
		key(XTest.XK_BACKSPACE, 0);
		wb.waitFor(3000, "Backspace to lead back up", () -> wb.ui(() -> console.path().isEmpty()));
		assertEquals(List.of("Drums", "Guitars", "FX", "Vocal", "Master"), names());
		assertTrue(live().awaitIdle(5000));
		assertEquals(compiles, live().compiles(), "drilling is a view of the mix: nothing compiled");
		assertFalse(wb.session.isDirty(), "and nothing changed");
	}

	@Test
	@Order(2)
	void aFaderDraggedWithTheMouseIsHeardAndUndoneAndRedoneAsOneStep() throws Exception {
		long compiles = live().compiles();
		Point cap = at("Drums", g -> g.cap(FaderLaw.position(0.0)));
		int travel = wb.ui(() -> console.view().geometry.travelBottom - console.view().geometry.travelTop);
		drag(cap, new Point(cap.x, cap.y - 60), 12);
		double expected = FaderLaw.gain(FaderLaw.position(0.0) + 60.0 / travel);
		wb.waitFor(3000, "the drag's command", () -> gain("Drums") != 0.0);
		drumsGain = gain("Drums");
		assertEquals(expected, drumsGain, 0.21, "the gain the fader was dragged to");
		assertEquals(drumsGain, engine(id("Drums")).gainDb(), 1e-9, "the engine plays the dragged gain");
		assertEquals(compiles, live().compiles(), "a fader compiles nothing");
		assertTrue(wb.title().startsWith("*"), "unsaved: " + wb.title());

		undo();
		wb.waitFor(3000, "Ctrl+Z to take the drag back", () -> gain("Drums") == 0.0);
		assertEquals(0.0, engine(id("Drums")).gainDb(), 1e-9, "the engine plays the undone fader");
		assertEquals("song - Mixtree", wb.title(), "the whole drag was one step: back at the saved state");
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z to redo the drag", () -> gain("Drums") == drumsGain);
		assertEquals(drumsGain, engine(id("Drums")).gainDb(), 1e-9, "the engine plays the redone fader");
		assertEquals(compiles, live().compiles(), "undo and redo of a fader compile nothing");
	}

	@Test
	@Order(3)
	void theKeyboardMovesAFaderOneStepPerKey() throws Exception {
		click(at("Guitars", g -> g.info1));
		wb.waitFor(3000, "the click to select Guitars", () -> wb.ui(() -> console.selection() != null && "Guitars".equals(console.selection().getName())));
		key('=', 0);
		key('=', 0);
		wb.waitFor(3000, "two '+' steps of 1 dB", () -> gain("Guitars") == 2.0);
		assertEquals(2.0, engine(id("Guitars")).gainDb(), 1e-9);
		undo();
		wb.waitFor(3000, "Ctrl+Z to take one step back", () -> gain("Guitars") == 1.0);
		assertEquals(1.0, engine(id("Guitars")).gainDb(), 1e-9, "each key is one step, in the engine too");
		undo();
		wb.waitFor(3000, "Ctrl+Z to take the other", () -> gain("Guitars") == 0.0);
		assertEquals(0.0, engine(id("Guitars")).gainDb(), 1e-9);
		redo();
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z twice", () -> gain("Guitars") == 2.0);
		assertEquals(2.0, engine(id("Guitars")).gainDb(), 1e-9);
	}

	@Test
	@Order(4)
	void muteAndSoloSilenceWhatThePlanSaysAndUndoBringsItBack() throws Exception {
		long swaps = live().swaps();
		click(at("Drums", g -> g.buttons[0]));
		wb.waitFor(3000, "the click to mute Drums", () -> wb.ui(() -> channel("Drums").isMute()));
		assertTrue(engine(id("Drums")).mute(), "the plan mutes Drums");
		assertEquals("bus:Drums is muted", silent(id("Drums")));
		assertEquals("its output bus:Drums is muted", silent(id("Kick")), "the plan silences what Drums carries");
		assertNull(silent(id("Guitars")));
		wb.waitFor(5000, "the mute's plan to reach the audio thread", () -> live().swaps() > swaps);
		undo();
		wb.waitFor(3000, "Ctrl+Z to unmute", () -> !wb.ui(() -> channel("Drums").isMute()));
		assertFalse(engine(id("Drums")).mute());
		assertNull(silent(id("Kick")), "Kick heard again");
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z to mute again", () -> wb.ui(() -> channel("Drums").isMute()));
		assertEquals("bus:Drums is muted", silent(id("Drums")));

		click(at("Vocal", g -> g.buttons[1]));
		wb.waitFor(3000, "the click to solo Vocal", () -> wb.ui(() -> channel("Vocal").isSolo()));
		assertTrue(engine(id("Vocal")).solo());
		assertNull(silent(id("Vocal")));
		assertNotNull(silent(id("Acoustic L")), "another solo silences Acoustic L in the plan");
		assertNull(silent(id("FX")), "the return Vocal sends to stays heard");
		wb.screenshot("workbench-console-solo");
		undo();
		wb.waitFor(3000, "Ctrl+Z to unsolo", () -> !wb.ui(() -> channel("Vocal").isSolo()));
		assertFalse(engine(id("Vocal")).solo());
		assertNull(silent(id("Acoustic L")));
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z to solo again", () -> wb.ui(() -> channel("Vocal").isSolo()));
		assertNotNull(silent(id("Acoustic L")));
		undo(); // the rest of the steps without the solo
		wb.waitFor(3000, "Ctrl+Z to unsolo", () -> !wb.ui(() -> channel("Vocal").isSolo()));
		assertNull(silent(id("Acoustic L")));
	}

	@Test
	@Order(5)
	void theOutputSelectorReroutesInTheEngineAndACycleIsRefused() throws Exception {
		long compiles = live().compiles();
		click(at("Guitars", g -> g.output));
		choose("Acoustic");
		assertEquals("refused: routing cycle bus:Guitars -> bus:Acoustic -> bus:Guitars", wb.ui(console::message));
		assertNull(wb.ui(() -> channel("Guitars").getOutput()), "the refused route left the model");
		assertEquals(live().plan().masterId(), engine(id("Guitars")).output(), "and the engine");
		assertEquals(compiles, live().compiles(), "a refusal compiles nothing");
		wb.screenshot("workbench-console-cycle-refused");

		doubleClick(at("Guitars", g -> g.name));
		wb.waitFor(3000, "the double-click to open Guitars", () -> wb.ui(() -> console.path().size() == 1));
		click(at("Electric", g -> g.output));
		choose("Drums");
		wb.waitFor(3000, "Electric routed to Drums", () -> "Drums".equals(outputOf("Electric")));
		assertEquals(id("Drums"), engine(id("Electric")).output(), "the plan routes Electric to Drums");
		assertTrue(live().plan().processingOrder().indexOf(id("Electric")) < live().plan().processingOrder()
				.indexOf(id("Drums")), "and processes it before Drums: " + live().plan().processingOrder());
		assertEquals("its output bus:Drums is muted", silent(id("Electric")), "Drums's mute now silences it");
		undo();
		wb.waitFor(3000, "Ctrl+Z to route Electric back", () -> "Guitars".equals(outputOf("Electric")));
		assertEquals(id("Guitars"), engine(id("Electric")).output());
		assertNull(silent(id("Electric")));
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z", () -> "Drums".equals(outputOf("Electric")));
		assertEquals(id("Drums"), engine(id("Electric")).output());
		key(XTest.XK_BACKSPACE, 0);
		wb.waitFor(3000, "back up", () -> wb.ui(() -> console.path().isEmpty()));
	}

	@Test
	@Order(6)
	void anEqAddedAndABandChangedInTheGenericEditorReachTheEngine() throws Exception {
		click(at("Drums", g -> g.slot[0]));
		choose("org.mixtree.eq");
		wb.waitFor(3000, "the EQ on Drums", () -> wb.ui(() -> channel("Drums").getInserts().size() == 1));
		assertEquals(MixStage.BUSES, wb.ui(() -> wb.session.session().getMixStage()), "an insert added on a bus is heard");
		GraphDescription.Insert eq = engine(id("Drums")).inserts().get(0);
		assertEquals("org.mixtree.eq", eq.effectId(), "the plan holds the EQ");
		assertNotNull(eq.factory(), "installed");
		assertFalse(eq.bypass(), "and plays it (the BUSES stage)");
		undo();
		wb.waitFor(3000, "Ctrl+Z to take the EQ out", () -> wb.ui(() -> channel("Drums").getInserts().isEmpty()));
		assertEquals(List.of(), engine(id("Drums")).inserts(), "the plan without it");
		assertEquals(MixStage.STATIC, wb.ui(() -> wb.session.session().getMixStage()), "one step: the stage too");
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z", () -> wb.ui(() -> channel("Drums").getInserts().size() == 1));
		assertEquals("org.mixtree.eq", engine(id("Drums")).inserts().get(0).effectId());

		Point slot = at("Drums", g -> g.slot[0]);
		click(new Point(slot.x + 20, slot.y));
		Insert insert = wb.ui(() -> channel("Drums").getInserts().get(0));
		wb.waitFor(3000, "the slot's editor", () -> wb.ui(() -> {
			ParameterEditor e = console.editors().get(insert);
			return e != null && e.shell().isVisible();
		}));
		ParameterEditor editor = wb.ui(() -> console.editors().get(insert));
		wb.ui(() -> {
			editor.shell().forceActive();
			return null;
		});
		typeInto(wb.ui(() -> editor.field("b1.type")), "peak");
		wb.waitFor(3000, "band 1 a peak", () -> value("b1.type") == 1.0);
		typeInto(wb.ui(() -> editor.field("b1.gain")), "-4.5");
		wb.waitFor(3000, "band 1 at -4.5 dB", () -> value("b1.gain") == -4.5);
		GraphDescription.Insert played = engine(id("Drums")).inserts().get(0);
		assertEquals(1.0, played.parameters().get("b1.type"), "the engine's band 1 type: " + played.parameters());
		assertEquals(-4.5, played.parameters().get("b1.gain"), "the engine's band 1 gain");
		wb.screenshot(wb.ui(editor::shell), "workbench-editor");

		wb.ui(() -> {
			editor.shell().setVisible(false);
			return null;
		});
		wb.pointAt(wb.ui(wb::mainShell));
		undo();
		wb.waitFor(3000, "Ctrl+Z to take the gain back", () -> Double.isNaN(value("b1.gain")));
		assertEquals(0.0, engine(id("Drums")).inserts().get(0).parameters().get("b1.gain"),
				"the engine back at the default, 0 dB");
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z", () -> value("b1.gain") == -4.5);
		assertEquals(-4.5, engine(id("Drums")).inserts().get(0).parameters().get("b1.gain"));
	}

	@Test
	@Order(7)
	void stageAndFocusFromTheTopBarAreWhatThePlanPlays() throws Exception {
		wb.click(bar("stage.STATIC"));
		wb.waitFor(3000, "STATIC", () -> stage() == MixStage.STATIC);
		assertTrue(engine(id("Drums")).inserts().get(0).bypass(), "STATIC bypasses the EQ in the plan");
		undo();
		wb.waitFor(3000, "Ctrl+Z back to BUSES", () -> stage() == MixStage.BUSES);
		assertFalse(engine(id("Drums")).inserts().get(0).bypass());
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z to STATIC", () -> stage() == MixStage.STATIC);
		assertTrue(engine(id("Drums")).inserts().get(0).bypass());
		wb.click(bar("stage.TRACKS"));
		wb.waitFor(3000, "TRACKS", () -> stage() == MixStage.TRACKS);
		assertFalse(engine(id("Drums")).inserts().get(0).bypass());

		wb.click(bar("focus.next"));
		wb.waitFor(3000, "the focus on Drums", () -> focus().equals(List.of("Drums")));
		assertEquals(List.of(id("Drums")), planFocus(), "the plan's focus");
		assertEquals("focus is on bus:Drums", silent(id("Guitars")));
		undo();
		wb.waitFor(3000, "Ctrl+Z: no focus", () -> focus().isEmpty());
		assertEquals(List.of(), planFocus());
		assertNull(silent(id("Guitars")));
		redo();
		wb.waitFor(3000, "Ctrl+Shift+Z: the focus again", () -> focus().equals(List.of("Drums")));
		assertEquals(List.of(id("Drums")), planFocus());
		wb.screenshot("workbench-console-focus");
	}

	@Test
	@Order(8)
	void ctrlSSavesAndANewWorkbenchOpensTheEditsCleanAndPlaysThem() throws Exception {
		key('s', SWT.CTRL);
		wb.waitFor(5000, "Ctrl+S to clear the title's *", () -> "song - Mixtree".equals(wb.title()));
		Session saved = SessionStore.load(file);
		Bus drums0 = saved.getBuses().stream().filter(b -> b.getName().equals("Drums")).findFirst().orElseThrow();
		assertTrue(drums0.isMute() && drums0.getInserts().size() == 1, "the saved file holds the edits");
		key('q', SWT.CTRL);
		assertEquals(0, wb.exit.get(10, TimeUnit.SECONDS), "Ctrl+Q with nothing unsaved quits at once, exit 0");
		wb.close();

		open();
		assertEquals("song - Mixtree", wb.title(), "reopened clean");
		assertFalse(wb.session.isDirty());
		assertEquals(drumsGain, gain("Drums"), 1e-9);
		assertEquals(2.0, gain("Guitars"), 1e-9);
		assertTrue(wb.ui(() -> channel("Drums").isMute()));
		assertFalse(wb.ui(() -> channel("Vocal").isSolo()));
		assertEquals("Drums", outputOf("Electric"));
		assertEquals(MixStage.TRACKS, stage());
		assertEquals(List.of("Drums"), focus());
		assertEquals(-4.5, value("b1.gain"));
		assertEquals(1.0, value("b1.type"));

		// the first plan of the reopened session, compiled from the file's model: nothing posted since
		GraphDescription.Channel drums = engine(id("Drums"));
		assertEquals(drumsGain, drums.gainDb(), 1e-9);
		assertTrue(drums.mute());
		assertEquals(-4.5, drums.inserts().get(0).parameters().get("b1.gain"));
		assertFalse(drums.inserts().get(0).bypass());
		assertEquals(2.0, engine(id("Guitars")).gainDb(), 1e-9);
		assertEquals(id("Drums"), engine(id("Electric")).output());
		assertEquals(List.of(id("Drums")), planFocus());
		assertEquals(1, live().compiles(), "the first plan, nothing since");
		wb.screenshot("workbench-console-reopened");
	}

	// ------------------------------------------------------------------------------------------------- the engine

	private static LiveSession live() {
		LiveSession l = wb.playback.live();
		assertNotNull(l, "the workbench plays a live session");
		return l;
	}

	/** The channel as the engine plays it, once the live session has done what the last command asked. */
	private static GraphDescription.Channel engine(String id) throws InterruptedException {
		assertTrue(live().awaitIdle(5000), "the live session's thread finished the change");
		GraphDescription.Channel c = live().playing(id);
		assertNotNull(c, id + " in the plan");
		return c;
	}

	private static String silent(String id) throws InterruptedException {
		assertTrue(live().awaitIdle(5000));
		return live().plan().silentBecause(id);
	}

	private static List<String> planFocus() throws InterruptedException {
		assertTrue(live().awaitIdle(5000));
		return live().plan().description().focus();
	}

	// ------------------------------------------------------------------------------------------------- the model

	/** [any] A channel of the open session by name (looked up each time: a reopen makes new objects). */
	private static Channel channel(String name) {
		return wb.ui(() -> {
			Session s = wb.session.session();
			if (s.getMaster().getName().equals(name)) {
				return s.getMaster();
			}
			for (Channel c : s.getBuses()) {
				if (c.getName().equals(name)) {
					return c;
				}
			}
			for (Channel c : s.getTracks()) {
				if (c.getName().equals(name)) {
					return c;
				}
			}
			throw new AssertionError("no channel " + name);
		});
	}

	/** The engine's id of a channel ({@link Channel#getAddress()}). */
	private static String id(String name) {
		return wb.ui(() -> channel(name).getAddress());
	}

	private static double gain(String name) {
		return wb.ui(() -> channel(name).getGainDb());
	}

	private static String outputOf(String name) {
		return wb.ui(() -> {
			Bus out = channel(name).getOutput();
			return out == null ? null : out.getName();
		});
	}

	private static MixStage stage() {
		return wb.ui(() -> wb.session.session().getMixStage());
	}

	private static List<String> focus() {
		return wb.ui(() -> SessionCommands.focusInOrder(wb.session.session()).stream().map(Bus::getName).toList());
	}

	/** A parameter Drums's first insert stores, NaN for none (the effect's default). */
	private static double value(String id) {
		return wb.ui(() -> channel("Drums").getInserts().get(0).getParameters().stream().filter(p -> p.getId().equals(id))
				.mapToDouble(p -> p.getValue()).findFirst().orElse(Double.NaN));
	}

	private static List<String> names() {
		return wb.ui(() -> console.channels().stream().map(Channel::getName).toList());
	}

	// ------------------------------------------------------------------------------------------------- input

	/** The screen point at the middle of a part of a strip shown now. */
	private static Point at(String name, Function<StripGeometry, Rectangle> part) {
		return wb.ui(() -> {
			int i = console.channels().stream().map(Channel::getName).toList().indexOf(name);
			assertTrue(i >= 0, name + " is not shown");
			Rectangle r = console.stripRect(i, part.apply(console.view().geometry));
			return console.canvas().toDisplay(r.x + r.width / 2, r.y + r.height / 2);
		});
	}

	private static void pause(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void click(Point p) {
		x.move(p.x, p.y);
		pause(80);
		x.button(1, true);
		pause(30);
		x.button(1, false);
		pause(200);
		wb.settle();
	}

	private static void doubleClick(Point p) {
		x.move(p.x, p.y);
		pause(80);
		x.button(1, true);
		pause(15);
		x.button(1, false);
		pause(40);
		x.button(1, true);
		pause(15);
		x.button(1, false);
		pause(250);
		wb.settle();
	}

	private static void drag(Point from, Point to, int steps) {
		x.move(from.x, from.y);
		pause(80);
		x.button(1, true);
		pause(40);
		for (int i = 1; i <= steps; i++) {
			x.move(from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
			pause(25);
		}
		x.button(1, false);
		pause(200);
		wb.settle();
	}

	/** A key by X keysym (Latin-1 characters are their own) with SWT.CTRL and/or SWT.SHIFT held. */
	private static void key(long keysym, int modifiers) {
		if ((modifiers & SWT.CTRL) != 0) {
			x.key(XTest.XK_CONTROL_L, true);
		}
		if ((modifiers & SWT.SHIFT) != 0) {
			x.key(XTest.XK_SHIFT_L, true);
		}
		pause(20);
		x.key(keysym, true);
		pause(20);
		x.key(keysym, false);
		pause(20);
		if ((modifiers & SWT.SHIFT) != 0) {
			x.key(XTest.XK_SHIFT_L, false);
		}
		if ((modifiers & SWT.CTRL) != 0) {
			x.key(XTest.XK_CONTROL_L, false);
		}
		// apart in time: GDK takes a release and a press of one key at the same instant for auto-repeat
		pause(80);
		wb.settle();
	}

	private static void undo() {
		key('z', SWT.CTRL);
	}

	private static void redo() {
		key('z', SWT.CTRL | SWT.SHIFT);
	}

	/** Clicks into a field, selects its text (Ctrl+A), types {@code text} and Enter. */
	private static void typeInto(Text field, String text) {
		click(wb.ui(() -> field.toDisplay(field.getSize().x / 2, field.getSize().y / 2)));
		key('a', SWT.CTRL);
		for (char c : text.toCharArray()) {
			key(c, 0);
		}
		key(XTest.XK_RETURN, 0);
	}

	/** Picks the item with {@code data} (a bus name or an effect id) of the menu the last click opened. */
	private static void choose(String data) throws InterruptedException {
		wb.waitFor(3000, "the menu to show", () -> wb.ui(() -> console.lastMenu() != null && console.lastMenu().isVisible()));
		// GTK's menu is a window of its own: it is closed, then its item chosen as a click on it would
		MenuItem item = wb.ui(() -> {
			Menu menu = console.lastMenu();
			MenuItem found = item(menu, data);
			assertNotNull(found, "menu item " + data);
			menu.setVisible(false);
			return found;
		});
		pause(100);
		wb.ui(() -> {
			if ((item.getStyle() & SWT.RADIO) != 0) {
				for (MenuItem other : item.getParent().getItems()) {
					other.setSelection(other == item);
				}
			}
			item.notifyListeners(SWT.Selection, new Event());
			return null;
		});
		wb.settle();
	}

	/** [UI] */
	private static MenuItem item(Menu menu, String data) {
		for (MenuItem i : menu.getItems()) {
			Object d = i.getData();
			if (data.equals(d) || d instanceof Channel c && data.equals(c.getName())) {
				return i;
			}
			if (i.getMenu() != null) {
				MenuItem sub = item(i.getMenu(), data);
				if (sub != null) {
					return sub;
				}
			}
		}
		return null;
	}

	/** A control of the top bar by its {@link TopBar#ID}. */
	private static Control bar(String id) {
		return wb.ui(() -> byId(wb.mainShell(), id));
	}

	/** [UI] */
	private static Control byId(Composite parent, String id) {
		return RunningWorkbench.find(parent, c -> id.equals(c.getData(TopBar.ID)));
	}

	/** [UI] The console in a window. */
	private static MixerConsole find(Shell shell) {
		Control canvas = RunningWorkbench.find(shell, c -> c instanceof Canvas && c.getData(MixerConsole.class.getName()) != null);
		return canvas == null ? null : (MixerConsole) canvas.getData(MixerConsole.class.getName());
	}
}
