package org.mixtree.views.tree.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * The tree's rows, read from the model on the UI thread: the master, under it its buses (session order) and then its
 * tracks, each bus likewise, recursively (the console's order); a channel's sends come first under it, as rows of
 * their own. Collapsed buses hide what is under them.
 */
public final class Rows {
	/** One row: a channel, or (send not null) one of its sends. */
	public record Row(Channel channel, Send send, int depth, boolean hasChildren) {
		public boolean isBus() {
			return send == null && channel instanceof Bus;
		}
	}

	private Rows() {
	}

	/** @return the visible rows; {@code collapsed} buses show no children */
	public static List<Row> of(Session session, Set<Channel> collapsed) {
		Bus master = session.getMaster();
		Map<Bus, List<Channel>> children = new HashMap<>();
		for (Bus b : session.getBuses()) {
			children.computeIfAbsent(outputOf(b, master), k -> new ArrayList<>()).add(b);
		}
		for (Track t : session.getTracks()) {
			children.computeIfAbsent(outputOf(t, master), k -> new ArrayList<>()).add(t);
		}
		List<Row> rows = new ArrayList<>();
		Set<Channel> seen = new HashSet<>();
		add(master, 0, children, collapsed, rows, seen);
		// what the walk did not reach (only a broken file's cycle): shown at the top level, so nothing is hidden
		for (Bus b : session.getBuses()) {
			if (!seen.contains(b)) {
				add(b, 1, children, collapsed, rows, seen);
			}
		}
		for (Track t : session.getTracks()) {
			if (!seen.contains(t)) {
				add(t, 1, children, collapsed, rows, seen);
			}
		}
		return rows;
	}

	private static void add(Channel c, int depth, Map<Bus, List<Channel>> children, Set<Channel> collapsed,
			List<Row> rows, Set<Channel> seen) {
		if (!seen.add(c)) {
			return;
		}
		List<Channel> kids = c instanceof Bus b ? children.getOrDefault(b, List.of()) : List.of();
		boolean has = !kids.isEmpty() || !c.getSends().isEmpty();
		if (rows != null) {
			rows.add(new Row(c, null, depth, has));
		}
		// under a collapsed bus the walk goes on without rows: what it reaches is hidden, not unreachable
		List<Row> under = rows == null || collapsed.contains(c) ? null : rows;
		if (under != null) {
			for (Send s : c.getSends()) {
				under.add(new Row(c, s, depth + 1, false));
			}
		}
		for (Channel k : kids) {
			if (k instanceof Bus) {
				add(k, depth + 1, children, collapsed, under, seen);
			}
		}
		for (Channel k : kids) {
			if (k instanceof Track) {
				add(k, depth + 1, children, collapsed, under, seen);
			}
		}
	}

	static Bus outputOf(Channel c, Bus master) {
		Bus o = c.getOutput();
		return o == null ? master : o;
	}
}
