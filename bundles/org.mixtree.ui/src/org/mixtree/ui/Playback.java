package org.mixtree.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.session.LiveSession;

/**
 * The workbench's transport on the live session: the open session plays through a {@link LiveSession}, which keeps
 * the playing engine in step with every command on the session's command stack (faders and pans through the
 * engine's parameter path, structural changes as one click-free swap per command). One live session per opened
 * session: it opens at the first play (JACK when a server runs, else Java Sound, or the device the user chose: see
 * {@link DeviceChoice}) and stays open while stopped, so a play after an edit starts at once; it is closed when
 * another session replaces this one ({@link #rewind}), when the device preferences change ({@link #deviceChanged})
 * and after it failed (the next play opens a new one). A device that goes away while playing (a JACK server that
 * stops or is killed) is not a failure: the live session reopens it by itself when it is back and plays on from where
 * it was; {@link #message()} says that it went away, then that it reconnected (one line each).
 * <p>
 * Live values: views read meters with {@link #readMeter} at display rate and send a gesture's values while it is
 * under way with {@link #previewGain} / {@link #previewPan} (a fader drag; the command at the gesture's end puts the
 * value into the model and the undo history).
 * <p>
 * Threads: [UI] is the thread that owns the session model (the workbench's UI thread): it never waits for the audio
 * thread, a device or a file here; the live session does its work on its own thread and this transport waits for it
 * on its own worker ({@code mixtree-transport}). Listeners are called on the worker: a view hands the news to the UI
 * thread with {@code UISynchronize.asyncExec}. [any] methods may be called from any thread.
 */
public final class Playback implements AutoCloseable {

	/** Where the transport is. */
	public enum State {
		STOPPED, STARTING, PLAYING, STOPPING
	}

	/**
	 * The device a live session opens.
	 *
	 * @param device       {@code jack}, {@code javasound}, {@code BACKEND:NAME} or a device name; null (or
	 *                     {@code auto}): JACK when a server runs, else Java Sound
	 * @param bufferFrames the device buffer asked for
	 */
	public record DeviceChoice(String device, int bufferFrames) {
		public DeviceChoice {
			if (device != null && (device.isBlank() || device.equals(AudioPreferences.AUTO))) {
				device = null;
			}
		}
	}

