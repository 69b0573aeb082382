package org.mixtree.model.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.model.Session;

/**
 * The routing graph of a session: an edge from every channel to the bus it outputs to (the master
 * when its output is empty), to every bus its sends feed, and to every channel with an insert it
 * keys as a sidechain (the key signal is an input of that channel, so it must be ready first).
 * Mixtree allows a tree extended by sends and sidechains, which must stay acyclic; the engine
 * cannot order a loop.
 */
public final class Routing {

	private Routing() {
	}

	/** All channels of a session in a fixed order: tracks, buses, master. */
	public static List<Channel> channels(Session session) {
		List<Channel> all = new ArrayList<>(session.getTracks());
		all.addAll(session.getBuses());
		if (session.getMaster() != null) {
			all.add(session.getMaster());
		}
		return all;
	}

	/**
	 * The channels a channel feeds directly: its output first, then its sends' buses in order, then
	 * the channels whose inserts it keys as a sidechain (session order). An empty output stands for
	 * the master (except on the master itself).
	 */
	public static List<Channel> successors(Session session, Channel channel) {
		Set<Channel> next = new LinkedHashSet<>();
		Bus output = channel.getOutput();
		if (output == null && session != null && channel != session.getMaster()) {
			output = session.getMaster();
		}
		if (output != null) {
			next.add(output);
		}
		for (Send send : channel.getSends()) {
			if (send.getTarget() != null) {
				next.add(send.getTarget());
			}
		}
		if (session != null) {
			for (Channel keyed : channels(session)) {
				for (Insert insert : keyed.getInserts()) {
					if (insert.getSidechain() == channel) {
						next.add(keyed);
					}
				}
			}
		}
		return new ArrayList<>(next);
	}

	/**
	 * The cycle that a new edge {@code from -> to} would close, as the list of channels from
	 * {@code from} back to {@code from} (e.g. {@code [Drums, Guitars, Drums]}); empty when the edge
	 * is harmless. The current routing is followed as it is, so this also answers for an edge that
	 * replaces {@code from}'s output: the old output edge only leads away from {@code from}.
	 * For a sidechain, the new edge runs from the key source to the channel of the insert.
	 */
	public static List<Channel> cycleThrough(Session session, Channel from, Channel to) {
		if (to == from) {
			return List.of(from, from);
		}
		// breadth-first from 'to', so the cycle reported is the shortest, and is the same every time
		Map<Channel, Channel> parent = new HashMap<>();
		Deque<Channel> queue = new ArrayDeque<>();
		parent.put(to, null);
		queue.add(to);
		while (!queue.isEmpty()) {
			Channel current = queue.removeFirst();
			for (Channel next : successors(session, current)) {
				if (next == from) {
					List<Channel> path = new ArrayList<>();
					for (Channel c = current; c != null; c = parent.get(c)) {
						path.add(c);
					}
					Collections.reverse(path);
					List<Channel> cycle = new ArrayList<>();
					cycle.add(from);
					cycle.addAll(path);
					cycle.add(from);
					return cycle;
				}
				if (!parent.containsKey(next)) {
					parent.put(next, current);
					queue.add(next);
				}
			}
		}
		return List.of();
	}

	/**
	 * Every cycle in the session's routing, each once, each starting at the channel of the cycle
	 * that comes first in {@link #channels(Session)} order.
	 */
	public static List<List<Channel>> findCycles(Session session) {
		List<Channel> order = channels(session);
		Map<Channel, Integer> index = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			index.put(order.get(i), i);
		}
		List<List<Channel>> cycles = new ArrayList<>();
		Set<Set<Channel>> seen = new HashSet<>();
		Set<Channel> done = new HashSet<>();
		for (Channel start : order) {
			if (!done.contains(start)) {
				dfs(session, start, new ArrayList<>(), new HashSet<>(), done, cycles, seen, index);
			}
		}
		return cycles;
	}

	private static void dfs(Session session, Channel node, List<Channel> stack, Set<Channel> onStack, Set<Channel> done,
			List<List<Channel>> cycles, Set<Set<Channel>> seen, Map<Channel, Integer> index) {
		stack.add(node);
		onStack.add(node);
		for (Channel next : successors(session, node)) {
			if (onStack.contains(next)) {
				List<Channel> cycle = new ArrayList<>(stack.subList(stack.indexOf(next), stack.size()));
				if (seen.add(new HashSet<>(cycle))) {
					cycles.add(rotate(cycle, index));
				}
			} else if (!done.contains(next)) {
				dfs(session, next, stack, onStack, done, cycles, seen, index);
			}
		}
		stack.remove(stack.size() - 1);
		onStack.remove(node);
		done.add(node);
	}

	private static List<Channel> rotate(List<Channel> cycle, Map<Channel, Integer> index) {
		int best = 0;
		for (int i = 1; i < cycle.size(); i++) {
			if (index.getOrDefault(cycle.get(i), Integer.MAX_VALUE) < index.getOrDefault(cycle.get(best), Integer.MAX_VALUE)) {
				best = i;
			}
		}
		List<Channel> rotated = new ArrayList<>(cycle.subList(best, cycle.size()));
		rotated.addAll(cycle.subList(0, best));
		rotated.add(rotated.get(0));
		return rotated;
	}

	/** {@code bus:A -> bus:B -> bus:A}. */
	public static String describe(List<Channel> cycle) {
		List<String> parts = new ArrayList<>(cycle.size());
		for (Channel c : cycle) {
			parts.add(ChannelAddress.of(c));
		}
		return String.join(" -> ", parts);
	}
}
