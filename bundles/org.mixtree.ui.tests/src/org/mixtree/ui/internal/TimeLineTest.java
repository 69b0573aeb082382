package org.mixtree.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.ui.Playback;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.XTest;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.Screenshots;

/**
 * The transport's time line and return to start, driven with real input (XTEST pointer and keys) on the workbench
 * playing a 20 s session through a private JACK server (48 kHz, 256-frame periods).
 * <p>
 * Tolerances: a located position is the clicked pixel's frame, so it is compared with half the session within one
 * device buffer (256 frames) plus half a pixel of the strip (the pixel the click can hit); a playing position is read
 * while the device runs on, so "continues from there" is checked as a window after the locate (the time waited plus
 * 0.25 s for the fade and the device's buffers).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeLineTest {

	private static final int RATE = 48000;
	private static final int SECONDS = 20;
	private static final long LENGTH = (long) SECONDS * RATE;
	private static final int BUFFER = 256;

	private static JackServer jack;
	private static RunningWorkbench wb;
	private static XTest xtest;

	@BeforeAll
	static void start() throws Exception {
		Path file = LivePlaybackTest.createSession(Screenshots.directory().resolveSibling("timeline-session"), "timeline", SECONDS);
		jack = new JackServer("-timeline");
		wb = new RunningWorkbench(file, "jack");
		xtest = new XTest();
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (xtest != null) {
				xtest.close();
			}
			if (wb != null) {
				wb.close();
			}
		} finally {
			if (jack != null) {
				jack.close();
			}
		}
	}

	@Test
	@Order(1)
	void aClickAtHalfLocatesTheStoppedTransportAndPlayContinuesFromThere() throws Exception {
		wb.waitFor(10_000, "the time line to measure the session", () -> wb.ui(() -> timeLine().length()) == LENGTH);
		assertEquals(Playback.State.STOPPED, wb.playback.state());
		int width = wb.ui(() -> canvas().getClientArea().width);
		int x = (width - 1) / 2;
		click(x, 12);
		double halfPixel = 0.5 * LENGTH / (width - 1);
		long expected = LENGTH / 2;
		wb.waitFor(2000, "the click to locate the transport", () -> wb.playback.positionFrames() > 0);
		assertEquals(expected, wb.playback.positionFrames(), BUFFER + halfPixel, "stopped: located at half the session");

		wb.press(0, ' ');
		wb.waitFor(20_000, "Space to play", wb.playback::isPlaying);
		long asked = System.nanoTime();
		Thread.sleep(500);
		long p = wb.playback.positionFrames();
		double waited = (System.nanoTime() - asked) / 1e9;
		assertTrue(p >= expected - BUFFER - halfPixel && p <= expected + (waited + 0.25) * RATE,
				"playing on from half the session: " + p + " after " + waited + " s (located at " + expected + ")");
	}

	@Test
	@Order(2)
	void homeReturnsToTheStartWhilePlayingAndTheStartButtonWhenStopped() throws Exception {
		assertTrue(wb.playback.isPlaying());
		long asked = System.nanoTime();
		key(XTest.XK_HOME);
		wb.waitFor(2000, "Home to return to the start", () -> wb.playback.positionFrames() < RATE);
		double waited = (System.nanoTime() - asked) / 1e9;
		long p = wb.playback.positionFrames();
		assertTrue(p <= (waited + 0.25) * RATE, "playing from the start after Home: " + p + " after " + waited + " s");
		assertTrue(wb.playback.isPlaying(), "Home keeps playing");

		// a click while playing locates the playing transport too
		int width = wb.ui(() -> canvas().getClientArea().width);
		click((width - 1) / 4, 12);
		wb.waitFor(2000, "the click to locate the playing transport", () -> wb.playback.positionFrames() > LENGTH / 5);
		long q = wb.playback.positionFrames();
		assertTrue(q >= LENGTH / 4 - BUFFER - LENGTH / (width - 1) && q < LENGTH / 4 + RATE, "playing from a quarter: " + q);

		wb.press(0, ' ');
		wb.waitFor(3000, "Space to stop", () -> wb.playback.state() == Playback.State.STOPPED);
		assertTrue(wb.playback.positionFrames() > RATE, "stopped away from the start");
		org.eclipse.swt.widgets.Button start = wb.ui(() -> button("transport.start"));
		Point centre = wb.ui(() -> start.toDisplay(start.getSize().x / 2, start.getSize().y / 2));
		clickAt(centre.x, centre.y);
		wb.waitFor(2000, "the start button to return to the start", () -> wb.playback.positionFrames() == 0);
	}

	@Test
	@Order(3)
	void aDraggedRangeLoopsWhilePlaying() throws Exception {
		int width = wb.ui(() -> canvas().getClientArea().width);
		int x0 = (width - 1) * 40 / 100;
		int x1 = (width - 1) * 50 / 100;
		drag(x0, x1, 12);
		long[] range = wb.playback.range();
		assertNotNull(range, "the drag selected a range");
		double pixel = (double) LENGTH / (width - 1);
		assertEquals(0.4 * LENGTH, range[0], pixel, "the range starts at 40 %");
		assertEquals(0.5 * LENGTH, range[1], pixel, "the range ends at 50 %");
		assertEquals(false, wb.playback.looping(), "a drag alone does not loop");

		wb.press(0, ' ');
		wb.waitFor(20_000, "Space to play", wb.playback::isPlaying);
		key('l');
		wb.waitFor(2000, "L to loop", wb.playback::looping);
		boolean shown = wb.ui(() -> button("transport.loop").getSelection());
		assertTrue(shown, "the Loop button shows the loop");
		// into the range, then three loop lengths
		click((x0 + x1) / 2, 12);
		double loopSeconds = (double) (range[1] - range[0]) / RATE;
		long until = System.nanoTime() + (long) (3.2 * loopSeconds * 1e9);
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		while (System.nanoTime() < until) {
			long p = wb.playback.positionFrames();
			min = Math.min(min, p);
			max = Math.max(max, p);
			Thread.sleep(20);
		}
		long p = wb.playback.positionFrames();
		assertTrue(wb.playback.isPlaying(), "still playing after three loop lengths");
		assertTrue(p >= range[0] && p < range[1], "after three loop lengths the position " + p + " is in the loop ["
				+ range[0] + ", " + range[1] + ")");
		assertTrue(min >= range[0] - BUFFER && max <= range[1] + BUFFER,
				"the position stayed in the loop: " + min + " .. " + max + " of [" + range[0] + ", " + range[1] + ")");
		Thread.sleep(200);
		wb.screenshot("20-timeline-loop");

		key('l');
		wb.waitFor(2000, "L to end the loop", () -> !wb.playback.looping());
		wb.press(0, ' ');
		wb.waitFor(3000, "Space to stop", () -> wb.playback.state() == Playback.State.STOPPED);
	}

	/** [UI] */
	private static TimeLine timeLine() {
		return (TimeLine) canvas().getData(TimeLine.class.getName());
	}

	/** [UI] The strip. */
	private static Canvas canvas() {
		return (Canvas) LivePlaybackTest.find(wb.mainShell(), Canvas.class, "TimeLine");
	}

	/** [UI] The top bar's button with that id. */
	private static org.eclipse.swt.widgets.Button button(String id) {
		return findById(wb.mainShell(), id);
	}

	private static org.eclipse.swt.widgets.Button findById(org.eclipse.swt.widgets.Composite parent, String id) {
		for (org.eclipse.swt.widgets.Control c : parent.getChildren()) {
			if (c instanceof org.eclipse.swt.widgets.Button b && id.equals(b.getData(TopBar.ID))) {
				return b;
			}
			if (c instanceof org.eclipse.swt.widgets.Composite inner) {
				org.eclipse.swt.widgets.Button found = findById(inner, id);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** A real click at (x, y) of the strip. */
	private static void click(int x, int y) throws InterruptedException {
		Point p = wb.ui(() -> canvas().toDisplay(x, y));
		clickAt(p.x, p.y);
	}

	private static void clickAt(int x, int y) throws InterruptedException {
		xtest.move(x, y);
		Thread.sleep(60);
		xtest.button(1, true);
		Thread.sleep(30);
		xtest.button(1, false);
		Thread.sleep(150);
		wb.settle();
	}

	/** A real drag on the strip from x0 to x1 at height y. */
	private static void drag(int x0, int x1, int y) throws InterruptedException {
		Point a = wb.ui(() -> canvas().toDisplay(x0, y));
		xtest.move(a.x, a.y);
		Thread.sleep(60);
		xtest.button(1, true);
		Thread.sleep(40);
		for (int i = 1; i <= 10; i++) {
			xtest.move(a.x + (x1 - x0) * i / 10, a.y);
			Thread.sleep(25);
		}
		xtest.button(1, false);
		Thread.sleep(150);
		wb.settle();
	}

	private static void key(long keysym) throws InterruptedException {
		xtest.key(keysym, true);
		Thread.sleep(20);
		xtest.key(keysym, false);
		Thread.sleep(100);
		wb.settle();
	}
}
