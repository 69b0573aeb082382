package org.mixtree.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioDevices;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.meter.MeterBank;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.engine.realtime.Tap;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;

/**
 * A session playing: keeps a {@link Player} on an audio device in step with the session model while the model is
 * edited through its editing domain. The engine never sees EMF; this class reads the model for it.
 * <p>
 * <b>How changes reach the engine.</b> An {@link EContentAdapter} on the session collects the model's notifications
 * as a command runs; when the command stack reports the command done (executed, undone or redone:
 * {@link CommandStackListener}), what it changed is sent on, once per command:
 * <ul>
 * <li>fader, pan, send level and effect parameter changes, and nothing else: through the engine's parameter queue
 * ({@link Player#setGain}, {@link Player#setPan}, {@link Player#setSendLevel}, {@link Player#setParameter}),
 * smoothed on the audio thread; no plan is compiled;</li>
 * <li>anything else that changes what is heard (routing, mute, solo, solo-safe, polarity, clip gain and offset,
 * inserts added, removed, moved, bypassed or re-keyed, files and states, sends added or removed or re-targeted,
 * tracks and buses added, removed or renamed, stage, focus, pan law): the model is described
 * ({@link SessionGraph#describe}) on the thread that ran the command, and the description is compiled into a new
 * plan on this session's own thread and swapped in with the player's click-free swap ({@link Player#swap}). A
 * command that changes several things (a compound command, a snapshot recall) is one description, one compile and
 * one swap, its fader and pan values included.</li>
 * </ul>
 * Snapshots stored in the session, its name and its headroom target change nothing the engine plays and are
 * ignored. A compile that fails (which the commands' own checks should make impossible) leaves the previous plan
 * playing and is reported to {@link #onProblem}.
 * <p>
 * <b>Threads.</b> [model] is the thread that owns the session model and runs its commands (the UI thread in the
 * workbench); it never waits for the audio thread, a compile or a device. [any] is any thread. The session's own
 * thread ({@code mixtree-live-session}) compiles, opens and closes the device and drives the player's transport: it
 * is the player's only control thread. The audio thread is the device's; it never waits for any of them (it reads
 * the player's lock-free queues and swaps plans at block boundaries).
 */
public final class LiveSession implements AutoCloseable {

	/** Opens the output a session plays through, at the rate asked for (the device may choose another). */
	@FunctionalInterface
	public interface DeviceOpener {
		/**
		 * [the session's thread] @return the opened stream
		 *
		 * @throws AudioDeviceException naming the device and why, in one line
		 */
		AudioStream open(int sampleRate) throws AudioDeviceException;
	}

	private static final MixtreePackage P = MixtreePackage.eINSTANCE;

	private final Session session;
	private final Path sessionFile;
	private final EditingDomain domain;
	private final EffectRegistry effects;
	private final ScheduledExecutorService thread;
	private final EContentAdapter adapter;
	private final CommandStackListener stackListener;

	// [model] what the running command changed
	private boolean structural;
	private final Set<Object> dirty = new LinkedHashSet<>();
	private boolean closedModel;

	// [session thread] the player and what it plays; read by [any] through the volatile fields
	private volatile AudioStream stream;
	private volatile Player player;
	private volatile Plan plan;
	/** The problem handler, or null: then problems wait in {@link #early} for one. Guarded by {@code this}. */
	private Consumer<String> problems;
	private final List<String> early = new ArrayList<>();
	private volatile long compiles;
	/**
	 * The fader, pan, send level and effect parameter values posted to the player since {@link #plan} was compiled,
	 * by {@link #gainKey} and its kin: what the engine plays over the plan's own values ({@link #playing}). Written
	 * on the session thread, read by [any].
	 */
	private final Map<String, Double> posted = new ConcurrentHashMap<>();
	/** Set when the device could not be opened (or reopened as it was): this session plays nothing any more. */
	private volatile boolean failed;
	/** [session thread] Opens the device again after it went away. */
	private DeviceOpener opener;
	/** Set while the device is gone and the session's thread tries to open it again. */
	private volatile boolean reconnecting;
	/** Times the device was opened again after it went away. */
	private volatile int reconnects;
	/** [session thread] The faults already reported ({@link #watchFaults}), so each is said once. */
	private final Set<String> reported = new java.util.HashSet<>();

