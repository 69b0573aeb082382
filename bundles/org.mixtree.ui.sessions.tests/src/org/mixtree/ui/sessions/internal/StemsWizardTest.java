package org.mixtree.ui.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.model.Bus;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.edit.builder.StemLayout.BusDraft;
import org.mixtree.model.edit.builder.StemLayout.TrackDraft;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.sessions.StemChooser;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;

/**
 * New Session from Stems and Import Stems in the real workbench under Xvfb, driven by keys and the mouse: a folder of
 * sox-made stems with engineer-style names, the preview of the auto-grouping (a stem dragged onto another bus, a bus
 * renamed with F2), Cancel writing nothing, Create writing the session the preview showed and opening it, and an
 * import of two more stems undone by one Ctrl+Z. The folder and files come from a {@link StemChooser} in the
 * application's context instead of the native dialogs. One workbench for the class; the tests run in order on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StemsWizardTest {

	private static Path root;
	private static Path stems;
	private static Path more;
	private static Path startFile;
	private static RunningWorkbench wb;
	private static final AtomicReference<Path> folder = new AtomicReference<>();
	private static final AtomicReference<List<Path>> files = new AtomicReference<>(List.of());

	@BeforeAll
	static void start() throws Exception {
		root = Screenshots.target().resolve("wizard");
		if (Files.exists(root)) {
			try (Stream<Path> all = Files.walk(root)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
		stems = Files.createDirectories(root.resolve("song"));
		sox(stems.resolve("01_KickIn.wav"), 1, "55");
		sox(stems.resolve("OH L.wav"), 1, "3000");
		sox(stems.resolve("OH R.wav"), 1, "3100");
		sox(stems.resolve("BassDI.flac"), 1, "110");
		sox(stems.resolve("LeadVox.wav"), 1, "440");
		Files.writeString(stems.resolve("notes.txt"), "comp the second verse\n");
		more = Files.createDirectories(root.resolve("more"));
		sox(more.resolve("BGV.wav"), 2, "660");
		sox(more.resolve("Snare Top.wav"), 1, "200");
		startFile = startSession(Files.createDirectories(root.resolve("start")));
		wb = new RunningWorkbench(new Launch(startFile, "javasound", 256));
		wb.ui(() -> {
			IEclipseContext context = wb.mainShellContext();
			context.set(StemChooser.class, new StemChooser() {
				@Override
				public Path folder(Shell shell, Path startIn) {
					return folder.get();
				}

				@Override
				public List<Path> stems(Shell shell, Path startIn) {
					return files.get();
				}
			});
			return null;
		});
	}

	@AfterAll
	static void stop() throws Exception {
		if (wb != null) {
			wb.close();
		}
	}

	@Test
	@Order(1)
	void cancelWritesNothing() throws Exception {
		List<String> before = listing(root);
		folder.set(stems);
		wb.press(SWT.CTRL, 'n');
		Shell dialog = wb.waitForShell("New Session from Stems");
		assertEquals(List.of(
				"Drums: 01_KickIn C, OH L L100, OH R R100",
				"Bass: BassDI C",
				"Vocals: LeadVox C",
				"not used: notes.txt (not an audio file)"), preview(dialog));
		wb.click(button(dialog, "Cancel"));
		wb.waitFor(5_000, "the preview to close", () -> wb.ui(() -> dialog.isDisposed()));
		assertEquals(before, listing(root), "Cancel wrote something");
		assertEquals("start - Mixtree", wb.title());
	}

	@Test
	@Order(2)
	void createsTheSessionThePreviewShows() throws Exception {
		folder.set(stems);
		wb.press(SWT.CTRL, 'n');
		Shell dialog = wb.waitForShell("New Session from Stems");
		RGB background = wb.ui(() -> tree(dialog).getBackground().getRGB());
		assertTrue(luminance(background) < 0.25, "the preview is dark: its background is " + background);
		wb.screenshot(dialog, "01-new-session-preview");

		// drag LeadVox onto the Bass bus with the mouse
		Rectangle vox = itemBounds(dialog, "LeadVox");
		Rectangle bass = itemBounds(dialog, "Bass");
		List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
		org.eclipse.swt.widgets.Listener log = e -> seen.add(e.type + ":" + e.widget.getClass().getSimpleName() + "@" + e.x + ","
				+ e.y + " b" + e.button + " s" + Integer.toHexString(e.stateMask));
		wb.ui(() -> {
			for (int type : new int[] { SWT.MouseDown, SWT.MouseMove, SWT.MouseUp }) {
				wb.display().addFilter(type, log);
			}
			return null;
		});
		wb.drag(vox.x + 30, vox.y + vox.height / 2, bass.x + 30, bass.y + bass.height / 2);
		try {
			wb.waitFor(5_000, "LeadVox to move to Bass", () -> preview(dialog).get(1).equals("Bass: BassDI C, LeadVox C"));
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "; dragged from " + vox + " to " + bass + ", events " + seen + "; "
					+ preview(dialog));
		} finally {
			wb.ui(() -> {
				for (int type : new int[] { SWT.MouseDown, SWT.MouseMove, SWT.MouseUp }) {
					wb.display().removeFilter(type, log);
				}
				return null;
			});
		}

		// rename Drums: select it with the mouse, F2, type, Enter
		Rectangle drums = itemBounds(dialog, "Drums");
		wb.clickAt(drums.x + 30, drums.y + drums.height / 2);
		assertEquals("Drums", wb.ui(() -> tree(dialog).getSelection()[0].getText(0)), "the click selects the bus");
		wb.pressCode(SWT.F2);
		wb.waitFor(2_000, "F2 to open the name field",
				() -> wb.ui(() -> find(tree(dialog), org.eclipse.swt.widgets.Text.class, t -> true)) != null);
		wb.type("kit");
		wb.pressCode(SWT.CR);
		try {
			wb.waitFor(5_000, "Drums to be renamed kit", () -> preview(dialog).get(0).startsWith("kit:"));
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "; " + wb.ui(() -> {
				org.eclipse.swt.widgets.Text t = find(tree(dialog), org.eclipse.swt.widgets.Text.class, x -> true);
				Control focus = dialog.getDisplay().getFocusControl();
				return "name field " + (t == null ? "gone" : "'" + t.getText() + "'") + ", focus "
						+ (focus == null ? null : focus.getClass().getSimpleName()) + ", labels "
						+ labels(dialog) + ", " + preview(dialog);
			}));
		}
		List<String> shown = preview(dialog);
		assertEquals(List.of(
				"kit: 01_KickIn C, OH L L100, OH R R100",
				"Bass: BassDI C, LeadVox C",
				"Vocals:",
				"not used: notes.txt (not an audio file)"), shown);
		wb.screenshot(dialog, "02-new-session-changed");

		wb.click(button(dialog, "Create"));
		Path file = stems.resolve("song.mixtree");
		wb.waitFor(20_000, "the new session to open", () -> "song - Mixtree".equals(wb.title()));
		assertTrue(Files.isRegularFile(file), "no " + file);
		Session written = SessionStore.load(file);
		assertEquals(shown.subList(0, 3), tree(written));
		assertEquals(48000, written.getSampleRate());
		for (Track t : written.getTracks()) {
			assertTrue(Files.isSameFile(stems.resolve(t.getName() + (t.getName().equals("BassDI") ? ".flac" : ".wav")),
					SessionStore.resolveSource(t, file)), t.getName() + " reads " + t.getSource());
		}
		SessionService open = wb.ui(() -> wb.mainShellContext().get(SessionService.class));
		assertEquals(file, open.file());
		assertFalse(open.isDirty());
		wb.screenshot(wb.ui(wb::mainShell), "03-new-session-opened");
	}

	@Test
	@Order(3)
	void importIsOneUndoStep() throws Exception {
		Path file = stems.resolve("song.mixtree");
		byte[] saved = Files.readAllBytes(file);
		SessionService open = wb.ui(() -> wb.mainShellContext().get(SessionService.class));
		files.set(List.of(more.resolve("BGV.wav"), more.resolve("Snare Top.wav")));
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL | SWT.SHIFT, 'i');
		Shell dialog = wb.waitForShell("Import Stems into song");
		assertEquals(List.of(
				"kit:",
				"Bass:",
				"Vocals: BGV C",
				"Other: Snare Top C"), preview(dialog));
		wb.screenshot(dialog, "04-import-preview");
		wb.click(button(dialog, "Import"));
		wb.waitFor(5_000, "the import", () -> wb.ui(() -> open.session().getTracks().size()) == 7);
		assertEquals(List.of(
				"kit: 01_KickIn C, OH L L100, OH R R100",
				"Bass: BassDI C, LeadVox C",
				"Vocals: BGV C",
				"Other: Snare Top C"), wb.ui(() -> tree(open.session())));
		assertEquals("*song - Mixtree", wb.title());
		assertTrue(Files.exists(file) && java.util.Arrays.equals(saved, Files.readAllBytes(file)),
				"importing wrote the session file");

		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL, 'z');
		wb.waitFor(5_000, "Ctrl+Z to take the import back", () -> wb.ui(() -> open.session().getTracks().size()) == 5);
		assertEquals(List.of(
				"kit: 01_KickIn C, OH L L100, OH R R100",
				"Bass: BassDI C, LeadVox C",
				"Vocals:"), wb.ui(() -> tree(open.session())));
		assertFalse(wb.ui(() -> open.commandStack().canUndo()), "one undo step took the whole import back");
		assertEquals("song - Mixtree", wb.title());
	}

	@Test
	@Order(4)
	void anExistingSessionFileIsReplacedOnlyWhenAnswered() throws Exception {
		Path file = stems.resolve("song.mixtree");
		byte[] before = Files.readAllBytes(file);
		folder.set(stems);
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL, 'n');
		Shell dialog = wb.waitForShell("New Session from Stems");
		wb.click(button(dialog, "Create"));
		Shell question = wb.waitForShell("Mixtree");
		assertTrue(wb.ui(() -> question != dialog && labels(question).toString().contains("song.mixtree already exists")),
				"asked before replacing: " + wb.ui(() -> labels(question)));
		wb.screenshot(question, "05-replace-question");
		wb.click(button(question, "No"));
		wb.waitFor(5_000, "the question to close", () -> wb.ui(() -> question.isDisposed()));
		assertFalse(wb.ui(() -> dialog.isDisposed()), "No keeps the preview open");
		wb.click(button(dialog, "Cancel"));
		wb.waitFor(5_000, "the preview to close", () -> wb.ui(() -> dialog.isDisposed()));
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the session file was replaced without a yes");
		assertEquals("song - Mixtree", wb.title());
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** The preview as lines: {@code BUS/PATH: track pan, ...} per bus in order, then what is not used. */
	private static List<String> preview(Shell dialog) {
		return wb.ui(() -> {
			List<String> lines = new ArrayList<>();
			for (TreeItem item : tree(dialog).getItems()) {
				previewLines(item, "", lines);
			}
			return lines;
		});
	}

	private static void previewLines(TreeItem item, String prefix, List<String> lines) {
		if (item.getData() instanceof BusDraft bus) {
			List<String> tracks = new ArrayList<>();
			for (TreeItem child : item.getItems()) {
				if (child.getData() instanceof TrackDraft) {
					tracks.add(child.getText(0) + " " + child.getText(1));
				}
			}
			lines.add(prefix + bus.name() + ":" + (tracks.isEmpty() ? "" : " " + String.join(", ", tracks)));
			for (TreeItem child : item.getItems()) {
				previewLines(child, prefix + bus.name() + "/", lines);
			}
		} else if (item.getData() == null && item.getText(0).startsWith("Not used")) {
			List<String> unused = new ArrayList<>();
			for (TreeItem child : item.getItems()) {
				unused.add(child.getText(0) + " (" + child.getText(2) + ")");
			}
			lines.add("not used: " + String.join(", ", unused));
		}
	}

	/** A session's bus tree as the same lines, from the model. */
	private static List<String> tree(Session session) {
		List<String> lines = new ArrayList<>();
		for (Bus bus : session.getBuses()) {
			String path = bus.getName();
			for (Bus b = bus.getOutput(); b != null; b = b.getOutput()) {
				path = b.getName() + "/" + path;
			}
			List<String> tracks = new ArrayList<>();
			for (Track t : session.getTracks()) {
				if (t.getOutput() == bus) {
					tracks.add(t.getName() + " " + StemsDialog.pan(t.getPan()));
				}
			}
			lines.add(path + ":" + (tracks.isEmpty() ? "" : " " + String.join(", ", tracks)));
		}
		return lines;
	}

	private static List<String> labels(Composite parent) {
		List<String> texts = new ArrayList<>();
		for (Control c : parent.getChildren()) {
			if (c instanceof org.eclipse.swt.widgets.Label l && !l.getText().isEmpty()) {
				texts.add(l.getText());
			} else if (c instanceof Composite comp) {
				texts.addAll(labels(comp));
			}
		}
		return texts;
	}

	private static Tree tree(Shell dialog) {
		return find(dialog, Tree.class, c -> true);
	}

	private static Button button(Shell dialog, String text) {
		Button b = wb.ui(() -> find(dialog, Button.class, x -> text.equals(x.getText().replace("&", ""))));
		assertNotNull(b, "no button " + text);
		return b;
	}

	private static <T extends Control> T find(Composite parent, Class<T> type, java.util.function.Predicate<T> test) {
		for (Control c : parent.getChildren()) {
			if (type.isInstance(c) && test.test(type.cast(c))) {
				return type.cast(c);
			}
			if (c instanceof Composite comp) {
				T found = find(comp, type, test);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Where the tree item showing {@code name} is on the screen. */
	private static Rectangle itemBounds(Shell dialog, String name) {
		return wb.ui(() -> {
			Tree tree = tree(dialog);
			TreeItem item = findItem(tree.getItems(), name);
			assertNotNull(item, "no item " + name);
			tree.showItem(item);
			return tree.getDisplay().map(tree, null, item.getBounds(0));
		});
	}

	private static TreeItem findItem(TreeItem[] items, String name) {
		for (TreeItem i : items) {
			if (i.getText(0).equals(name)) {
				return i;
			}
			TreeItem f = findItem(i.getItems(), name);
			if (f != null) {
				return f;
			}
		}
		return null;
	}

	private static List<String> listing(Path dir) throws Exception {
		try (Stream<Path> all = Files.walk(dir)) {
			return all.map(p -> dir.relativize(p).toString()).sorted().toList();
		}
	}

	private static double luminance(RGB c) {
		return (0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue) / 255.0;
	}

	/** A session for the workbench to start on, from one sox stem. */
	private static Path startSession(Path dir) throws Exception {
		sox(dir.resolve("Keys.wav"), 2, "330");
		Path file = dir.resolve("start." + SessionStore.EXTENSION);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, file, "start", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, List.of("Keys.wav"), GroupingMode.AUTO));
		SessionStore.save(session, file);
		return file;
	}

	static void sox(Path file, int channels, String freq) throws Exception {
		Process p = new ProcessBuilder("sox", "-n", "-r", "48000", "-b", "24", "-c", String.valueOf(channels),
				file.toString(), "synth", "2", "sine", freq, "gain", "-12").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new AssertionError("sox failed (install sox): " + out);
		}
	}

	static {
		// no one's own grouping rules change what these tests expect
		System.setProperty("mixtree.xdgConfigHome", Screenshots.target().resolve("no-xdg").toString());
	}
}
