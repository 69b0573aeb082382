package org.mixtree.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.Resource;
import org.eclipse.swt.widgets.Display;

/**
 * The colours and fonts that Mixtree's visualisations and effect editors draw with (the spectrum, loudness, stereo
 * and waveform views, the EQ and transfer-curve editors): the workbench's dark background, a darker plot area, a
 * grid and its stronger lines, text and dimmed text; a view adds its own colours and fonts with {@link #color} and
 * {@link #font}, which are disposed with the palette. A third party's visualisation that uses it looks at home beside
 * the built-in ones. Made once per view, on the UI thread, and {@link #dispose}d with it. Since API 1.2.
 */
public final class PlotPalette {
	/** The view's background, the plot area's, grid lines, the grid's stronger lines (0 dB, decades), text, dimmed text. */
	public final Color back, plot, grid, gridStrong, text, dim;
	/** Scale labels (one point below the system font), readouts (one point above), and emphasis (bold). */
	public final Font small, normal, bold;
	private final Display display;
	private final String face;
	private final int height;
	private final List<Resource> owned = new ArrayList<>();

	/** [UI] Makes the shared colours and fonts on {@code display}. */
	public PlotPalette(Display display) {
		this.display = display;
		FontData system = display.getSystemFont().getFontData()[0];
		face = system.getName();
		height = system.getHeight();
		back = color(0x1c1f25);
		plot = color(0x121418);
		grid = color(0x2a2f39);
		gridStrong = color(0x3d4452);
		text = color(0xe2e6ee);
		dim = color(0x9aa2b1);
		small = font(-1, SWT.NORMAL);
		normal = font(1, SWT.NORMAL);
		bold = font(0, SWT.BOLD);
	}

	/** [UI] @return a colour of this view's own, {@code 0xRRGGBB}, disposed with the palette */
	public Color color(int rgb) {
		Color c = new Color(display, (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
		owned.add(c);
		return c;
	}

	/**
	 * [UI] @return the system font's face, {@code points} larger than the system font (at least 7 points), in
	 *         {@code style} ({@link SWT#NORMAL}, {@link SWT#BOLD}, {@link SWT#ITALIC}), disposed with the palette
	 */
	public Font font(int points, int style) {
		Font f = new Font(display, face, Math.max(7, height + points), style);
		owned.add(f);
		return f;
	}

	/** [UI] Disposes every colour and font of the palette, its view's own included. */
	public void dispose() {
		for (Resource r : owned) {
			r.dispose();
		}
		owned.clear();
	}
}
