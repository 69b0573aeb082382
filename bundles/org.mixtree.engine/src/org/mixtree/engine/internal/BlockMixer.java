package org.mixtree.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.meter.MeterBank;

/**
 * Mixes a {@link CompiledPlan} block by block. Everything is allocated in the constructor (which also prepares
 * the insert processors, off the audio thread); {@link #process} allocates nothing, takes no lock and touches no
 * file other than through the {@link SourceReader}s.
 * <p>
 * A block is one parallel phase over the plan's chunks ({@link CompiledPlan#chunks}, runs of up to four tracks of
 * one bus) on a small fixed {@link WorkerPool}: each track reads its source into the chunk's scratch buffer, runs
 * its insert chain there, feeds its sends and adds its post-fader, panned stereo signal to the chunk's partial
 * sum. A bus is summed as soon as its last input (chunks, child buses and sends into it) is ready, by the thread
 * that finished that input (a per-bus countdown, reset each block), so independent subtrees proceed in parallel,
 * the master is mixed by whoever completes its last input, and there is one barrier per block. Deferred work
 * handed in by the caller (writing and metering the previous block) runs in the same phase.
 * <p>
 * Every sum starts from +0 and adds in an order fixed by the plan (tracks in a chunk, then a bus's chunks and
 * child buses in description order, then the sends into it in send order), whichever thread computed the parts,
 * so the output is bit-identical for any thread count, scheduling and block size (effects are required to be
 * block-size independent).
 * <p>
 * Per channel the chain is source -&gt; clip gain -&gt; polarity -&gt; inserts -&gt; [pre-fader sends] -&gt; fader
 * -&gt; pan/balance -&gt; [post-fader sends] -&gt; output bus. A channel without inserts folds the linear factors
 * into one per output side. Mono tracks stay mono through their inserts (each effect is prepared
 * {@link ChannelLayout#MONO}) unless an insert cannot process mono: then the chain runs stereo from the source on
 * (both sides the source) and the pan law's gains apply to its left and right. Buses are stereo.
 * <p>
 * Plugin delay compensation: each insert's latency (bypassed ones included: a bypassed slot outputs its input
 * delayed by its latency) adds up to a channel's chain latency; a bus's input latency is the largest output
 * latency of whatever feeds it (inputs and sends), and every edge into it (an output or a send) gets a
 * preallocated delay line making up the difference, so every summing point adds sample-aligned signals. The
 * master's output lags the timeline by {@link #latency()}; the renderer discards that much at the start and
 * renders that much more at the end.
 * <p>
 * Sidechain keys: an insert keyed by another channel gets that channel's post-insert, pre-fader signal (see
 * {@link org.mixtree.engine.GraphDescription.Insert}) in its {@link ProcessBlock#sidechain()}, prepared with
 * {@code sidechainChannels} = the key's channel count. The key channel is mixed first: a keyed bus counts its keys
 * among the inputs it waits for, and a keyed track is a chunk of its own that runs when the last of its own task
 * and its keys completes (the same countdown, so still one barrier per block). Each node with a key keeps its key
 * signal in a preallocated buffer; each keyed slot delays it by what makes it sample-aligned with the slot's main
 * input, and when the key lags more than the main input, the keyed channel's input latency is raised instead
 * (its input edges, or for a track a delay before its chain, make up the difference), so PDC holds everywhere
 * downstream. A key channel that is not heard (muted, or not soloed) is still processed for its key, but adds
 * nothing to what it feeds.
 * <p>
 * Faults stay inside the effect: an insert that throws, outputs NaN or infinity, or takes longer than its budget
 * for a block is bypassed from then on (its input passes, delayed by its latency) and reported by
 * {@link #warnings()}; the mix goes on.
 * <p>
 * Metering (the real-time player): with a {@link MeterBank} set ({@link #meters}), every channel's output as it
 * goes to its bus (post inserts, fader and pan, before its compensation delay; for the master, what goes to the
 * device) is fed to the bank at the bank index equal to its node, once per block, by the thread that mixed the
 * channel (a worker or the caller), together with the largest gain reduction its active inserts report. A channel
 * that outputs nothing this block (muted, not soloed, outside its source, at -inf) is fed silence, so its meter
 * falls. Without a bank, nothing is computed and the mix is unchanged; with one, the output is bit-identical.
 * <p>
 * {@link #process} is called by one thread (the render or audio thread). Inaudible tracks are not read at all.
 */
final class BlockMixer implements AutoCloseable {

	static {
		// the interface of deferred work is resolved here, not by the first block that has some: that would load it
		// on the audio thread (a class load allocates and reads the bundle's jar; seen with JFR in a soak)
		Class<?> deferred = Deferred.class;
		assert deferred.isInterface();
	}

	/** Work the caller wants run during the next block's track phase, in parallel with the tracks. */
	interface Deferred {
		/** @return the number of tasks for the coming block (may be 0) */
		int count();

		/** Runs task {@code index}; tasks must be independent of each other. */
		void run(int index) throws IOException;
	}

	/**
	 * The least live parameter changes a slot holds between two blocks ({@link #queueParameter}); a slot holds one for
	 * each of its effect's parameters if that is more (changes of one parameter coalesce).
	 */
	static final int LIVE_EVENTS = 32;

	/** The longest tail a render adds after the last source: longer tails (a feedback of 1) are cut, in seconds. */
	static final double MAX_TAIL_SECONDS = 30;

	private final CompiledPlan plan;
	private final SourceReader[] readers;
	private final int maxBlock;
	/** Per bus node, stereo: the sum, then (in place) the bus's output after fader, balance and compensation. */
	private final float[][][] buffers;
	/** Per bus node: whether {@link #buffers} holds this block's signal (else it is silent and skipped). */
	private final boolean[] active;
	/** Per chunk, stereo: the sum of its tracks' panned signals. */
	private final float[][][] partial;
	/** Per chunk: whether {@link #partial} has anything this block. */
	private final boolean[] chunkActive;
	/** Per chunk: a source's own channels, reused by each track of the chunk in turn. */
	private final float[][][] scratch;
	/** Per chunk: the delayed input of the insert being run (to pass it when the insert is bypassed or faults). */
	private final float[][][] dryScratch;
	/** Per chunk: a track's output before its compensation delay. */
	private final float[][][] edgeScratch;
	/** Per node: what multiplies the chain's output into the output bus (all linear factors when no inserts). */
	private final float[] gainLeft;
	private final float[] gainRight;
	/** Per node with inserts: clip gain and polarity, applied before the inserts. */
	private final float[] preGain;
	private final boolean[] stereo;
	/** Per track node: runs stereo from the source on although the source is mono. */
	private final boolean[] chainStereo;
	/** Per node: a track with no inserts, sends or delays (the folded fast path). */
	private final boolean[] plain;
	/** Per node: processed every block even when nothing reaches it (inserts with state, delay lines). */
	private final boolean[] alwaysRun;
	private final long[] offset;
	private final long[] length;
	/** Per track index: its chunk. */
	private final int[] chunkOf;

