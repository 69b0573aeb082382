package org.mixtree.ui.views.host.internal;

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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;
import org.mixtree.ui.mixer.MixerConsole;

/**
 * The real workbench for a test, as org.mixtree.ui.tests' RunningWorkbench runs it (a trimmed copy until the shared
 * org.mixtree.ui.testing bundle has it): {@link MixtreeWorkbench#run} (what {@code ./mixtree open} runs) on a thread
 * of its own, which becomes the UI thread; the test reads it on the UI thread ({@link #ui}) and saves screenshots.
 */
final class Workbench implements AutoCloseable {
	final SessionService session;
	final CompletableFuture<Integer> exit = new CompletableFuture<>();
	final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private final Thread thread;
	private volatile Display display;

	Workbench(Path sessionFile) throws Exception {
		// a fresh layout for each run: the place's choice must come back from the preferences, not the saved model
		System.setProperty("clearPersistedState", "true");
		session = SessionService.open(sessionFile);
		thread = new Thread(() -> {
			try {
				exit.complete(MixtreeWorkbench.run(null, new Launch(sessionFile, null, 256), session,
						new PrintStream(err, true, StandardCharsets.UTF_8)));
			} catch (Throwable t) {
				exit.completeExceptionally(t);
			}
		}, "mixtree-views-test");
		thread.start();
		waitFor(30_000, "the main window with both places and the console", () -> {
			if (exit.isDone()) {
				throw new AssertionError("the workbench ended at start: " + exit.join() + " " + err);
			}
			display = Display.findDisplay(thread);
			return display != null && Boolean.TRUE.equals(ui(() -> {
				Shell s = mainShell();
				return s != null && s.isVisible() && place(org.mixtree.ui.views.ViewKind.ROUTING) != null
						&& place(org.mixtree.ui.views.ViewKind.VISUALISATION) != null && console() != null;
			}));
		});
	}

	Display display() {
		return display;
	}

	/** [UI] The workbench's main window. */
	Shell mainShell() {
		for (Shell s : display.getShells()) {
			if (!s.isDisposed() && s.getText().endsWith("Mixtree")) {
				return s;
			}
		}
		return null;
	}

	/** [UI] The place of {@code kind}, or null. */
	PlacePart place(org.mixtree.ui.views.ViewKind kind) {
		return find(mainShell(), c -> c.getData(PlacePart.class.getName()) instanceof PlacePart p && p.kind() == kind
				? p : null);
	}

	/** [UI] The console. */
	MixerConsole console() {
		return find(mainShell(), c -> c.getData(MixerConsole.class.getName()) instanceof MixerConsole m ? m : null);
	}

	/** [UI] The first control under {@code root} (itself included) for which {@code match} answers. */
	static <T> T find(Control root, java.util.function.Function<Control, T> match) {
		if (root == null || root.isDisposed()) {
			return null;
		}
		T t = match.apply(root);
		if (t != null) {
			return t;
		}
		if (root instanceof Composite c) {
			for (Control child : c.getChildren()) {
				T found = find(child, match);
				if (found != null) {
					return found;
				}
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

	/** Lets the UI thread handle what is queued: a pause, then round trips. */
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

	static void waitFor(long millis, String what, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + millis + " ms for " + what);
			}
			Thread.sleep(20);
		}
	}

	/** Saves what the screen shows of the main window as {@code target/screenshots/NAME.png}; returns the file. */
	Path screenshot(String name) throws Exception {
		return screenshot(name, this::mainShell);
	}

	/** Saves what the screen shows of a window as {@code target/screenshots/NAME.png}; returns the file. */
	Path screenshot(String name, Callable<Shell> which) throws Exception {
		settle();
		Path dir = screenshots();
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		ui(() -> {
			Shell s = which.call();
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

	private static Path screenshots() {
		// tycho-surefire runs the tests in target/work of the bundle
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p.resolve("screenshots");
			}
		}
		return here.resolve("target").resolve("screenshots");
	}

	/** Ends the workbench (closing its windows, as the window's close button does without asking). */
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
			exit.get(15, TimeUnit.SECONDS);
		} catch (Exception e) {
			// the test failed already
		}
	}
}
