package org.mixtree.ui.views.testviews;

import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.model.Channel;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/**
 * A visualisation: the peak of the last 100 ms of the selected channel's audio (the master's when nothing is
 * selected), read from a tap by a timer. The tap is opened on the channel shown and closed when it changes.
 */
public final class TapLevelView implements MixtreeView {
	private static final int PERIOD_MS = 50;
	private ViewContext context;
	private Label label;
	private AudioTap tap;
	private float[][] buffer;
	private final Consumer<Channel> follow = c -> retap();
	private final Runnable tick = this::tick;

	@Override
	public void createControl(Composite parent, ViewContext context) {
		this.context = context;
		parent.setLayout(new FillLayout());
		label = new Label(parent, SWT.CENTER);
		label.setData("org.mixtree.ui.views.testviews.id", "level");
		context.selection().addListener(follow);
		retap();
		label.getDisplay().timerExec(PERIOD_MS, tick);
	}

	private void retap() {
		if (tap != null) {
			tap.close();
		}
		Channel c = context.selection().selected();
		tap = context.openTap(c == null ? context.session().getMaster() : c);
		label.setData("org.mixtree.ui.views.testviews.channel", tap.channelId());
	}

	private void tick() {
		if (label.isDisposed() || tap == null) {
			return;
		}
		int frames = tap.sampleRate() / 10;
		if (buffer == null || buffer[0].length < frames) {
			buffer = new float[2][frames];
		}
		int n = tap.readLatest(buffer, frames);
		double peak = 0;
		for (float[] ch : buffer) {
			for (int i = 0; i < n; i++) {
				peak = Math.max(peak, Math.abs(ch[i]));
			}
		}
		label.setText(String.format(Locale.ROOT, "%s  %s  (%d frames)", tap.channelId(),
				n == 0 ? "no signal" : String.format(Locale.ROOT, "%.1f dBFS", 20 * Math.log10(Math.max(peak, 1e-9))),
				tap.framesWritten()));
		label.getDisplay().timerExec(PERIOD_MS, tick);
	}

	@Override
	public void dispose() {
		if (!label.isDisposed()) {
			label.getDisplay().timerExec(-1, tick);
		}
		context.selection().removeListener(follow);
		if (tap != null) {
			tap.close();
		}
	}
}
