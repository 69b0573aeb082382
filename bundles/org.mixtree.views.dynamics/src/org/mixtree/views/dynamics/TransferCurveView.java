package org.mixtree.views.dynamics;

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
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.views.PlotPalette;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;

/**
 * The transfer-curve editor of the compressor and the limiter: the static curve ({@link TransferCurve}) on a square
 * plot of input against output level, the live level as a dot on it, and the gain reduction as a bar beside it.
 * <p>
 * Drag the threshold handle (the curve's knee point; the limiter's ceiling) along the input axis, and the compressor's
 * ratio handle (the curve's end at 0 dBFS in) up and down: the engine hears each value at once through
 * {@link ViewContext#previewParameter}, and mouse-up makes one {@code SessionCommands.setInsertParameters} command
 * (Ctrl+Z undoes the gesture in one step).
 * <p>
 * The live level comes from the channel's meter ({@link ViewContext#meter}): it is measured after the channel's
 * inserts and fader, so the dot's input is estimated as the meter's level (sample peak, or RMS for an rms detector)
 * less the fader, plus the gain reduction ({@link MeterSnapshot#gainReductionDb}: the largest of the strip's
 * dynamics effects), less the makeup. It is exact for a strip whose only level-changing insert is this one at full
 * mix and centre pan, and an indication otherwise; the view API has no tap before an insert.
 */
public final class TransferCurveView implements MixtreeView {
	/** The canvas's data key, the view itself: how a test finds the curve. */
	public static final String CANVAS = "org.mixtree.views.dynamics.canvas";
	/** Handles: the threshold (ceiling) and the ratio. */
	public static final int THRESHOLD = 1, RATIO = 2;
	private static final int FRAME_MS = 33;
	private static final int GRAB_PX = 12;

	private ViewContext context;
	private Insert insert;
	private Channel channel;
	private Canvas canvas;
	private TransferCurve curve;
	private int gesture;
	private boolean moved;
	private int hover;
	private MeterSnapshot meter = MeterSnapshot.SILENT;
	private final Runnable tick = this::tick;

	private PlotPalette palette;
	private Color curveColor, unity, handle, dot, reduction;

	private final EContentAdapter adapter = new EContentAdapter() {
		@Override
		public void notifyChanged(Notification n) {
			super.notifyChanged(n);
			if (!n.isTouch() && canvas != null && !canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(TransferCurveView.this::modelChanged);
			}
		}
	};

	@Override
	public void createControl(Composite parent, ViewContext context) {
		this.context = context;
		this.insert = context.insert();
		this.channel = insert.eContainer() instanceof Channel c ? c : null;
		parent.setLayout(new FillLayout());
		Display d = parent.getDisplay();
		palette = new PlotPalette(d);
		curveColor = palette.color(0xf5f6f8);
		unity = palette.color(0x5a606c);
		handle = palette.color(0xf2994a);
		dot = palette.color(0x6fcf97);
		reduction = palette.color(0xeb5757);
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		canvas.setData(CANVAS, this);
		canvas.addListener(SWT.Paint, this::paint);
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		insert.eAdapters().add(adapter);
		curve = modelCurve();
		d.timerExec(FRAME_MS, tick);
	}

	/** @return the curve drawn now (the model's, or the gesture's live one) */
	public TransferCurve curve() {
		return curve;
	}

	/** @return the gain reduction the bar shows now, dB (tests) */
	public double shownReductionDb() {
		return Double.isNaN(meter.gainReductionDb()) ? 0 : meter.gainReductionDb();
	}

	/** @return the plot in the canvas's current size */
	public TransferAxes axes() {
		Rectangle r = canvas.getClientArea();
		return TransferAxes.of(r.width, r.height);
	}

	/** @return where a handle ({@link #THRESHOLD}, {@link #RATIO}) is drawn, canvas coordinates */
	public Point handle(int which) {
		return handle(axes(), which);
	}

	private Point handle(TransferAxes a, int which) {
		double in = which == THRESHOLD ? curve.thresholdDb() : TransferAxes.HIGH_DB;
		double out = Math.max(TransferAxes.LOW_DB, Math.min(TransferAxes.HIGH_DB, curve.outputDb(in)));
		return new Point((int) Math.round(a.x(in)), (int) Math.round(a.y(out)));
	}

	private TransferCurve modelCurve() {
		Map<String, Double> values = new LinkedHashMap<>();
		for (ParameterValue v : insert.getParameters()) {
			values.put(v.getId(), v.getValue());
		}
		return TransferCurve.of(insert.getEffectId(), values::get);
	}

