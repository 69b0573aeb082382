package org.mixtree.ui.mixer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.session.LiveSession;

/**
 * {@code ./mixtree bench console [STRIPS] [FRAMES]} (releng/bench/console.sh): runs {@link ConsoleBenchmark} in the
 * product, on its own display (the script starts Xvfb when there is none), with the demo session playing in this
 * process ({@link DemoPlayback}: written to {@code MIXTREE_BENCH_DIR}, else a temporary folder), and prints its
 * figures: the median and 95th percentile of the paint time per frame, for the 30 fps meter frame and a full redraw,
 * (a) for the demo session's own console and (b) for STRIPS strips, each with the engine's xruns and callback times
 * and the load average. When no device can play the demo it says so in one line and prints the synthetic figure
 * (exit 0). Defaults: 64 strips, 300 frames. Exit 2 for a bad argument, 1 without a display.
 */
public final class ConsoleBenchmarkApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		int strips = 64, frames = 300;
		try {
			if (args != null && args.length > 0) {
				strips = Integer.parseInt(args[0]);
			}
			if (args != null && args.length > 1) {
				frames = Integer.parseInt(args[1]);
			}
		} catch (NumberFormatException e) {
			strips = -1;
		}
		if (strips < 2 || strips > 512 || frames < 10 || frames > 100_000 || (args != null && args.length > 2)) {
			System.err.println("mixtree: usage: bench console [STRIPS 2-512] [FRAMES 10-100000]");
			return Integer.valueOf(2);
		}
		// the display of this thread when there is one (a test's), else one of its own
		Display display = Display.getCurrent();
		boolean own = display == null;
		try {
			display = own ? new Display() : display;
		} catch (SWTError e) {
			System.err.println("mixtree: bench console: no display: " + e.getMessage());
			return Integer.valueOf(1);
		}
		try {
			String dir = System.getenv("MIXTREE_BENCH_DIR");
			DemoPlayback demo;
			try {
				demo = DemoPlayback.start(dir == null || dir.isBlank() ? null : Path.of(dir), 256);
			} catch (DemoPlayback.NotPlaying e) {
				System.out.println("demo not playing: no device could play the demo (" + e.getMessage()
						+ "); synthetic meters only");
				print(ConsoleBenchmark.run(display, strips, frames), null, 0);
				return IApplication.EXIT_OK;
			} catch (IOException e) {
				System.err.println("mixtree: bench console: the demo session: " + e.getMessage());
				return Integer.valueOf(1);
			}
			try (demo) {
				LiveSession live = demo.live;
				System.out.println("demo playing: " + demo.file + " in a loop on " + live.device() + ", "
						+ demo.session.getTracks().size() + " tracks, " + demo.session.getBuses().size() + " buses");
				long xruns = live.xruns();
				print(ConsoleBenchmark.runDemo(display, demo.domain, demo.session, demo.file, live, frames), live, xruns);
				xruns = live.xruns();
				print(ConsoleBenchmark.runWithDemo(display, strips, frames, demo.session, live), live, xruns);
			}
			return IApplication.EXIT_OK;
		} finally {
			if (own) {
				display.dispose();
			}
		}
	}

	/** The figures, the share of the 30 fps budget, and the engine's health over the run when the demo plays. */
	private static void print(ConsoleBenchmark.Result r, LiveSession live, long xrunsBefore) {
		System.out.println(r);
		System.out.println(String.format(Locale.ROOT, "  meter frame budget at 30 fps: 33.3 ms; p95 uses %.0f%% of it",
				100 * r.meterP95() / (1000.0 / 30)));
		PlayerStats stats = live == null ? null : live.stats();
		if (stats != null) {
			System.out.println(String.format(Locale.ROOT,
					"  engine: %d xruns during this run (%d since the device opened); callback p50 %.1f%%  p99 %.1f%%"
							+ "  max %.1f%% of the period since it opened; load average %s",
					live.xruns() - xrunsBefore, live.xruns(), stats.callbackP50(), stats.callbackP99(), stats.callbackMax(),
					loadAverage()));
		}
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		} catch (IOException | RuntimeException e) {
			return String.format(Locale.ROOT, "%.2f",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	@Override
	public void stop() {
		// runs to its end
	}
}
