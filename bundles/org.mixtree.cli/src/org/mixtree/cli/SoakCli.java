package org.mixtree.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.demo.DemoMultitrack;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.LiveSession;
import org.mixtree.session.SessionGraph;

/**
 * {@code soak}: plays a session on an audio device (JACK by default) for minutes while a seeded random driver edits it
 * several times a second through the editing domain, as the workbench does: the same {@link SessionCommands} on the
 * one command stack (undo and redo included), followed by a {@link LiveSession} that compiles structural changes on
 * its own thread and swaps them in. Reports xruns (Mixtree's and, given the server's log, jackd's own late wake-ups),
 * callback-time percentiles, the heap after each collection, plan swaps, edits, refusals and errors; exits 1 on any
 * error. The session file is never written: the edits live in memory only.
 * <p>
 * Threads: [main] is the model's thread (it runs every command, as the UI thread does in the workbench) and polls the
 * figures; the session's thread compiles; the device's thread plays; GC notifications arrive on a JMX thread and
 * only append to a synchronized list.
 */
final class SoakCli {

	static final String USAGE = "soak SESSION [--minutes M] [--buffer FRAMES] [--edits-per-second N] [--seed S] [--json] "
			+ "[--device jack|javasound|NAME] [--make DIR [--tracks N]] [--jackd-log FILE]";

	/** Parameter ids the driver moves, per effect, with their ranges (min, max). */
	private static final Map<String, Map<String, double[]>> PARAMETERS = Map.of(
			"org.mixtree.eq", Map.of("b1.gain", new double[] { -9, 9 }, "b1.freq", new double[] { 60, 8000 }),
			"org.mixtree.compressor", Map.of("threshold", new double[] { -30, -6 }, "ratio", new double[] { 1.5, 8 }),
			"org.mixtree.limiter", Map.of("ceiling", new double[] { -3, -0.3 }, "release", new double[] { 20, 200 }));

	/** Inserts the driver may add beyond the session's own, so the session neither empties nor grows without end. */
	private static final int MAX_ADDED_INSERTS = 32;

	private final PrintStream out;
	private final PrintStream err;

	SoakCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Everything counted while soaking; [main] writes the counters, GC notifications append to {@link #heap}. */
	static final class Figures {
		long edits;
		long undos;
		long redos;
		long refusedExpected;
		final Map<String, Long> byKind = new LinkedHashMap<>();
		final List<String> errors = new ArrayList<>();
		/** (seconds since the start, heap bytes used after the collection) */
		final List<double[]> heap = new ArrayList<>();
		final List<String> collectors = new ArrayList<>();
		long errorCount;
		/** When the GC listeners started: heap samples are timed from here. */
		volatile long startNanos;

		synchronized void error(String message) {
			errorCount++;
			if (errors.size() < 20) {
				errors.add(message);
			}
		}

		synchronized List<double[]> heapCopy() {
			return new ArrayList<>(heap);
		}
	}

	void soak(Args a) throws Exception {
		double minutes = a.option("--minutes") == null ? 5 : number(a, "--minutes", 0.05, 24 * 60);
		int buffer = a.option("--buffer") == null ? 256 : (int) number(a, "--buffer", 16, 8192);
		double rate = a.option("--edits-per-second") == null ? 5 : number(a, "--edits-per-second", 0.1, 200);
		long seed = a.option("--seed") == null ? System.nanoTime() % 1_000_000 : (long) number(a, "--seed", 0, Long.MAX_VALUE);
		boolean json = a.flag("--json");
		String device = a.option("--device") == null ? "jack" : a.option("--device");
		Path file;
		if (a.option("--make") != null) {
			a.expectAtMost(0, USAGE);
			int tracks = a.option("--tracks") == null ? 64 : (int) number(a, "--tracks", 1, 512);
			file = make(Path.of(a.option("--make")), tracks);
		} else {
			file = Path.of(a.required(0, "SESSION (or --make DIR); usage: " + USAGE));
			a.expectAtMost(1, USAGE);
		}
		Path jackdLog = a.option("--jackd-log") == null ? null : Path.of(a.option("--jackd-log"));
		PrintStream progress = json ? err : out;

		Figures f = new Figures();
		BasicCommandStack stack = new BasicCommandStack() {
			@Override
			protected void handleError(Exception exception) {
				f.error("command failed: " + exception);
			}
		};
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain(stack);
		Session session = SessionEditing.load(domain, file);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(file + ": " + problems.get(0).message());
		}
		GraphDescription graph = SessionGraph.describe(session, file);
		long loopEnd = PlayCli.sessionFrames(graph);
		if (loopEnd <= 0) {
			throw new CliException(file + ": the session has no audio to play");
		}

		List<Runnable> unlisten = listenToCollections(f);
		long started = System.nanoTime();
		f.startNanos = started;
		LiveSession live = LiveSession.open(session, file, domain, DevicesCli.backends(), device, buffer);
		String deviceText = null;
		PlayerStats stats = null;
		long swaps = 0;
		long compiles = 0;
		long xruns = 0;
		double played = 0;
		try {
			live.onProblem(m -> f.error("live session: " + m));
			if (!live.awaitIdle(60_000) || live.failed()) {
				throw new CliException(file + ": could not start playing: "
						+ (f.errors.isEmpty() ? "the device did not open within 60 s" : f.errors.get(0)));
			}
			deviceText = live.device();
			live.setLoop(0, loopEnd);
			live.play();
			live.awaitIdle(10_000);
			// one collection at each end, so that the first and last windows hold a heap-after-GC figure even when
			// the run is too short or too quiet for the collector to run by itself (a minute on an idle machine)
			System.gc();
			long playStart = System.nanoTime();
			Driver driver = new Driver(domain, session, new Random(seed), f);
			long periodNanos = Math.round(1e9 / rate);
			long endNanos = playStart + Math.round(minutes * 60e9);
			long next = playStart;
			long nextProgress = playStart + 60_000_000_000L;
			while (System.nanoTime() < endNanos && !live.failed()) {
				long now = System.nanoTime();
				if (now < next) {
					TimeUnit.NANOSECONDS.sleep(Math.min(next - now, 50_000_000L));
					continue;
				}
				next += periodNanos;
				if (next < now - 1_000_000_000L) {
					next = now; // a stalled second is not made up in a burst
				}
				driver.step();
				if (System.nanoTime() >= nextProgress) {
					nextProgress += 60_000_000_000L;
					progress.println(progressLine(f, live, (System.nanoTime() - playStart) / 60e9, minutes));
					progress.flush();
				}
			}
			System.gc();
			Thread.sleep(500); // the collector's notification comes on its own thread
			live.stop();
			live.awaitIdle(5_000);
			Thread.sleep(50); // the fade-out
			stats = live.stats();
			swaps = live.swaps();
			compiles = live.compiles();
			xruns = live.xruns();
			played = (System.nanoTime() - playStart) / 1e9;
		} finally {
			live.close();
			unlisten.forEach(Runnable::run);
		}
		if (live.failed() && f.errorCount == 0) {
			f.error("the device stopped");
		}
		JackdAccount jackd = jackdLog == null ? null : JackdAccount.read(jackdLog);
		Report r = new Report(file, deviceText, seed, rate, played, stats, swaps, compiles, xruns, jackd, f);
		out.println(json ? r.json() : r.text());
		out.flush();
		if (f.errorCount > 0) {
			throw new CliException("soak: " + f.errorCount + " error" + (f.errorCount == 1 ? "" : "s") + " (first: "
					+ f.errors.get(0) + "); replay with --seed " + seed);
		}
	}

	private static String progressLine(Figures f, LiveSession live, double elapsedMinutes, double minutes) {
		PlayerStats s = live.stats();
		List<double[]> heap = f.heapCopy();
		String lastHeap = heap.isEmpty() ? "no GC yet" : mb(heap.get(heap.size() - 1)[1]) + " MB after the last GC";
		return String.format(Locale.ROOT,
				"soak: %.0f of %s min: %d edits, %d undos, %d redos, %d refused as expected, %d errors; %d plan swaps; "
						+ "%d xruns; callback p99 %.0f%% max %.0f%%; %d GCs, %s",
				elapsedMinutes, trim(minutes), f.edits, f.undos, f.redos, f.refusedExpected, f.errorCount, live.swaps(),
				live.xruns(), s == null ? Double.NaN : s.callbackP99(), s == null ? Double.NaN : s.callbackMax(),
				heap.size(), lastHeap);
	}