	private final Supplier<DeviceChoice> choice;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-transport");
		t.setDaemon(true);
		return t;
	});
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile State state = State.STOPPED;
	private volatile String message;
	/** The live session of the open session, or null before the first play; written on [UI]. */
	private volatile LiveSession live;
	/** [UI] The session {@link #live} plays. */
	private Session liveModel;
	/** [UI] The device preferences changed since {@link #live} opened. */
	private boolean stale;
	private volatile int sampleRate;
	/** Where the next live session starts, on the session's timeline in frames of {@link #sampleRate}. */
	private volatile long position;
	/** The selected range in timeline frames, -1 when there is none, and whether it loops; [UI] writes them. */
	private volatile long rangeStart = -1;
	private volatile long rangeEnd = -1;
	private volatile boolean looping;

	/**
	 * A transport on a fixed device.
	 *
	 * @param device       {@code jack}, {@code javasound}, {@code BACKEND:NAME} or a device name; null: JACK when a
	 *                     server runs, else Java Sound
	 * @param bufferFrames the device buffer asked for
	 */
	public Playback(String device, int bufferFrames) {
		this(() -> new DeviceChoice(device, bufferFrames));
	}

	/** A transport that asks {@code choice} (the preferences, a command line's override) each time it opens a device. */
	public Playback(Supplier<DeviceChoice> choice) {
		this.choice = choice;
	}

	/** [any] The device the next live session opens. */
	public DeviceChoice deviceChoice() {
		return choice.get();
	}

	/** [any] */
	public State state() {
		return state;
	}

	/** [any] Whether the engine is playing (the player's own flag, not the transport's intent). */
	public boolean isPlaying() {
		LiveSession l = live;
		return state == State.PLAYING && l != null && l.isPlaying();
	}

	/** [any] The transport position in frames at {@link #sampleRate()}: the player's once a live session runs. */
	public long positionFrames() {
		LiveSession l = live;
		return l != null && l.stats() != null ? l.position() : position;
	}

	/** [any] The session's sample rate of the last play, 0 before the first. */
	public int sampleRate() {
		return sampleRate;
	}

	/** [any] The last problem (a device that refused or went away, a change that cannot be played) or note, or null. */
	public String message() {
		return message;
	}

	/** [any] The running device ({@code 48000 Hz, 256 frames, JACK}), or null. */
	public String deviceName() {
		LiveSession l = live;
		return l == null || l.failed() ? null : l.device();
	}

	/** [any] The device's xruns since the live session opened it (0 before). */
	public long xruns() {
		LiveSession l = live;
		return l == null ? 0 : l.xruns();
	}

	/**
	 * [any] The live session playing the open session (its meters, plan, swap and compile counts), or null before the
	 * first play and after the session changed. Take it again when needed: a device change makes a new one.
	 */
	public LiveSession live() {
		return live;
	}

	/**
	 * [any] Copies the latest meter readings of the channel with engine id {@code channelId}
	 * ({@code Channel.getAddress()}: {@code track/Kick}, {@code bus/Drums}, {@code master}) into
	 * {@code into[0 .. MeterSnapshot.FIELDS)}, never waiting for the audio thread and without allocating: what a
	 * console's display timer calls for each visible strip ({@link LiveSession#readMeter(String, double[])}).
	 *
	 * @return the publication's sequence number, or -1 ({@code into} untouched) when nothing plays that channel
	 */
	public long readMeter(String channelId, double[] into) {
		LiveSession l = live;
		return l == null ? -1 : l.readMeter(channelId, into);
	}

	/**
	 * [UI] A fader value heard at once while a gesture is under way (a fader drag), smoothed, without a command; the
	 * command at the gesture's end ({@code SessionCommands.setGain}) puts it into the model and the undo history. Does
	 * nothing when nothing plays or the channel is not in the playing session.
	 *
	 * @param channelId the channel's engine id ({@code Channel.getAddress()})
	 */
	public void previewGain(String channelId, double gainDb) {
		Channel c = channel(channelId);
		if (c != null) {
			live.previewGain(c, gainDb);
		}
	}

	/** [UI] A pan value while a gesture is under way, as {@link #previewGain}. */
	public void previewPan(String channelId, double pan) {
		Channel c = channel(channelId);
		if (c != null) {
			live.previewPan(c, pan);
		}
	}

	/** [UI] The channel of the playing session with that engine id, or null. */
	private Channel channel(String id) {
		Session s = liveModel;
		if (live == null || s == null || id == null) {
			return null;
		}
		if (s.getMaster() != null && id.equals(s.getMaster().getAddress())) {
			return s.getMaster();
		}
		for (Track t : s.getTracks()) {
			if (id.equals(t.getAddress())) {
				return t;
			}
		}
		for (Bus b : s.getBuses()) {
			if (id.equals(b.getAddress())) {
				return b;
			}
		}
		return null;
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
	 * [UI] Plays the session from the transport position, opening its live session first when there is none (or the
	 * open one cannot play any more). Returns at once; the returned future completes on the worker when the engine
	 * plays, or when it could not: then the transport is stopped and {@link #message()} says why.
	 *
	 * @param session a session loaded into an EMF.Edit editing domain (its command stack is the one listened to)
	 * @param file    the file it was loaded from
	 */
	public CompletableFuture<Void> play(Session session, Path file) {
		if (state != State.STOPPED) {
			return CompletableFuture.completedFuture(null);
		}
		LiveSession l = liveFor(session, file);
		set(State.STARTING, null);
		l.play();
		return CompletableFuture.runAsync(() -> started(l), worker);
	}

	/** [UI] Stops (a short fade-out), keeping the position for the next play. */
	public CompletableFuture<Void> stop() {
		LiveSession l = live;
		if (state == State.STOPPED || l == null) {
			return CompletableFuture.completedFuture(null);
		}
		l.stop();
		set(State.STOPPING, message);
		return CompletableFuture.runAsync(() -> {
			await(l, 3_000);
			try {
				Thread.sleep(30); // the fade-out is a few ms of callbacks
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			position = l.position();
			set(State.STOPPED, message);
		}, worker);
	}

	/**
	 * [UI] Moves the transport to {@code frame} (timeline frames at the session's rate): a playing session goes on
	 * from there (the live session fades out and in), a stopped one starts there at the next play.
	 */
	public void locate(long frame) {
		long f = Math.max(0, frame);
		position = f;
		LiveSession l = live;
		if (l != null && !l.failed()) {
			l.locate(f);
		}
		for (Runnable r : listeners) {
			r.run();
		}
	}

	/**
	 * [UI] The range selected on the time line, {@code [startFrame, endFrame)} in timeline frames; an empty one
	 * ({@code endFrame <= startFrame}) clears it and ends the loop. While {@link #looping()} the new range loops at
	 * once. Kept for the live sessions opened later.
	 */
	public void setRange(long startFrame, long endFrame) {
		boolean on = startFrame >= 0 && endFrame > startFrame;
		rangeStart = on ? startFrame : -1;
		rangeEnd = on ? endFrame : -1;
		if (!on) {
			looping = false;
		}
		applyLoop();
	}

	/** [any] The selected range as {@code {start, end}} frames, or null when there is none. */
	public long[] range() {
		long a = rangeStart;
		long b = rangeEnd;
		return a >= 0 && b > a ? new long[] { a, b } : null;
	}

	/** [UI] Loops the selected range while playing (or plays on past it); no range, no loop. */
	public void setLooping(boolean on) {
		looping = on && range() != null;
		applyLoop();
	}

	/** [any] Whether the transport loops the selected range. */
	public boolean looping() {
		return looping;
	}

	/** [UI] Hands the loop to the live session. */
	private void applyLoop() {
		LiveSession l = live;
		long[] r = range();
		if (l != null && !l.failed()) {
			if (looping && r != null) {
				l.setLoop(r[0], r[1]);
			} else {
				l.clearLoop();
			}
		}
		for (Runnable x : listeners) {
			x.run();
		}
	}

	/**
	 * [UI] The session is being replaced by another: its live session closes (the device stops on the live session's
	 * own thread) and the transport goes back to the start.
	 */
	public CompletableFuture<Void> rewind() {
		closeLive();
		position = 0;
		rangeStart = -1;
		rangeEnd = -1;
		looping = false;
		return CompletableFuture.runAsync(() -> set(State.STOPPED, null), worker);
	}

	/**
	 * [UI] The device preferences changed: the next play opens the device they name. A stopped live session closes now;
	 * a playing one plays on until it is stopped.
	 */
	public void deviceChanged() {
		stale = true;
		if (state == State.STOPPED && live != null) {
			position = positionFrames();
			closeLive();
		}
	}

	/** [UI] The live session for {@code session}: the open one while it can play, else a new one. */
	private LiveSession liveFor(Session session, Path file) {
		LiveSession l = live;
		if (l != null && (liveModel != session || l.failed() || stale)) {
			if (liveModel == session) {
				position = l.stats() != null ? l.position() : position;
			} else {
				position = 0;
			}
			closeLive();
			l = null;
		}
		if (l == null) {
			EditingDomain domain = AdapterFactoryEditingDomain.getEditingDomainFor(session);
			if (domain == null) {
				throw new IllegalArgumentException("the session " + session.getName() + " has no editing domain");
			}
			DeviceChoice c = choice.get();
			LiveSession opened = LiveSession.open(session, file, domain, backends(), c.device(), c.bufferFrames());
			opened.onProblem(m -> worker.execute(() -> problem(opened, m)));
			if (position > 0) {
				opened.locate(position);
			}
			long[] r = range();
			if (looping && r != null) {
				opened.setLoop(r[0], r[1]);
			}
			live = opened;
			liveModel = session;
			stale = false;
			sampleRate = session.getSampleRate();
			l = opened;
		}
		return l;
	}

	/** [UI] */
	private void closeLive() {
		LiveSession l = live;
		live = null;
		liveModel = null;
		if (l != null) {
			l.closeLater();
		}
	}

	/** [worker] After a play was asked: the transport plays once the live session does, or stops with the reason. */
	private void started(LiveSession l) {
		boolean idle = await(l, 30_000);
		// the player's play command reaches the audio thread at its next callback
		long deadline = System.nanoTime() + 3_000_000_000L;
		while (idle && !l.isPlaying() && !l.failed() && live == l && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (live != l || state != State.STARTING || l.failed()) {
			return; // stopped or replaced meanwhile, or failed: problem() says why, once
		}
		if (idle && l.isPlaying()) {
			Plan plan = l.plan();
			List<String> warnings = plan == null ? List.of() : plan.warnings();
			set(State.PLAYING, warnings.isEmpty() ? null : warnings.get(0));
		} else {
			set(State.STOPPED, message != null ? message : "the audio device did not start playing");
		}
	}

	/**
	 * [worker] What the live session could not play, or a device that went away and came back: said once each; a
	 * session that failed stops the transport (one whose device went away keeps it: it reconnects).
	 */
	private void problem(LiveSession l, String what) {
		if (live != l) {
			return; // a closed session's last words
		}
		if (l.failed()) {
			if (l.stats() != null) {
				position = l.position();
			}
			set(State.STOPPED, what);
		} else {
			set(state, what);
		}
	}

	/** [worker] Waits for the live session's thread to have done what was asked of it. */
	private static boolean await(LiveSession l, long millis) {
		try {
			return l.awaitIdle(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		} catch (java.util.concurrent.RejectedExecutionException e) {
			return false; // closed meanwhile
		}
	}

	private void set(State s, String m) {
		state = s;
		message = m;
		for (Runnable r : listeners) {
			r.run();
		}
	}

	/** [UI] Stops playing and closes the live session (waits up to 3 s for its device: called as the workbench ends). */
	@Override
	public void close() {
		LiveSession l = live;
		live = null;
		if (l != null) {
			l.close();
		}
		worker.shutdownNow();
	}

	/**
	 * [any] The back ends registered in the running framework, JACK first (the low-latency path). Back-end bundles are
	 * lazily activated: a resolved one is started by its activation policy so declarative services registers it.
	 */
	public static List<AudioBackend> backends() {
		return org.mixtree.session.AudioBackends.installed();
	}
}
