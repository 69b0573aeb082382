package org.mixtree.ui.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;

/**
 * The real workbench for a UI test: {@link MixtreeWorkbench#run} (what {@code ./mixtree open} runs) on a thread of
 * its own, which becomes the UI thread; the test thread drives it as a person would, with key and mouse events
 * posted to the X server ({@link Display#post}), reads it on the UI thread ({@link #ui}) and saves screenshots of
 * its windows ({@link #screenshot}). The test thread never runs the event loop: a handler that opens a modal dialog
 * would block it; it only posts, waits and uses {@code syncExec}. Xvfb runs no window manager, so keys go to the
 * window under the pointer ({@link #pointAt}).
 * <p>
 * SWT's {@code Display.post} on GTK 3 makes button events without root coordinates, modifiers or double-clicks,
 * which is enough for buttons and fields; a custom-drawn canvas is driven with {@link XTest} instead.
 */
public final class RunningWorkbench implements AutoCloseable {

	/** The open session, its editing domain and its one command stack. */
	public final SessionService session;
	/** The workbench's transport (and, while it plays, its live session). */
	public final Playback playback;
	/** The workbench's exit code once it has ended. */
	public final CompletableFuture<Integer> exit = new CompletableFuture<>();
	/** What the workbench printed as one-line failures. */
	public final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final Thread thread;
	private volatile Display display;

	/** Starts the workbench on the session and waits until its window is showing (at most 20 s). */
	public RunningWorkbench(Path sessionFile, String device) throws Exception {
		this(new Launch(sessionFile, device, 256));
	}

	/**
	 * Starts the workbench as {@code ./mixtree open} with these arguments starts it (a null device and 0 frames: the
	 * preferences') and waits until its main window is showing (at most 20 s).
	 */
	public RunningWorkbench(Launch launch) throws Exception {
		this(launch, true);
	}

	/**
	 * Starts the workbench and waits (at most 30 s) until its main window shows or, without
	 * {@code waitForMainWindow}, until any window of it shows: a question before the main window (the autosave's
	 * offer after a crash) is what such a test wants to see first.
	 */
	public RunningWorkbench(Launch launch, boolean waitForMainWindow) throws Exception {
		// a fresh layout for each run: what an earlier run persisted is not what this test expects
		System.setProperty("clearPersistedState", "true");
		session = SessionService.open(launch.session());
		playback = MixtreeWorkbench.playback(launch);
		thread = new Thread(() -> {
			try {
				exit.complete(MixtreeWorkbench.run(null, launch, session, playback,
						new PrintStream(err, true, StandardCharsets.UTF_8)));
			} catch (Throwable t) {
				exit.completeExceptionally(t);
			}
		}, "mixtree-ui-test");
		thread.start();
		waitFor(30_000, waitForMainWindow ? "the main window to show" : "a window of the workbench to show", () -> {
			if (exit.isDone()) {
				throw new AssertionError("the workbench ended at start: " + exit.join() + " " + err);
			}
			display = Display.findDisplay(thread);
			return display != null && Boolean.TRUE.equals(ui(() -> {
				if (waitForMainWindow) {
					Shell s = mainShell();
					return s != null && s.isVisible();
				}
				for (Shell s : display.getShells()) {
					if (!s.isDisposed() && s.isVisible()) {
						return true;
					}
				}
				return false;
			}));
		});
		if (waitForMainWindow) {
			pointAt(ui(this::mainShell));
		}
	}

	public Display display() {
		return display;
	}