	// ------------------------------------------------------------------------------------------------- the driver

	/** [main] The seeded random editor: one edit per {@link #step()}, every one through the command stack. */
	static final class Driver {
		private final AdapterFactoryEditingDomain domain;
		private final Session session;
		private final Random random;
		private final Figures f;
		/** Tracks the driver re-routed, and the bus (null: master) each came from. */
		private final Map<Track, Bus> moved = new LinkedHashMap<>();
		/** The session's own inserts: the driver removes only those it added, so the session keeps its own. */
		private final Set<Insert> original = new HashSet<>();

		Driver(AdapterFactoryEditingDomain domain, Session session, Random random, Figures f) {
			this.domain = domain;
			this.session = session;
			this.random = random;
			this.f = f;
			for (Channel c : channels()) {
				original.addAll(c.getInserts());
			}
		}

		void step() {
			int dice = random.nextInt(100);
			String kind;
			try {
				if (dice < 18) {
					kind = "gain";
					Channel c = anyChannel();
					edit(SessionCommands.setGain(domain, c, -30 + 36 * random.nextDouble()));
				} else if (dice < 30) {
					kind = "pan";
					edit(SessionCommands.setPan(domain, anyChannel(), -1 + 2 * random.nextDouble()));
				} else if (dice < 36) {
					kind = "mute";
					Channel c = anyChannel();
					edit(SessionCommands.setMute(domain, c, !c.isMute()));
				} else if (dice < 42) {
					kind = "solo";
					Channel c = anyChannel();
					edit(SessionCommands.setSolo(domain, c, !c.isSolo()));
				} else if (dice < 50) {
					kind = "route";
					route();
				} else if (dice < 53) {
					kind = "cycle";
					cycle();
				} else if (dice < 63) {
					kind = "insert";
					insert();
				} else if (dice < 75) {
					kind = "parameter";
					parameter();
				} else if (dice < 78) {
					kind = "stage";
					MixStage[] stages = MixStage.values();
					edit(SessionCommands.setStage(domain, session, stages[random.nextInt(stages.length)]));
				} else if (dice < 82) {
					kind = "focus";
					focus();
				} else if (dice < 92) {
					kind = "undo";
					if (domain.getCommandStack().canUndo()) {
						domain.getCommandStack().undo();
						f.undos++;
					}
				} else {
					kind = "redo";
					if (domain.getCommandStack().canRedo()) {
						domain.getCommandStack().redo();
						f.redos++;
					}
				}
				f.byKind.merge(kind, 1L, Long::sum);
			} catch (CommandRefusedException e) {
				f.error("refused unexpectedly: " + e.getMessage());
			} catch (RuntimeException e) {
				f.error("edit failed: " + e);
			}
			// what undo and redo brought back or took away again is the model's truth, not the driver's memory
			moved.keySet().removeIf(t -> t.eContainer() != session);
		}

		private void edit(Command c) {
			SessionCommands.execute(domain, c);
			f.edits++;
		}

		private List<Channel> channels() {
			List<Channel> all = new ArrayList<>(session.getTracks().size() + session.getBuses().size() + 1);
			all.addAll(session.getTracks());
			all.addAll(session.getBuses());
			all.add(session.getMaster());
			return all;
		}

		private Channel anyChannel() {
			List<Channel> all = channels();
			return all.get(random.nextInt(all.size()));
		}