	private void modelChanged() {
		if (!canvas.isDisposed() && gesture == 0) {
			curve = modelCurve();
			canvas.redraw();
		}
	}

	private int handleAt(int x, int y) {
		TransferAxes a = axes();
		for (int h : curve.limiter() ? new int[] { THRESHOLD } : new int[] { THRESHOLD, RATIO }) {
			Point p = handle(a, h);
			if (Math.hypot(p.x - x, p.y - y) <= GRAB_PX) {
				return h;
			}
		}
		return 0;
	}

	private void mouseDown(Event e) {
		if (e.button == 1 && gesture == 0) {
			gesture = handleAt(e.x, e.y);
			moved = false;
		}
	}

	private void mouseMove(Event e) {
		if (gesture == 0 || (e.stateMask & SWT.BUTTON1) == 0) {
			int h = handleAt(e.x, e.y);
			if (h != hover) {
				hover = h;
				canvas.redraw();
			}
			return;
		}
		TransferAxes a = axes();
		if (gesture == THRESHOLD) {
			double min = curve.limiter() ? -24 : -60;
			double t = Math.max(min, Math.min(0, a.inDb(e.x)));
			curve = curve.withThreshold(t);
			context.previewParameter(insert, curve.limiter() ? "ceiling" : "threshold", t);
		} else {
			// the curve's end at 0 dBFS in: out = T + (0 - T) / R, so R = -T / (out - T)
			double t = curve.thresholdDb();
			double out = Math.min(-1e-3, a.outDb(e.y) - curve.makeupDb());
			double r = out <= t ? 20 : -t / (out - t);
			r = Math.max(1, Math.min(20, r));
			curve = curve.withRatio(r);
			context.previewParameter(insert, "ratio", r);
		}
		moved = true;
		canvas.redraw();
	}

	private void mouseUp(Event e) {
		if (e.button != 1 || gesture == 0) {
			return;
		}
		int g = gesture;
		gesture = 0;
		if (moved) {
			Map<String, Double> values = g == THRESHOLD
					? Map.of(curve.limiter() ? "ceiling" : "threshold", curve.thresholdDb())
					: Map.of("ratio", curve.ratio());
			try {
				SessionCommands.execute(context.domain(),
						SessionCommands.setInsertParameters(context.domain(), insert, values));
			} catch (CommandRefusedException ex) {
				context.showMessage(ex.getMessage());
			}
		}
		modelChanged();
	}

