package org.mixtree.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.Plan;

/**
 * The flat form of a {@link Plan}: every per-channel quantity the mixing loop needs, as arrays indexed by node,
 * where a node is a channel's position in processing order (children before parents, the master last). Built
 * only by {@link PlanCompiler}; the arrays are never written after construction and never handed out, so the
 * plan is immutable and may be read from any thread, the audio thread included.
 * <p>
 * Gains are split the way the signal chain is: {@link #preGain} (clip gain and polarity, before the inserts),
 * then {@link #fader} (after the inserts), then the pan/balance factors. For a channel without inserts the mixer
 * folds them into one factor per side.
 */
public final class CompiledPlan implements Plan {

	final GraphDescription description;
	final int sampleRate;
	/** Channel of each node, in processing order. */
	final GraphDescription.Channel[] channels;
	final boolean[] isBus;
	/** Node each node feeds; -1 for the master. */
	final int[] output;
	/** For a bus: the nodes feeding it, in description order (the fixed summing order). Empty for tracks. */
	final int[][] inputs;
	/** Track nodes in description order; a track's position in this array is its track index. */
	final int[] tracks;
	/** Track sources by track index. */
	final Source[] sources;
	/** Top-level bus nodes (feeding the master), description order. */
	final int[] topLevel;
	/**
	 * For each top-level bus: the buses of its subtree in processing order (the bus itself last). Subtrees share
	 * nothing until the master, so they proceed in parallel; the mixer gets that from dependency counting per bus
	 * rather than from these lists, which describe the structure for diagnostics and tests.
	 */
	final int[][] groups;
	final int master;
	/** Clip gain (tracks) and polarity as a linear factor: applied before the inserts. */
	final double[] preGain;
	/** Fader gain as a linear factor, 0 for negative infinity dB. */
	final double[] fader;
	/** Mono-source pan gains under the session's pan law. */
	final double[] panLeft;
	final double[] panRight;
	/** Balance gains, for stereo sources and buses. */
	final double[] balanceLeft;
	final double[] balanceRight;
	/**
	 * Tracks are mixed in <em>chunks</em>: runs of up to {@value #CHUNK} tracks that are consecutive inputs of one
	 * bus (a track with a keyed insert is a chunk of its own, which waits for its keys). A chunk is one task of the parallel track phase: its tracks read and accumulate, in order, into the
	 * chunk's partial sum, so a track's signal is written once, into a buffer that stays in cache. The chunking
	 * comes from the plan alone (not from the thread count), so the summing order and with it every output bit
	 * is the same for any number of threads.
	 */
	static final int CHUNK = 4;
	/** Per chunk: its track indices, in summing order. */
	final int[][] chunks;
	/** Per chunk: the bus node it feeds. Chunks are numbered in processing order of their buses. */
	final int[] chunkOutput;
	/**
	 * Per node: what a bus sums, in order: a bus node ({@code >= 0}) or a chunk {@code c} encoded as
	 * {@code -(c + 1)}. Empty for tracks.
	 */
	final int[][] items;
	/** Per node: its track index, or -1 for a bus. */
	final int[] trackIndex;
	/** Solo/mute resolved (sends included). */
	final boolean[] audible;
	/** Per node: its sends (indices into the send arrays), in the channel's order. */
	final int[][] sendsOf;
	/** Per node: the sends it receives, in send order (the fixed order a bus adds them, after its inputs). */
	final int[][] sendsInto;
	/** Per send: source node, target node, level as a linear factor, pre-fader. */
	final int[] sendSource;
	final int[] sendTarget;
	final double[] sendLevel;
	final boolean[] sendPre;
	/**
	 * Per node, per insert slot: the processor, or null for a slot that passes audio through: an effect that could
	 * not be created (an effect not installed makes its channel silent instead, {@link Audibility}). Processors are mutable and may be shared with the next plan (stable ids).
	 */
	final Processor[][] processors;
	/** Per node, per slot: bypassed (the processor is not run; its input passes, delayed by its latency). */
	final boolean[][] bypass;
	/**
	 * Per node, per insert slot: the node whose signal keys the slot's sidechain (always earlier in processing
	 * order), or -1 for none.
	 */
	final int[][] keySource;
	/**
	 * Per node: processed this plan. Every audible node, plus what a sidechain key needs although it is not heard
	 * (a muted key channel still keys); see {@link PlanCompiler#resolveLive}.
	 */
	final boolean[] live;
	/** Per node: keys at least one insert slot (of any channel). */
	final boolean[] isKey;
	/**
	 * Per node, per insert slot: parameter changes for a processor taken over from the previous plan, as (index,
	 * value) pairs, or null. The mixer delivers them as events at the start of the slot's first processed block.
	 */
	final double[][][] pendingParameters;
	/** Compile-time findings: missing effects, unknown parameters, states that did not load. */
	final List<String> warnings;
	private final Map<String, Integer> nodeById;
	/** Per node: why it is not heard in the master, or null ({@link Audibility}). */
	private final String[] silentBecause;

