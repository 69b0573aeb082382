package org.mixtree.views.eq;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
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
import org.mixtree.effects.builtin.eq.EqBands;
import org.mixtree.effects.builtin.eq.EqFactory;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.eq.EqCurve.Band;
import org.mixtree.views.spectrum.analysis.LogAxis;
import org.mixtree.views.spectrum.analysis.SpectrumWorker;

/**
 * The EQ's curve editor: the response of the insert's EQ ({@link EqCurve}: from the filters' own coefficients) on a
 * log frequency axis, each band's handle at its frequency and gain, and the channel's live spectrum behind.
 * <p>
 * Gestures, as a mixing engineer expects them: drag a handle (frequency on x, gain on y; a band that is off is
 * switched on as a peak), the engine hearing each value at once through {@link ViewContext#previewParameter} and
 * the model getting one command at mouse-up; the wheel over a handle changes its Q (one command when the wheel has
 * rested {@value #WHEEL_REST_MS} ms); a double-click on a handle sets its gain back to 0 dB. Every command is
 * {@code SessionCommands.setInsertParameters} on the session's one command stack, so Ctrl+Z undoes each gesture as
 * one step.
 * <p>
 * The spectrum is analysed by a {@link SpectrumWorker} on its own thread from a tap of the insert's channel; a
 * {@code Display.timerExec} loop repaints when a new spectrum is out. The view keeps no copy of the model: an
 * adapter on the insert rebuilds the curve after every change (undo included).
 */
public final class EqEditorView implements MixtreeView {
	/** The canvas's data key, the view itself: how a test finds the curve. */
	public static final String CANVAS = "org.mixtree.views.eq.canvas";
	static final int WHEEL_REST_MS = 400;
	private static final int FRAME_MS = 33;
	private static final int GRAB_PX = 12;
	private static final double SPECTRUM_SLOPE = 4.5;
	private static final double[] GRID_HZ = { 20, 30, 40, 50, 60, 70, 80, 90, 100, 200, 300, 400, 500, 600, 700, 800,
			900, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 20000 };
	private static final double[] LABEL_HZ = { 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000 };
	private static final int[][] BAND_RGB = { { 235, 87, 87 }, { 242, 153, 74 }, { 242, 201, 76 }, { 111, 207, 151 },
			{ 86, 204, 242 }, { 47, 128, 237 }, { 155, 81, 224 }, { 228, 117, 200 } };

	private ViewContext context;
	private Insert insert;
	private Canvas canvas;
	private EqCurve curve;
	private SpectrumWorker worker;
	private long shownSpectrum = -1;
	private double[] spectrumColumns;
	private final Runnable tick = this::tick;

	/** The band being dragged or wheeled (1 first), 0 when none; its live value in {@link #preview}. */
	private int gesture;
	private Band preview;
	private boolean moved;
	private int hover;
	private final Runnable wheelRest = this::commitWheel;

	private PlotPalette palette;
	private Color curveColor, fill, spectrum;
	private final Color[] bandColors = new Color[BAND_RGB.length];

	private final EContentAdapter adapter = new EContentAdapter() {
		@Override
		public void notifyChanged(Notification n) {
			super.notifyChanged(n);
			if (!n.isTouch() && canvas != null && !canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(EqEditorView.this::modelChanged);
			}
		}
	};

	@Override
	public void createControl(Composite parent, ViewContext context) {
		this.context = context;
		this.insert = context.insert();
		parent.setLayout(new FillLayout());
		Display d = parent.getDisplay();
		palette = new PlotPalette(d);
		curveColor = palette.color(0xf5f6f8);
		fill = palette.color(0xf5be5a);
		spectrum = palette.color(0x4a5464);
		for (int i = 0; i < BAND_RGB.length; i++) {
			bandColors[i] = palette.color(BAND_RGB[i][0] << 16 | BAND_RGB[i][1] << 8 | BAND_RGB[i][2]);
		}
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData(CANVAS, this);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
		canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
		canvas.addListener(SWT.MouseExit, e -> {
			hover = 0;
			canvas.redraw();
		});
		insert.eAdapters().add(adapter);
		curve = modelCurve();
		if (insert.eContainer() instanceof Channel channel) {
			worker = new SpectrumWorker(new SpectrumWorker.Settings(8192, 0.75, false));
			worker.setTap(SpectrumWorker.MAIN, context.openTap(channel));
		}
		d.timerExec(FRAME_MS, tick);
	}

