package org.mixtree.ui.render.internal;

import java.nio.file.Path;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.model.Session;
import org.mixtree.session.SessionRender;
import org.mixtree.ui.SessionService;

/**
 * File &gt; Render... (Ctrl+R): what to render (the mix; the mix and one stem per top-level bus; the stems of one
 * level of the tree, with or without the master's inserts), the sample format and where, then a {@link RenderJob}
 * with a progress bar here and Cancel. The session is copied on the UI thread when Render is pressed (so edits
 * made while it renders are not in the file, and the render never reads a model the UI thread changes); everything
 * else happens in the job. The dialog stays open after a render and says how it ended in one line.
 */
final class RenderDialog extends Dialog {

	/** Widget names for tests and accessibility (the {@code name} data of each control). */
	static final String MIX = "mix", BUS_STEMS = "busStems", BY_DEPTH = "byDepth", DEPTH = "depth",
			MASTER_PROCESSING = "masterProcessing", FORMAT = "format", MIX_FILE = "mixFile", STEMS_DIR = "stemsDir",
			PROGRESS = "progress", MESSAGE = "message";

	private static final SampleFormat[] FORMATS = { SampleFormat.F32, SampleFormat.S24, SampleFormat.S16 };
	private static final String[] FORMAT_LABELS = { "32-bit float (f32)", "24-bit PCM, dithered (s24)",
			"16-bit PCM, dithered (s16)" };

	private final SessionService session;
	private final UISynchronize ui;

	private Button mix, busStems, byDepth, masterProcessing, browseMix, browseStems;
	private Spinner depth;
	private Combo format;
	private Text mixFile, stemsDir;
	private Label mixLabel, stemsLabel, message;
	private ProgressBar progress;
	private volatile RenderJob job;
	/** The last fraction a job reported, shown at most once per UI round trip. */
	private volatile double fraction;
	private boolean progressQueued;

