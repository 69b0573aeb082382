package org.mixtree.engine.meter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.engine.Plan;

/**
 * The meters of a whole plan: one {@link ChannelMeter} per channel id (tracks, buses, master), indexed as the
 * plan's {@link Plan#processingOrder()} so the audio thread addresses them by int.
 * <p>
 * How a renderer or player feeds it, per block, after a strip's output (post fader and pan) is final:
 * <pre>
 * bank.setGainReduction(index, db);              // [audio] optional, what the strip's dynamics report
 * bank.process(index, buf, offset, frames);      // [audio] meters and publishes
 * </pre>
 * and how the UI reads it, from a timer at 30 Hz or more:
 * <pre>
 * MeterSnapshot s = bank.snapshot("bus-drums"); // [any] latest readings, never blocks the audio thread
 * bank.read(index, values);                      // [any] the same without allocating
 * </pre>
 * A new plan gets a new bank built off the audio thread with {@link #MeterBank(Plan, MeterBank)}; channels that
 * keep their id keep their meter (so integrated loudness and holds survive a routing change, as processors keep
 * their identity), and the player swaps bank and plan together at a block boundary.
 * <p>
 * Thread rules: constructors allocate (off the audio thread). {@link #process} and {@link #setGainReduction}:
 * the one thread that processes the plan (audio thread or offline renderer thread), allocation- and lock-free.
 * {@link #snapshot}, {@link #read}, {@link #indexOf}, {@link #channelIds} and {@link #requestReset}: any thread.
 * The renderer or the real-time player's mixer may feed a channel's strip on a worker of its pool as long as each
 * channel index is fed by one thread at a time and blocks are ordered (the mixer's per-block barrier orders them).
 */
public final class MeterBank {
	/** Every strip's output is stereo: mono sources are panned to two channels before the fader point. */
	public static final int STRIP_CHANNELS = 2;

	private final List<String> ids;
	private final Map<String, Integer> index;
	private final ChannelMeter[] meters;

	/**
	 * @param channelIds one per strip, in the order the audio thread will address them
	 * @param channels   1 or 2, the width of every strip
	 * @param sampleRate in Hz
	 */
	public MeterBank(List<String> channelIds, int channels, int sampleRate) {
		this(channelIds, channels, sampleRate, Map.of());
	}

	/** A bank for {@code plan}'s channels (stereo strips at its rate), keeping the meters of ids in {@code previous}. */
	public MeterBank(Plan plan, MeterBank previous) {
		this(plan.processingOrder(), STRIP_CHANNELS, plan.sampleRate(), previous == null ? Map.of() : previous.byId());
	}

	private MeterBank(List<String> channelIds, int channels, int sampleRate, Map<String, ChannelMeter> keep) {
		this.ids = List.copyOf(channelIds);
		this.meters = new ChannelMeter[ids.size()];
		Map<String, Integer> map = new HashMap<>();
		for (int i = 0; i < meters.length; i++) {
			String id = ids.get(i);
			if (map.put(id, i) != null) {
				throw new IllegalArgumentException("channel id " + id + " appears twice");
			}
			ChannelMeter old = keep.get(id);
			meters[i] = old != null && old.channels() == channels && old.sampleRate() == sampleRate ? old
					: new ChannelMeter(channels, sampleRate);
		}
		this.index = Map.copyOf(map);
	}

	/** @return a bank for {@code plan}: one stereo meter per channel, in processing order */
	public static MeterBank forPlan(Plan plan) {
		return new MeterBank(plan, null);
	}

	private Map<String, ChannelMeter> byId() {
		Map<String, ChannelMeter> m = new HashMap<>();
		for (int i = 0; i < meters.length; i++) {
			m.put(ids.get(i), meters[i]);
		}
		return m;
	}

	/** @return the channel ids, index order. [any] */
	public List<String> channelIds() {
		return ids;
	}

	/**
	 * @return the index of {@code channelId} for {@link #process}
	 * @throws IllegalArgumentException for an unknown id
	 */
	public int indexOf(String channelId) {
		Integer i = index.get(channelId);
		if (i == null) {
			throw new IllegalArgumentException("no meter for channel " + channelId);
		}
		return i;
	}

	/** @return the meter of the strip at {@code channelIndex}. [any] */
	public ChannelMeter meter(int channelIndex) {
		return meters[channelIndex];
	}

	/** Meters one block of the strip at {@code channelIndex}: {@code buf[channel][offset .. offset + frames)}. [audio] */
	public void process(int channelIndex, float[][] buf, int offset, int frames) {
		meters[channelIndex].process(buf, offset, frames);
	}

	/**
	 * Records the gain reduction (dB, as {@code Effect#gainReductionDb()} reports it: 0 or positive) the strip's
	 * effects report; published with its next block. [audio]
	 */
	public void setGainReduction(int channelIndex, double db) {
		meters[channelIndex].setGainReduction(db);
	}

	/** @return the latest readings of {@code channelId}. [any] */
	public MeterSnapshot snapshot(String channelId) {
		return meters[indexOf(channelId)].snapshot();
	}

	/** Copies the latest readings of the strip at {@code channelIndex} into {@code into}, allocating nothing. [any] */
	public long read(int channelIndex, double[] into) {
		return meters[channelIndex].read(into);
	}

	/** Restarts every strip's accumulating readings at the audio thread's next block (e.g. on "reset meters"). [any] */
	public void requestReset() {
		for (ChannelMeter m : meters) {
			m.requestReset();
		}
	}
}
