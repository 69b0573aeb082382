package org.mixtree.views.spectrum;

import java.util.ArrayList;
import java.util.List;
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
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.spectrum.analysis.LogAxis;
import org.mixtree.views.spectrum.analysis.SpectrumWorker;
import org.mixtree.views.spectrum.analysis.SpectrumWorker.Result;
import org.mixtree.views.spectrum.analysis.SpectrumWorker.Settings;

/**
 * The spectrum analyser: the selected channel's spectrum on a log frequency axis (20 Hz to 20 kHz), with the FFT size,
 * overlap, slope and peak hold chosen from the chips along its top, and a second channel pinned to compare (the pinned
 * one drawn in orange, the selected one in blue). Thin: the analysis is {@link SpectrumWorker}'s, on its own thread,
 * reading the channel's tap; this class paints the newest result on a timer (about 30 frames a second) and never
 * waits for the worker. When the canvas is hidden the worker stops and the taps close; the next paint starts them
 * again.
 */
public final class SpectrumView implements MixtreeView {
	/** FFT sizes offered. */
	public static final int[] SIZES = { 2048, 4096, 8192, 16384 };
	/** Overlaps offered. */
	public static final double[] OVERLAPS = { 0.5, 0.75 };
	/** Slopes offered, dB per octave around 1 kHz. */
	public static final double[] SLOPES = { 0.0, 3.0, 4.5 };
	/** Level range drawn, dBFS. */
	public static final double TOP_DB = 6.0, BOTTOM_DB = -96.0;
	private static final int FRAME_MS = 33;
	static final int BAR = 26, LEFT = 40, RIGHT = 12, BOTTOM = 20;

	private ViewContext context;
	private Canvas canvas;
	private Consumer<Channel> selectionListener;
	private SpectrumWorker worker;
	private boolean timerOn;
	private final Runnable tick = this::tick;

	private int size = 8192;
	private double overlap = 0.75;
	private double slope = 0.0;
	private boolean peakHold = true;
	private Channel selected;
	private Channel pinned;
	private long shownMain = -1, shownPinned = -1;

	private PlotPalette palette;
	private Color main, mainFill, peakColor, pinColor, chip, chipOn;

	@Override
	public void createControl(Composite parent, ViewContext ctx) {
		this.context = ctx;
		parent.setLayout(new FillLayout());
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData("org.eclipse.e4.ui.css.id", "SpectrumView");
		Display d = canvas.getDisplay();
		palette = new PlotPalette(d);
		main = palette.color(0x7ccce4);
		mainFill = palette.color(0x2b5a6c);
		peakColor = palette.color(0xc9d6e3);
		pinColor = palette.color(0xf0a85a);
		chip = palette.color(0x3a404d);
		chipOn = palette.color(0x2f6f86);
		canvas.addPaintListener(e -> {
			ensureRunning();
			paint(e.gc);
		});
		canvas.addListener(SWT.MouseDown, e -> {
			if (e.button == 1) {
				click(e.x, e.y);
			}
		});
		selectionListener = c -> {
			selected = c;
			if (worker != null) {
				worker.setTap(SpectrumWorker.MAIN, c == null ? null : ctx.openTap(c));
			}
			canvas.redraw();
		};
		ctx.selection().addListener(selectionListener);
		selected = ctx.selection().selected();
		if (selected == null) {
			selected = ctx.session().getMaster();
		}
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
		if (palette.small != null) {
		}
	}

	// ------------------------------------------------------------------------------------------ the worker's life

	/** [UI] Starts the worker and the frame timer if they are not running (the canvas is being painted: it shows). */
	private void ensureRunning() {
		if (worker == null) {
			worker = new SpectrumWorker(settings());
			if (selected != null) {
				worker.setTap(SpectrumWorker.MAIN, context.openTap(selected));
			}
			if (pinned != null) {
				worker.setTap(SpectrumWorker.PINNED, context.openTap(pinned));
			}
		}
		if (!timerOn) {
			timerOn = true;
			canvas.getDisplay().timerExec(FRAME_MS, tick);
		}
	}

	/** [UI] Stops the worker (closing its taps) and the timer. */
	private void stop() {
		if (worker != null) {
			worker.close();
			worker = null;
		}
		if (timerOn && canvas != null && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
		}
		timerOn = false;
		shownMain = shownPinned = -1;
	}

	private void tick() {
		timerOn = false;
		if (canvas.isDisposed()) {
			return;
		}
		if (!canvas.isVisible()) {
			stop(); // hidden: nothing runs until the next paint
			return;
		}
		timerOn = true;
		canvas.getDisplay().timerExec(FRAME_MS, tick);
		Result a = worker == null ? null : worker.latest(SpectrumWorker.MAIN);
		Result b = worker == null ? null : worker.latest(SpectrumWorker.PINNED);
		long sa = a == null ? -1 : a.sequence(), sb = b == null ? -1 : b.sequence();
		if (sa != shownMain || sb != shownPinned) {
			canvas.redraw();
		}
	}

