package org.mixtree.views.stereo;

import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.mixtree.model.Channel;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.stereo.analysis.Goniometer;

/**
 * The stereo image of the selected channel (the master when none): a goniometer (Lissajous figure in the M/S
 * orientation, from the newest frames of the channel's tap, {@link AudioTap#readLatest}) and a phase correlation meter
 * (the engine's {@link org.mixtree.engine.meter.MeterSnapshot#correlation()}, the number the console shows). The tap is
 * open only while the view is shown; a hidden canvas stops the timer and closes it, the next paint opens it again.
 */
public final class StereoView implements MixtreeView {
	/** Frames drawn per picture: about 43 ms at 48 kHz, a little more than a frame of the 30 Hz timer. */
	public static final int FRAMES = 2048;
	private static final int FRAME_MS = 33;
	static final int BAR_HEIGHT = 54;

	private ViewContext context;
	private Canvas canvas;
	private Consumer<Channel> selectionListener;
	private Channel channel;
	private AudioTap tap;
	private boolean timerOn;
	private final Runnable tick = this::tick;
	private final Goniometer goniometer = new Goniometer();
	private final float[][] frames = new float[2][FRAMES];
	private final float[] xs = new float[FRAMES], ys = new float[FRAMES];
	private int count;
	private double gain = 1.0;
	private double correlation;

	private PlotPalette palette;
	private Color trace, barBack, positive, negative;

	@Override
	public void createControl(Composite parent, ViewContext ctx) {
		context = ctx;
		parent.setLayout(new FillLayout());
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData("org.eclipse.e4.ui.css.id", "StereoView");
		Display d = canvas.getDisplay();
		palette = new PlotPalette(d);
		trace = palette.color(0x7ce4a8);
		barBack = palette.color(0x16181d);
		positive = palette.color(0x7ce4a8);
		negative = palette.color(0xe85a5a);
		canvas.addPaintListener(e -> {
			ensureRunning();
			paint(e.gc);
		});
		selectionListener = c -> {
			channel = c == null ? ctx.session().getMaster() : c;
			if (tap != null) {
				tap.close();
				tap = ctx.openTap(channel);
			}
			count = 0;
			goniometer.reset();
			canvas.redraw();
		};
		ctx.selection().addListener(selectionListener);
		Channel s = ctx.selection().selected();
		channel = s == null ? ctx.session().getMaster() : s;
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		stop();
		if (context != null && selectionListener != null) {
			context.selection().removeListener(selectionListener);
		}
		if (palette != null) {
			palette.dispose();
		}
	}

	private void ensureRunning() {
		if (tap == null && channel != null) {
			tap = context.openTap(channel);
		}
		if (!timerOn) {
			timerOn = true;
			canvas.getDisplay().timerExec(FRAME_MS, tick);
		}
	}

	private void stop() {
		if (timerOn && canvas != null && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
		}
		timerOn = false;
		if (tap != null) {
			tap.close();
			tap = null;
		}
	}

	private void tick() {
		timerOn = false;
		if (canvas.isDisposed()) {
			return;
		}
		if (!canvas.isVisible()) {
			stop();
			return;
		}
		timerOn = true;
		canvas.getDisplay().timerExec(FRAME_MS, tick);
		read();
		canvas.redraw();
	}

	/** [UI] Takes the tap's newest frames and the meter's correlation. */
	private void read() {
		if (tap == null) {
			count = 0;
			return;
		}
		int n = tap.readLatest(frames, FRAMES);
		if (tap.channels() == 1) {
			System.arraycopy(frames[0], 0, frames[1], 0, Math.max(0, n));
		}
		count = Math.max(0, n);
		Goniometer.project(frames[0], frames[1], count, xs, ys);
		gain = goniometer.autoGain(xs, ys, count, 1.02);
		correlation = context.meter(channel).correlation();
	}

	/** [UI] @return the correlation shown, the engine meter's */
	public double correlation() {
		return correlation;
	}

	/** [UI] @return the points drawn, in canvas pixels: {x0, y0, x1, y1, ...} */
	public int[] points() {
		Rectangle g = scope();
		int[] pts = new int[2 * count];
		for (int i = 0; i < count; i++) {
			pts[2 * i] = g.x + g.width / 2 + (int) Math.round(xs[i] * gain * g.width / 2);
			pts[2 * i + 1] = g.y + g.height / 2 - (int) Math.round(ys[i] * gain * g.height / 2);
		}
		return pts;
	}

