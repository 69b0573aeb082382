package org.mixtree.engine.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.Plan;
import org.mixtree.engine.meter.MeterBank;

/**
 * The real-time player's handle on a {@link BlockMixer} (which stays package-private): one plan mixed block by
 * block from readers the player supplies (prefetch rings), with live fader/pan ramps and a movable position.
 * <p>
 * Thread rules: made and closed on [main]; {@link #process}, {@link #locate} and {@link #setLiveGains} on the
 * audio thread, one call at a time, and they allocate nothing; the getters are [any].
 */
public final class LiveMixer implements AutoCloseable {

	private final CompiledPlan plan;
	private final BlockMixer mixer;
	private final int master;
	private final MeterBank meters;

	/**
	 * [main] Prepares the plan's processors and allocates every buffer and the worker pool.
	 *
	 * @param readers one per track, in {@link #source} order
	 * @param reset   reset the processors (a fresh start); false keeps their state (a rebuilt plan going on)
	 */
	public LiveMixer(Plan plan, SourceReader[] readers, int maxBlock, int threads, boolean reset) {
		this(plan, readers, maxBlock, threads, reset, null);
	}

	/**
	 * [main] As {@link #LiveMixer(Plan, SourceReader[], int, int, boolean)}, feeding {@code meters} from every block
	 * on: each channel's output (post fader and pan; the master's is what goes to the device) and its inserts' gain
	 * reduction, fed by the thread that mixes the channel during {@link #process}, allocation- and lock-free.
	 *
	 * @param meters a bank for this plan ({@code new MeterBank(plan, previous)}), or null for none
	 */
	public LiveMixer(Plan plan, SourceReader[] readers, int maxBlock, int threads, boolean reset, MeterBank meters) {
		if (!(plan instanceof CompiledPlan compiled)) {
			throw new IllegalArgumentException("not a plan made by Engine.compile: " + plan);
		}
		this.plan = compiled;
		// a real-time callback is not judged by one slow block (page faults, JIT) the way an offline render is: an
		// insert is too slow when it takes more CPU time than its block lasts in BlockMixer.REALTIME_SLOW_BLOCKS
		// blocks in a row; faults (throw, NaN) are isolated at once
		this.mixer = new BlockMixer(compiled, readers, maxBlock, threads, RenderMode.REALTIME, reset, 1.0);
		this.master = compiled.master;
		this.meters = meters;
		try {
			mixer.meters(meters);
		} catch (IllegalArgumentException e) {
			mixer.close();
			throw e;
		}
	}

	/**
	 * [main, before the first block] Copies the output of every channel {@code board} holds a ring for into it, each
	 * block, where the meters read it (see {@link TapBoard}); the board is the player's, shared by the mixers of
	 * every plan it plays. Needs a meter bank.
	 */
	public void taps(TapBoard board) {
		mixer.taps(board);
	}

	/** [any] @return the meters this mixer feeds, or null */
	public MeterBank meters() {
		return meters;
	}

	/** @return the plan */
	public Plan plan() {
		return plan;
	}

	/** @return the number of tracks (sources) */
	public int trackCount() {
		return plan.trackCount();
	}

	/** @return track {@code t}'s source */
	public Source source(int t) {
		return plan.source(t);
	}

	/** @return how far the master lags the timeline (plugin delay compensation), frames */
	public int latency() {
		return mixer.latency();
	}

	/** @return the node of channel {@code id}, or -1 */
	public int node(String id) {
		try {
			return plan.node(id);
		} catch (IllegalArgumentException e) {
			return -1;
		}
	}

	/** @return the number of nodes */
	public int size() {
		return plan.size();
	}

	/** @return the plan's fader of {@code node}, linear */
	public double fader(int node) {
		return plan.fader[node];
	}

	/** @return the plan's pan of {@code node} */
	public double pan(int node) {
		return plan.channels[node].pan();
	}

	/** @return the number of sends */
	public int sendCount() {
		return plan.sendSource.length;
	}

	/** @return the send index of the {@code i}-th send (channel order) of {@code node}, or -1 when it has no such send */
	public int send(int node, int i) {
		int[] sends = plan.sendsOf[node];
		return i >= 0 && i < sends.length ? sends[i] : -1;
	}

	/** @return the plan's level of send {@code send}, linear */
	public double sendLevel(int send) {
		return plan.sendLevel[send];
	}

