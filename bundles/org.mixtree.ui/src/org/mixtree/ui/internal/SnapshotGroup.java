package org.mixtree.ui.internal;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
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
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.Snapshots;
import org.mixtree.ui.SessionService;

/**
 * The top bar's snapshots: Save (a name asked in a small dialog; a name that is taken asks whether to replace it),
 * the list of the session's snapshots, and Recall of the one chosen. Both are the model.edit {@link Snapshots}
 * commands {@code ./mixtree snapshot save|recall} runs, executed on the session's command stack: Ctrl+Z undoes a
 * recall (one step) as it undoes a save. The list follows the model through an EMF adapter.
 * <p>
 * Threads: every method runs on the UI thread.
 */
final class SnapshotGroup {

	private final Supplier<SessionService> session;
	private final Combo list;
	private final Label note;
	private Session followed;
	private final AdapterImpl snapshotsChanged = new AdapterImpl() {
		@Override
		public void notifyChanged(Notification n) {
			if (n.getFeature() == MixtreePackage.Literals.SESSION__SNAPSHOTS) {
				refresh();
			}
		}
	};

	SnapshotGroup(Composite parent, Supplier<SessionService> session) {
		this.session = session;
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
		list.addListener(SWT.Dispose, e -> follow(null));
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
		followed = s;
		if (s != null) {
			s.eAdapters().add(snapshotsChanged);
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

	/** What the last save or recall did, in the caption row (the whole text on hover). */
	private void say(String what) {
		note.setText(what);
		note.setToolTipText(what);
		note.getParent().getParent().layout(true, true);
	}
}
