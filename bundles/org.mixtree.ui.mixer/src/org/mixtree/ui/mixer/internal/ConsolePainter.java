package org.mixtree.ui.mixer.internal;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.mixtree.effects.api.ValueText;

/**
 * Draws a {@link ConsoleView}: the header, every strip that meets the damaged rectangle, the message line. Reads only
 * the view (presentations and geometry), never the model. Text extents are cached, since strip names and scale
 * marks are measured on every frame otherwise.
 */
public final class ConsolePainter {
	private final Palette p;
	private final Map<String, String> fitted = new HashMap<>();
	private final Map<String, Point> extents = new HashMap<>();
	/**
	 * Each strip's still parts (everything but its meters), drawn once into an image and copied on every frame: the
	 * meter timer damages every visible meter 30 times a second, and text is the dear part of a strip.
	 */
	private final Map<Strip, Cached> cache = new java.util.IdentityHashMap<>();
	private java.util.List<Strip> cachedFor;

	private record Cached(org.eclipse.swt.graphics.Image image, boolean selected, int hoverSlot, StripGeometry geometry) {
	}

	public ConsolePainter(Palette palette) {
		this.p = palette;
	}

	public Palette palette() {
		return p;
	}

	/** Paints the part of the console inside {@code clip}. */
	public void paint(GC gc, Rectangle clip, ConsoleView v) {
		if (cachedFor != v.strips) {
			// new presentations (the model changed): the images of strips no longer shown go
			java.util.Set<Strip> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
			keep.addAll(v.strips);
			cache.entrySet().removeIf(e -> {
				if (!keep.contains(e.getKey())) {
					e.getValue().image().dispose();
					return true;
				}
				return false;
			});
			cachedFor = v.strips;
		}
		gc.setBackground(p.background);
		gc.fillRectangle(clip);
		// the damaged region itself, not its bounding box: a meter frame damages a narrow column of every strip
		org.eclipse.swt.graphics.Region damage = new org.eclipse.swt.graphics.Region(gc.getDevice());
		gc.getClipping(damage);
		this.damage = damage;
		try {
			paintStrips(gc, clip, v);
		} finally {
			this.damage = null;
			damage.dispose();
		}
	}

	private org.eclipse.swt.graphics.Region damage;

	private void paintStrips(GC gc, Rectangle clip, ConsoleView v) {
		if (clip.y < ConsoleView.HEADER) {
			header(gc, v);
		}
		int first = Math.max(0, v.stripAt(Math.max(ConsoleView.MARGIN, clip.x)) - 1);
		for (int i = first; i < v.strips.size(); i++) {
			int x = v.stripX(i);
			if (x > clip.x + clip.width) {
				break;
			}
			if (x + StripGeometry.WIDTH < clip.x || i == v.dragStrip) {
				continue;
			}
			cachedStrip(gc, v, i, x, v.stripY());
		}
		if (v.dragStrip >= 0 && v.dragStrip < v.strips.size()) {
			if (v.dropIndex >= 0) {
				int dx = v.stripX(v.dropIndex) - StripGeometry.GAP / 2 - 1;
				gc.setBackground(p.drop);
				gc.fillRectangle(dx - 1, v.stripY(), 3, v.geometry.height);
			}
			strip(gc, v, v.dragStrip, v.dragX, v.stripY() + 6);
			gc.setForeground(p.drop);
			gc.setLineWidth(2);
			gc.drawRectangle(v.dragX, v.stripY() + 6, StripGeometry.WIDTH - 1, v.geometry.height - 1);
			gc.setLineWidth(1);
		}
		if (clip.y + clip.height > v.height - ConsoleView.FOOTER) {
			footer(gc, v);
		}
	}

	/** Strip {@code i}: its still parts from its cached image, then its meters. */
	private void cachedStrip(GC gc, ConsoleView v, int i, int x, int y) {
		Strip s = v.strips.get(i);
		if (v.liveStrip == i || v.slotDragStrip == i) {
			strip(gc, v, i, x, y);
			return;
		}
		int hover = v.hoverStrip == i ? v.hoverSlot : -1;
		Cached c = cache.get(s);
		if (c == null || c.selected() != (v.selected == i) || c.hoverSlot() != hover || c.geometry() != v.geometry) {
			if (c != null) {
				c.image().dispose();
			}
			org.eclipse.swt.graphics.Image image = new org.eclipse.swt.graphics.Image(gc.getDevice(), StripGeometry.WIDTH,
					v.geometry.height);
			GC ig = new GC(image);
			try {
				ig.setBackground(p.background);
				ig.fillRectangle(0, 0, StripGeometry.WIDTH, v.geometry.height);
				still(ig, v, i, 0, 0);
			} finally {
				ig.dispose();
			}
			c = new Cached(image, v.selected == i, hover, v.geometry);
			cache.put(s, c);
		}
		if (damage == null || touchesStill(v.geometry, x, y)) {
			gc.drawImage(c.image(), x, y);
		}
		moving(gc, s, v.geometry, x, y);
	}

