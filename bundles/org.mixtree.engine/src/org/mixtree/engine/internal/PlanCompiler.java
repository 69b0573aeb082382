package org.mixtree.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.FileParameter;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.GraphException;

/**
 * Turns a {@link GraphDescription} into a {@link CompiledPlan}: validation, processing order, subtree groups,
 * solo/mute resolution, sends and the insert processors. Allocates freely and creates effects; call it off the
 * audio thread (the thread that owns the processors: effects are configured here, [main] in the SPI's terms).
 * <p>
 * Routing is a tree (each channel's output) extended by sends and sidechain keys: the processing order puts every
 * channel after everything that feeds it through an output or a send and after every channel that keys one of its
 * inserts, and the cycle check covers all three.
 */
public final class PlanCompiler {
	private PlanCompiler() {
	}

	/**
	 * @throws GraphException with a one-line message naming the channel (or the cycle) at fault
	 */
	public static CompiledPlan compile(GraphDescription graph) throws GraphException {
		return compile(graph, null);
	}

	/**
	 * Compiles {@code graph}, taking over the processors of {@code previous} whose key (channel id, slot, effect
	 * id) is still there, so their audio state survives the rebuild. The previous plan must no longer be played
	 * once the new one is (processors are shared, not copied).
	 *
	 * @param previous the plan this one replaces, or null
	 * @throws GraphException with a one-line message naming the channel (or the cycle) at fault
	 */
	public static CompiledPlan compile(GraphDescription graph, CompiledPlan previous) throws GraphException {
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
		// sends, by description index of their source, in the channel's send order
		int[][] sendTargets = new int[n][];
		// sidechain keys, by description index of the keyed channel and slot: the key's description index or -1
		int[][] keyOf = new int[n][];
		for (int i = 0; i < n; i++) {
			Channel c = list.get(i);
			List<Send> sends = c.sends();
			sendTargets[i] = new int[sends.size()];
			for (int j = 0; j < sends.size(); j++) {
				Send send = sends.get(j);
				if (send == null || send.target() == null) {
					throw new GraphException(c.label() + ": send " + (j + 1) + " has no target");
				}
				Integer target = index.get(send.target());
				if (target == null) {
					throw new GraphException(c.label() + " sends to unknown bus id '" + send.target() + "'");
				}
				if (list.get(target).kind() != Kind.BUS) {
					throw new GraphException(c.label() + " sends to " + list.get(target).label() + ", which is not a bus");
				}
				if (Double.isNaN(send.levelDb()) || send.levelDb() == Double.POSITIVE_INFINITY) {
					throw new GraphException(c.label() + ": send to " + list.get(target).label() + " level "
							+ send.levelDb() + " dB is not a level");
				}
				sendTargets[i][j] = target;
			}
			keyOf[i] = new int[c.inserts().size()];
			for (int j = 0; j < c.inserts().size(); j++) {
				Insert insert = c.inserts().get(j);
				if (insert == null || insert.effectId() == null || insert.effectId().isBlank()) {
					throw new GraphException(c.label() + ": insert slot " + (j + 1) + " has no effect id");
				}
				keyOf[i][j] = -1;
				if (insert.sidechain() != null) {
					Integer key = index.get(insert.sidechain());
					if (key == null) {
						throw new GraphException(c.label() + " slot " + (j + 1) + " (" + insert.effectId()
								+ "): sidechain key '" + insert.sidechain() + "' is not a channel");
					}
					keyOf[i][j] = key;
				}
			}
		}
		checkCycles(list, out, sendTargets, keyOf);

		int master = -1;
		for (int i = 0; i < n; i++) {
			if (out[i] == -1) {
				if (master >= 0) {
					throw new GraphException("more than one master (bus with no output): bus:" + list.get(master).name()
							+ ", bus:" + list.get(i).name());
				}
				master = i;
			}
		}
		if (master < 0) {
			throw new GraphException("no master bus (a bus with no output)");
		}

		// children in description order: the fixed order every bus sums its inputs in
		List<List<Integer>> children = new ArrayList<>(n);
		List<List<Integer>> senders = new ArrayList<>(n);
		List<List<Integer>> keys = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			children.add(new ArrayList<>());
			senders.add(new ArrayList<>());
			keys.add(new ArrayList<>());
			for (int key : keyOf[i]) {
				if (key >= 0) {
					keys.get(i).add(key);
				}
			}
		}
		for (int i = 0; i < n; i++) {
			if (out[i] >= 0) {
				children.get(out[i]).add(i);
			}
			for (int t : sendTargets[i]) {
				senders.get(t).add(i);
			}
		}

