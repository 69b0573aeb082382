package org.mixtree.engine.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.Plan;

/**
 * The flat form of a {@link Plan}: every per-channel quantity the mixing loop needs, as arrays indexed by node,
 * where a node is a channel's position in processing order (children before parents, the master last). Built
 * only by {@link PlanCompiler}; the arrays are never written after construction and never handed out, so the
 * plan is immutable and may be read from any thread, the audio thread included.
 * <p>
 * Gains are split the way the signal chain is: {@link #preGain} (clip gain and polarity, before the inserts),
 * then {@link #fader} (after the inserts), then the pan/balance factors. Until channels have inserts the mixer
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
	/** For each top-level bus: the buses of its subtree in processing order (the bus itself last). */
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
	/** Solo/mute resolved. */
	final boolean[] audible;
	private final Map<String, Integer> nodeById;

	CompiledPlan(GraphDescription description, GraphDescription.Channel[] channels, int[] output, int[][] inputs,
			int[] tracks, int[] topLevel, int[][] groups, boolean[] audible, Map<String, Integer> nodeById) {
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
		for (int t = 0; t < tracks.length; t++) {
			sources[t] = channels[tracks[t]].source();
		}
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
	public boolean isAudible(String channelId) {
		return audible[node(channelId)];
	}

	/** @return the node of a channel id */
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