	/** Whether the damage reaches a strip's still parts, outside what {@link #moving} repaints in full. */
	private boolean touchesStill(StripGeometry g, int x, int y) {
		int top = y + g.clip.y, bottom = y + g.meter.y + g.meter.height + 1, col = x + g.clip.x - 4, colW = 36;
		return damage.intersects(x, y, StripGeometry.WIDTH, top - y) // name to sends
				|| damage.intersects(x, top, col - x, bottom - top) // left of the meters
				|| damage.intersects(col + colW, top, x + StripGeometry.WIDTH - col - colW, bottom - top) // fader, scale
				|| damage.intersects(x, bottom, StripGeometry.WIDTH, y + g.value.y - bottom)
				|| damage.intersects(x + g.value.x + 58, y + g.value.y, StripGeometry.WIDTH - g.value.x - 58, g.value.height)
				|| damage.intersects(x, y + g.value.y + g.value.height, StripGeometry.WIDTH, g.height - g.value.y - g.value.height);
	}

	/** Frees the cached images (the console's canvas is going). */
	public void dispose() {
		for (Cached c : cache.values()) {
			c.image().dispose();
		}
		cache.clear();
	}

	private void header(GC gc, ConsoleView v) {
		gc.setFont(p.bold);
		gc.setForeground(p.dim);
		int x = 12, y = 9;
		gc.drawString("MIXER", x, y, true);
		x += ext(gc, "MIXER", p.bold).x + 18;
		v.crumbBounds.clear();
		gc.setFont(p.name);
		for (int i = 0; i < v.crumbs.size(); i++) {
			String c = v.crumbs.get(i);
			boolean last = i == v.crumbs.size() - 1;
			Point e = ext(gc, c, p.name);
			gc.setForeground(last ? p.text : p.selection);
			gc.drawString(c, x, y - 1, true);
			if (!last) {
				gc.drawLine(x, y + e.y - 1, x + e.x, y + e.y - 1);
			}
			v.crumbBounds.add(new Rectangle(x - 2, 4, e.x + 4, ConsoleView.HEADER - 8));
			x += e.x;
			if (!last) {
				gc.setForeground(p.faint);
				gc.drawString("  /  ", x, y - 1, true);
				x += ext(gc, "  /  ", p.name).x;
			}
		}
		if (v.crumbs.size() == 1 && !v.flat) {
			gc.setFont(p.normal);
			gc.setForeground(p.faint);
			gc.drawString("   top-level buses", x, y + 1, true);
		} else if (v.flat) {
			gc.setFont(p.normal);
			gc.setForeground(p.faint);
			gc.drawString("   every track", x, y + 1, true);
		}
		// the level-of-detail toggle, at the right
		gc.setFont(p.normal);
		int w1 = 64, w2 = 78, right = Math.max(x + 20 + w1 + w2, v.width - 12);
		v.flatToggle = new Rectangle(right - w2, 6, w2, 22);
		v.treeToggle = new Rectangle(right - w2 - w1, 6, w1, 22);
		toggle(gc, v.treeToggle, "buses", !v.flat);
		toggle(gc, v.flatToggle, "all tracks", v.flat);
	}

	private void toggle(GC gc, Rectangle r, String label, boolean on) {
		gc.setBackground(on ? p.selection : p.button);
		gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
		gc.setForeground(on ? p.background : p.text);
		centre(gc, label, r, p.normal);
	}