		/** Moves a track to another bus, or one moved before back where it came from. */
		private void route() {
			List<Bus> buses = session.getBuses();
			if (!moved.isEmpty() && (random.nextBoolean() || buses.size() < 2)) {
				Track t = moved.keySet().iterator().next();
				Bus home = moved.remove(t);
				if (home == null || home.eContainer() == session) {
					edit(SessionCommands.setOutput(domain, t, home));
				}
				return;
			}
			if (buses.isEmpty() || session.getTracks().isEmpty()) {
				return;
			}
			Track t = session.getTracks().get(random.nextInt(session.getTracks().size()));
			Bus to = buses.get(random.nextInt(buses.size()));
			if (to == t.getOutput() || moved.containsKey(t)) {
				return;
			}
			Bus from = t.getOutput();
			edit(SessionCommands.setOutput(domain, t, to));
			moved.put(t, from);
		}

		/**
		 * Nests one top-level bus in another, tries to route the outer one into the inner (a cycle: must be refused,
		 * counted apart from errors), then routes the inner one back to where it went.
		 */
		private void cycle() {
			List<Bus> top = SessionCommands.topLevelBuses(session);
			if (top.size() < 2) {
				// undos of the steps below nest buses and nothing else takes them out: one goes back to the master
				for (Bus b : session.getBuses()) {
					if (b.getOutput() != null) {
						edit(SessionCommands.setOutput(domain, b, null));
						return;
					}
				}
				return;
			}
			Bus outer = top.get(random.nextInt(top.size()));
			Bus inner = top.get(random.nextInt(top.size()));
			if (outer == inner) {
				return;
			}
			Bus innerWas = inner.getOutput();
			edit(SessionCommands.setOutput(domain, inner, outer));
			try {
				edit(SessionCommands.setOutput(domain, outer, inner));
				f.error("a routing cycle was accepted: " + outer.getName() + " -> " + inner.getName() + " -> "
						+ outer.getName());
			} catch (CommandRefusedException expected) {
				if (expected.getMessage() == null || !expected.getMessage().contains("cycle")) {
					throw expected;
				}
				f.refusedExpected++;
			}
			edit(SessionCommands.setOutput(domain, inner, innerWas));
		}

		/** Adds, removes, bypasses or moves an insert. */
		private void insert() {
			int what = random.nextInt(4);
			List<Insert> all = new ArrayList<>();
			List<Insert> added = new ArrayList<>();
			for (Channel c : channels()) {
				all.addAll(c.getInserts());
				for (Insert i : c.getInserts()) {
					if (!original.contains(i)) {
						added.add(i);
					}
				}
			}
			if (what == 0 && added.size() < MAX_ADDED_INSERTS || all.isEmpty()) {
				Channel c = anyChannel();
				Map<String, Double> params = new LinkedHashMap<>();
				params.put("b1.freq", 100 + 4000 * random.nextDouble());
				params.put("b1.gain", -6 + 12 * random.nextDouble());
				Command add = SessionCommands.addInsert(domain, c, "org.mixtree.eq", params,
						random.nextInt(c.getInserts().size() + 1));
				edit(add);
			} else if (what == 1) {
				if (added.isEmpty()) {
					return; // the session's own inserts stay: a soak of an emptied session proves little
				}
				Insert victim = added.get(random.nextInt(added.size()));
				edit(SessionCommands.removeInsert(domain, victim));
			} else if (what == 2) {
				Insert i = all.get(random.nextInt(all.size()));
				edit(SessionCommands.setInsertBypass(domain, i, !i.isBypass()));
			} else {
				List<Channel> withTwo = new ArrayList<>();
				for (Channel c : channels()) {
					if (c.getInserts().size() >= 2) {
						withTwo.add(c);
					}
				}
				if (withTwo.isEmpty()) {
					return;
				}
				Channel c = withTwo.get(random.nextInt(withTwo.size()));
				Insert i = c.getInserts().get(random.nextInt(c.getInserts().size()));
				int to = random.nextInt(c.getInserts().size());
				if (to != c.getInserts().indexOf(i)) {
					edit(SessionCommands.moveInsert(domain, i, to));
				}
			}
		}