	/** @return the number of insert slots of {@code node} */
	public int slots(int node) {
		return plan.processors[node].length;
	}

	/** [audio] Moves the mixer's timeline position. */
	public void locate(long frame) {
		mixer.locate(frame);
	}

	/** [audio] @return the timeline frame of the next block */
	public long position() {
		return mixer.position();
	}

	/** [audio] See {@link BlockMixer#setLiveGains}. */
	public void setLiveGains(int node, double fader, double pan) {
		mixer.setLiveGains(node, fader, pan);
	}

	/** [audio] See {@link BlockMixer#setLiveSendLevel}. */
	public void setLiveSendLevel(int send, double level) {
		mixer.setLiveSendLevel(send, level);
	}

	/** [audio, before this mixer's first block] See {@link BlockMixer#setLiveSendLevelNow}. */
	public void setLiveSendLevelNow(int send, double level) {
		mixer.setLiveSendLevelNow(send, level);
	}

	/** [audio] See {@link BlockMixer#queueParameter}. */
	public boolean queueParameter(int node, int slot, int index, double value) {
		return mixer.queueParameter(node, slot, index, value);
	}

	/** [audio] Mixes {@code frames} frames; {@link #master()} holds them until the next call. */
	public void process(int frames) throws IOException {
		mixer.process(frames, null);
	}

	/** [audio] @return the master's output of the last block (stereo) */
	public float[][] master() {
		return mixer.output(master);
	}

	/**
	 * How a mixer takes over from the one it replaces at a block boundary while playing: which channels must fall
	 * silent before the swap and rise after it, and whether that is enough. Made on [main] by
	 * {@link LiveMixer#handover}; immutable.
	 */
	public static final class Handover {
		private final int[] previousNode;
		private final int[] previousSend;
		private final int[] dip;
		private final int[] raise;
		private final boolean local;

		Handover(int[] previousNode, int[] previousSend, int[] dip, int[] raise, boolean local) {
			this.previousNode = previousNode;
			this.previousSend = previousSend;
			this.dip = dip;
			this.raise = raise;
			this.local = local;
		}

		/** @return the node of the previous mixer that is {@code node} of the next (same channel id), or -1 */
		public int previousNode(int node) {
			return previousNode[node];
		}

		/** @return the send of the previous mixer that is {@code send} of the next (same source and target), or -1 */
		public int previousSend(int send) {
			return previousSend[send];
		}

		/** @return nodes of the previous mixer to ramp to silence before the swap (shared; do not modify) */
		public int[] dip() {
			return dip;
		}

		/** @return nodes of the next mixer to ramp up from silence after the swap (shared; do not modify) */
		public int[] raise() {
			return raise;
		}

		/**
		 * @return whether ramping {@link #dip()} down and {@link #raise()} up is a click-free swap while the rest of
		 *         the mix plays on; false when the whole mix has to fade out and in (the master changed, a path's
		 *         delay compensation changed, a changed channel has a pre-fader send or keys a sidechain)
		 */
		public boolean local() {
			return local;
		}
	}

	/**
	 * [main] Compares this mixer's plan with {@code previous}'s, channel by channel (by id): a channel that is new,
	 * gone, or whose audibility (mute, solo), output, clip gain or polarity, insert chain (processors, bypass),
	 * sends (targets, pre/post) or sidechain keys differ, has changed; fader, pan and send level differences are
	 * not changes (they are smoothed).
	 */
	public Handover handover(LiveMixer previous) {
		CompiledPlan a = previous.plan;
		CompiledPlan b = plan;
		int[] previousNode = new int[b.size()];
		boolean[] kept = new boolean[a.size()];
		List<Integer> dip = new ArrayList<>();
		List<Integer> raise = new ArrayList<>();
		boolean local = true;
		for (int k = 0; k < b.size(); k++) {
			int j = previous.node(b.channels[k].id());
			previousNode[k] = j;
			boolean changed = j < 0 || changed(a, j, b, k);
			if (j >= 0) {
				kept[j] = true;
			}
			if (!changed) {
				// an unchanged path must stay where it was in time
				local &= previous.mixer.outLatency(j) == mixer.outLatency(k);
				continue;
			}
			if (j >= 0 && a.audible[j]) {
				dip.add(j);
				local &= movable(a, j);
			}
			if (b.audible[k]) {
				raise.add(k);
				local &= movable(b, k);
			}
		}
		for (int j = 0; j < a.size(); j++) {
			if (!kept[j] && a.audible[j]) {
				dip.add(j);
				local &= movable(a, j);
			}
		}
		local &= previous.latency() == latency();
		int[] previousSend = new int[b.sendSource.length];
		for (int s = 0; s < previousSend.length; s++) {
			previousSend[s] = -1;
			String from = b.channels[b.sendSource[s]].id();
			String to = b.channels[b.sendTarget[s]].id();
			for (int t = 0; t < a.sendSource.length; t++) {
				if (a.channels[a.sendSource[t]].id().equals(from) && a.channels[a.sendTarget[t]].id().equals(to)) {
					previousSend[s] = t;
					break;
				}
			}
		}
		return new Handover(previousNode, previousSend, dip.stream().mapToInt(Integer::intValue).toArray(),
				raise.stream().mapToInt(Integer::intValue).toArray(), local);
	}

