package org.mixtree.examples.views;

import java.util.Arrays;
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
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/**
 * A third party's visualisation, written against the public view API only ({@code org.mixtree.ui.views}, SWT and the
 * session model): the selected channel's phase correlation (the master when none is selected) over the last
 * {@value #SECONDS} seconds, as a strip that scrolls to the left while the transport plays. +1 is mono, 0 is wide or
 * unrelated, below 0 the sides cancel when summed to mono: that part is drawn red, so a polarity problem that comes
 * and goes shows where it was.
 * <p>
 * It reads the engine's own meter ({@link ViewContext#meter}, lock-free, the number the console's correlation shows)
 * {@value #RATE_HZ} times a second on one {@code Display.timerExec} loop, which stops while the canvas is hidden. It
 * opens no tap, starts no thread and changes nothing in the session, so it needs only {@code session,channel}.
 */
public final class CorrelationStrip implements MixtreeView {
	/** The strip's length. */
	public static final int SECONDS = 45;
	/** Readings per second. */
	public static final int RATE_HZ = 20;
	/** Below this level (RMS, dBFS) the channel is silent and the strip shows a gap, not a correlation of 0. */
	static final double SILENT_DB = -70;
	private static final int CAPACITY = SECONDS * RATE_HZ;
	private static final int TOP = 30, BOTTOM = 22, LEFT = 34, RIGHT = 14;

	private ViewContext context;
	private Canvas canvas;
	private Channel channel;
	private Consumer<Channel> selectionListener;
	private final Runnable tick = this::tick;
	private boolean timerOn;
	/** The readings, a ring: NaN is a gap (silence). {@code written} counts every reading ever taken. */
	private final double[] ring = new double[CAPACITY];
	private long written;

	private PlotPalette palette;
	private Color zeroLine, positive, positiveFill, negative, negativeFill;