	private void footer(GC gc, ConsoleView v) {
		int y = v.height - ConsoleView.FOOTER;
		if (v.message != null) {
			gc.setBackground(v.messageIsError ? p.messageBack : p.strip);
			gc.fillRectangle(0, y, v.width, ConsoleView.FOOTER);
			gc.setFont(p.normal);
			gc.setForeground(v.messageIsError ? p.message : p.text);
			gc.drawString(v.message, 12, y + 5, true);
		} else {
			// a bar of its own: in a console shorter than its strips, the hint covers the strips' last row rather
			// than being written over their buttons
			gc.setBackground(p.background);
			gc.fillRectangle(0, y, v.width, ConsoleView.FOOTER);
			gc.setFont(p.small);
			gc.setForeground(p.faint);
			gc.drawString("arrows select  ·  +/- fader  ·  M/S mute/solo  ·  Enter opens a bus  ·  Backspace up  ·"
					+ "  drag a strip by its name to reorder  ·  double-click a value to type it  ·  Ctrl-click resets", 12, y + 6, true);
		}
	}

	/** Draws strip {@code i} with its top-left corner at (x, y). */
	public void strip(GC gc, ConsoleView v, int i, int x, int y) {
		still(gc, v, i, x, y);
		moving(gc, v.strips.get(i), v.geometry, x, y);
	}

	/** What moves at display rate: the meters, the clip marker, gain reduction, loudness. */
	private void moving(GC gc, Strip s, StripGeometry g, int x, int y) {
		gc.setBackground(s.kind == Strip.Kind.PARENT || s.kind == Strip.Kind.MASTER ? p.stripParent : p.strip);
		gc.fillRectangle(x + g.clip.x - 4, y + g.clip.y, 36, g.meter.y + g.meter.height - g.clip.y + 1);
		meter(gc, s, g, x, y);
		if (s.loudness) {
			Rectangle r = at(g.value, x, y);
			gc.setBackground(s.kind == Strip.Kind.PARENT || s.kind == Strip.Kind.MASTER ? p.stripParent : p.strip);
			gc.fillRectangle(r.x, r.y, 58, r.height);
			double st = s.meter[5];
			// below -70 LUFS (BS.1770's absolute gate) a bus is silent for loudness: a number like -147.2 only distracts
			String lt = !(st >= -70.0) ? "-- LUFS-S"
					: String.format(java.util.Locale.ROOT, "%.1f S", st);
			gc.setFont(p.small);
			gc.setForeground(p.loudness);
			gc.drawString(lt, r.x + 4, r.y + 3, true);
		}
		if (s.silentBecause != null) {
			gc.setAlpha(110);
			gc.setBackground(p.silentVeil);
			gc.fillRectangle(x + g.clip.x - 4, y + g.clip.y, 36, g.meter.y + g.meter.height - g.clip.y + 1);
			gc.setAlpha(255);
		}
	}

	/** Everything of a strip but what {@link #moving} draws. */
	private void still(GC gc, ConsoleView v, int i, int x, int y) {
		Strip s = v.strips.get(i);
		StripGeometry g = v.geometry;
		boolean silent = s.silentBecause != null;
		gc.setBackground(s.kind == Strip.Kind.PARENT || s.kind == Strip.Kind.MASTER ? p.stripParent : p.strip);
		gc.fillRoundRectangle(x, y, StripGeometry.WIDTH, g.height, 8, 8);
		if (i == v.selected) {
			gc.setForeground(p.selection);
			gc.setLineWidth(2);
			gc.drawRoundRectangle(x + 1, y + 1, StripGeometry.WIDTH - 2, g.height - 2, 8, 8);
			gc.setLineWidth(1);
		} else {
			gc.setForeground(p.border);
			gc.drawRoundRectangle(x, y, StripGeometry.WIDTH - 1, g.height - 1, 8, 8);
		}
		if (s.offline()) {
			// an offline stem: a dashed frame in the silent colour round the whole strip, seen across the console
			gc.setForeground(p.silentText);
			gc.setLineStyle(SWT.LINE_DASH);
			gc.setLineWidth(2);
			gc.drawRoundRectangle(x + 1, y + 1, StripGeometry.WIDTH - 2, g.height - 2, 8, 8);
			gc.setLineStyle(SWT.LINE_SOLID);
			gc.setLineWidth(1);
		}
		// name and what the strip is
		Rectangle r = at(g.name, x, y);
		gc.setForeground(silent ? p.dim : p.text);
		centre(gc, fit(gc, s.name, r.width - 12, p.name), r, p.name);
		if (silent) {
			gc.setBackground(p.silentText);
			gc.fillOval(r.x, r.y + 6, 7, 7);
		}
		// a silent channel says why where its first line of facts was (all of it on hover)
		gc.setForeground(silent ? p.silentText : p.dim);
		centre(gc, fit(gc, silent ? s.silentBecause : s.info1, g.info1.width, p.small), at(g.info1, x, y), p.small);
		gc.setForeground(p.dim);
		centre(gc, fit(gc, s.info2, g.info2.width, p.small), at(g.info2, x, y), p.small);
		// output selector
		r = at(g.output, x, y);
		gc.setBackground(p.button);
		gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
		gc.setForeground(s.isMaster() ? p.faint : p.text);
		gc.setFont(p.small);
		String out = fit(gc, s.outputText, r.width - 18, p.small);
		gc.drawString(out, r.x + 6, r.y + (r.height - ext(gc, out, p.small).y) / 2, true);
		if (!s.isMaster()) {
			triangle(gc, r.x + r.width - 11, r.y + r.height / 2 - 1, p.dim);
		}
		slots(gc, v, i, s, g, x, y);
		sends(gc, v, i, s, g, x, y);
		fader(gc, v, i, s, g, x, y);
		// the value under the fader, loudness at the left for buses
		r = at(g.value, x, y);
		double gain = v.liveStrip == i && !Double.isNaN(v.liveGain) ? v.liveGain : s.gainDb;
		gc.setFont(p.bold);
		gc.setForeground(p.text);
		String gt = FaderLaw.format(gain);
		Point ge = ext(gc, gt, p.bold);
		gc.drawString(gt, r.x + r.width - ge.x - 2, r.y + 1, true);
		pan(gc, v, i, s, g, x, y);
		buttons(gc, s, g, x, y);
		r = at(g.open, x, y);
		if (s.canOpen || s.kind == Strip.Kind.PARENT && !s.isMaster()) {
			gc.setForeground(p.selection);
			centre(gc, s.canOpen ? "open  \u25b8" : "\u25b4  up", r, p.normal);
		}
		if (silent) {
			// a veil over the strip's body (not its buttons, which say why): drawn, and drawn as not heard
			gc.setAlpha(110);
			gc.setBackground(p.silentVeil);
			gc.fillRectangle(x + 2, y + g.output.y, StripGeometry.WIDTH - 4, g.value.y - g.output.y - 2);
			gc.setAlpha(255);
		}
	}

