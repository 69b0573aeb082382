package org.mixtree.ui.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.Snapshots;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.LiveSession;
import org.mixtree.session.SnapshotLoudness;
import org.mixtree.ui.SessionService;

/**
 * The top bar's snapshots: Save (a name asked in a small dialog; a name that is taken asks whether to replace it),
 * the list of the session's snapshots, and Recall of the one chosen. Both are the model.edit {@link Snapshots}
 * commands {@code ./mixtree snapshot save|recall} runs, executed on the session's command stack: Ctrl+Z undoes a
 * recall (one step) as it undoes a save. The list follows the model through an EMF adapter.
 * <p>
 * <b>A/B.</b> Two snapshots are chosen (A and B); the A/B button (and Ctrl+B) recalls the other one of them, A first,
 * with the same recall command (one undoable step). Their integrated loudness is measured off the UI thread
 * ({@link SnapshotLoudness}, what {@code ./mixtree snapshot ab} prints, in a {@link Job} on a copy of the session
 * made on the UI thread) whenever the choice or the snapshots change; once known, the louder snapshot, while heard,
 * is trimmed on the master by the difference through the live session's preview path (the master's fader value in
 * the model plus the trim, never written into the model), so the two compare at the same loudness. The bar shows
 * which is heard and its trim ({@code A −6.0 dB matched}). Anything else done to the mix (a fader, an undo of the
 * recall) ends the comparison: the trim comes off and the model's value plays.
 * <p>
 * Threads: every method runs on the UI thread but the measuring job's body.
 */
final class SnapshotGroup implements AbToggle {

	private final Supplier<SessionService> session;
	private final Supplier<LiveSession> live;
	private final Combo list;
	private final Label note;
	private final Combo choiceA;
	private final Combo choiceB;
	private final Label abNote;
	private Session followed;
	private CommandStack followedStack;

	// the A/B comparison
	/** 'A' or 'B' while one of them is heard by the toggle's recall, else 0. */
	private char heard;
	/** The recall the toggle made last: the comparison holds while it is the command to undo. */
	private Command abRecall;
	private boolean recalling;
	/** The measured pair's names and their loudness (null while measuring or not measured). */
	private String measuredA;
	private String measuredB;
	private SnapshotLoudness.Measure loudnessA;
	private SnapshotLoudness.Measure loudnessB;
	private String measureProblem;
	/** Bumped by every new measurement: a job's result for an older choice is dropped. */
	private int measureGeneration;
	private Job measuring;
	/** The trim applied on the master now, dB (0: none). */
	private double trimDb;
	private final CommandStackListener stackChanged = e -> abStackChanged();
	private final AdapterImpl snapshotsChanged = new AdapterImpl() {
		@Override
		public void notifyChanged(Notification n) {
			if (n.getFeature() == MixtreePackage.Literals.SESSION__SNAPSHOTS) {
				refresh();
			}
		}
	};