	private Settings settings() {
		return new Settings(size, overlap, peakHold);
	}

	// ------------------------------------------------------------------------------------------ chips

	/** One clickable option along the top: its id, its text, whether it is lit. */
	record Chip(String id, String label, boolean on) {
	}

	/** [UI] @return the chips as they are drawn, left to right */
	public List<String> chipLabels() {
		return chips().stream().map(Chip::label).toList();
	}

	List<Chip> chips() {
		List<Chip> list = new ArrayList<>();
		list.add(new Chip("size", size + " pt", false));
		list.add(new Chip("overlap", Math.round(overlap * 100) + " % overlap", false));
		list.add(new Chip("slope", slope == 0 ? "slope 0" : String.format(Locale.ROOT, "slope %s dB/oct", trim(slope)), slope != 0));
		list.add(new Chip("peak", "peak hold", peakHold));
		list.add(new Chip("pin", pinned == null ? "pin " + name(selected) : "unpin " + name(pinned), pinned != null));
		return list;
	}

	/** [UI] @return the bounds of chip {@code id} (size, overlap, slope, peak, pin) in the canvas */
	public Rectangle chipBounds(String id) {
		GC gc = new GC(canvas);
		try {
			gc.setFont(palette.small);
			int x = 8;
			for (Chip c : chips()) {
				int w = gc.textExtent(c.label()).x + 16;
				if (c.id().equals(id)) {
					return new Rectangle(x, 4, w, BAR - 8);
				}
				x += w + 6;
			}
		} finally {
			gc.dispose();
		}
		throw new IllegalArgumentException("no chip " + id);
	}

	private void click(int x, int y) {
		for (Chip c : chips()) {
			if (chipBounds(c.id()).contains(x, y)) {
				choose(c.id());
				return;
			}
		}
	}

	/** [UI] What a click on chip {@code id} does: the next size, overlap or slope, peak hold on/off, pin/unpin. */
	public void choose(String id) {
		switch (id) {
		case "size" -> size = next(SIZES, size);
		case "overlap" -> overlap = overlap == OVERLAPS[0] ? OVERLAPS[1] : OVERLAPS[0];
		case "slope" -> {
			int i = 0;
			while (i < SLOPES.length && SLOPES[i] != slope) {
				i++;
			}
			slope = SLOPES[(i + 1) % SLOPES.length];
		}
		case "peak" -> peakHold = !peakHold;
		case "pin" -> {
			pinned = pinned == null ? selected : null;
			if (worker != null) {
				worker.setTap(SpectrumWorker.PINNED, pinned == null ? null : context.openTap(pinned));
			}
		}
		default -> throw new IllegalArgumentException("no chip " + id);
		}
		if (worker != null) {
			worker.setSettings(settings());
		}
		canvas.redraw();
	}

