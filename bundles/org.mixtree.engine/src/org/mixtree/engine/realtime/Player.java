package org.mixtree.engine.realtime;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.Resampler;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Scale;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.internal.FileSourceReader;
import org.mixtree.engine.internal.LiveMixer;
import org.mixtree.engine.internal.TapBoard;
import org.mixtree.engine.internal.TapRing;
import org.mixtree.engine.internal.SourceOpener;
import org.mixtree.engine.internal.SourceReader;
import org.mixtree.engine.meter.MeterBank;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.internal.Clock;
import org.mixtree.engine.realtime.internal.PrefetchRing;
import org.mixtree.engine.realtime.internal.Prefetcher;
import org.mixtree.engine.realtime.internal.SpscQueue;

/**
 * Plays a {@link Plan} in real time through a device's {@link AudioCallback}.
 * <p>
 * Thread rules: [main] methods are called by one control thread at a time (the UI or the CLI), never by the
 * audio thread; [audio] is the device's callback thread; [any] is any thread. The audio thread never allocates,
 * locks, blocks, logs or touches a file: it receives each new plan's mixer, transport commands and parameter
 * changes through single-producer/single-consumer queues filled by [main], hands swapped-out mixers to the disk
 * thread through another, and copies source frames out of per-source prefetch rings filled by the disk thread.
 * <p>
 * The output is the offline render of the same plan ({@link org.mixtree.engine.Engine#render}), sample for
 * sample, whatever the device's buffer size: the mixer is block-size independent and the plugin delay
 * compensation run-in is mixed and dropped as the renderer drops it.
 * <p>
 * <b>Click-free changes.</b> Transport moves (stop, locate, loop change) fade the output out linearly over
 * {@link #FADE_SECONDS}, make the change at that block boundary and fade back in. A plan swap (mute, solo,
 * routing, inserts, sends: anything compiled) moves only what changed where it can: {@link LiveMixer#handover}
 * finds the channels whose processing differs; they ramp to silence over {@link #FADE_SECONDS} (through their
 * fader, so post-fader sends follow) while the rest of the mix plays on, the plan is swapped at the block boundary
 * where they are silent, and the changed channels of the new plan rise from silence over the same time. A muted
 * track fades out of its bus, an unmuted one fades in, a track moved to another bus leaves one and enters the other;
 * every other channel, bus effects included, plays through untouched. The whole output fades out and in instead when
 * the master itself changed, a path's delay compensation changed (it would jump in time), a changed channel has a
 * pre-fader send or keys a sidechain (neither follows its fader), or the output is resampled. Rendering the old
 * and the new plan side by side to crossfade is not possible, because both share their processors (and with them
 * the delay's echoes): running them twice per block would advance their state twice. A linear 5 ms ramp adds less
 * than -60 dBFS to the largest sample step of a full-scale signal above 100 Hz. The new plan takes over the delay
 * lines of the paths it shares with the old one, so delay-compensated paths play on without a gap. Fader, pan and
 * send level changes do not dip and compile nothing: they go through a lock-free parameter queue and are smoothed
 * per channel and per send on the audio thread (multiplicatively for gain, linearly to and from silence and for
 * pan, over {@link #SMOOTH_SECONDS}), interpolated per sample inside each block; a swap carries the live values over
 * and ramps them on to the new plan's. Effect parameter changes ({@link #setParameter}) go through the same queue
 * and reach the effect as parameter events at the start of its next block, which the effect smooths. A swap keeps the mixer's timeline, so a change of the master path's latency shifts
 * what is heard by the difference (as in any DAW with delay compensation).
 * <p>
 * <b>Parallelism.</b> The mixer's worker pool runs independent subtrees of each callback on
 * {@link PlayerOptions#workerThreads()} threads: the audio thread works too, then waits on the phase's atomic
 * counter, spinning with {@code Thread.onSpinWait} (about 50 to 100 us) before it would park. A phase lasts tens of
 * microseconds, so in practice the audio thread spins; no lock is taken on the audio path.
 * <p>
 * <b>Garbage collection.</b> The audio path allocates nothing after warm-up (measured: {@link PlayerStats}), so a
 * pause can only come from a collection other threads cause. Run the player with a low-pause collector: ZGC
 * ({@code -XX:+UseZGC}, generational in JDK 21+ and the only mode from JDK 23; pauses well under 1 ms) with
 * {@code -Xms} equal to {@code -Xmx} and {@code -XX:+AlwaysPreTouch} so the heap is committed before playback;
 * G1 with {@code -XX:MaxGCPauseMillis=2} where ZGC is absent. {@link PlayerStats#gcPauses()} reports the pauses
 * seen while playing (sampled from the collectors' MXBeans every 20 ms; exact figures with {@code -Xlog:gc}).
 * <p>
 * <b>Meters.</b> Every plan is played with a {@link MeterBank} built with it on [main] ({@code new MeterBank(plan,
 * previous)}: channels that keep their id keep their meter, integrated loudness and holds included) and swapped in
 * together with it at the same block boundary. In every block, each track's, bus's and the master's output (post
 * inserts, fader and pan: what it sends to its bus; the master's is what goes to the device, before the transport
 * fades) and the largest gain reduction its active inserts report ({@code Effect#gainReductionDb}, dB, 0 or
 * positive) are fed to its meter, allocation- and lock-free, by the thread that mixes the channel (the audio
 * thread or a worker of the mix, within the callback). A channel that outputs nothing (muted, not soloed, past its
 * source) is fed silence. Meters are fed at the plan's rate, including the delay-compensation run-in after a
 * locate; while stopped they are not fed and hold their last readings. A UI reads them from a timer at 30 Hz or
 * more from any thread through {@link #meters()}, {@link #meter(String)} or {@link #read(String, double[])}: a
 * seqlock read of the latest published values that never makes the audio thread wait.
 * <p>
 * <b>Taps.</b> {@link #openTap} gives a view a channel's audio, taken at the point its meter reads: while a tap of
 * a channel is open, the thread that mixes the channel copies each block into a ring ({@link Tap}). The rings live
 * in a board the player keeps across plans: opening or closing a tap replaces the board's array on [main], and
 * each mixer re-resolves it to its own nodes (a map lookup per ring, nothing allocated) at the start of the first
 * block that sees the new array; a swapped-in plan resolves it at its first block, so the tap goes on with the
 * same ring. The taps are fed in the warm-up's rehearsal only if it opens some (it does not): no ring, no copy.
 */
public final class Player implements AutoCloseable {

