package org.mixtree.ui.sessions.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.TreeEditor;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.mixtree.model.edit.builder.StemFolder;
import org.mixtree.model.edit.builder.StemLayout;
import org.mixtree.model.edit.builder.StemLayout.BusDraft;
import org.mixtree.model.edit.builder.StemLayout.TrackDraft;
import org.mixtree.model.persistence.SessionStore;

/**
 * The preview of where stems go, before anything is written: the bus tree the grouping rules propose with each stem
 * under its bus (the pans of left/right pairs beside them) and the files that will not be used, with the reason. The
 * person changes it here: drags a stem onto another bus (or picks the bus in "Move to"), renames a bus (F2,
 * double-click or Rename), adds one. For a new session the dialog also names the session file (beside the stems by
 * default, never over an existing file without asking). Cancel leaves everything as it was.
 * <p>
 * The dialog edits only the {@link StemLayout}; its caller turns the layout into the one command that creates or
 * imports.
 */
final class StemsDialog extends Dialog {

	/** What the dialog is for. */
	enum Purpose {
		NEW, IMPORT
	}

	static final String CSS_CLASS = "org.eclipse.e4.ui.css.CssClassName";

	private final Purpose purpose;
	private final StemReading reading;
	private final StemLayout layout;
	private final String into;
	private Path sessionFile;

	private Tree tree;
	private Combo moveTo;
	private Button rename;
	private Text fileText;
	private Label problem;
	private TreeEditor editor;
	private List<BusDraft> moveTargets = List.of();

	/** While the mouse drags a stem: the stem and where the button went down. */
	private TrackDraft dragged;
	private Point dragFrom;
	private boolean dragging;
	private Cursor dragCursor;