	private LiveSession(Session session, Path sessionFile, EditingDomain domain, EffectRegistry effects) {
		this.session = session;
		this.sessionFile = sessionFile;
		this.domain = domain;
		this.effects = effects;
		java.util.concurrent.ScheduledThreadPoolExecutor own = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
				r -> {
					Thread t = new Thread(r, "mixtree-live-session");
					t.setDaemon(true);
					return t;
				});
		// closing drops a reconnection still waiting for its turn (and the fault poll) instead of waiting for it
		own.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.thread = own;
		this.adapter = new EContentAdapter() {
			@Override
			public void notifyChanged(Notification n) {
				super.notifyChanged(n);
				collect(n);
			}
		};
		this.stackListener = this::commandDone;
	}

	/**
	 * [model] Opens a live session on {@code session}: describes it here, then on the session's thread compiles
	 * it, opens the device, makes the player (with a rehearsal of the mix, about a second of CPU: see
	 * {@link PlayerOptions#warmUpBlocks()}) and starts the device, stopped at the session's start. Returns at once;
	 * {@link #play()} and edits made meanwhile are applied in order once it is ready ({@link #awaitIdle}). A device
	 * that cannot be opened or a session that does not compile is reported to the {@link #onProblem} handler (set it
	 * right after opening; a problem met earlier is kept and given to it) and the session then plays nothing.
	 *
	 * @param sessionFile the file the session was loaded from (sources and insert files are relative to it)
	 * @param domain      the editing domain whose command stack every change goes through
	 * @param device      opens the output (e.g. {@code rate -> AudioDevices.open(backends, "jack", rate, 256)})
	 * @param options     the player's options ({@link PlayerOptions#defaults()})
	 * @param effects     where the session's effect ids are looked up ({@link EffectRegistry#osgi()})
	 */
	public static LiveSession open(Session session, Path sessionFile, EditingDomain domain, DeviceOpener device,
			PlayerOptions options, EffectRegistry effects) {
		LiveSession live = new LiveSession(session, sessionFile, domain, effects);
		GraphDescription graph = null;
		String failure = null;
		try {
			graph = SessionGraph.describe(session, sessionFile, effects);
		} catch (RuntimeException e) {
			failure = String.valueOf(e.getMessage());
		}
		session.eAdapters().add(live.adapter);
		domain.getCommandStack().addCommandStackListener(live.stackListener);
		GraphDescription first = graph;
		String why = failure;
		live.thread.execute(() -> live.start(first, why, device, options));
		return live;
	}

	/**
	 * [model] {@link #open(Session, Path, EditingDomain, DeviceOpener, PlayerOptions, EffectRegistry)} on the device
	 * {@code choice} names ({@link AudioDevices#open}: {@code jack}, {@code javasound}, a device name, or null for JACK
	 * when a server runs, else the next back end) with the player's default options and the installed effects.
	 */
	public static LiveSession open(Session session, Path sessionFile, EditingDomain domain, List<AudioBackend> backends,
			String choice, int bufferFrames) {
		return open(session, sessionFile, domain, rate -> AudioDevices.open(backends, choice, rate, bufferFrames),
				PlayerOptions.defaults(), EffectRegistry.osgi());
	}

	/** [session thread] Compiles the first plan, opens the device, makes the player, starts the stream. */
	private void start(GraphDescription graph, String failure, DeviceOpener device, PlayerOptions options) {
		if (graph == null) {
			failed = true;
			problem("the session cannot be played: " + failure);
			return;
		}
		AudioStream s = null;
		try {
			Plan first = Engine.compile(graph);
			compiles++;
			s = device.open(graph.sampleRate());
			Player p = new Player(first, s.sampleRate(), s.bufferFrames(), options);
			s.start(callbackFor(p, s));
			plan = first;
			player = p;
			stream = s;
			opener = device;
			thread.scheduleWithFixedDelay(this::watchFaults, FAULT_POLL_MILLIS, FAULT_POLL_MILLIS,
					TimeUnit.MILLISECONDS);
		} catch (GraphException | AudioDeviceException | RuntimeException e) {
			if (s != null) {
				s.close();
			}
			failed = true;
			problem("the session cannot be played: " + e.getMessage());
		}
	}

	/**
	 * [session thread] The callback {@code s} calls: the player's, and a device that goes away (a JACK server that
	 * stops or is killed) is said once and reopened from this session's thread ({@link #reconnect}).
	 */
	private AudioCallback callbackFor(Player p, AudioStream s) {
		AudioCallback cb = p.callback();
		return new AudioCallback() {
			@Override
			public void process(float[][] out, int frames) {
				cb.process(out, frames);
			}

			@Override
			public void stopped(String reason) {
				cb.stopped(reason);
				if (closedModel || stream != s) {
					return;
				}
				reconnecting = true;
				problem("the audio device went away: " + reason + " (" + s.deviceName() + "); reconnecting when it is back");
				try {
					thread.execute(() -> reconnect(s, 0, System.nanoTime()));
				} catch (java.util.concurrent.RejectedExecutionException e) {
					// closed meanwhile
				}
			}
		};
	}

	/** How often the session's thread looks for effect faults and failed sources ({@link #watchFaults}). */
	static final long FAULT_POLL_MILLIS = 100;
	/** The first and the longest wait between two attempts to reopen a device that went away. */
	static final long RECONNECT_FIRST_MILLIS = 100, RECONNECT_MAX_MILLIS = 2000;

	/**
	 * [session thread] Tries to open the device again after {@code gone} went away, with the same rate; on failure
	 * tries again later, each wait twice the last (from {@link #RECONNECT_FIRST_MILLIS} up to
	 * {@link #RECONNECT_MAX_MILLIS}), until the session is closed. The player is kept: the new stream calls the same
	 * callback, so the transport, the position, the plan and the effects' state go on where they were (a playing
	 * session plays on from where it was when the device went away; what the device missed is not played). A device
	 * that comes back at another rate, or with a larger buffer than the player was made for, cannot take the player:
	 * then the session fails, with a message.
	 */
	private void reconnect(AudioStream gone, int attempt, long since) {
		Player p = player;
		if (closedModel || p == null || stream != gone) {
			return;
		}
		if (attempt == 0) {
			gone.close(); // a client of a dead server is abandoned, not closed (see the back end)
		}
		AudioStream s = null;
		try {
			s = opener.open(plan.sampleRate());
			if (s.sampleRate() != gone.sampleRate() || s.bufferFrames() > gone.bufferFrames()) {
				String what = s.sampleRate() + " Hz, " + s.bufferFrames() + " frames";
				s.close();
				reconnecting = false;
				failed = true;
				problem("the audio device is back at " + what + ", not " + gone.sampleRate() + " Hz, "
						+ gone.bufferFrames() + " frames as before: stop and play again");
				return;
			}
			stream = s;
			s.start(callbackFor(p, s));
		} catch (AudioDeviceException | RuntimeException e) {
			if (s != null) {
				stream = gone;
				s.close();
			}
			long wait = Math.min(RECONNECT_MAX_MILLIS, RECONNECT_FIRST_MILLIS << Math.min(attempt, 10));
			try {
				thread.schedule(() -> reconnect(gone, attempt + 1, since), wait, TimeUnit.MILLISECONDS);
			} catch (java.util.concurrent.RejectedExecutionException closed) {
				// closed meanwhile
			}
			return;
		}
		reconnecting = false;
		reconnects++;
		problem(String.format(java.util.Locale.ROOT, "reconnected to %s (%d Hz, %d frames) after %.1f s; %s at %.3f s",
				s.deviceName(), s.sampleRate(), s.bufferFrames(), (System.nanoTime() - since) / 1e9,
				p.playing() ? "playing on" : "the transport is", (double) p.position() / plan.sampleRate()));
	}

	/**
	 * [session thread, every {@link #FAULT_POLL_MILLIS}] Says each new fault once: an insert the engine took out (it
	 * threw, output NaN or infinity, or was too slow) and a source that could not be read on (deleted, truncated),
	 * as {@link Player#faults()} words them. The audio and disk threads only set flags; the words are made here.
	 */
	private void watchFaults() {
		Player p = player;
		if (p == null || closedModel) {
			return;
		}
		for (String f : p.faults()) {
			if (reported.add(f)) {
				problem(f);
			}
		}
	}

	// ------------------------------------------------------------------------------------------------- [model]

	/** [model] Sorts one notification: a parameter of something, something structural, or nothing to play. */
	private void collect(Notification n) {
		int type = n.getEventType();
		if (closedModel || type == Notification.REMOVING_ADAPTER || type == Notification.RESOLVE || n.isTouch()) {
			return;
		}
		Object notifier = n.getNotifier();
		Object feature = n.getFeature();
		if (notifier instanceof Snapshot || inSnapshot(notifier)) {
			return;
		}
		if (notifier instanceof Session) {
			if (feature == P.getSession_Snapshots() || feature == P.getSession_HeadroomDb()
					|| feature == P.getSession_Name()) {
				return;
			}
			structural = true;
		} else if (notifier instanceof Channel channel && type == Notification.SET
				&& (feature == P.getChannel_GainDb() || feature == P.getChannel_Pan())) {
			dirty.add(new Level(channel, feature == P.getChannel_Pan()));
		} else if (notifier instanceof Send send && type == Notification.SET && feature == P.getSend_LevelDb()) {
			dirty.add(send);
		} else if (notifier instanceof ParameterValue value && type == Notification.SET
				&& feature == P.getParameterValue_Value() && value.eContainer() instanceof Insert insert) {
			dirty.add(new Parameter(insert, value.getId()));
		} else if (notifier instanceof Insert insert && feature == P.getInsert_Parameters()
				&& parameterIdsOf(n) != null) {
			// a value stored for the first time, or removed again (undo): the effect's value changes, nothing else
			for (String id : parameterIdsOf(n)) {
				dirty.add(new Parameter(insert, id));
			}
		} else if (feature instanceof EStructuralFeature f && (f.isTransient() && f.isDerived())) {
			return; // derived values (a channel's address) follow their sources, which notify themselves
		} else {
			structural = true;
		}
	}

	/** @return the ids of the parameter values a list notification adds or removes, or null for another kind */
	private static List<String> parameterIdsOf(Notification n) {
		List<String> ids = new ArrayList<>();
		for (Object o : switch (n.getEventType()) {
		case Notification.ADD, Notification.REMOVE -> List.of(n.getEventType() == Notification.ADD ? n.getNewValue()
				: n.getOldValue());
		case Notification.ADD_MANY -> (List<?>) n.getNewValue();
		case Notification.REMOVE_MANY -> (List<?>) n.getOldValue();
		default -> List.of();
		}) {
			if (!(o instanceof ParameterValue v)) {
				return null;
			}
			ids.add(v.getId());
		}
		return ids.isEmpty() ? null : ids;
	}

	private static boolean inSnapshot(Object notifier) {
		for (EObject o = notifier instanceof EObject e ? e.eContainer() : null; o != null; o = o.eContainer()) {
			if (o instanceof Snapshot) {
				return true;
			}
		}
		return false;
	}

	/** A fader ({@code pan} false) or pan of a channel. */
	private record Level(Channel channel, boolean pan) {
	}

	/** Parameter {@code id} of an insert. */
	private record Parameter(Insert insert, String id) {
	}

	/**
	 * [model] The command stack ran, undid or redid a command: what it changed goes to the engine, as one swap or as
	 * parameter changes.
	 */
	private void commandDone(EventObject event) {
		flush();
	}

	/** [model] Sends what the notifications since the last flush changed. */
	private void flush() {
		if (closedModel || !structural && dirty.isEmpty()) {
			return;
		}
		List<Consumer<Player>> changes = structural ? null : parameterChanges();
		structural = false;
		dirty.clear();
		if (changes == null) {
			GraphDescription graph;
			try {
				graph = SessionGraph.describe(session, sessionFile, effects);
			} catch (RuntimeException e) {
				problem("the change cannot be played: " + e.getMessage());
				return;
			}
			thread.execute(() -> swapTo(graph));
		} else {
			thread.execute(() -> {
				Player p = player;
				if (p != null) {
					for (Consumer<Player> c : changes) {
						c.accept(p);
					}
				}
			});
		}
	}

	/**
	 * [model] The player calls for the dirty levels and parameters, read from the model as it is now; null when one
	 * of them no longer stands where it stood (then the whole session is described instead).
	 */
	private List<Consumer<Player>> parameterChanges() {
		List<Consumer<Player>> list = new ArrayList<>();
		for (Object d : dirty) {
			Consumer<Player> c;
			if (d instanceof Level level) {
				c = levelChange(level.channel(), level.pan(),
						level.pan() ? level.channel().getPan() : level.channel().getGainDb());
			} else if (d instanceof Send send) {
				c = sendChange(send, send.getLevelDb());
			} else {
				Parameter p = (Parameter) d;
				c = parameterChange(p.insert(), p.id(), storedValue(p.insert(), p.id()));
			}
			if (c == null) {
				return null;
			}
			list.add(c);
		}
		return list;
	}

	private Consumer<Player> levelChange(Channel channel, boolean pan, double value) {
		if (!inSession(channel)) {
			return null;
		}
		String id = channel.getAddress();
		return pan ? p -> {
			p.setPan(id, value);
			posted.put(panKey(id), value);
		} : p -> {
			p.setGain(id, value);
			posted.put(gainKey(id), value);
		};
	}

	private Consumer<Player> sendChange(Send send, double levelDb) {
		if (!(send.eContainer() instanceof Channel channel) || !inSession(channel)) {
			return null;
		}
		String id = channel.getAddress();
		int index = channel.getSends().indexOf(send);
		return p -> {
			p.setSendLevel(id, index, levelDb);
			posted.put(sendKey(id, index), levelDb);
		};
	}

	/** @return the call that sets the effect's parameter, null when the insert is not on a channel of the session */
	private Consumer<Player> parameterChange(Insert insert, String parameterId, Double value) {
		if (!(insert.eContainer() instanceof Channel channel) || !inSession(channel)) {
			return null;
		}
		EffectFactory factory = insert.getEffectId() == null ? null : effects.find(insert.getEffectId()).orElse(null);
		if (factory == null) {
			return p -> {
			}; // a missing effect silences its channel: nothing to set
		}
		EffectDescriptor d = factory.descriptor();
		int index = d.indexOf(parameterId);
		if (index < 0) {
			return p -> {
			}; // reported by the compiler's warnings
		}
		ParameterDescriptor pd = d.parameters().get(index);
		double v = value == null || value.isNaN() ? pd.defaultValue() : value;
		if (!pd.accepts(v)) {
			return p -> {
			};
		}
		String id = channel.getAddress();
		int slot = channel.getInserts().indexOf(insert);
		return p -> {
			p.setParameter(id, slot, index, v);
			posted.put(parameterKey(id, slot, parameterId), v);
		};
	}

	/** @return the value the insert stores for {@code id}, or null (the effect's default) */
	private static Double storedValue(Insert insert, String id) {
		for (ParameterValue v : insert.getParameters()) {
			if (id != null && id.equals(v.getId())) {
				return v.getValue();
			}
		}
		return null;
	}

	private boolean inSession(Channel channel) {
		return channel.eContainer() == session;
	}

	// ------------------------------------------------------------------------------------------------- [session thread]

	/** [session thread] Compiles {@code graph} as a rebuild of the plan playing and swaps it in. */
	private void swapTo(GraphDescription graph) {
		Player p = player;
		Plan current = plan;
		if (p == null || graph.equals(current.description())) {
			return;
		}
		try {
			Plan next = Engine.compile(graph, current);
			compiles++;
			p.swap(next);
			posted.clear(); // the new plan holds the model's values; a swap ramps the live ones on to them
			plan = next;
		} catch (GraphException | RuntimeException e) {
			problem("the change cannot be played: " + e.getMessage());
		}
	}

	private void problem(String message) {
		Consumer<String> handler;
		synchronized (this) {
			handler = problems;
			if (handler == null) {
				early.add(message);
				return;
			}
		}
		try {
			handler.accept(message);
		} catch (RuntimeException e) {
			// a handler's failure must not stop the session's thread
		}
	}

	private void onPlayer(Consumer<Player> action) {
		if (closedModel) {
			return;
		}
		thread.execute(() -> {
			Player p = player;
			if (p != null) {
				action.accept(p);
			}
		});
	}

	// ------------------------------------------------------------------------------------------------- API

	/**
	 * [any] Sets who is told, in one line, what could not be played: a device that cannot be opened, one that went
	 * away (and, in a second line, that it is back), a change that does not compile, an insert taken out of the mix
	 * because it faulted (threw, output NaN or infinity, was too slow: the line names the channel, the slot and the
	 * effect) and a source that could not be read on (the line names the file). Each is said once. Called on the
	 * session's thread or the device's (never the audio callback's own path); hand the message to the UI thread
	 * ({@code UISynchronize.asyncExec}).
	 */
	public void onProblem(Consumer<String> handler) {
		List<String> missed;
		synchronized (this) {
			problems = handler;
			missed = handler == null ? List.of() : List.copyOf(early);
			early.clear();
		}
		for (String m : missed) {
			handler.accept(m);
		}
	}

	/**
	 * [model] Plays from {@link #position()} with a short fade-in (the start of the session when freshly opened).
	 * Returns at once; the session's thread waits up to 0.5 s for the sources to be read ahead first.
	 */
	public void play() {
		onPlayer(p -> {
			p.awaitPrefetch(Math.min(8192, plan.sampleRate() / 4), 500);
			p.play();
		});
	}

	/** [model] Stops with a short fade-out; the position stays where the fade ended. Returns at once. */
	public void stop() {
		onPlayer(Player::stop);
	}

	/**
	 * [model] Moves the play position to {@code frame} (timeline frames at the session's rate); while playing, with
	 * a fade-out and in. Returns at once.
	 */
	public void locate(long frame) {
		onPlayer(p -> p.locate(frame));
	}

	/** [model] Loops {@code [startFrame, endFrame)} (frames at the session's rate); returns at once. */
	public void setLoop(long startFrame, long endFrame) {
		if (startFrame < 0 || endFrame <= startFrame) {
			throw new IllegalArgumentException("loop [" + startFrame + ", " + endFrame + ")");
		}
		onPlayer(p -> p.setLoop(startFrame, endFrame));
	}

	/** [model] Plays on past the loop's end; returns at once. */
	public void clearLoop() {
		onPlayer(Player::clearLoop);
	}

	/** [any] @return the timeline frame being heard (at the session's rate); 0 before the device has started */
	public long position() {
		Player p = player;
		return p == null ? 0 : p.position();
	}

	/** [any] @return whether the transport plays (or fades out to stop) */
	public boolean isPlaying() {
		Player p = player;
		return p != null && !failed && p.playing();
	}

	/**
	 * [any] @return whether this session can no longer play: its device could not be opened, the session could not be
	 *         compiled at open, or the device came back unlike it was (another rate). What it said is given to
	 *         {@link #onProblem}; a caller that wants to play again closes it ({@link #closeLater}) and opens a new
	 *         one. A device that merely went away is not a failure: the session reopens it ({@link #reconnecting()}).
	 */
	public boolean failed() {
		return failed;
	}

	/**
	 * [any] @return whether the device went away and the session's thread is trying to open it again (said to
	 *         {@link #onProblem} when it went and when it is back)
	 */
	public boolean reconnecting() {
		return reconnecting;
	}

	/** [any] @return how many times the device was opened again after it went away */
	public int reconnects() {
		return reconnects;
	}

	/**
	 * [model] A live fader value while a gesture is in progress (a fader drag): heard at once, smoothed, without a
	 * command; the command at the gesture's end ({@code SessionCommands.setGain}) puts the value into the model and
	 * the undo history. Returns at once.
	 */
	public void previewGain(Channel channel, double gainDb) {
		Consumer<Player> c = levelChange(channel, false, gainDb);
		if (c != null) {
			onPlayer(c);
		}
	}

	/** [model] A live pan value while a gesture is in progress, as {@link #previewGain}. */
	public void previewPan(Channel channel, double pan) {
		Consumer<Player> c = levelChange(channel, true, pan);
		if (c != null) {
			onPlayer(c);
		}
	}

	/** [model] A live send level while a gesture is in progress, as {@link #previewGain}. */
	public void previewSendLevel(Send send, double levelDb) {
		Consumer<Player> c = sendChange(send, levelDb);
		if (c != null) {
			onPlayer(c);
		}
	}

	/**
	 * [model] A live effect parameter value (in the effect's units) while a gesture is in progress, as
	 * {@link #previewGain}; a value the descriptor does not accept is ignored.
	 */
	public void previewParameter(Insert insert, String parameterId, double value) {
		Consumer<Player> c = parameterChange(insert, parameterId, value);
		if (c != null) {
			onPlayer(c);
		}
	}

	/**
	 * [any] @return the meters of the plan being played, read without ever making the audio thread wait
	 *         ({@link MeterBank#read}); null before the device has started. Take it again on every timer tick: a
	 *         swap replaces it (channels that stay keep their meter).
	 */
	public MeterBank meters() {
		Player p = player;
		return p == null ? null : p.meters();
	}

	/**
	 * [any] Copies the latest meter readings of the channel whose engine id is {@code id} into
	 * {@code into[0 .. MeterSnapshot.FIELDS)} in the order of {@link MeterSnapshot}'s components, without allocating:
	 * what a console's display timer calls for each visible strip. The engine's channel ids are the channels' XMI ids
	 * ({@link Channel#getAddress()}: {@code track/NAME}, {@code bus/NAME}, {@code master}); a strip holding its
	 * channel calls {@link #readMeter(Channel, double[])}.
	 *
	 * @return the publication's sequence number (it grows with every block), or -1 (into untouched) for an id the
	 *         playing plan does not have or before the device has started
	 */
	public long readMeter(String id, double[] into) {
		Player p = player;
		return p == null ? -1 : p.read(id, into);
	}

	/** [any] {@link #readMeter(String, double[])} of {@code channel} (read its id on the model's thread). */
	public long readMeter(Channel channel, double[] into) {
		return readMeter(channel.getAddress(), into);
	}

	/**
	 * [any] @return the latest readings of the channel with engine id {@code id} (see {@link #readMeter(String,
	 *         double[])}), or {@link MeterSnapshot#SILENT}; allocates the record
	 */
	public MeterSnapshot meter(String id) {
		Player p = player;
		return p == null ? MeterSnapshot.SILENT : p.meter(id);
	}

	/**
	 * [any but the audio thread] Opens a tap of the audio of the channel whose engine id is {@code id} (see
	 * {@link Player#openTap}: its output after inserts, fader and pan, copied by the audio thread into a lock-free
	 * ring only while a tap of it is open). The tap follows plan swaps, so edits do not end it; it ends with this
	 * live session (a device change or restart makes a new one: open the tap again on that one).
	 *
	 * @return the tap, or null before the device has started or after {@link #close}
	 */
	public Tap openTap(String id) {
		Player p = player;
		return p == null ? null : p.openTap(id);
	}

	/** [model] {@link #openTap(String)} of {@code channel} (its {@link Channel#getAddress()}). */
	public Tap openTap(Channel channel) {
		return openTap(channel.getAddress());
	}

	/**
	 * [any] @return why the insert in {@code slot} (0 first, the model's insert order) of the channel with engine id
	 *         {@code channelId} ({@link Channel#getAddress()}) was taken out of the chain while playing (it threw,
	 *         output NaN or infinity, or its prepare threw), e.g. {@code threw IllegalStateException at 1.280 s};
	 *         null when it runs or before the device has started. The audio thread only flags the fault; the text is
	 *         built here, on the caller's thread ({@link Player#fault}).
	 */
	public String fault(String channelId, int slot) {
		Player p = player;
		return p == null ? null : p.fault(channelId, slot);
	}

	/** [any] @return whether {@link #fault} would say something: a lock-free read without allocation (a display timer's) */
	public boolean faulted(String channelId, int slot) {
		Player p = player;
		return p != null && p.faulted(channelId, slot);
	}

	/**
	 * [any] @return the plan being played (the last compiled; its swap may still be on its way to the audio
	 *         thread), or null before it is compiled: what tests and views read ({@link Plan#silentBecause})
	 */
	public Plan plan() {
		return plan;
	}

	/**
	 * [any] The channel as the engine plays it now: the compiled plan's channel ({@link #plan()}) with the fader, pan,
	 * send levels and effect parameter values this session has posted to the player since that plan was compiled laid
	 * over it (those go through the player's parameter queue and compile nothing, so the plan alone does not show
	 * them). Whether the channel is heard is the plan's {@link Plan#silentBecause}. For tests and tools: the
	 * workbench's UI tests assert it after each gesture, after {@link #awaitIdle} (before it, a change may be on its
	 * way). Allocates.
	 *
	 * @param channelId the channel's engine id ({@link Channel#getAddress()}, read on the model's thread)
	 * @return the channel, or null before the first plan or for an id the plan does not have
	 */
	public GraphDescription.Channel playing(String channelId) {
		Plan p = plan;
		if (p == null) {
			return null;
		}
		for (GraphDescription.Channel c : p.description().channels()) {
			if (c.id().equals(channelId)) {
				return overlay(c);
			}
		}
		return null;
	}

	private GraphDescription.Channel overlay(GraphDescription.Channel c) {
		String id = c.id();
		List<GraphDescription.Insert> inserts = new ArrayList<>();
		for (int slot = 0; slot < c.inserts().size(); slot++) {
			GraphDescription.Insert i = c.inserts().get(slot);
			Map<String, Double> values = new LinkedHashMap<>(i.parameters());
			String prefix = parameterKey(id, slot, "");
			posted.forEach((k, v) -> {
				if (k.startsWith(prefix)) {
					values.put(k.substring(prefix.length()), v);
				}
			});
			inserts.add(new GraphDescription.Insert(i.effectId(), i.factory(), i.bypass(), values, i.state(), i.sidechain(),
					i.files()));
		}
		List<GraphDescription.Send> sends = new ArrayList<>();
		for (int n = 0; n < c.sends().size(); n++) {
			GraphDescription.Send s = c.sends().get(n);
			sends.add(new GraphDescription.Send(s.target(), posted.getOrDefault(sendKey(id, n), s.levelDb()), s.preFader()));
		}
		return new GraphDescription.Channel(id, c.name(), c.kind(), c.source(), posted.getOrDefault(gainKey(id), c.gainDb()),
				posted.getOrDefault(panKey(id), c.pan()), c.mute(), c.solo(), c.polarity(), c.output(), inserts, sends,
				c.soloSafe());
	}

	private static String gainKey(String id) {
		return "gain\n" + id;
	}

	private static String panKey(String id) {
		return "pan\n" + id;
	}

	private static String sendKey(String id, int send) {
		return "send\n" + id + "\n" + send;
	}

	private static String parameterKey(String id, int slot, String parameterId) {
		return "parameter\n" + id + "\n" + slot + "\n" + parameterId;
	}

	/** [any] @return plans compiled for this session so far, the first included */
	public long compiles() {
		return compiles;
	}

	/** [any] @return plans the audio thread has swapped in so far ({@link Player#swaps()}); 0 before it started */
	public long swaps() {
		Player p = player;
		return p == null ? 0 : p.swaps();
	}

	/** [any] @return the device's xruns since it started (0 before) */
	public long xruns() {
		AudioStream s = stream;
		return s == null ? 0 : s.xruns();
	}

	/** [any] @return the player's timing and allocation figures, or null before the device has started */
	public PlayerStats stats() {
		Player p = player;
		return p == null ? null : p.stats();
	}

	/** [any] @return the opened device's rate, buffer and name ({@code 48000 Hz, 256 frames, JACK}), or null */
	public String device() {
		AudioStream s = stream;
		return s == null ? null : s.sampleRate() + " Hz, " + s.bufferFrames() + " frames, " + s.deviceName();
	}

	/**
	 * [any but the session's thread] Waits until the session's thread has done everything asked of it so far (the
	 * device opened, changes compiled and posted to the player). For tests and for a caller that must know the
	 * engine has a change (never the UI thread: it would wait on a compile).
	 *
	 * @return whether it has, within the time
	 */
	public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
		Future<?> done = thread.submit(() -> {
		});
		try {
			done.get(timeoutMillis, TimeUnit.MILLISECONDS);
			return true;
		} catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
			return false;
		}
	}

	/**
	 * [model] Stops listening to the model, then on the session's thread stops the device (it returns when no
	 * callback runs) and frees the player. Waits up to 3 s for that; idempotent.
	 */
	@Override
	public void close() {
		if (closeLater()) {
			try {
				thread.awaitTermination(3, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * [model] As {@link #close} without waiting: stops listening to the model at once and leaves stopping the device
	 * and freeing the player to the session's thread, which ends when they are done. What a UI thread calls (it never
	 * waits for a device); idempotent.
	 *
	 * @return whether this call closed it (false: it was closed before)
	 */
	public boolean closeLater() {
		if (closedModel) {
			return false;
		}
		closedModel = true;
		session.eAdapters().remove(adapter);
		domain.getCommandStack().removeCommandStackListener(stackListener);
		thread.execute(() -> {
			AudioStream s = stream;
			Player p = player;
			player = null;
			stream = null;
			if (s != null) {
				s.stop();
			}
			if (p != null) {
				p.close();
			}
			if (s != null) {
				s.close();
			}
		});
		thread.shutdown();
		return true;
	}
}
