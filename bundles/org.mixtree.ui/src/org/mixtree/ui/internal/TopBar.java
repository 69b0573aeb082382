package org.mixtree.ui.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.model.Bus;
import org.mixtree.model.MixStage;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The window's top bar: the transport (play/stop through the same command as Space, the time display, what the
 * device said) and the top-down bar (the mix stage, the build-up focus: previous / next / all, naming the buses in
 * so far), snapshots with the loudness-matched A/B toggle ({@link SnapshotGroup}) and the master's headroom. Every
 * change is the model.edit command the CLI runs, on the session's command stack (so Ctrl+Z undoes
 * it); the bar shows the model and follows it through an EMF adapter, keeping no copy.
 */
public final class TopBar {

	static final String PLAY_COMMAND = "org.mixtree.ui.command.playstop";
	static final String HOME_COMMAND = "org.mixtree.ui.command.returntostart";
	static final String LOOP_COMMAND = "org.mixtree.ui.command.loop";
	/** The widget data key naming each control, for tests and CSS. */
	public static final String ID = "org.mixtree.ui.topbar.id";

	@Inject
	UISynchronize ui;
	@Inject
	ECommandService commands;
	@Inject
	EHandlerService handlers;
	@Inject
	@Optional
	Playback playback;
	@Inject
	@Optional
	IStylingEngine styling;
	@Inject
	@Optional
	StatusLine statusLine;
	@Inject
	@Optional
	MWindow window;

	private SessionService session;
	private Button play;
	private Label time;
	private Label status;
	private final Map<MixStage, Button> stages = new EnumMap<>(MixStage.class);
	private Label focus;
	private TimeLine timeLine;
	/** The master's headroom readout. */
	HeadroomReadout headroom;
	/** Save, list and recall of snapshots. */
	SnapshotGroup snapshots;
	private final Runnable transportChanged = () -> ui.asyncExec(this::refresh);
	/** A view's message ({@link StatusLine}, on the UI thread already). */
	private final Runnable statusChanged = () -> refresh();
	private final AdapterImpl modelChanged = new AdapterImpl() {
		@Override
		public void notifyChanged(Notification n) {
			if (n.getFeature() == MixtreePackage.Literals.SESSION__MIX_STAGE
					|| n.getFeature() == MixtreePackage.Literals.SESSION__FOCUS) {
				refreshModel();
			}
		}
	};
	private boolean ticking;
	/** Installed effect bundles that do not work, in one line; empty when all do (found once, off the UI thread). */
	private volatile String brokenEffects = "";