		// processing order: post-order from the master over outputs, sends and keys (every node after its inputs)
		int[] order = new int[n];
		int[] count = { 0 };
		postOrder(master, children, senders, keys, new boolean[n], order, count);
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

		// sends numbered by source node in processing order, then the channel's send order
		List<int[]> sendList = new ArrayList<>();
		int[][] sendsOf = new int[n][];
		for (int k = 0; k < n; k++) {
			int d = order[k];
			sendsOf[k] = new int[sendTargets[d].length];
			for (int j = 0; j < sendTargets[d].length; j++) {
				sendsOf[k][j] = sendList.size();
				sendList.add(new int[] { k, nodeOf[sendTargets[d][j]], j });
			}
		}
		int sends = sendList.size();
		int[] sendSource = new int[sends];
		int[] sendTarget = new int[sends];
		Send[] sendSpec = new Send[sends];
		for (int s = 0; s < sends; s++) {
			int[] e = sendList.get(s);
			sendSource[s] = e[0];
			sendTarget[s] = e[1];
			sendSpec[s] = channels[e[0]].sends().get(e[2]);
		}

		int[][] keySource = new int[n][];
		for (int k = 0; k < n; k++) {
			int[] slots = keyOf[order[k]];
			keySource[k] = new int[slots.length];
			for (int j = 0; j < slots.length; j++) {
				keySource[k][j] = slots[j] < 0 ? -1 : nodeOf[slots[j]];
			}
		}
		Audibility heard = Audibility.resolve(list, channels, output, inputs, sendSource, sendTarget, graph.focus());
		boolean[] audible = heard.audible;
		boolean[] live = resolveLive(channels, audible, inputs, sendSource, sendTarget, keySource);
		List<String> warnings = new ArrayList<>();
		for (Channel c : graph.channels()) {
			if (c.kind() == Kind.TRACK && c.source() != null && c.source().isOffline()) {
				warnings.add(c.label() + " is offline (" + c.source().offline() + "); it plays silence");
			}
		}
		double[][][] pending = new double[n][][];
		Processor[][] processors = processors(graph, channels, previous, warnings, pending);
		return new CompiledPlan(graph, channels, output, inputs, tracks.stream().mapToInt(Integer::intValue).toArray(),
				top.stream().mapToInt(Integer::intValue).toArray(), groups, audible, nodeById, sendsOf, sendSource,
				sendTarget, sendSpec, processors, warnings, keySource, live, pending, heard.silentBecause);
	}

	/**
	 * Creates (or takes over from {@code previous}) a processor per insert that has an installed effect, loads its
	 * state and sets its parameters. A missing effect becomes a null slot whose channel is silent ({@link Audibility}),
	 * one whose creation fails a null slot that passes audio through, each with a warning; a state that fails to load
	 * is a warning. A processor taken over may be processing for the previous plan
	 * right now (a rebuild while playing), so its parameters are not set here: the changes go to
	 * {@code pending[node][slot]} as (index, value) pairs, which the plan's mixer delivers as parameter events at
	 * the start of its first block, on the audio thread, where the effect smooths them.
	 */
	private static Processor[][] processors(GraphDescription graph, Channel[] channels, CompiledPlan previous,
			List<String> warnings, double[][][] pending) {
		Map<String, Processor> old = new HashMap<>();
		if (previous != null) {
			for (Processor[] chain : previous.processors) {
				for (Processor p : chain) {
					if (p != null) {
						old.put(p.key, p);
					}
				}
			}
		}
		Processor[][] result = new Processor[channels.length][];
		for (int k = 0; k < channels.length; k++) {
			Channel c = channels[k];
			List<Insert> inserts = c.inserts();
			result[k] = new Processor[inserts.size()];
			pending[k] = new double[inserts.size()][];
			for (int j = 0; j < inserts.size(); j++) {
				Insert insert = inserts.get(j);
				String where = c.label() + " slot " + (j + 1) + " (" + insert.effectId() + ")";
				if (insert.factory() == null) {
					warnings.add(where + ": effect not installed; " + c.label() + " is silent");
					continue;
				}
				String key = c.id() + " #" + (j + 1) + " " + insert.effectId();
				Processor p = old.get(key);
				// a new state (a preset or snapshot recalled) cannot reach an effect that may be processing right
				// now: such a slot gets a fresh instance, loaded here, and the swap moves its channel as a change
				boolean newState = p != null && insert.state() != null
						&& !java.util.Arrays.equals(insert.state(), p.appliedState);
				// the same for files: loading one rebuilds what prepare made, which cannot happen while it plays
				boolean newFiles = p != null && !insert.files().equals(p.appliedFiles);
				if (p == null || newState || newFiles || p.effect.descriptor() != insert.factory().descriptor()
						&& !p.effect.descriptor().equals(insert.factory().descriptor())) {
					Effect effect;
					try {
						effect = insert.factory().create();
					} catch (RuntimeException | LinkageError e) {
						warnings.add(where + ": create threw " + e.getClass().getSimpleName() + "; passed through");
						continue;
					}
					if (effect == null) {
						warnings.add(where + ": factory made no processor; passed through");
						continue;
					}
					p = new Processor(key, effect);
					configure(p, insert, where, warnings, null);
					loadFiles(p, insert, where, warnings);
				} else {
					List<Double> changes = new ArrayList<>();
					configure(p, insert, where, warnings, changes);
					if (!changes.isEmpty()) {
						pending[k][j] = changes.stream().mapToDouble(Double::doubleValue).toArray();
					}
				}
				result[k][j] = p;
			}
		}
		return result;
	}

	/**
	 * State first, then the explicit parameter values (which win over the state). With {@code deferred}, parameter
	 * changes are appended to it as (index, value) pairs instead of being set.
	 */
	private static void configure(Processor p, Insert insert, String where, List<String> warnings,
			List<Double> deferred) {
		byte[] state = insert.state();
		if (state != null && !java.util.Arrays.equals(state, p.appliedState)) {
			try {
				p.effect.loadState(state);
				p.appliedState = state;
			} catch (RuntimeException e) {
				warnings.add(where + ": state not loaded (" + e.getMessage() + ")");
			}
		}
		EffectDescriptor d = p.effect.descriptor();
		for (Map.Entry<String, Double> e : insert.parameters().entrySet()) {
			int index = d.indexOf(e.getKey());
			if (index < 0) {
				warnings.add(where + ": no parameter '" + e.getKey() + "'; ignored");
				continue;
			}
			ParameterDescriptor pd = d.parameters().get(index);
			double v = e.getValue() == null ? pd.defaultValue() : e.getValue();
			if (!pd.accepts(v)) {
				warnings.add(where + ": " + e.getKey() + " = " + v + " outside " + pd.range() + "; ignored");
				continue;
			}
			try {
				if (p.effect.getParameter(index) != v) {
					if (deferred != null) {
						deferred.add((double) index);
						deferred.add(v);
					} else {
						p.effect.setParameter(index, v);
					}
				}
			} catch (RuntimeException ex) {
				warnings.add(where + ": setting " + e.getKey() + " threw " + ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * [main] Gives a fresh processor its files, after its state and parameters, before it is prepared. A file that
	 * cannot be loaded is a warning naming it; so is an enum step that plays a file when no file is loaded (a
	 * reverb set to {@code ir = file} without an impulse), which would otherwise be silence without a word.
	 */
	private static void loadFiles(Processor p, Insert insert, String where, List<String> warnings) {
		EffectDescriptor d = p.effect.descriptor();
		for (Map.Entry<String, java.nio.file.Path> e : insert.files().entrySet()) {
			if (d.file(e.getKey()) == null) {
				warnings.add(where + ": no file '" + e.getKey() + "'; ignored");
				continue;
			}
			try {
				p.effect.setFile(e.getKey(), e.getValue());
			} catch (RuntimeException ex) {
				warnings.add(where + ": " + e.getKey() + " not loaded (" + ex.getMessage() + ")");
			}
		}
		p.appliedFiles = insert.files();
		for (FileParameter f : d.files()) {
			if (f.choice() == null) {
				continue;
			}
			int index = d.indexOf(f.choice());
			try {
				if (f.selectedBy(p.effect.getParameter(index)) && p.effect.getFile(f.id()) == null) {
					String step = d.parameters().get(index).format(f.step());
					warnings.add(where + ": " + f.choice() + "=" + step + " with no " + f.id()
							+ " loaded; the effect plays no " + f.name().toLowerCase(java.util.Locale.ROOT));
				}
			} catch (RuntimeException ex) {
				warnings.add(where + ": reading " + f.id() + " threw " + ex.getClass().getSimpleName());
			}
		}
	}

	/**
	 * Which nodes are processed: every audible one, and what a key needs. A key is a control signal, not heard:
	 * the key channel of an insert on a processed channel is processed even when muted or not soloed. When such a
	 * key is a bus that is not heard, what feeds it (inputs and sends) is processed too, unless muted itself: the
	 * key is what the bus would carry if its own mute, the mutes above it and solo elsewhere were off. Keys and
	 * inputs come before their consumers, so one backward pass settles it.
	 */
	static boolean[] resolveLive(Channel[] channels, boolean[] audible, int[][] inputs, int[] sendSource,
			int[] sendTarget, int[][] keySource) {
		int n = channels.length;
		boolean[] live = audible.clone();
		for (int k = n - 1; k >= 0; k--) {
			if (!live[k]) {
				continue;
			}
			for (int key : keySource[k]) {
				if (key >= 0) {
					live[key] = true;
				}
			}
			if (!audible[k] && channels[k].kind() == Kind.BUS) {
				for (int in : inputs[k]) {
					live[in] |= !channels[in].mute();
				}
				for (int s = 0; s < sendSource.length; s++) {
					if (sendTarget[s] == k) {
						live[sendSource[s]] |= !channels[sendSource[s]].mute();
					}
				}
			}
		}
		return live;
	}

	private static boolean under(int node, int root, int[] output) {
		for (int k = node; k >= 0; k = output[k]) {
			if (k == root) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Output children first (description order), then senders, then the keys of the node's inserts (slot order);
	 * a node reached twice is placed once.
	 */
	private static void postOrder(int d, List<List<Integer>> children, List<List<Integer>> senders,
			List<List<Integer>> keys, boolean[] seen, int[] order, int[] count) {
		seen[d] = true;
		for (int c : children.get(d)) {
			if (!seen[c]) {
				postOrder(c, children, senders, keys, seen, order, count);
			}
		}
		for (int c : senders.get(d)) {
			if (!seen[c]) {
				postOrder(c, children, senders, keys, seen, order, count);
			}
		}
		for (int c : keys.get(d)) {
			if (!seen[c]) {
				postOrder(c, children, senders, keys, seen, order, count);
			}
		}
		order[count[0]++] = d;
	}

	/** Edge kinds of the cycle check. */
	private static final byte OUT = 0, SEND = 1, KEY = 2;

	/**
	 * Depth-first over outputs, then sends, then keys (a key edge runs from the key channel to the channel whose
	 * insert it keys), from each channel in description order; the first edge back onto the walk closes a cycle.
	 * Without sends and keys this finds the same cycle as walking output chains. The message marks send edges
	 * ({@code -send->}) and key edges ({@code -key->}) and names the first of them in the cycle.
	 */
	private static void checkCycles(List<Channel> list, int[] out, int[][] sendTargets, int[][] keyOf)
			throws GraphException {
		int n = list.size();
		// edges per channel: target, kind, and for a key edge the keyed slot
		List<List<int[]>> edges = new ArrayList<>(n);
		for (int k = 0; k < n; k++) {
			List<int[]> e = new ArrayList<>();
			if (out[k] >= 0) {
				e.add(new int[] { out[k], OUT, -1 });
			}
			for (int t : sendTargets[k]) {
				e.add(new int[] { t, SEND, -1 });
			}
			edges.add(e);
		}
		for (int y = 0; y < n; y++) {
			for (int j = 0; j < keyOf[y].length; j++) {
				if (keyOf[y][j] >= 0) {
					edges.get(keyOf[y][j]).add(new int[] { y, KEY, j });
				}
			}
		}
		byte[] state = new byte[n]; // 0 unvisited, 1 on the current walk, 2 done
		int[] walk = new int[n];
		int[][] via = new int[n + 1][];
		for (int start = 0; start < n; start++) {
			if (state[start] == 0) {
				visit(start, list, edges, state, walk, via, 0);
			}
		}
	}

	private static void visit(int k, List<Channel> list, List<List<int[]>> edges, byte[] state, int[] walk,
			int[][] via, int len) throws GraphException {
		state[k] = 1;
		walk[len] = k;
		for (int[] edge : edges.get(k)) {
			int next = edge[0];
			via[len + 1] = edge;
			if (state[next] == 1) {
				StringBuilder msg = new StringBuilder("routing cycle: ");
				int from = 0;
				while (walk[from] != next) {
					from++;
				}
				String through = null;
				for (int j = from; j <= len; j++) {
					int[] e = via[j + 1];
					msg.append(list.get(walk[j]).label());
					msg.append(e[1] == SEND ? " -send-> " : e[1] == KEY ? " -key-> " : " -> ");
					if (e[1] != OUT && through == null) {
						int to = j < len ? walk[j + 1] : next;
						Channel keyed = list.get(to);
						through = e[1] == SEND ? "the send from " + list.get(walk[j]).label() + " to " + keyed.label()
								: "the sidechain of " + keyed.label() + " slot " + (e[2] + 1) + " ("
										+ keyed.inserts().get(e[2]).effectId() + "), keyed by "
										+ list.get(walk[j]).label();
					}
				}
				msg.append(list.get(next).label());
				if (through != null) {
					msg.append(" (through ").append(through).append(')');
				}
				throw new GraphException(msg.toString());
			}
			if (state[next] == 0) {
				visit(next, list, edges, state, walk, via, len + 1);
			}
		}
		state[k] = 2;
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
