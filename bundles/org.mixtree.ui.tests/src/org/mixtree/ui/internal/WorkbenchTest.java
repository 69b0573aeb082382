package org.mixtree.ui.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.Playback;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.Screenshots;

/**
 * The workbench as {@code ./mixtree open} runs it, on a session of sox-made stems, driven by real key and mouse
 * events under Xvfb: the dark window and its title, Space playing through a private JACK server and stopping, the
 * light theme and back, an edit saved with Ctrl+S and undone/redone with Ctrl+Z / Ctrl+Shift+Z, Ctrl+Q asking with
 * unsaved changes and quitting at once (exit 0) without, the layout and the last session kept for the next start. One workbench for the class (its start is the slow part); the tests run in order on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {

	private static JackServer jack;
	private static Path sessionFile;
	private static byte[] sessionAsOpened;
	private static FileTime openedModified;
	private static RunningWorkbench wb;
	private static long started;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Screenshots.directory().resolveSibling("ui-session");
		sessionFile = TestSessions.create(dir, "song");
		sessionAsOpened = Files.readAllBytes(sessionFile);
		openedModified = Files.getLastModifiedTime(sessionFile);
		jack = new JackServer();
		started = System.currentTimeMillis() / 1000 * 1000; // file times may have whole seconds
		wb = new RunningWorkbench(sessionFile, "jack");
	}

	@AfterAll
	static void stop() throws Exception {
		if (wb != null) {
			wb.close();
		}
		if (jack != null) {
			jack.close();
		}
	}

	@Test
	@Order(1)
	void opensOnTheSessionInADarkWindow() throws Exception {
		assertEquals("song - Mixtree", wb.title());
		RGB background = wb.ui(() -> wb.mainShell().getBackground().getRGB());
		assertTrue(luminance(background) < 0.25, "the window is dark by default: its background is " + background);
		wb.screenshot("01-opened");
		assertArrayEquals(sessionAsOpened, Files.readAllBytes(sessionFile), "opening wrote the session file");
	}

	@Test
	@Order(2)
	void spacePlaysFromTheStartAndStops() throws Exception {
		assertEquals(0, wb.playback.positionFrames());
		wb.press(0, ' ');
		wb.waitFor(5000, "the engine to play after Space", wb.playback::isPlaying);
		long first = wb.playback.positionFrames();
		Thread.sleep(200);
		long later = wb.playback.positionFrames();
		assertTrue(later > first, "the player's position moves while playing: " + first + " then " + later);
		assertEquals(48000, wb.playback.sampleRate());
		wb.screenshot("02-playing");
		wb.press(0, ' ');
		wb.waitFor(3000, "the transport to stop after Space", () -> wb.playback.state() == Playback.State.STOPPED);
		assertFalse(wb.playback.isPlaying());
		assertTrue(wb.playback.positionFrames() >= later, "stopping keeps the position for the next play");
		assertArrayEquals(sessionAsOpened, Files.readAllBytes(sessionFile), "playing wrote the session file");
		assertEquals(openedModified, Files.getLastModifiedTime(sessionFile));
	}

	@Test
	@Order(3)
	void theLightThemeIsOneCommandAwayAndTheDarkOneComesBack() throws Exception {
		toggleTheme();
		RGB light = wb.ui(() -> wb.mainShell().getBackground().getRGB());
		assertTrue(luminance(light) > 0.75, "View > Light Theme makes the window light: " + light);
		assertTrue(themeItemTicked(), "the menu item shows the light theme is on");
		wb.screenshot("03-light-theme");
		toggleTheme();
		RGB dark = wb.ui(() -> wb.mainShell().getBackground().getRGB());
		assertTrue(luminance(dark) < 0.25, "and back to dark: " + dark);
		assertFalse(themeItemTicked());
	}

	@Test
	@Order(4)
	void ctrlSSavesAnEditAndCtrlZUndoesItOnTheOneCommandStack() throws Exception {
		AdapterFactoryEditingDomain domain = wb.session.domain();
		Session session = wb.session.session();
		wb.ui(() -> {
			SessionCommands.execute(domain, SessionCommands.setGain(domain, session.getMaster(), -6.0));
			return null;
		});
		assertEquals("*song - Mixtree", wb.title());

		wb.press(SWT.CTRL, 's');
		wb.waitFor(3000, "the title to lose its * after Ctrl+S", () -> "song - Mixtree".equals(wb.title()));
		assertEquals(-6.0, SessionStore.load(sessionFile).getMaster().getGainDb(), 1e-9, "the saved file");

		wb.press(SWT.CTRL, 'z');
		assertEquals(0.0, (double) wb.ui(() -> session.getMaster().getGainDb()), 1e-9, "Ctrl+Z undid the gain");
		assertEquals("*song - Mixtree", wb.title());

		wb.press(SWT.CTRL | SWT.SHIFT, 'z');
		assertEquals(-6.0, (double) wb.ui(() -> session.getMaster().getGainDb()), 1e-9, "Ctrl+Shift+Z redid it");
		assertEquals("song - Mixtree", wb.title(), "back at the saved state: clean again");
	}

	@Test
	@Order(5)
	void theTopDownBarSwitchesTheStageAndBuildsUpTheFocusThroughUndoableCommands() throws Exception {
		Session session = wb.session.session();
		assertEquals(MixStage.STATIC, wb.ui(session::getMixStage));
		wb.click(barControl("stage.BUSES"));
		assertEquals(MixStage.BUSES, wb.ui(session::getMixStage), "the BUSES button sets the stage");
		assertTrue(wb.ui(() -> ((Button) barControl("stage.BUSES")).getSelection()));
		assertFalse(wb.ui(() -> ((Button) barControl("stage.STATIC")).getSelection()));
		wb.press(SWT.CTRL, 'z');
		assertEquals(MixStage.STATIC, wb.ui(session::getMixStage), "Ctrl+Z undoes the stage");
		assertTrue(wb.ui(() -> ((Button) barControl("stage.STATIC")).getSelection()), "the bar follows the model");

		String first = wb.ui(() -> SessionCommands.topLevelBuses(session).get(0).getName());
		wb.click(barControl("focus.next"));
		assertEquals(List.of(first), wb.ui(() -> SessionCommands.focusInOrder(session).stream().map(b -> b.getName()).toList()));
		assertEquals(first, wb.ui(() -> ((Label) barControl("focus.buses")).getText()));
		wb.screenshot("05-focus");
		wb.click(barControl("focus.all"));
		assertTrue(wb.ui(() -> session.getFocus().isEmpty()), "all ends the build-up");
		assertEquals("all buses", wb.ui(() -> ((Label) barControl("focus.buses")).getText()));
		wb.press(SWT.CTRL, 'z');
		wb.press(SWT.CTRL, 'z');
		assertTrue(wb.ui(() -> session.getFocus().isEmpty()), "undone twice: no focus, as saved");
		assertEquals("song - Mixtree", wb.title(), "back at the saved state");
	}

	@Test
	@Order(6)
	void ctrlQAsksWithUnsavedChangesAndQuitsAtOnceWithout() throws Exception {
		wb.press(SWT.CTRL, 'z');
		assertEquals("*song - Mixtree", wb.title());
		wb.press(SWT.CTRL, 'q');
		wb.waitFor(3000, "the question before quitting", () -> question() != null);
		wb.screenshot("04-quit-asks");
		wb.click(wb.ui(() -> button(question(), "Cancel")));
		wb.waitFor(3000, "the question to go (Cancel: stay)", () -> question() == null);
		assertFalse(wb.exit.isDone(), "Cancel keeps the workbench open");
		wb.pointAt(wb.ui(wb::mainShell));

		wb.press(SWT.CTRL | SWT.SHIFT, 'z');
		assertEquals("song - Mixtree", wb.title());
		long asked = System.nanoTime();
		wb.press(SWT.CTRL, 'q');
		assertEquals(0, wb.exit.get(3, TimeUnit.SECONDS), "exit code after Ctrl+Q");
		double seconds = (System.nanoTime() - asked) / 1e9;
		assertTrue(seconds < 2, "Ctrl+Q without changes quits at once: " + seconds + " s");
		assertEquals(-6.0, SessionStore.load(sessionFile).getMaster().getGainDb(), 1e-9);

		// what the next start restores: the window layout (e4's saved model) and the session as the last one
		Path instance = Path.of(Platform.getInstanceLocation().getURL().getPath());
		Path layout = instance.resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi");
		assertTrue(Files.isRegularFile(layout) && Files.getLastModifiedTime(layout).toMillis() >= started,
				"the window layout is saved at exit: " + layout);
		assertTrue(Files.readString(layout).contains("org.mixtree.ui.partstack.main"), "the saved model is ours");
		assertEquals(sessionFile, RecentSessions.list().get(0), "the session is remembered as the last one");
	}

	/** Runs View > Light Theme's command as its menu item does (through the window's handler service). */
	private static void toggleTheme() {
		wb.ui(() -> {
			MWindow window = (MWindow) wb.mainShell().getData("modelElement");
			ECommandService commands = window.getContext().get(ECommandService.class);
			window.getContext().get(EHandlerService.class)
					.executeHandler(commands.createCommand("org.mixtree.ui.command.theme.light", null));
			return null;
		});
		wb.settle();
	}

	private static boolean themeItemTicked() {
		return wb.ui(() -> {
			MWindow window = (MWindow) wb.mainShell().getData("modelElement");
			EModelService models = window.getContext().get(EModelService.class);
			return models.findElements(window, "org.mixtree.ui.menuitem.theme", MItem.class, null,
					EModelService.ANYWHERE | EModelService.IN_MAIN_MENU).get(0).isSelected();
		});
	}

	/** [any] A control of the top bar by its {@link TopBar#ID}. */
	private static Control barControl(String id) {
		return wb.ui(() -> find(wb.mainShell(), id));
	}

	private static Control find(Composite parent, String id) {
		return RunningWorkbench.find(parent, c -> id.equals(c.getData(TopBar.ID)));
	}

	/** The question dialog over the main window, or null. */
	private static Shell question() {
		return wb.ui(() -> {
			for (Shell s : wb.display().getShells()) {
				if (!s.isDisposed() && s.isVisible() && s != wb.mainShell() && s.getParent() != null) {
					return s;
				}
			}
			return null;
		});
	}

	/** [UI] The button with the given text in a dialog. */
	private static org.eclipse.swt.widgets.Button button(org.eclipse.swt.widgets.Composite parent, String text) {
		return (Button) RunningWorkbench.find(parent, c -> c instanceof Button b && text.equals(b.getText()));
	}

	private static double luminance(RGB c) {
		return (0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue) / 255.0;
	}

	/** Sessions of sox-made stems, grouped by the shipped rules as {@code ./mixtree new} groups them. */
	static final class TestSessions {
		private TestSessions() {
		}

		static Path create(Path dir, String name) throws Exception {
			Path stems = dir.resolve("stems");
			Files.createDirectories(stems);
			sox(stems.resolve("Kick.wav"), "sine", "55");
			sox(stems.resolve("Bass.wav"), "sine", "110");
			sox(stems.resolve("Vocals.wav"), "sine", "440");
			Path file = dir.resolve(name + "." + SessionStore.EXTENSION);
			Files.deleteIfExists(file);
			AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
			Session session = SessionEditing.create(domain, file, name, 48000);
			SessionCommands.execute(domain, SessionBuilder.populate(domain, session,
					List.of("stems/Kick.wav", "stems/Bass.wav", "stems/Vocals.wav"), GroupingMode.AUTO));
			SessionStore.save(session, file);
			return file;
		}

		private static void sox(Path file, String wave, String freq) throws Exception {
			Process p = new ProcessBuilder("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", file.toString(), "synth", "4",
					wave, freq, "gain", "-12").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes());
			if (p.waitFor() != 0) {
				throw new AssertionError("sox failed (install sox): " + out);
			}
		}
	}
}
