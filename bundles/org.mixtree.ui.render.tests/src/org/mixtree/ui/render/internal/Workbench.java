package org.mixtree.ui.render.internal;

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

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;

/**
 * The real workbench in this JVM, as {@code ./mixtree open} runs it ({@link MixtreeWorkbench#run}), on a thread of
 * its own (the UI thread), driven by the test thread with key and mouse events posted to the X server
 * ({@link Display#post}: Xvfb's XTEST), read on the UI thread and photographed. Unlike org.mixtree.ui.tests'
 * harness it does not wait for the main window: a question before it (the autosave's offer) is what a test wants
 * to see first.
 */
final class Workbench implements AutoCloseable {

	final SessionService session;
	final CompletableFuture<Integer> exit = new CompletableFuture<>();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final Thread thread;
	private volatile Display display;

	/** Starts the workbench and waits (at most 30 s) until some window of it shows. */
	Workbench(Path sessionFile) throws Exception {
		System.setProperty("clearPersistedState", "true");
		session = SessionService.open(sessionFile);
		Launch launch = new Launch(sessionFile, "javasound", 256);
		thread = new Thread(() -> {
			try {
				exit.complete(MixtreeWorkbench.run(null, launch, session, new PrintStream(err, true, StandardCharsets.UTF_8)));
			} catch (Throwable t) {
				exit.completeExceptionally(t);
			}
		}, "mixtree-render-test-ui");
		thread.start();
		waitFor(30_000, "a window of the workbench to show", () -> {
			if (exit.isDone()) {
				throw new AssertionError("the workbench ended at start: " + exit.join() + " " + err);
			}
			display = Display.findDisplay(thread);
			return display != null && Boolean.TRUE.equals(ui(() -> {
				for (Shell s : display.getShells()) {
					if (!s.isDisposed() && s.isVisible()) {
						return true;
					}
				}
				return false;
			}));
		});
	}

	Display display() {
		return display;
	}

	/** [UI] The main window, or null while it is not there. */
	Shell mainShell() {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.getParent() == null && s.getText().endsWith("- Mixtree")) {
				return s;
			}
		}
		return null;
	}

	/** [UI] The visible window whose title starts with {@code prefix}, or null. */
	Shell shell(String prefix) {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.isVisible() && s.getText().startsWith(prefix)) {
				return s;
			}
		}
		return null;
	}

	String title() {
		return ui(() -> mainShell() == null ? null : mainShell().getText());
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

	/** Makes a window get the keys: Xvfb runs no window manager, so keys go to the window under the pointer. */
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

	/** Clicks the middle of a control with the left button. */
	void click(Control control) {
		ui(() -> {
			Rectangle b = control.getDisplay().map(control.getParent(), null, control.getBounds());
			// a radio or check box reacts on its box and text, not on the empty rest of a wide row: aim at the box
			boolean box = control instanceof Button button && (button.getStyle() & (SWT.RADIO | SWT.CHECK)) != 0;
			post(SWT.MouseMove, e -> {
				e.x = b.x + (box ? Math.min(b.width / 2, 10) : b.width / 2);
				e.y = b.y + b.height / 2;
			});
			post(SWT.MouseDown, e -> e.button = 1);
			post(SWT.MouseUp, e -> e.button = 1);
			return null;
		});
		settle();
	}

	/** Presses a key with modifiers: modifiers down, key down, key up, modifiers up. */
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

	/** Replaces a text field's content as a person does: click into it, Ctrl+A, type. */
	void type(Control field, String text) {
		click(field);
		press(SWT.CTRL, 'a');
		for (char c : text.toCharArray()) {
			ui(() -> {
				post(SWT.KeyDown, e -> e.character = c);
				post(SWT.KeyUp, e -> e.character = c);
				return null;
			});
		}
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

	/** A pause, then round trips through the UI thread's queue (never running its event loop from here). */
	void settle() {
		for (int i = 0; i < 3; i++) {
			try {
				Thread.sleep(30);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (display.isDisposed()) {
				return;
			}
			ui(() -> null);
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

	/** [UI] The control whose {@code name} data is {@code name}, or the button with that text, under {@code parent}. */
	static Control find(Composite parent, String name) {
		for (Control c : parent.getChildren()) {
			if (name.equals(c.getData("name")) || (c instanceof Button b && name.equals(b.getText()))) {
				return c;
			}
			if (c instanceof Composite inner) {
				Control found = find(inner, name);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Saves what the screen shows of a window as {@code target/screenshots/NAME.png}. */
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

	/** {@code target/screenshots/} of this test bundle (surefire runs in target/work). */
	static Path screenshots() {
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p.resolve("screenshots");
			}
		}
		return here.resolve("target").resolve("screenshots");
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