	/** [UI] The workbench's main window, or null while it is not there. */
	public Shell mainShell() {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.getParent() == null && s.getText().endsWith("Mixtree")) {
				return s;
			}
		}
		return null;
	}

	/** [UI] The application's context (where the session service and what a test puts there live). */
	public IEclipseContext mainShellContext() {
		MWindow window = (MWindow) mainShell().getData("modelElement");
		return window.getContext().get(MApplication.class).getContext();
	}

	/** [UI] The visible window whose title starts with {@code prefix}, or null. */
	public Shell shell(String prefix) {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.isVisible() && s.getText().startsWith(prefix)) {
				return s;
			}
		}
		return null;
	}

	/** Waits (at most 20 s) for a window whose title starts with {@code prefix} and gives it the keyboard. */
	public Shell waitForShell(String prefix) throws InterruptedException {
		AtomicReference<Shell> found = new AtomicReference<>();
		waitFor(20_000, "a window '" + prefix + "'", () -> {
			found.set(ui(() -> shell(prefix)));
			return found.get() != null;
		});
		pointAt(found.get());
		return found.get();
	}

	/** The main window's title, read on the UI thread. */
	public String title() {
		return ui(() -> mainShell() == null ? null : mainShell().getText());
	}

	/** Runs {@code c} on the UI thread and returns what it returned; what it throws fails the test. */
	public <T> T ui(Callable<T> c) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Display d = display;
		if (d == null || d.isDisposed()) {
			throw new AssertionError("the workbench's display is gone");
		}
		d.syncExec(() -> {
			try {
				result.set(c.call());
			} catch (Throwable t) {
				failure.set(t);
			}
		});
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		return result.get();
	}

	/**
	 * Makes a window the one that gets the keys: Xvfb runs no window manager, so keyboard input goes to the window
	 * under the pointer; the pointer moves there as a person's mouse would.
	 */
	public void pointAt(Shell shell) {
		ui(() -> {
			shell.forceActive();
			Rectangle b = shell.getBounds();
			post(SWT.MouseMove, e -> {
				e.x = b.x + b.width / 2;
				e.y = b.y + b.height / 2;
			});
			return null;
		});
		settle();
	}

	/**
	 * Clicks a control with the left mouse button: pointer there, button down, button up. It aims at the middle, or
	 * at the box of a radio or check button (which reacts on its box and text, not on the empty rest of a wide row).
	 */
	public void click(Control control) {
		int[] at = ui(() -> {
			Rectangle b = control.getDisplay().map(control.getParent(), null, control.getBounds());
			boolean box = control instanceof Button button && (button.getStyle() & (SWT.RADIO | SWT.CHECK)) != 0;
			return new int[] { b.x + (box ? Math.min(b.width / 2, 10) : b.width / 2), b.y + b.height / 2 };
		});
		clickAt(at[0], at[1]);
	}

	/** Clicks a point of the screen with the left button. */
	public void clickAt(int x, int y) {
		ui(() -> {
			post(SWT.MouseMove, e -> {
				e.x = x;
				e.y = y;
			});
			post(SWT.MouseDown, e -> e.button = 1);
			post(SWT.MouseUp, e -> e.button = 1);
			return null;
		});
		settle();
	}

	/** Drags with the left button from one point of the screen to another, in small steps as a hand does. */
	public void drag(int x0, int y0, int x1, int y1) {
		ui(() -> {
			post(SWT.MouseMove, e -> {
				e.x = x0;
				e.y = y0;
			});
			post(SWT.MouseDown, e -> e.button = 1);
			return null;
		});
		settle();
		int steps = 8;
		for (int i = 1; i <= steps; i++) {
			int x = x0 + (x1 - x0) * i / steps;
			int y = y0 + (y1 - y0) * i / steps;
			ui(() -> {
				post(SWT.MouseMove, e -> {
					e.x = x;
					e.y = y;
				});
				return null;
			});
			sleep(15);
		}
		settle();
		ui(() -> {
			post(SWT.MouseUp, e -> e.button = 1);
			return null;
		});
		settle();
	}

	/** Presses a character key with modifiers, as the keyboard does: modifiers down, key down, key up, modifiers up. */
	public void press(int modifiers, char key) {
		key(modifiers, e -> e.character = key);
	}

	/** Presses a key that has no character (Enter, arrows, F2) by its SWT key code: key down, key up. */
	public void pressCode(int keyCode) {
		key(0, e -> e.keyCode = keyCode);
	}

	/** Types text into what has the keyboard, one key after the other. */
	public void type(String text) {
		for (char c : text.toCharArray()) {
			press(0, c);
		}
	}

	/** Replaces a text field's content as a person does: click into it, Ctrl+A, type. */
	public void type(Control field, String text) {
		click(field);
		press(SWT.CTRL, 'a');
		type(text);
	}

	private void key(int modifiers, Consumer<Event> fill) {
		ui(() -> {
			int[] mods = { SWT.CTRL, SWT.SHIFT, SWT.ALT };
			for (int m : mods) {
				if ((modifiers & m) != 0) {
					post(SWT.KeyDown, e -> e.keyCode = m);
				}
			}
			post(SWT.KeyDown, fill);
			post(SWT.KeyUp, fill);
			for (int i = mods.length - 1; i >= 0; i--) {
				int m = mods[i];
				if ((modifiers & m) != 0) {
					post(SWT.KeyUp, e -> e.keyCode = m);
				}
			}
			return null;
		});
		settle();
	}

	private void post(int type, Consumer<Event> fill) {
		Event e = new Event();
		e.type = type;
		fill.accept(e);
		if (!display.post(e)) {
			throw new AssertionError("Display.post refused event type " + type);
		}
	}

	/**
	 * Gives the UI thread time to handle what was posted: a pause, then a round trip through its queue, three times.
	 * It never runs the event loop itself (a handler that opens a modal dialog must not block the test thread).
	 */
	public void settle() {
		for (int i = 0; i < 3; i++) {
			sleep(40);
			if (display.isDisposed()) {
				return; // the workbench ended (Ctrl+Q)
			}
			try {
				ui(() -> null);
			} catch (org.eclipse.swt.SWTException | AssertionError e) {
				if (display.isDisposed()) {
					return; // it ended between the check and the round trip
				}
				throw e;
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Polls {@code condition} (on the test thread) every 20 ms until it holds or {@code millis} pass. */
	public void waitFor(long millis, String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + millis + " ms for " + what);
			}
			Thread.sleep(20);
		}
	}

	/** [UI] The control whose {@code name} data is {@code name}, or the button with that text, under {@code parent}. */
	public static Control find(Composite parent, String name) {
		return find(parent, c -> name.equals(c.getData("name")) || (c instanceof Button b && name.equals(b.getText())));
	}

	/** [UI] The first control under {@code parent} (depth first, in child order) that {@code which} accepts, or null. */
	public static Control find(Composite parent, Predicate<Control> which) {
		for (Control c : parent.getChildren()) {
			if (which.test(c)) {
				return c;
			}
			if (c instanceof Composite inner) {
				Control found = find(inner, which);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/**
	 * Saves what the screen shows of the main window (and any dialog over it) as {@code target/screenshots/NAME.png}
	 * of the test bundle and returns the file.
	 */
	public Path screenshot(String name) throws Exception {
		return screenshot(ui(this::mainShell), name);
	}

	/** Saves what the screen shows of a window as {@code target/screenshots/NAME.png} of the test bundle. */
	public Path screenshot(Shell shell, String name) throws Exception {
		settle();
		return ui(() -> Screenshots.save(display, shell.getBounds(), name));
	}

	/** Ends the workbench if a test left it running (closing its windows, which asks nothing). */
	@Override
	public void close() throws Exception {
		if (!exit.isDone() && display != null && !display.isDisposed()) {
			display.asyncExec(() -> {
				for (Shell s : display.getShells()) {
					s.dispose();
				}
			});
		}
		try {
			exit.get(10, TimeUnit.SECONDS);
		} catch (Exception e) {
			// the test already failed
		}
	}
}