	/** @return the curve drawn now: the model's values, with the band under a gesture at its live value (tests) */
	public EqCurve curve() {
		return curve;
	}

	/** @return the spectra of the channel drawn so far (tests: the live spectrum shows) */
	public long spectrumFrames() {
		return Math.max(0, shownSpectrum);
	}

	/** @return the plot in the canvas's current size */
	public EqAxes axes() {
		Rectangle r = canvas.getClientArea();
		return EqAxes.of(r.width, r.height);
	}

	/** @return where band {@code number}'s handle is drawn, canvas coordinates */
	public Point handle(int number) {
		return handle(axes(), curve.band(number));
	}

	private Point handle(EqAxes a, Band b) {
		double db = b.hasGain() || !b.active() ? b.gainDb() : curve.bandDb(b.number(), b.freq());
		if (!b.active()) {
			db = 0;
		}
		db = Math.max(-EqAxes.RANGE_DB, Math.min(EqAxes.RANGE_DB, db));
		return new Point((int) Math.round(a.x(b.freq())), (int) Math.round(a.y(db)));
	}

	private EqCurve modelCurve() {
		Map<String, Double> values = new LinkedHashMap<>();
		for (ParameterValue v : insert.getParameters()) {
			values.put(v.getId(), v.getValue());
		}
		return EqCurve.of(values::get, context.session().getSampleRate());
	}

	private void modelChanged() {
		if (canvas.isDisposed()) {
			return;
		}
		curve = modelCurve();
		if (gesture != 0 && preview != null) {
			curve = curve.with(preview);
		}
		canvas.redraw();
	}

	// ---------------------------------------------------------------------------------------------------- gestures

	private int bandAt(int x, int y) {
		EqAxes a = axes();
		int best = 0;
		double bestD = GRAB_PX;
		for (int n = 1; n <= EqBands.BANDS; n++) {
			Point p = handle(a, curve.band(n));
			double dist = Math.hypot(p.x - x, p.y - y);
			if (dist <= bestD) {
				best = n;
				bestD = dist;
			}
		}
		return best;
	}

	private void mouseDown(Event e) {
		if (e.button != 1 || gesture != 0) {
			return;
		}
		int n = bandAt(e.x, e.y);
		if (n == 0) {
			return;
		}
		gesture = n;
		preview = curve.band(n);
		moved = false;
		canvas.setFocus();
	}

	private void mouseMove(Event e) {
		if (gesture == 0 || (e.stateMask & SWT.BUTTON1) == 0) {
			int h = bandAt(e.x, e.y);
			if (h != hover) {
				hover = h;
				canvas.redraw();
			}
			return;
		}
		EqAxes a = axes();
		Band b = preview;
		int type = b.active() ? b.type() : EqBands.PEAK;
		double hz = a.hz(e.x);
		double gain = EqBands.hasGain(type) ? a.db(e.y) : b.gainDb();
		preview = new Band(b.number(), type, hz, gain, b.q());
		moved = true;
		if (type != b.type()) {
			context.previewParameter(insert, EqBands.parameter(b.number(), "type"), type);
		}
		context.previewParameter(insert, EqBands.parameter(b.number(), "freq"), hz);
		if (EqBands.hasGain(type)) {
			context.previewParameter(insert, EqBands.parameter(b.number(), "gain"), gain);
		}
		curve = curve.with(preview);
		canvas.redraw();
	}

	private void mouseUp(Event e) {
		if (e.button != 1 || gesture == 0) {
			return;
		}
		Band b = preview;
		int n = gesture;
		gesture = 0;
		preview = null;
		if (moved) {
			Map<String, Double> values = new LinkedHashMap<>();
			Band before = modelCurve().band(n);
			if (b.type() != before.type()) {
				values.put(EqBands.parameter(n, "type"), (double) b.type());
			}
			values.put(EqBands.parameter(n, "freq"), b.freq());
			if (b.hasGain()) {
				values.put(EqBands.parameter(n, "gain"), b.gainDb());
			}
			execute(values);
		}
		modelChanged();
	}

	private void doubleClick(Event e) {
		int n = bandAt(e.x, e.y);
		if (n == 0 || !curve.band(n).hasGain() || curve.band(n).gainDb() == 0.0) {
			return;
		}
		gesture = 0;
		preview = null;
		execute(Map.of(EqBands.parameter(n, "gain"), 0.0));
	}