	/**
	 * Callbacks of playing (counted from the first {@link #play()}) after which allocation on the audio thread is
	 * counted when the player made no rehearsal ({@link PlayerOptions#warmUpBlocks()} 0): class loading and the
	 * just-in-time compiler's warm-up happen in them.
	 */
	public static final int WARM_UP_CALLBACKS = 2_000;
	/**
	 * Callbacks of playing (counted from the first {@link #play()}) after which allocation on the audio thread is
	 * counted after a rehearsal (the default): the mix is compiled before the device calls back, and what the device
	 * does once as it starts (a native thread attaching to the JVM, Java Sound filling and starting its line) happens
	 * in the callbacks before the first play. A play of a second at 1024 frames is still measured.
	 */
	public static final int REHEARSED_WARM_UP_CALLBACKS = 8;
	/**
	 * Callbacks left out of the timing figures (class loading and the first compilations): percentiles and maximum
	 * are over the same callbacks.
	 */
	public static final int TIMED_AFTER = 100;
	/**
	 * Seconds a tap's ring holds at least: a reader polling every 40 ms (a 25 Hz analyser) may fall behind by a
	 * second before losing frames, and {@link Tap#readLatest} gives up to half of it.
	 */
	public static final double TAP_SECONDS = 2;
	/** Length of the transport and swap fades. */
	public static final double FADE_SECONDS = 0.005;
	/** Time a fader or pan change takes to reach its value. */
	public static final double SMOOTH_SECONDS = 0.020;
	/** Histogram bins of callback time: 0.1 % of the buffer period each, up to 1000 %. */
	private static final int BINS = 10_001;

	private static final int PLAY = 1, STOP = 2, LOCATE = 3, LOOP = 4, SWAP = 5;

	/** A transport command or a swap, made on [main], applied on [audio]. */
	private record Command(int kind, long a, long b, Live live) {
	}

	private static final int FADER = 0, PAN = 1, SEND = 2, EFFECT = 3;

	/**
	 * A change for {@code live}'s mixer: a fader or pan of node {@code at}, a level of send {@code at} (linear), or
	 * parameter {@code index} of the processor in {@code slot} of node {@code at}.
	 */
	private record Param(Live live, int kind, int at, int slot, int index, double value) {
	}

	/** One plan being played: its mixer, rings, and the per-node smoothing state (audio thread only). */
	private static final class Live {
		final LiveMixer mixer;
		final PrefetchRing[] rings;
		final double[] fader;
		final double[] faderTarget;
		final double[] pan;
		final double[] panTarget;
		final int[] remaining;
		int ramping;
		/** Per send: level (linear) now, its target, frames of ramp left. */
		final double[] send;
		final double[] sendTarget;
		final int[] sendRemaining;
		int sendRamping;
		/** How this plan takes over from the one played before it (null for the first). */
		LiveMixer.Handover handover;
		/** [audio] Swapped out: parameter changes still addressed to it are dropped. */
		boolean swappedOut;

		Live(LiveMixer mixer, PrefetchRing[] rings) {
			this.mixer = mixer;
			this.rings = rings;
			int n = mixer.size();
			fader = new double[n];
			pan = new double[n];
			for (int k = 0; k < n; k++) {
				fader[k] = mixer.fader(k);
				pan[k] = mixer.pan(k);
			}
			faderTarget = fader.clone();
			panTarget = pan.clone();
			remaining = new int[n];
			int sends = mixer.sendCount();
			send = new double[sends];
			for (int s = 0; s < sends; s++) {
				send[s] = mixer.sendLevel(s);
			}
			sendTarget = send.clone();
			sendRemaining = new int[sends];
		}
	}

	private final int deviceRate;
	private final int planRate;
	private final int maxBlock;
	private final PlayerOptions options;
	private final SourceOpener opener;
	private final Clock clock = new Clock();
	private final SpscQueue<Command> commands = new SpscQueue<>(256);
	private final SpscQueue<Param> params = new SpscQueue<>(4096);
	private final Prefetcher prefetcher;
	/** Swapped-out plans, queued by the audio thread for the disk thread to close (any number of swaps apart). */
	private final SpscQueue<Live> retired = new SpscQueue<>(64);
	private final Resampler resampler;
	private final float[][] pull;
	private final int fadeFrames;
	private final int smoothFrames;
	private final Callback callback = new Callback();

	/** The rings of the open taps, shared by the mixers of every plan this player plays. */
	private final TapBoard taps = new TapBoard();

	/** [main] The live the last swap posted (what parameter changes address) and its rings by source. */
	private Live mainLive;
	private final Map<Source, PrefetchRing> ringBySource = new HashMap<>();
	private boolean closedMain;

	// audio thread state
	private Live live;
	private boolean running;
	/** Fade direction (-1 out, +1 in, 0 none) and frames of it done; gains are k / F, exact in float. */
	private int fadeDir;
	private int fadePos;
	/** Frames (at the plan's rate) until a local swap's dipped channels are silent and it is made; 0 for none. */
	private int dipLeft;
	/** Length of a local swap's per-channel ramps, frames at the plan's rate. */
	private final int dipFrames;
	private Command pending;
	private long drop;
	private long loopA, loopB;

	/** Plans swapped in by the audio thread (the first plan not counted). */
	private volatile long swapsMade;

	/** The bank of the plan the audio thread plays: set by the constructor, then by the audio thread at a swap. */
	private volatile MeterBank meterBank;
	/** The mixer the audio thread plays, published with its meters at the swap: what {@link #fault} reads. */
	private volatile LiveMixer heardMixer;

	// published statistics
	private volatile long heard;
	private volatile boolean playingFlag;
	private volatile long callbacks;
	private volatile long audioThreadId = -1;
	private volatile long xruns;
	private final int[] histogram = new int[BINS];
	private volatile long maxNanosTimesFrames;
	private volatile double maxPercent;
	private volatile long allocBaseline = -1;
	/** [audio writes once] {@link #callbacks} when the first play command was applied; -1 before. */
	private volatile long firstPlayed = -1;
	/** {@link #callbacks} when the baseline was taken: the allocation figure covers the callbacks since. */
	private volatile long allocBaselineCallbacks;
	/** The audio thread's counter at the last housekeeping (20 ms), kept for when the thread has ended. */
	private volatile long lastAllocated = -1;
	/** {@link #callbacks} at that housekeeping. */
	private volatile long lastAllocatedCallbacks;
	private volatile long gcPauses;
	private volatile double gcMax;
	private volatile double gcTotal;
	private final List<GarbageCollectorMXBean> collectors;
	private final long[] gcCount;
	private final long[] gcTime;
	/** Set when the constructor has taken the collectors' baseline (after the warm-up); read by the disk thread. */
	private volatile boolean countGc;
	private volatile boolean closed;

	/**
	 * [main] Allocates everything the audio thread will use: the mixer and its worker threads, prefetch rings,
	 * queues, the output resampler when {@code sampleRate} is not the plan's, and starts the disk thread. The
	 * player starts stopped at frame 0.
	 *
	 * @param plan            made by {@link org.mixtree.engine.Engine#compile}
	 * @param sampleRate      the device's rate, Hz
	 * @param maxBufferFrames the most frames a callback asks for
	 */
	public Player(Plan plan, int sampleRate, int maxBufferFrames, PlayerOptions options) {
		this(plan, sampleRate, maxBufferFrames, options, FileSourceReader.OPENER);
	}