	private static int next(int[] values, int v) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == v) {
				return values[(i + 1) % values.length];
			}
		}
		return values[0];
	}

	private static String trim(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static String name(Channel c) {
		return c == null ? "-" : c.getName() == null || c.getName().isEmpty() ? c.getAddress() : c.getName();
	}

	// ------------------------------------------------------------------------------------------ reading for tests

	/** [any] @return the worker's newest result on lane {@code lane} ({@link SpectrumWorker#MAIN}, PINNED), or null */
	public Result latest(int lane) {
		SpectrumWorker w = worker;
		return w == null ? null : w.latest(lane);
	}

	/** [UI] @return whether the analysis worker runs */
	public boolean analysing() {
		return worker != null && worker.isRunning();
	}

	public double slope() {
		return slope;
	}

	/** [UI] @return the plot's rectangle in the canvas */
	public Rectangle plotArea() {
		Rectangle r = canvas.getClientArea();
		return new Rectangle(LEFT, BAR + 6, Math.max(1, r.width - LEFT - RIGHT), Math.max(1, r.height - BAR - 6 - BOTTOM));
	}

	public Canvas canvas() {
		return canvas;
	}

	// ------------------------------------------------------------------------------------------ painting

	private void paint(GC gc) {
		Rectangle r = canvas.getClientArea();
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setFont(palette.small);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		// chips
		for (Chip c : chips()) {
			Rectangle b = chipBounds(c.id());
			gc.setBackground(c.on() ? chipOn : chip);
			gc.fillRoundRectangle(b.x, b.y, b.width, b.height, 8, 8);
			gc.setForeground(palette.text);
			Point e = gc.textExtent(c.label());
			gc.drawText(c.label(), b.x + (b.width - e.x) / 2, b.y + (b.height - e.y) / 2, true);
		}
		Rectangle p = plotArea();
		gc.setBackground(palette.plot);
		gc.fillRectangle(p);
		// grid: decades and their 2 and 5, levels every 12 dB
		int[] marks = { 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000 };
		for (int f = 20; f <= 20000; f = f < 100 ? f + 10 : f < 1000 ? f + 100 : f < 10000 ? f + 1000 : f + 10000) {
			int x = p.x + (int) Math.round(LogAxis.x(f, p.width));
			gc.setForeground(palette.grid);
			gc.drawLine(x, p.y, x, p.y + p.height);
		}
		for (int f : marks) {
			int x = p.x + (int) Math.round(LogAxis.x(f, p.width));
			gc.setForeground(palette.gridStrong);
			gc.drawLine(x, p.y, x, p.y + p.height);
			String label = f >= 1000 ? (f / 1000) + "k" : Integer.toString(f);
			Point e = gc.textExtent(label);
			int lx = Math.max(p.x, Math.min(p.x + p.width - e.x, x - e.x / 2));
			gc.setForeground(palette.dim);
			gc.drawText(label, lx, p.y + p.height + 3, true);
		}
		for (int db = 0; db >= BOTTOM_DB; db -= 12) {
			int y = y(db, p);
			gc.setForeground(db == 0 ? palette.gridStrong : palette.grid);
			gc.drawLine(p.x, y, p.x + p.width, y);
			String label = Integer.toString(db);
			Point e = gc.textExtent(label);
			gc.setForeground(palette.dim);
			gc.drawText(label, p.x - e.x - 5, y - e.y / 2, true);
		}
		SpectrumWorker w = worker;
		Result a = w == null ? null : w.latest(SpectrumWorker.MAIN);
		Result b = w == null ? null : w.latest(SpectrumWorker.PINNED);
		shownMain = a == null ? -1 : a.sequence();
		shownPinned = b == null ? -1 : b.sequence();
		gc.setClipping(p);
		if (a != null) {
			double[] col = new double[p.width];
			LogAxis.columns(a.db(), a.binHz(), slope, col, p.width);
			int[] poly = polyline(col, p, true);
			gc.setAlpha(150);
			gc.setBackground(mainFill);
			gc.fillPolygon(poly);
			gc.setAlpha(255);
			gc.setForeground(main);
			gc.setLineWidth(1);
			gc.drawPolyline(polyline(col, p, false));
			if (a.peak() != null) {
				LogAxis.columns(a.peak(), a.binHz(), slope, col, p.width);
				gc.setForeground(peakColor);
				gc.setAlpha(140);
				gc.drawPolyline(polyline(col, p, false));
				gc.setAlpha(255);
			}
		}
		if (b != null) {
			double[] col = new double[p.width];
			LogAxis.columns(b.db(), b.binHz(), slope, col, p.width);
			gc.setForeground(pinColor);
			gc.setLineWidth(2);
			gc.drawPolyline(polyline(col, p, false));
			gc.setLineWidth(1);
		}
		gc.setClipping((Rectangle) null);
		// legend, top right of the plot
		int lx = p.x + p.width - 8;
		int ly = p.y + 6;
		String mainText = name(selected) + (a == null ? " (silent)" : "");
		lx = legend(gc, mainText, main, lx, ly);
		if (pinned != null) {
			legend(gc, name(pinned) + (b == null ? " (silent)" : "") + " \u00b7 pinned", pinColor, lx - 14, ly);
		}
		String info = String.format(Locale.ROOT, "Hann \u00b7 %.1f Hz/bin \u00b7 avg %.0f ms", context.transport().sampleRate() / (double) size, SpectrumWorker.AVERAGE_SECONDS * 1000);
		gc.setForeground(palette.dim);
		gc.drawText(info, p.x + 8, p.y + 6, true);
	}

	private int legend(GC gc, String label, Color color, int right, int y) {
		Point e = gc.textExtent(label);
		int x = right - e.x;
		gc.setForeground(palette.text);
		gc.drawText(label, x, y, true);
		gc.setBackground(color);
		gc.fillRectangle(x - 14, y + e.y / 2 - 2, 10, 4);
		return x - 14;
	}

	private static int y(double db, Rectangle p) {
		double t = (TOP_DB - db) / (TOP_DB - BOTTOM_DB);
		return p.y + (int) Math.round(Math.max(-0.05, Math.min(1.05, t)) * p.height);
	}

	private static int[] polyline(double[] col, Rectangle p, boolean closed) {
		int n = col.length;
		int[] pts = new int[2 * n + (closed ? 4 : 0)];
		for (int x = 0; x < n; x++) {
			pts[2 * x] = p.x + x;
			pts[2 * x + 1] = y(col[x], p);
		}
		if (closed) {
			pts[2 * n] = p.x + n - 1;
			pts[2 * n + 1] = p.y + p.height;
			pts[2 * n + 2] = p.x;
			pts[2 * n + 3] = p.y + p.height;
		}
		return pts;
	}
}
