package org.mixtree.views.tests;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Pointer moves and button presses made by the X server's XTEST extension, as a hand makes them (SWT's
 * {@code Display.post} on GTK 3 builds button events without root coordinates, which a canvas does not take):
 * as in {@code org.mixtree.ui.mixer.tests}.
 */
final class XTest implements AutoCloseable {
	interface X11 extends Library {
		Pointer XOpenDisplay(String name);

		int XCloseDisplay(Pointer display);

		int XFlush(Pointer display);
	}

	interface Xtst extends Library {
		int XTestFakeButtonEvent(Pointer display, int button, int isPress, NativeLong delay);

		int XTestFakeMotionEvent(Pointer display, int screen, int x, int y, NativeLong delay);
	}

	private static final NativeLong NOW = new NativeLong(0);
	private final X11 x11 = Native.load("X11", X11.class);
	private final Xtst xtst = Native.load("Xtst", Xtst.class);
	private final Pointer display;

	XTest() {
		display = x11.XOpenDisplay(null);
		if (display == null) {
			throw new IllegalStateException("cannot open the X display " + System.getenv("DISPLAY"));
		}
	}

	void move(int x, int y) {
		xtst.XTestFakeMotionEvent(display, -1, x, y, NOW);
		x11.XFlush(display);
	}

	void button(int button, boolean press) {
		xtst.XTestFakeButtonEvent(display, button, press ? 1 : 0, NOW);
		x11.XFlush(display);
	}

	@Override
	public void close() {
		x11.XCloseDisplay(display);
	}
}
