package org.mixtree.ui.mixer.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.graphics.Rectangle;

/**
 * Everything the console canvas draws, in one place: the strips' presentations, the shared geometry, the header
 * (breadcrumb and the level-of-detail toggle), the gesture under way and the message line. The console fills it;
 * {@link ConsolePainter} draws it; hit-testing reads the same numbers.
 */
public final class ConsoleView {
	public static final int MARGIN = 8, HEADER = 34, FOOTER = 26;

	public List<Strip> strips = List.of();
	public StripGeometry geometry = new StripGeometry(StripGeometry.MIN_HEIGHT, 3, 0);
	public int scrollX;
	public int width, height;
	/** The breadcrumb, root first ("Master", then each bus opened). */
	public List<String> crumbs = List.of("Master");
	/** Where each crumb and the toggle were drawn, for hit-testing (filled by the painter). */
	public final List<Rectangle> crumbBounds = new ArrayList<>();
	public Rectangle treeToggle = new Rectangle(0, 0, 0, 0), flatToggle = new Rectangle(0, 0, 0, 0);
	public boolean flat;
	public int selected = -1;
	/** A value being dragged (drawn instead of the model's until the command at mouse-up). */
	public int liveStrip = -1, liveSend = -1;
	public double liveGain = Double.NaN, livePan = Double.NaN, liveSendDb = Double.NaN;
	/** A strip being dragged to a new place: its index, where it is drawn, and the place it would drop at. */
	public int dragStrip = -1, dragX, dropIndex = -1;
	/** An insert being dragged to another slot. */
	public int slotDragStrip = -1, slotDragFrom = -1, slotDragTo = -1;
	/** The hovered slot (strip, slot), for its highlight. */
	public int hoverStrip = -1, hoverSlot = -1;
	/** One line for the user (a refused command), or null. */
	public String message;
	public boolean messageIsError;

	/** @return the x of strip {@code i}'s left edge on the canvas */
	public int stripX(int i) {
		return MARGIN + i * (StripGeometry.WIDTH + StripGeometry.GAP) - scrollX;
	}

	public int stripY() {
		return HEADER;
	}

	/** @return the width all strips take, margins included */
	public int contentWidth() {
		return 2 * MARGIN + strips.size() * (StripGeometry.WIDTH + StripGeometry.GAP);
	}

	/** @return the strip under canvas x, or -1 */
	public int stripAt(int x) {
		int rel = x + scrollX - MARGIN;
		if (rel < 0) {
			return -1;
		}
		int i = rel / (StripGeometry.WIDTH + StripGeometry.GAP);
		int within = rel % (StripGeometry.WIDTH + StripGeometry.GAP);
		return i < strips.size() && within < StripGeometry.WIDTH ? i : -1;
	}

	/** @return the strip's rectangle on the canvas */
	public Rectangle stripBounds(int i) {
		return new Rectangle(stripX(i), stripY(), StripGeometry.WIDTH, geometry.height);
	}
}