	/** [UI] @return the goniometer's square in the canvas */
	public Rectangle scope() {
		Rectangle r = canvas.getClientArea();
		int side = Math.max(20, Math.min(r.width - 70, r.height - BAR_HEIGHT - 40));
		return new Rectangle((r.width - side) / 2, 30, side, side);
	}

	public Canvas canvas() {
		return canvas;
	}

	private void paint(GC gc) {
		Rectangle r = canvas.getClientArea();
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setFont(palette.normal);
		gc.setForeground(palette.text);
		gc.drawText("Stereo \u00b7 " + name(channel), 12, 6, true);
		gc.setFont(palette.small);
		String g = String.format(Locale.ROOT, "scope gain %+.0f dB", 20 * Math.log10(gain));
		Point ge = gc.textExtent(g);
		gc.setForeground(palette.dim);
		gc.drawText(g, r.width - ge.x - 12, 8, true);

		Rectangle s = scope();
		int cx = s.x + s.width / 2, cy = s.y + s.height / 2;
		gc.setBackground(palette.plot);
		gc.fillOval(s.x, s.y, s.width, s.height);
		gc.setForeground(palette.grid);
		gc.drawOval(s.x + s.width / 4, s.y + s.height / 4, s.width / 2, s.height / 2);
		gc.setForeground(palette.gridStrong);
		gc.drawOval(s.x, s.y, s.width, s.height);
		gc.drawLine(cx, s.y, cx, s.y + s.height);
		gc.drawLine(s.x, cy, s.x + s.width, cy);
		int d = (int) Math.round(s.width / 2 / Math.sqrt(2));
		gc.setForeground(palette.grid);
		gc.drawLine(cx - d, cy - d, cx + d, cy + d);
		gc.drawLine(cx + d, cy - d, cx - d, cy + d);
		gc.setForeground(palette.dim);
		label(gc, "M", cx, s.y - 2, 0.5, 1);
		label(gc, "+S", s.x + s.width + 4, cy, 0, 0.5);
		label(gc, "-S", s.x - 4, cy, 1, 0.5);
		label(gc, "L", cx - d - 4, cy - d - 4, 1, 1);
		label(gc, "R", cx + d + 4, cy - d - 4, 0, 1);

		if (count > 1) {
			gc.setClipping(s.x, s.y, s.width + 1, s.height + 1);
			gc.setForeground(trace);
			gc.setAlpha(190);
			gc.drawPolyline(points());
			gc.setAlpha(255);
			gc.setClipping((Rectangle) null);
		} else {
			gc.setForeground(palette.dim);
			label(gc, "no signal", cx, cy + 14, 0.5, 0);
		}

		// the correlation meter, below
		int bw = Math.min(r.width - 60, Math.max(s.width, 260));
		Rectangle bar = new Rectangle((r.width - bw) / 2, s.y + s.height + 24, bw, 14);
		gc.setBackground(barBack);
		gc.fillRectangle(bar);
		int zero = bar.x + bar.width / 2;
		int at = zero + (int) Math.round(correlation * bar.width / 2);
		gc.setBackground(correlation >= 0 ? positive : negative);
		gc.fillRectangle(Math.min(zero, at), bar.y + 2, Math.max(2, Math.abs(at - zero)), bar.height - 4);
		gc.setBackground(palette.text);
		gc.fillRectangle(at - 1, bar.y - 2, 3, bar.height + 4);
		gc.setForeground(palette.gridStrong);
		gc.drawRectangle(bar);
		gc.drawLine(zero, bar.y, zero, bar.y + bar.height);
		gc.setForeground(palette.dim);
		label(gc, "-1", bar.x, bar.y + bar.height + 3, 0, 0);
		label(gc, "0", zero, bar.y + bar.height + 3, 0.5, 0);
		label(gc, "+1", bar.x + bar.width, bar.y + bar.height + 3, 1, 0);
		gc.setForeground(palette.text);
		label(gc, String.format(Locale.ROOT, "correlation %+.2f", correlation), zero, bar.y - 4, 0.5, 1);
	}

	/** Draws {@code s} with its anchor ({@code ax}, {@code ay} as fractions of its extent) at (x, y). */
	private static void label(GC gc, String s, int x, int y, double ax, double ay) {
		Point e = gc.textExtent(s);
		gc.drawText(s, x - (int) Math.round(ax * e.x), y - (int) Math.round(ay * e.y), true);
	}

	private static String name(Channel c) {
		return c == null ? "-" : c.getName() == null || c.getName().isEmpty() ? c.getAddress() : c.getName();
	}
}