	/**
	 * As the public constructor, with the sources opened by {@code opener} instead of from their files (tests
	 * inject in-memory and failing readers). Not API: {@code SourceOpener} is internal.
	 */
	public Player(Plan plan, int sampleRate, int maxBufferFrames, PlayerOptions options, SourceOpener opener) {
		if (sampleRate <= 0 || maxBufferFrames < 1) {
			throw new IllegalArgumentException("device rate " + sampleRate + ", buffer " + maxBufferFrames);
		}
		this.deviceRate = sampleRate;
		this.planRate = plan.sampleRate();
		this.maxBlock = maxBufferFrames;
		this.options = options;
		this.opener = opener;
		this.fadeFrames = Math.max(1, (int) Math.round(FADE_SECONDS * sampleRate));
		this.smoothFrames = Math.max(1, (int) Math.round(SMOOTH_SECONDS * planRate));
		this.dipFrames = Math.max(1, (int) Math.round(FADE_SECONDS * planRate));
		clock.begin(0, 0, 0);
		Live first = build(plan, true);
		live = first;
		meterBank = first.mixer.meters();
		heardMixer = first.mixer;
		mainLive = first;
		drop = first.mixer.latency();
		if (sampleRate != planRate) {
			pull = new float[2][maxBlock];
			resampler = new Resampler(this::pull, 2, planRate, sampleRate);
		} else {
			pull = null;
			resampler = null;
		}
		collectors = ManagementFactory.getGarbageCollectorMXBeans();
		gcCount = new long[collectors.size()];
		gcTime = new long[collectors.size()];
		for (int i = 0; i < gcCount.length; i++) {
			gcCount[i] = collectors.get(i).getCollectionCount();
			gcTime[i] = collectors.get(i).getCollectionTime();
		}
		prefetcher = new Prefetcher(clock, first.rings, this::housekeeping);
		warmUp(plan, options.warmUpBlocks());
		// pauses are counted from here: the rehearsal's collections are not playback's
		for (int i = 0; i < gcCount.length; i++) {
			gcCount[i] = collectors.get(i).getCollectionCount();
			gcTime[i] = collectors.get(i).getCollectionTime();
		}
		countGc = true;
	}

	/**
	 * [main] A rehearsal before the first callback: a throwaway player (a copy of {@code plan} compiled afresh, so
	 * its effect instances are its own and the plan to be played keeps its state; rings, disk thread, meters and
	 * worker threads of its own, stems read from their start) whose callback this thread calls {@code blocks} times
	 * while it plays, moves every fader and pan, drives the mix 12 dB hotter, then silent, locates, loops, swaps in
	 * a recompiled plan and stops, as a session does. The just-in-time compiler then has all of that compiled,
	 * with the profiles playback will meet, before the device calls back: code that a warm-up never ran is compiled
	 * as traps back to the interpreter, which the audio thread would hit later (late callbacks; and a
	 * deoptimisation allocates). Measured without it: 10 to 40 xruns in the first second at 128 frames. Best
	 * effort: a failure here only means a colder start.
	 */
	private void warmUp(Plan plan, int requested) {
		int blocks = rehearsalBlocks(requested, mainLive.mixer.trackCount());
		if (blocks <= 0) {
			return;
		}
		PlayerOptions quiet = new PlayerOptions(options.prefetchSeconds(), options.workerThreads(), false, 0);
		try (Player rehearsal = new Player(Engine.compile(plan.description()), deviceRate, maxBlock, quiet, opener)) {
			List<GraphDescription.Channel> channels = plan.description().channels();
			float[][] out = new float[2][maxBlock];
			AudioCallback cb = rehearsal.callback();
			cb.process(out, maxBlock); // applies the start position
			rehearsal.awaitPrefetch(maxBlock, 500);
			rehearsal.play();
			for (int b = 0; b < blocks; b++) {
				double progress = (double) b / blocks;
				if (b % 20 == 0) {
					double extra = warmUpGainDb(progress);
					int move = b / 20 % 4;
					for (GraphDescription.Channel c : channels) {
						rehearsal.setGain(c.id(), c.gainDb() + extra);
						rehearsal.setPan(c.id(), move == 1 ? -1 : move == 3 ? 1 : c.pan());
						for (int s = 0; s < c.sends().size(); s++) {
							rehearsal.setSendLevel(c.id(), s, c.sends().get(s).levelDb() + (move == 2 ? -6 : 0));
						}
					}
					rehearseParameters(rehearsal, channels, b / 20 % 2 == 1, () -> cb.process(out, maxBlock));
				}
				if (b == blocks * 15 / 20) {
					rehearsal.swap(Engine.compile(variedForRehearsal(plan.description()), rehearsal.mainLive.mixer.plan()));
				} else if (b == blocks * 17 / 20) {
					rehearsal.setLoop(0, Math.max(4L * maxBlock, planRate / 10));
				} else if (b == blocks * 18 / 20) {
					rehearsal.clearLoop();
					rehearsal.swap(Engine.compile(plan.description(), rehearsal.mainLive.mixer.plan()));
				} else if (b == blocks * 19 / 20) {
					rehearsal.locate(planRate);
				} else if (b == blocks - 10) {
					rehearsal.stop();
				}
				rehearsal.awaitPrefetch(maxBlock, 100);
				cb.process(out, maxBlock);
			}
		} catch (GraphException | RuntimeException e) {
			// a colder start, nothing worse: the plan to play was compiled and opened without this
		}
	}

	/** The fewest blocks a scaled rehearsal runs (the per-block code's first compilation needs a few hundred). */
	static final int MIN_REHEARSAL_BLOCKS = 500;
	/** Tracks up to which the rehearsal runs every requested block. */
	static final int REHEARSAL_FULL_TRACKS = 8;

	/**
	 * The rehearsal's length for a session of {@code tracks} tracks: the requested blocks up to
	 * {@value #REHEARSAL_FULL_TRACKS} tracks, then fewer in proportion (at least {@value #MIN_REHEARSAL_BLOCKS}). The
	 * track code, most of the audio thread's, runs once per track and block, so a 64-track rehearsal of 3000 blocks
	 * ran it 192 000 times where 24 000 compile it as well, and cost most of the time before the first sound (issue
	 * 13). {@code -Dmixtree.play.rehearsal=full}: every requested block (the benchmark's A/B runs).
	 */
	static int rehearsalBlocks(int requested, int tracks) {
		if (requested <= 0 || tracks <= REHEARSAL_FULL_TRACKS || "full".equals(System.getProperty("mixtree.play.rehearsal"))) {
			return requested;
		}
		return (int) Math.min(requested,
				Math.max(MIN_REHEARSAL_BLOCKS, (long) requested * REHEARSAL_FULL_TRACKS / tracks));
	}