	private void slots(GC gc, ConsoleView v, int i, Strip s, StripGeometry g, int x, int y) {
		gc.setFont(p.small);
		for (int k = 0; k < g.slots; k++) {
			Rectangle r = at(g.slot[k], x, y);
			boolean hover = v.hoverStrip == i && v.hoverSlot == k;
			if (k < s.slots.size()) {
				Strip.Slot slot = s.slots.get(k);
				boolean bad = slot.missing() || slot.fault() != null;
				gc.setBackground(bad ? p.missing : slot.bypassed() ? p.slotBypassed : hover ? p.slotHover : p.slot);
				gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
				if (v.slotDragStrip == i && v.slotDragFrom == k) {
					gc.setForeground(p.drop);
					gc.drawRoundRectangle(r.x, r.y, r.width - 1, r.height - 1, 5, 5);
				}
				// the bypass switch: lit while the insert plays
				gc.setBackground(slot.bypassed() ? p.faint : p.meterPeak);
				gc.fillOval(r.x + 5, r.y + 5, 9, 9);
				gc.setForeground(slot.bypassed() ? p.faint : bad ? p.message : p.text);
				String label = (bad ? "! " : "") + slot.label();
				label = fit(gc, label, r.width - 24, p.small);
				gc.drawString(label, r.x + 19, r.y + (r.height - ext(gc, label, p.small).y) / 2, true);
			} else if (k == s.slots.size()) {
				gc.setBackground(hover ? p.slotHover : p.button);
				gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
				gc.setForeground(p.dim);
				centre(gc, "+", r, p.bold);
			} else {
				gc.setForeground(p.border);
				gc.drawRoundRectangle(r.x, r.y, r.width - 1, r.height - 1, 5, 5);
			}
		}
		if (v.slotDragStrip == i && v.slotDragTo >= 0 && v.slotDragTo < g.slots) {
			Rectangle r = at(g.slot[v.slotDragTo], x, y);
			gc.setBackground(p.drop);
			int ly = v.slotDragTo > v.slotDragFrom ? r.y + r.height + 1 : r.y - 2;
			gc.fillRectangle(r.x, ly, r.width, 2);
		}
	}