		/** Moves one parameter of a known effect within its range. */
		private void parameter() {
			List<Insert> known = new ArrayList<>();
			for (Channel c : channels()) {
				for (Insert i : c.getInserts()) {
					if (PARAMETERS.containsKey(i.getEffectId())) {
						known.add(i);
					}
				}
			}
			if (known.isEmpty()) {
				return;
			}
			Insert i = known.get(random.nextInt(known.size()));
			List<Map.Entry<String, double[]>> ranges = new ArrayList<>(PARAMETERS.get(i.getEffectId()).entrySet());
			ranges.sort(Map.Entry.comparingByKey()); // Map.of's order is not stable across runs: the seed must replay
			Map.Entry<String, double[]> p = ranges.get(random.nextInt(ranges.size()));
			double v = p.getValue()[0] + (p.getValue()[1] - p.getValue()[0]) * random.nextDouble();
			edit(SessionCommands.setInsertParameters(domain, i, Map.of(p.getKey(), v)));
		}

		private void focus() {
			List<Bus> top = SessionCommands.topLevelBuses(session);
			int what = random.nextInt(3);
			if (what == 0 || top.isEmpty()) {
				edit(SessionCommands.focusAll(domain, session));
			} else if (what == 1) {
				List<Bus> focus = session.getFocus();
				if (!focus.isEmpty() && focus.contains(top.get(top.size() - 1))) {
					edit(SessionCommands.focusAll(domain, session)); // focus next refuses past the last bus
				} else {
					edit(SessionCommands.focusNext(domain, session));
				}
			} else {
				edit(SessionCommands.focusOn(domain, session, top.get(random.nextInt(top.size()))));
			}
		}
	}

	// ------------------------------------------------------------------------------------------------- the heap

