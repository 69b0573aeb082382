package org.mixtree.views.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.ui.testing.Robot;
import org.mixtree.ui.testing.SessionFiles;
import org.mixtree.ui.testing.TestViewContext;
import org.mixtree.views.tree.internal.TreeCanvas;

/**
 * The routing tree with 200 channels ({@code ./mixtree bench views}): 180 tracks in 16 buses in 4 groups, a reverb
 * return fed by every fourth track, the master. Prints the median and 95th percentile of a refresh after a model
 * change (the rows rebuilt from the model) and of a full redraw of a 400 x 1000 view, wall and UI thread CPU time;
 * also to target/views-bench-tree.txt. It checks the work was done, not how fast: benchmarks print figures.
 */
class TreeBenchmarkTest {
	@AfterAll
	static void disposeDisplay() {
		Display d = Display.getCurrent();
		if (d != null && !d.isDisposed()) {
			d.dispose();
		}
	}

	@TempDir
	Path dir;

	static final int FRAMES = Integer.getInteger("mixtree.bench.frames", 60);

	@Test
	void printsRefreshAndDrawTimesWith200Channels() throws Exception {
		Display display = Display.getDefault();
		Robot robot = new Robot(display);
		TestViewContext ctx = new TestViewContext(SessionFiles.big(dir, 180, 16, 4));
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		Composite place = new Composite(shell, SWT.NONE);
		RoutingTreeView view = new RoutingTreeView();
		view.createControl(place, ctx);
		TreeCanvas tree = view.tree();
		shell.setBounds(0, 0, 400, 1000);
		shell.open();
		try {
			robot.until(() -> !tree.pending(), 60_000, "the engine's answer");
			long channels = tree.rows().stream().filter(r -> r.send() == null).count();
			assertEquals(202, channels);
			ThreadMXBean mx = ManagementFactory.getThreadMXBean();
			double[] refresh = new double[FRAMES], refreshCpu = new double[FRAMES], paint = new double[FRAMES],
					paintCpu = new double[FRAMES];
			Rectangle area = tree.control().getClientArea();
			Image image = new Image(display, area.width, area.height);
			try {
				for (int i = -5; i < FRAMES; i++) {
					long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
					tree.refresh();
					long c1 = mx.getCurrentThreadCpuTime(), t1 = System.nanoTime();
					GC gc = new GC(image);
					tree.paint(gc, area);
					gc.dispose();
					long c2 = mx.getCurrentThreadCpuTime(), t2 = System.nanoTime();
					if (i >= 0) {
						refresh[i] = (t1 - t0) / 1e6;
						refreshCpu[i] = (c1 - c0) / 1e6;
						paint[i] = (t2 - t1) / 1e6;
						paintCpu[i] = (c2 - c1) / 1e6;
					}
				}
			} finally {
				image.dispose();
			}
			String r = String.format(Locale.ROOT,
					"routing tree, %d channels, %d rows (180 tracks, 16 buses, 4 groups, 1 return, master, 45 sends), %d cores, load %.1f:%n"
							+ "  refresh (rows from the model)  median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f ms)%n"
							+ "  redraw (%dx%d)              median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f ms), %d frames",
					channels, tree.rows().size(), Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), median(refresh), p95(refresh),
					median(refreshCpu), area.width, area.height, median(paint), p95(paint), median(paintCpu), FRAMES);
			System.out.println(r);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "views-bench-tree.txt"), r + System.lineSeparator());
			robot.screenshot(shell, "routing-tree-200");
			assertTrue(median(paint) > 0, r);
		} finally {
			view.dispose();
			shell.dispose();
			robot.close();
		}
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}

	static double p95(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
	}
}
