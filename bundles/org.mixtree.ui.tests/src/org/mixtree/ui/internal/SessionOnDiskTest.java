package org.mixtree.ui.internal;

import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.mixtree.cli.Cli;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionLock;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.SessionService;

/**
 * The session on disk and the workbench: while a window shows a session it holds the session's lock, so a CLI
 * {@code set} (a real second process) is refused at once with a line that says where the session is open, and the
 * file stays byte for byte; a file changed on disk by another program is noticed and the window offers to reload
 * it; a save over such a file asks first (Overwrite keeps the file on disk as the {@code .bak}).
 */
class SessionOnDiskTest {

	@Test
	void theWorkbenchHoldsTheLockAndNeverOverwritesAChangedFileSilently() throws Exception {
		Path dir = Screenshots.directory().resolveSibling("disk-session");
		Path file = WorkbenchTest.TestSessions.create(dir, "disk");
		Files.deleteIfExists(SessionStore.backupOf(file));
		try (RunningWorkbench wb = new RunningWorkbench(Launch.parse(List.of(file.toString())))) {
			// (not by reading the lock file: closing any descriptor of it would drop this process's POSIX lock)
			wb.waitFor(10_000, "the workbench to hold the session's lock", wb.session::holdsLock);
			byte[] asOpened = Files.readAllBytes(file);

			// a CLI set in another process: refused at once (not after its 60 s wait), one line naming the workbench
			long t0 = System.nanoTime();
			Process set = cli("-D" + SessionLock.WAIT_PROPERTY + "=60", "set", file.toString(), "track:Kick", "gain=-3");
			assertTrue(set.waitFor(50, TimeUnit.SECONDS), "the refused set did not end");
			double seconds = (System.nanoTime() - t0) / 1e9;
			String err = new String(set.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertEquals(1, set.exitValue(), err);
			assertEquals("mixtree: " + file + ": the session is open in the Mixtree workbench (process "
					+ ProcessHandle.current().pid() + "); save and close it there, then try again", err.strip());
			assertTrue(seconds < 50, "refused without waiting out the lock's bound: " + seconds + " s");
			assertArrayEquals(asOpened, Files.readAllBytes(file), "a refused set leaves the file byte for byte");
			// and a writer in this process (another thread) is refused the same way, at once
			long t1 = System.nanoTime();
			SessionFileException e = assertThrows(SessionFileException.class,
					() -> SessionLock.acquire(file, Duration.ofSeconds(30)).close());
			assertTrue(e.getMessage().contains("open in the Mixtree workbench"), e.getMessage());
			assertTrue(System.nanoTime() - t1 < TimeUnit.SECONDS.toNanos(5), "no wait in process either");

			// another program rewrites the file (as an editor or a checkout would): the window offers to reload
			Session theirs = SessionStore.load(file);
			theirs.getMaster().setGainDb(-7.5);
			byte[] theirBytes = SessionStore.serialize(theirs).getBytes(StandardCharsets.UTF_8);
			Files.write(file, theirBytes);
			Shell question = waitForQuestion(wb, "changed on disk");
			wb.screenshot("disk-01-changed-on-disk");
			assertTrue(text(wb, question).contains("Reload it from disk?"), text(wb, question));
			wb.click(wb.ui(() -> button(question, "Keep Mine")));
			wb.waitFor(3000, "the question to go", () -> question(wb) == null);

			// an edit here, then Ctrl+S: the save asks before it overwrites their file, and writes nothing meanwhile
			SessionService service = wb.session;
			wb.ui(() -> {
				Command c = SetCommand.create(service.domain(), service.session().getMaster(),
						MixtreePackage.Literals.CHANNEL__GAIN_DB, -2.0);
				service.commandStack().execute(c);
				return null;
			});
			wb.pointAt(wb.ui(wb::mainShell));
			wb.press(SWT.CTRL, 's');
			Shell overwrite = waitForQuestion(wb, "Overwrite");
			wb.screenshot("disk-02-save-asks");
			assertArrayEquals(theirBytes, Files.readAllBytes(file), "nothing is written before the answer");
			wb.click(wb.ui(() -> button(overwrite, "Overwrite")));
			wb.waitFor(5000, "the save", () -> !service.isDirty());
			assertEquals(-2.0, SessionStore.load(file).getMaster().getGainDb(), 1e-9, "the workbench's version");
			assertArrayEquals(theirBytes, Files.readAllBytes(SessionStore.backupOf(file)),
					"the version on disk it overwrote is the .bak");
			assertFalse(service.checkDisk().get(5, TimeUnit.SECONDS), "the saved file is what the workbench knows");

			// changed once more: Reload reads their version into the window
			theirs.getMaster().setGainDb(-9.0);
			Files.write(file, SessionStore.serialize(theirs).getBytes(StandardCharsets.UTF_8));
			Shell again = waitForQuestion(wb, "changed on disk");
			wb.click(wb.ui(() -> button(again, "Reload")));
			SessionService[] reloaded = new SessionService[1];
			wb.waitFor(5000, "the reloaded session in the window", () -> wb.ui(() -> {
				MWindow window = (MWindow) wb.mainShell().getData("modelElement");
				reloaded[0] = window.getContext().get(MApplication.class).getContext().get(SessionService.class);
				return reloaded[0] != service && reloaded[0].session().getMaster().getGainDb() == -9.0;
			}));
			wb.waitFor(10_000, "the reloaded session to hold the lock", reloaded[0]::holdsLock);
			assertFalse(service.holdsLock(), "the session it replaced let go");
		}
		// the workbench ended: the lock is free for the command line
		try (SessionLock lock = SessionLock.acquire(file, Duration.ofSeconds(10))) {
			assertNotNull(lock);
		}
	}

	/** Waits for a dialog over the main window whose text contains {@code words}. */
	static Shell waitForQuestion(RunningWorkbench wb, String words) throws InterruptedException {
		Shell[] found = new Shell[1];
		wb.waitFor(15_000, "a question about '" + words + "'", () -> {
			Shell q = question(wb);
			found[0] = q;
			return q != null && text(wb, q).contains(words);
		});
		return found[0];
	}

	static Shell question(RunningWorkbench wb) {
		return wb.ui(() -> {
			for (Shell s : wb.display().getShells()) {
				if (!s.isDisposed() && s.isVisible() && s != wb.mainShell()) {
					return s;
				}
			}
			return null;
		});
	}

	/** [any] The texts of a dialog's labels, one after the other. */
	static String text(RunningWorkbench wb, Composite dialog) {
		return wb.ui(() -> {
			StringBuilder b = new StringBuilder();
			collect(dialog, b);
			return b.toString();
		});
	}

	private static void collect(Composite parent, StringBuilder b) {
		for (Control c : parent.getChildren()) {
			if (c instanceof org.eclipse.swt.widgets.Label l) {
				b.append(l.getText()).append('\n');
			} else if (c instanceof Composite inner) {
				collect(inner, b);
			}
		}
	}

	static Button button(Composite parent, String text) {
		for (Control c : parent.getChildren()) {
			if (c instanceof Button b && text.equals(b.getText())) {
				return b;
			}
			if (c instanceof Composite inner) {
				Button b = button(inner, text);
				if (b != null) {
					return b;
				}
			}
		}
		return null;
	}

	/** {@code ./mixtree ARGS} in a plain JVM (no OSGi) with the bundles this test runs with on its class path. */
	static Process cli(String jvmOption, String... args) throws IOException {
		Path own = Screenshots.directory().resolveSibling("cli-child-classes");
		Path main = own.resolve(CliChild.class.getName().replace('.', '/') + ".class");
		if (!Files.exists(main)) {
			try (InputStream in = CliChild.class.getResourceAsStream("CliChild.class")) {
				Files.createDirectories(main.getParent());
				Files.copy(in, main);
			}
		}
		Set<String> path = new LinkedHashSet<>();
		path.add(own.toString());
		for (Class<?> c : List.of(Cli.class, SessionStore.class, org.mixtree.model.edit.SessionEditing.class,
				org.mixtree.audio.io.WavWriter.class, org.mixtree.engine.GraphException.class,
				org.mixtree.dsp.TpdfDither.class, org.mixtree.effects.api.EffectDescriptor.class,
				org.mixtree.session.SessionGraph.class, org.eclipse.emf.common.util.URI.class,
				org.eclipse.emf.ecore.EObject.class, org.eclipse.emf.ecore.xmi.XMIResource.class,
				org.eclipse.emf.edit.domain.EditingDomain.class, picocli.CommandLine.class)) {
			path.add(classRoot(c));
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", jvmOption, "-cp", String.join(File.pathSeparator, path),
				CliChild.class.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

	/** The folder or jar a class was loaded from. */
	static String classRoot(Class<?> c) {
		try {
			var source = c.getProtectionDomain().getCodeSource();
			assertTrue(source != null && source.getLocation() != null, "no code source for " + c.getName());
			Path p = Path.of(source.getLocation().toURI());
			String classFile = c.getName().replace('.', '/') + ".class";
			if (Files.isDirectory(p) && !Files.exists(p.resolve(classFile))) {
				for (String output : List.of("target/classes", "bin")) {
					if (Files.exists(p.resolve(output).resolve(classFile))) {
						return p.resolve(output).toString();
					}
				}
			}
			return p.toString();
		} catch (URISyntaxException e) {
			throw new AssertionError(e);
		}
	}
}
