package org.mixtree.ui.mixer.internal;

import java.util.Locale;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;

/**
 * {@code ./mixtree bench console [STRIPS] [FRAMES]} (releng/bench/console.sh): runs {@link ConsoleBenchmark} in the
 * product, on its own display (the script starts Xvfb when there is none), and prints its figures: the median and
 * 95th percentile of the paint time per frame, for the 30 fps meter frame and a full redraw. Defaults: 64 strips,
 * 300 frames. Exit 2 for a bad argument, 1 without a display.
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
		Display display;
		try {
			display = new Display();
		} catch (SWTError e) {
			System.err.println("mixtree: bench console: no display: " + e.getMessage());
			return Integer.valueOf(1);
		}
		try {
			ConsoleBenchmark.Result r = ConsoleBenchmark.run(display, strips, frames);
			System.out.println(r);
			System.out.println(String.format(Locale.ROOT, "meter frame budget at 30 fps: 33.3 ms; p95 uses %.0f%% of it",
					100 * r.meterP95() / (1000.0 / 30)));
			return IApplication.EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	@Override
	public void stop() {
		// runs to its end
	}
}
