package org.mixtree.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
import org.mixtree.model.Session;
import org.mixtree.session.SessionGraph;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The workbench's transport: plays the session through an audio device the way {@code ./mixtree play} does (JACK
 * when a server runs, else Java Sound, or the device the user named), from the transport position, and stops.
 * <p>
 * Threads: {@link #play}, {@link #stop} and {@link #toggle} are called on the UI thread (the session is read there,
 * into the engine's graph description); compiling, opening the device, starting and stopping happen on this
 * service's own worker thread, so the UI never waits for the audio thread or the disk. Listeners are called on the
 * worker: a view hands the news to the UI thread with {@code UISynchronize.asyncExec}. {@link #state()},
 * {@link #positionFrames()} and {@link #message()} may be read from any thread.
 * <p>
 * The engine is behind this one class on purpose: a live session (the engine kept in step with model edits) can
 * replace what happens inside {@code start} without the handlers and views changing.
 */
public final class Playback implements AutoCloseable {

	/** Where the transport is. */
	public enum State {
		STOPPED, STARTING, PLAYING, STOPPING
	}

	private final String device;
	private final int bufferFrames;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-transport");
		t.setDaemon(true);
		return t;
	});
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile State state = State.STOPPED;
	private volatile String message;
	private volatile Player player;
	private volatile AudioStream stream;
	private volatile int sampleRate;
	/** [worker] Where the next play starts, on the session's timeline, in frames of {@link #sampleRate}. */
	private volatile long position;

	/**
	 * @param device       {@code jack}, {@code javasound}, {@code BACKEND:NAME} or a device name; null: JACK when a
	 *                     server runs, else Java Sound
	 * @param bufferFrames the device buffer asked for
	 */
	public Playback(String device, int bufferFrames) {
		this.device = device;
		this.bufferFrames = bufferFrames;
	}

	/** [any] */
	public State state() {
		return state;
	}

	/** [any] Whether the engine is playing (the player's own flag, not the transport's intent). */
	public boolean isPlaying() {
		Player p = player;
		return state == State.PLAYING && p != null && p.playing();
	}

	/** [any] The transport position in frames at {@link #sampleRate()}: the player's while it plays. */
	public long positionFrames() {
		Player p = player;
		return p != null && state == State.PLAYING ? p.position() : position;
	}

	/**
	 * [any] The player while the transport plays (its lock-free meters, its smoothed live values), or null. Views read
	 * meters from it at display rate; take it again on each tick, since every play makes a new one.
	 */
	public Player player() {
		return player;
	}

	/** [any] The session's sample rate of the last play, 0 before the first. */
	public int sampleRate() {
		return sampleRate;
	}

	/** [any] The last problem (a device that refused or went away) or note, or null. */
	public String message() {
		return message;
	}

	/** [any] The device of the running stream, or null. */
	public String deviceName() {
		AudioStream s = stream;
		return s == null ? null : s.deviceName();
	}

	/** [any] Called on the worker thread after every change of {@link #state()} or {@link #message()}. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/** [UI] Plays when stopped, stops when playing or starting. */
	public CompletableFuture<Void> toggle(Session session, Path file) {
		return state == State.STOPPED ? play(session, file) : stop();
	}

	/**
	 * [UI] Starts playing the session from the transport position. The session is described here, on the thread
	 * that owns it; the rest happens on the worker. A device that cannot be opened leaves the transport stopped
	 * with {@link #message()} saying why; the returned future then completes exceptionally with that message.
	 */
	public CompletableFuture<Void> play(Session session, Path file) {
		if (state != State.STOPPED) {
			return CompletableFuture.completedFuture(null);
		}
		GraphDescription graph;
		try {
			graph = SessionGraph.describe(session, file);
		} catch (RuntimeException e) {
			return CompletableFuture.failedFuture(e);
		}
		set(State.STARTING, null);
		return CompletableFuture.runAsync(() -> start(graph), worker);
	}

	/** [UI] Stops (a short fade-out), keeping the position for the next play. */
	public CompletableFuture<Void> stop() {
		if (state == State.STOPPED) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.runAsync(this::halt, worker);
	}

	/** [UI] Stops, then puts the transport at the start (a session opened in place of another). */
	public CompletableFuture<Void> rewind() {
		return stop().thenRunAsync(() -> {
			position = 0;
			set(State.STOPPED, null);
		}, worker);
	}

	/** [worker] */
	private void start(GraphDescription graph) {
		try {
			Plan plan = Engine.compile(graph);
			int rate = plan.sampleRate();
			if (rate != sampleRate && sampleRate != 0) {
				position = Math.round((double) position * rate / sampleRate);
			}
			sampleRate = rate;
			AudioStream s = open(device, rate, bufferFrames);
			Player p;
			try {
				p = new Player(plan, s.sampleRate(), s.bufferFrames(), PlayerOptions.defaults());
			} catch (RuntimeException e) {
				s.close();
				throw e;
			}
			AudioCallback inner = p.callback();
			AudioCallback callback = new AudioCallback() {
				@Override
				public void process(float[][] buffers, int frames) {
					inner.process(buffers, frames);
				}

				@Override
				public void stopped(String reason) {
					inner.stopped(reason);
					// [audio or device thread] the device went away: clean up on the worker, never here
					worker.execute(() -> {
						if (player == p) {
							message = reason;
							halt();
						}
					});
				}
			};
			player = p;
			stream = s;
			p.locate(position);
			s.start(callback);
			// the locate is applied by the first callbacks; the read-ahead fills before the fade-in
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
			while (p.stats().callbacks() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			p.awaitPrefetch(rate / 2, 2000);
			p.play();
			List<String> warnings = plan.warnings();
			set(State.PLAYING, warnings.isEmpty() ? null : warnings.get(0));
		} catch (Exception e) {
			closeQuietly();
			set(State.STOPPED, e.getMessage() == null ? e.toString() : e.getMessage());
			throw new CompletionException(e);
		}
	}

	/** [worker] Stops and closes the player and the stream, keeping the position. */
	private void halt() {
		Player p = player;
		if (p == null) {
			set(State.STOPPED, message);
			return;
		}
		set(State.STOPPING, message);
		try {
			p.stop();
			Thread.sleep(30); // the fade-out is a few ms of callbacks
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		position = p.position();
		closeQuietly();
		set(State.STOPPED, message);
	}

	private void closeQuietly() {
		AudioStream s = stream;
		Player p = player;
		stream = null;
		player = null;
		if (s != null) {
			try {
				s.stop();
			} catch (Exception e) {
				// closing anyway
			}
			try {
				s.close();
			} catch (Exception e) {
				// nothing more to do
			}
		}
		if (p != null) {
			p.close();
		}
	}

	private void set(State s, String m) {
		state = s;
		message = m;
		for (Runnable r : listeners) {
			r.run();
		}
	}

	/** [any] Stops playing and ends the worker; waits up to two seconds (called as the workbench ends). */
	@Override
	public void close() {
		try {
			worker.submit(this::halt).get(2, TimeUnit.SECONDS);
		} catch (Exception e) {
			// the workbench is ending: a device that hangs is left to the process exit
		}
		worker.shutdownNow();
	}

	/** [worker] Opens the device the user named (as {@code play --device}): a back end's id, BACKEND:NAME or a name. */
	private static AudioStream open(String device, int rate, int buffer) throws AudioDeviceException {
		List<AudioBackend> backends = backends();
		if (backends.isEmpty()) {
			throw new AudioDeviceException("no audio back end is installed (bundles org.mixtree.engine.device.*)");
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
			throw new AudioDeviceException("no audio device is available: " + String.join("; ", reasons));
		}
		for (AudioBackend b : backends) {
			if (b.id().equals(device)) {
				return b.open(null, rate, buffer, 2);
			}
		}
		for (AudioBackend b : backends) {
			String name = device.startsWith(b.id() + ":") ? device.substring(b.id().length() + 1) : null;
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
		}
		throw new AudioDeviceException("--device '" + device + "': no such back end or device (./mixtree devices lists them)");
	}

	/**
	 * The back ends registered in the running framework, JACK first (the low-latency path). Back-end bundles are
	 * lazily activated: a resolved one is started by its activation policy so declarative services registers it.
	 */
	public static List<AudioBackend> backends() {
		Bundle self = FrameworkUtil.getBundle(Playback.class);
		BundleContext context = self == null ? null : self.getBundleContext();
		List<AudioBackend> list = new ArrayList<>();
		if (context == null) {
			return list;
		}
		for (Bundle b : context.getBundles()) {
			if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.mixtree.engine.device.")
					&& b.getState() == Bundle.RESOLVED && b.getHeaders().get("Fragment-Host") == null) {
				try {
					b.start(Bundle.START_ACTIVATION_POLICY | Bundle.START_TRANSIENT);
				} catch (Exception e) {
					// a back end that cannot start is simply not listed
				}
			}
		}
		try {
			for (ServiceReference<AudioBackend> r : context.getServiceReferences(AudioBackend.class, null)) {
				AudioBackend b = context.getService(r);
				if (b != null) {
					list.add(b);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		list.sort(Comparator.comparing((AudioBackend b) -> b.id().equals("jack") ? 0 : 1).thenComparing(AudioBackend::id));
		return list;
	}
}