	private void wheel(Event e) {
		int n = gesture != 0 ? gesture : bandAt(e.x, e.y);
		if (n == 0 || e.count == 0 || !curve.band(n).active()) {
			return;
		}
		e.doit = false;
		if (gesture == 0) {
			gesture = n;
			preview = curve.band(n);
			moved = false;
		} else if (gesture != n) {
			return;
		}
		// a sixth of an octave of bandwidth per notch, wider downwards
		double q = preview.q() * Math.pow(2.0, Math.signum(e.count) / 6.0);
		q = Math.max(0.1, Math.min(18.0, q));
		preview = new Band(n, preview.type(), preview.freq(), preview.gainDb(), q);
		context.previewParameter(insert, EqBands.parameter(n, "q"), q);
		curve = curve.with(preview);
		canvas.redraw();
		canvas.getDisplay().timerExec(WHEEL_REST_MS, wheelRest);
	}

	private void commitWheel() {
		if (canvas.isDisposed() || gesture == 0 || preview == null || moved) {
			return;
		}
		Band b = preview;
		gesture = 0;
		preview = null;
		execute(Map.of(EqBands.parameter(b.number(), "q"), b.q()));
		modelChanged();
	}

	private void execute(Map<String, Double> values) {
		try {
			SessionCommands.execute(context.domain(), SessionCommands.setInsertParameters(context.domain(), insert,
					values));
		} catch (CommandRefusedException ex) {
			context.showMessage(ex.getMessage());
		}
	}

	// ---------------------------------------------------------------------------------------------------- spectrum

