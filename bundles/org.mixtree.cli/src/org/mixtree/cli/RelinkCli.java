package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.mixtree.model.ChannelAddress;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.session.Stems;

/**
 * {@code relink SESSION DIR [--all] [--force] [--dry-run]}: points offline stems (every stem with {@code --all}) at
 * the files of the same name under DIR ({@link Stems#relink}), as one command through the editing domain, saved
 * under the session lock. Prints a line per stem looked at; exits 1 when some stay offline.
 */
final class RelinkCli {
	static final String USAGE = "relink SESSION DIR [--all] [--force] [--dry-run]";

	private final PrintStream out;
	private final SessionEdit.Source edits;

	RelinkCli(PrintStream out, SessionEdit.Source edits) {
		this.out = out;
		this.edits = edits;
	}

	void relink(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		Path dir = Path.of(a.required(1, "DIR (the folder to look for the stems in); usage: " + USAGE));
		a.expectAtMost(2, USAGE);
		boolean dryRun = a.flag("--dry-run");
		SessionEdit edit = edits.open(file);
		Stems.Relink relink;
		try {
			relink = Stems.relink(edit.domain(), edit.session(), file, dir, a.flag("--all"), a.flag("--force"));
		} catch (IOException e) {
			throw new CliException(e.getMessage());
		}
		List<Stems.Relinked> results = relink.results();
		if (results.isEmpty()) {
			out.println("no stem is offline in " + file + " (--all relinks every stem)");
			return;
		}
		if (relink.command() != null) {
			SessionCommands.execute(edit.domain(), relink.command());
			if (!dryRun) {
				edit.save();
			}
		}
		long relinked = 0;
		for (Stems.Relinked r : results) {
			String who = ChannelAddress.of(r.track());
			if (r.to() != null) {
				relinked++;
				out.println((dryRun ? "would relink " : "relinked ") + who + ": " + r.from() + " -> " + r.to()
						+ (r.problem() == null ? "" : " (" + r.problem() + ")"));
			} else {
				out.println("not relinked " + who + ": " + r.problem());
			}
		}
		List<String> offline = results.stream().filter(r -> r.to() == null
				&& Stems.check(r.track(), file).state() == Stems.State.OFFLINE).map(r -> ChannelAddress.of(r.track())).toList();
		out.println((dryRun ? "would relink " : "relinked ") + relinked + " of " + MixTree.count(results.size(), "stem", "stems")
				+ (dryRun ? " (dry run: nothing written)" : ""));
		if (!offline.isEmpty()) {
			out.flush();
			throw new CliException(MixTree.count(offline.size(), "stem stays", "stems stay") + " offline: "
					+ String.join(", ", offline));
		}
	}
}
