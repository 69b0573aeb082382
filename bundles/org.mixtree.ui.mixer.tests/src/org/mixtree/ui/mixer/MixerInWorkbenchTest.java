package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;

/**
 * The console in the real workbench: {@code MixtreeWorkbench.run} (what {@code ./mixtree open} runs) on its own UI
 * thread, the console contributed by this bundle's model fragment into the main stack, edits going to the session
 * service's one command stack (the title's {@code *}, the window's Ctrl+Z).
 */
class MixerInWorkbenchTest {
	@TempDir
	Path dir;

	private volatile Display display;

	private <T> T ui(Callable<T> c) {
		AtomicReference<T> result = new AtomicReference<>();
		AtomicReference<Exception> failure = new AtomicReference<>();
		display.syncExec(() -> {
			try {
				result.set(c.call());
			} catch (Exception e) {
				failure.set(e);
			}
		});
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		return result.get();
	}

	private static void waitFor(long ms, String what, BooleanSupplier done) throws InterruptedException {
		long end = System.currentTimeMillis() + ms;
		while (!done.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting for " + what);
			}
			Thread.sleep(20);
		}
	}

	private static void dump(Control c, StringBuilder b, int depth) {
		b.append("  ".repeat(depth)).append(c.getClass().getSimpleName()).append(' ').append(c.getBounds())
				.append(c.isVisible() ? "" : " hidden").append('\n');
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				dump(child, b, depth + 1);
			}
		}
	}

	private static void model(org.eclipse.e4.ui.model.application.ui.MUIElement e, StringBuilder b, int depth) {
		b.append("  ".repeat(depth)).append(e.getClass().getSimpleName()).append(' ').append(e.getElementId())
				.append(e.isToBeRendered() ? "" : " notRendered").append(e.getWidget() == null ? " noWidget" : "").append('\n');
		if (e instanceof org.eclipse.e4.ui.model.application.ui.MElementContainer<?> c) {
			for (Object child : c.getChildren()) {
				model((org.eclipse.e4.ui.model.application.ui.MUIElement) child, b, depth + 1);
			}
		}
	}

	private static MixerConsole find(Control c) {
		if (c instanceof Canvas && c.getData(MixerConsole.class.getName()) instanceof MixerConsole m) {
			return m;
		}
		if (c instanceof Composite comp) {
			for (Control child : comp.getChildren()) {
				MixerConsole m = find(child);
				if (m != null) {
					return m;
				}
			}
		}
		return null;
	}

	/** The fragment as e4 reads it: a model it cannot parse is skipped without a word, and the console is missing. */
	@Test
	void theModelFragmentParsesAndNamesThePartStackAndThePart() throws Exception {
		org.eclipse.emf.ecore.resource.ResourceSet rs = new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl();
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi",
				new org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory());
		org.eclipse.e4.ui.model.fragment.impl.FragmentPackageImpl.eINSTANCE.eClass();
		org.eclipse.e4.ui.model.application.impl.ApplicationPackageImpl.eINSTANCE.eClass();
		org.eclipse.emf.ecore.resource.Resource r = rs.getResource(
				org.eclipse.emf.common.util.URI.createPlatformPluginURI("org.mixtree.ui.mixer/fragment.e4xmi", true), true);
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		org.eclipse.e4.ui.model.fragment.MModelFragments fragments = (org.eclipse.e4.ui.model.fragment.MModelFragments) r
				.getContents().get(0);
		org.eclipse.e4.ui.model.fragment.MStringModelFragment inStack = (org.eclipse.e4.ui.model.fragment.MStringModelFragment) fragments
				.getFragments().get(0);
		assertEquals("org.mixtree.ui.partstack.main", inStack.getParentElementId());
		org.eclipse.e4.ui.model.application.ui.basic.MPart part = (org.eclipse.e4.ui.model.application.ui.basic.MPart) inStack
				.getElements().get(0);
		assertEquals("bundleclass://org.mixtree.ui.mixer/" + MixerPart.class.getName(), part.getContributionURI());
		assertEquals(2, fragments.getFragments().size(), "the part and its descriptor");
	}

	@Test
	void theFragmentPutsTheConsoleInTheWindowAndItsEditsAreTheWindowsUndo() throws Exception {
		TestSessions s = new TestSessions(dir);
		SessionStore.save(s.session, s.file);
		System.setProperty("clearPersistedState", "true");
		SessionService service = SessionService.open(s.file);
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		CompletableFuture<Integer> exit = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				exit.complete(MixtreeWorkbench.run(null, new Launch(s.file, null, 256), service,
						new PrintStream(err, true, StandardCharsets.UTF_8)));
			} catch (Throwable t) {
				exit.completeExceptionally(t);
			}
		}, "mixtree-mixer-workbench-test");
		thread.start();
		try (XTest x = new XTest()) {
			AtomicReference<MixerConsole> console = new AtomicReference<>();
			AtomicReference<Shell> shell = new AtomicReference<>();
			try {
			waitFor(30_000, "the workbench window with the console", () -> {
				if (exit.isDone()) {
					throw new AssertionError("the workbench ended: " + exit.join() + " " + err);
				}
				display = Display.findDisplay(thread);
				return display != null && ui(() -> {
					for (Shell sh : display.getShells()) {
						MixerConsole m = sh.isVisible() ? find(sh) : null;
						if (m != null && !m.factsPending() && m.canvas().isVisible()) {
							console.set(m);
							shell.set(sh);
							return true;
						}
					}
					return false;
				});
			});
			} catch (AssertionError e) {
				String shells = display == null ? "no display" : ui(() -> {
					StringBuilder b = new StringBuilder();
					for (Shell sh : display.getShells()) {
						b.append(sh.getText()).append(" visible=").append(sh.isVisible()).append(" console=")
								.append(find(sh) != null).append("; ");
					}
					return b.toString();
				});
				String tree = display == null ? "" : ui(() -> {
					StringBuilder b = new StringBuilder();
					for (Shell sh : display.getShells()) {
						dump(sh, b, 0);
						if (sh.getData("modelElement") instanceof org.eclipse.e4.ui.model.application.ui.MUIElement me) {
							model(me, b, 0);
							if (me.getParent() == null && me instanceof org.eclipse.e4.ui.model.application.ui.basic.MWindow w
									&& ((org.eclipse.emf.ecore.EObject) w).eContainer() instanceof org.eclipse.e4.ui.model.application.MApplication app) {
								b.append("descriptors: ");
								app.getDescriptors().forEach(d -> b.append(d.getElementId()).append(' '));
								b.append("\ntags: ").append(app.getTags()).append('\n');
							}
						}
					}
					return b.toString();
				});
				throw new AssertionError(e.getMessage() + ": shells " + shells + " err: " + err + "\n" + tree, e);
			}
			MixerConsole m = console.get();
			assertEquals(List.of("Drums", "Guitars", "FX", "Vocal", "Master"),
					ui(() -> m.channels().stream().map(Channel::getName).toList()));
			assertEquals(service.session(), ui(() -> ((Bus) m.channels().get(0)).eContainer()),
					"the console shows the session service's session");
			ui(() -> {
				shell.get().forceActive();
				return null;
			});
			Point mute = ui(() -> {
				Rectangle r = m.stripRect(0, m.view().geometry.buttons[0]);
				return m.canvas().toDisplay(r.x + r.width / 2, r.y + r.height / 2);
			});
			x.move(mute.x, mute.y);
			Thread.sleep(150);
			x.button(1, true);
			x.button(1, false);
			Bus drums = (Bus) service.session().getBuses().get(0);
			waitFor(3000, "the click to mute Drums", () -> ui(drums::isMute));
			waitFor(3000, "the title to say unsaved", () -> ui(() -> shell.get().getText().startsWith("*")));
			screenshot(shell.get(), "workbench-mixer");
			// the window's undo (Ctrl+Z, a key binding of org.mixtree.ui) takes back the console's command
			x.key(XTest.XK_CONTROL_L, true);
			x.key('z', true);
			x.key('z', false);
			x.key(XTest.XK_CONTROL_L, false);
			waitFor(3000, "Ctrl+Z to unmute Drums", () -> !ui(drums::isMute));
			assertFalse(service.isDirty());
			waitFor(3000, "the strip to show Drums unmuted", () -> ui(() -> !m.view().strips.get(0).mute));
		} finally {
			if (display != null && !display.isDisposed()) {
				display.syncExec(() -> {
					for (Shell sh : display.getShells()) {
						sh.close();
					}
				});
			}
			exit.get(20, java.util.concurrent.TimeUnit.SECONDS);
		}
	}

	private void screenshot(Shell shell, String name) throws Exception {
		Thread.sleep(300);
		ImageData data = ui(() -> {
			Rectangle area = shell.getClientArea();
			Point origin = shell.toDisplay(area.x, area.y);
			Image image = new Image(display, area.width, area.height);
			GC gc = new GC(display);
			try {
				gc.copyArea(image, origin.x, origin.y);
			} finally {
				gc.dispose();
			}
			ImageData d = image.getImageData();
			image.dispose();
			return d;
		});
		Path out = Path.of("target", "screenshots");
		Files.createDirectories(out);
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(out.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
	}
}
