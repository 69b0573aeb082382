package org.mixtree.engine.internal;

import java.io.IOException;
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
		// no per-insert time budget: a real-time callback must not be judged by one slow block (page faults,
		// JIT) the way an offline render is; faults (throw, NaN) are still isolated
		this.mixer = new BlockMixer(compiled, readers, maxBlock, threads, RenderMode.REALTIME, reset, 0);
		this.master = compiled.master;
		this.meters = meters;
		try {
			mixer.meters(meters);
		} catch (IllegalArgumentException e) {
			mixer.close();
			throw e;
		}
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

	/** [audio] Mixes {@code frames} frames; {@link #master()} holds them until the next call. */
	public void process(int frames) throws IOException {
		mixer.process(frames, null);
	}

	/** [audio] @return the master's output of the last block (stereo) */
	public float[][] master() {
		return mixer.output(master);
	}

	/** [main] @return the compile warnings and the faults seen so far */
	public List<String> warnings() {
		return mixer.warnings();
	}

	/** [main] Stops the worker threads (the readers belong to the caller). */
	@Override
	public void close() {
		mixer.close();
	}
}
