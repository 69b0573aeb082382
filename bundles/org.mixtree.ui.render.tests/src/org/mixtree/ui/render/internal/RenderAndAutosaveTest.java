package org.mixtree.ui.render.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.cli.Cli;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.autosave.internal.Autosaves;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;

/**
 * The render dialog and the autosave on the real workbench under Xvfb, in the order a crash and a working session
 * go: the workbench in a child process (what {@code ./mixtree open} runs) gets a change, autosaves it within the
 * interval (1 s here, through the system property) and is killed with SIGKILL, its session file untouched; the next
 * start (this JVM) offers the autosave before the window shows, and Restore gives the change back as unsaved changes.
 * Then, on that workbench, with real keys and clicks: Ctrl+R, the mix rendered through the dialog and compared
 * with the CLI's render of the same session (byte for byte: the same engine path, the same options), a render onto
 * a source stem refused with one line, a long render cancelled leaving no file, and a normal quit leaving no
 * autosave.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderAndAutosaveTest {

	/** The autosave interval in this test, seconds (the default is 30). */
	private static final String INTERVAL = "1";

	private static Path dir;
	private static Path sessionFile;
	private static byte[] sessionAsCreated;
	private static FileTime createdModified;
	private static RunningWorkbench wb;
	private static Shell dialog;

	@BeforeAll
	static void createSession() throws Exception {
		dir = Screenshots.directory().resolveSibling("render-session");
		if (Files.exists(dir)) {
			try (Stream<Path> all = Files.walk(dir)) {
				all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		sox(stems.resolve("kick.wav"), 2, 4, "sine", "55");
		sox(stems.resolve("bass.wav"), 2, 4, "sine", "110");
		sox(stems.resolve("vocals.wav"), 2, 4, "sine", "440");
		// long enough for a render to be cancelled on its way (several seconds on this machine)
		sox(stems.resolve("pad.wav"), 1, 360, "sine", "220");
		sessionFile = dir.resolve("song." + SessionStore.EXTENSION);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, sessionFile, "song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session,
				List.of("stems/kick.wav", "stems/bass.wav", "stems/vocals.wav", "stems/pad.wav"), GroupingMode.AUTO));
		SessionStore.save(session, sessionFile);
		sessionAsCreated = Files.readAllBytes(sessionFile);
		// this JVM's workbench autosaves as often as the child's
		System.setProperty(Autosaves.INTERVAL_PROPERTY, INTERVAL);
		createdModified = Files.getLastModifiedTime(sessionFile);
	}

	@AfterAll
	static void stop() throws Exception {
		if (wb != null) {
			wb.close();
		}
	}

	@Test
	@Order(1)
	void aChangeIsAutosavedWithinTheIntervalAndSurvivesSigkill() throws Exception {
		Path autosave = Autosaves.fileOf(sessionFile);
		assertEquals(dir.resolve(".song.mixtree.autosave"), autosave);
		Process child = child(sessionFile);
		try {
			BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null && !line.equals("changed")) {
				// start-up chatter
			}
			assertEquals("changed", line, "the child workbench did not make its change: " + stderr(child));
			long changed = System.nanoTime();
			waitFor(10_000, "the autosave of the change", () -> {
				try {
					return Files.exists(autosave) && SessionStore.load(autosave).getMaster().getGainDb() == -6.0;
				} catch (Exception e) {
					return false;
				}
			});
			double after = (System.nanoTime() - changed) / 1e9;
			assertTrue(after < 1.0 + 2.5, "autosaved " + after + " s after the change with a 1 s interval");
			assertTrue(child.isAlive(), "the child is still working");
		} finally {
			child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no @PreDestroy
			assertTrue(child.waitFor(10, TimeUnit.SECONDS));
		}
		assertEquals(128 + 9, child.exitValue(), "killed by SIGKILL");
		assertTrue(Files.exists(autosave), "the autosave outlives the crash");
		assertArrayEquals(sessionAsCreated, Files.readAllBytes(sessionFile), "the session file was written");
		assertEquals(createdModified, Files.getLastModifiedTime(sessionFile), "the session file was touched");
		assertEquals(0.0, SessionStore.load(sessionFile).getMaster().getGainDb(), 1e-12);
	}

	@Test
	@Order(2)
	void theNextStartOffersTheAutosaveAndRestoreGivesTheChangeBack() throws Exception {
		wb = new RunningWorkbench(new Launch(sessionFile, "javasound", 256), false);
		wb.waitFor(10_000, "the offer to recover", () -> wb.ui(() -> wb.shell("Mixtree: recover")) != null);
		Shell offer = wb.ui(() -> wb.shell("Mixtree: recover"));
		assertEquals(null, wb.ui(() -> {
			Shell main = wb.mainShell();
			return main != null && main.isVisible() ? main : null;
		}), "the offer comes before the session's window");
		wb.screenshot(offer, "01-recover-offer");
		wb.click(wb.ui(() -> RunningWorkbench.find(offer, "Restore")));
		wb.waitFor(20_000, "the window with the restored session", () -> "*song - Mixtree".equals(wb.title()));
		assertEquals(-6.0, (double) wb.ui(() -> wb.session.session().getMaster().getGainDb()), 1e-12,
				"Restore gave the change back");
		assertArrayEquals(sessionAsCreated, Files.readAllBytes(sessionFile), "restoring wrote the session file");

		// one undoable step; Ctrl+S then saves it and the autosave goes
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL, 'z');
		assertEquals(0.0, (double) wb.ui(() -> wb.session.session().getMaster().getGainDb()), 1e-12, "Ctrl+Z");
		wb.press(SWT.CTRL | SWT.SHIFT, 'z');
		assertEquals(-6.0, (double) wb.ui(() -> wb.session.session().getMaster().getGainDb()), 1e-12);
		wb.press(SWT.CTRL, 's');
		wb.waitFor(5000, "the save", () -> "song - Mixtree".equals(wb.title()));
		assertEquals(-6.0, SessionStore.load(sessionFile).getMaster().getGainDb(), 1e-12);
		wb.waitFor(5000, "the autosave to go after the save", () -> !Files.exists(Autosaves.fileOf(sessionFile)));
		wb.screenshot(wb.ui(wb::mainShell), "02-restored-and-saved");
	}

	@Test
	@Order(3)
	void ctrlRRendersTheMixAsTheCliDoes() throws Exception {
		wb.press(SWT.CTRL, 'r');
		wb.waitFor(5000, "the render dialog after Ctrl+R", () -> wb.ui(() -> wb.shell("Render song")) != null);
		dialog = wb.ui(() -> wb.shell("Render song"));
		wb.pointAt(dialog);
		wb.screenshot(dialog, "03-render-dialog");
		Text mixFile = (Text) control(RenderDialog.MIX_FILE);
		wb.type(mixFile, "dialog-mix.wav");
		assertEquals("dialog-mix.wav", wb.ui(mixFile::getText));
		wb.click(control("Render"));
		wb.waitFor(120_000, "the render to end", () -> message().startsWith("Rendered") || message().contains("failed"));
		wb.screenshot(dialog, "04-rendered");
		assertTrue(message().startsWith("Rendered dialog-mix.wav: 6:00"), message());
		assertEquals(1000, (int) wb.ui(() -> ((ProgressBar) control(RenderDialog.PROGRESS)).getSelection()));

		Path cli = dir.resolve("cli-mix.wav");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = Cli.run(new String[] { "render", sessionFile.toString(), "-o", cli.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, code, "the CLI's render: " + err);
		byte[] fromDialog = Files.readAllBytes(dir.resolve("dialog-mix.wav"));
		byte[] fromCli = Files.readAllBytes(cli);
		// f32, the same engine path and options: the same bytes (header and every sample)
		assertEquals(fromCli.length, fromDialog.length, "file sizes");
		assertArrayEquals(fromCli, fromDialog, "the dialog's render differs from the CLI's");
		assertTrue(fromCli.length > 360L * 48000 * 2 * 4, "six minutes of stereo float: " + fromCli.length + " bytes");
	}

	@Test
	@Order(4)
	void stemsByDepthWithTheMastersInsertsInS24AsTheCliDoes() throws Exception {
		wb.click(control(RenderDialog.BY_DEPTH));
		assertTrue(wb.ui(() -> control(RenderDialog.DEPTH).isEnabled() && !control(RenderDialog.MIX_FILE).isEnabled()),
				"the level and the folder, not the mix file, for stems by level");
		wb.click(control(RenderDialog.MASTER_PROCESSING));
		// the format by keyboard: the read-only combo takes the arrow keys while it has the focus
		Control format = control(RenderDialog.FORMAT);
		wb.pointAt(dialog);
		wb.ui(format::setFocus);
		pressKey(SWT.ARROW_DOWN);
		assertEquals("24-bit PCM, dithered (s24)", wb.ui(() -> ((org.eclipse.swt.widgets.Combo) format).getText()));
		wb.type((Text) control(RenderDialog.STEMS_DIR), "dialog-stems");
		wb.click(control("Render"));
		wb.waitFor(120_000, "the stems", () -> message().startsWith("Rendered") || message().contains("failed"));
		wb.screenshot(dialog, "05-stems-by-depth");
		assertTrue(message().startsWith("Rendered "), message());

		Path cli = dir.resolve("cli-stems");
		ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
		int code = Cli.run(new String[] { "render", sessionFile.toString(), "--stems-depth", "1", "--master-processing",
				"--format", "s24", "-o", cli.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertEquals(0, code, "the CLI's render: " + err);
		Set<String> names = listing(cli);
		assertEquals(names, listing(dir.resolve("dialog-stems")), "the same stems");
		assertTrue(names.size() >= 3, "stems: " + names);
		for (String name : names) {
			Path c = cli.resolve(name);
			if (Files.isRegularFile(c)) {
				// s24 with the engine's fixed dither seed: the same bytes
				assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(dir.resolve("dialog-stems").resolve(name)),
						"stem " + name + " differs from the CLI's");
			}
		}
		// back to the mix for the next tests
		wb.click(control(RenderDialog.MIX));
	}

	private static void pressKey(int keyCode) {
		wb.ui(() -> {
			org.eclipse.swt.widgets.Event down = new org.eclipse.swt.widgets.Event();
			down.type = SWT.KeyDown;
			down.keyCode = keyCode;
			org.eclipse.swt.widgets.Event up = new org.eclipse.swt.widgets.Event();
			up.type = SWT.KeyUp;
			up.keyCode = keyCode;
			assertTrue(wb.display().post(down) && wb.display().post(up));
			return null;
		});
		wb.settle();
	}

	@Test
	@Order(5)
	void aRenderOntoASourceStemIsRefusedWithOneLine() throws Exception {
		Path kick = dir.resolve("stems/kick.wav");
		byte[] before = Files.readAllBytes(kick);
		FileTime modified = Files.getLastModifiedTime(kick);
		wb.type((Text) control(RenderDialog.MIX_FILE), "stems/kick.wav");
		wb.click(control("Render"));
		wb.waitFor(30_000, "the refusal", () -> message().startsWith("Refused"));
		wb.screenshot(dialog, "06-refused");
		assertTrue(message().matches("Refused: " + java.util.regex.Pattern.quote(kick.toString())
				+ ": is the source of track:\\w+; choose another file or folder\\."), message());
		assertFalse(message().contains("\n"), "one line");
		assertArrayEquals(before, Files.readAllBytes(kick), "the stem was written");
		assertEquals(modified, Files.getLastModifiedTime(kick));
		assertTrue(wb.ui(() -> control("Render").isEnabled()), "the dialog is ready for another render");
	}

	@Test
	@Order(6)
	void aCancelledRenderLeavesNoFile() throws Exception {
		Set<String> before = listing(dir);
		// the mix and the bus stems into a folder that does not exist yet: neither file nor folder may be left
		wb.click(control(RenderDialog.BUS_STEMS));
		wb.type((Text) control(RenderDialog.MIX_FILE), "cancelled.wav");
		wb.type((Text) control(RenderDialog.STEMS_DIR), "cancelled-stems");
		wb.click(control("Render"));
		wb.waitFor(60_000, "the render to be on its way", () -> wb.ui(() -> {
			int at = ((ProgressBar) control(RenderDialog.PROGRESS)).getSelection();
			return at > 0;
		}) || message().startsWith("Rendered"));
		int at = wb.ui(() -> ((ProgressBar) control(RenderDialog.PROGRESS)).getSelection());
		assertTrue(at < 900, "the render was nearly done before Cancel could be pressed (" + at + "/1000): make pad.wav longer");
		assertEquals("Cancel", wb.ui(() -> ((org.eclipse.swt.widgets.Button) control("Cancel")).getText()));
		wb.screenshot(dialog, "07-rendering");
		wb.click(control("Cancel"));
		wb.waitFor(30_000, "the render to stop", () -> !message().startsWith("Rendering") && !message().startsWith("Cancelling"));
		wb.screenshot(dialog, "08-cancelled");
		assertEquals("Render cancelled: no file was written.", message());
		assertFalse(Files.exists(dir.resolve("cancelled.wav")), "cancelled.wav was left");
		assertFalse(Files.exists(dir.resolve("cancelled-stems")), "the stems folder the render made was left");
		assertEquals(before, listing(dir), "a cancelled render left files (temporaries?) in the session's folder");
		assertEquals(0, (int) wb.ui(() -> ((ProgressBar) control(RenderDialog.PROGRESS)).getSelection()));
	}

	@Test
	@Order(7)
	void aNormalQuitLeavesNoAutosave() throws Exception {
		wb.click(control("Close"));
		wb.waitFor(5000, "the dialog to close", () -> wb.ui(() -> wb.shell("Render song")) == null);
		// a change, autosaved, then undone back to the saved state: the autosave goes with it
		wb.ui(() -> {
			AdapterFactoryEditingDomain domain = wb.session.domain();
			SessionCommands.execute(domain, SessionCommands.setGain(domain, wb.session.session().getMaster(), -3.0));
			return null;
		});
		Path autosave = Autosaves.fileOf(sessionFile);
		wb.waitFor(5000, "the autosave of the second change", () -> Files.exists(autosave));
		byte[] saved = Files.readAllBytes(sessionFile);
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL, 'z');
		assertEquals("song - Mixtree", wb.title());
		wb.waitFor(5000, "the autosave to go once the session is back at its saved state", () -> !Files.exists(autosave));
		wb.press(SWT.CTRL, 'q');
		assertEquals(0, wb.exit.get(10, TimeUnit.SECONDS), "exit code after Ctrl+Q");
		assertFalse(Files.exists(autosave));
		assertArrayEquals(saved, Files.readAllBytes(sessionFile));
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static Control control(String name) {
		return wb.ui(() -> {
			Control c = RunningWorkbench.find(dialog, name);
			assertNotNull(c, "no " + name + " in the render dialog");
			return c;
		});
	}

	private static String message() {
		return wb.ui(() -> ((Label) RunningWorkbench.find(dialog, RenderDialog.MESSAGE)).getText());
	}

	private static Set<String> listing(Path folder) throws Exception {
		try (Stream<Path> all = Files.walk(folder)) {
			return all.map(p -> folder.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
		}
	}

	private static void waitFor(long millis, String what, java.util.function.BooleanSupplier condition)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited " + millis + " ms for " + what);
			}
			Thread.sleep(20);
		}
	}

	/**
	 * The workbench in a child JVM: this test runtime's OSGi configuration (its bundles) copied, the application
	 * {@code org.mixtree.ui.render.crashchild} ({@link CrashChild}), the autosave interval at {@value #INTERVAL} s.
	 */
	private static Process child(Path session) throws Exception {
		Path config = dir.resolveSibling("crash-child").resolve("configuration");
		Path data = dir.resolveSibling("crash-child").resolve("data");
		Files.createDirectories(config);
		Files.createDirectories(data);
		Path own = Path.of(URI.create(System.getProperty("osgi.configuration.area")));
		Files.copy(own.resolve("config.ini"), config.resolve("config.ini"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String framework = Path.of(org.osgi.framework.Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-XX:TieredStopAtLevel=1", "-D" + Autosaves.INTERVAL_PROPERTY + "=" + INTERVAL,
				"-DclearPersistedState=true", "-cp", framework, "org.eclipse.core.runtime.adaptor.EclipseStarter",
				"-configuration", config.toUri().toString(), "-data", data.toString(), "-application",
				"org.mixtree.ui.render.crashchild", "-consoleLog", session.toString()));
		ProcessBuilder pb = new ProcessBuilder(command);
		pb.redirectError(dir.resolveSibling("crash-child").resolve("stderr.txt").toFile());
		return pb.start();
	}

	private static String stderr(Process p) {
		try {
			return Files.readString(dir.resolveSibling("crash-child").resolve("stderr.txt"));
		} catch (Exception e) {
			return "(no stderr: " + e + ")";
		}
	}

	private static void sox(Path file, int channels, int seconds, String wave, String freq) throws Exception {
		Process p = new ProcessBuilder("sox", "-n", "-r", "48000", "-b", channels == 1 ? "16" : "24", "-c",
				String.valueOf(channels), file.toString(), "synth", String.valueOf(seconds), wave, freq, "gain", "-12")
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new AssertionError("sox failed (install sox): " + out);
		}
	}
}
