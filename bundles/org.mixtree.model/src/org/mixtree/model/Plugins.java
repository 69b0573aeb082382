package org.mixtree.model;

import java.util.HashSet;
import java.util.Set;

/**
 * Plugins per bus, the top-down method's "fewer plugins" as a number: the inserts on a channel itself, and those on
 * it and on everything that feeds it (its tracks and nested buses, all the way down). Only outputs make a subtree:
 * a send feeds a bus without making the sending channel part of that bus's subtree (an effect return counts its own
 * inserts, not the vocal that sends to it), so every insert is counted in exactly one chain of buses up to the
 * master, and the master's subtree count is every insert of the session.
 */
public final class Plugins {
	private Plugins() {
	}

	/** @return the inserts on {@code channel} itself */
	public static int own(Channel channel) {
		return channel.getInserts().size();
	}

	/**
	 * @return the inserts on {@code bus} and on every channel whose output path leads to it (for the master: every
	 *         channel of the session); bypassed inserts count, as they are still in the chain
	 */
	public static int subtree(Bus bus) {
		Session session = Sessions.sessionOf(bus);
		int count = own(bus);
		if (session == null) {
			return count;
		}
		for (Track t : session.getTracks()) {
			if (leadsTo(t, bus, session)) {
				count += own(t);
			}
		}
		for (Bus b : session.getBuses()) {
			if (b != bus && leadsTo(b, bus, session)) {
				count += own(b);
			}
		}
		return count;
	}

	/** Whether {@code channel}'s output path (outputs only) reaches {@code bus}; no output means the master. */
	private static boolean leadsTo(Channel channel, Bus bus, Session session) {
		Set<Channel> seen = new HashSet<>();
		for (Channel c = channel; c != null && seen.add(c); ) {
			if (c == session.getMaster()) {
				return false;
			}
			Bus next = c.getOutput() == null ? session.getMaster() : c.getOutput();
			if (next == bus) {
				return true;
			}
			c = next;
		}
		return false;
	}
}