	/**
	 * @param into the session's name for an import, the proposed session file for a new session
	 */
	StemsDialog(Shell parent, Purpose purpose, StemReading reading, StemLayout layout, String into, Path proposedFile) {
		super(parent);
		this.purpose = purpose;
		this.reading = reading;
		this.layout = layout;
		this.into = into;
		this.sessionFile = proposedFile;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	/** The session file the person chose (a new session). */
	Path sessionFile() {
		return sessionFile;
	}

	StemLayout layout() {
		return layout;
	}

	/** [UI] The preview's tree (tests find items in it). */
	Tree tree() {
		return tree;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(purpose == Purpose.NEW ? "New Session from Stems" : "Import Stems into " + into);
	}

	@Override
	protected Point getInitialSize() {
		return new Point(980, 640);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		((GridLayout) area.getLayout()).numColumns = 2;

		Label heading = new Label(area, SWT.WRAP);
		heading.setText(heading());
		heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		tree = new Tree(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		tree.setHeaderVisible(true);
		tree.setLinesVisible(false);
		GridData treeData = new GridData(SWT.FILL, SWT.FILL, true, true);
		treeData.heightHint = 360;
		tree.setLayoutData(treeData);
		column("Bus / Track", 280);
		column("Pan", 70);
		column("File", 360);

		Composite side = new Composite(area, SWT.NONE);
		side.setLayout(new GridLayout(1, false));
		side.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		Label moveLabel = new Label(side, SWT.NONE);
		moveLabel.setText("Move stem to:");
		moveTo = new Combo(side, SWT.READ_ONLY | SWT.DROP_DOWN);
		moveTo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		moveTo.addListener(SWT.Selection, e -> moveSelectedTo(moveTo.getSelectionIndex()));
		Button add = new Button(side, SWT.PUSH);
		add.setText("Add Bus");
		add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		add.addListener(SWT.Selection, e -> addBus());
		rename = new Button(side, SWT.PUSH);
		rename.setText("Rename Bus");
		rename.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		rename.addListener(SWT.Selection, e -> {
			if (selected() instanceof BusDraft bus) {
				startRename(bus);
			}
		});
		Label hint = new Label(side, SWT.WRAP);
		hint.setText("Drag a stem onto a bus to move it.\nF2 or double-click renames a bus.");
		hint.setData(CSS_CLASS, "StemPreviewNote");
		GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false);
		hintData.widthHint = 190;
		hint.setLayoutData(hintData);

		if (purpose == Purpose.NEW) {
			Composite fileRow = new Composite(area, SWT.NONE);
			GridLayout rowLayout = new GridLayout(3, false);
			rowLayout.marginWidth = 0;
			fileRow.setLayout(rowLayout);
			fileRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(fileRow, SWT.NONE).setText("Session file:");
			fileText = new Text(fileRow, SWT.BORDER | SWT.SINGLE);
			fileText.setText(sessionFile.toString());
			fileText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			Button browse = new Button(fileRow, SWT.PUSH);
			browse.setText("Browse...");
			browse.addListener(SWT.Selection, e -> browse());
		}

		problem = new Label(area, SWT.WRAP);
		problem.setData(CSS_CLASS, "StemPreviewProblem");
		problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		editor = new TreeEditor(tree);
		editor.grabHorizontal = true;
		tree.addListener(SWT.Selection, e -> selectionChanged());
		// the name field opens after the key or click that asked for it is handled, so that the tree does not take
		// the focus back at its end
		tree.addListener(SWT.DefaultSelection, e -> {
			if (selected() instanceof BusDraft bus) {
				tree.getDisplay().asyncExec(() -> startRename(bus));
			}
		});
		tree.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.F2 && selected() instanceof BusDraft bus) {
				tree.getDisplay().asyncExec(() -> startRename(bus));
			}
		});
		dragCursor = new Cursor(tree.getDisplay(), SWT.CURSOR_HAND);
		tree.addListener(SWT.Dispose, e -> dragCursor.dispose());
		tree.addListener(SWT.MouseDown, this::mouseDown);
		tree.addListener(SWT.Dispose, e -> endDrag());
		refresh(null);
		return area;
	}

	private void column(String name, int width) {
		TreeColumn c = new TreeColumn(tree, SWT.LEFT);
		c.setText(name);
		c.setWidth(width);
	}

	private String heading() {
		int n = reading.stems().size();
		String stems = n + (n == 1 ? " stem" : " stems");
		String where = reading.folder() != null ? " in " + reading.folder() : "";
		String rules = reading.rulesRead().isEmpty() ? "the shipped grouping rules"
				: "the shipped grouping rules + " + String.join(" + ", reading.rulesRead().stream().map(Path::toString).toList());
		return purpose == Purpose.NEW
				? stems + where + ", grouped by " + rules + " (" + reading.rate() + " Hz). Nothing is written before Create."
				: stems + where + " to add to " + into + ", each on the bus " + rules
						+ " choose among the session's buses. Nothing changes before Import.";
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, purpose == Purpose.NEW ? "Create" : "Import", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	// ------------------------------------------------------------------------------------------ the tree

	/** [UI] Rebuilds the tree from the layout and selects {@code select} (a bus or a track) when given. */
	void refresh(Object select) {
		tree.setRedraw(false);
		try {
			tree.removeAll();
			TreeItem toSelect = null;
			for (BusDraft top : layout.children(null)) {
				TreeItem found = addBus(null, top, select);
				toSelect = toSelect != null ? toSelect : found;
			}
			for (TrackDraft t : layout.tracksOf(null)) {
				TreeItem found = addTrack(new TreeItem(tree, SWT.NONE), t, select);
				toSelect = toSelect != null ? toSelect : found;
			}
			if (!reading.unused().isEmpty()) {
				TreeItem header = new TreeItem(tree, SWT.NONE);
				header.setText(0, "Not used (" + reading.unused().size() + ")");
				for (StemFolder.Unused u : reading.unused()) {
					TreeItem item = new TreeItem(header, SWT.NONE);
					item.setText(new String[] { u.name(), "", u.reason() });
					item.setData(u);
					item.setForeground(tree.getDisplay().getSystemColor(SWT.COLOR_GRAY));
				}
				header.setExpanded(true);
			}
			if (toSelect != null) {
				tree.setSelection(toSelect);
			}
		} finally {
			tree.setRedraw(true);
		}
		moveTargets = layout.buses();
		List<String> names = new ArrayList<>();
		for (BusDraft b : moveTargets) {
			names.add("  ".repeat(depth(b)) + b.name());
		}
		moveTo.setItems(names.toArray(String[]::new));
		selectionChanged();
		validate();
	}

	private TreeItem addBus(TreeItem parent, BusDraft bus, Object select) {
		TreeItem item = parent == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parent, SWT.NONE);
		int count = layout.tracksOf(bus).size();
		String note = count == 0 ? "empty" : count + (count == 1 ? " stem" : " stems");
		if (purpose == Purpose.IMPORT) {
			note = (bus.existing() != null ? "in the session" : "new bus") + (count == 0 ? "" : ", " + count + " new");
		}
		item.setText(new String[] { bus.name(), "", note });
		item.setData(bus);
		TreeItem found = bus == select ? item : null;
		for (BusDraft child : layout.children(bus)) {
			TreeItem f = addBus(item, child, select);
			found = found != null ? found : f;
		}
		for (TrackDraft t : layout.tracksOf(bus)) {
			TreeItem f = addTrack(new TreeItem(item, SWT.NONE), t, select);
			found = found != null ? found : f;
		}
		item.setExpanded(true);
		return found;
	}

	private TreeItem addTrack(TreeItem item, TrackDraft track, Object select) {
		item.setText(new String[] { track.name(), pan(track.pan()), track.stem().getFileName().toString() });
		item.setData(track);
		return track == select ? item : null;
	}

	static String pan(double pan) {
		if (pan == 0) {
			return "C";
		}
		return String.format(Locale.ROOT, "%s%d", pan < 0 ? "L" : "R", Math.round(Math.abs(pan) * 100));
	}

	private static int depth(BusDraft bus) {
		int d = 0;
		for (BusDraft b = bus.parent(); b != null; b = b.parent()) {
			d++;
		}
		return d;
	}

	private Object selected() {
		TreeItem[] s = tree.getSelection();
		return s.length == 1 ? s[0].getData() : null;
	}

	private void selectionChanged() {
		Object s = selected();
		moveTo.setEnabled(s instanceof TrackDraft);
		if (s instanceof TrackDraft t) {
			moveTo.select(moveTargets.indexOf(t.bus()));
		} else {
			moveTo.deselectAll();
		}
		rename.setEnabled(s instanceof BusDraft b && b.existing() == null);
	}

	// ------------------------------------------------------------------------------------------ changes

	private void moveSelectedTo(int index) {
		if (index >= 0 && index < moveTargets.size() && selected() instanceof TrackDraft t) {
			layout.move(t, moveTargets.get(index));
			refresh(t);
		}
	}

	private void addBus() {
		BusDraft bus = layout.addBus(null);
		refresh(bus);
		startRename(bus);
	}

	/** [UI] Edits a bus's name in place: Enter or leaving the field keeps it (when it is a good name), Escape not. */
	void startRename(BusDraft bus) {
		if (tree.isDisposed()) {
			return;
		}
		if (bus.existing() != null) {
			problem.setText("bus " + bus.name() + " is already in the session: rename it in the console");
			return;
		}
		TreeItem item = find(tree.getItems(), bus);
		if (item == null) {
			return;
		}
		Text text = new Text(tree, SWT.SINGLE);
		text.setText(bus.name());
		text.selectAll();
		boolean[] done = new boolean[1];
		Runnable commit = () -> {
			if (done[0]) {
				return;
			}
			done[0] = true;
			String name = text.getText();
			String why = layout.nameProblem(name, bus);
			text.dispose();
			if (why != null) {
				problem.setText(why);
				return;
			}
			layout.rename(bus, name);
			refresh(bus);
		};
		text.addListener(SWT.DefaultSelection, e -> commit.run());
		text.addListener(SWT.FocusOut, e -> commit.run());
		text.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_ESCAPE) {
				done[0] = true;
				e.doit = false;
				text.dispose();
			} else if (e.detail == SWT.TRAVERSE_RETURN) {
				e.doit = false;
				commit.run();
			}
		});
		editor.setEditor(text, item, 0);
		text.setFocus();
	}

	private static TreeItem find(TreeItem[] items, Object data) {
		for (TreeItem i : items) {
			if (i.getData() == data) {
				return i;
			}
			TreeItem f = find(i.getItems(), data);
			if (f != null) {
				return f;
			}
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------ dragging a stem

	private void mouseDown(Event e) {
		endDrag();
		// where the pointer is, not the event's x/y: GTK reports a press or release that arrives through the tree view's
		// grab relative to another window (seen under Xvfb: the screen's origin)
		Point pointer = tree.getDisplay().getCursorLocation();
		if (e.button == 1 && tree.getItem(tree.toControl(pointer)) instanceof TreeItem under && !under.isDisposed()
				&& (tree.getSelectionCount() != 1 || tree.getSelection()[0] != under)) {
			tree.setSelection(under);
			selectionChanged();
		}
		if (e.button == 1 && tree.getItem(tree.toControl(pointer)) instanceof TreeItem item
				&& item.getData() instanceof TrackDraft t) {
			dragged = t;
			dragFrom = pointer;
			// the rest of the gesture is watched on the display: while the button is down the tree view may not be
			// the widget that gets the motion and the release
			tree.getDisplay().addFilter(SWT.MouseMove, dragFilter);
			tree.getDisplay().addFilter(SWT.MouseUp, dragFilter);
		}
	}

	private final org.eclipse.swt.widgets.Listener dragFilter = this::dragEvent;

	private void dragEvent(Event e) {
		if (tree.isDisposed() || dragged == null || !(e.widget instanceof Control c) || c.isDisposed()) {
			endDrag();
			return;
		}
		Point screen = c.getDisplay().getCursorLocation();
		if (e.type == SWT.MouseMove) {
			if (!dragging && Math.abs(screen.y - dragFrom.y) + Math.abs(screen.x - dragFrom.x) > 4) {
				dragging = true;
				tree.setCursor(dragCursor);
			}
			return;
		}
		TrackDraft t = dragged;
		boolean wasDragging = dragging;
		endDrag();
		if (!wasDragging || e.button != 1) {
			return;
		}
		Point at = tree.getDisplay().map(null, tree, screen);
		TreeItem over = tree.getItem(at);
		BusDraft target = null;
		if (over != null && over.getData() instanceof BusDraft b) {
			target = b;
		} else if (over != null && over.getData() instanceof TrackDraft other) {
			target = other.bus();
		}
		if (target != null && target != t.bus()) {
			layout.move(t, target);
			// rebuilding the tree under the mouse inside its own event: after the event instead
			tree.getDisplay().asyncExec(() -> {
				if (!tree.isDisposed()) {
					refresh(t);
				}
			});
		}
	}

	private void endDrag() {
		dragged = null;
		dragging = false;
		if (!tree.isDisposed()) {
			tree.setCursor(null);
			tree.getDisplay().removeFilter(SWT.MouseMove, dragFilter);
			tree.getDisplay().removeFilter(SWT.MouseUp, dragFilter);
		}
	}

	// ------------------------------------------------------------------------------------------ the file

	private void browse() {
		FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
		dialog.setText("Session File");
		dialog.setFilterExtensions(new String[] { "*." + SessionStore.EXTENSION });
		Path current = Path.of(fileText.getText().strip());
		if (current.getParent() != null) {
			dialog.setFilterPath(current.getParent().toString());
		}
		dialog.setFileName(current.getFileName() == null ? "" : current.getFileName().toString());
		String chosen = dialog.open();
		if (chosen != null) {
			fileText.setText(chosen.endsWith("." + SessionStore.EXTENSION) ? chosen : chosen + "." + SessionStore.EXTENSION);
		}
	}

	private void validate() {
		if (problem != null && !problem.isDisposed()) {
			problem.setText("");
		}
	}

	@Override
	protected void okPressed() {
		if (purpose == Purpose.NEW) {
			String typed = fileText.getText().strip();
			if (!typed.endsWith("." + SessionStore.EXTENSION)) {
				problem.setText("a session file name ends in ." + SessionStore.EXTENSION + ": " + typed);
				return;
			}
			Path file = Path.of(typed).toAbsolutePath().normalize();
			if (file.getParent() == null || !Files.isDirectory(file.getParent())) {
				problem.setText(file.getParent() + ": no such folder");
				return;
			}
			if (Files.exists(file) && !MessageDialog.openQuestion(getShell(), "Mixtree",
					file.getFileName() + " already exists in " + file.getParent() + ". Replace it?")) {
				return;
			}
			sessionFile = file;
		}
		super.okPressed();
	}
}
