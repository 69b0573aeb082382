package org.mixtree.ui.sessions.internal;

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
import java.util.function.Consumer;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;

/**
 * The real workbench for these tests, as {@code ./mixtree open} runs it ({@link MixtreeWorkbench#run}), on a thread
 * of its own that becomes the UI thread; the test thread drives it with key and mouse events posted to the X server
 * ({@link Display#post}), as org.mixtree.ui.tests' RunningWorkbench does (that class is not visible from here).
 */
final class Workbench implements AutoCloseable {

	final CompletableFuture<Integer> exit = new CompletableFuture<>();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final Thread thread;
	private volatile Display display;

	/** Starts the workbench on the session and waits until its window shows (at most 30 s). */
	Workbench(Path sessionFile) throws Exception {
		System.setProperty("clearPersistedState", "true");
		SessionService session = SessionService.open(sessionFile);
		Launch launch = new Launch(sessionFile, "javasound", 256);
		thread = new Thread(() -> {
			try {
				exit.complete(MixtreeWorkbench.run(null, launch, session, new PrintStream(err, true, StandardCharsets.UTF_8)));
			} catch (Throwable t) {
				exit.completeExceptionally(t);
			}
		}, "mixtree-ui-test");
		thread.start();
		waitFor(30_000, "the main window to show", () -> {
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

	Display display() {
		return display;
	}

	/** [UI] The workbench's main window. */
	Shell mainShell() {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.getText().endsWith("Mixtree") && s.getParent() == null) {
				return s;
			}
		}
		return null;
	}

	/** [UI] The application's context (where the session and the test's {@code StemChooser} live). */
	IEclipseContext mainShellContext() {
		MWindow window = (MWindow) mainShell().getData("modelElement");
		return window.getContext().get(MApplication.class).getContext();
	}

	/** [UI] The open shell whose title starts with {@code title}, or null. */
	Shell shell(String title) {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.isVisible() && s.getText().startsWith(title)) {
				return s;
			}
		}
		return null;
	}

	/** Waits for a shell with that title to show and gives it the keyboard. */
	Shell waitForShell(String title) throws InterruptedException {
		AtomicReference<Shell> found = new AtomicReference<>();
		waitFor(20_000, "a window '" + title + "'", () -> {
			found.set(ui(() -> shell(title)));
			return found.get() != null;
		});
		pointAt(found.get());
		return found.get();
	}

	/** Xvfb runs no window manager: keys go to the window under the pointer, so the pointer moves there. */
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

	/** Clicks the middle of a control with the left button. */
	void click(Control control) {
		Rectangle b = ui(() -> control.getDisplay().map(control.getParent(), null, control.getBounds()));
		clickAt(b.x + b.width / 2, b.y + b.height / 2);
	}

	/** Clicks a point of the screen with the left button. */
	void clickAt(int x, int y) {
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
	void drag(int x0, int y0, int x1, int y1) {
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

	/** Presses a character key with modifiers: modifiers down, key down, key up, modifiers up. */
	void press(int modifiers, char key) {
		key(modifiers, e -> e.character = key);
	}

	/** Presses a key by its SWT key code (SWT.F2, ...). */
	void pressCode(int keyCode) {
		key(0, e -> e.keyCode = keyCode);
	}

	/** Types text, one key after the other. */
	void type(String text) {
		for (char c : text.toCharArray()) {
			press(0, c);
		}
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

	/** A pause, then round trips through the UI thread's queue (never runs the event loop from the test thread). */
	void settle() {
		for (int i = 0; i < 3; i++) {
			sleep(40);
			if (display.isDisposed()) {
				return;
			}
			ui(() -> null);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void waitFor(long millis, String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + millis + " ms for " + what);
			}
			Thread.sleep(20);
		}
	}

	String title() {
		return ui(() -> mainShell() == null ? null : mainShell().getText());
	}

	/** Saves what the screen shows of a shell as {@code target/screenshots/NAME.png} of this bundle. */
	Path screenshot(Shell shell, String name) throws Exception {
		settle();
		Path dir = screenshots();
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		ui(() -> {
			Rectangle b = shell.getBounds();
			Image image = new Image(display, b.width, b.height);
			GC gc = new GC(display);
			try {
				gc.copyArea(image, b.x, b.y);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			image.dispose();
			return null;
		});
		return file;
	}

	/** {@code target/} of this bundle (tycho-surefire runs the tests in target/work). */
	static Path target() {
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p;
			}
		}
		return here.resolve("target");
	}

	static Path screenshots() {
		return target().resolve("screenshots");
	}

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
