package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mixtree.audio.io.AudioFiles;
import org.mixtree.effects.api.ValueText;
import org.mixtree.dsp.Decibels;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.DeviceInfo;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.SessionGraph;

/**
 * {@code play}: the session through an audio device in real time, then one line of health figures (xruns,
 * callback time as a share of the buffer period, allocation on the audio thread after warm-up, GC pauses).
 * <p>
 * Threads: the command runs on [main], which opens the device, starts the {@link Player} and polls every 50 ms
 * (the stream's xruns into the player, the end, a device that stopped, Ctrl-C). The device calls the player on its
 * own audio thread. Ctrl-C runs a shutdown hook that asks [main] to stop and waits for it to print the summary.
 */
final class PlayCli {

	static final String USAGE = "play SESSION [--device jack|javasound|NAME] [--buffer FRAMES] [--from SECONDS] "
			+ "[--seconds S] [--loop A:B]";

	/** Played after the last source ends when no length is given, so effect tails ring out. */
	private static final double TAIL_SECONDS = 0.5;

	private final PrintStream out;
	private final PrintStream err;

	PlayCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void play(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		a.expectAtMost(1, USAGE);
		int buffer = a.option("--buffer") == null ? 256 : intOption(a, "--buffer", 16, 8192);
		double from = a.option("--from") == null ? 0 : doubleOption(a, "--from", 0, 1e7);
		double seconds = a.option("--seconds") == null ? -1 : doubleOption(a, "--seconds", 0.01, 1e7);
		double[] loop = a.option("--loop") == null ? null : loop(a.option("--loop"));

		Session session = SessionStore.load(file);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(file + ": " + problems.get(0).message());
		}
		GraphDescription graph = SessionGraph.describe(session, file);
		Plan plan = Engine.compile(graph);
		for (String w : plan.warnings()) {
			err.println("mixtree: warning: " + w);
		}
		for (String n : plan.notes()) {
			err.println("mixtree: note: " + n);
		}
		int rate = plan.sampleRate();
		long endFrame = seconds < 0 && loop == null ? sessionFrames(graph) + Math.round(TAIL_SECONDS * rate) : -1;

