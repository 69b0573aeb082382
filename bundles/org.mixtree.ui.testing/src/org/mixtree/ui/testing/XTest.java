package org.mixtree.ui.testing;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Button and key presses made by the X server's XTEST extension, as a person's hand makes them: the toolkit gets
 * real X events with the pointer's position, the modifiers held and double-click timing. (SWT's own
 * {@code Display.post} on GTK 3 builds button events itself, without root coordinates, modifiers or
 * double-clicks, so a custom-drawn canvas cannot be driven with it; its pointer moves are real and are used.)
 */
public final class XTest implements AutoCloseable {
	public interface X11 extends Library {
		Pointer XOpenDisplay(String name);

		int XCloseDisplay(Pointer display);

		int XFlush(Pointer display);

		byte XKeysymToKeycode(Pointer display, NativeLong keysym);
	}

	public interface Xtst extends Library {
		int XTestFakeButtonEvent(Pointer display, int button, int isPress, NativeLong delay);

		int XTestFakeKeyEvent(Pointer display, int keycode, int isPress, NativeLong delay);

		int XTestFakeMotionEvent(Pointer display, int screen, int x, int y, NativeLong delay);
	}

	public static final long XK_SHIFT_L = 0xffe1, XK_CONTROL_L = 0xffe3, XK_RETURN = 0xff0d, XK_BACKSPACE = 0xff08,
			XK_ESCAPE = 0xff1b, XK_LEFT = 0xff51, XK_RIGHT = 0xff53, XK_UP = 0xff52, XK_DOWN = 0xff54,
			XK_HOME = 0xff50;

	private static final NativeLong NOW = new NativeLong(0);
	private final X11 x11 = Native.load("X11", X11.class);
	private final Xtst xtst = Native.load("Xtst", Xtst.class);
	private final Pointer display;

	public XTest() {
		display = x11.XOpenDisplay(null);
		if (display == null) {
			throw new IllegalStateException("cannot open the X display " + System.getenv("DISPLAY"));
		}
	}

	public void move(int x, int y) {
		xtst.XTestFakeMotionEvent(display, -1, x, y, NOW);
		x11.XFlush(display);
	}

	public void button(int button, boolean press) {
		xtst.XTestFakeButtonEvent(display, button, press ? 1 : 0, NOW);
		x11.XFlush(display);
	}

	/** Presses or releases the key of an X keysym (Latin-1 characters are their own keysyms). */
	public void key(long keysym, boolean press) {
		int code = x11.XKeysymToKeycode(display, new NativeLong(keysym)) & 0xff;
		if (code == 0) {
			throw new IllegalArgumentException("no key for keysym 0x" + Long.toHexString(keysym));
		}
		xtst.XTestFakeKeyEvent(display, code, press ? 1 : 0, NOW);
		x11.XFlush(display);
	}

	@Override
	public void close() {
		x11.XCloseDisplay(display);
	}
}