	@Override
	public void createControl(Composite parent, ViewContext ctx) {
		context = ctx;
		parent.setLayout(new FillLayout());
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		Display d = canvas.getDisplay();
		palette = new PlotPalette(d);
		zeroLine = palette.color(0x5a6375);
		positive = palette.color(0x7ce4a8);
		positiveFill = palette.color(0x2e6b4c);
		negative = palette.color(0xf06060);
		negativeFill = palette.color(0x8a2c2c);
		canvas.addPaintListener(e -> {
			startTimer();
			paint(e.gc);
		});
		selectionListener = c -> {
			channel = c == null ? ctx.session().getMaster() : c;
			clear(); // another channel's history would read as this one's
			canvas.redraw();
		};
		ctx.selection().addListener(selectionListener);
		Channel s = ctx.selection().selected();
		channel = s == null ? ctx.session().getMaster() : s;
		clear();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		if (timerOn && canvas != null && !canvas.isDisposed()) {
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

	private void clear() {
		Arrays.fill(ring, Double.NaN);
		written = 0;
	}

	private void startTimer() {
		if (!timerOn) {
			timerOn = true;
			canvas.getDisplay().timerExec(1000 / RATE_HZ, tick);
		}
	}

	/** [UI] One reading while the transport plays; the timer stops while the canvas is hidden (the next paint starts it). */
	private void tick() {
		timerOn = false;
		if (canvas.isDisposed() || !canvas.isVisible()) {
			return;
		}
		timerOn = true;
		canvas.getDisplay().timerExec(1000 / RATE_HZ, tick);
		if (!context.transport().isPlaying()) {
			return; // the strip stands still with the transport, so a stopped mix can be read at leisure
		}
		MeterSnapshot m = context.meter(channel);
		ring[(int) (written % CAPACITY)] = m.rmsDb() < SILENT_DB ? Double.NaN : clamp(m.correlation());
		written++;
		canvas.redraw();
	}

	private static double clamp(double c) {
		return Double.isNaN(c) ? Double.NaN : Math.max(-1, Math.min(1, c));
	}

	/** [UI] @return the newest reading (NaN: none yet, or silence) */
	public double latest() {
		return written == 0 ? Double.NaN : ring[(int) ((written - 1) % CAPACITY)];
	}

	/** [UI] @return the readings taken for the channel shown (the strip holds the last {@value #SECONDS} s of them) */
	public long readings() {
		return written;
	}

	/** [UI] @return the plot's rectangle in the canvas: +1 at its top, -1 at its bottom, now at its right edge */
	public Rectangle plotArea() {
		Rectangle r = canvas.getClientArea();
		return new Rectangle(LEFT, TOP, Math.max(10, r.width - LEFT - RIGHT), Math.max(10, r.height - TOP - BOTTOM));
	}

	/** [UI] @return the canvas row of correlation {@code c} */
	public int y(double c) {
		Rectangle p = plotArea();
		return p.y + (int) Math.round((1 - c) / 2 * (p.height - 1));
	}

	public Canvas canvas() {
		return canvas;
	}

	private void paint(GC gc) {
		Rectangle r = canvas.getClientArea();
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setTextAntialias(SWT.ON);
		gc.setFont(palette.normal);
		gc.setForeground(palette.text);
		gc.drawText("Correlation \u00b7 " + name(channel), 12, 6, true);
		double now = latest();
		String value = Double.isNaN(now) ? "\u2013" : String.format(Locale.ROOT, "%+.2f", now);
		Point ve = gc.textExtent(value);
		gc.setForeground(Double.isNaN(now) ? palette.dim : now < 0 ? negative : positive);
		gc.drawText(value, r.width - ve.x - RIGHT, 6, true);

		Rectangle p = plotArea();
		gc.setBackground(palette.plot);
		gc.fillRectangle(p);
		gc.setFont(palette.small);
		// +1, +0.5, 0, -0.5, -1 lines; seconds ticks every 15 s
		for (double c : new double[] { 1, 0.5, 0, -0.5, -1 }) {
			gc.setForeground(c == 0 ? zeroLine : palette.grid);
			gc.drawLine(p.x, y(c), p.x + p.width - 1, y(c));
		}
		gc.setForeground(palette.dim);
		label(gc, "+1", p.x - 5, y(1), 1, 0.3);
		label(gc, "0", p.x - 5, y(0), 1, 0.5);
		label(gc, "-1", p.x - 5, y(-1), 1, 0.7);
		for (int s = 0; s <= SECONDS; s += 15) {
			int x = p.x + p.width - 1 - (int) Math.round((double) s / SECONDS * (p.width - 1));
			gc.setForeground(palette.grid);
			gc.drawLine(x, p.y, x, p.y + p.height - 1);
			gc.setForeground(palette.dim);
			label(gc, s == 0 ? "now" : "-" + s + " s", x, p.y + p.height + 3, s == SECONDS ? 0 : s == 0 ? 1 : 0.5, 0);
		}

		// one column per pixel: the readings that fall in it, filled from 0 to their extreme, green above, red below
		int zero = y(0);
		long shown = Math.min(written, CAPACITY);
		for (int col = 0; col < p.width; col++) {
			// readings ago at this column's left and right edges (the right edge of the plot is now)
			double agoRight = (double) (p.width - 1 - col) / p.width * CAPACITY;
			double agoLeft = (double) (p.width - col) / p.width * CAPACITY;
			double lo = Double.NaN, hi = Double.NaN;
			for (long ago = (long) Math.floor(agoRight); ago < Math.max(agoLeft, agoRight + 1) && ago < shown; ago++) {
				double v = ring[(int) ((written - 1 - ago) % CAPACITY)];
				if (!Double.isNaN(v)) {
					lo = Double.isNaN(lo) ? v : Math.min(lo, v);
					hi = Double.isNaN(hi) ? v : Math.max(hi, v);
				}
			}
			if (Double.isNaN(lo)) {
				continue; // no reading yet, or silence: a gap
			}
			int x = p.x + col;
			if (hi > 0) {
				gc.setForeground(positiveFill);
				gc.drawLine(x, zero, x, y(hi));
			}
			if (lo < 0) {
				gc.setForeground(negativeFill);
				gc.drawLine(x, zero, x, y(lo));
			}
			// the readings' own range, bright, in the colour of its side
			double mid = (lo + hi) / 2;
			gc.setForeground(mid < 0 ? negative : positive);
			gc.drawLine(x, y(hi), x, y(lo));
		}
		if (written == 0) {
			gc.setForeground(palette.dim);
			label(gc, context.transport().isPlaying() ? "waiting for signal" : "stopped: the strip moves while playing",
					p.x + p.width / 2, zero - 6, 0.5, 1);
		}
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
