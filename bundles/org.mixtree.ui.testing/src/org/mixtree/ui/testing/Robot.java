package org.mixtree.ui.testing;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Input as a person makes it: pointer moves, button and key presses made by the X server's XTEST extension
 * ({@link XTest}), so they reach the canvas through the whole toolkit (hit-testing, focus, modifiers, double-clicks),
 * and screenshots of what was drawn. For a view hosted in a Shell of the test's own, on the test thread (which is then
 * the UI thread); {@link RunningWorkbench} drives the whole workbench.
 */
public final class Robot implements AutoCloseable {
	public final Display display;

	public Robot(Display display) {
		this.display = display;
	}

	/** Dispatches events for {@code ms} milliseconds. */
	public void spin(long ms) {
		long end = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(5);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Dispatches events until {@code done} holds, at most {@code ms}; fails the test with {@code what} if not. */
	public void until(BooleanSupplier done, long ms, String what) {
		long end = System.currentTimeMillis() + ms;
		while (!done.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(5);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
		spin(30);
	}

	private final XTest xtest = new XTest();

	public void moveTo(Control c, int x, int y) {
		Point p = c.toDisplay(x, y);
		xtest.move(p.x, p.y);
		spin(25);
	}

	public void button(int button, boolean press) {
		xtest.button(button, press);
	}

	/** Holds or lets go of SWT.SHIFT or SWT.CTRL. */
	public void modifier(int key, boolean down) {
		xtest.key(key == SWT.SHIFT ? XTest.XK_SHIFT_L : XTest.XK_CONTROL_L, down);
		spin(20);
	}

	public void click(Control c, int x, int y) {
		click(c, x, y, 1, 0);
	}

	/** A click with {@code button}, holding {@code modifier} (SWT.SHIFT, SWT.CTRL or 0). */
	public void click(Control c, int x, int y, int button, int modifier) {
		moveTo(c, x, y);
		if (modifier != 0) {
			modifier(modifier, true);
		}
		button(button, true);
		spin(20);
		button(button, false);
		if (modifier != 0) {
			modifier(modifier, false);
		}
		spin(150);
	}

	public void doubleClick(Control c, int x, int y) {
		moveTo(c, x, y);
		button(1, true);
		spin(15);
		button(1, false);
		spin(40);
		button(1, true);
		spin(15);
		button(1, false);
		spin(250);
	}

	/** Presses at (x0, y0), moves in {@code steps} to (x1, y1), releases; {@code modifier} held throughout. */
	public void drag(Control c, int x0, int y0, int x1, int y1, int steps, int modifier) {
		moveTo(c, x0, y0);
		if (modifier != 0) {
			modifier(modifier, true);
		}
		button(1, true);
		spin(30);
		for (int i = 1; i <= steps; i++) {
			moveTo(c, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
		}
		button(1, false);
		if (modifier != 0) {
			modifier(modifier, false);
		}
		spin(150);
	}

	/** A key by SWT code (SWT.ARROW_LEFT, SWT.ARROW_RIGHT, SWT.CR, SWT.BS, SWT.ESC). */
	public void key(int keyCode) {
		long sym = switch (keyCode) {
		case SWT.ARROW_LEFT -> XTest.XK_LEFT;
		case SWT.ARROW_RIGHT -> XTest.XK_RIGHT;
		case SWT.ARROW_UP -> XTest.XK_UP;
		case SWT.ARROW_DOWN -> XTest.XK_DOWN;
		case SWT.CR -> XTest.XK_RETURN;
		case SWT.BS -> XTest.XK_BACKSPACE;
		case SWT.ESC -> XTest.XK_ESCAPE;
		default -> throw new IllegalArgumentException("no keysym for SWT key " + keyCode);
		};
		xtest.key(sym, true);
		spin(20);
		xtest.key(sym, false);
		spin(120);
	}

	/** A key by character: printable ASCII that needs no Shift ('m', '-', '=', '.', digits). */
	public void type(char ch) {
		// apart in time: GDK takes a release and a press of one key at the same instant for auto-repeat
		xtest.key(ch, true);
		spin(20);
		xtest.key(ch, false);
		spin(60);
	}

	public void type(String text) {
		for (char ch : text.toCharArray()) {
			type(ch);
		}
	}

	/** Ctrl+{@code ch} (Ctrl+A selects a field's text). */
	public void ctrl(char ch) {
		modifier(SWT.CTRL, true);
		type(ch);
		modifier(SWT.CTRL, false);
		spin(60);
	}

	@Override
	public void close() {
		xtest.close();
	}

	/** Saves what the display shows of {@code shell}'s client area as {@code target/screenshots/NAME.png}. */
	public Path screenshot(Shell shell, String name) throws Exception {
		spin(200);
		// the client area: without a window manager the shell's bounds reach past what GTK draws
		Rectangle area = shell.getClientArea();
		Point origin = shell.toDisplay(area.x, area.y);
		return Screenshots.save(display, new Rectangle(origin.x, origin.y, area.width, area.height), name);
	}
}