	/**
	 * [main] Sends every parameter of every insert a live event: its own value, or with {@code moved} another legal
	 * one (a tenth of the range towards the middle; the next step of a choice or toggle), so that the parameter
	 * path and the effects' ramps run before playing. The rehearsal's output is thrown away; a soak with JFR showed
	 * the ramps it had never run deoptimising on the audio thread minutes into playing.
	 */
	private static void rehearseParameters(Player rehearsal, List<GraphDescription.Channel> channels, boolean moved,
			Runnable block) {
		for (GraphDescription.Channel c : channels) {
			for (int slot = 0; slot < c.inserts().size(); slot++) {
				GraphDescription.Insert insert = c.inserts().get(slot);
				if (insert.factory() == null) {
					continue;
				}
				var parameters = insert.factory().descriptor().parameters();
				for (int index = 0; index < parameters.size(); index++) {
					var d = parameters.get(index);
					Double explicit = insert.parameters().get(d.id());
					double value = explicit != null && d.accepts(explicit) ? explicit : d.defaultValue();
					double send = moved ? rehearsalValue(d, value) : value;
					if (d.accepts(send)) {
						rehearsal.rehearseParameter(c.id(), slot, index, send, block);
					}
				}
			}
		}
	}

	/** @return another legal value of {@code d} near {@code value}: see {@link #rehearseParameters} */
	static double rehearsalValue(ParameterDescriptor d, double value) {
		double span = d.max() - d.min();
		if (d.scale() == Scale.ENUM || d.scale() == Scale.BOOLEAN) {
			return span < 1 ? value : value + 1 > d.max() ? d.min() : value + 1;
		}
		return value <= d.min() + span / 2 ? value + span / 10 : value - span / 10;
	}

