package org.mixtree.ui.mixer.internal;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * The console's colours and fonts, made once for a canvas and disposed with it. Dark or light follows the canvas's
 * background, which the workbench's CSS theme sets (so the e4 theme switch reaches the console); before a theme has
 * styled it, the console is dark, as the workbench is by default.
 */
public final class Palette {
	public final boolean dark;
	public final Color background, strip, stripParent, border, selection, text, dim, faint, slot, slotHover, slotBypassed,
			missing, button, mute, solo, polarity, safe, meterBack, meterPeak, meterRms, meterHold, clip, gr, loudness,
			faderTrack, faderCap, faderCapLine, scale, message, messageBack, drop, silentVeil, silentText, sendBar, editBack;
	public final Font name, normal, small, bold;
	private final Color[] all;
	private final Font[] fonts;

	public Palette(Control control) {
		this(control.getDisplay(), org.mixtree.ui.views.RoutingPalette.isDark(control));
	}

	public Palette(Display d, boolean dark) {
		this.dark = dark;
		if (dark) {
			background = new Color(d, 0x1c, 0x1f, 0x25);
			strip = new Color(d, 0x2a, 0x2f, 0x39);
			stripParent = new Color(d, 0x30, 0x36, 0x42);
			border = new Color(d, 0x3d, 0x44, 0x52);
			selection = new Color(d, 0x7c, 0xcc, 0xe4);
			text = new Color(d, 0xe2, 0xe6, 0xee);
			dim = new Color(d, 0xa3, 0xab, 0xba);
			faint = new Color(d, 0x6c, 0x74, 0x84);
			slot = new Color(d, 0x3e, 0x48, 0x5c);
			slotHover = new Color(d, 0x4a, 0x56, 0x6c);
			slotBypassed = new Color(d, 0x33, 0x38, 0x42);
			missing = new Color(d, 0x7a, 0x32, 0x3a);
			button = new Color(d, 0x3a, 0x40, 0x4d);
			meterBack = new Color(d, 0x16, 0x18, 0x1d);
			faderTrack = new Color(d, 0x12, 0x14, 0x18);
			faderCap = new Color(d, 0xe4, 0xe7, 0xec);
			faderCapLine = new Color(d, 0x30, 0x34, 0x3c);
			scale = new Color(d, 0x9a, 0xa2, 0xb1);
			messageBack = new Color(d, 0x4a, 0x24, 0x28);
			silentVeil = new Color(d, 0x1c, 0x1f, 0x25);
			editBack = new Color(d, 0x12, 0x14, 0x18);
		} else {
			background = new Color(d, 0xe4, 0xe6, 0xea);
			strip = new Color(d, 0xf6, 0xf7, 0xf9);
			stripParent = new Color(d, 0xec, 0xef, 0xf4);
			border = new Color(d, 0xb8, 0xbe, 0xc8);
			selection = new Color(d, 0x1d, 0x7f, 0xae);
			text = new Color(d, 0x1a, 0x1d, 0x22);
			dim = new Color(d, 0x4a, 0x50, 0x5a);
			faint = new Color(d, 0x80, 0x86, 0x90);
			slot = new Color(d, 0xd2, 0xda, 0xe8);
			slotHover = new Color(d, 0xc0, 0xcc, 0xe0);
			slotBypassed = new Color(d, 0xe4, 0xe6, 0xea);
			missing = new Color(d, 0xf0, 0xc0, 0xc4);
			button = new Color(d, 0xdc, 0xe0, 0xe6);
			meterBack = new Color(d, 0x30, 0x34, 0x3c);
			faderTrack = new Color(d, 0x9a, 0xa0, 0xaa);
			faderCap = new Color(d, 0xff, 0xff, 0xff);
			faderCapLine = new Color(d, 0x60, 0x66, 0x70);
			scale = new Color(d, 0x4a, 0x50, 0x5a);
			messageBack = new Color(d, 0xf6, 0xd0, 0xd2);
			silentVeil = new Color(d, 0xe4, 0xe6, 0xea);
			editBack = new Color(d, 0xff, 0xff, 0xff);
		}
		mute = new Color(d, 0xd2, 0x5a, 0x62);
		solo = new Color(d, 0xe2, 0xc2, 0x4a);
		polarity = new Color(d, 0x7f, 0xa8, 0xe6);
		safe = new Color(d, 0x6c, 0xb4, 0x84);
		meterPeak = new Color(d, 0x9c, 0xd4, 0x86);
		meterRms = new Color(d, 0x5c, 0xa0, 0x4c);
		meterHold = new Color(d, 0xf0, 0xf0, 0xf0);
		clip = new Color(d, 0xf0, 0x44, 0x44);
		gr = new Color(d, 0xe8, 0x96, 0x3c);
		loudness = new Color(d, 0x6c, 0xa6, 0xe0);
		message = dark ? new Color(d, 0xff, 0xb4, 0xb0) : new Color(d, 0x80, 0x10, 0x10);
		drop = selection;
		silentText = new Color(d, 0xe0, 0xa0, 0x50);
		sendBar = dark ? new Color(d, 0x3c, 0x5a, 0x70) : new Color(d, 0xa8, 0xc8, 0xe0);
		all = new Color[] { background, strip, stripParent, border, selection, text, dim, faint, slot, slotHover, slotBypassed,
				missing, button, mute, solo, polarity, safe, meterBack, meterPeak, meterRms, meterHold, clip, gr, loudness,
				faderTrack, faderCap, faderCapLine, scale, message, messageBack, silentVeil, silentText, sendBar, editBack };
		FontData base = d.getSystemFont().getFontData()[0];
		name = new Font(d, base.getName(), 10, org.eclipse.swt.SWT.BOLD);
		normal = new Font(d, base.getName(), 9, org.eclipse.swt.SWT.NORMAL);
		small = new Font(d, base.getName(), 8, org.eclipse.swt.SWT.NORMAL);
		bold = new Font(d, base.getName(), 9, org.eclipse.swt.SWT.BOLD);
		fonts = new Font[] { name, normal, small, bold };
	}

	public void dispose() {
		for (Color c : all) {
			c.dispose();
		}
		for (Font f : fonts) {
			f.dispose();
		}
	}
}