	private void tick() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		SpectrumWorker.Result r = worker == null ? null : worker.latest(SpectrumWorker.MAIN);
		if (r != null && r.sequence() != shownSpectrum && canvas.isVisible()) {
			shownSpectrum = r.sequence();
			EqAxes a = axes();
			double[] cols = new double[a.width()];
			LogAxis.columns(r.db(), r.binHz(), SPECTRUM_SLOPE, cols, a.width());
			spectrumColumns = cols;
			canvas.redraw();
		}
		canvas.getDisplay().timerExec(FRAME_MS, tick);
	}

	// ---------------------------------------------------------------------------------------------------- painting

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle r = canvas.getClientArea();
		EqAxes a = EqAxes.of(r.width, r.height);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setBackground(palette.plot);
		gc.fillRectangle(a.left(), a.top(), a.width(), a.height());
		gc.setFont(palette.small);
		// frequency grid and labels
		gc.setLineWidth(1);
		for (double hz : GRID_HZ) {
			int x = (int) Math.round(a.x(hz));
			boolean labelled = contains(LABEL_HZ, hz);
			gc.setForeground(labelled ? palette.gridStrong : palette.grid);
			gc.drawLine(x, a.top(), x, a.top() + a.height());
			if (labelled) {
				String s = hz >= 1000 ? (int) (hz / 1000) + "k" : Integer.toString((int) hz);
				Point ext = gc.textExtent(s);
				int tx = Math.max(a.left() - ext.x / 2, Math.min(x - ext.x / 2, a.left() + a.width() - ext.x));
				gc.setForeground(palette.dim);
				gc.drawText(s, tx, a.top() + a.height() + 4, true);
			}
		}
		// the spectrum behind everything else
		double[] spec = spectrumColumns;
		if (spec != null && spec.length == a.width()) {
			int[] poly = new int[2 * spec.length + 4];
			for (int x = 0; x < spec.length; x++) {
				poly[2 * x] = a.left() + x;
				poly[2 * x + 1] = (int) Math.round(a.spectrumY(spec[x]));
			}
			poly[2 * spec.length] = a.left() + spec.length - 1;
			poly[2 * spec.length + 1] = a.top() + a.height();
			poly[2 * spec.length + 2] = a.left();
			poly[2 * spec.length + 3] = a.top() + a.height();
			gc.setAlpha(120);
			gc.setBackground(spectrum);
			gc.fillPolygon(poly);
			gc.setAlpha(255);
		}
		// gain grid and labels
		for (int db = -18; db <= 18; db += 6) {
			int y = (int) Math.round(a.y(db));
			gc.setForeground(db == 0 ? palette.gridStrong : palette.grid);
			gc.setLineWidth(db == 0 ? 2 : 1);
			gc.drawLine(a.left(), y, a.left() + a.width(), y);
			String s = (db > 0 ? "+" : "") + db;
			Point ext = gc.textExtent(s);
			gc.setForeground(db == 0 ? palette.text : palette.dim);
			gc.drawText(s, a.left() - 6 - ext.x, y - ext.y / 2, true);
		}
		gc.setLineWidth(1);
		// each active band's own response, faint, in its colour
		gc.setClipping(a.left(), a.top(), a.width(), a.height() + 1);
		for (int n = 1; n <= EqBands.BANDS; n++) {
			if (curve.band(n).active()) {
				gc.setAlpha(n == hover || n == gesture ? 200 : 110);
				gc.setForeground(bandColors[n - 1]);
				gc.drawPolyline(points(a, curve.bandColumnsDb(n, a.width())));
			}
		}
		// the whole EQ: filled to 0 dB, and a bright line
		double[] total = curve.columnsDb(a.width());
		int[] line = points(a, total);
		int[] area = new int[line.length + 4];
		System.arraycopy(line, 0, area, 0, line.length);
		int zero = (int) Math.round(a.y(0));
		area[line.length] = a.left() + a.width() - 1;
		area[line.length + 1] = zero;
		area[line.length + 2] = a.left();
		area[line.length + 3] = zero;
		gc.setAlpha(40);
		gc.setBackground(fill);
		gc.fillPolygon(area);
		gc.setAlpha(255);
		gc.setForeground(curveColor);
		gc.setLineWidth(2);
		gc.drawPolyline(line);
		gc.setLineWidth(1);
		gc.setClipping((Rectangle) null);
		// handles
		gc.setFont(palette.bold);
		for (int n = 1; n <= EqBands.BANDS; n++) {
			Band b = curve.band(n);
			Point p = handle(a, b);
			int rad = n == hover || n == gesture ? 10 : 8;
			gc.setBackground(bandColors[n - 1]);
			gc.setForeground(bandColors[n - 1]);
			if (b.active()) {
				gc.fillOval(p.x - rad, p.y - rad, 2 * rad, 2 * rad);
				gc.setForeground(palette.back);
			} else {
				gc.setAlpha(140);
				gc.setLineWidth(2);
				gc.drawOval(p.x - rad, p.y - rad, 2 * rad, 2 * rad);
				gc.setLineWidth(1);
			}
			String s = Integer.toString(n);
			Point ext = gc.textExtent(s);
			gc.drawText(s, p.x - ext.x / 2, p.y - ext.y / 2, true);
			gc.setAlpha(255);
		}
		// the read-out of the band under the pointer or the gesture
		int shown = gesture != 0 ? gesture : hover;
		gc.setFont(palette.small);
		String readout;
		if (shown != 0) {
			Band b = curve.band(shown);
			readout = String.format(Locale.ROOT, "Band %d  \u00b7  %s  \u00b7  %s  \u00b7  %+.1f dB  \u00b7  Q %.2f", shown,
					b.active() ? EqFactory.TYPES[b.type()] : "off (drag to switch on)", hz(b.freq()), b.gainDb(), b.q());
			gc.setForeground(bandColors[shown - 1]);
		} else {
			readout = "Drag a band: frequency \u2194, gain \u2195  \u00b7  wheel: Q  \u00b7  double-click: 0 dB"
					+ String.format(Locale.ROOT, "  \u00b7  output %+.1f dB", curve.outputDb());
			gc.setForeground(palette.dim);
		}
		gc.drawText(readout, a.left(), 6, true);
	}

	private static String hz(double f) {
		return f >= 1000 ? String.format(Locale.ROOT, "%.2f kHz", f / 1000) : String.format(Locale.ROOT, "%.0f Hz", f);
	}

	private static int[] points(EqAxes a, double[] db) {
		int[] p = new int[2 * db.length];
		for (int x = 0; x < db.length; x++) {
			p[2 * x] = a.left() + x;
			double y = a.y(Math.max(-3 * EqAxes.RANGE_DB, Math.min(3 * EqAxes.RANGE_DB, db[x])));
			p[2 * x + 1] = (int) Math.round(y);
		}
		return p;
	}

	private static boolean contains(double[] a, double v) {
		for (double x : a) {
			if (x == v) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void setFocus() {
		if (canvas != null && !canvas.isDisposed()) {
			canvas.setFocus();
		}
	}

	@Override
	public void dispose() {
		insert.eAdapters().remove(adapter);
		if (worker != null) {
			worker.close();
		}
		if (canvas != null && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
			canvas.getDisplay().timerExec(-1, wheelRest);
		}
		if (palette != null) {
			palette.dispose();
		}
	}
}