	/**
	 * @return {@code d} with every third track's mute and every other insert's bypass turned over: the rehearsal swaps
	 *         it in for a while so that the mixer's paths for silent tracks and bypassed slots are compiled too (a
	 *         soak with JFR showed them deoptimising on the audio thread at the first mute or bypass)
	 */
	static GraphDescription variedForRehearsal(GraphDescription d) {
		List<GraphDescription.Channel> varied = new ArrayList<>();
		int i = 0;
		for (GraphDescription.Channel c : d.channels()) {
			List<GraphDescription.Insert> inserts = new ArrayList<>();
			for (int slot = 0; slot < c.inserts().size(); slot++) {
				GraphDescription.Insert in = c.inserts().get(slot);
				inserts.add((i + slot) % 2 == 0 ? in.withBypass(!in.bypass()) : in);
			}
			boolean mute = c.kind() == GraphDescription.Kind.TRACK && i % 3 == 1 ? !c.mute() : c.mute();
			varied.add(new GraphDescription.Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), mute,
					c.solo(), c.polarity(), c.output(), inserts, c.sends(), c.soloSafe()));
			i++;
		}
		return new GraphDescription(d.sampleRate(), d.panLaw(), varied, d.focus());
	}

	/**
	 * @return dB added to every fader at {@code progress} (0 to 1) of the warm-up: none, then 12 dB hotter (the
	 *         compressors and the limiter working hard), then silence long enough for them to release completely
	 *         and for the meters' gates to close, then none again
	 */
	private static double warmUpGainDb(double progress) {
		return progress < 0.2 ? 0 : progress < 0.4 ? 12 : progress < 0.75 ? Double.NEGATIVE_INFINITY : 0;
	}

	/** [main] Opens (or reuses) a ring per track and makes the mixer. */
	private Live build(Plan plan, boolean reset) {
		if (plan.sampleRate() != planRate) {
			throw new IllegalArgumentException("plan at " + plan.sampleRate() + " Hz, player at " + planRate + " Hz");
		}
		LiveMixer probe = null;
		List<Source> sources = sources(plan);
		PrefetchRing[] rings = new PrefetchRing[sources.size()];
		for (int t = 0; t < rings.length; t++) {
			Source s = sources.get(t);
			PrefetchRing ring = ringBySource.get(s);
			if (ring == null) {
				SourceReader reader = null;
				String failure = null;
				try {
					reader = opener.open(s, planRate);
				} catch (IOException | RuntimeException e) {
					failure = e.getMessage();
				}
				ring = new PrefetchRing(s, reader, failure, options.prefetchSeconds() * planRate, clock);
				ringBySource.put(s, ring);
			}
			rings[t] = ring;
		}
		MeterBank meters = new MeterBank(plan, mainLive == null ? null : mainLive.mixer.meters());
		probe = new LiveMixer(plan, rings, maxBlock, options.workerThreads(), reset, meters);
		probe.taps(taps);
		return new Live(probe, rings);
	}

	/** @return the plan's track sources in its track order */
	private static List<Source> sources(Plan plan) {
		List<Source> list = new ArrayList<>();
		for (var c : plan.description().channels()) {
			if (c.source() != null && c.kind() == org.mixtree.engine.GraphDescription.Kind.TRACK) {
				list.add(c.source());
			}
		}
		return list;
	}

	/** [any] @return what the device stream calls on its audio thread */
	public AudioCallback callback() {
		return callback;
	}

	/** [main] Starts playing from {@link #position()} with a short fade-in. */
	public void play() {
		post(new Command(PLAY, 0, 0, null));
	}

	/** [main] Fades out over {@link #FADE_SECONDS}, then outputs silence; the position stays where the fade ended. */
	public void stop() {
		post(new Command(STOP, 0, 0, null));
	}

	/** [any] @return whether the transport is playing (or fading out to stop) */
	public boolean playing() {
		return playingFlag;
	}

	/**
	 * [main] Moves the play position to {@code frame} (timeline frames at the plan's rate) at the next callback:
	 * while playing, a fade-out, the jump, a fade-in. The prefetch refills from there; sources not ready play
	 * silence and are counted. The first frame heard after the jump is exactly {@code frame}. While stopped, the
	 * next callback applies it; for a start without starved frames, let one callback run, then
	 * {@link #awaitPrefetch}, then {@link #play()}.
	 */
	public void locate(long frame) {
		post(new Command(LOCATE, Math.max(0, frame), 0, null));
	}

	/**
	 * [main] Loops {@code [startFrame, endFrame)}: the frame after {@code endFrame - 1} is {@code startFrame},
	 * sample-accurately (the disk thread prefetches across the wrap). Setting a loop restarts the prefetch at the
	 * current position (with a fade while playing): set it before playing where possible.
	 */
	public void setLoop(long startFrame, long endFrame) {
		if (startFrame < 0 || endFrame <= startFrame) {
			throw new IllegalArgumentException("loop [" + startFrame + ", " + endFrame + ")");
		}
		post(new Command(LOOP, startFrame, endFrame, null));
	}

	/** [main] Plays on past the loop end. */
	public void clearLoop() {
		post(new Command(LOOP, 0, 0, null));
	}

	/** [any] @return the timeline frame heard at the start of the next callback's output (at the plan's rate) */
	public long position() {
		return heard;
	}

	/**
	 * [main] Plays {@code newPlan} from the next block boundary. Compile it off the audio thread with
	 * {@code Engine.compile(graph, current)} so that its processors keep their state. The current plan fades out,
	 * is swapped, the new one fades in; the old mixer is released by the disk thread. New sources are opened
	 * here and given up to 0.5 s to prefetch before the swap is posted.
	 */
	public void swap(Plan newPlan) {
		Live next = build(newPlan, false);
		LinkedHashSet<PrefetchRing> union = new LinkedHashSet<>(List.of(prefetcher.rings()));
		union.addAll(List.of(next.rings));
		prefetcher.rings(union.toArray(PrefetchRing[]::new));
		long deadline = System.nanoTime() + 500_000_000L;
		for (PrefetchRing r : next.rings) {
			while (r.failure() == null && !primed(r) && System.nanoTime() < deadline) {
				sleep();
			}
		}
		next.handover = next.mixer.handover(mainLive.mixer);
		mainLive = next;
		post(new Command(SWAP, 0, 0, next));
	}

	private boolean primed(PrefetchRing r) {
		long pub = clock.published();
		return r.buffered((int) (pub >>> 40), pub & ((1L << 40) - 1)) >= Math.min(planRate / 4, 8192);
	}

	/**
	 * [main] Waits up to {@code timeoutMillis} until every source has at least {@code frames} frames prefetched
	 * ahead of the play position (or has failed). For tests and for a clean start after a locate.
	 *
	 * @return whether they have
	 */
	public boolean awaitPrefetch(long frames, long timeoutMillis) {
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		while (true) {
			long pub = clock.published();
			int g = (int) (pub >>> 40);
			long p = pub & ((1L << 40) - 1);
			boolean ok = true;
			for (PrefetchRing r : mainLive.rings) {
				ok &= r.failure() != null || r.frames() == 0 || r.buffered(g, p) >= frames;
			}
			if (ok) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			prefetcher.wake();
			sleep();
		}
	}

	/** [main] Sets a channel's fader, smoothed multiplicatively on the audio thread; unknown ids are ignored. */
	public void setGain(String channelId, double gainDb) {
		int node = mainLive.mixer.node(channelId);
		if (node >= 0) {
			postParam(new Param(mainLive, FADER, node, 0, 0, Decibels.toGain(gainDb)));
		}
	}

	/** [main] Sets a channel's pan (mono track) or balance, in [-1, 1], smoothed linearly on the audio thread. */
	public void setPan(String channelId, double pan) {
		int node = mainLive.mixer.node(channelId);
		if (node >= 0) {
			postParam(new Param(mainLive, PAN, node, 0, 0, Math.max(-1, Math.min(1, pan))));
		}
	}

	/**
	 * [main] Sets the level of a channel's send (its {@code send}-th, 0 first, in the channel's order), smoothed on
	 * the audio thread as a fader is (multiplicatively, linearly to and from silence, over {@link #SMOOTH_SECONDS});
	 * no plan is compiled or swapped. Unknown ids and sends are ignored.
	 */
	public void setSendLevel(String channelId, int send, double levelDb) {
		int node = mainLive.mixer.node(channelId);
		int s = node < 0 ? -1 : mainLive.mixer.send(node, send);
		if (s >= 0) {
			postParam(new Param(mainLive, SEND, s, 0, 0, Decibels.toGain(levelDb)));
		}
	}

	/**
	 * [main] Sets parameter {@code index} (of the effect's descriptor) of the insert in {@code slot} (0 first) of a
	 * channel: the value reaches the effect as a parameter event at the start of the next block it processes, on the
	 * audio thread (the effect smooths it as it smooths any event); no plan is compiled or swapped. The caller checks
	 * the value against the descriptor. Unknown ids and slots, and slots without a processor, are ignored.
	 */
	public void setParameter(String channelId, int slot, int index, double value) {
		int node = mainLive.mixer.node(channelId);
		if (node >= 0 && slot >= 0 && slot < mainLive.mixer.slots(node) && index >= 0) {
			postParam(new Param(mainLive, EFFECT, node, slot, index, value));
		}
	}

	/**
	 * [any] @return how many plans the audio thread has swapped in since this player was made (each
	 *         {@link #swap} that reached it once; fader, pan, send level and parameter changes swap nothing)
	 */
	public long swaps() {
		return swapsMade;
	}

	/**
	 * [any] @return the meters of the plan being played (the swapped-out plan's until a {@link #swap} reaches the
	 *         audio thread). Read them with {@link MeterBank#read} or {@link MeterBank#snapshot} from any thread at
	 *         any rate: they never block the audio thread. Take the bank again on each timer tick, since a swap
	 *         replaces it (channels that survive keep their {@link org.mixtree.engine.meter.ChannelMeter}).
	 */
	public MeterBank meters() {
		return meterBank;
	}

	/**
	 * [any] @return the latest readings of channel {@code channelId} (track, bus or master id), or
	 *         {@link MeterSnapshot#SILENT} for an id the plan being played does not have; allocates the record
	 */
	public MeterSnapshot meter(String channelId) {
		MeterBank bank = meterBank;
		int i = bank.channelIds().indexOf(channelId);
		return i < 0 ? MeterSnapshot.SILENT : bank.meter(i).snapshot();
	}

	/**
	 * [any] Copies the latest readings of channel {@code channelId} into {@code into[0 .. MeterSnapshot.FIELDS)} in
	 * the order of {@link MeterSnapshot}'s components, without allocating (a mixer view redrawing many strips).
	 *
	 * @return the publication's sequence number (grows with every block), or -1 for an unknown id ({@code into}
	 *         untouched)
	 */
	public long read(String channelId, double[] into) {
		MeterBank bank = meterBank;
		int i = bank.channelIds().indexOf(channelId);
		return i < 0 ? -1 : bank.read(i, into);
	}

	/**
	 * [any but the audio thread] Opens a tap of channel {@code channelId}'s audio (see {@link Tap}): from the next
	 * block on, the audio thread copies the channel's output into a ring of {@link #TAP_SECONDS} (rounded up to a
	 * power of two frames), shared by the open taps of the same channel; it follows plan swaps. An id the plan played
	 * does not have (yet) reads nothing until a plan has it. Close the tap when no longer shown.
	 */
	public Tap openTap(String channelId) {
		if (channelId == null || channelId.isEmpty()) {
			throw new IllegalArgumentException("no channel id to tap");
		}
		return new Tap(taps, taps.acquire(channelId, planRate, (int) Math.ceil(TAP_SECONDS * planRate)));
	}

	/** [any] @return the ids of the channels the audio thread copies into taps now (one per channel, any order) */
	public List<String> tappedChannels() {
		List<String> ids = new ArrayList<>();
		for (TapRing r : taps.rings()) {
			ids.add(r.channelId());
		}
		return ids;
	}

	/** [any] Counts xruns the device reported (the stream's {@code xruns()} delta). */
	public synchronized void noteXrun(long count) {
		xruns += count;
	}

	/**
	 * [any] @return why the insert in {@code slot} (0 first) of channel {@code channelId} was taken out of the chain
	 *         while playing (it threw, output NaN or infinity, or its prepare threw), e.g. {@code threw
	 *         IllegalStateException at 1.280 s}, or null when it runs. The audio thread only records the fault (a
	 *         volatile int per processor, no allocation); the text is built here. Reads the plan being heard; a
	 *         faulted processor stays faulted across swaps (a rebuild keeps it).
	 */
	public String fault(String channelId, int slot) {
		return heardMixer.fault(channelId, slot);
	}

	/** [any] @return whether {@link #fault} would say something; no allocation (a display timer's poll) */
	public boolean faulted(String channelId, int slot) {
		return heardMixer.faulted(channelId, slot);
	}

	/** [main] @return the current plan's warnings and effect faults, one line each, and sources that failed */
	public List<String> warnings() {
		List<String> list = new ArrayList<>(mainLive.mixer.warnings());
		for (PrefetchRing r : mainLive.rings) {
			if (r.failure() != null) {
				list.add(r.failure() + "; plays silence");
			}
		}
		return list;
	}

	/**
	 * [main] @return what went wrong while playing, one line each: inserts taken out of the mix because they faulted
	 *         (naming channel, slot and effect) and sources that could not be read on (naming the file: deleted,
	 *         truncated, unreadable; such a track plays silence from where its data ended). The audio and disk
	 *         threads only set flags; the lines are made here. Compile warnings are not included ({@link #warnings}).
	 */
	public List<String> faults() {
		List<String> list = new ArrayList<>(mainLive.mixer.faults());
		for (PrefetchRing r : mainLive.rings) {
			if (r.failure() != null) {
				list.add(r.failure() + "; the track plays silence from where its data ended");
			} else if (r.deleted()) {
				list.add(r.file() + ": deleted while playing; the track plays on from the file still open, and the"
						+ " session will not find it when opened again");
			}
		}
		return list;
	}

	/**
	 * [any] @return the callbacks of playing, from the first {@link #play()}, after which allocation on the audio
	 *         thread is counted: {@link #REHEARSED_WARM_UP_CALLBACKS} after a rehearsal, else
	 *         {@link #WARM_UP_CALLBACKS}
	 */
	public int warmUpCallbacks() {
		return options.warmUpBlocks() > 0 ? REHEARSED_WARM_UP_CALLBACKS : WARM_UP_CALLBACKS;
	}

	/** [any] @return a snapshot of callback timing, allocation, starvation and GC pauses */
	public PlayerStats stats() {
		int[] h = histogram.clone();
		long total = 0;
		for (int c : h) {
			total += c;
		}
		long alloc = -1;
		long allocCallbacks = 0;
		long base = allocBaseline;
		if (options.measureAllocation() && base >= 0) {
			long done = callbacks;
			long now = threadAllocated(audioThreadId);
			// the device's thread may have ended (a stopped JACK client): its last sample then
			alloc = now >= 0 ? now - base : lastAllocated - base;
			allocCallbacks = (now >= 0 ? done : lastAllocatedCallbacks) - allocBaselineCallbacks;
		}
		long starved = 0;
		int failed = 0;
		for (PrefetchRing r : prefetcher.rings()) {
			starved += r.starved();
			failed += r.failure() != null ? 1 : 0;
		}
		return new PlayerStats(callbacks, xruns, percentile(h, total, 0.5), percentile(h, total, 0.99),
				percentile(h, total, 0.999), maxPercent, alloc, allocCallbacks, starved, failed, gcPauses, gcMax, gcTotal);
	}

	private static double percentile(int[] h, long total, double q) {
		if (total == 0) {
			return 0;
		}
		long want = (long) Math.ceil(q * total);
		long seen = 0;
		for (int i = 0; i < h.length; i++) {
			seen += h[i];
			if (seen >= want) {
				return i / 10.0;
			}
		}
		return (h.length - 1) / 10.0;
	}

	/** [main] Stops the disk and worker threads and closes the sources. The callback plays silence afterwards. */
	@Override
	public void close() {
		if (closedMain) {
			return;
		}
		closedMain = true;
		closed = true;
		prefetcher.close();
		// the device must have stopped calling back (AudioStream#stop returns when no callback runs), and the disk
		// thread has ended: this thread is the retired queue's only consumer now
		closeRetired();
		live.mixer.close();
		if (mainLive != live) {
			mainLive.mixer.close();
		}
		for (PrefetchRing r : ringBySource.values()) {
			r.close();
		}
	}

	private void post(Command c) {
		while (!commands.offer(c)) {
			sleep();
		}
	}

	/**
	 * [main, a rehearsal's] {@link #setParameter}, but this thread is also the rehearsal's audio thread: when the queue
	 * is full, {@code block} runs a block of it (which drains the queue) instead of waiting for a callback.
	 */
	private void rehearseParameter(String channelId, int slot, int index, double value, Runnable block) {
		int node = mainLive.mixer.node(channelId);
		if (node >= 0 && slot >= 0 && slot < mainLive.mixer.slots(node) && index >= 0) {
			Param p = new Param(mainLive, EFFECT, node, slot, index, value);
			while (!params.offer(p)) {
				block.run();
			}
		}
	}

	private void postParam(Param p) {
		while (!params.offer(p)) {
			sleep();
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", e);
		}
	}

	/** [disk thread, or main after it ended] Closes the swapped-out mixers (their worker threads). */
	private void closeRetired() {
		Live old;
		while ((old = retired.peek()) != null) {
			retired.remove();
			old.mixer.close();
		}
	}

	/** [disk thread, every 20 ms] Releases the swapped-out mixers, takes the allocation baseline, samples GC. */
	private void housekeeping() {
		closeRetired();
		if (++housekept % 50 == 0) { // once a second: are the files still there?
			for (PrefetchRing r : prefetcher.rings()) {
				r.checkFile();
			}
		}
		// the count is read before the counter: a callback between the two adds its bytes (none) but not itself
		long done = callbacks;
		long played = firstPlayed;
		if (options.measureAllocation() && allocBaseline < 0 && played >= 0 && done >= played + warmUpCallbacks()) {
			long now = threadAllocated(audioThreadId);
			if (now >= 0) {
				allocBaselineCallbacks = done;
				lastAllocatedCallbacks = done;
				lastAllocated = now;
				allocBaseline = now;
			}
		} else if (allocBaseline >= 0) {
			long now = threadAllocated(audioThreadId);
			if (now >= 0) {
				lastAllocatedCallbacks = done;
				lastAllocated = now;
			}
		}
		for (int i = 0; i < gcCount.length && countGc; i++) {
			GarbageCollectorMXBean b = collectors.get(i);
			if (b.getName().contains("Cycles")) {
				continue; // ZGC's concurrent cycles are not pauses; "ZGC Pauses" counts those
			}
			long count = b.getCollectionCount();
			long time = b.getCollectionTime();
			long dc = count - gcCount[i];
			if (dc > 0) {
				double ms = time - gcTime[i];
				gcPauses += dc;
				gcTotal += ms;
				gcMax = Math.max(gcMax, ms / dc);
				gcCount[i] = count;
				gcTime[i] = time;
			}
		}
	}

	/** [disk thread] Calls of {@link #housekeeping}. */
	private long housekept;

	private static Method allocatedBytes;

	/** [not audio] HotSpot's per-thread allocation counter of thread {@code id}, or -1. */
	static synchronized long threadAllocated(long id) {
		if (id < 0) {
			return -1;
		}
		try {
			if (allocatedBytes == null) {
				// looked up through the platform loader: no OSGi import of com.sun.management needed
				Class<?> type = Class.forName("com.sun.management.ThreadMXBean", true,
						ClassLoader.getPlatformClassLoader());
				allocatedBytes = type.getMethod("getThreadAllocatedBytes", long.class);
			}
			return (long) allocatedBytes.invoke(ManagementFactory.getThreadMXBean(), id);
		} catch (ReflectiveOperationException | RuntimeException e) {
			return -1;
		}
	}

	// ---------------------------------------------------------------- audio thread

	private final class Callback implements AudioCallback {
		@Override
		public void process(float[][] out, int frames) {
			long start = System.nanoTime();
			if (audioThreadId < 0) {
				audioThreadId = Thread.currentThread().threadId();
			}
			if (closed) {
				for (float[] o : out) {
					java.util.Arrays.fill(o, 0, frames, 0f);
				}
				return;
			}
			try {
				render(out, frames);
			} catch (IOException | RuntimeException e) {
				// the rings never throw and effects' faults are isolated in the mixer: nothing is expected here;
				// the audio goes on (silence for this buffer)
				for (float[] o : out) {
					java.util.Arrays.fill(o, 0, frames, 0f);
				}
			}
			// under resampling, the resampler's look-ahead (half its kernel) is not subtracted: within a few ms
			long p = clock.blockStart - live.mixer.latency();
			heard = Clock.timeline(Math.max(0, p), clock.start(), clock.loopStart(), clock.loopEnd());
			playingFlag = running;
			long nanos = System.nanoTime() - start;
			double percent = nanos * 1e-7 * deviceRate / frames;
			int bin = (int) Math.min(BINS - 1, percent * 10);
			if (callbacks >= TIMED_AFTER) {
				histogram[bin]++;
				if (percent > maxPercent) {
					maxPercent = percent;
				}
			}
			callbacks = callbacks + 1;
		}

		@Override
		public void stopped(String reason) {
			playingFlag = false;
		}
	}

	/** [audio] Fills the device's buffer: commands, then frames (mixed or resampled) with the fade applied. */
	private void render(float[][] out, int frames) throws IOException {
		int done = 0;
		while (done < frames) {
			if (pending == null) {
				drainCommands();
			}
			if (!running) {
				for (float[] o : out) {
					java.util.Arrays.fill(o, done, frames, 0f);
				}
				return;
			}
			int n = frames - done;
			if (fadeDir < 0) {
				n = Math.min(n, fadeFrames - fadePos);
			}
			if (dipLeft > 0) {
				n = Math.min(n, dipLeft); // a local swap has no resampler: device frames are plan frames
			}
			n = resampler == null ? mix(out, done, n) : resampler.read(out, done, n);
			applyFade(out, done, n);
			done += n;
			if (fadeDir < 0 && fadePos == fadeFrames) {
				endOfFadeOut();
			}
			if (dipLeft > 0) {
				dipLeft -= n;
				if (dipLeft == 0) {
					Command c = pending;
					pending = null;
					swapNow(c.live(), true);
				}
			}
		}
		for (int c = 2; c < out.length; c++) {
			java.util.Arrays.fill(out[c], 0, frames, 0f);
		}
	}

	private void applyFade(float[][] out, int off, int n) {
		if (fadeDir == 0) {
			return;
		}
		int channels = Math.min(2, out.length);
		float inv = 1f / fadeFrames;
		for (int i = off; i < off + n && fadeDir != 0; i++) {
			fadePos++;
			float g = (fadeDir > 0 ? fadePos : fadeFrames - fadePos) * inv;
			for (int c = 0; c < channels; c++) {
				out[c][i] *= g;
			}
			if (fadeDir > 0 && fadePos == fadeFrames) {
				fadeDir = 0;
			}
		}
	}

	private void fadeOut(Command then) {
		pending = then;
		fadeDir = -1;
		fadePos = 0;
	}

	private void fadeIn() {
		fadeDir = 1;
		fadePos = 0;
	}

	/** [audio] The fade-out ended: do what waited for it. */
	private void endOfFadeOut() {
		Command c = pending;
		pending = null;
		fadeDir = 0;
		switch (c.kind()) {
		case STOP -> running = false;
		case LOCATE -> {
			jump(c.a());
			fadeIn();
		}
		case LOOP -> {
			loop(c);
			fadeIn();
		}
		case SWAP -> {
			swapNow(c.live(), false);
			fadeIn();
		}
		default -> fadeIn();
		}
	}

	/** [audio] Applies the queued commands; one that needs a fade-out starts it and waits. */
	private void drainCommands() {
		Command c;
		while (pending == null && (c = commands.peek()) != null) {
			commands.remove();
			switch (c.kind()) {
			case PLAY -> {
				if (firstPlayed < 0) {
					firstPlayed = callbacks;
				}
				if (!running) {
					running = true;
					fadeIn();
				}
			}
			case STOP -> {
				if (running) {
					fadeOut(c);
				}
			}
			case LOCATE -> {
				if (running) {
					fadeOut(c);
				} else {
					jump(c.a());
				}
			}
			case LOOP -> {
				if (running) {
					fadeOut(c);
				} else {
					loop(c);
				}
			}
			case SWAP -> {
				if (!running) {
					swapNow(c.live(), false);
				} else if (c.live().handover.local() && resampler == null) {
					dipOut(c);
				} else {
					fadeOut(c);
				}
			}
			default -> {
			}
			}
		}
	}

	/** [audio] A new generation at timeline {@code frame}; the latency's run-in is mixed and dropped. */
	private void jump(long frame) {
		clock.begin(frame, loopA, loopB);
		live.mixer.locate(frame);
		drop = live.mixer.latency();
		if (resampler != null) {
			resampler.reset();
		}
		prefetcher.wake();
	}

	private void loop(Command c) {
		// the current heard position goes on; the prefetch restarts from it with the new wrap
		long at = heard;
		loopA = c.a();
		loopB = c.b();
		jump(at);
	}

	/**
	 * [audio] Starts a local swap: the channels that change ramp to silence over {@link #FADE_SECONDS} while the rest
	 * of the mix plays on; the swap is made when they are silent ({@link #dipLeft} counts down).
	 */
	private void dipOut(Command c) {
		Live l = live;
		for (int node : c.live().handover.dip()) {
			l.faderTarget[node] = 0;
			if (l.remaining[node] == 0) {
				l.ramping++;
			}
			l.remaining[node] = dipFrames;
		}
		pending = c;
		dipLeft = dipFrames;
	}

	/**
	 * [audio] Makes {@code next} the plan played from the next block: it takes over the timeline, the delay lines
	 * of the channels it shares with the current plan, and their current fader and pan (a ramp in progress goes on
	 * to the new plan's values); with {@code raise} (a local swap), the channels that changed rise from silence
	 * over {@link #FADE_SECONDS}.
	 */
	private void swapNow(Live next, boolean raise) {
		Live old = live;
		next.mixer.locate(old.mixer.position());
		LiveMixer.Handover h = next.handover;
		if (h != null) {
			next.mixer.takeOver(old.mixer, h);
			for (int k = 0; k < next.fader.length; k++) {
				int j = h.previousNode(k);
				if (j < 0) {
					continue;
				}
				next.fader[k] = old.fader[j];
				next.pan[k] = old.pan[j];
				if (next.fader[k] != next.faderTarget[k] || next.pan[k] != next.panTarget[k]) {
					if (next.remaining[k] == 0) {
						next.ramping++;
					}
					next.remaining[k] = smoothFrames;
				}
				next.mixer.setLiveGainsNow(k, next.fader[k], next.pan[k]);
			}
			// sends that both plans have go on from their live level to the new plan's, as faders do
			for (int s = 0; s < next.send.length; s++) {
				int j = h.previousSend(s);
				if (j < 0) {
					continue;
				}
				next.send[s] = old.send[j];
				if (next.send[s] != next.sendTarget[s]) {
					if (next.sendRemaining[s] == 0) {
						next.sendRamping++;
					}
					next.sendRemaining[s] = smoothFrames;
				}
				next.mixer.setLiveSendLevelNow(s, next.send[s]);
			}
			if (raise) {
				for (int k : h.raise()) {
					next.fader[k] = 0;
					next.pan[k] = next.panTarget[k];
					if (next.remaining[k] == 0) {
						next.ramping++;
					}
					next.remaining[k] = dipFrames;
					next.mixer.setLiveGainsNow(k, 0, next.pan[k]);
				}
			}
		}
		old.swappedOut = true;
		swapsMade = swapsMade + 1;
		live = next;
		meterBank = next.mixer.meters();
		heardMixer = next.mixer;
		retired.offer(old); // full only if the disk thread stopped closing them: then the old mixer is left open
	}

	/**
	 * [audio] Mixes {@code n} frames (at most; fewer at a loop's end) into {@code out[.][off ..]}: the run-in of a
	 * locate first (dropped), then blocks that never straddle the loop's end. @return frames written
	 */
	private int mix(float[][] out, int off, int n) throws IOException {
		LiveMixer m = live.mixer;
		while (drop > 0) {
			int k = (int) Math.min(drop, maxBlock);
			block(m, k);
			drop -= k;
		}
		int k = Math.min(n, maxBlock);
		long pos = m.position();
		if (loopB > loopA && pos < loopB) {
			k = (int) Math.min(k, loopB - pos);
		}
		block(m, k);
		float[][] master = m.master();
		System.arraycopy(master[0], 0, out[0], off, k);
		if (out.length > 1) {
			System.arraycopy(master[1], 0, out[1], off, k);
		}
		if (loopB > loopA && m.position() == loopB) {
			m.locate(loopA);
		}
		return k;
	}

	/** [audio] One mixer block: parameter smoothing, the play counter published, the mix. */
	private void block(LiveMixer m, int k) throws IOException {
		smooth(k);
		clock.publish();
		m.process(k);
		clock.blockStart += k;
	}

	/** [audio] The resampler's source: plan-rate frames, mixed as {@link #mix} does. */
	private int pull(float[][] dst, int off, int count) throws IOException {
		int done = 0;
		while (done < count) {
			done += mix(dst, off + done, Math.min(count - done, maxBlock));
		}
		return count;
	}

	/** [audio] Advances every ramping send of {@code l} by one block of {@code k} frames, as faders ramp. */
	private static void smoothSends(Live l, int k) {
		for (int s = 0; s < l.sendRemaining.length; s++) {
			int left = l.sendRemaining[s];
			if (left == 0) {
				continue;
			}
			int step = Math.min(k, left);
			double g = l.send[s];
			double gt = l.sendTarget[s];
			double frac = (double) step / left;
			if (g > 1e-5 && gt > 1e-5) {
				g *= Math.pow(gt / g, frac);
			} else {
				g += (gt - g) * frac;
			}
			l.send[s] = g;
			l.sendRemaining[s] = left - step;
			if (left - step == 0) {
				l.send[s] = gt;
				l.sendRamping--;
			}
			l.mixer.setLiveSendLevel(s, l.send[s]);
		}
	}

	/** [audio] Drains parameter changes and advances every ramping channel by one block of {@code k} frames. */
	private void smooth(int k) {
		Live l = live;
		Param p;
		while ((p = params.peek()) != null) {
			Live to = p.live();
			if (to != l && !to.swappedOut && (pending == null || pending.live() != to)) {
				break; // addressed to a plan whose swap has not reached this thread yet: it waits in the queue
			}
			if (to.swappedOut) {
				params.remove();
				continue; // addressed to a plan that is no longer played
			}
			// the current plan, or the one a local swap is about to make current (it takes the targets over)
			l = to;
			int at = p.at();
			if (p.kind() == EFFECT) {
				if (!l.mixer.queueParameter(at, p.slot(), p.index(), p.value())) {
					break; // the slot's events of this block are full: the rest waits for the next block
				}
			} else if (p.kind() == SEND) {
				l.sendTarget[at] = p.value();
				if (l.sendRemaining[at] == 0) {
					l.sendRamping++;
				}
				l.sendRemaining[at] = smoothFrames;
			} else {
				if (p.kind() == PAN) {
					l.panTarget[at] = p.value();
				} else {
					l.faderTarget[at] = p.value();
				}
				if (l.remaining[at] == 0) {
					l.ramping++;
				}
				l.remaining[at] = smoothFrames;
			}
			params.remove();
		}
		l = live;
		if (l.sendRamping > 0) {
			smoothSends(l, k);
		}
		if (l.ramping == 0) {
			return;
		}
		for (int node = 0; node < l.remaining.length; node++) {
			int left = l.remaining[node];
			if (left == 0) {
				continue;
			}
			int step = Math.min(k, left);
			double f = l.fader[node];
			double ft = l.faderTarget[node];
			double frac = (double) step / left;
			if (f > 1e-5 && ft > 1e-5) {
				f *= Math.pow(ft / f, frac); // multiplicative: equal dB per frame
			} else {
				f += (ft - f) * frac; // to or from silence: linear (a ratio to 0 is undefined)
			}
			l.fader[node] = f;
			l.pan[node] += (l.panTarget[node] - l.pan[node]) * frac;
			l.remaining[node] = left - step;
			if (left - step == 0) {
				l.fader[node] = ft;
				l.pan[node] = l.panTarget[node];
				l.ramping--;
			}
			l.mixer.setLiveGains(node, l.fader[node], l.pan[node]);
		}
	}
}
