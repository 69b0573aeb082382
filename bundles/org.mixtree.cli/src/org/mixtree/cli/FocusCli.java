package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;

/**
 * {@code focus SESSION bus:NAME|next|prev|all}: the build-up, one top-level bus after another in console order. Each
 * step is one undoable command; the line printed names the buses heard and the one {@code next} brings in:
 * {@code focus: Drums + Bass (next: Guitars)}. {@code next} past the last top-level bus and {@code prev} with one
 * bus left are refused (exit 1, the session unchanged): {@code focus all} ends the focus.
 */
final class FocusCli {
	static final String USAGE = "focus SESSION bus:NAME|next|prev|all";

	private final PrintStream out;
	private final SessionEdit.Source edits;

	FocusCli(PrintStream out, SessionEdit.Source edits) {
		this.out = out;
		this.edits = edits;
	}

	void focus(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		String what = a.required(1, "bus:NAME, next, prev or all; usage: " + USAGE);
		a.expectAtMost(2, USAGE);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Command command;
		switch (what) {
		case "next":
			command = SessionCommands.focusNext(domain, session);
			break;
		case "prev":
			command = SessionCommands.focusPrevious(domain, session);
			break;
		case "all":
			command = SessionCommands.focusAll(domain, session);
			break;
		default:
			if (!what.regionMatches(true, 0, ChannelAddress.BUS, 0, ChannelAddress.BUS.length())
					&& !what.equalsIgnoreCase(ChannelAddress.MASTER)) {
				throw CliException.usage("focus '" + what + "': use bus:NAME, next, prev or all");
			}
			Channel bus = ChannelAddress.resolve(session, what);
			command = SessionCommands.focusOn(domain, session, (Bus) bus);
		}
		SessionCommands.execute(domain, command);
		edit.save();
		out.println(line(session));
	}

	/** {@code focus: Drums + Bass (next: Guitars)}, {@code focus: off (every bus is heard)}. */
	static String line(Session session) {
		List<Bus> focus = SessionCommands.focusInOrder(session);
		if (focus.isEmpty()) {
			return "focus: off (every bus is heard)";
		}
		List<String> names = new ArrayList<>();
		for (Bus b : focus) {
			names.add(b.getName());
		}
		List<Bus> top = SessionCommands.topLevelBuses(session);
		int last = top.indexOf(focus.get(focus.size() - 1));
		return "focus: " + String.join(" + ", names)
				+ (last + 1 < top.size() ? " (next: " + top.get(last + 1).getName() + ")" : " (the last top-level bus)");
	}
}