	/** Per node, per slot: the processor to run, or null (pass through, latency 0). */
	private final Processor[][] procs;
	private final ProcessBlock[][] blocks;
	/** Per node, per slot: the plan's pending parameter changes are still to be sent (see CompiledPlan). */
	private final boolean[][] eventsDue;
	private final DelayLine[][] dry;
	/** Per node: its chain's channel buffers and the matching dry buffers (views of the chunk or bus buffers). */
	private final float[][][] work;
	private final float[][][] dryWork;
	private final int[] chainLatency;
	private final int[] inLatency;
	private final int[] outLatency;
	/** Per node: compensation on the way to its output bus (null: none). */
	private final DelayLine[] outLine;
	/** Per send: its signal this block, its gains, its compensation, whether it carries anything. */
	private final float[][][] sendBuffer;
	private final float[] sendLeft;
	private final float[] sendRight;
	/**
	 * Live gains (real-time player): per node and per send, the gains at the start of the block. They differ from
	 * {@link #gainLeft}/{@link #sendLeft} only while a {@link #setLiveGains} change ramps, linearly per sample over
	 * one block; otherwise the loops are the plain ones, so output is bit-identical to an offline render.
	 */
	private final float[] fromLeft;
	private final float[] fromRight;
	private final float[] sendFromLeft;
	private final float[] sendFromRight;
	private final DelayLine[] sendLine;
	private final boolean[] sendActive;
	/**
	 * Live levels (real-time player): per node the fader (linear) and pan last set by {@link #setLiveGains}, per send
	 * its level (linear) last set by {@link #setLiveSendLevel}; they start at the plan's values.
	 */
	private final double[] liveFader;
	private final double[] livePan;
	private final double[] liveSendLevel;
	/**
	 * Live parameter events (real-time player): per node, per slot, parameter index and value queued by
	 * {@link #queueParameter}, delivered at the start of the slot's next processed block; at most
	 * {@link #LIVE_EVENTS} per slot and block (a later value for the same parameter replaces the queued one).
	 */
	private final int[][][] liveIndex;
	private final double[][][] liveValue;
	private final int[][] liveCount;
	private final long tail;
	private final List<String> setupWarnings = new ArrayList<>();
	private final double budgetFactor;
	/** Real time: the budget is the block's duration in CPU time, over {@link #REALTIME_SLOW_BLOCKS} blocks. */
	private final boolean realtime;

	/**
	 * Consecutive blocks an insert may take longer than the block lasts before the real-time mixer bypasses it as too
	 * slow (the first timed by the wall clock, the rest, while it stays over, by the thread's CPU clock, so a
	 * descheduled thread does not count): one such block is a hiccup (a page fault, a compilation); 16 in a row (about
	 * 85 ms at 256 frames and 48 kHz) is an effect that cannot keep up, and every one of them was an xrun already.
	 */
	static final int REALTIME_SLOW_BLOCKS = 16;

	/** Per node, per slot: the node keying the slot's sidechain (effective: connected and prepared), or -1. */
	private final int[][] keyOf;
	/** Per node: keys a connected sidechain; its key signal is kept in {@link #keyBuffer}. */
	private final boolean[] isKey;
	/** Per key node: its post-insert, pre-fader signal of this block ({@link #keyChannels} channels). */
	private final float[][][] keyBuffer;
	private final int[] keyChannels;
	/** Per node, per keyed slot: the key delayed into alignment with the slot's input, and its buffer. */
	private final DelayLine[][] keyLine;
	private final float[][][][] keyWork;
	/** Per track node whose input latency is raised by a key: the delay before its chain (null: none). */
	private final DelayLine[] preLine;
	/** Per node: whether its output adds to its output bus (heard, or part of an unheard key bus's key). */
	private final boolean[] feedsOut;
	/** Per send: whether it adds to its target (same rule as {@link #feedsOut}). */
	private final boolean[] sendOn;

	/** Per bus node: inputs (chunks, buses, sends) and keys still to complete in this block. */
	private final AtomicIntegerArray remaining;
	/** Per bus node: its keys to wait for (added to {@link #remaining} each block). */
	private final int[] busKeyDeps;
	/** Per chunk: its own task plus its keys still to complete in this block; the one reaching 0 runs it. */
	private final AtomicIntegerArray chunkWait;
	private final int[] chunkKeyDeps;
	/**
	 * Per bus node: what its completion counts down: buses its output, sends and key feed ({@code >= 0}) and chunks
	 * it keys ({@code -(chunk + 1)}).
	 */
	private final int[][] busDependents;
	/** Per chunk: the same for its tracks' outputs, sends and keys. */
	private final int[][] chunkDependents;
	/** Buses without inputs, in processing order: completed before the parallel phase. */
	private final int[] emptyBuses;
	private final WorkerPool pool;
	private final WorkerPool.Task trackPhase = this::chunkTask;

	/** The meters fed each block, indexed by node, or null (set before the first block). */
	private MeterBank meters;
	/** Per chunk, stereo: a track's output for its meter (allocated with {@link #meters}). */
	private float[][][] meterScratch;
	/** Per node: its meter was fed this block (tracks; read and cleared by the chunk that mixed it). */
	private boolean[] metered;
	/** The rings of tapped channels, or null ({@link #taps}): resolved to {@link #tapByNode} at each block's start. */
	private TapBoard tapBoard;
	/** Per node: the ring its output is copied into, or null; written by the caller before each phase. */
	private TapRing[] tapByNode;
	/** The board's array {@link #tapByNode} was resolved from. */
	private TapRing[] tapsResolved;
	/** Stereo silence fed to the meters of channels that output nothing; never written after allocation. */
	private float[][] silence;

	private long position;
	private int frames;
	private long budget;
	private Deferred deferred;
	private int deferredCount;

	/**
	 * Pipelined master ({@link #pipelineMaster}): the master's inputs of block k are summed into {@link #masterSum}
	 * during block k's phase; its chain, fader and balance run on {@link #buffers}{@code [master]} as one more task of
	 * block k+1's phase, beside the tracks of block k+1. Null: not pipelined.
	 */
	private float[][] masterSum;
	/** The master's summing of this phase found something to process (written by the thread that summed it). */
	private boolean masterSummed;
	/** A summed master block waits for its chain; its frames, timeline position, effect budget and whether it runs. */
	private boolean masterDue;
	private int chainFrames;
	private long chainPosition;
	private long chainBudget;
	private boolean chainRuns;
	/** 1 when this phase runs the previous block's master chain (task index {@link #deferredCount}), else 0. */
	private int chainTasks;

	/** An offline mixer: processors reset, the default effect budget. */
	BlockMixer(CompiledPlan plan, SourceReader[] readers, int maxBlock, int threads) {
		this(plan, readers, maxBlock, threads, RenderMode.OFFLINE, true,
				org.mixtree.engine.RenderOptions.DEFAULT_EFFECT_BUDGET);
	}

