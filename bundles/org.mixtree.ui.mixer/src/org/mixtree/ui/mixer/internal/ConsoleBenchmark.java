package org.mixtree.ui.mixer.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.mixer.ConsoleEngine;
import org.mixtree.ui.mixer.ConsoleInput;
import org.mixtree.ui.mixer.MixerConsole;

/**
 * How long the console takes to draw a frame with many strips and moving meters: a session of {@code strips - 1}
 * top-level buses and the master (every strip a bus: the busiest strip, with loudness and inserts), meters moving
 * every frame from a synthetic engine. Three figures, each the median and 95th percentile of the paint time per
 * frame:
 * <ul>
 * <li>meter frame: what the 30 fps timer does: read every visible strip's meters, repaint the damaged meters;</li>
 * <li>full redraw: the whole visible console repainted (a resize, a level change);</li>
 * <li>all strips off screen: every strip painted into one image as wide as the whole console (what a screen wide
 * enough for all of them would cost).</li>
 * </ul>
 * UI thread only; needs a display (Xvfb will do).
 */
public final class ConsoleBenchmark {
	private ConsoleBenchmark() {
	}

	/** Figures in milliseconds per frame. */
	public record Result(String title, int engineStrips, int strips, int visible, int frames, double meterMedian, double meterP95, double fullMedian,
			double fullP95, double allMedian, double allP95, double meterCpuMedian, double meterCpuP95, double fullCpuMedian,
			double fullCpuP95, double load) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT,
					"%s: %d strips (%d visible at 1600 px), %d frames (load average %.1f on %d cores):%n"
							+ "  meter frame (30 fps timer)  median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f  p95 %.2f)%n"
							+ "  full redraw (visible)       median %.2f ms  p95 %.2f ms  (UI thread CPU median %.2f  p95 %.2f)%n"
							+ "  all %d strips off screen    median %.2f ms  p95 %.2f ms",
					title, strips, visible, frames, load, Runtime.getRuntime().availableProcessors(), meterMedian, meterP95,
					meterCpuMedian, meterCpuP95, fullMedian, fullP95, fullCpuMedian, fullCpuP95, strips, allMedian, allP95);
		}
	}

	/** A moving meter for every channel: a level per channel and frame, peaks now and then over 0 dBFS. */
	static final class MovingMeters implements ConsoleEngine {
		int frame;
		/**
		 * Whether the frame follows the wall clock at 30 fps (the console's own meter timer reads them while the demo
		 * plays) rather than the benchmark's frame counter.
		 */
		boolean clocked;

		@Override
		public boolean readMeter(String channelId, double[] into) {
			if (clocked) {
				frame = (int) (System.nanoTime() / (1_000_000_000L / 30));
			}
			double phase = (channelId.hashCode() & 0xff) / 40.0 + frame * 0.21;
			double rms = -24 + 12 * Math.sin(phase);
			into[0] = rms + 6 + 3 * Math.sin(phase * 3.1);
			into[1] = into[0] + 1.5;
			into[2] = rms;
			into[3] = into[0] + 0.4;
			into[4] = rms + 2;
			into[5] = rms + 1;
			into[6] = -18;
			into[7] = 6;
			into[8] = 0.7;
			into[9] = Math.max(0, 4 * Math.sin(phase * 0.7));
			return true;
		}
	}

	/** The console of {@code strips} synthetic bus strips, every meter synthetic: no audio plays. */
	public static Result run(Display display, int strips, int frames) {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = synthetic(domain, strips, List.of());
		MovingMeters engine = new MovingMeters();
		return measure(display, new ConsoleInput(domain, session, null, EffectRegistry.osgi(), engine), engine, null, frames,
				"console frame time, synthetic meters (no audio playing)", 0);
	}

	/**
	 * The console of {@code strips} synthetic bus strips while {@code live} plays {@code demo} in this process (its
	 * audio thread competes for the CPU as in the workbench): the master and the strips named after the demo's buses
	 * (the first ones, on screen) read their meters from the engine, the rest synthetic ones. Meter frames are the
	 * console's own 30 fps timer's.
	 */
	public static Result runWithDemo(Display display, int strips, int frames, Session demo, LiveSession live) {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		List<String> names = new ArrayList<>();
		collectBuses(demo.getBuses(), names);
		Session session = synthetic(domain, strips, names);
		MovingMeters synthetic = new MovingMeters();
		synthetic.clocked = true;
		ConsoleEngine playing = ConsoleEngine.of(live);
		Set<String> fromEngine = new HashSet<>();
		double[] probe = new double[MeterSnapshot.FIELDS];
		for (Channel c : channels(session)) {
			if (playing.readMeter(c.getAddress(), probe)) {
				fromEngine.add(c.getAddress());
			}
		}
		ConsoleEngine mixed = new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				return fromEngine.contains(channelId) ? playing.readMeter(channelId, into) : synthetic.readMeter(channelId, into);
			}
		};
		return measure(display, new ConsoleInput(domain, session, null, EffectRegistry.osgi(), mixed), synthetic, live,
				frames, "console frame time, " + strips + " strips, demo playing (" + fromEngine.size()
						+ " strips metered by the engine, the rest synthetic)",
				fromEngine.size());
	}

	/**
	 * The demo session's own console (its master and top-level buses) with every meter from {@code live}, which plays
	 * it; meter frames are the console's own 30 fps timer's.
	 */
	public static Result runDemo(Display display, EditingDomain domain, Session demo, Path file, LiveSession live,
			int frames) {
		return measure(display, new ConsoleInput(domain, demo, file, EffectRegistry.osgi(), ConsoleEngine.of(live)), null,
				live, frames, "console frame time, the demo session's own console, demo playing (engine meters)",
				1 + (int) demo.getBuses().stream().filter(b -> b.getOutput() == null || b.getOutput() == demo.getMaster())
						.count());
	}

	private static void collectBuses(List<Bus> buses, List<String> into) {
		for (Bus b : buses) {
			into.add(b.getName());
		}
	}

	private static List<Channel> channels(Session session) {
		List<Channel> all = new ArrayList<>(session.getBuses());
		all.add(session.getMaster());
		return all;
	}

	/**
	 * A session of {@code strips - 1} top-level buses and the master, every bus with an EQ and every other one a
	 * compressor too; the first buses take {@code names}, the rest are {@code Bus N}.
	 */
	private static Session synthetic(AdapterFactoryEditingDomain domain, int strips, List<String> names) {
		Session session = SessionEditing.create(domain, Path.of("bench.mixtree"), "bench", 48000);
		EffectRegistry effects = EffectRegistry.osgi();
		String eq = effects.all().stream().map(f -> f.descriptor().id()).filter(id -> id.endsWith(".eq")).findFirst()
				.orElse("org.mixtree.eq");
		String comp = effects.all().stream().map(f -> f.descriptor().id()).filter(id -> id.contains("comp")).findFirst()
				.orElse("org.mixtree.compressor");
		for (int i = 1; i < strips; i++) {
			String name = i - 1 < names.size() ? names.get(i - 1) : "Bus " + i;
			SessionCommands.execute(domain, SessionCommands.addBus(domain, session, name, null));
			Bus b = session.getBuses().get(i - 1);
			SessionCommands.execute(domain, SessionCommands.addInsert(domain, b, eq, Map.of(), -1));
			if (i % 2 == 0) {
				SessionCommands.execute(domain, SessionCommands.addInsert(domain, b, comp, Map.of(), -1));
			}
			b.setGainDb(-(i % 12));
			b.setPan(((i % 7) - 3) / 3.0);
		}
		return session;
	}

	/**
	 * Measures a console on {@code input}. Without {@code live}, the benchmark makes each meter frame itself
	 * ({@code synthetic} moves a frame, the console reads its meters) and spins between events; with it, the meter
	 * frames are the paints of the console's own 30 fps timer as the engine's meters move, and the UI thread sleeps
	 * between events (a spinning UI thread would take a core from the audio thread).
	 */
	private static Result measure(Display display, ConsoleInput input, MovingMeters synthetic, LiveSession live,
			int frames, String title, int engineStrips) {
		ConsoleEngine engine = input.engine();
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setBounds(0, 0, 1600, 960);
		MixerConsole console = new MixerConsole(shell, input);
		shell.open();
		try {
			long end = System.currentTimeMillis() + 3000;
			while (console.factsPending() && System.currentTimeMillis() < end) {
				if (!display.readAndDispatch()) {
					Thread.onSpinWait();
				}
			}
			while (display.readAndDispatch()) {
				// settle
			}
			int visible = 0;
			for (int i = 0; i < console.view().strips.size(); i++) {
				visible += console.view().stripX(i) < console.view().width ? 1 : 0;
			}
			double[] meter = new double[frames], full = new double[frames], all = new double[frames];
			double[] meterCpu = new double[frames], fullCpu = new double[frames];
			boolean sleep = live != null;
			// GTK paints on its frame clock, not in update(): each frame waits for the paint and takes its time
			if (live == null) {
				for (int f = 0; f < frames; f++) {
					synthetic.frame++;
					long before = console.paints();
					console.readMeters();
					meter[f] = awaitPaint(display, console, before, false);
					meterCpu[f] = console.lastPaintCpuNanos() / 1e6;
				}
			} else {
				// the console's own timer: every paint it causes is a meter frame (a block of silence changes nothing)
				int n = 0;
				long seen = console.paints();
				long until = System.currentTimeMillis() + frames * 2L * MixerConsole.METER_PERIOD_MS + 5000;
				while (n < frames && System.currentTimeMillis() < until) {
					if (!display.readAndDispatch()) {
						display.sleep();
					}
					if (console.paints() != seen) {
						seen = console.paints();
						meter[n] = console.lastPaintNanos() / 1e6;
						meterCpu[n++] = console.lastPaintCpuNanos() / 1e6;
					}
				}
				meter = Arrays.copyOf(meter, n);
				meterCpu = Arrays.copyOf(meterCpu, n);
			}
			for (int f = 0; f < frames; f++) {
				if (synthetic != null) {
					synthetic.frame++;
				}
				console.readMeters();
				long before = console.paints();
				console.canvas().redraw();
				full[f] = awaitPaint(display, console, before, sleep);
				fullCpu[f] = console.lastPaintCpuNanos() / 1e6;
			}
			ConsoleView v = console.view();
			int width = v.contentWidth(), height = v.height;
			Image image = new Image(display, width, height);
			int scroll = v.scrollX;
			try {
				for (int f = 0; f < frames; f++) {
					if (synthetic != null && !synthetic.clocked) {
						synthetic.frame++;
					}
					for (Strip s : v.strips) {
						engine.readMeter(s.id, s.meter);
					}
					GC gc = new GC(image);
					long t0 = System.nanoTime();
					v.scrollX = 0;
					console.paintAll(gc, width, height);
					all[f] = (System.nanoTime() - t0) / 1e6;
					gc.dispose();
				}
			} finally {
				v.scrollX = scroll;
				image.dispose();
			}
			return new Result(title, engineStrips, v.strips.size(), visible, frames, median(meter), p95(meter),
					median(full), p95(full), median(all), p95(all), median(meterCpu), p95(meterCpu), median(fullCpu), p95(fullCpu),
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		} finally {
			shell.dispose();
		}
	}

	/** Dispatches until the canvas has painted once more; @return that paint's duration in ms */
	private static double awaitPaint(Display display, MixerConsole console, long before, boolean sleep) {
		long end = System.currentTimeMillis() + 1000;
		while (console.paints() == before && System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				if (sleep) {
					// woken by the frame clock's paint or, at the latest, the console's 30 fps meter timer
					display.sleep();
				} else {
					Thread.onSpinWait();
				}
			}
		}
		return console.lastPaintNanos() / 1e6;
	}

	static double median(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length == 0 ? Double.NaN : s[s.length / 2];
	}

	static double p95(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.95) - 1)];
	}
}