	/**
	 * @param parent the bar: save, the list and recall
	 * @param abRow  the row the A/B goes to (the time line's: the bar's row has no room left at 1400 px)
	 */
	SnapshotGroup(Composite parent, Composite abRow, Supplier<SessionService> session, Supplier<LiveSession> live) {
		this.session = session;
		this.live = live;
		Composite group = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 0;
		layout.horizontalSpacing = 6;
		group.setLayout(layout);
		group.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		Label caption = new Label(group, SWT.NONE);
		caption.setText("SNAPSHOT");
		caption.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarCaption");
		// what the last save or recall did, beside the caption (its whole text on hover)
		note = new Label(group, SWT.NONE);
		note.setData(TopBar.ID, "snapshot.note");
		note.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarCaption");
		note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));

		Button save = new Button(group, SWT.PUSH);
		save.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		save.setText("Save");
		save.setToolTipText("Save the mix as a snapshot (./mixtree snapshot save)");
		save.setData(TopBar.ID, "snapshot.save");
		save.addListener(SWT.Selection, e -> save());
		list = new Combo(group, SWT.READ_ONLY | SWT.DROP_DOWN);
		list.setData(TopBar.ID, "snapshot.list");
		list.setToolTipText("The session's snapshots");
		list.setLayoutData(new GridData(96, SWT.DEFAULT));
		Button recall = new Button(group, SWT.PUSH);
		recall.setText("Recall");
		recall.setToolTipText("Recall the chosen snapshot: one undoable step (./mixtree snapshot recall)");
		recall.setData(TopBar.ID, "snapshot.recall");
		recall.addListener(SWT.Selection, e -> recall());
		Composite abGroup = new Composite(abRow, SWT.NONE);
		GridLayout abLayout = new GridLayout(5, false);
		abLayout.marginWidth = 0;
		abLayout.marginHeight = 0;
		abLayout.horizontalSpacing = 6;
		abGroup.setLayout(abLayout);
		abGroup.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
		((GridLayout) abRow.getLayout()).numColumns++;
		Label abCaption = new Label(abGroup, SWT.NONE);
		abCaption.setText("A/B");
		abCaption.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarCaption");
		choiceA = abChoice(abGroup, "ab.a", "A: the first snapshot of the loudness-matched A/B");
		choiceB = abChoice(abGroup, "ab.b", "B: the second snapshot of the loudness-matched A/B");
		Button ab = new Button(abGroup, SWT.PUSH);
		ab.setText("A/B");
		ab.setToolTipText("Recall A or B, the louder trimmed to the quieter's loudness while playing (Ctrl+B; ./mixtree snapshot ab)");
		ab.setData(TopBar.ID, "ab.toggle");
		ab.setData(SnapshotGroup.class.getName(), this); // for tests
		ab.addListener(SWT.Selection, e -> toggle());
		// the A/B state: which is heard and its trim (the loudness of both on hover)
		abNote = new Label(abGroup, SWT.NONE);
		abNote.setData(TopBar.ID, "ab.note");
		abNote.setLayoutData(new GridData(150, SWT.DEFAULT));
		list.addListener(SWT.Dispose, e -> {
			follow(null);
			if (measuring != null) {
				measuring.cancel();
			}
		});
		sessionChanged();
	}

	/** Follows the context's session (another one opened replaces it). */
	void sessionChanged() {
		SessionService s = session.get();
		follow(s == null ? null : s.session());
		refresh();
	}

	private void follow(Session s) {
		if (followed != null) {
			followed.eAdapters().remove(snapshotsChanged);
		}
		if (followedStack != null) {
			followedStack.removeCommandStackListener(stackChanged);
			followedStack = null;
		}
		followed = s;
		heard = 0;
		abRecall = null;
		trimDb = 0;
		if (s != null) {
			s.eAdapters().add(snapshotsChanged);
			SessionService service = session.get();
			if (service != null) {
				followedStack = service.commandStack();
				followedStack.addCommandStackListener(stackChanged);
			}
		}
	}

	/** The list from the model, keeping the chosen name when it is still there. */
	private void refresh() {
		if (list.isDisposed()) {
			return;
		}
		String chosen = list.getSelectionIndex() >= 0 ? list.getItem(list.getSelectionIndex()) : null;
		List<String> names = followed == null ? List.of() : Snapshots.names(followed);
		list.setItems(names.toArray(String[]::new));
		int i = chosen == null ? -1 : names.indexOf(chosen);
		if (i >= 0) {
			list.select(i);
		} else if (!names.isEmpty()) {
			list.select(names.size() - 1);
		}
		refreshChoice(choiceA, names, 0);
		refreshChoice(choiceB, names, 1);
		// a snapshot saved again, renamed or deleted: what was measured may be another mix now
		measuredA = measuredB = null;
		loudnessA = loudnessB = null;
		remeasure();
	}

	private static void refreshChoice(Combo c, List<String> names, int fallback) {
		String chosen = c.getSelectionIndex() >= 0 ? c.getItem(c.getSelectionIndex()) : null;
		c.setItems(names.toArray(String[]::new));
		int i = chosen == null ? -1 : names.indexOf(chosen);
		if (i >= 0) {
			c.select(i);
		} else if (names.size() > fallback) {
			c.select(fallback);
		}
	}

	private Combo abChoice(Composite group, String id, String tip) {
		Combo c = new Combo(group, SWT.READ_ONLY | SWT.DROP_DOWN);
		c.setData(TopBar.ID, id);
		c.setToolTipText(tip);
		c.setLayoutData(new GridData(72, SWT.DEFAULT));
		c.addListener(SWT.Selection, e -> {
			endComparison();
			remeasure();
		});
		return c;
	}

	/** Asks a name and saves the mix under it; a taken name asks whether to replace that snapshot. */
	private void save() {
		SessionService s = session.get();
		if (s == null) {
			return;
		}
		InputDialog ask = new InputDialog(list.getShell(), "Save snapshot", "Name of the snapshot:",
				"snapshot " + (s.session().getSnapshots().size() + 1), text -> text.isBlank() ? "give a name" : null);
		if (ask.open() != Window.OK) {
			return;
		}
		String name = ask.getValue().strip();
		Snapshot taken = Snapshots.lookup(s.session(), name);
		if (taken != null && !MessageDialog.openQuestion(list.getShell(), "Replace snapshot",
				"A snapshot named " + taken.getName() + " exists. Replace it with the mix as it is now?")) {
			return;
		}
		EditingDomain domain = s.domain();
		try {
			SessionCommands.execute(domain, Snapshots.save(domain, s.session(), name, taken != null));
			say((taken != null ? "replaced " : "saved ") + name);
		} catch (IllegalArgumentException | CommandRefusedException e) {
			say(e.getMessage());
		}
		refresh();
		int i = list.indexOf(Snapshots.lookup(s.session(), name) == null ? name : Snapshots.lookup(s.session(), name).getName());
		if (i >= 0) {
			list.select(i);
		}
	}

	/** Recalls the chosen snapshot as one command on the stack. */
	private void recall() {
		SessionService s = session.get();
		int i = list.getSelectionIndex();
		if (s == null || i < 0) {
			return;
		}
		recall(list.getItem(i));
	}

	/** Recalls the named snapshot as one command on the session's stack; says what it could not match. */
	String recall(String name) {
		SessionService s = session.get();
		Snapshot snapshot = s == null ? null : Snapshots.lookup(s.session(), name);
		if (snapshot == null) {
			return null;
		}
		EditingDomain domain = s.domain();
		String said;
		try {
			Snapshots.Recall r = Snapshots.recall(domain, s.session(), snapshot);
			SessionCommands.execute(domain, r.command());
			said = "recalled " + snapshot.getName() + (r.notes().isEmpty() ? "" : " (" + String.join("; ", r.notes()) + ")");
		} catch (IllegalArgumentException | CommandRefusedException e) {
			said = e.getMessage();
		}
		say(said);
		return said;
	}

	// ---- A/B

	private String chosen(Combo c) {
		return c.getSelectionIndex() < 0 ? null : c.getItem(c.getSelectionIndex());
	}

	/** Recalls the other of A and B (A first): one command on the stack; the trim follows once measured. */
	@Override
	public void toggle() {
		SessionService s = session.get();
		String a = chosen(choiceA);
		String b = chosen(choiceB);
		if (s == null || a == null || b == null) {
			abSay("choose two snapshots");
			return;
		}
		remeasure();
		char next = heard == 'A' ? 'B' : 'A';
		clearTrim();
		recalling = true;
		String said;
		try {
			said = recall(next == 'A' ? a : b);
		} finally {
			recalling = false;
		}
		if (said == null || !said.startsWith("recalled")) {
			endComparison();
			return;
		}
		heard = next;
		abRecall = s.commandStack().getUndoCommand();
		applyTrim();
	}

	/** [UI] Measures A and B in a job unless that pair is measured or being measured; the UI thread does not wait. */
	private void remeasure() {
		SessionService s = session.get();
		String a = chosen(choiceA);
		String b = chosen(choiceB);
		if (s == null || a == null || b == null || a.equals(measuredA) && b.equals(measuredB)) {
			showAb();
			return;
		}
		if (measuring != null) {
			measuring.cancel();
		}
		measuredA = a;
		measuredB = b;
		loudnessA = loudnessB = null;
		measureProblem = null;
		int generation = ++measureGeneration;
		// the copy is taken here, on the model's thread; the job renders and measures it
		String xml = SessionStore.serialize(s.session());
		Path file = s.file();
		org.eclipse.swt.widgets.Display display = list.getDisplay();
		measuring = new Job("Measuring the loudness of " + a + " and " + b) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				SnapshotLoudness.Measure ma = null;
				SnapshotLoudness.Measure mb = null;
				String problem = null;
				try {
					ma = measure(xml, file, a, monitor);
					mb = monitor.isCanceled() ? null : measure(xml, file, b, monitor);
				} catch (Exception e) {
					problem = e instanceof SnapshotLoudness.InvalidMixException ? e.getMessage()
							: e.getClass().getSimpleName() + ": " + e.getMessage();
				}
				if (monitor.isCanceled()) {
					return Status.CANCEL_STATUS;
				}
				SnapshotLoudness.Measure fa = ma;
				SnapshotLoudness.Measure fb = mb;
				String fp = problem;
				if (!display.isDisposed()) {
					display.asyncExec(() -> measured(generation, fa, fb, fp));
				}
				return Status.OK_STATUS;
			}
		};
		measuring.setSystem(true);
		measuring.schedule();
		showAb();
	}

	/** [job] The named snapshot's mix recalled onto a copy of the session (in a domain of its own) and measured. */
	private static SnapshotLoudness.Measure measure(String xml, Path file, String name, IProgressMonitor monitor) throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Resource resource = SessionStore.createResource(domain.getResourceSet(), file);
		resource.load(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
				Map.of(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE));
		Session copy = (Session) resource.getContents().get(0);
		Snapshot snapshot = Snapshots.find(copy, name);
		SessionCommands.execute(domain, Snapshots.recall(domain, copy, snapshot).command());
		return SnapshotLoudness.measure(copy, file, snapshot.getName(), Double.POSITIVE_INFINITY, warning -> {
		});
	}

	/** [UI] A measurement came back: kept if it is of the pair chosen now, and the trim applied. */
	private void measured(int generation, SnapshotLoudness.Measure a, SnapshotLoudness.Measure b, String problem) {
		if (generation != measureGeneration || list.isDisposed()) {
			return;
		}
		measuring = null;
		loudnessA = a;
		loudnessB = b;
		measureProblem = problem;
		applyTrim();
	}

	/** [UI] The trim of the snapshot heard, on the master through the live session's preview path. */
	private void applyTrim() {
		if (heard == 0 || loudnessA == null || loudnessB == null) {
			showAb();
			return;
		}
		trimDb = SnapshotLoudness.matchTrimDb(heard == 'A' ? loudnessA : loudnessB, loudnessA, loudnessB);
		previewMaster(trimDb);
		showAb();
	}

	/** [UI] Takes the trim off: the master plays the model's value again. */
	private void clearTrim() {
		if (trimDb != 0) {
			trimDb = 0;
			previewMaster(0);
		}
	}

	private void previewMaster(double trim) {
		LiveSession l = live.get();
		Bus master = followed == null ? null : followed.getMaster();
		if (l != null && master != null) {
			l.previewGain(master, master.getGainDb() + trim);
		}
	}

	/** [UI] The transport changed (a new live session starts with the model's values): the trim again. */
	void transportChanged() {
		if (heard != 0 && trimDb != 0) {
			previewMaster(trimDb);
		}
	}

	/** [UI] Anything but the toggle's own recall on the stack ends the comparison (the undo of the recall too). */
	private void abStackChanged() {
		if (recalling || heard == 0) {
			return;
		}
		SessionService s = session.get();
		if (s == null || s.commandStack().getUndoCommand() != abRecall) {
			endComparison();
		}
	}

	private void endComparison() {
		clearTrim();
		heard = 0;
		abRecall = null;
		showAb();
	}

	/** [UI] The A/B state in the caption row. */
	private void showAb() {
		if (abNote.isDisposed()) {
			return;
		}
		String text;
		if (heard == 0) {
			text = measureProblem != null ? measureProblem
					: measuredA != null && loudnessA == null ? "measuring\u2026" : "";
		} else if (measureProblem != null) {
			text = heard + " not matched: " + measureProblem;
		} else if (loudnessA == null || loudnessB == null) {
			text = heard + " (measuring\u2026)";
		} else {
			text = heard + " " + db(trimDb) + " dB matched";
		}
		abSay(text);
	}

	private void abSay(String text) {
		abNote.setText(text);
		abNote.setToolTipText(loudnessA == null || loudnessB == null ? text
				: text + "\nA " + loudnessA.name() + ": " + db(SnapshotLoudness.round(loudnessA.lufs())) + " LUFS\nB "
						+ loudnessB.name() + ": " + db(SnapshotLoudness.round(loudnessB.lufs())) + " LUFS");
		abNote.getParent().getParent().layout(true, true);
	}

	/** {@code −6.0}, {@code 0.0}, {@code +1.5}: a typographic minus, as the bar prints it. */
	static String db(double v) {
		if (!Double.isFinite(v)) {
			return v < 0 ? "-inf" : "+inf";
		}
		String s = String.format(Locale.ROOT, "%.1f", v == 0 ? 0.0 : v);
		return s.startsWith("-") ? "\u2212" + s.substring(1) : s.equals("0.0") ? s : "+" + s;
	}

	/** [UI] For tests: which is heard ('A', 'B' or 0) and the trim applied on the master, dB. */
	char heard() {
		return heard;
	}

	/** [UI] For tests: the trim applied on the master now, dB. */
	double trimDb() {
		return trimDb;
	}

	/** What the last save or recall did, in the caption row (the whole text on hover). */
	private void say(String what) {
		note.setText(what);
		note.setToolTipText(what);
		note.getParent().getParent().layout(true, true);
	}
}
