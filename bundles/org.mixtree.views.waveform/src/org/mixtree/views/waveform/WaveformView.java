package org.mixtree.views.waveform;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.mixtree.model.Channel;
import org.mixtree.model.Track;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.TransportState;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.waveform.analysis.Overview;
import org.mixtree.views.waveform.analysis.OverviewReader;

/**
 * The selected track's source as a waveform overview (min/max per pixel column, one lane per channel), with the
 * playhead and the loop range from the transport. A click locates the transport there; a drag sets the loop range to
 * what it covers. The file is read and reduced off the UI thread ({@link OverviewReader}, cached per width); the UI
 * thread draws what has arrived and never waits. The overview spans the source; its frames are placed on the
 * session's timeline by the track's offset (and the rates, when the file's differs from the session's).
 */
public final class WaveformView implements MixtreeView {
	static final int HEADER = 28, RULER = 20, SIDE = 10;
	private static final int FRAME_MS = 40;
	private static final int DRAG_PIXELS = 4;

	private ViewContext context;
	private Canvas canvas;
	private Consumer<Channel> selectionListener;
	private final OverviewReader reader = new OverviewReader();
	private ExecutorService loader;
	private Track track;
	private Overview overview;
	private String problem;
	private int generation;
	private int loadedWidth = -1;
	private boolean timerOn;
	private final Runnable tick = this::tick;
	private long shownPosition = -1;
	private int pressX = -1, dragX = -1;
	private final AdapterImpl trackAdapter = new AdapterImpl() {
		@Override
		public void notifyChanged(Notification n) {
			if (!n.isTouch() && canvas != null && !canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> {
					if (!canvas.isDisposed()) {
						load();
					}
				});
			}
		}
	};

	private PlotPalette palette;
	private Color wave, waveDim, playhead, loop, loopEdge, centre;

	@Override
	public void createControl(Composite parent, ViewContext ctx) {
		context = ctx;
		parent.setLayout(new FillLayout());
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData("org.eclipse.e4.ui.css.id", "WaveformView");
		Display d = canvas.getDisplay();
		palette = new PlotPalette(d);
		wave = palette.color(0x7ccce4);
		waveDim = palette.color(0x3f6a78);
		playhead = palette.color(0xffffff);
		loop = palette.color(0xf0c85a);
		loopEdge = palette.color(0xf0c85a);
		centre = palette.color(0x3d4452);
		loader = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "mixtree-waveform");
			t.setDaemon(true);
			return t;
		});
		canvas.addPaintListener(e -> {
			ensureTimer();
			if (wave().width != loadedWidth) {
				load();
			}
			paint(e.gc);
		});
		canvas.addListener(SWT.MouseDown, this::mouse);
		canvas.addListener(SWT.MouseMove, this::mouse);
		canvas.addListener(SWT.MouseUp, this::mouse);
		selectionListener = c -> follow(c);
		ctx.selection().addListener(selectionListener);
		follow(ctx.selection().selected());
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		if (timerOn && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
		}
		timerOn = false;
		generation++;
		if (track != null) {
			track.eAdapters().remove(trackAdapter);
		}
		if (context != null && selectionListener != null) {
			context.selection().removeListener(selectionListener);
		}
		if (loader != null) {
			loader.shutdownNow();
		}
		if (palette != null) {
			palette.dispose();
		}
	}

	private void follow(Channel c) {
		if (track != null) {
			track.eAdapters().remove(trackAdapter);
		}
		track = c instanceof Track t ? t : null;
		if (track != null) {
			track.eAdapters().add(trackAdapter);
		}
		load();
	}

	/** [UI] Reads the track's source for the current width on the loader thread; the newest request wins. */
	private void load() {
		int gen = ++generation;
		overview = null;
		problem = null;
		int width = wave().width;
		loadedWidth = width;
		Path file = sourceFile();
		if (file == null || width < 1) {
			canvas.redraw();
			return;
		}
		Display display = canvas.getDisplay();
		loader.execute(() -> {
			Overview o = null;
			String why = null;
			try {
				o = reader.read(file, width, () -> generation != gen);
			} catch (InterruptedIOException e) {
				return;
			} catch (IOException | RuntimeException e) {
				why = e.getMessage() == null ? e.toString() : e.getMessage();
			}
			Overview result = o;
			String message = why;
			display.asyncExec(() -> {
				if (gen == generation && !canvas.isDisposed()) {
					overview = result;
					problem = message;
					canvas.redraw();
				}
			});
		});
		canvas.redraw();
	}

	private Path sourceFile() {
		if (track == null || track.getSource() == null || track.getSource().isBlank()) {
			return null;
		}
		Path src = Path.of(track.getSource());
		Path session = context.sessionFile();
		return src.isAbsolute() || session == null || session.getParent() == null ? src : session.getParent().resolve(src);
	}

	private void ensureTimer() {
		if (!timerOn) {
			timerOn = true;
			canvas.getDisplay().timerExec(FRAME_MS, tick);
		}
	}

	private void tick() {
		timerOn = false;
		if (canvas.isDisposed() || !canvas.isVisible()) {
			return; // hidden: the next paint starts the timer again
		}
		timerOn = true;
		canvas.getDisplay().timerExec(FRAME_MS, tick);
		long pos = context.transport().positionFrames();
		if (pos != shownPosition) {
			canvas.redraw();
		}
	}

	// -------------------------------------------------------------------------------------------- mapping

	/** [UI] @return the waveform's rectangle in the canvas (all lanes) */
	public Rectangle wave() {
		Rectangle r = canvas.getClientArea();
		return new Rectangle(SIDE, HEADER, Math.max(0, r.width - 2 * SIDE), Math.max(0, r.height - HEADER - RULER));
	}

	/** [UI] @return the timeline frame (session rate) at canvas x, or -1 when no source is shown */
	public long frameAt(int x) {
		Overview o = overview;
		Rectangle w = wave();
		if (o == null || w.width == 0) {
			return -1;
		}
		double t = Math.max(0, Math.min(1, (double) (x - w.x) / w.width));
		return track.getOffsetFrames() + Math.round(t * o.frames() * ratio(o));
	}

	/** [UI] @return the canvas x of timeline frame {@code frame}, or Integer.MIN_VALUE with no source shown */
	public int xOf(long frame) {
		Overview o = overview;
		Rectangle w = wave();
		if (o == null || o.frames() == 0) {
			return Integer.MIN_VALUE;
		}
		double sourceFrame = (frame - track.getOffsetFrames()) / ratio(o);
		return w.x + (int) Math.round(sourceFrame / o.frames() * w.width);
	}

	private double ratio(Overview o) {
		return (double) context.transport().sampleRate() / o.sampleRate();
	}

	/** [UI] @return the overview drawn, or null while it is read (or with no track selected) */
	public Overview overview() {
		return overview;
	}

	/** [UI] @return why the source cannot be shown, or null */
	public String problem() {
		return problem;
	}

	public Canvas canvas() {
		return canvas;
	}

	private void mouse(Event e) {
		switch (e.type) {
		case SWT.MouseDown -> {
			if (e.button == 1 && overview != null) {
				pressX = e.x;
				dragX = -1;
			}
		}
		case SWT.MouseMove -> {
			if (pressX >= 0 && (dragX >= 0 || Math.abs(e.x - pressX) >= DRAG_PIXELS)) {
				dragX = e.x;
				canvas.redraw();
			}
		}
		case SWT.MouseUp -> {
			if (pressX < 0 || e.button != 1) {
				return;
			}
			TransportState ts = context.transport();
			if (dragX >= 0) {
				long a = frameAt(Math.min(pressX, e.x)), b = frameAt(Math.max(pressX, e.x));
				if (b > a) {
					ts.setLoop(new long[] { a, b });
				}
			} else {
				ts.locate(frameAt(e.x));
			}
			pressX = dragX = -1;
			canvas.redraw();
		}
		default -> {
		}
		}
	}

	// -------------------------------------------------------------------------------------------- painting

	private void paint(GC gc) {
		Rectangle r = canvas.getClientArea();
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setTextAntialias(SWT.ON);
		Rectangle w = wave();
		gc.setBackground(palette.plot);
		gc.fillRectangle(w);
		Overview o = overview;
		gc.setFont(palette.normal);
		gc.setForeground(palette.text);
		String title = track == null ? "Waveform" : "Waveform \u00b7 " + track.getName();
		gc.drawText(title, SIDE + 2, 6, true);
		gc.setFont(palette.small);
		if (o != null) {
			String info = String.format(Locale.ROOT, "%s \u00b7 %d ch \u00b7 %.1f kHz \u00b7 %s", Path.of(track.getSource()).getFileName(),
					o.channels(), o.sampleRate() / 1000.0, time((double) o.frames() / o.sampleRate()));
			Point e = gc.textExtent(info);
			gc.setForeground(palette.dim);
			gc.drawText(info, r.width - SIDE - e.x, 9, true);
		}
		if (o == null) {
			String msg = track == null ? "Select a track to see its source"
					: problem != null ? problem : sourceFile() == null ? track.getName() + " has no source" : "Reading " + track.getSource() + "\u2026";
			Point e = gc.textExtent(msg);
			gc.setForeground(palette.dim);
			gc.drawText(msg, w.x + (w.width - e.x) / 2, w.y + (w.height - e.y) / 2, true);
			return;
		}
		// the loop range behind the waveform
		long[] lr = context.transport().loopRange();
		int l0 = Integer.MIN_VALUE, l1 = Integer.MIN_VALUE;
		if (dragX >= 0) {
			l0 = Math.min(pressX, dragX);
			l1 = Math.max(pressX, dragX);
		} else if (lr != null) {
			l0 = xOf(lr[0]);
			l1 = xOf(lr[1]);
		}
		gc.setClipping(w);
		if (l0 != Integer.MIN_VALUE) {
			gc.setAlpha(46);
			gc.setBackground(loop);
			gc.fillRectangle(l0, w.y, Math.max(1, l1 - l0), w.height);
			gc.setAlpha(255);
		}
		int lanes = o.channels();
		int laneH = w.height / Math.max(1, lanes);
		for (int c = 0; c < lanes; c++) {
			int top = w.y + c * laneH;
			int mid = top + laneH / 2;
			double half = laneH / 2.0 - 2;
			gc.setForeground(centre);
			gc.drawLine(w.x, mid, w.x + w.width, mid);
			if (c > 0) {
				gc.setForeground(palette.grid);
				gc.drawLine(w.x, top, w.x + w.width, top);
			}
			for (int x = 0; x < o.columns(); x++) {
				int y0 = mid - (int) Math.round(Math.max(-1, Math.min(1, o.max()[c][x])) * half);
				int y1 = mid - (int) Math.round(Math.max(-1, Math.min(1, o.min()[c][x])) * half);
				int px = w.x + x;
				boolean inLoop = l0 != Integer.MIN_VALUE && px >= l0 && px <= l1;
				gc.setForeground(l0 == Integer.MIN_VALUE || inLoop ? wave : waveDim);
				gc.drawLine(px, y0, px, Math.max(y0, y1));
			}
		}
		if (l0 != Integer.MIN_VALUE) {
			gc.setForeground(loopEdge);
			gc.setLineWidth(2);
			gc.drawLine(l0, w.y, l0, w.y + w.height);
			gc.drawLine(l1, w.y, l1, w.y + w.height);
			gc.setLineWidth(1);
		}
		long pos = context.transport().positionFrames();
		shownPosition = pos;
		int px = xOf(pos);
		if (px >= w.x && px <= w.x + w.width) {
			gc.setForeground(playhead);
			gc.setLineWidth(2);
			gc.drawLine(px, w.y, px, w.y + w.height);
			gc.setLineWidth(1);
		}
		gc.setClipping((Rectangle) null);
		// the ruler: the timeline's seconds
		double seconds = (double) o.frames() / o.sampleRate();
		double step = niceStep(seconds, Math.max(1, w.width / 90));
		gc.setForeground(palette.dim);
		double start = track.getOffsetFrames() / (double) context.transport().sampleRate();
		for (double s = Math.ceil(start / step) * step; s <= start + seconds + 1e-9; s += step) {
			int x = xOf(Math.round(s * context.transport().sampleRate()));
			gc.setForeground(palette.grid);
			gc.drawLine(x, w.y + w.height, x, w.y + w.height + 4);
			String label = time(s);
			Point e = gc.textExtent(label);
			gc.setForeground(palette.dim);
			gc.drawText(label, Math.max(0, Math.min(r.width - e.x, x - e.x / 2)), w.y + w.height + 4, true);
		}
	}

	private static double niceStep(double seconds, int marks) {
		double raw = seconds / marks;
		for (double s : new double[] { 0.1, 0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600 }) {
			if (s >= raw) {
				return s;
			}
		}
		return 1200;
	}

	private static String time(double seconds) {
		int m = (int) (seconds / 60);
		double s = seconds - 60 * m;
		return String.format(Locale.ROOT, "%d:%04.1f", m, s);
	}
}
