package org.mixtree.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphException;

/**
 * Turns a {@link GraphDescription} into a {@link CompiledPlan}: validation, processing order, subtree groups and
 * solo/mute resolution. Allocates freely; call it off the audio thread (any thread, it keeps no state).
 */
public final class PlanCompiler {
	private PlanCompiler() {
	}

	/**
	 * @throws GraphException with a one-line message naming the channel (or the cycle) at fault
	 */
	public static CompiledPlan compile(GraphDescription graph) throws GraphException {
		if (graph == null) {
			throw new GraphException("no graph description");
		}
		if (graph.sampleRate() <= 0) {
			throw new GraphException("sample rate " + graph.sampleRate() + " Hz is not positive");
		}
		if (graph.panLaw() == null) {
			throw new GraphException("no pan law");
		}
		List<Channel> list = graph.channels();
		int n = list.size();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < n; i++) {
			Channel c = list.get(i);
			checkChannel(c, i);
			if (index.putIfAbsent(c.id(), i) != null) {
				throw new GraphException(c.label() + ": channel id '" + c.id() + "' is already used by "
						+ list.get(index.get(c.id())).label());
			}
		}

		// where each channel goes, by description index; -1 = nowhere (the master)
		int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			Channel c = list.get(i);
			if (c.output() == null) {
				if (c.kind() == Kind.TRACK) {
					throw new GraphException(c.label() + " has no output bus");
				}
				out[i] = -1;
				continue;
			}
			Integer target = index.get(c.output());
			if (target == null) {
				throw new GraphException(c.label() + " feeds unknown bus id '" + c.output() + "'");
			}
			if (list.get(target).kind() != Kind.BUS) {
				throw new GraphException(c.label() + " feeds " + list.get(target).label() + ", which is not a bus");
			}
			out[i] = target;
		}
		checkCycles(list, out);

		int master = -1;
		for (int i = 0; i < n; i++) {
			if (out[i] == -1) {
				if (master >= 0) {
					throw new GraphException("more than one master (bus with no output): " + list.get(master).label()
							+ ", " + list.get(i).label());
				}
				master = i;
			}
		}
		if (master < 0) {
			throw new GraphException("no master bus (a bus with no output)");
		}

		// children in description order: the fixed order every bus sums its inputs in
		List<List<Integer>> children = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			children.add(new ArrayList<>());
		}
		for (int i = 0; i < n; i++) {
			if (out[i] >= 0) {
				children.get(out[i]).add(i);
			}
		}

		// processing order: post-order from the master (every node after its inputs)
		int[] order = new int[n];
		int[] count = { 0 };
		postOrder(master, children, order, count);
		// without cycles and with one master every chain ends at the master, so all nodes are reached
		assert count[0] == n;
		int[] nodeOf = new int[n];
		for (int k = 0; k < n; k++) {
			nodeOf[order[k]] = k;
		}

		Channel[] channels = new Channel[n];
		int[] output = new int[n];
		int[][] inputs = new int[n][];
		Map<String, Integer> nodeById = new HashMap<>();
		List<Integer> tracks = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			int d = order[k];
			channels[k] = list.get(d);
			output[k] = out[d] < 0 ? -1 : nodeOf[out[d]];
			List<Integer> ch = children.get(d);
			inputs[k] = new int[ch.size()];
			for (int j = 0; j < ch.size(); j++) {
				inputs[k][j] = nodeOf[ch.get(j)];
			}
			nodeById.put(channels[k].id(), k);
		}
		for (int d = 0; d < n; d++) {
			if (list.get(d).kind() == Kind.TRACK) {
				tracks.add(nodeOf[d]);
			}
		}

		// top-level buses and their subtrees' buses in processing order
		int masterNode = n - 1;
		List<Integer> top = new ArrayList<>();
		for (int in : inputs[masterNode]) {
			if (channels[in].kind() == Kind.BUS) {
				top.add(in);
			}
		}
		int[][] groups = new int[top.size()][];
		for (int g = 0; g < groups.length; g++) {
			int root = top.get(g);
			List<Integer> buses = new ArrayList<>();
			for (int k = 0; k <= root; k++) {
				if (channels[k].kind() == Kind.BUS && under(k, root, output)) {
					buses.add(k);
				}
			}
			groups[g] = buses.stream().mapToInt(Integer::intValue).toArray();
		}

		boolean[] audible = resolveAudible(channels, output, inputs);
		return new CompiledPlan(graph, channels, output, inputs, tracks.stream().mapToInt(Integer::intValue).toArray(),
				top.stream().mapToInt(Integer::intValue).toArray(), groups, audible, nodeById);
	}

	/**
	 * Solo in place, following the tree, and mute, which always wins. Nodes are in processing order, so parents
	 * come after their children: the path-from-master flags are computed from the end.
	 * <p>
	 * Sends (a later issue) extend this: the buses a heard channel's sends feed stay audible (effect returns), so
	 * after the tree pass a second pass will mark send targets audible and re-run the bus pass over them.
	 */
	static boolean[] resolveAudible(Channel[] channels, int[] output, int[][] inputs) {
		int n = channels.length;
		boolean anySolo = false;
		for (Channel c : channels) {
			anySolo |= c.solo();
		}
		boolean[] mutedPath = new boolean[n];
		boolean[] soloPath = new boolean[n];
		for (int k = n - 1; k >= 0; k--) {
			int o = output[k];
			mutedPath[k] = channels[k].mute() || (o >= 0 && mutedPath[o]);
			soloPath[k] = channels[k].solo() || (o >= 0 && soloPath[o]);
		}
		boolean[] audible = new boolean[n];
		for (int k = 0; k < n; k++) {
			if (mutedPath[k]) {
				continue;
			}
			if (channels[k].kind() == Kind.TRACK) {
				audible[k] = !anySolo || soloPath[k];
			} else {
				// a bus passes what reaches it: it is heard when something audible feeds it
				for (int in : inputs[k]) {
					audible[k] |= audible[in];
				}
			}
		}
		return audible;
	}

	private static boolean under(int node, int root, int[] output) {
		for (int k = node; k >= 0; k = output[k]) {
			if (k == root) {
				return true;
			}
		}
		return false;
	}

	private static void postOrder(int d, List<List<Integer>> children, int[] order, int[] count) {
		for (int c : children.get(d)) {
			postOrder(c, children, order, count);
		}
		order[count[0]++] = d;
	}

	/** Every channel has one output, so a cycle is found by walking output chains. */
	private static void checkCycles(List<Channel> list, int[] out) throws GraphException {
		int n = list.size();
		byte[] state = new byte[n]; // 0 unvisited, 1 on the current walk, 2 known to reach the master
		int[] walk = new int[n];
		for (int start = 0; start < n; start++) {
			int len = 0;
			int k = start;
			while (k >= 0 && state[k] == 0) {
				state[k] = 1;
				walk[len++] = k;
				k = out[k];
			}
			if (k >= 0 && state[k] == 1) {
				StringBuilder msg = new StringBuilder("routing cycle: ");
				int from = 0;
				while (walk[from] != k) {
					from++;
				}
				for (int j = from; j < len; j++) {
					msg.append(list.get(walk[j]).label()).append(" -> ");
				}
				throw new GraphException(msg.append(list.get(k).label()).toString());
			}
			for (int j = 0; j < len; j++) {
				state[walk[j]] = 2;
			}
		}
	}

	private static void checkChannel(Channel c, int position) throws GraphException {
		if (c == null) {
			throw new GraphException("channel " + position + " is null");
		}
		if (c.kind() == null) {
			throw new GraphException("channel " + position + " ('" + c.name() + "') has no kind");
		}
		if (c.id() == null || c.id().isBlank()) {
			throw new GraphException(c.label() + " has no id");
		}
		if (c.name() == null) {
			throw new GraphException("channel '" + c.id() + "' has no name");
		}
		if (Double.isNaN(c.gainDb()) || c.gainDb() == Double.POSITIVE_INFINITY) {
			throw new GraphException(c.label() + ": gain " + c.gainDb() + " dB is not a level");
		}
		if (!(c.pan() >= -1.0 && c.pan() <= 1.0)) {
			throw new GraphException(c.label() + ": pan " + c.pan() + " outside [-1, 1]");
		}
		if (c.kind() == Kind.TRACK) {
			GraphDescription.Source s = c.source();
			if (s == null || s.file() == null) {
				throw new GraphException(c.label() + " has no source");
			}
			if (Double.isNaN(s.clipGainDb()) || s.clipGainDb() == Double.POSITIVE_INFINITY) {
				throw new GraphException(c.label() + ": clip gain " + s.clipGainDb() + " dB is not a level");
			}
			if (s.offsetFrames() < 0) {
				throw new GraphException(c.label() + ": negative source offset " + s.offsetFrames());
			}
		} else if (c.source() != null) {
			throw new GraphException(c.label() + " is a bus but has a source (" + c.source().file() + ")");
		}
	}
}
