package org.mixtree.ui.internal;

import java.util.Locale;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.ui.Playback;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The window's top bar: the transport (play/stop through the same command as Space, the time display, what the
 * device said). The top-down bar's controls join it here.
 */
public final class TopBar {

	static final String PLAY_COMMAND = "org.mixtree.ui.command.playstop";

	@Inject
	UISynchronize ui;
	@Inject
	ECommandService commands;
	@Inject
	EHandlerService handlers;
	@Inject
	@Optional
	Playback playback;

	private Button play;
	private Label time;
	private Label status;
	private final Runnable transportChanged = () -> ui.asyncExec(this::refresh);
	private boolean ticking;

	@PostConstruct
	void create(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 8;
		layout.marginHeight = 4;
		layout.horizontalSpacing = 12;
		bar.setLayout(layout);
		play = new Button(bar, SWT.PUSH);
		play.setText("Play");
		play.setToolTipText("Play / stop (Space)");
		play.setLayoutData(new GridData(72, SWT.DEFAULT));
		play.addListener(SWT.Selection, e -> handlers.executeHandler(commands.createCommand(PLAY_COMMAND, null)));
		time = new Label(bar, SWT.NONE);
		time.setText(clock(0, 0));
		time.setData("org.eclipse.e4.ui.css.id", "TransportTime");
		status = new Label(bar, SWT.NONE);
		status.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarStatus");
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		if (playback != null) {
			playback.addListener(transportChanged);
		}
		refresh();
	}

	@PreDestroy
	void dispose() {
		if (playback != null) {
			playback.removeListener(transportChanged);
		}
	}

	/** [UI] */
	private void refresh() {
		if (play == null || play.isDisposed() || playback == null) {
			return;
		}
		Playback.State s = playback.state();
		play.setText(s == Playback.State.STOPPED ? "Play" : "Stop");
		String m = playback.message();
		String device = playback.deviceName();
		status.setText(m != null ? m : device != null && s == Playback.State.PLAYING ? "on " + device : "");
		status.getParent().layout();
		time.setText(clock(playback.positionFrames(), playback.sampleRate()));
		if (s == Playback.State.PLAYING && !ticking) {
			ticking = true;
			tick();
		}
	}

	/** [UI] The time display while playing, at display rate (one timer, no thread). */
	private void tick() {
		if (time.isDisposed() || playback.state() != Playback.State.PLAYING) {
			ticking = false;
			return;
		}
		time.setText(clock(playback.positionFrames(), playback.sampleRate()));
		time.getDisplay().timerExec(33, this::tick);
	}

	/** {@code HH:MM:SS.mmm} of a frame position. */
	static String clock(long frames, int rate) {
		long ms = rate <= 0 ? 0 : frames * 1000 / rate;
		return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
	}
}
