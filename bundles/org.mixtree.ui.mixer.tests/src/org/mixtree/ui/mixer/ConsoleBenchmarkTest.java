package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mixtree.ui.mixer.internal.ConsoleBenchmark;

/**
 * Runs the console's frame-time benchmark ({@link ConsoleBenchmark}) and prints its figures (also to
 * target/console-frame-time.txt). It checks that the frames were drawn, not how fast: benchmarks print figures.
 */
class ConsoleBenchmarkTest {
	/** One display at a time in a process on GTK: the workbench test makes its own on its UI thread. */
	@AfterAll
	static void disposeDisplay() {
		Display d = Display.getCurrent();
		if (d != null && !d.isDisposed()) {
			d.dispose();
		}
	}

	@Test
	void printsTheFrameTimeWith64StripsAndMovingMeters() throws Exception {
		ConsoleBenchmark.Result r = ConsoleBenchmark.run(Display.getDefault(), 64, 300);
		System.out.println(r);
		Files.writeString(Path.of("target", "console-frame-time.txt"), r + System.lineSeparator());
		assertEquals(64, r.strips());
		assertTrue(r.visible() >= 10 && r.visible() < 64, "a 1600 px console shows part of 64 strips: " + r.visible());
		assertTrue(r.meterMedian() > 0 && r.fullMedian() > 0 && r.allMedian() > 0, r.toString());
	}
}