	RenderDialog(Shell parent, SessionService session, UISynchronize ui) {
		super(parent);
		this.session = session;
		this.ui = ui;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Render " + session.name());
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 16;
		layout.marginHeight = 12;
		layout.horizontalSpacing = 8;
		layout.verticalSpacing = 8;
		area.setLayout(layout);

		heading(area, "What");
		mix = radio(area, MIX, "The mix");
		busStems = radio(area, BUS_STEMS, "The mix and one stem per top-level bus");
		byDepth = radio(area, BY_DEPTH, "Stems of one level of the tree (no mix)");
		Composite depthRow = new Composite(area, SWT.NONE);
		GridLayout rowLayout = new GridLayout(3, false);
		rowLayout.marginWidth = 0;
		rowLayout.marginLeft = 24;
		depthRow.setLayout(rowLayout);
		depthRow.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		new Label(depthRow, SWT.NONE).setText("Level:");
		depth = new Spinner(depthRow, SWT.BORDER);
		depth.setData("name", DEPTH);
		depth.setValues(1, 1, 32, 0, 1, 4);
		depth.setToolTipText("1: the buses feeding the master; 2: the buses inside those; ...");
		masterProcessing = new Button(depthRow, SWT.CHECK);
		masterProcessing.setData("name", MASTER_PROCESSING);
		masterProcessing.setText("with the master's inserts on every stem");
		mix.setSelection(true);

		heading(area, "Format");
		format = new Combo(area, SWT.READ_ONLY);
		format.setData("name", FORMAT);
		format.setItems(FORMAT_LABELS);
		format.select(0);
		format.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));

		heading(area, "Where");
		Path folder = session.file().getParent();
		mixLabel = new Label(area, SWT.NONE);
		mixLabel.setText("Mix file:");
		mixFile = new Text(area, SWT.BORDER | SWT.SINGLE);
		mixFile.setData("name", MIX_FILE);
		mixFile.setText(folder.resolve(session.name() + ".wav").toString());
		mixFile.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		browseMix = new Button(area, SWT.PUSH);
		browseMix.setText("Browse...");
		browseMix.addListener(SWT.Selection, e -> chooseMixFile());
		stemsLabel = new Label(area, SWT.NONE);
		stemsLabel.setText("Stems folder:");
		stemsDir = new Text(area, SWT.BORDER | SWT.SINGLE);
		stemsDir.setData("name", STEMS_DIR);
		stemsDir.setText(folder.resolve(session.name() + "-stems").toString());
		stemsDir.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		browseStems = new Button(area, SWT.PUSH);
		browseStems.setText("Browse...");
		browseStems.addListener(SWT.Selection, e -> chooseStemsDir());

		progress = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
		progress.setData("name", PROGRESS);
		progress.setMaximum(1000);
		GridData pd = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		pd.verticalIndent = 12;
		progress.setLayoutData(pd);
		message = new Label(area, SWT.WRAP);
		message.setData("name", MESSAGE);
		GridData md = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
		md.widthHint = 560;
		md.heightHint = 2 * message.getFont().getFontData()[0].getHeight() * 2;
		message.setLayoutData(md);
		message.setText("Renders the session as it is now, unsaved changes included.");

		for (Button b : new Button[] { mix, busStems, byDepth }) {
			b.addListener(SWT.Selection, e -> updateEnablement());
		}
		updateEnablement();
		return area;
	}

	private static void heading(Composite parent, String text) {
		Label l = new Label(parent, SWT.NONE);
		l.setText(text);
		l.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
		GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		d.verticalIndent = 4;
		l.setLayoutData(d);
	}

	private static Button radio(Composite parent, String name, String text) {
		Button b = new Button(parent, SWT.RADIO);
		b.setData("name", name);
		b.setText(text);
		GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		d.horizontalIndent = 8;
		b.setLayoutData(d);
		return b;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Render", true);
		createButton(parent, IDialogConstants.CANCEL_ID, "Close", false);
	}

	/** [UI] The fields that mean something for the chosen kind of render are enabled. */
	private void updateEnablement() {
		boolean running = job != null;
		boolean wantsMix = !byDepth.getSelection();
		boolean wantsStems = !mix.getSelection();
		for (Control c : new Control[] { mix, busStems, byDepth, format }) {
			c.setEnabled(!running);
		}
		mixLabel.setEnabled(!running && wantsMix);
		mixFile.setEnabled(!running && wantsMix);
		browseMix.setEnabled(!running && wantsMix);
		stemsLabel.setEnabled(!running && wantsStems);
		stemsDir.setEnabled(!running && wantsStems);
		browseStems.setEnabled(!running && wantsStems);
		depth.setEnabled(!running && byDepth.getSelection());
		masterProcessing.setEnabled(!running && byDepth.getSelection());
		Button render = getButton(IDialogConstants.OK_ID);
		if (render != null) {
			render.setEnabled(!running);
			getButton(IDialogConstants.CANCEL_ID).setText(running ? "Cancel" : "Close");
		}
	}

	private void chooseMixFile() {
		FileDialog d = new FileDialog(getShell(), SWT.SAVE);
		d.setText("Render the mix to");
		d.setFilterExtensions(new String[] { "*.wav", "*" });
		Path p = Path.of(mixFile.getText().trim());
		if (p.getParent() != null) {
			d.setFilterPath(p.getParent().toString());
		}
		d.setFileName(p.getFileName() == null ? "" : p.getFileName().toString());
		String chosen = d.open();
		if (chosen != null) {
			mixFile.setText(chosen);
		}
	}

	private void chooseStemsDir() {
		DirectoryDialog d = new DirectoryDialog(getShell());
		d.setText("Render the stems into");
		d.setFilterPath(stemsDir.getText().trim());
		String chosen = d.open();
		if (chosen != null) {
			stemsDir.setText(chosen);
		}
	}

	/** [UI] What the fields ask for, or null after saying what is missing. */
	private SessionRender.Request request() {
		SampleFormat f = FORMATS[Math.max(0, format.getSelectionIndex())];
		Path folder = session.file().getParent();
		Path mixPath = byDepth.getSelection() ? null : path(mixFile, "the mix's file", folder);
		Path stemsPath = mix.getSelection() ? null : path(stemsDir, "the stems' folder", folder);
		if ((!byDepth.getSelection() && mixPath == null) || (!mix.getSelection() && stemsPath == null)) {
			return null;
		}
		if (mix.getSelection()) {
			return SessionRender.Request.mix(mixPath, f);
		}
		if (busStems.getSelection()) {
			return SessionRender.Request.busStems(mixPath, stemsPath, f);
		}
		if (java.nio.file.Files.exists(stemsPath) && !java.nio.file.Files.isDirectory(stemsPath)) {
			say(stemsPath + ": not a folder; the stems go into a folder, one file per stem.");
			return null;
		}
		return SessionRender.Request.stemsByDepth(stemsPath, depth.getSelection(), masterProcessing.getSelection(), f);
	}

	/** [UI] A field's path, relative ones against the session's folder; null (said) when empty or not a path. */
	private Path path(Text field, String what, Path folder) {
		String text = field.getText().trim();
		if (text.isEmpty()) {
			say("Give " + what + ".");
			return null;
		}
		try {
			return folder.resolve(text).normalize();
		} catch (java.nio.file.InvalidPathException e) {
			say(text + ": not a path (" + e.getReason() + ").");
			return null;
		}
	}

	/** Render: starts the job (the dialog stays open); Close, or Cancel while rendering. */
	@Override
	protected void buttonPressed(int id) {
		if (id == IDialogConstants.OK_ID) {
			start();
		} else if (id == IDialogConstants.CANCEL_ID && job != null) {
			job.cancel();
			say("Cancelling...");
		} else {
			super.buttonPressed(id);
		}
	}

	/** Closing the window while a render runs cancels it (it then leaves no file). */
	@Override
	public boolean close() {
		RenderJob running = job;
		if (running != null) {
			running.cancel();
		}
		return super.close();
	}

	private void start() {
		SessionRender.Request request = request();
		if (request == null) {
			return;
		}
		Session copy = EcoreUtil.copy(session.session());
		fraction = 0;
		progress.setSelection(0);
		say("Rendering...");
		RenderJob started = new RenderJob(copy, session.file(), request, this::progressed, this::finished);
		job = started;
		updateEnablement();
		started.schedule();
	}

	/** [job] Hands the fraction to the UI thread, one queued update at a time. */
	private void progressed(double f) {
		fraction = f;
		synchronized (this) {
			if (progressQueued) {
				return;
			}
			progressQueued = true;
		}
		ui.asyncExec(() -> {
			synchronized (this) {
				progressQueued = false;
			}
			if (!progress.isDisposed()) {
				progress.setSelection((int) Math.round(fraction * 1000));
			}
		});
	}

	/** [job] The end of a render, shown on the UI thread. */
	private void finished(RenderJob.Outcome outcome) {
		ui.asyncExec(() -> {
			job = null;
			if (getShell() == null || getShell().isDisposed()) {
				return;
			}
			progress.setSelection(outcome.kind() == RenderJob.Outcome.Kind.DONE ? 1000 : 0);
			say(outcome.message());
			updateEnablement();
		});
	}

	private void say(String text) {
		message.setText(text);
		message.getParent().layout(new Control[] { message });
	}

	/** [any] Whether a render of this dialog is running (tests). */
	boolean rendering() {
		return job != null;
	}

	/** For tests: waits for no job of this bundle. */
	static void joinAll() throws InterruptedException {
		Job.getJobManager().join(RenderJob.FAMILY, null);
	}
}
