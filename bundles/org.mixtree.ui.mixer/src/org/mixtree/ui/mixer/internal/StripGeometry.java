package org.mixtree.ui.mixer.internal;

import org.eclipse.swt.graphics.Rectangle;

/**
 * Where each control of a strip is, relative to the strip's top-left corner. Every strip on a level shares one
 * geometry (the same number of insert slots and send rows), so faders and meters line up across the console, and
 * painting and hit-testing read the same rectangles.
 */
public final class StripGeometry {
	/** Strip width and the gap between strips, px. */
	public static final int WIDTH = 132, GAP = 6;
	static final int PAD = 6, SLOT_H = 19, SLOT_PITCH = 21, SEND_H = 16, SEND_PITCH = 18;
	/** The smallest strip height the layout is made for; a shorter console scrolls. */
	public static final int MIN_HEIGHT = 500;

	public final int height, slots, sends;
	public final Rectangle name, info1, info2, output, meter, gr, loudness, clip, fader, scale, value, pan, open;
	public final Rectangle[] slot, send, buttons;
	/** The fader's travel: y of position 1 (top) and 0 (bottom), and the track's x centre. */
	public final int travelTop, travelBottom, faderX;

	public StripGeometry(int height, int slots, int sends) {
		this.height = Math.max(MIN_HEIGHT, height);
		this.slots = slots;
		this.sends = sends;
		int h = this.height;
		int w = WIDTH - 2 * PAD;
		name = new Rectangle(PAD, 6, w, 18);
		info1 = new Rectangle(PAD, 25, w, 14);
		info2 = new Rectangle(PAD, 39, w, 14);
		output = new Rectangle(PAD, 56, w, 18);
		slot = new Rectangle[slots];
		int y = 80;
		for (int i = 0; i < slots; i++) {
			slot[i] = new Rectangle(PAD, y + i * SLOT_PITCH, w, SLOT_H);
		}
		y += slots * SLOT_PITCH + 2;
		send = new Rectangle[sends];
		for (int i = 0; i < sends; i++) {
			send[i] = new Rectangle(PAD, y + i * SEND_PITCH, w, SEND_H);
		}
		y += sends * SEND_PITCH + 8;
		open = new Rectangle(PAD, h - 24, w, 18);
		buttons = new Rectangle[4];
		int bw = (w - 3 * 4) / 4;
		for (int i = 0; i < 4; i++) {
			buttons[i] = new Rectangle(PAD + i * (bw + 4), h - 52, bw, 22);
		}
		pan = new Rectangle(PAD, h - 92, w, 36);
		value = new Rectangle(PAD, h - 114, w, 18);
		clip = new Rectangle(12, y, 24, 6);
		int top = y + 10, bottom = h - 122;
		meter = new Rectangle(12, top, 10, bottom - top);
		gr = new Rectangle(24, top, 5, bottom - top);
		loudness = new Rectangle(31, top, 5, bottom - top);
		faderX = 64;
		travelTop = top + 7;
		travelBottom = bottom - 7;
		fader = new Rectangle(faderX - 18, top, 36, bottom - top);
		scale = new Rectangle(86, top, WIDTH - 86 - PAD, bottom - top);
	}

	/** @return the y of fader position {@code pos} in [0, 1] */
	public int faderY(double pos) {
		return (int) Math.round(travelBottom - pos * (travelBottom - travelTop));
	}

	/** @return the fader cap's rectangle at position {@code pos} */
	public Rectangle cap(double pos) {
		int y = faderY(pos);
		return new Rectangle(faderX - 15, y - 7, 30, 14);
	}

	/** @return the y of a meter level {@code db} dBFS on the meter scale (0 dBFS top, -60 bottom) */
	public int meterY(double db) {
		double f = Double.isNaN(db) ? 0 : Math.max(0, Math.min(1, (db + 60) / 60.0));
		return (int) Math.round(meter.y + meter.height - f * meter.height);
	}

	/** The pan knob's centre and radius. */
	public int panCx() {
		return pan.x + 30;
	}

	public int panCy() {
		return pan.y + pan.height / 2;
	}

	public static final int PAN_R = 14;
}