	private void sends(GC gc, ConsoleView v, int i, Strip s, StripGeometry g, int x, int y) {
		gc.setFont(p.small);
		for (int k = 0; k < g.sends && k < s.sends.size(); k++) {
			Strip.SendRow send = s.sends.get(k);
			Rectangle r = at(g.send[k], x, y);
			double db = v.liveStrip == i && v.liveSend == k && !Double.isNaN(v.liveSendDb) ? v.liveSendDb : send.levelDb();
			gc.setBackground(p.meterBack);
			gc.fillRectangle(r);
			gc.setBackground(p.sendBar);
			gc.fillRectangle(r.x, r.y, (int) Math.round(r.width * FaderLaw.position(db)), r.height);
			gc.setForeground(p.text);
			String t = fit(gc, (send.preFader() ? "pre " : "") + send.target(), r.width - 52, p.small);
			gc.drawString(t, r.x + 4, r.y + 1, true);
			String dbt = db == Double.NEGATIVE_INFINITY ? "-inf" : String.format(java.util.Locale.ROOT, "%.1f", db);
			gc.drawString(dbt, r.x + r.width - ext(gc, dbt, p.small).x - 4, r.y + 1, true);
		}
	}

	private void meter(GC gc, Strip s, StripGeometry g, int x, int y) {
		Rectangle m = at(g.meter, x, y);
		gc.setBackground(p.meterBack);
		gc.fillRectangle(m);
		double peak = s.meter[0], hold = s.meter[1], rms = s.meter[2];
		int bottom = m.y + m.height;
		int yp = g.meterY(peak) + y, yr = g.meterY(rms) + y;
		if (yp < bottom) {
			gc.setBackground(p.meterPeak);
			gc.fillRectangle(m.x + 1, yp, m.width - 2, bottom - yp);
		}
		if (yr < bottom) {
			gc.setBackground(p.meterRms);
			gc.fillRectangle(m.x + 1, yr, m.width - 2, bottom - yr);
		}
		if (hold > -60) {
			gc.setBackground(hold >= 0 ? p.clip : p.meterHold);
			gc.fillRectangle(m.x, g.meterY(hold) + y, m.width, 2);
		}
		// the meter's own scale: 0, -6, -12, -24, -48 dBFS as ticks
		gc.setForeground(p.faint);
		for (int db : new int[] { 0, -6, -12, -24, -48 }) {
			int ty = g.meterY(db) + y;
			gc.drawLine(m.x - 3, ty, m.x - 1, ty);
		}
		Rectangle c = at(g.clip, x, y);
		gc.setBackground(s.clipped ? p.clip : p.meterBack);
		gc.fillRectangle(c);
		boolean dynamics = false;
		for (Strip.Slot slot : s.slots) {
			dynamics |= slot.dynamics() && !slot.bypassed();
		}
		if (dynamics || s.meter[9] > 0) {
			Rectangle r = at(g.gr, x, y);
			gc.setBackground(p.meterBack);
			gc.fillRectangle(r);
			double gr = Math.max(0, Math.min(20, s.meter[9]));
			gc.setBackground(p.gr);
			gc.fillRectangle(r.x, r.y, r.width, (int) Math.round(r.height * gr / 20.0));
		}
		if (s.loudness) {
			Rectangle r = at(g.loudness, x, y);
			gc.setBackground(p.meterBack);
			gc.fillRectangle(r);
			int ly = g.meterY(s.meter[5]) + y;
			if (ly < bottom) {
				gc.setBackground(p.loudness);
				gc.fillRectangle(r.x, ly, r.width, bottom - ly);
			}
		}
	}

	private void fader(GC gc, ConsoleView v, int i, Strip s, StripGeometry g, int x, int y) {
		double gain = v.liveStrip == i && !Double.isNaN(v.liveGain) ? v.liveGain : s.gainDb;
		int fx = x + g.faderX;
		gc.setBackground(p.faderTrack);
		gc.fillRoundRectangle(fx - 2, y + g.travelTop - 4, 5, g.travelBottom - g.travelTop + 8, 4, 4);
		gc.setFont(p.small);
		for (double mark : FaderLaw.MARKS) {
			int my = y + g.faderY(FaderLaw.position(mark));
			gc.setForeground(mark == 0 ? p.text : p.faint);
			gc.drawLine(fx + 8, my, fx + 16, my);
			String t = FaderLaw.mark(mark);
			Point e = ext(gc, t, p.small);
			gc.setForeground(mark == 0 ? p.text : p.scale);
			gc.drawString(t, x + g.scale.x + g.scale.width - e.x, my - e.y / 2, true);
		}
		Rectangle cap = g.cap(FaderLaw.position(gain));
		cap.x += x;
		cap.y += y;
		gc.setBackground(p.faderCap);
		gc.fillRoundRectangle(cap.x, cap.y, cap.width, cap.height, 4, 4);
		gc.setForeground(p.faderCapLine);
		gc.drawLine(cap.x + 3, cap.y + cap.height / 2, cap.x + cap.width - 4, cap.y + cap.height / 2);
	}

