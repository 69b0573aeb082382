package org.mixtree.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

/**
 * The real workbench for a UI test: {@link MixtreeWorkbench#run} (what {@code ./mixtree open} runs) on a thread of
 * its own, which becomes the UI thread; the test thread drives it as a person would, with key and mouse events
 * posted to the X server ({@link Display#post}), reads it on the UI thread ({@link #ui}) and saves screenshots of
 * the window ({@link #screenshot}).
 */
final class RunningWorkbench implements AutoCloseable {

	final SessionService session;
	final Playback playback;
	final CompletableFuture<Integer> exit = new CompletableFuture<>();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final Thread thread;
	private volatile Display display;

	/** Starts the workbench on the session and waits until its window is showing (at most 20 s). */
	RunningWorkbench(Path sessionFile, String device) throws Exception {
		this(new Launch(sessionFile, device, 256));
	}

	/**
	 * Starts the workbench as {@code ./mixtree open} with these arguments starts it (a null device and 0 frames: the
	 * preferences') and waits until its window is showing (at most 20 s).
	 */
	RunningWorkbench(Launch launch) throws Exception {
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
		waitFor(20_000, "the main window to show", () -> {
			if (exit.isDone()) {
				throw new AssertionError("the workbench ended at start: " + exit.join() + " " + err);
			}
			display = Display.findDisplay(thread);
			return display != null && Boolean.TRUE.equals(ui(() -> {
				Shell s = mainShell();
				return s != null && s.isVisible();
			}));
		});
		pointAt(ui(this::mainShell));
	}

	/**
	 * Makes a window the one that gets the keys: Xvfb runs no window manager, so keyboard input goes to the window
	 * under the pointer; the pointer moves there as a person's mouse would.
	 */
	void pointAt(Shell shell) {
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

	Display display() {
		return display;
	}

	/** [UI] The workbench's main window. */
	Shell mainShell() {
		for (Shell s : display.getShells()) {
			if (s.getText().endsWith("Mixtree") && !s.isDisposed()) {
				return s;
			}
		}
		return null;
	}

	/** Runs {@code c} on the UI thread and returns what it returned. */
	<T> T ui(Callable<T> c) {
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

	/** Clicks the middle of a control with the left mouse button: pointer there, button down, button up. */
	void click(org.eclipse.swt.widgets.Control control) {
		ui(() -> {
			Rectangle b = control.getDisplay().map(control.getParent(), null, control.getBounds());
			post(SWT.MouseMove, e -> {
				e.x = b.x + b.width / 2;
				e.y = b.y + b.height / 2;
			});
			post(SWT.MouseDown, e -> e.button = 1);
			post(SWT.MouseUp, e -> e.button = 1);
			return null;
		});
		settle();
	}

	/** Presses a key with modifiers, as the keyboard does: modifiers down, key down, key up, modifiers up. */
	void press(int modifiers, char key) {
		ui(() -> {
			int[] mods = { SWT.CTRL, SWT.SHIFT, SWT.ALT };
			for (int m : mods) {
				if ((modifiers & m) != 0) {
					post(SWT.KeyDown, e -> e.keyCode = m);
				}
			}
			post(SWT.KeyDown, e -> e.character = key);
			post(SWT.KeyUp, e -> e.character = key);
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

	/** Presses a key that has no character (Enter, arrows) by its SWT key code: key down, key up. */
	void pressCode(int keyCode) {
		ui(() -> {
			post(SWT.KeyDown, e -> e.keyCode = keyCode);
			post(SWT.KeyUp, e -> e.keyCode = keyCode);
			return null;
		});
		settle();
	}

	private void post(int type, java.util.function.Consumer<Event> fill) {
		Event e = new Event();
		e.type = type;
		fill.accept(e);
		if (!display.post(e)) {
			throw new AssertionError("Display.post refused event type " + type);
		}
	}

	/**
	 * Gives the UI thread time to handle what was posted: a pause, then a round trip through its queue. It never runs
	 * the event loop itself (a handler that opens a modal dialog must not block the test thread).
	 */
	void settle() {
		for (int i = 0; i < 3; i++) {
			try {
				Thread.sleep(30);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
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

	/** Polls {@code condition} (on the test thread) every 20 ms until it holds or {@code millis} pass. */
	void waitFor(long millis, String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + millis + " ms for " + what);
			}
			Thread.sleep(20);
		}
	}

	/** The main window's title, read on the UI thread. */
	String title() {
		return ui(() -> mainShell() == null ? null : mainShell().getText());
	}

	/**
	 * Saves what the screen shows of the main window (and any dialog over it) as
	 * {@code target/screenshots/NAME.png} of the test bundle and returns the file.
	 */
	Path screenshot(String name) throws Exception {
		settle();
		Path dir = Screenshots.directory();
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		ui(() -> {
			Shell s = mainShell();
			Rectangle b = s.getBounds();
			Image image = new Image(display, b.width, b.height);
			GC gc = new GC(display);
			try {
				gc.copyArea(image, b.x, b.y);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			image.dispose();
			return null;
		});
		return file;
	}

	/** Ends the workbench if a test left it running (closing it as the window's close button would not ask). */
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