	CompiledPlan(GraphDescription description, GraphDescription.Channel[] channels, int[] output, int[][] inputs,
			int[] tracks, int[] topLevel, int[][] groups, boolean[] audible, Map<String, Integer> nodeById,
			int[][] sendsOf, int[] sendSource, int[] sendTarget, Send[] sends, Processor[][] processors,
			List<String> warnings, int[][] keySource, boolean[] live, double[][][] pendingParameters,
			String[] silentBecause) {
		this.silentBecause = silentBecause;
		this.pendingParameters = pendingParameters;
		this.keySource = keySource;
		this.live = live;
		this.isKey = new boolean[channels.length];
		for (int[] slots : keySource) {
			for (int key : slots) {
				if (key >= 0) {
					isKey[key] = true;
				}
			}
		}
		this.sendsOf = sendsOf;
		this.sendSource = sendSource;
		this.sendTarget = sendTarget;
		this.sendLevel = new double[sends.length];
		this.sendPre = new boolean[sends.length];
		for (int s = 0; s < sends.length; s++) {
			sendLevel[s] = Decibels.toGain(sends[s].levelDb());
			sendPre[s] = sends[s].preFader();
		}
		this.sendsInto = new int[channels.length][];
		for (int k = 0; k < channels.length; k++) {
			int node = k;
			sendsInto[k] = java.util.stream.IntStream.range(0, sends.length).filter(s -> sendTarget[s] == node).toArray();
		}
		this.processors = processors;
		this.bypass = new boolean[channels.length][];
		for (int k = 0; k < channels.length; k++) {
			bypass[k] = new boolean[processors[k].length];
			for (int j = 0; j < bypass[k].length; j++) {
				bypass[k][j] = channels[k].inserts().get(j).bypass();
			}
		}
		this.warnings = List.copyOf(warnings);
		this.description = description;
		this.sampleRate = description.sampleRate();
		this.channels = channels;
		this.output = output;
		this.inputs = inputs;
		this.tracks = tracks;
		this.topLevel = topLevel;
		this.groups = groups;
		this.audible = audible;
		this.nodeById = Map.copyOf(nodeById);
		int n = channels.length;
		this.master = n - 1;
		this.isBus = new boolean[n];
		this.preGain = new double[n];
		this.fader = new double[n];
		this.panLeft = new double[n];
		this.panRight = new double[n];
		this.balanceLeft = new double[n];
		this.balanceRight = new double[n];
		for (int i = 0; i < n; i++) {
			GraphDescription.Channel c = channels[i];
			isBus[i] = c.kind() == GraphDescription.Kind.BUS;
			double polarity = c.polarity() ? -1.0 : 1.0;
			double clip = isBus[i] ? 1.0 : Decibels.toGain(c.source().clipGainDb());
			preGain[i] = clip * polarity;
			fader[i] = Decibels.toGain(c.gainDb());
			panLeft[i] = description.panLaw().left(c.pan());
			panRight[i] = description.panLaw().right(c.pan());
			balanceLeft[i] = PanLaw.balanceLeft(c.pan());
			balanceRight[i] = PanLaw.balanceRight(c.pan());
		}
		this.sources = new Source[tracks.length];
		this.trackIndex = new int[n];
		Arrays.fill(trackIndex, -1);
		for (int t = 0; t < tracks.length; t++) {
			sources[t] = channels[tracks[t]].source();
			trackIndex[tracks[t]] = t;
		}
		List<int[]> chunkList = new ArrayList<>();
		List<Integer> chunkBus = new ArrayList<>();
		this.items = new int[n][];
		for (int k = 0; k < n; k++) {
			List<Integer> its = new ArrayList<>();
			int[] in = inputs[k];
			for (int j = 0; j < in.length;) {
				if (isBus[in[j]]) {
					its.add(in[j++]);
					continue;
				}
				// a keyed track is a chunk of its own: its chunk waits for its keys, and no other track should wait
				// with it (nor could two chunks then wait for each other)
				int end = j + 1;
				if (!keyed(in[j])) {
					while (end < in.length && end - j < CHUNK && !isBus[in[end]] && !keyed(in[end])) {
						end++;
					}
				}
				int[] chunk = new int[end - j];
				for (int m = j; m < end; m++) {
					chunk[m - j] = trackIndex[in[m]];
				}
				its.add(-(chunkList.size() + 1));
				chunkList.add(chunk);
				chunkBus.add(k);
				j = end;
			}
			items[k] = its.stream().mapToInt(Integer::intValue).toArray();
		}
		this.chunks = chunkList.toArray(int[][]::new);
		this.chunkOutput = chunkBus.stream().mapToInt(Integer::intValue).toArray();
	}

