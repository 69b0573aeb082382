package org.mixtree.views.graph.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * What the graph shows, read from the model on the UI thread: the channels in tree order (each top-level bus with
 * its nested buses and tracks, as the console orders them, then the tracks routed straight to the master, the master
 * last), the routes and the sends. Its {@link #input} is what the layout needs; {@link #structure} says whether a
 * new layout is needed at all (a gain or mute change keeps the old one, so nothing moves).
 */
public final class Scene {
	/** One node: the channel and what is drawn in it. */
	public static final class Node {
		public final Channel channel;
		public final String id, name;
		public final boolean track, master;
		public final int depth;
		public String detail;
		public String silentBecause;

		Node(Channel channel, String id, boolean track, boolean master, int depth) {
			this.channel = channel;
			this.id = id;
			this.name = channel.getName();
			this.track = track;
			this.master = master;
			this.depth = depth;
		}
	}

	/** One edge: a route (send null) or a send. */
	public record Edge(Node source, Node target, Send send) {
	}

	public final List<Node> nodes = new ArrayList<>();
	public final List<Edge> edges = new ArrayList<>();
	public final Map<String, Node> byId = new HashMap<>();
	public final Map<Channel, Node> byChannel = new HashMap<>();
	public final GraphLayout.Input input;
	/** Equal for two scenes that lay out the same: node ids and sizes, edges. */
	public final String structure;

	public static final double NODE_HEIGHT = 36;

	/**
	 * @param width a node's box width for its name (measured with the canvas's font on the UI thread, or estimated)
	 */
	public Scene(Session session, ToDoubleFunction<String> width) {
		Bus master = session.getMaster();
		Map<Bus, List<Bus>> childBuses = new HashMap<>();
		Map<Bus, List<Track>> childTracks = new HashMap<>();
		for (Bus b : session.getBuses()) {
			childBuses.computeIfAbsent(outputOf(b, master), k -> new ArrayList<>()).add(b);
		}
		for (Track t : session.getTracks()) {
			childTracks.computeIfAbsent(outputOf(t, master), k -> new ArrayList<>()).add(t);
		}
		List<Node> tracks = new ArrayList<>();
		for (Bus b : childBuses.getOrDefault(master, List.of())) {
			visit(b, 1, childBuses, childTracks, tracks, new java.util.HashSet<>());
		}
		for (Track t : childTracks.getOrDefault(master, List.of())) {
			tracks.add(add(t, true, false, 1));
		}
		// tracks first in model order: ELK's model order then keeps them in this order in the first column
		List<Node> buses = nodes.stream().filter(n -> !n.track).toList();
		nodes.clear();
		nodes.addAll(tracks);
		nodes.addAll(buses);
		Node m = add(master, false, true, 0);
		// channels on a path the tree walk did not reach (a broken file's cycle): still shown
		for (Bus b : session.getBuses()) {
			if (!byChannel.containsKey(b)) {
				add(b, false, false, 1);
			}
		}
		for (Track t : session.getTracks()) {
			if (!byChannel.containsKey(t)) {
				add(t, true, false, 1);
			}
		}
		for (Node n : nodes) {
			if (n != m) {
				Node target = byChannel.get(outputOf(n.channel, master));
				if (target != null) {
					edges.add(new Edge(n, target, null));
				}
			}
		}
		for (Node n : nodes) {
			for (Send s : n.channel.getSends()) {
				Node target = s.getTarget() == null ? null : byChannel.get(s.getTarget());
				if (target != null && target != n) {
					edges.add(new Edge(n, target, s));
				}
			}
		}
		List<GraphLayout.NodeSpec> specs = new ArrayList<>();
		StringBuilder key = new StringBuilder();
		for (Node n : nodes) {
			double w = Math.ceil(Math.max(124, width.applyAsDouble(n.name) + 28));
			specs.add(new GraphLayout.NodeSpec(n.id, w, NODE_HEIGHT, n.track, n.master));
			key.append(n.id).append('|').append(w).append(';');
		}
		List<GraphLayout.EdgeSpec> es = new ArrayList<>();
		for (Edge e : edges) {
			es.add(new GraphLayout.EdgeSpec(e.source.id, e.target.id, e.send != null));
			key.append(e.source.id).append('>').append(e.target.id).append(e.send != null ? "~" : "").append(';');
		}
		input = new GraphLayout.Input(List.copyOf(specs), List.copyOf(es));
		structure = key.toString();
	}

	private void visit(Bus bus, int depth, Map<Bus, List<Bus>> childBuses, Map<Bus, List<Track>> childTracks,
			List<Node> tracks, java.util.Set<Bus> seen) {
		if (!seen.add(bus)) {
			return;
		}
		for (Bus b : childBuses.getOrDefault(bus, List.of())) {
			visit(b, depth + 1, childBuses, childTracks, tracks, seen);
		}
		for (Track t : childTracks.getOrDefault(bus, List.of())) {
			tracks.add(add(t, true, false, depth + 1));
		}
		add(bus, false, false, depth);
	}

	private Node add(Channel c, boolean track, boolean master, int depth) {
		Node n = new Node(c, Objects.requireNonNullElse(c.getAddress(), c.getName()), track, master, depth);
		nodes.add(n);
		byId.put(n.id, n);
		byChannel.put(c, n);
		return n;
	}

	/** @return the bus a channel feeds: its output, or the master when it has none */
	public static Bus outputOf(Channel c, Bus master) {
		Bus o = c.getOutput();
		return o == null ? master : o;
	}
}