	private void tick() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		MeterSnapshot m = channel == null ? MeterSnapshot.SILENT : context.meter(channel);
		if (!m.equals(meter) && canvas.isVisible()) {
			meter = m;
			canvas.redraw();
		}
		canvas.getDisplay().timerExec(FRAME_MS, tick);
	}

	/** @return the estimated input level of the insert now (see the class comment), or -infinity when silent */
	double inputDb(MeterSnapshot m) {
		double level = curve.rms() ? m.rmsDb() : m.samplePeakDb();
		if (Double.isInfinite(level) || Double.isNaN(level)) {
			return Double.NEGATIVE_INFINITY;
		}
		double fader = channel == null ? 0 : channel.getGainDb();
		double gr = Double.isNaN(m.gainReductionDb()) ? 0 : m.gainReductionDb();
		return level - fader + gr - curve.makeupDb();
	}

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle r = canvas.getClientArea();
		TransferAxes a = TransferAxes.of(r.width, r.height);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setBackground(palette.back);
		gc.fillRectangle(r);
		gc.setBackground(palette.plot);
		gc.fillRectangle(a.left(), a.top(), a.size(), a.size());
		gc.setFont(palette.small);
		for (int db = -60; db <= 0; db += 6) {
			int x = (int) Math.round(a.x(db));
			int y = (int) Math.round(a.y(db));
			boolean labelled = db % 12 == 0;
			gc.setForeground(labelled ? palette.gridStrong : palette.grid);
			gc.drawLine(x, a.top(), x, a.top() + a.size());
			gc.drawLine(a.left(), y, a.left() + a.size(), y);
			if (labelled) {
				String s = Integer.toString(db);
				Point ext = gc.textExtent(s);
				gc.setForeground(palette.dim);
				gc.drawText(s, Math.min(x - ext.x / 2, a.left() + a.size() - ext.x), a.top() + a.size() + 4, true);
				gc.drawText(s, a.left() - 6 - ext.x, y - ext.y / 2, true);
			}
		}
		gc.setForeground(palette.dim);
		gc.drawText("in dBFS \u2192", a.left() + a.size() - 70, a.top() + a.size() - 18, true);
		// 1:1 for reference
		gc.setForeground(unity);
		gc.setLineStyle(SWT.LINE_DOT);
		gc.drawLine(a.left(), a.top() + a.size(), a.left() + a.size(), a.top());
		gc.setLineStyle(SWT.LINE_SOLID);
		// the curve
		gc.setClipping(a.left(), a.top(), a.size() + 1, a.size() + 1);
		int[] line = new int[2 * (a.size() + 1)];
		for (int x = 0; x <= a.size(); x++) {
			double in = a.inDb(a.left() + x);
			line[2 * x] = a.left() + x;
			line[2 * x + 1] = (int) Math.round(a.y(curve.outputDb(in)));
		}
		gc.setForeground(curveColor);
		gc.setLineWidth(2);
		gc.drawPolyline(line);
		gc.setLineWidth(1);
		// the live level
		double in = inputDb(meter);
		if (in > TransferAxes.LOW_DB) {
			double clamped = Math.min(TransferAxes.HIGH_DB, in);
			int x = (int) Math.round(a.x(clamped));
			int y = (int) Math.round(a.y(curve.outputDb(clamped)));
			gc.setForeground(dot);
			gc.setAlpha(90);
			gc.drawLine(x, a.top() + a.size(), x, y);
			gc.setAlpha(255);
			gc.setBackground(dot);
			gc.fillOval(x - 6, y - 6, 12, 12);
		}
		gc.setClipping((Rectangle) null);
		// handles
		for (int h : curve.limiter() ? new int[] { THRESHOLD } : new int[] { THRESHOLD, RATIO }) {
			Point p = handle(a, h);
			int rad = h == hover || h == gesture ? 9 : 7;
			gc.setBackground(handle);
			gc.fillOval(p.x - rad, p.y - rad, 2 * rad, 2 * rad);
		}
		// gain reduction bar
		double gr = Double.isNaN(meter.gainReductionDb()) ? 0 : Math.max(0, meter.gainReductionDb());
		gc.setBackground(palette.plot);
		gc.fillRectangle(a.barLeft(), a.top(), a.barWidth(), a.size());
		int len = (int) Math.round(Math.min(1, gr / TransferAxes.REDUCTION_RANGE_DB) * a.size());
		gc.setBackground(reduction);
		gc.fillRectangle(a.barLeft(), a.top(), a.barWidth(), len);
		for (int db = 0; db <= TransferAxes.REDUCTION_RANGE_DB; db += 6) {
			int y = a.top() + (int) Math.round(db / TransferAxes.REDUCTION_RANGE_DB * a.size());
			gc.setForeground(palette.gridStrong);
			gc.drawLine(a.barLeft() + a.barWidth(), y, a.barLeft() + a.barWidth() + 4, y);
			gc.setForeground(palette.dim);
			gc.drawText(Integer.toString(-db), a.barLeft() + a.barWidth() + 6, y - 7, true);
		}
		gc.setForeground(palette.text);
		gc.drawText("GR", a.barLeft() + 2, a.top() + a.size() + 4, true);
		// read-out
		gc.setFont(palette.bold);
		gc.setForeground(gesture != 0 || hover != 0 ? handle : palette.text);
		String readout = curve.limiter()
				? String.format(Locale.ROOT, "Ceiling %.1f dBFS", curve.thresholdDb())
				: String.format(Locale.ROOT, "Threshold %.1f dB  \u00b7  Ratio %.2f:1  \u00b7  Knee %.1f dB  \u00b7  Makeup %+.1f dB",
						curve.thresholdDb(), curve.ratio(), curve.kneeDb(), curve.makeupDb());
		gc.drawText(readout, a.left(), 6, true);
		gc.setFont(palette.small);
		gc.setForeground(palette.dim);
		String level = in > Double.NEGATIVE_INFINITY ? String.format(Locale.ROOT, "in %.1f dB", in) : "in \u2014";
		gc.drawText(level + String.format(Locale.ROOT, "   GR %.1f dB", gr), a.left() + 4, a.top() + 4, true);
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
		if (canvas != null && !canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, tick);
		}
		if (palette != null) {
			palette.dispose();
		}
	}
}