		long opening = System.nanoTime();
		AudioStream stream = open(a.option("--device"), rate, buffer);
		Outcome outcome = new Outcome();
		outcome.opening = opening;
		if (session.getMixStage() == MixStage.STATIC) {
			outcome.overLevel = (float) Decibels.toGain(session.getHeadroomDb());
		}
		try (Player player = new Player(plan, stream.sampleRate(), stream.bufferFrames(), PlayerOptions.defaults())) {
			outcome.built = System.nanoTime();
			run(outcome, player, stream, rate, from, seconds, loop, endFrame);
			out.println(summary(outcome, stream, outcome.stats, player.warmUpCallbacks()));
			if (System.getenv("MIXTREE_STATS") != null) {
				err.println(firstSound(outcome));
			}
		} finally {
			stream.close();
		}
		if (outcome.firstOver >= 0) {
			out.flush();
			err.println("mixtree: warning: " + RenderCli.headroomWarning(Decibels.fromGain(outcome.peak),
					session.getHeadroomDb(), outcome.firstOver / (double) rate));
		}
		out.flush();
		if (outcome.deviceFailure != null) {
			throw new CliException(outcome.deviceFailure);
		}
	}

	/** What ended playback. */
	private static final class Outcome {
		volatile String deviceFailure;
		double playedSeconds;
		/** Taken before the device stops: its audio thread may end with it (JACK), and its counters with it. */
		PlayerStats stats;
		/** The headroom target as a linear level, or NaN: the master is not watched (not the STATIC stage). */
		float overLevel = Float.NaN;
		/** [audio] The loudest sample played and the timeline frame of the first one over {@link #overLevel}. */
		volatile float peak;
		volatile long firstOver = -1;
		/** The start-up probe ({@code MIXTREE_STATS}): System.nanoTime() when the device was opened, the player
		 * built (its rehearsal done), the device started, and [audio] the first block with a non-zero sample
		 * handed to the device (0: none yet). */
		long opening;
		long built;
		long deviceStarted;
		volatile long firstSound;
	}

	/**
	 * @return the start-up probe's line: when the first sound reached the device, counted from the start of the
	 *         process (the JVM's, as the launcher execs it), and where the time went before it
	 */
	private static String firstSound(Outcome o) {
		long now = System.nanoTime();
		double sinceStart = ProcessHandle.current().info().startInstant()
				.map(i -> (System.currentTimeMillis() - i.toEpochMilli()) / 1e3).orElse(Double.NaN);
		if (o.firstSound == 0) {
			return "stats: first sound: none was played";
		}
		double at = sinceStart - (now - o.firstSound) / 1e9;
		double opened = sinceStart - (now - o.opening) / 1e9;
		return String.format(Locale.ROOT,
				"stats: first sound %.3f s after the process started: command and session load %.3f s, device open"
						+ " and player built (rehearsal included) %.3f s, device start and prefetch %.3f s, fade-in"
						+ " to the first non-zero sample %.3f s",
				at, opened, (o.built - o.opening) / 1e9, (o.deviceStarted - o.built) / 1e9,
				(o.firstSound - o.deviceStarted) / 1e9);
	}

	private Outcome run(Outcome outcome, Player player, AudioStream stream, int rate, double from, double seconds,
			double[] loop, long endFrame) throws AudioDeviceException, InterruptedException {
		CountDownLatch deviceStopped = new CountDownLatch(1);
		AudioCallback playerCallback = player.callback();
		AudioCallback callback = new AudioCallback() {
			@Override
			public void process(float[][] buffers, int frames) {
				long at = player.position();
				playerCallback.process(buffers, frames);
				if (outcome.firstSound == 0) {
					// the start-up probe: one scan per block until the first sound, nothing after
					for (float[] ch : buffers) {
						for (int i = 0; i < frames; i++) {
							if (ch[i] != 0f) {
								outcome.firstSound = System.nanoTime();
								break;
							}
						}
					}
				}
				if (!Float.isNaN(outcome.overLevel)) {
					watch(outcome, buffers, frames, at, rate, stream.sampleRate());
				}
			}

			@Override
			public void stopped(String reason) {
				outcome.deviceFailure = reason;
				playerCallback.stopped(reason);
				deviceStopped.countDown();
			}
		};
		if (loop != null) {
			player.setLoop(Math.round(loop[0] * rate), Math.round(loop[1] * rate));
		}
		player.locate(Math.round(from * rate));
		CountDownLatch interrupted = new CountDownLatch(1);
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			interrupted.countDown();
			try {
				finished.await(3, TimeUnit.SECONDS); // let [main] stop the device and print the summary
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "mixtree-play-ctrl-c");
		Runtime.getRuntime().addShutdownHook(hook);
		long started = System.nanoTime();
		try {
			stream.start(callback);
			// the locate is applied by the first callback; then the rings fill from there before the fade-in
			long deadline = System.nanoTime() + 2_000_000_000L;
			while (player.stats().callbacks() < 2 && deviceStopped.getCount() != 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			player.awaitPrefetch(rate / 2, 2000);
			started = System.nanoTime();
			outcome.deviceStarted = started;
			// xruns while playing: connecting the ports may cost the server one before
			long seenXruns = stream.xruns();
			player.play();
			while (true) {
				if (deviceStopped.await(50, TimeUnit.MILLISECONDS) || interrupted.getCount() == 0) {
					break;
				}
				long x = stream.xruns();
				if (x > seenXruns) {
					player.noteXrun(x - seenXruns);
					seenXruns = x;
				}
				double elapsed = (System.nanoTime() - started) / 1e9;
				if (seconds > 0 && elapsed >= seconds || endFrame >= 0 && player.position() >= endFrame) {
					break;
				}
			}
			if (outcome.deviceFailure == null) {
				player.stop();
				Thread.sleep(30); // the fade-out is a few ms of callbacks
				long x = stream.xruns();
				if (x > seenXruns) {
					player.noteXrun(x - seenXruns);
				}
			}
			outcome.stats = player.stats();
			stream.stop();
			outcome.playedSeconds = (System.nanoTime() - started) / 1e9;
			return outcome;
		} finally {
			finished.countDown();
			if (interrupted.getCount() != 0) {
				try {
					Runtime.getRuntime().removeShutdownHook(hook);
				} catch (IllegalStateException e) {
					// shutting down already
				}
			}
		}
	}

	/**
	 * [audio] The static mix's headroom watch: the peak and the first sample over the target, compares only (no
	 * allocation, no lock); the frame is on the session's timeline ({@code at}: where this callback's output starts).
	 */
	private static void watch(Outcome outcome, float[][] buffers, int frames, long at, int rate, int deviceRate) {
		float peak = outcome.peak;
		long first = outcome.firstOver;
		for (float[] channel : buffers) {
			for (int i = 0; i < frames; i++) {
				float v = Math.abs(channel[i]);
				if (v > peak) {
					peak = v;
				}
				if (first < 0 && v > outcome.overLevel) {
					first = at + (long) i * rate / deviceRate;
				}
			}
		}
		outcome.peak = peak;
		outcome.firstOver = first;
	}

	/** Opens the device the user named: a back end's id (its default device), else a device name of any back end. */
	private static AudioStream open(String device, int rate, int buffer) throws Exception {
		List<AudioBackend> backends = DevicesCli.backends();
		if (backends.isEmpty()) {
			throw new CliException("no audio back end is installed (bundles org.mixtree.engine.device.*)");
		}
		List<String> reasons = new ArrayList<>();
		if (device == null) {
			for (AudioBackend b : backends) {
				try {
					return b.open(null, rate, buffer, 2);
				} catch (AudioDeviceException e) {
					reasons.add(e.getMessage());
				}
			}
			throw new CliException("no audio device is available: " + String.join("; ", reasons));
		}
		for (AudioBackend b : backends) {
			if (b.id().equals(device)) {
				try {
					return b.open(null, rate, buffer, 2);
				} catch (AudioDeviceException e) {
					throw new CliException(e.getMessage());
				}
			}
		}
		// BACKEND:NAME, or a device name any back end lists
		for (AudioBackend b : backends) {
			String name = device.startsWith(b.id() + ":") ? device.substring(b.id().length() + 1) : null;
			try {
				if (name == null) {
					for (DeviceInfo d : b.devices()) {
						if (d.name().equals(device)) {
							name = device;
						}
					}
				}
				if (name != null) {
					return b.open(name, rate, buffer, 2);
				}
			} catch (AudioDeviceException e) {
				if (name != null) {
					throw new CliException(e.getMessage());
				}
			}
		}
		throw new CliException("--device '" + device + "': no such back end or device (./mixtree devices lists them)");
	}

	/** The end of the longest source on the timeline, at the plan's rate. */
	static long sessionFrames(GraphDescription graph) throws java.io.IOException {
		long end = 0;
		for (GraphDescription.Channel c : graph.channels()) {
			if (c.source() != null && c.source().isOffline()) {
				end = Math.max(end, c.source().offsetFrames() + c.source().offlineFrames());
			} else if (c.source() != null) {
				var info = AudioFiles.info(c.source().file());
				long frames = Math.round((double) info.frames() * graph.sampleRate() / info.sampleRate());
				end = Math.max(end, c.source().offsetFrames() + frames);
			}
		}
		return end;
	}

	String summary(Outcome o, AudioStream stream, PlayerStats s, int warmUp) {
		double periodMs = 1000.0 * stream.bufferFrames() / stream.sampleRate();
		return String.format(Locale.ROOT,
				"played %s on %s (%d Hz, %d frames = %.2f ms): %d xruns, callback p50 %.0f%% p99 %.0f%% p99.9 %.0f%% "
						+ "max %.0f%% of the period, %s, %d GC pauses (max %.1f ms)",
				RenderCli.duration(o.playedSeconds), stream.deviceName(), stream.sampleRate(), stream.bufferFrames(),
				periodMs, s.xruns(), s.callbackP50(), s.callbackP99(), s.callbackP999(), s.callbackMax(),
				allocation(s, warmUp),
				s.gcPauses(), s.gcPauseMaxMillis());
	}

	/** The audio thread's allocation and the callbacks it covers, or why it was not measured. */
	static String allocation(PlayerStats s, int warmUp) {
		if (s.audioThreadAllocatedBytes() < 0) {
			return "allocation not measured (the run ended within the warm-up of " + warmUp + " callbacks)";
		}
		return s.audioThreadAllocatedBytes() + " bytes allocated on the audio thread in " + s.allocationCallbacks()
				+ " callbacks after the warm-up of " + warmUp;
	}

	private static int intOption(Args a, String name, int min, int max) throws CliException {
		String v = a.option(name);
		try {
			int n = Integer.parseInt(v);
			if (n >= min && n <= max) {
				return n;
			}
		} catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new CliException(name + " '" + v + "': a whole number from " + min + " to " + max);
	}

	private static double doubleOption(Args a, String name, double min, double max) throws CliException {
		String v = a.option(name);
		try {
			double d = ValueText.parse(v, "s");
			if (d >= min && d <= max) {
				return d;
			}
		} catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new CliException(name + " '" + v + "': seconds from " + min + " to " + max);
	}

	private static double[] loop(String v) throws CliException {
		int colon = v.indexOf(':');
		try {
			if (colon > 0) {
				double s = ValueText.parse(v.substring(0, colon), "s");
				double e = ValueText.parse(v.substring(colon + 1), "s");
				if (s >= 0 && e > s) {
					return new double[] { s, e };
				}
			}
		} catch (NumberFormatException e) {
			// falls through to the message
		}
		throw new CliException("--loop '" + v + "': START:END in seconds, END after START (e.g. 10:20 or 10s:20.5s)");
	}
}