	@PostConstruct
	void create(Composite parent) {
		Composite column = new Composite(parent, SWT.NONE);
		GridLayout rows = new GridLayout(1, false);
		rows.marginWidth = 0;
		rows.marginHeight = 0;
		rows.verticalSpacing = 0;
		rows.marginBottom = 3; // the status line's descenders (it is the last row when shown)
		column.setLayout(rows);
		Composite bar = new Composite(column, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout layout = new GridLayout(15, false);
		layout.marginWidth = 8;
		layout.marginHeight = 4;
		layout.horizontalSpacing = 6;
		bar.setLayout(layout);
		play = button(bar, "Play", "transport.play", "Play / stop (Space)", SWT.PUSH);
		play.setLayoutData(new GridData(72, SWT.DEFAULT));
		play.addListener(SWT.Selection, e -> run(PLAY_COMMAND));
		time = new Label(bar, SWT.NONE);
		time.setText(clock(0, 0));
		time.setData("org.eclipse.e4.ui.css.id", "TransportTime");
		spacer(bar);

		caption(bar, "STAGE");
		for (MixStage s : MixStage.values()) {
			Button b = button(bar, s.getLiteral(), "stage." + s.getLiteral(),
					"The mix stage: which inserts play (./mixtree stage)", SWT.TOGGLE);
			b.addListener(SWT.Selection, e -> edit(d -> SessionCommands.setStage(d, session.session(), s)));
			stages.put(s, b);
		}
		spacer(bar);

		caption(bar, "FOCUS");
		Button prev = button(bar, "prev", "focus.prev", "Take the last bus out of the build-up", SWT.PUSH);
		prev.addListener(SWT.Selection, e -> edit(d -> SessionCommands.focusPrevious(d, session.session())));
		focus = new Label(bar, SWT.NONE);
		focus.setData(ID, "focus.buses");
		focus.setLayoutData(new GridData(136, SWT.DEFAULT)); // the whole list on hover: room for the readout at 1400 px
		Button next = button(bar, "next", "focus.next", "Bring in the next top-level bus", SWT.PUSH);
		next.addListener(SWT.Selection, e -> edit(d -> SessionCommands.focusNext(d, session.session())));
		Button all = button(bar, "all", "focus.all", "End the build-up: every bus is heard", SWT.PUSH);
		all.addListener(SWT.Selection, e -> edit(d -> SessionCommands.focusAll(d, session.session())));
		spacer(bar);

		// the time line's row is made here, before the bar's later groups, so that the snapshots' A/B goes beside it
		timeLine = new TimeLine(column, ui, playback, () -> session, styling, () -> run(HOME_COMMAND), () -> run(LOOP_COMMAND));
		snapshots = new SnapshotGroup(bar, timeLine.row(), () -> session, () -> playback == null ? null : playback.live());
		if (window != null && window.getContext() != null) {
			window.getContext().set(AbToggle.class, snapshots); // Ctrl+B's handler reaches the toggle through it
		}
		spacer(bar);

		headroom = new HeadroomReadout(bar, playback, () -> session == null ? null : session.session(), styling);

		layout.numColumns = bar.getChildren().length; // one row, however many groups the bar has
		// what the device said gets a line of its own under the time line (in the bar's row a long message was cut off
		// at the window's edge), shown only while there is something to say
		status = new Label(column, SWT.NONE);
		status.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarStatus");
		GridData statusData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		statusData.horizontalIndent = 8;
		statusData.exclude = true;
		status.setLayoutData(statusData);
		status.setVisible(false);
		if (playback != null) {
			playback.addListener(transportChanged);
		}
		if (statusLine != null) {
			statusLine.addListener(statusChanged);
		}
		refresh();
		refreshModel();
		// an installed effect bundle that does not resolve or whose activator throws gives no effects; the rest
		// works, and the status line says which (asking the framework may start a bundle: not on the UI thread)
		Thread probe = new Thread(() -> {
			EffectRegistry.osgi().all();
			List<String> broken = new ArrayList<>();
			EffectRegistry.brokenBundles().forEach(b -> broken.add(b.toString()));
			if (!broken.isEmpty()) {
				brokenEffects = "broken effect bundle" + (broken.size() > 1 ? "s" : "") + " (not loaded): "
						+ String.join("; ", broken);
				ui.asyncExec(this::refresh);
			}
		}, "mixtree-effect-bundles");
		probe.setDaemon(true);
		probe.start();
	}

	/** [UI] Follows the context's session (another one opened replaces it). */
	@Inject
	void sessionChanged(@Optional SessionService next) {
		if (session != null) {
			session.session().eAdapters().remove(modelChanged);
		}
		session = next;
		if (next != null) {
			next.session().eAdapters().add(modelChanged);
		}
		if (focus != null && !focus.isDisposed()) {
			refreshModel();
			timeLine.sessionChanged();
			snapshots.sessionChanged();
		}
	}

	@PreDestroy
	void dispose() {
		if (window != null && window.getContext() != null) {
			window.getContext().remove(AbToggle.class);
		}
		if (playback != null) {
			playback.removeListener(transportChanged);
		}
		if (statusLine != null) {
			statusLine.removeListener(statusChanged);
		}
		if (session != null) {
			session.session().eAdapters().remove(modelChanged);
		}
	}

	/** [UI] Runs a workbench command through its handler (the button does what the key does). */
	private void run(String command) {
		handlers.executeHandler(commands.createCommand(command, null));
	}

	/** [UI] The time line strip, for tests. */
	TimeLine timeLine() {
		return timeLine;
	}

	/** [UI] Runs a model.edit command on the session's stack; a refused one says why in the bar. */
	private void edit(Function<EditingDomain, Command> command) {
		if (session == null) {
			return;
		}
		try {
			SessionCommands.execute(session.domain(), command.apply(session.domain()));
			status.setText("");
		} catch (CommandRefusedException e) {
			status.setText(e.getMessage());
		}
		refreshModel();
		status.getParent().layout();
	}

	/** [UI] The stage buttons and the focus from the model. */
	private void refreshModel() {
		if (focus == null || focus.isDisposed()) {
			return;
		}
		Session s = session == null ? null : session.session();
		for (Map.Entry<MixStage, Button> e : stages.entrySet()) {
			boolean on = s != null && s.getMixStage() == e.getKey();
			Button b = e.getValue();
			b.setSelection(on);
			// the theme draws the stage that is on (GTK's own toggle look is under the theme's background)
			b.setData("org.eclipse.e4.ui.css.CssClassName", on ? "TopBarToggleOn" : "TopBarToggle");
			if (styling != null) {
				styling.style(b);
			}
		}
		List<String> names = new ArrayList<>();
		if (s != null) {
			for (Bus b : SessionCommands.focusInOrder(s)) {
				names.add(b.getName());
			}
		}
		focus.setText(names.isEmpty() ? "all buses" : String.join(" + ", names));
		focus.setToolTipText(focus.getText());
	}

	/** [UI] */
	private void refresh() {
		if (play == null || play.isDisposed()) {
			return;
		}
		if (playback == null) {
			showStatus(brokenEffects);
			return;
		}
		Playback.State s = playback.state();
		snapshots.transportChanged();
		play.setText(s == Playback.State.STOPPED ? "Play" : "Stop");
		String m = playback.message();
		if (m == null && statusLine != null) {
			m = statusLine.message();
		}
		String device = playback.deviceName();
		status.setText(m != null ? m : device != null && s == Playback.State.PLAYING ? "on " + device : brokenEffects);
		boolean say = !status.getText().isEmpty();
		((GridData) status.getLayoutData()).exclude = !say;
		status.setVisible(say);
		time.setText(transportTime());
		status.getShell().layout(new Control[] { status, time }); // the trim grows or shrinks by the status line
		if (s == Playback.State.PLAYING && !ticking) {
			ticking = true;
			tick();
		}
	}

	/** [UI] Shows a status line without a player (the broken-bundle note only). */
	private void showStatus(String text) {
		status.setText(text);
		((GridData) status.getLayoutData()).exclude = text.isEmpty();
		status.setVisible(!text.isEmpty());
		status.getShell().layout(new Control[] { status });
	}

	/** [UI] The status line's text, for tests. */
	String statusText() {
		return status.getText();
	}

	/** [UI] The time display while playing, at display rate (one timer, no thread). */
	private void tick() {
		if (time.isDisposed() || playback.state() != Playback.State.PLAYING) {
			ticking = false;
			return;
		}
		String text = transportTime();
		boolean resized = text.length() != time.getText().length();
		time.setText(text);
		if (resized) {
			time.getParent().layout();
		}
		time.getDisplay().timerExec(33, this::tick);
	}

	/** [UI] The time display: the transport's time, and the device's xruns since it opened (what a glitch costs). */
	private String transportTime() {
		return clock(playback.positionFrames(), playback.sampleRate()) + "   xruns " + playback.xruns();
	}

	private static Button button(Composite parent, String text, String id, String tip, int style) {
		Button b = new Button(parent, style);
		b.setText(text);
		b.setToolTipText(tip);
		b.setData(ID, id);
		return b;
	}

	private static void caption(Composite parent, String text) {
		Label l = new Label(parent, SWT.NONE);
		l.setText(text);
		l.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarCaption");
	}

	/** Room between two groups of the bar. */
	private static void spacer(Composite parent) {
		Label l = new Label(parent, SWT.NONE);
		l.setLayoutData(new GridData(20, SWT.DEFAULT));
	}

	/** {@code HH:MM:SS.mmm} of a frame position. */
	static String clock(long frames, int rate) {
		long ms = rate <= 0 ? 0 : frames * 1000 / rate;
		return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
	}
}