	private void pan(GC gc, ConsoleView v, int i, Strip s, StripGeometry g, int x, int y) {
		double pan = v.liveStrip == i && !Double.isNaN(v.livePan) ? v.livePan : s.pan;
		int cx = x + g.panCx(), cy = y + g.panCy(), r = StripGeometry.PAN_R;
		gc.setAntialias(SWT.ON);
		gc.setBackground(p.button);
		gc.fillOval(cx - r, cy - r, 2 * r, 2 * r);
		gc.setForeground(p.border);
		gc.drawOval(cx - r, cy - r, 2 * r, 2 * r);
		// the arc from centre to the pan position, then the pointer
		int deg = (int) Math.round(-pan * 135);
		if (deg != 0) {
			gc.setForeground(p.selection);
			gc.setLineWidth(3);
			gc.drawArc(cx - r - 3, cy - r - 3, 2 * r + 6, 2 * r + 6, 90, deg);
		}
		gc.setLineWidth(2);
		gc.setForeground(p.text);
		double a = Math.toRadians(90 + pan * -135);
		gc.drawLine(cx, cy, cx + (int) Math.round(Math.cos(a) * (r - 3)), cy - (int) Math.round(Math.sin(a) * (r - 3)));
		gc.setLineWidth(1);
		gc.setAntialias(SWT.DEFAULT);
		gc.setFont(p.normal);
		gc.setForeground(p.text);
		String t = ValueText.formatPan(pan);
		gc.drawString("pan " + t, cx + r + 12, cy - ext(gc, "pan " + t, p.normal).y / 2, true);
	}

	private void buttons(GC gc, Strip s, StripGeometry g, int x, int y) {
		button(gc, at(g.buttons[0], x, y), "M", s.mute, p.mute);
		button(gc, at(g.buttons[1], x, y), "S", s.solo, p.solo);
		button(gc, at(g.buttons[2], x, y), "\u00d8", s.polarity, p.polarity);
		if (s.isBus() && !s.isMaster()) {
			button(gc, at(g.buttons[3], x, y), "safe", s.soloSafe, p.safe);
		}
	}

	private void button(GC gc, Rectangle r, String label, boolean on, Color lit) {
		gc.setBackground(on ? lit : p.button);
		gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 5, 5);
		gc.setForeground(on ? p.background : p.text);
		centre(gc, label, r, label.length() > 1 ? p.small : p.bold);
	}

	private void triangle(GC gc, int x, int y, Color c) {
		gc.setBackground(c);
		gc.fillPolygon(new int[] { x, y, x + 7, y, x + 3, y + 4 });
	}

	private static Rectangle at(Rectangle r, int x, int y) {
		return new Rectangle(r.x + x, r.y + y, r.width, r.height);
	}

	private void centre(GC gc, String t, Rectangle r, Font f) {
		gc.setFont(f);
		Point e = ext(gc, t, f);
		gc.drawString(t, r.x + (r.width - e.x) / 2, r.y + (r.height - e.y) / 2, true);
	}

	private Point ext(GC gc, String t, Font f) {
		String key = System.identityHashCode(f) + "\u0000" + t;
		Point e = extents.get(key);
		if (e == null) {
			if (extents.size() > 4000) {
				extents.clear();
			}
			Font old = gc.getFont();
			gc.setFont(f);
			e = gc.textExtent(t);
			gc.setFont(old);
			extents.put(key, e);
		}
		return e;
	}

	/** {@code t}, shortened with an ellipsis to fit {@code width} px. */
	String fit(GC gc, String t, int width, Font f) {
		if (t == null) {
			return "";
		}
		String key = System.identityHashCode(f) + "\u0000" + width + "\u0000" + t;
		String r = fitted.get(key);
		if (r == null) {
			r = t;
			if (ext(gc, t, f).x > width) {
				int n = t.length();
				while (n > 1 && ext(gc, t.substring(0, n) + "\u2026", f).x > width) {
					n--;
				}
				r = t.substring(0, n) + "\u2026";
			}
			if (fitted.size() > 4000) {
				fitted.clear();
			}
			fitted.put(key, r);
		}
		return r;
	}
}