	/** @return whether {@code node} has an insert keyed by another channel */
	boolean keyed(int node) {
		for (int key : keySource[node]) {
			if (key >= 0) {
				return true;
			}
		}
		return false;
	}

	@Override
	public GraphDescription description() {
		return description;
	}

	@Override
	public int sampleRate() {
		return sampleRate;
	}

	@Override
	public List<String> processingOrder() {
		return Arrays.stream(channels).map(GraphDescription.Channel::id).toList();
	}

	@Override
	public String masterId() {
		return channels[master].id();
	}

	@Override
	public List<String> topLevelBuses() {
		return Arrays.stream(topLevel).mapToObj(i -> channels[i].id()).toList();
	}

	@Override
	public List<String> warnings() {
		return warnings;
	}

	@Override
	public boolean isAudible(String channelId) {
		return audible[node(channelId)];
	}

	@Override
	public String silentBecause(String channelId) {
		return silentBecause[node(channelId)];
	}

	/** @return the node of a channel id */
	/** @return the node of {@code channelId}, or -1; allocates nothing (the audio thread resolves taps with it) */
	int nodeOrNone(String channelId) {
		Integer node = nodeById.get(channelId);
		return node == null ? -1 : node;
	}

	int node(String channelId) {
		Integer node = nodeById.get(channelId);
		if (node == null) {
			throw new IllegalArgumentException("no channel with id '" + channelId + "'");
		}
		return node;
	}

	/** @return number of nodes (channels) */
	int size() {
		return channels.length;
	}

	/** @return the channel at {@code node} */
	GraphDescription.Channel channel(int node) {
		return channels[node];
	}

	/** @return the number of tracks */
	int trackCount() {
		return tracks.length;
	}

	/** @return the source of track index {@code track} */
	Source source(int track) {
		return sources[track];
	}

	/** @return the ids of the subtree groups processed in parallel (for tests and diagnostics) */
	List<List<String>> groupIds() {
		return Arrays.stream(groups).map(g -> Arrays.stream(g).mapToObj(i -> channels[i].id()).toList()).toList();
	}
}