	/**
	 * Prepares the plan's processors for this mixer's setup (kept as they are when already prepared for it) and
	 * allocates every buffer and delay line. Call off the audio thread.
	 *
	 * @param readers      one per track, in the plan's track order (description order); owned by the caller
	 * @param threads      threads for each block, the caller's included
	 * @param reset        reset every processor and clear earlier faults (an offline render starting from the
	 *                     top); false keeps their audio state (a rebuilt plan continuing playback)
	 * @param budgetFactor an insert's time budget per block as a multiple of the block's duration (0: none)
	 */
	BlockMixer(CompiledPlan plan, SourceReader[] readers, int maxBlock, int threads, RenderMode mode, boolean reset,
			double budgetFactor) {
		this.plan = plan;
		this.readers = readers.clone();
		this.maxBlock = maxBlock;
		this.budgetFactor = budgetFactor;
		this.realtime = mode == RenderMode.REALTIME && budgetFactor > 0;
		int n = plan.size();
		buffers = new float[n][][];
		for (int k = 0; k < n; k++) {
			buffers[k] = plan.isBus[k] ? new float[2][maxBlock] : new float[2][0];
		}
		active = new boolean[n];
		int chunks = plan.chunks.length;
		partial = new float[chunks][2][maxBlock];
		chunkActive = new boolean[chunks];
		scratch = new float[chunks][2][maxBlock];
		dryScratch = new float[chunks][2][maxBlock];
		edgeScratch = new float[chunks][2][maxBlock];
		gainLeft = new float[n];
		gainRight = new float[n];
		preGain = new float[n];
		stereo = new boolean[n];
		chainStereo = new boolean[n];
		plain = new boolean[n];
		alwaysRun = new boolean[n];
		int tracks = plan.trackCount();
		offset = new long[tracks];
		length = new long[tracks];
		chunkOf = new int[tracks];
		for (int c = 0; c < chunks; c++) {
			for (int t : plan.chunks[c]) {
				chunkOf[t] = c;
			}
		}
		for (int t = 0; t < tracks; t++) {
			stereo[plan.tracks[t]] = readers[t].channels() == 2;
			offset[t] = plan.source(t).offsetFrames();
			length[t] = readers[t].frames();
		}
		for (int k = 0; k < n; k++) {
			stereo[k] |= plan.isBus[k];
		}

		// processors: layout, prepare, latency; keys come earlier in processing order, so their layout is known
		keyOf = new int[n][];
		isKey = new boolean[n];
		keyChannels = new int[n];
		int[][] slotLatency = new int[n][];
		procs = new Processor[n][];
		blocks = new ProcessBlock[n][];
		eventsDue = new boolean[n][];
		dry = new DelayLine[n][];
		liveIndex = new int[n][][];
		liveValue = new double[n][][];
		liveCount = new int[n][];
		work = new float[n][][];
		dryWork = new float[n][][];
		chainLatency = new int[n];
		for (int k = 0; k < n; k++) {
			Processor[] chain = plan.processors[k];
			procs[k] = new Processor[chain.length];
			blocks[k] = new ProcessBlock[chain.length];
			eventsDue[k] = new boolean[chain.length];
			dry[k] = new DelayLine[chain.length];
			liveIndex[k] = new int[chain.length][];
			liveValue[k] = new double[chain.length][];
			for (int j = 0; j < chain.length; j++) {
				// room for every parameter of the effect: changes coalesce by parameter, so a slot's queue never
				// fills, even one that does not run (bypassed, on a silent track) while it takes a preset's values
				int capacity = liveCapacity(chain[j]);
				liveIndex[k][j] = new int[capacity];
				liveValue[k][j] = new double[capacity];
			}
			liveCount[k] = new int[chain.length];
			keyOf[k] = new int[chain.length];
			Arrays.fill(keyOf[k], -1);
			slotLatency[k] = new int[chain.length];
			if (chain.length == 0) {
				keyChannels[k] = stereo[k] ? 2 : 1;
				continue;
			}
			if (!stereo[k]) {
				for (Processor p : chain) {
					chainStereo[k] |= p != null && !p.effect.descriptor().layouts().contains(ChannelLayout.MONO)
							&& p.effect.descriptor().layouts().contains(ChannelLayout.STEREO);
				}
			}
			boolean two = stereo[k] || chainStereo[k];
			keyChannels[k] = two ? 2 : 1;
			ChannelLayout layout = two ? ChannelLayout.STEREO : ChannelLayout.MONO;
			if (plan.isBus[k]) {
				work[k] = buffers[k];
				dryWork[k] = new float[2][maxBlock];
			} else {
				int c = chunkOf[plan.trackIndex[k]];
				work[k] = two ? scratch[c] : new float[][] { scratch[c][0] };
				dryWork[k] = two ? dryScratch[c] : new float[][] { dryScratch[c][0] };
			}
			for (int j = 0; j < chain.length; j++) {
				Processor p = chain[j];
				String where = plan.channels[k].label() + " slot " + (j + 1) + " ("
						+ plan.channels[k].inserts().get(j).effectId() + ")";
				if (p == null) {
					continue;
				}
				if (!p.effect.descriptor().layouts().contains(layout)) {
					setupWarnings.add(where + ": does not process " + layout.name().toLowerCase(java.util.Locale.ROOT)
							+ "; passed through");
					continue;
				}
				int key = plan.keySource[k][j];
				if (key >= 0 && !p.effect.descriptor().sidechain()) {
					setupWarnings.add(where + ": takes no sidechain; key " + plan.channels[key].label() + " ignored");
					key = -1;
				}
				ProcessSetup setup = new ProcessSetup(plan.sampleRate, maxBlock, layout,
						key < 0 ? 0 : keyChannels[key], mode);
				if (reset) {
					p.clearFault();
				}
				if (!p.prepare(setup)) {
					continue; // reported with the faults
				}
				keyOf[k][j] = key;
				if (key >= 0) {
					isKey[key] = true;
				}
				if (reset) {
					p.effect.reset();
				}
				procs[k][j] = p;
				int latency = p.latency();
				slotLatency[k][j] = latency;
				chainLatency[k] += latency;
				dry[k][j] = new DelayLine(two ? 2 : 1, latency, maxBlock);
				double[] changes = plan.pendingParameters[k][j];
				blocks[k][j] = new ProcessBlock(work[k], (changes == null ? 0 : changes.length / 2) + liveIndex[k][j].length);
				eventsDue[k][j] = changes != null;
			}
		}

		// delay compensation: nodes are in processing order, so every input's latency is known before its bus's
		int sends = plan.sendSource.length;
		inLatency = new int[n];
		outLatency = new int[n];
		long[] ring = new long[n];
		for (int k = 0; k < n; k++) {
			long ringIn = 0;
			for (int in : plan.inputs[k]) {
				inLatency[k] = Math.max(inLatency[k], outLatency[in]);
				ringIn = Math.max(ringIn, ring[in]);
			}
			for (int s : plan.sendsInto[k]) {
				inLatency[k] = Math.max(inLatency[k], outLatency[plan.sendSource[s]]);
				ringIn = Math.max(ringIn, ring[plan.sendSource[s]]);
			}
			// a key that lags more than the keyed slot's input delays the whole channel's input instead
			int before = 0;
			for (int j = 0; j < keyOf[k].length; j++) {
				if (keyOf[k][j] >= 0) {
					inLatency[k] = Math.max(inLatency[k], outLatency[keyOf[k][j]] - before);
				}
				before += slotLatency[k][j];
			}
			outLatency[k] = inLatency[k] + chainLatency[k];
			long own = 0;
			for (Processor p : procs[k]) {
				own += p == null ? 0 : p.tail();
			}
			ring[k] = plan.audible[k] ? Math.min(Long.MAX_VALUE / 4, ringIn + own) : 0;
		}
		tail = Math.min(ring[plan.master], (long) (MAX_TAIL_SECONDS * plan.sampleRate));
		keyBuffer = new float[n][][];
		for (int k = 0; k < n; k++) {
			keyBuffer[k] = isKey[k] ? new float[keyChannels[k]][maxBlock] : null;
		}
		keyLine = new DelayLine[n][];
		keyWork = new float[n][][][];
		preLine = new DelayLine[n];
		for (int k = 0; k < n; k++) {
			keyLine[k] = new DelayLine[keyOf[k].length];
			keyWork[k] = new float[keyOf[k].length][][];
			int before = inLatency[k];
			for (int j = 0; j < keyOf[k].length; j++) {
				int key = keyOf[k][j];
				if (key >= 0) {
					keyLine[k][j] = new DelayLine(keyChannels[key], before - outLatency[key], maxBlock);
					keyWork[k][j] = new float[keyChannels[key]][maxBlock];
				}
				before += slotLatency[k][j];
			}
			if (!plan.isBus[k] && inLatency[k] > 0) {
				preLine[k] = new DelayLine(stereo[k] ? 2 : 1, inLatency[k], maxBlock);
			}
		}
		outLine = new DelayLine[n];
		for (int k = 0; k < n; k++) {
			int o = plan.output[k];
			int d = o < 0 ? 0 : inLatency[o] - outLatency[k];
			if (d > 0) {
				outLine[k] = new DelayLine(2, d, maxBlock);
			}
		}
		sendBuffer = new float[sends][2][maxBlock];
		sendLeft = new float[sends];
		sendRight = new float[sends];
		sendLine = new DelayLine[sends];
		sendActive = new boolean[sends];
		for (int s = 0; s < sends; s++) {
			int d = inLatency[plan.sendTarget[s]] - outLatency[plan.sendSource[s]];
			if (d > 0) {
				sendLine[s] = new DelayLine(2, d, maxBlock);
			}
		}

		// gains
		liveFader = plan.fader.clone();
		livePan = new double[n];
		for (int k = 0; k < n; k++) {
			livePan[k] = plan.channels[k].pan();
		}
		liveSendLevel = plan.sendLevel.clone();
		for (int k = 0; k < n; k++) {
			boolean chain = procs[k].length > 0;
			double pre = chain ? 1.0 : plan.preGain[k];
			preGain[k] = (float) plan.preGain[k];
			boolean panned = !plan.isBus[k] && !stereo[k];
			double pl = panned ? plan.panLeft[k] : plan.balanceLeft[k];
			double pr = panned ? plan.panRight[k] : plan.balanceRight[k];
			gainLeft[k] = (float) (pre * plan.fader[k] * pl);
			gainRight[k] = (float) (pre * plan.fader[k] * pr);
			for (int s : plan.sendsOf[k]) {
				double g = pre * plan.sendLevel[s] * (plan.sendPre[s] ? 1.0 : plan.fader[k]);
				sendLeft[s] = (float) (g * pl);
				sendRight[s] = (float) (g * pr);
			}
			boolean delays = outLine[k] != null || preLine[k] != null;
			for (int s : plan.sendsOf[k]) {
				delays |= sendLine[s] != null;
			}
			alwaysRun[k] = plan.live[k] && (chain || delays || isKey[k]);
			plain[k] = !plan.isBus[k] && !chain && !delays && plan.sendsOf[k].length == 0 && !isKey[k]
					&& plan.audible[k] == plan.live[k];
		}

		fromLeft = gainLeft.clone();
		fromRight = gainRight.clone();
		sendFromLeft = sendLeft.clone();
		sendFromRight = sendRight.clone();

		// what adds into what: heard signals into heard buses; into a bus only a key needs, what is not muted
		feedsOut = new boolean[n];
		for (int k = 0; k < n; k++) {
			int o = plan.output[k];
			feedsOut[k] = o < 0 ? plan.audible[k] : feeds(k, o);
		}
		sendOn = new boolean[sends];
		for (int s = 0; s < sends; s++) {
			sendOn[s] = feeds(plan.sendSource[s], plan.sendTarget[s]);
		}

		remaining = new AtomicIntegerArray(n);
		chunkWait = new AtomicIntegerArray(chunks);
		busKeyDeps = new int[n];
		chunkKeyDeps = new int[chunks];
		List<List<Integer>> busDeps = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			busDeps.add(dependents(k, plan.output[k]));
		}
		List<List<Integer>> chunkDeps = new ArrayList<>();
		for (int c = 0; c < chunks; c++) {
			List<Integer> d = new ArrayList<>();
			d.add(plan.chunkOutput[c]);
			for (int t : plan.chunks[c]) {
				for (int s : plan.sendsOf[plan.tracks[t]]) {
					d.add(plan.sendTarget[s]);
				}
			}
			chunkDeps.add(d);
		}
		for (int k = 0; k < n; k++) {
			for (int key : keyOf[k]) {
				if (key < 0) {
					continue;
				}
				int consumer;
				if (plan.isBus[k]) {
					consumer = k;
					busKeyDeps[k]++;
				} else {
					int c = chunkOf[plan.trackIndex[k]];
					consumer = -(c + 1);
					chunkKeyDeps[c]++;
				}
				(plan.isBus[key] ? busDeps.get(key) : chunkDeps.get(chunkOf[plan.trackIndex[key]])).add(consumer);
			}
		}
		busDependents = busDeps.stream().map(d -> d.stream().mapToInt(Integer::intValue).toArray())
				.toArray(int[][]::new);
		chunkDependents = chunkDeps.stream().map(d -> d.stream().mapToInt(Integer::intValue).toArray())
				.toArray(int[][]::new);
		emptyBuses = IntStream.range(0, n).filter(k -> plan.isBus[k] && plan.items[k].length == 0
				&& plan.sendsInto[k].length == 0 && busKeyDeps[k] == 0).toArray();
		pool = new WorkerPool(threads, "mixtree-mix");
	}

	private List<Integer> dependents(int node, int output) {
		List<Integer> d = new ArrayList<>();
		if (output >= 0) {
			d.add(output);
		}
		for (int s : plan.sendsOf[node]) {
			d.add(plan.sendTarget[s]);
		}
		return d;
	}

	/**
	 * Whether {@code from}'s signal adds into bus {@code to}: into a heard bus, when {@code from} is heard; into a
	 * bus processed only for a key, when {@code from} is processed and not muted itself.
	 */
	private boolean feeds(int from, int to) {
		if (plan.audible[to]) {
			return plan.audible[from];
		}
		return plan.live[to] && plan.live[from] && !plan.channels[from].mute();
	}

	/** @return the frames from the start to the end of the longest source */
	long length() {
		long end = 0;
		for (int t = 0; t < length.length; t++) {
			end = Math.max(end, offset[t] + length[t]);
		}
		return end;
	}

	/**
	 * @return how long the audible effects ring on after the last source ends, in frames: along each path to the
	 *         master the insert tails add up (a reverb into a delay rings for both), the longest path counts, cut
	 *         at {@value #MAX_TAIL_SECONDS} s so a runaway feedback cannot make a render endless
	 */
	long tail() {
		return tail;
	}

	/** @return how far the master output lags the timeline, in frames (the master path's total latency) */
	int latency() {
		return outLatency[plan.master];
	}

	/**
	 * @return how far {@link #output}{@code (node)} lags the timeline: the master's {@link #latency()}, or for another
	 *         bus the input latency of the bus it feeds (its output is already compensated to that)
	 */
	int tapLatency(int node) {
		return node == plan.master ? outLatency[node] : inLatency[plan.output[node]];
	}

	/** @return the chain latency of {@code node}'s inserts, in frames (for tests and diagnostics) */
	int chainLatency(int node) {
		return chainLatency[node];
	}

	/**
	 * [any] Why the insert in {@code slot} of channel node {@code node} was taken out of the chain (threw, output
	 * NaN or infinity, too slow, prepare threw), or null when it runs (or there is no such slot). The audio thread
	 * only sets the processor's fault kind (a volatile int, no allocation); the text is built here, on the caller's
	 * thread.
	 */
	String fault(int node, int slot) {
		if (node < 0 || node >= plan.processors.length || slot < 0 || slot >= plan.processors[node].length) {
			return null;
		}
		Processor p = plan.processors[node][slot];
		return p == null ? null : p.fault(plan.sampleRate);
	}

	/** [any] Whether {@link #fault(int, int)} would say something: one volatile read, no allocation. */
	boolean faulted(int node, int slot) {
		if (node < 0 || node >= plan.processors.length || slot < 0 || slot >= plan.processors[node].length) {
			return false;
		}
		Processor p = plan.processors[node][slot];
		return p != null && p.faulted();
	}

	/**
	 * [main, after the last block] What went wrong without stopping the mix: the plan's compile warnings, inserts
	 * that cannot take their channel's layout, and every insert that faulted, as one line each.
	 */
	List<String> warnings() {
		List<String> list = new ArrayList<>(plan.warnings);
		list.addAll(setupWarnings);
		list.addAll(faults());
		return list;
	}

	/**
	 * [not audio] Every insert that faulted so far (threw, output NaN or infinity, was too slow, failed to prepare),
	 * one line each naming the channel, the slot and the effect: {@code Track a slot 1 (org.mixtree.test.faulty):
	 * threw IllegalStateException at 1.280 s; bypassed}. The audio thread only set the processors' flags.
	 */
	List<String> faults() {
		List<String> list = new ArrayList<>();
		for (int k = 0; k < procs.length; k++) {
			Processor[] chain = plan.processors[k];
			for (int j = 0; j < chain.length; j++) {
				Processor p = chain[j];
				String fault = p == null ? null : p.fault(plan.sampleRate);
				if (fault != null) {
					list.add(plan.channels[k].label() + " slot " + (j + 1) + " ("
							+ plan.channels[k].inserts().get(j).effectId() + "): " + fault + "; bypassed");
				}
			}
		}
		return list;
	}

	/**
	 * [main, before the first block] Feeds {@code bank} from every block on: channel node {@code k} is bank index
	 * {@code k} (a bank made for this plan: {@code new MeterBank(plan, previous)}). Allocates the metering buffers.
	 *
	 * @throws IllegalArgumentException when the bank's channel ids are not the plan's, in processing order
	 */
	void meters(MeterBank bank) {
		if (bank != null && !bank.channelIds().equals(plan.processingOrder())) {
			throw new IllegalArgumentException("meter bank " + bank.channelIds() + " is not for plan "
					+ plan.processingOrder());
		}
		if (bank != null && meterScratch == null) {
			meterScratch = new float[plan.chunks.length][2][maxBlock];
			metered = new boolean[plan.size()];
			silence = new float[2][maxBlock];
		}
		meters = bank;
	}

	/**
	 * [main, before the first block] Copies each block of the channels {@code board} holds rings for into them, at
	 * the point the meters read (every channel once per block, its output or silence). Needs a meter bank
	 * ({@link #meters}), which the real-time player always sets.
	 */
	void taps(TapBoard board) {
		if (board != null && meters == null) {
			throw new IllegalArgumentException("taps are fed where the meters are: set a meter bank first");
		}
		tapBoard = board;
		tapByNode = board == null ? null : new TapRing[plan.size()];
		tapsResolved = null;
	}

	/** [the caller, before the phase] Points {@link #tapByNode} at the board's rings when they changed. */
	private void resolveTaps() {
		TapRing[] now = tapBoard.rings();
		if (now == tapsResolved) {
			return;
		}
		// a loop, not Arrays.fill(Object[], Object): that shared JDK method is compiled with the array types of all
		// its callers and traps back to the interpreter here (a deoptimisation on the audio thread, seen with JFR)
		TapRing[] byNode = tapByNode;
		for (int i = 0; i < byNode.length; i++) {
			byNode[i] = null;
		}
		for (TapRing r : now) {
			int node = plan.nodeOrNone(r.channelId());
			if (node >= 0) {
				tapByNode[node] = r;
			}
		}
		tapsResolved = now;
	}

	/**
	 * Feeds {@code node}'s meter with {@code buf[.][0 .. n)} and the largest gain reduction (dB, 0 or positive) its
	 * active inserts report. [the thread mixing {@code node}]
	 */
	private void feedMeter(int node, float[][] buf, int n) {
		MeterBank bank = meters;
		Processor[] chain = procs[node];
		if (chain.length > 0) {
			double reduction = 0;
			boolean[] bypass = plan.bypass[node];
			for (int j = 0; j < chain.length; j++) {
				Processor p = chain[j];
				if (p != null && !bypass[j] && !p.faulted()) {
					double db = p.effect.gainReductionDb();
					if (db > reduction && db < Double.POSITIVE_INFINITY) {
						reduction = db;
					}
				}
			}
			bank.setGainReduction(node, reduction);
		}
		bank.process(node, buf, 0, n);
		TapRing[] taps = tapByNode;
		if (taps != null && taps[node] != null) {
			taps[node].write(buf, n);
		}
	}

	/** Feeds track {@code node}'s meter with its output of this block, {@code buf[.][0 .. n)}. */
	private void meterTrack(int node, float[][] buf, int n) {
		metered[node] = true;
		feedMeter(node, buf, n);
	}

	/** dst[i] = g(i) * src[i] for i in [start, end), g ramping as in {@link #addRamped} (constant when equal). */
	private static void scaleRange(float[] dst, float[] src, int start, int end, int n, float from, float to) {
		if (from == to) {
			for (int i = start; i < end; i++) {
				dst[i] = from * src[i];
			}
			return;
		}
		float step = (to - from) / n;
		for (int i = start; i < end; i++) {
			dst[i] = (from + step * (i + 1)) * src[i];
		}
	}

	/** dst[i] += src[i] for i in [start, end). */
	private static void addRange(float[] dst, float[] src, int start, int end) {
		for (int i = start; i < end; i++) {
			dst[i] += src[i];
		}
	}

	/** @return the timeline frame of the next block */
	long position() {
		return position;
	}

	/** @return the output of bus {@code node} (stereo, valid for the frames of the last block) */
	float[][] output(int node) {
		return buffers[node];
	}

	/**
	 * Mixes the next {@code count} frames (1 to the block size) and advances; the master and every bus can then be
	 * read through {@link #output} until the next call. Runs {@code work}'s tasks during the track phase.
	 */
	void process(int count, Deferred work) throws IOException {
		if (count < 1 || count > maxBlock) {
			throw new IllegalArgumentException("block of " + count + " frames, maximum " + maxBlock);
		}
		frames = count;
		budget = budgetFactor == 0 || Double.isInfinite(budgetFactor) ? 0
				: realtime ? (long) (1e9 * budgetFactor * count / plan.sampleRate)
						: (long) (1e9 * Math.max(org.mixtree.engine.RenderOptions.MIN_EFFECT_BUDGET_SECONDS,
								budgetFactor * count / plan.sampleRate));
		deferred = work;
		deferredCount = work == null ? 0 : work.count();
		takeMaster();
		if (tapBoard != null) {
			resolveTaps();
		}
		int[][] items = plan.items;
		for (int k = 0; k < items.length; k++) {
			remaining.set(k, items[k].length + plan.sendsInto[k].length + busKeyDeps[k]);
		}
		for (int c = 0; c < chunkKeyDeps.length; c++) {
			chunkWait.set(c, 1 + chunkKeyDeps[c]);
		}
		for (int bus : emptyBuses) {
			mixBus(bus);
			completed(bus);
		}
		// the volatile write that starts the phase publishes the counts to the workers
		pool.run(trackPhase, deferredCount + chainTasks + plan.chunks.length);
		deferred = null;
		if (masterSum != null) {
			// this block's master sum waits for its chain in the next phase
			masterDue = true;
			chainFrames = count;
			chainPosition = position;
			chainBudget = budget;
			chainRuns = masterSummed;
		}
		position += count;
		// live gain ramps end with the block
		System.arraycopy(gainLeft, 0, fromLeft, 0, fromLeft.length);
		System.arraycopy(gainRight, 0, fromRight, 0, fromRight.length);
		System.arraycopy(sendLeft, 0, sendFromLeft, 0, sendFromLeft.length);
		System.arraycopy(sendRight, 0, sendFromRight, 0, sendFromRight.length);
	}

	/**
	 * [audio, between blocks] Moves the play position (the real-time player's locate and loop). Delay lines and
	 * effects keep their state; the caller fades around the jump.
	 */
	void locate(long frame) {
		position = frame;
	}

	/**
	 * [audio, between blocks] A live fader and pan change of {@code node}: its output and send gains reach the
	 * values for {@code fader} (linear) and {@code pan} at the end of the next block, ramping linearly per sample
	 * from where they are (the caller smooths across blocks). Allocates nothing.
	 */
	void setLiveGains(int node, double fader, double pan) {
		liveFader[node] = fader;
		livePan[node] = pan;
		boolean chain = procs[node].length > 0;
		double pre = chain ? 1.0 : plan.preGain[node];
		boolean panned = !plan.isBus[node] && !stereo[node];
		double pl = panned ? plan.description.panLaw().left(pan) : org.mixtree.dsp.PanLaw.balanceLeft(pan);
		double pr = panned ? plan.description.panLaw().right(pan) : org.mixtree.dsp.PanLaw.balanceRight(pan);
		gainLeft[node] = (float) (pre * fader * pl);
		gainRight[node] = (float) (pre * fader * pr);
		for (int s : plan.sendsOf[node]) {
			double g = pre * liveSendLevel[s] * (plan.sendPre[s] ? 1.0 : fader);
			sendLeft[s] = (float) (g * pl);
			sendRight[s] = (float) (g * pr);
		}
	}

	/**
	 * [audio, between blocks] A live level of send {@code send} (linear): its gains reach it at the end of the next
	 * block, ramping linearly per sample (the caller smooths across blocks); the channel's fader and pan stay as
	 * they are. Allocates nothing.
	 */
	void setLiveSendLevel(int send, double level) {
		liveSendLevel[send] = level;
		int node = plan.sendSource[send];
		setLiveGains(node, liveFader[node], livePan[node]);
	}

	/**
	 * [audio, before this mixer's first block] Sets send {@code send}'s level without a ramp (a handover, as
	 * {@link #setLiveGainsNow}). Allocates nothing.
	 */
	void setLiveSendLevelNow(int send, double level) {
		liveSendLevel[send] = level;
		int node = plan.sendSource[send];
		setLiveGainsNow(node, liveFader[node], livePan[node]);
	}

	/** @return the live parameter changes a slot holds between two blocks: all of its effect's parameters */
	private static int liveCapacity(Processor p) {
		return p == null ? LIVE_EVENTS : Math.max(LIVE_EVENTS, p.effect.descriptor().parameters().size());
	}

	/**
	 * [audio, between blocks] Queues a parameter change for the processor in {@code slot} of {@code node}: it reaches
	 * the effect as an event at offset 0 of the slot's next processed block (the effect smooths it as it smooths any
	 * event). A slot without a processor ignores it. Allocates nothing.
	 *
	 * @return false when the slot has no room left, which only an index outside the effect's descriptor can cause
	 *         (a slot holds a change for each of its effect's parameters, {@link #liveCapacity})
	 */
	boolean queueParameter(int node, int slot, int index, double value) {
		if (node < 0 || node >= procs.length || slot < 0 || slot >= procs[node].length || procs[node][slot] == null) {
			return true;
		}
		int[] idx = liveIndex[node][slot];
		int count = liveCount[node][slot];
		for (int e = 0; e < count; e++) {
			if (idx[e] == index) {
				liveValue[node][slot][e] = value;
				return true;
			}
		}
		if (count == idx.length) {
			return false;
		}
		idx[count] = index;
		liveValue[node][slot][count] = value;
		liveCount[node][slot] = count + 1;
		return true;
	}

	/**
	 * [audio, before this mixer's first block] Sets {@code node}'s gains as {@link #setLiveGains} does, but without
	 * a ramp: the gains are there from the first sample of the next block (a handover from the mixer of the plan
	 * this one replaces, whose gains were these). Allocates nothing.
	 */
	void setLiveGainsNow(int node, double fader, double pan) {
		setLiveGains(node, fader, pan);
		fromLeft[node] = gainLeft[node];
		fromRight[node] = gainRight[node];
		for (int s : plan.sendsOf[node]) {
			sendFromLeft[s] = sendLeft[s];
			sendFromRight[s] = sendRight[s];
		}
	}

	/**
	 * [audio, before this mixer's first block] Takes over the delay lines of {@code previous} (the mixer of the plan
	 * this one replaces, after its last block): for every node that both have ({@code previousNode}), its delay
	 * compensation before and after its chain, the latency-matching lines of its bypassed slots whose processor
	 * both share, and its sidechain key lines; for every send both have ({@code previousSend}), its line. A line
	 * whose delay changed starts empty. Without this, every compensated path would fall silent for its delay after
	 * a swap. Allocates nothing.
	 */
	void carryOver(BlockMixer previous, int[] previousNode, int[] previousSend) {
		for (int k = 0; k < previousNode.length; k++) {
			int j = previousNode[k];
			if (j < 0) {
				continue;
			}
			copy(outLine[k], previous.outLine[j]);
			copy(preLine[k], previous.preLine[j]);
			for (int slot = 0; slot < Math.min(procs[k].length, previous.procs[j].length); slot++) {
				if (procs[k][slot] != null && procs[k][slot] == previous.procs[j][slot]) {
					copy(dry[k][slot], previous.dry[j][slot]);
				}
			}
			if (keyLine[k] != null && previous.keyLine[j] != null) {
				for (int slot = 0; slot < Math.min(keyLine[k].length, previous.keyLine[j].length); slot++) {
					copy(keyLine[k][slot], previous.keyLine[j][slot]);
				}
			}
		}
		for (int s = 0; s < previousSend.length; s++) {
			if (previousSend[s] >= 0) {
				copy(sendLine[s], previous.sendLine[previousSend[s]]);
			}
		}
	}

	private static void copy(DelayLine to, DelayLine from) {
		if (to != null && from != null) {
			to.copyFrom(from);
		}
	}

	/** @return {@code node}'s output latency: how far its output lags the timeline, frames */
	int outLatency(int node) {
		return outLatency[node];
	}

	/** dst[i] += g(i) * src[i] for i in [start, end), g ramping from {@code from} to {@code to} over the block. */
	private static void addRamped(float[] dst, float[] src, int start, int end, int n, float from, float to) {
		float step = (to - from) / n;
		for (int i = start; i < end; i++) {
			dst[i] += (from + step * (i + 1)) * src[i];
		}
	}

	/** dst[i] = g(i) * src[i], g ramping as in {@link #addRamped}. */
	private static void scaleRamped(float[] dst, float[] src, int n, float from, float to) {
		float step = (to - from) / n;
		for (int i = 0; i < n; i++) {
			dst[i] = (from + step * (i + 1)) * src[i];
		}
	}

	/**
	 * Makes the master's chain run one block behind the tracks, when the plan allows it (an offline render): the
	 * master chain of block k then runs in block k+1's phase, in parallel with its tracks, instead of alone on one
	 * core at the end of block k. The samples are the same (the chain does the same arithmetic on the same sum); only
	 * when they are available changes: after {@link #process} of block k+1, {@link #output}{@code (master)} holds
	 * block k, and {@link #finishMaster} completes the last block. Allowed when the master has no sends, no keyed
	 * slot, keys nothing and nothing is metered or tapped live (what the next block's phase could touch at the same
	 * time). Call before the first block. Allocates the second master buffer.
	 *
	 * @return whether the master is now pipelined
	 */
	boolean pipelineMaster() {
		int m = plan.master;
		boolean keyed = false;
		for (int key : keyOf[m]) {
			keyed |= key >= 0;
		}
		if (position != 0 || meters != null || tapBoard != null || plan.sendsOf[m].length > 0 || isKey[m] || keyed
				|| busDependents[m].length > 0 || outLine[m] != null) {
			return false;
		}
		masterSum = new float[2][maxBlock];
		return true;
	}

	/**
	 * Runs the last block's master chain (pipelined master) with {@code work}'s tasks beside it; afterwards
	 * {@link #output}{@code (master)} holds the last block. Does nothing more than run {@code work} when no master
	 * block is due.
	 */
	void finishMaster(Deferred work) throws IOException {
		deferred = work;
		deferredCount = work == null ? 0 : work.count();
		takeMaster();
		pool.run(trackPhase, deferredCount + chainTasks);
		deferred = null;
		chainTasks = 0;
	}

	/** Before a phase: moves a due master sum into the master's buffer, where its chain runs in this phase. */
	private void takeMaster() {
		chainTasks = 0;
		if (masterDue) {
			float[][] out = buffers[plan.master];
			System.arraycopy(masterSum[0], 0, out[0], 0, chainFrames);
			System.arraycopy(masterSum[1], 0, out[1], 0, chainFrames);
			masterDue = false;
			chainTasks = 1;
		}
	}

	/** Runs deferred work without mixing (the tail of a render: the last block's writes). */
	void flush(Deferred work) throws IOException {
		int n = work.count();
		for (int i = 0; i < n; i++) {
			work.run(i);
		}
	}

	private void chunkTask(int index) throws IOException {
		// the deferred tasks (long: metering, encoding) first, so that they do not end a block on one core; their
		// count is the same from the second block on, so a chunk keeps its index and with it its core
		if (index < deferredCount) {
			deferred.run(index);
			return;
		}
		int c = index - deferredCount - chainTasks;
		if (c < 0) {
			// the previous block's master chain (pipelined), early in the phase: it is the longest task
			if (chainRuns) {
				finishBus(plan.master, chainFrames, chainPosition, chainBudget);
			} else {
				active[plan.master] = false;
				meterSilence(plan.master, chainFrames);
			}
			return;
		}
		// a chunk with keys runs when the last of its own task and its keys completes
		if (chunkWait.decrementAndGet(c) == 0) {
			runChunk(c);
		}
	}

	private void runChunk(int c) throws IOException {
		float[] left = partial[c][0];
		float[] right = partial[c][1];
		Arrays.fill(left, 0, frames, 0f);
		Arrays.fill(right, 0, frames, 0f);
		boolean any = false;
		MeterBank bank = meters;
		for (int t : plan.chunks[c]) {
			int node = plan.tracks[t];
			any |= plain[node] ? mixPlainTrack(t, c, left, right) : mixTrack(t, c, left, right);
			if (bank != null) {
				if (!metered[node]) {
					feedMeter(node, silence, frames);
				}
				metered[node] = false;
			}
		}
		chunkActive[c] = any;
		for (int d : chunkDependents[c]) {
			countDown(d);
		}
	}

	/** One input of dependent {@code d} (a bus, or a chunk as {@code -(c + 1)}) is complete; runs it if last. */
	private void countDown(int d) throws IOException {
		if (d >= 0) {
			if (remaining.decrementAndGet(d) == 0) {
				mixBus(d);
				completed(d);
			}
		} else if (chunkWait.decrementAndGet(-d - 1) == 0) {
			runChunk(-d - 1);
		}
	}

	/**
	 * Bus {@code node} is mixed: counts it off the buses its output and sends feed and mixes those whose last input
	 * it was, and so on up. The atomic countdown orders every input's writes before the read of the bus that sums
	 * them.
	 */
	private void completed(int node) throws IOException {
		for (int d : busDependents[node]) {
			countDown(d);
		}
	}

	/** Reads track {@code t}'s frames of this block into {@code src[.][start ..]}; @return frames read. */
	private int read(int t, float[][] src, int start, int want) throws IOException {
		SourceReader reader = readers[t];
		int got = 0;
		try {
			while (got < want) {
				int r = reader.read(src, start + got, want - got);
				if (r <= 0) {
					break;
				}
				got += r;
			}
		} catch (AudioFileException e) {
			throw e;
		} catch (IOException e) {
			throw new AudioFileException(reader.file(), String.valueOf(e.getMessage()), e);
		}
		return got;
	}

	/** A track with no inserts, sends or delays: reads its frames and adds them, gained and panned. */
	private boolean mixPlainTrack(int t, int c, float[] left, float[] right) throws IOException {
		float[][] src = scratch[c];
		int node = plan.tracks[t];
		if (!plan.audible[node] || (gainLeft[node] == 0f && gainRight[node] == 0f && fromLeft[node] == 0f
				&& fromRight[node] == 0f)) {
			return false;
		}
		int n = frames;
		long rel = position - offset[t];
		if (rel >= length[t] || rel + n <= 0) {
			return false;
		}
		int start = rel < 0 ? (int) -rel : 0;
		int want = (int) Math.min(n - start, length[t] - (rel + start));
		int end = start + read(t, src, start, want);
		float gl = gainLeft[node];
		float gr = gainRight[node];
		float[] inL = src[0];
		float[] inR = stereo[node] ? src[1] : src[0];
		if (meters != null) {
			// the same products as below, kept for the meter, then added: the sum is bit-identical
			float[][] m = meterScratch[c];
			for (float[] x : m) {
				Arrays.fill(x, 0, start, 0f);
				Arrays.fill(x, end, n, 0f);
			}
			scaleRange(m[0], inL, start, end, n, fromLeft[node], gl);
			scaleRange(m[1], inR, start, end, n, fromRight[node], gr);
			meterTrack(node, m, n);
			addRange(left, m[0], start, end);
			addRange(right, m[1], start, end);
			return end > start;
		}
		if (gl != fromLeft[node] || gr != fromRight[node]) {
			addRamped(left, inL, start, end, n, fromLeft[node], gl);
			addRamped(right, inR, start, end, n, fromRight[node], gr);
			return end > start;
		}
		for (int i = start; i < end; i++) {
			left[i] += gl * inL[i];
		}
		for (int i = start; i < end; i++) {
			right[i] += gr * inR[i];
		}
		return end > start;
	}

	/** A track with inserts, sends or compensation: the whole block goes through its chain. */
	private boolean mixTrack(int t, int c, float[] left, float[] right) throws IOException {
		int node = plan.tracks[t];
		int[] sends = plan.sendsOf[node];
		for (int s : sends) {
			sendActive[s] = false;
		}
		if (!plan.live[node]) {
			return false;
		}
		int n = frames;
		long rel = position - offset[t];
		boolean inRange = rel < length[t] && rel + n > 0;
		if (!inRange && !alwaysRun[node]) {
			return false;
		}
		float[][] src = scratch[c];
		int start = 0;
		int end = 0;
		if (inRange) {
			start = rel < 0 ? (int) -rel : 0;
			int want = (int) Math.min(n - start, length[t] - (rel + start));
			end = start + read(t, src, start, want);
		}
		int channels = stereo[node] ? 2 : 1;
		for (int ch = 0; ch < channels; ch++) {
			Arrays.fill(src[ch], 0, start, 0f);
			Arrays.fill(src[ch], end, n, 0f);
		}
		if (preLine[node] != null) {
			preLine[node].process(src, n);
		}
		if (chainStereo[node]) {
			System.arraycopy(src[0], 0, src[1], 0, n);
		}
		boolean chain = procs[node].length > 0;
		if (chain) {
			runChain(node, n, position, budget);
		}
		if (isKey[node]) {
			// post-insert, pre-fader; without inserts the clip gain and polarity are still to apply
			float g = chain ? 1f : preGain[node];
			float[][] key = keyBuffer[node];
			for (int ch = 0; ch < key.length; ch++) {
				float[] x = src[ch];
				float[] y = key[ch];
				for (int i = 0; i < n; i++) {
					y[i] = g * x[i];
				}
			}
		}
		float[] inL = src[0];
		float[] inR = stereo[node] || chainStereo[node] ? src[1] : src[0];
		feedSends(node, inL, inR, n);
		if (!feedsOut[node]) {
			return false;
		}
		float gl = gainLeft[node];
		float gr = gainRight[node];
		DelayLine line = outLine[node];
		boolean ramp = gl != fromLeft[node] || gr != fromRight[node];
		boolean meter = meters != null && plan.audible[node];
		if (line == null && !meter && ramp) {
			addRamped(left, inL, 0, n, n, fromLeft[node], gl);
			addRamped(right, inR, 0, n, n, fromRight[node], gr);
		} else if (line == null && !meter) {
			for (int i = 0; i < n; i++) {
				left[i] += gl * inL[i];
			}
			for (int i = 0; i < n; i++) {
				right[i] += gr * inR[i];
			}
		} else {
			// with a meter, the products are kept for it, then added: the sum is bit-identical
			float[][] tmp = line == null ? meterScratch[c] : edgeScratch[c];
			float[] l = tmp[0];
			float[] r = tmp[1];
			if (ramp) {
				scaleRamped(l, inL, n, fromLeft[node], gl);
				scaleRamped(r, inR, n, fromRight[node], gr);
			} else {
				for (int i = 0; i < n; i++) {
					l[i] = gl * inL[i];
					r[i] = gr * inR[i];
				}
			}
			if (meter) {
				meterTrack(node, tmp, n);
			}
			if (line != null) {
				line.process(tmp, n);
			}
			for (int i = 0; i < n; i++) {
				left[i] += l[i];
			}
			for (int i = 0; i < n; i++) {
				right[i] += r[i];
			}
		}
		return true;
	}

	/** Pre-gain, then each slot in order, in place on the node's work buffers. */
	private void runChain(int node, int n, long at, long limit) {
		float[][] buf = work[node];
		float g = preGain[node];
		if (g != 1f) {
			for (float[] x : buf) {
				for (int i = 0; i < n; i++) {
					x[i] *= g;
				}
			}
		}
		Processor[] chain = procs[node];
		float[][] dryBuf = dryWork[node];
		boolean[] bypass = plan.bypass[node];
		int[] keys = keyOf[node];
		for (int j = 0; j < chain.length; j++) {
			Processor p = chain[j];
			if (p == null) {
				continue;
			}
			// the key, aligned with this slot's input (run every block, so it stays aligned through a bypass)
			float[][] sidechain = null;
			if (keys[j] >= 0) {
				sidechain = keyWork[node][j];
				keyLine[node][j].process(keyBuffer[keys[j]], sidechain, n);
			}
			// the input delayed by the latency: what a bypassed or faulted slot passes on
			dry[node][j].process(buf, dryBuf, n);
			if (bypass[j] || p.faulted()) {
				for (int ch = 0; ch < buf.length; ch++) {
					System.arraycopy(dryBuf[ch], 0, buf[ch], 0, n);
				}
				continue;
			}
			ProcessBlock block = blocks[node][j];
			block.set(0, n, sidechain);
			if (eventsDue[node][j]) {
				// a rebuild's parameter changes for a processor taken over from the previous plan
				double[] changes = plan.pendingParameters[node][j];
				for (int e = 0; e < changes.length; e += 2) {
					block.addEvent(0, (int) changes[e], changes[e + 1]);
				}
				eventsDue[node][j] = false;
			}
			int live = liveCount[node][j];
			if (live > 0) {
				int[] idx = liveIndex[node][j];
				double[] val = liveValue[node][j];
				for (int e = 0; e < live; e++) {
					block.addEvent(0, idx[e], val[e]);
				}
				liveCount[node][j] = 0;
			}
			p.run(block, dryBuf, n, limit, at, realtime ? REALTIME_SLOW_BLOCKS : 1);
		}
	}

	/** Writes each send's signal of this block (sends tap after the inserts; post-fader ones include the fader). */
	private void feedSends(int node, float[] inL, float[] inR, int n) {
		for (int s : plan.sendsOf[node]) {
			if (!sendOn[s]) {
				continue;
			}
			float gl = sendLeft[s];
			float gr = sendRight[s];
			float[] l = sendBuffer[s][0];
			float[] r = sendBuffer[s][1];
			if (gl != sendFromLeft[s] || gr != sendFromRight[s]) {
				scaleRamped(l, inL, n, sendFromLeft[s], gl);
				scaleRamped(r, inR, n, sendFromRight[s], gr);
			} else {
				for (int i = 0; i < n; i++) {
					l[i] = gl * inL[i];
				}
				for (int i = 0; i < n; i++) {
					r[i] = gr * inR[i];
				}
			}
			if (sendLine[s] != null) {
				sendLine[s].process(sendBuffer[s], n);
			}
			sendActive[s] = true;
		}
	}

	/**
	 * Sums a bus's active inputs and the sends into it in their fixed order, runs its inserts, feeds its sends,
	 * then applies fader and balance and its compensation delay in place.
	 */
	private void mixBus(int node) {
		int n = frames;
		if (node == plan.master && masterSum != null) {
			// pipelined: only the sum now, into the second buffer; the chain runs in the next block's phase
			masterSummed = sumBus(node, n, masterSum);
			return;
		}
		active[node] = false;
		if (sumBus(node, n, buffers[node])) {
			finishBus(node, n, position, budget);
		}
	}

	/**
	 * Clears {@code sum} and adds the bus's active inputs and the sends into it in their fixed order.
	 *
	 * @return whether the bus is to be processed ({@link #finishBus}); false: it outputs silence this block
	 */
	private boolean sumBus(int node, int n, float[][] sum) {
		float[] left = sum[0];
		float[] right = sum[1];
		Arrays.fill(left, 0, n, 0f);
		Arrays.fill(right, 0, n, 0f);
		int[] sends = plan.sendsOf[node];
		for (int s : sends) {
			sendActive[s] = false;
		}
		if (!plan.live[node]
				|| (gainLeft[node] == 0f && gainRight[node] == 0f && fromLeft[node] == 0f && fromRight[node] == 0f
						&& sends.length == 0 && !alwaysRun[node])) {
			meterSilence(node, n);
			return false;
		}
		boolean any = false;
		for (int item : plan.items[node]) {
			float[][] in;
			if (item >= 0) {
				if (!active[item] || !feedsOut[item]) {
					continue;
				}
				in = buffers[item];
			} else {
				if (!chunkActive[-item - 1]) {
					continue;
				}
				in = partial[-item - 1];
			}
			any = true;
			add(in, left, right, n);
		}
		for (int s : plan.sendsInto[node]) {
			if (sendActive[s]) {
				any = true;
				add(sendBuffer[s], left, right, n);
			}
		}
		if (!any && !alwaysRun[node]) {
			meterSilence(node, n);
			return false;
		}
		return true;
	}

	/**
	 * Runs a summed bus's inserts (block at timeline frame {@code at}, effect budget {@code limit}), feeds its
	 * sends, then applies fader and balance and its compensation delay in place.
	 */
	private void finishBus(int node, int n, long at, long limit) {
		float[] left = buffers[node][0];
		float[] right = buffers[node][1];
		if (procs[node].length > 0) {
			runChain(node, n, at, limit);
		}
		if (isKey[node]) {
			// post-insert, pre-fader; without inserts the polarity is still to apply (folded into the fader gains)
			float g = procs[node].length > 0 ? 1f : preGain[node];
			float[] kl = keyBuffer[node][0];
			float[] kr = keyBuffer[node][1];
			for (int i = 0; i < n; i++) {
				kl[i] = g * left[i];
			}
			for (int i = 0; i < n; i++) {
				kr[i] = g * right[i];
			}
		}
		feedSends(node, left, right, n);
		float gl = gainLeft[node];
		float gr = gainRight[node];
		if (gl != fromLeft[node] || gr != fromRight[node]) {
			scaleRamped(left, left, n, fromLeft[node], gl);
			scaleRamped(right, right, n, fromRight[node], gr);
		} else if (gl != 1f) {
			for (int i = 0; i < n; i++) {
				left[i] *= gl;
			}
		}
		if (gr != 1f && gl == fromLeft[node] && gr == fromRight[node]) {
			for (int i = 0; i < n; i++) {
				right[i] *= gr;
			}
		}
		if (meters != null) {
			feedMeter(node, plan.audible[node] ? buffers[node] : silence, n);
		}
		if (outLine[node] != null) {
			outLine[node].process(buffers[node], n);
		}
		if (!plan.audible[node] && !feedsOut[node]) {
			// processed for its key only: nothing of it is heard, nor seen by a tap (a bus stem)
			Arrays.fill(left, 0, n, 0f);
			Arrays.fill(right, 0, n, 0f);
			return;
		}
		active[node] = true;
	}

	/** Feeds bus {@code node}'s meter silence (it outputs nothing this block). */
	private void meterSilence(int node, int n) {
		if (meters != null) {
			feedMeter(node, silence, n);
		}
	}

	private static void add(float[][] in, float[] left, float[] right, int n) {
		float[] l = in[0];
		float[] r = in[1];
		for (int i = 0; i < n; i++) {
			left[i] += l[i];
		}
		for (int i = 0; i < n; i++) {
			right[i] += r[i];
		}
	}

	/** Stops the worker threads. The readers belong to the caller. */
	@Override
	public void close() {
		pool.close();
	}
}
