package org.mixtree.ui.internal;

import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.engine.meter.MeterBank;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.Playback;

/**
 * The top bar's master headroom: the master's sample peak and true peak (each the largest since play or since the
 * last click on the readout), its momentary, short-term and integrated loudness, and in the STATIC stage an over
 * warning when the held peak is above the session's headroom target ({@link Session#getHeadroomDb()}): the static
 * mix is where the headroom left for the later stages is set.
 * <p>
 * Read from the master's lock-free meter snapshot ({@link Playback#readMeter}) on a display timer: the UI thread
 * never waits for the audio thread. The sample peak in the snapshot is the falling peak bar (instant attack), so
 * the largest value read at display rate is the largest sample peak; the true peak is the engine's own maximum
 * since its last reset. A click resets both holds and the integrated loudness (the master meter's reset, done by
 * the audio thread at its next block).
 * <p>
 * Threads: every method runs on the UI thread.
 */
final class HeadroomReadout {

	/** The display timer's period, ms (30 frames a second). */
	private static final int PERIOD_MS = 33;
	/** The text's CSS class while the held peak is over the target in STATIC, and otherwise. */
	static final String OVER_CLASS = "HeadroomOver";
	static final String NORMAL_CLASS = "HeadroomReadout";

	/** The over warning's red (the dark theme's, readable on both themes' background). */
	private static final Color OVER_RED = new Color(0xe0, 0x52, 0x4f);

	private final Playback playback;
	private final Supplier<Session> session;
	private final IStylingEngine styling;
	private final Label caption;
	private final Label readout;
	private final double[] meter = new double[MeterSnapshot.FIELDS];
	private double heldPeak = Double.NEGATIVE_INFINITY;
	private boolean wasPlaying;
	private boolean over;

	/**
	 * Adds the group (caption and readout, one cell of the bar's grid) to {@code parent} and starts its display timer,
	 * which ends with the readout.
	 */
	HeadroomReadout(Composite parent, Playback playback, Supplier<Session> session, IStylingEngine styling) {
		this.playback = playback;
		this.session = session;
		this.styling = styling;
		Composite group = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 0;
		group.setLayout(layout);
		group.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		caption = new Label(group, SWT.NONE);
		caption.setData(TopBar.ID, "headroom.caption");
		caption.setText(caption(false, 0));
		caption.setData("org.eclipse.e4.ui.css.CssClassName", "TopBarCaption");
		readout = new Label(group, SWT.NONE);
		readout.setData(TopBar.ID, "headroom.readout");
		readout.setData("org.eclipse.e4.ui.css.CssClassName", NORMAL_CLASS);
		readout.setToolTipText("The master's held sample and true peak, momentary / short-term / integrated loudness;"
				+ " red in STATIC when the peak is above the headroom target. Click to reset the held values.");
		readout.setText(text(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
				Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
		readout.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		readout.addListener(SWT.MouseUp, e -> {
			if (e.button == 1) {
				reset();
			}
		});
		tick();
	}

	/** The readout, for the bar's layout and for tests. */
	Label control() {
		return readout;
	}

	/** Forgets the held peaks and restarts the master's accumulating readings (true peak, integrated loudness). */
	void reset() {
		heldPeak = Double.NEGATIVE_INFINITY;
		LiveSession live = playback == null ? null : playback.live();
		MeterBank bank = live == null ? null : live.meters();
		Session s = session.get();
		if (bank != null && s != null && s.getMaster() != null) {
			int i = bank.indexOf(s.getMaster().getAddress());
			if (i >= 0) {
				bank.meter(i).requestReset();
			}
		}
		update();
	}

	private void tick() {
		if (readout.isDisposed()) {
			return;
		}
		boolean playing = playback != null && playback.isPlaying();
		if (playing && !wasPlaying) {
			reset(); // held since play
		}
		wasPlaying = playing;
		update();
		readout.getDisplay().timerExec(PERIOD_MS, this::tick);
	}

	private void update() {
		Session s = session.get();
		if (readout.isDisposed()) {
			return;
		}
		double tp = Double.NEGATIVE_INFINITY;
		double m = Double.NEGATIVE_INFINITY;
		double st = Double.NEGATIVE_INFINITY;
		double i = Double.NEGATIVE_INFINITY;
		if (s != null && s.getMaster() != null && playback != null
				&& playback.readMeter(s.getMaster().getAddress(), meter) >= 0) {
			heldPeak = Math.max(heldPeak, meter[0]);
			tp = meter[3];
			m = meter[4];
			st = meter[5];
			i = meter[6];
		}
		double target = s == null ? 0 : s.getHeadroomDb();
		boolean nowOver = s != null && s.getMixStage() == MixStage.STATIC && Math.max(heldPeak, tp) > target;
		String t = text(heldPeak, tp, m, st, i);
		String c = caption(nowOver, target);
		if (!c.equals(caption.getText())) {
			caption.setText(c);
			fit(caption);
		}
		if (!t.equals(readout.getText())) {
			readout.setText(t);
			fit(readout);
		}
		if (nowOver != over) {
			over = nowOver;
			for (Label l : new Label[] { caption, readout }) {
				l.setForeground(over ? OVER_RED : null); // as the theme's HeadroomOver, also where no theme styles it
				l.setData("org.eclipse.e4.ui.css.CssClassName", over ? OVER_CLASS : l == caption ? "TopBarCaption" : NORMAL_CLASS);
				if (styling != null) {
					styling.style(l); // after the colour: the theme's colour of the class wins
				}
				fit(l); // the over class may bring another font
			}
		}
	}

	/**
	 * Lays the bar out again when {@code l}'s text no longer fits its width. By pixels, not characters: "-3.2" is
	 * wider than "-inf"; and through {@link Label#requestLayout}, which drops the cached sizes on the way up (a
	 * plain layout of the bar kept the label's old width and clipped "OVER -15.0 dBFS" to "OVER -1").
	 */
	private static void fit(Label l) {
		if (l.computeSize(SWT.DEFAULT, SWT.DEFAULT, true).x != l.getSize().x) {
			l.requestLayout();
		}
	}

	/** Whether the over warning shows. */
	boolean over() {
		return over;
	}

	/**
	 * Two lines, {@code peak -7.2 dBFS  TP -6.9 dBTP} and {@code M -16.1  S -15.4  I -15.0 LUFS} (two short lines leave
	 * the bar room at 1400 px).
	 */
	static String text(double peak, double truePeak, double momentary, double shortTerm, double integrated) {
		String t = "peak " + db(peak) + " dBFS  TP " + db(truePeak) + " dBTP\nM " + db(momentary) + "  S "
				+ db(shortTerm) + "  I " + db(integrated) + " LUFS";
		return t;
	}

	/** The caption: in STATIC the headroom target, {@code HEADROOM  OVER -6.0 dBFS} when the held peak is above it. */
	private String caption(boolean over, double target) {
		Session s = session.get();
		if (s == null || s.getMixStage() != MixStage.STATIC) {
			return "MASTER HEADROOM";
		}
		return "HEADROOM  " + (over ? "OVER " : "target ") + db(target) + " dBFS";
	}

	/** One decimal, {@code -inf} for silence. */
	static String db(double v) {
		return Double.isInfinite(v) || Double.isNaN(v) || v < -99.9 ? "-inf" : String.format(Locale.ROOT, "%.1f", v);
	}
}
