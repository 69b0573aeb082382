package org.mixtree.views.graph;

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
import org.mixtree.views.graph.internal.GraphCanvas;
import org.mixtree.views.graph.internal.GraphLayout;

/**
 * The routing graph with 200 channels ({@code ./mixtree bench views}): 180 tracks in 16 buses in 4 groups, a reverb
 * return fed by every fourth track, and the master (202 nodes, 246 edges). Prints the median and 95th percentile of
 * the ELK layout (on this thread, as the view's worker runs it) and of a full redraw of the view at 1600 x 1000, fit
 * to the window and at 1:1, wall and thread CPU time; also to target/views-bench-graph.txt. It checks that the
 * work was done, not how fast: benchmarks print figures.
 */
class GraphBenchmarkTest {
	@AfterAll
	static void disposeDisplay() {
		Display d = Display.getCurrent();
		if (d != null && !d.isDisposed()) {
			d.dispose();
		}
	}

	@TempDir
	Path dir;

	static final int LAYOUTS = Integer.getInteger("mixtree.bench.layouts", 15),
			FRAMES = Integer.getInteger("mixtree.bench.frames", 60);

	@Test
	void printsLayoutAndDrawTimesWith200Channels() throws Exception {
		Display display = Display.getDefault();
		Robot robot = new Robot(display);
		TestViewContext ctx = new TestViewContext(SessionFiles.big(dir, 180, 16, 4));
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		Composite place = new Composite(shell, SWT.NONE);
		RoutingGraphView view = new RoutingGraphView();
		view.createControl(place, ctx);
		GraphCanvas graph = view.graph();
		shell.setBounds(0, 0, 1600, 1000);
		shell.open();
		try {
			robot.until(() -> !graph.pending() && graph.layout() != null, 60_000, "the layout");
			int nodes = graph.scene().nodes.size(), edges = graph.scene().edges.size();
			assertEquals(202, nodes);
			ThreadMXBean mx = ManagementFactory.getThreadMXBean();
			GraphLayout.Input input = graph.scene().input;
			GraphLayout.layout(input); // warm-up
			double[] layout = new double[LAYOUTS], layoutCpu = new double[LAYOUTS];
			for (int i = 0; i < LAYOUTS; i++) {
				long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
				GraphLayout.layout(input);
				layout[i] = (System.nanoTime() - t0) / 1e6;
				layoutCpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
			}
			Rectangle area = graph.control().getClientArea();
			graph.fitAll();
			double[][] fit = draw(display, graph, area, mx);
			// 1:1 (the wheel's zoom at its default), the master's corner in view
			double[][] full = drawAtOne(display, graph, area, mx);
			// what a user sees first: the readable fit (the top of the tracks column)
			graph.fit();
			robot.screenshot(shell, "routing-graph-200");
			String r = String.format(Locale.ROOT,
					"routing graph, %d nodes, %d edges (180 tracks, 16 buses, 4 groups, 1 return, master), %d cores, load %.1f:%n"
							+ "  ELK layered layout   median %.1f ms  p95 %.1f ms  (thread CPU median %.1f ms), %d runs%n"
							+ "  redraw, fit (%dx%d)  median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f ms), %d frames%n"
							+ "  redraw, 1:1          median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f ms), %d frames",
					nodes, edges, Runtime.getRuntime().availableProcessors(),
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), median(layout), p95(layout),
					median(layoutCpu), LAYOUTS, area.width, area.height, median(fit[0]), p95(fit[0]), median(fit[1]), FRAMES,
					median(full[0]), p95(full[0]), median(full[1]), FRAMES);
			System.out.println(r);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target", "views-bench-graph.txt"), r + System.lineSeparator());
			assertTrue(median(layout) > 0 && median(fit[0]) > 0, r);
		} finally {
			view.dispose();
			shell.dispose();
			robot.close();
		}
	}

	private static double[][] draw(Display display, GraphCanvas graph, Rectangle area, ThreadMXBean mx) {
		double[] wall = new double[FRAMES], cpu = new double[FRAMES];
		Image image = new Image(display, area.width, area.height);
		try {
			for (int i = -5; i < FRAMES; i++) {
				GC gc = new GC(image);
				long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
				graph.paint(gc, area);
				gc.dispose();
				if (i >= 0) {
					wall[i] = (System.nanoTime() - t0) / 1e6;
					cpu[i] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
				}
			}
		} finally {
			image.dispose();
		}
		return new double[][] { wall, cpu };
	}

	private static double[][] drawAtOne(Display display, GraphCanvas graph, Rectangle area, ThreadMXBean mx) {
		graph.zoomTo(1.0);
		return draw(display, graph, area, mx);
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