	/** @return whether ramping {@code node}'s fader moves all it feeds: not the master, no pre-fader send, no key */
	private static boolean movable(CompiledPlan p, int node) {
		if (node == p.master || p.isKey[node]) {
			return false;
		}
		for (int s : p.sendsOf[node]) {
			if (p.sendPre[s]) {
				return false;
			}
		}
		return true;
	}

	/** @return whether channel {@code j} of {@code a} and {@code k} of {@code b} (same id) process differently */
	private static boolean changed(CompiledPlan a, int j, CompiledPlan b, int k) {
		if (a.audible[j] != b.audible[k] || a.live[j] != b.live[k] || a.preGain[j] != b.preGain[k]
				|| a.isBus[j] != b.isBus[k] || a.isKey[j] != b.isKey[k]) {
			return true;
		}
		if ((a.output[j] < 0) != (b.output[k] < 0)
				|| a.output[j] >= 0 && !a.channels[a.output[j]].id().equals(b.channels[b.output[k]].id())) {
			return true;
		}
		if (!Arrays.equals(a.processors[j], b.processors[k]) || !Arrays.equals(a.bypass[j], b.bypass[k])) {
			return true;
		}
		for (int slot = 0; slot < a.keySource[j].length; slot++) {
			int x = a.keySource[j][slot], y = b.keySource[k][slot];
			if ((x < 0) != (y < 0) || x >= 0 && !a.channels[x].id().equals(b.channels[y].id())) {
				return true;
			}
		}
		if (a.sendsOf[j].length != b.sendsOf[k].length) {
			return true;
		}
		for (int i = 0; i < a.sendsOf[j].length; i++) {
			int s = a.sendsOf[j][i], t = b.sendsOf[k][i];
			if (!a.channels[a.sendTarget[s]].id().equals(b.channels[b.sendTarget[t]].id())
					|| a.sendPre[s] != b.sendPre[t]) {
				return true;
			}
		}
		return false;
	}

	/** [audio, before this mixer's first block] See {@link BlockMixer#carryOver}: the delay lines of {@code previous}. */
	public void takeOver(LiveMixer previous, Handover handover) {
		mixer.carryOver(previous.mixer, handover.previousNode, handover.previousSend);
	}

	/** [audio, before this mixer's first block] See {@link BlockMixer#setLiveGainsNow}. */
	public void setLiveGainsNow(int node, double fader, double pan) {
		mixer.setLiveGainsNow(node, fader, pan);
	}

	/**
	 * [any] @return why the insert in {@code slot} (0 first) of channel {@code id} was taken out of the chain, or
	 *         null when it runs; the text is built on the caller's thread ({@link BlockMixer#fault(int, int)})
	 */
	public String fault(String id, int slot) {
		int node = node(id);
		return node < 0 ? null : mixer.fault(node, slot);
	}

	/** [any] @return whether the insert in {@code slot} of channel {@code id} faulted; no allocation */
	public boolean faulted(String id, int slot) {
		int node = node(id);
		return node >= 0 && mixer.faulted(node, slot);
	}

	/** [main] @return the compile warnings and the faults seen so far */
	public List<String> warnings() {
		return mixer.warnings();
	}

	/** [not audio] @return the inserts that faulted so far, one line each (channel, slot, effect, what) */
	public List<String> faults() {
		return mixer.faults();
	}

	/** [main] Stops the worker threads (the readers belong to the caller). */
	@Override
	public void close() {
		mixer.close();
	}
}
