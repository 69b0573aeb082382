package org.mixtree.views.loudness;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.loudness.analysis.LoudnessHistory;
import org.mixtree.views.loudness.analysis.LoudnessReadout;

/**
 * Loudness of the selected channel (the master when nothing is selected) as EBU R128 reads it: momentary and
 * short-term loudness over the last minute as a scrolling plot on the EBU +9 scale around the target (from the
 * preferences: {@link ViewContext#loudnessTargetLufs()}), and the integrated loudness, loudness range and maximum true
 * peak as numbers. Every number is the engine's meter's ({@link ViewContext#meter}), sampled every 100 ms on the UI
 * thread, so the view and the console always agree; the view computes nothing of its own.
 */
public final class LoudnessView implements MixtreeView {
	/** Seconds of history drawn. */
	public static final int HISTORY_SECONDS = 60;
	/** LU drawn above and below the target (the EBU +9 scale: target + 9 down to target - 27). */
	public static final double ABOVE = 9, BELOW = 27;
	static final int PANEL = 230;

	private ViewContext context;
	private Canvas canvas;
	private Consumer<Channel> selectionListener;
	private final LoudnessHistory history = new LoudnessHistory(HISTORY_SECONDS * 1000 / LoudnessHistory.TICK_MS);
	private Channel channel;
	private MeterSnapshot last = MeterSnapshot.SILENT;
	private boolean timerOn;
	private final Runnable tick = this::tick;

	private PlotPalette palette;
	private Color momentaryColor, shortColor, targetColor, targetBand, red, good;
	private Font big;

