package org.mixtree.ui.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

/**
 * The time line under the transport: a strip spanning the session's length (its longest source, measured off the UI
 * thread once per session and after each command), drawn on one canvas with second ticks, time labels, the playhead
 * (moving at display rate while playing) and the selected range (shaded; brighter while it loops). A click locates
 * the transport there ({@link Playback#locate}); a drag selects a range ({@link Playback#setRange}); the Start and
 * Loop buttons beside it run the same commands as Home and L.
 * <p>
 * Threads: everything here is [UI] except the length measurement, which runs on a common pool thread and hands its
 * result back with {@link UISynchronize#asyncExec}.
 */
final class TimeLine {

	/** A drag shorter than this (pixels) is a click. */
	private static final int DRAG_SLOP = 4;
	/** Candidate tick steps in seconds: the first that leaves room for a label is used. */
	private static final int[] STEPS = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600 };

	private final UISynchronize ui;
	private final Playback playback;
	private final Supplier<SessionService> session;
	private final IStylingEngine styling;
	private final Composite row;
	private final Canvas canvas;
	private final Button loop;
	private final Runnable transportChanged;
	private final CommandStackListener edited = e -> measure();

	/** The session's length in frames at its rate, 0 while unknown. */
	private long length;
	private int rate;
	/** The session the length was measured for and a counter that drops answers to older measurements. */
	private SessionService measured;
	private int generation;
	/** The drag's anchor in pixels, or -1; its current end. */
	private int dragFrom = -1;
	private int dragTo;
	private boolean dragging;
	private boolean ticking;

	/** The time line's row: what else the bar puts beside it goes after it (the A/B of snapshots). */
	Composite row() {
		return row;
	}

	TimeLine(Composite parent, UISynchronize ui, Playback playback, Supplier<SessionService> session,
			IStylingEngine styling, Runnable home, Runnable toggleLoop) {
		this.ui = ui;
		this.playback = playback;
		this.session = session;
		this.styling = styling;
		row = new Composite(parent, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 8;
		layout.marginHeight = 2;
		layout.horizontalSpacing = 6;
		row.setLayout(layout);
		Button start = new Button(row, SWT.PUSH);
		start.setText("|<");
		start.setToolTipText("Return to start (Home)");
		start.setData(TopBar.ID, "transport.start");
		start.setLayoutData(new GridData(40, SWT.DEFAULT));
		start.addListener(SWT.Selection, e -> home.run());
		loop = new Button(row, SWT.TOGGLE);
		loop.setText("Loop");
		loop.setToolTipText("Loop the range dragged on the time line (L)");
		loop.setData(TopBar.ID, "transport.loop");
		loop.setLayoutData(new GridData(56, SWT.DEFAULT));
		loop.addListener(SWT.Selection, e -> toggleLoop.run());
		canvas = new Canvas(row, SWT.DOUBLE_BUFFERED | SWT.NO_FOCUS);
		canvas.setData(TopBar.ID, "timeline");
		canvas.setData(TimeLine.class.getName(), this);
		canvas.setData("org.eclipse.e4.ui.css.CssClassName", "TimeLine");
		canvas.setToolTipText("Click: locate; drag: select a range to loop");
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.heightHint = 26;
		canvas.setLayoutData(data);
		canvas.addListener(SWT.Paint, e -> paint(e.gc));
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		transportChanged = () -> ui.asyncExec(this::refresh);
		if (playback != null) {
			playback.addListener(transportChanged);
		}
		canvas.addListener(SWT.Dispose, e -> dispose());
		sessionChanged();
	}

	/** [UI] The session changed: measure the new one and follow its edits. */
	void sessionChanged() {
		SessionService s = session.get();
		if (measured != null) {
			measured.commandStack().removeCommandStackListener(edited);
		}
		measured = s;
		length = 0;
		if (s != null) {
			s.commandStack().addCommandStackListener(edited);
		}
		measure();
		refresh();
	}

	/** [UI] Measures the session's length on a pool thread (its sources' headers), drawing the answer on [UI]. */
	private void measure() {
		SessionService s = measured;
		int asked = ++generation;
		if (s == null) {
			return;
		}
		Session model = s.session();
		int r = model.getSampleRate();
		Path base = s.file().toAbsolutePath().getParent();
		String[] sources = new String[model.getTracks().size()];
		long[] offsets = new long[sources.length];
		for (int i = 0; i < sources.length; i++) {
			Track t = model.getTracks().get(i);
			sources[i] = t.getSource();
			offsets[i] = t.getOffsetFrames();
		}
		CompletableFuture.supplyAsync(() -> lengthOf(base, sources, offsets, r)).thenAccept(frames -> ui.asyncExec(() -> {
			if (asked == generation && !canvas.isDisposed()) {
				length = frames;
				rate = r;
				canvas.redraw();
			}
		}));
	}

	/** [any] The end of the longest source on the time line, in frames at {@code rate}; unreadable ones count 0. */
	static long lengthOf(Path base, String[] sources, long[] offsets, int rate) {
		long end = 0;
		for (int i = 0; i < sources.length; i++) {
			if (sources[i] == null) {
				continue;
			}
			try {
				AudioFileInfo info = AudioFiles.info(base.resolve(sources[i]).normalize());
				long frames = info.sampleRate() == rate ? info.frames()
						: (long) Math.ceil((double) info.frames() * rate / info.sampleRate());
				end = Math.max(end, offsets[i] + frames);
			} catch (Exception e) {
				// a missing source plays as silence: the console marks it, the time line just ignores it
			}
		}
		return end;
	}

	private void dispose() {
		if (playback != null) {
			playback.removeListener(transportChanged);
		}
		if (measured != null) {
			measured.commandStack().removeCommandStackListener(edited);
		}
	}

	/** [UI] The Loop button and the playhead follow the transport; while it plays, redraws at display rate. */
	private void refresh() {
		if (canvas.isDisposed() || playback == null) {
			return;
		}
		boolean on = playback.looping();
		if (loop.getSelection() != on || loop.getData("org.eclipse.e4.ui.css.CssClassName") == null) {
			loop.setSelection(on);
			loop.setData("org.eclipse.e4.ui.css.CssClassName", on ? "TopBarToggleOn" : "TopBarToggle");
			if (styling != null) {
				styling.style(loop);
			}
		}
		canvas.redraw();
		if (playback.state() == Playback.State.PLAYING && !ticking) {
			ticking = true;
			tick();
		}
	}

	private void tick() {
		if (canvas.isDisposed() || playback.state() != Playback.State.PLAYING) {
			ticking = false;
			return;
		}
		canvas.redraw();
		canvas.getDisplay().timerExec(33, this::tick);
	}

	/** The frame under pixel {@code x} of the strip. */
	private long frameAt(int x) {
		int w = Math.max(1, canvas.getClientArea().width - 1);
		double f = Math.max(0, Math.min(1, (double) x / w));
		return Math.round(f * length);
	}

	private int xOf(long frame) {
		int w = Math.max(1, canvas.getClientArea().width - 1);
		return length <= 0 ? 0 : (int) Math.round((double) frame / length * w);
	}

	private void mouseDown(Event e) {
		if (e.button != 1 || length <= 0) {
			return;
		}
		dragFrom = e.x;
		dragTo = e.x;
		dragging = false;
	}

	private void mouseMove(Event e) {
		if (dragFrom < 0) {
			return;
		}
		dragTo = e.x;
		dragging |= Math.abs(dragTo - dragFrom) > DRAG_SLOP;
		canvas.redraw();
	}

	private void mouseUp(Event e) {
		if (dragFrom < 0 || e.button != 1) {
			return;
		}
		dragTo = e.x;
		dragging |= Math.abs(dragTo - dragFrom) > DRAG_SLOP;
		if (playback != null) {
			if (dragging) {
				long a = frameAt(Math.min(dragFrom, dragTo));
				long b = frameAt(Math.max(dragFrom, dragTo));
				playback.setRange(a, b);
			} else {
				playback.locate(frameAt(e.x));
			}
		}
		dragFrom = -1;
		dragging = false;
		canvas.redraw();
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		Color bg = canvas.getBackground();
		Color fg = canvas.getForeground();
		gc.setBackground(bg);
		gc.fillRectangle(area);
		gc.setAdvanced(true);
		gc.setAntialias(SWT.OFF);
		if (length <= 0 || rate <= 0) {
			gc.setForeground(fg);
			gc.drawString(measured == null ? "no session" : "measuring the session", 6, 5, true);
			return;
		}
		boolean light = bg.getRGB().red + bg.getRGB().green + bg.getRGB().blue > 3 * 128;
		// the range: shaded, brighter while it loops
		long[] r = playback == null ? null : playback.range();
		int ra = -1;
		int rb = -1;
		if (dragFrom >= 0 && dragging) {
			ra = Math.min(dragFrom, dragTo);
			rb = Math.max(dragFrom, dragTo);
		} else if (r != null) {
			ra = xOf(r[0]);
			rb = xOf(r[1]);
		}
		if (ra >= 0) {
			boolean looping = playback != null && playback.looping() && !dragging;
			Color shade = new Color(looping ? new RGB(74, 111, 165) : light ? new RGB(170, 185, 205) : new RGB(60, 70, 88));
			gc.setBackground(shade);
			gc.fillRectangle(ra, 0, Math.max(1, rb - ra), area.height);
			Color edge = new Color(looping ? new RGB(140, 180, 235) : new RGB(110, 125, 150));
			gc.setForeground(edge);
			gc.drawLine(ra, 0, ra, area.height);
			gc.drawLine(rb, 0, rb, area.height);
		}
		// ticks and time labels
		double seconds = (double) length / rate;
		Point label = gc.textExtent("00:00");
		int step = STEPS[STEPS.length - 1];
		for (int s : STEPS) {
			if (s / seconds * area.width >= label.x + 16) {
				step = s;
				break;
			}
		}
		int minor = step >= 10 ? step / 5 : step == 5 ? 1 : 0;
		Color inRange = new Color(new RGB(225, 232, 242));
		Color tick = new Color(light ? new RGB(120, 128, 140) : new RGB(88, 96, 108));
		gc.setForeground(tick);
		if (minor > 0) {
			for (long s = 0; s <= seconds; s += minor) {
				int x = xOf(s * rate);
				gc.drawLine(x, area.height - 4, x, area.height);
			}
		}
		for (long s = 0; s <= seconds; s += step) {
			int x = xOf(s * rate);
			gc.setForeground(tick);
			gc.drawLine(x, area.height - 9, x, area.height);
			// a label on the shaded range is drawn light enough to read on it
			gc.setForeground(ra >= 0 && x >= ra && x < rb && !light ? inRange : fg);
			if (x + 3 + label.x < area.width) {
				gc.drawString(String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60), x + 3, 1, true);
			}
		}
		gc.setForeground(tick);
		gc.drawLine(0, area.height - 1, area.width, area.height - 1);
		// the playhead
		if (playback != null) {
			int x = xOf(Math.min(length, playback.positionFrames()));
			Color head = new Color(new RGB(240, 160, 60));
			gc.setBackground(head);
			gc.fillRectangle(x - 1, 0, 2, area.height);
			gc.fillPolygon(new int[] { x - 5, 0, x + 5, 0, x, 6 });
		}
	}

	/** [UI] The strip, for tests. */
	Canvas canvas() {
		return canvas;
	}

	/** [UI] The session's length in frames as measured, 0 while unknown. */
	long length() {
		return length;
	}
}
