package org.mixtree.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * The colours and fonts of Mixtree's routing views (the routing tree and the routing graph), which are the console's
 * for what they share, so that a bus looks the same in each: a third-party routing view that uses them looks at home
 * beside the built-in ones. Dark or light after the view's themed background ({@link #isDark}). Made once per view,
 * disposed with it. Since API 1.2.
 */
public final class RoutingPalette {
	/** Whether these are the dark theme's colours. */
	public final boolean dark;
	/** The colours, by what they paint. */
	public final Color background, grid, track, bus, master, border, selection, text, dim, faint, route, routeDim, send,
			silentFill, silentText, drop, refused, messageBack;
	/** The fonts: a channel's name; scale and figures; text; a silent channel's reason; a selected name. */
	public final Font name, small, normal, italic, bold;
	private final Color[] all;

	/**
	 * [UI] @return whether {@code control} is dark: unstyled (the workbench is dark by default and its theme styles a
	 *         view's control only after it is made), or styled with a dark background
	 */
	public static boolean isDark(Control control) {
		Object css = control.getData("org.eclipse.e4.ui.css.CssClassName");
		RGB bg = control.getBackground().getRGB();
		boolean styled = css != null || control.getData("org.eclipse.e4.ui.css.id") != null;
		return !styled || (bg.red * 299 + bg.green * 587 + bg.blue * 114) / 1000 < 128;
	}

	/** [UI] Makes the colours and fonts of the dark or light theme; {@link #dispose} them with the view. */
	public RoutingPalette(Display d, boolean dark) {
		this.dark = dark;
		if (dark) {
			background = new Color(d, 0x1c, 0x1f, 0x25);
			grid = new Color(d, 0x22, 0x26, 0x2d);
			track = new Color(d, 0x2a, 0x2f, 0x39);
			bus = new Color(d, 0x30, 0x36, 0x42);
			master = new Color(d, 0x3a, 0x42, 0x52);
			border = new Color(d, 0x4a, 0x52, 0x62);
			selection = new Color(d, 0x7c, 0xcc, 0xe4);
			text = new Color(d, 0xe2, 0xe6, 0xee);
			dim = new Color(d, 0xa3, 0xab, 0xba);
			faint = new Color(d, 0x6c, 0x74, 0x84);
			route = new Color(d, 0x7a, 0x84, 0x96);
			routeDim = new Color(d, 0x44, 0x4b, 0x58);
			send = new Color(d, 0x6a, 0x9c, 0xc0);
			silentFill = new Color(d, 0x22, 0x25, 0x2c);
			messageBack = new Color(d, 0x4a, 0x24, 0x28);
		} else {
			background = new Color(d, 0xe4, 0xe6, 0xea);
			grid = new Color(d, 0xdc, 0xdf, 0xe4);
			track = new Color(d, 0xf6, 0xf7, 0xf9);
			bus = new Color(d, 0xec, 0xef, 0xf4);
			master = new Color(d, 0xdc, 0xe2, 0xec);
			border = new Color(d, 0xb8, 0xbe, 0xc8);
			selection = new Color(d, 0x1d, 0x7f, 0xae);
			text = new Color(d, 0x1a, 0x1d, 0x22);
			dim = new Color(d, 0x4a, 0x50, 0x5a);
			faint = new Color(d, 0x80, 0x86, 0x90);
			route = new Color(d, 0x70, 0x78, 0x86);
			routeDim = new Color(d, 0xc0, 0xc4, 0xcc);
			send = new Color(d, 0x3c, 0x78, 0xa8);
			silentFill = new Color(d, 0xe8, 0xe9, 0xec);
			messageBack = new Color(d, 0xf6, 0xd0, 0xd2);
		}
		silentText = new Color(d, 0xe0, 0xa0, 0x50);
		drop = selection;
		refused = new Color(d, 0xf0, 0x44, 0x44);
		all = new Color[] { background, grid, track, bus, master, border, selection, text, dim, faint, route, routeDim, send,
				silentFill, silentText, refused, messageBack };
		FontData base = d.getSystemFont().getFontData()[0];
		name = new Font(d, base.getName(), 10, SWT.BOLD);
		small = new Font(d, base.getName(), 8, SWT.NORMAL);
		normal = new Font(d, base.getName(), 9, SWT.NORMAL);
		bold = new Font(d, base.getName(), 9, SWT.BOLD);
		italic = new Font(d, base.getName(), 9, SWT.ITALIC);
	}

	/** [UI] Disposes every colour and font. */
	public void dispose() {
		for (Color c : all) {
			c.dispose();
		}
		name.dispose();
		small.dispose();
		normal.dispose();
		bold.dispose();
		italic.dispose();
	}
}