	@Override
	public void createControl(Composite parent, ViewContext ctx) {
		context = ctx;
		parent.setLayout(new FillLayout());
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData("org.eclipse.e4.ui.css.id", "LoudnessView");
		Display d = canvas.getDisplay();
		palette = new PlotPalette(d);
		momentaryColor = palette.color(0x5f8fa8);
		shortColor = palette.color(0x7ce4a8);
		targetColor = palette.color(0xf0c85a);
		targetBand = palette.color(0x2c2b22);
		red = palette.color(0xe85a5a);
		good = palette.color(0x7ce4a8);
		big = palette.font(12, SWT.BOLD);
		canvas.addPaintListener(e -> {
			ensureTimer();
			paint(e.gc);
		});
		selectionListener = c -> {
			channel = c == null ? ctx.session().getMaster() : c;
			history.clear();
			last = ctx.meter(channel);
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
		if (timerOn && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
		}
		timerOn = false;
		if (context != null && selectionListener != null) {
			context.selection().removeListener(selectionListener);
		}
		if (palette != null) {
			palette.dispose();
		}
	}

	private void ensureTimer() {
		if (!timerOn) {
			timerOn = true;
			canvas.getDisplay().timerExec(LoudnessHistory.TICK_MS, tick);
		}
	}

	private void tick() {
		timerOn = false;
		if (canvas.isDisposed() || !canvas.isVisible()) {
			return; // hidden: the next paint starts the timer again
		}
		timerOn = true;
		canvas.getDisplay().timerExec(LoudnessHistory.TICK_MS, tick);
		last = context.meter(channel);
		history.add(last);
		canvas.redraw();
	}

	/** [UI] @return what the numbers panel shows now */
	public LoudnessReadout readout() {
		return LoudnessReadout.of(last, context.loudnessTargetLufs());
	}

	/** [UI] @return the channel measured */
	public Channel channel() {
		return channel;
	}

	/** [UI] @return the history drawn */
	public LoudnessHistory history() {
		return history;
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
		double target = context.loudnessTargetLufs();
		LoudnessReadout ro = readout();
		// the plot, left
		Rectangle p = new Rectangle(44, 30, Math.max(10, r.width - PANEL - 44 - 12), Math.max(10, r.height - 30 - 24));
		gc.setFont(palette.normal);
		gc.setForeground(palette.text);
		gc.drawText("Loudness \u00b7 " + name(channel), 12, 7, true);
		gc.setFont(palette.small);
		gc.setBackground(palette.plot);
		gc.fillRectangle(p);
		double top = target + ABOVE, bottom = target - BELOW;
		// the +-1 LU band around the target
		gc.setBackground(targetBand);
		int b0 = y(target + 1, top, bottom, p), b1 = y(target - 1, top, bottom, p);
		gc.fillRectangle(p.x, b0, p.width, b1 - b0);
		for (int lu = (int) ABOVE; lu >= -BELOW; lu -= 3) {
			int y = y(target + lu, top, bottom, p);
			gc.setForeground(lu == 0 ? targetColor : lu % 9 == 0 ? palette.gridStrong : palette.grid);
			gc.setLineStyle(lu == 0 ? SWT.LINE_DASH : SWT.LINE_SOLID);
			gc.drawLine(p.x, y, p.x + p.width, y);
			gc.setLineStyle(SWT.LINE_SOLID);
			if (lu % 6 == 0 || lu == 9) {
				String label = String.format(java.util.Locale.ROOT, "%.0f", target + lu);
				Point e = gc.textExtent(label);
				gc.setForeground(lu == 0 ? targetColor : palette.dim);
				gc.drawText(label, p.x - e.x - 5, y - e.y / 2, true);
			}
		}
		int ticks = history.capacity();
		for (int s = 0; s <= HISTORY_SECONDS; s += 10) {
			int x = p.x + p.width - (int) Math.round((double) s / HISTORY_SECONDS * p.width);
			gc.setForeground(palette.grid);
			gc.drawLine(x, p.y, x, p.y + p.height);
			String label = s == 0 ? "now" : "-" + s + " s";
			Point e = gc.textExtent(label);
			gc.setForeground(palette.dim);
			gc.drawText(label, Math.max(p.x, Math.min(p.x + p.width - e.x, x - e.x / 2)), p.y + p.height + 4, true);
		}
		gc.setClipping(p);
		drawSeries(gc, p, top, bottom, ticks, true);
		gc.setLineWidth(2);
		drawSeries(gc, p, top, bottom, ticks, false);
		gc.setLineWidth(1);
		gc.setClipping((Rectangle) null);
		legend(gc, p, "M (400 ms)", momentaryColor, "S (3 s)", shortColor);

		// the numbers, right
		int x = r.width - PANEL + 8;
		int y = 10;
		gc.setFont(palette.small);
		gc.setForeground(palette.dim);
		gc.drawText("INTEGRATED", x, y, true);
		y += gc.textExtent("I").y + 2;
		gc.setFont(big);
		boolean onTarget = ro.toTarget().matches("[+-]0\\.[0-9] LU") && Math.abs(last.integratedLufs() - target) <= 1.0;
		gc.setForeground(!Double.isFinite(last.integratedLufs()) ? palette.dim : onTarget ? good : palette.text);
		gc.drawText(ro.integrated(), x, y, true);
		y += gc.textExtent("I").y + 2;
		gc.setFont(palette.normal);
		gc.setForeground(palette.dim);
		gc.drawText("target " + ro.target() + "   " + ro.toTarget(), x, y, true);
		y += gc.textExtent("I").y + 14;
		y = row(gc, x, y, "Range (LRA)", ro.range(), palette.text);
		y = row(gc, x, y, "True peak max", ro.truePeak(), ro.overTruePeak() ? red : palette.text);
		y = row(gc, x, y, "Momentary", ro.momentary(), momentaryColor);
		row(gc, x, y, "Short-term", ro.shortTerm(), shortColor);
	}

	private int row(GC gc, int x, int y, String label, String value, Color color) {
		gc.setFont(palette.small);
		gc.setForeground(palette.dim);
		gc.drawText(label, x, y, true);
		int h = gc.textExtent(label).y;
		gc.setFont(palette.normal);
		gc.setForeground(color);
		Point e = gc.textExtent(value);
		gc.drawText(value, x + PANEL - 20 - e.x, y - (e.y - h) / 2, true);
		return y + Math.max(h, e.y) + 8;
	}

	private void legend(GC gc, Rectangle p, String a, Color ca, String b, Color cb) {
		int x = p.x + 8, y = p.y + 6;
		for (int i = 0; i < 2; i++) {
			String label = i == 0 ? a : b;
			gc.setBackground(i == 0 ? ca : cb);
			Point e = gc.textExtent(label);
			gc.fillRectangle(x, y + e.y / 2 - 2, 12, 4);
			gc.setForeground(palette.text);
			gc.drawText(label, x + 16, y, true);
			x += 16 + e.x + 14;
		}
	}

	private void drawSeries(GC gc, Rectangle p, double top, double bottom, int ticks, boolean momentary) {
		int n = history.size();
		gc.setForeground(momentary ? momentaryColor : shortColor);
		int px = -1, py = -1;
		for (int i = 0; i < n; i++) {
			double v = momentary ? history.momentary(i) : history.shortTerm(i);
			int x = p.x + p.width - (int) Math.round((double) (n - 1 - i) / (ticks - 1) * p.width);
			if (!Double.isFinite(v)) {
				px = -1;
				continue;
			}
			int y = y(v, top, bottom, p);
			if (px >= 0) {
				gc.drawLine(px, py, x, y);
			}
			px = x;
			py = y;
		}
	}

	private static int y(double lufs, double top, double bottom, Rectangle p) {
		double t = (top - lufs) / (top - bottom);
		return p.y + (int) Math.round(Math.max(-0.02, Math.min(1.02, t)) * p.height);
	}

	private static String name(Channel c) {
		return c == null ? "-" : c.getName() == null || c.getName().isEmpty() ? c.getAddress() : c.getName();
	}
}