	/**
	 * Listens to every collector's notifications and records the heap used after each collection (the heap pools'
	 * {@code memoryUsageAfterGc}, read through the open MBean types so no {@code com.sun.management} import is
	 * needed). @return what removes the listeners
	 */
	private static List<Runnable> listenToCollections(Figures f) {
		Set<String> heapPools = new HashSet<>();
		for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
			if (p.getType() == MemoryType.HEAP) {
				heapPools.add(p.getName());
			}
		}
		NotificationListener listener = (Notification n, Object handback) -> {
			if (!"com.sun.management.gc.notification".equals(n.getType()) || !(n.getUserData() instanceof CompositeData cd)) {
				return;
			}
			try {
				// ZGC reports its pauses as collectors of their own, with no usage after them: its cycles say it
				if (String.valueOf(cd.get("gcName")).endsWith("Pauses")) {
					return;
				}
				CompositeData info = (CompositeData) cd.get("gcInfo");
				TabularData after = (TabularData) info.get("memoryUsageAfterGc");
				long used = 0;
				for (Object row : after.values()) {
					CompositeData r = (CompositeData) row;
					if (heapPools.contains((String) r.get("key"))) {
						used += MemoryUsage.from((CompositeData) r.get("value")).getUsed();
					}
				}
				synchronized (f) {
					f.heap.add(new double[] { (System.nanoTime() - f.startNanos) / 1e9, used });
				}
			} catch (RuntimeException e) {
				f.error("reading a GC notification: " + e);
			}
		};
		List<Runnable> undo = new ArrayList<>();
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter && !gc.getName().endsWith("Pauses")) {
				emitter.addNotificationListener(listener, null, null);
				f.collectors.add(gc.getName());
				undo.add(() -> {
					try {
						emitter.removeNotificationListener(listener);
					} catch (javax.management.ListenerNotFoundException e) {
						// gone already
					}
				});
			}
		}
		return undo;
	}

	// ------------------------------------------------------------------------------------------------- jackd

	/** jackd's own account of xruns, from its log, as {@code bench realtime} counts them (releng/bench/bench.sh). */
	record JackdAccount(Path log, long lateWakeUps, long notFinishedRunning, long notFinishedTriggered, long syncLate) {
		static JackdAccount read(Path log) throws IOException, CliException {
			long late = 0;
			long running = 0;
			long triggered = 0;
			long sync = 0;
			if (!Files.exists(log)) {
				throw new CliException("--jackd-log " + log + ": no such file");
			}
			for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
				if (line.contains("JackTimedDriver::Process XRun")) {
					late++;
				}
				if (line.contains("mixtree was not finished, state = Running")) {
					running++;
				}
				if (line.contains("mixtree was not finished, state = Triggered")) {
					triggered++;
				}
				if (line.contains("ProcessGraphSync: SuspendRefNum error")) {
					sync++;
				}
			}
			return new JackdAccount(log, late, running, triggered, sync);
		}
	}

	// ------------------------------------------------------------------------------------------------- the report

	record Report(Path file, String device, long seed, double rate, double playedSeconds, PlayerStats stats, long swaps,
			long compiles, long xruns, JackdAccount jackd, Figures f) {

		/** The window the heap is compared over: ten minutes, or a third of a run shorter than 30 minutes. */
		double windowSeconds() {
			return playedSeconds >= 30 * 60 ? 600 : playedSeconds / 3;
		}

		/** @return median heap after GC (bytes) in [from, to) seconds since the start, or NaN when no GC fell there */
		double medianHeap(double from, double to) {
			List<Double> v = new ArrayList<>();
			for (double[] h : f.heapCopy()) {
				if (h[0] >= from && h[0] < to) {
					v.add(h[1]);
				}
			}
			if (v.isEmpty()) {
				return Double.NaN;
			}
			v.sort(null);
			int n = v.size();
			return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
		}

		double firstHeap() {
			return medianHeap(0, windowSeconds() + warmUpSeconds());
		}

		double lastHeap() {
			double end = totalSeconds();
			return medianHeap(end - windowSeconds(), end + 1);
		}

		/** Seconds from the listeners' start to the end of playing (start-up included: GCs are timed from there). */
		double totalSeconds() {
			return (System.nanoTime() - f.startNanos) / 1e9;
		}

		/** Start-up before playing: counted with the first window. */
		double warmUpSeconds() {
			return Math.max(0, totalSeconds() - playedSeconds);
		}

		double heapMax() {
			double m = 0;
			for (double[] h : f.heapCopy()) {
				m = Math.max(m, h[1]);
			}
			return m;
		}

		String text() {
			StringBuilder b = new StringBuilder();
			b.append(String.format(Locale.ROOT, "soaked %s on %s for %s (seed %d, %s edits/s)%n", file, device,
					RenderCli.duration(playedSeconds), seed, trim(rate)));
			b.append(String.format(Locale.ROOT,
					"  edits: %d done, %d undos, %d redos, %d refused as expected (routing cycles); by kind: %s%n",
					f.edits, f.undos, f.redos, f.refusedExpected, f.byKind));
			b.append(String.format(Locale.ROOT, "  plans: %d compiled, %d swapped in%n", compiles, swaps));
			if (stats != null) {
				b.append(String.format(Locale.ROOT,
						"  callback: p50 %.1f%% p99 %.1f%% p99.9 %.1f%% max %.1f%% of the period (%d callbacks); %s%n",
						stats.callbackP50(), stats.callbackP99(), stats.callbackP999(), stats.callbackMax(),
						stats.callbacks(), PlayCli.allocation(stats, -1).replace(" after the warm-up of -1", " after the warm-up")));
				b.append(String.format(Locale.ROOT, "  sources: %d frames starved, %d failed; %d GC pauses seen by the player "
						+ "(max %.1f ms)%n", stats.starvedFrames(), stats.failedSources(), stats.gcPauses(), stats.gcPauseMaxMillis()));
			}
			b.append(String.format(Locale.ROOT, "  xruns: %d counted by Mixtree; %s%n", xruns, jackdText()));
			double first = firstHeap();
			double last = lastHeap();
			b.append(String.format(Locale.ROOT,
					"  heap after GC (%d collections, %s): median %s MB in the first %s, %s MB in the last %s, difference "
							+ "%s MB; max %s MB%n",
					f.heapCopy().size(), String.join(", ", f.collectors), mb(first), RenderCli.duration(windowSeconds()),
					mb(last), RenderCli.duration(windowSeconds()), mb(last - first), mb(heapMax())));
			b.append(String.format(Locale.ROOT, "  errors: %d%s", f.errorCount, f.errors.isEmpty() ? "" : ":"));
			for (String e : f.errors) {
				b.append(System.lineSeparator()).append("    ").append(e);
			}
			return b.toString();
		}

		private String jackdText() {
			if (jackd == null) {
				return "jackd's own account: not read (no --jackd-log: the server was not started by soak)";
			}
			return String.format(Locale.ROOT,
					"jackd's own account (%s): %d late wake-ups of its own driver; Mixtree's period not finished: %d while "
							+ "running, %d triggered but not started; %d clients late in synchronous mode (one at the end "
							+ "is the client leaving)",
					jackd.log(), jackd.lateWakeUps(), jackd.notFinishedRunning(), jackd.notFinishedTriggered(),
					jackd.syncLate());
		}

		/** A figure that may be missing (NaN: no collection in a window) as a number or null. */
		private static void number(Json j, double v) {
			if (Double.isNaN(v)) {
				j.value((String) null);
			} else {
				j.value(v);
			}
		}

		String json() {
			Json j = new Json().beginObject();
			j.name("session").value(file.toString()).name("device").value(String.valueOf(device)).name("seed").value(seed)
					.name("editsPerSecond").value(rate).name("playedSeconds").value(playedSeconds);
			j.name("edits").value(f.edits).name("undos").value(f.undos).name("redos").value(f.redos)
					.name("refusedExpected").value(f.refusedExpected);
			j.name("byKind").beginObject();
			for (Map.Entry<String, Long> e : f.byKind.entrySet()) {
				j.name(e.getKey()).value(e.getValue());
			}
			j.endObject();
			j.name("planCompiles").value(compiles).name("planSwaps").value(swaps);
			j.name("xruns").value(xruns);
			if (jackd != null) {
				j.name("jackd").beginObject().name("log").value(jackd.log().toString())
						.name("lateWakeUps").value(jackd.lateWakeUps())
						.name("notFinishedRunning").value(jackd.notFinishedRunning())
						.name("notFinishedTriggered").value(jackd.notFinishedTriggered())
						.name("syncLate").value(jackd.syncLate()).endObject();
			}
			if (stats != null) {
				j.name("callbacks").value(stats.callbacks()).name("callbackP50").value(stats.callbackP50())
						.name("callbackP99").value(stats.callbackP99()).name("callbackP999").value(stats.callbackP999())
						.name("callbackMax").value(stats.callbackMax())
						.name("audioThreadAllocatedBytes").value(stats.audioThreadAllocatedBytes())
						.name("allocationCallbacks").value(stats.allocationCallbacks())
						.name("starvedFrames").value(stats.starvedFrames()).name("failedSources").value(stats.failedSources())
						.name("gcPauses").value(stats.gcPauses()).name("gcPauseMaxMillis").value(stats.gcPauseMaxMillis());
			}
			double first = firstHeap();
			double last = lastHeap();
			j.name("heapWindowSeconds").value(windowSeconds());
			number(j.name("heapFirstMedianBytes"), first);
			number(j.name("heapLastMedianBytes"), last);
			number(j.name("heapGrowthBytes"), last - first);
			j.name("heapMaxBytes").value(heapMax());
			j.name("heapAfterGc").beginArray();
			for (double[] h : f.heapCopy()) {
				j.beginArray().value(h[0]).value((long) h[1]).endArray();
			}
			j.endArray();
			j.name("errorCount").value(f.errorCount).name("errors").beginArray();
			for (String e : f.errors) {
				j.value(e);
			}
			j.endArray();
			return j.endObject().toString();
		}
	}

	// ------------------------------------------------------------------------------------------------- --make

	/**
	 * Builds (once) a session like {@code bench realtime}'s in {@code dir}: {@code tracks} stereo tracks with a
	 * high-pass EQ each at -18 dB, spread over 8 buses with a peak EQ and a compressor each, a limiter on the master;
	 * made through the CLI's own commands in this process, as bench.sh makes its session. The stems are the demo's
	 * sixteen (synthesized, 24 s), made stereo, hard-linked four times over for 64 tracks (the files are shared; each
	 * track streams its own copy).
	 *
	 * @return the session file
	 */
	private Path make(Path dir, int tracks) throws Exception {
		Path session = dir.resolve("soak_n" + tracks + ".mixtree");
		if (Files.exists(session)) {
			return session;
		}
		Path demo = dir.resolve("demo-stems");
		Path stereo = Files.createDirectories(dir.resolve("stereo-stems"));
		Path stems = dir.resolve("stems_n" + tracks);
		err.println("mixtree: soak: making a " + tracks + "-track session in " + dir + " (once)");
		List<Path> mono = DemoMultitrack.write(demo, 48000);
		List<Path> two = new ArrayList<>();
		for (Path p : mono) {
			Path s = stereo.resolve(p.getFileName().toString());
			if (!Files.exists(s)) {
				toStereo(p, s);
			}
			two.add(s);
		}
		deleteTree(stems);
		Files.createDirectories(stems);
		for (int i = 0; i < tracks; i++) {
			Path link = stems.resolve(String.format(Locale.ROOT, "track_%03d.wav", i));
			try {
				Files.createLink(link, two.get(i % two.size()));
			} catch (IOException | UnsupportedOperationException e) {
				Files.copy(two.get(i % two.size()), link);
			}
		}
		Path tmp = dir.resolve(".build.mixtree");
		cli("new", tmp.toString(), "--stems", stems.toString(), "--group", "flat", "--force");
		for (int b = 0; b < 8; b++) {
			cli("bus", "add", tmp.toString(), "Bus " + b);
			cli("insert", "add", tmp.toString(), "bus:Bus " + b, "org.mixtree.eq", "b1.type=peak", "b1.freq=1000", "b1.gain=3",
					"b1.q=1");
			cli("insert", "add", tmp.toString(), "bus:Bus " + b, "org.mixtree.compressor", "threshold=-18", "ratio=4",
					"attack=5", "release=100");
		}
		cli("insert", "add", tmp.toString(), "master", "org.mixtree.limiter", "ceiling=-1", "release=50", "lookahead=5");
		for (int i = 0; i < tracks; i++) {
			String t = String.format(Locale.ROOT, "track:track_%03d", i);
			cli("set", tmp.toString(), t, "gain=-18", "output=bus:Bus " + i * 8 / tracks);
			cli("insert", "add", tmp.toString(), t, "org.mixtree.eq", "b1.type=highpass", "b1.freq=80", "b1.q=0.7");
		}
		Files.move(tmp, session);
		return session;
	}

	private void cli(String... args) throws CliException {
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		PrintStream sink = new PrintStream(text, true, StandardCharsets.UTF_8);
		List<String> words = List.of(args);
		try {
			Cli.execute(words, System.in, sink, sink);
		} catch (Exception e) {
			throw new CliException("soak --make: " + String.join(" ", words) + ": " + Cli.failure(e, false).message());
		}
	}

	private static void toStereo(Path mono, Path target) throws IOException {
		try (AudioFileReader r = AudioFiles.open(mono)) {
			float[][] in = new float[r.channels()][8192];
			float[][] two = new float[2][];
			try (WavWriter w = new WavWriter(target, 2, r.sampleRate(), SampleFormat.S24, 7)) {
				int n;
				while ((n = r.read(in, 0, 8192)) > 0) {
					two[0] = in[0];
					two[1] = in[in.length > 1 ? 1 : 0];
					w.write(two, 0, n);
				}
			}
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var s = Files.walk(dir)) {
			for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	// ------------------------------------------------------------------------------------------------- helpers

	private static String mb(double bytes) {
		return Double.isNaN(bytes) ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / (1024 * 1024));
	}

	private static String trim(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
	}

	private static double number(Args a, String name, double min, double max) throws CliException {
		String v = a.option(name);
		try {
			double d = Double.parseDouble(v);
			if (d >= min && d <= max) {
				return d;
			}
		} catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new CliException(name + " '" + v + "': a number from " + trim(min) + " to " + trim(max), CliException.USAGE);
	}
}
