package org.mixtree.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;

/**
 * {@code stage SESSION static|buses|tracks}: the step of the top-down method the session is in, which decides the
 * inserts that play (STATIC none, BUSES those of buses and the master, TRACKS all). The stage bypasses inserts
 * without touching their own bypass flags, and keeps their latency, so switching never moves the mix in time.
 */
final class StageCli {
	static final String USAGE = "stage SESSION static|buses|tracks";

	private final java.io.PrintStream out;
	private final SessionEdit.Source edits;

	StageCli(java.io.PrintStream out, SessionEdit.Source edits) {
		this.out = out;
		this.edits = edits;
	}

	void stage(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		String word = a.required(1, "the stage (static, buses or tracks); usage: " + USAGE);
		a.expectAtMost(2, USAGE);
		MixStage stage = parse(word);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		MixStage before = session.getMixStage();
		if (before == stage) {
			out.println("stage " + stage + " (unchanged): " + plays(stage));
			return;
		}
		SessionCommands.execute(domain, SessionCommands.setStage(domain, session, stage));
		edit.save();
		out.println("stage " + before + " -> " + stage + ": " + plays(stage));
	}

	/** A stage as typed, case aside; anything else is a usage error naming the word. */
	static MixStage parse(String word) throws CliException {
		MixStage stage = MixStage.get(word.trim().toUpperCase(Locale.ROOT));
		if (stage == null) {
			throw CliException.usage("stage '" + word + "': use static, buses or tracks");
		}
		return stage;
	}

	/** What a stage lets play, as one phrase. */
	static String plays(MixStage stage) {
		switch (stage) {
		case STATIC:
			return "levels and pan only, every insert bypassed by the stage";
		case BUSES:
			return "inserts on buses and the master play, track inserts bypassed by the stage";
		case TRACKS:
		default:
			return "every insert plays";
		}
	}

	/**
	 * The line {@code insert add} prints when adding moved the stage on:
	 * {@code stage STATIC -> BUSES: inserts on buses play now (mixtree stage SESSION static to go back)}.
	 */
	static String advanced(MixStage before, MixStage after, Path file) {
		String level = after == MixStage.TRACKS ? "tracks" : "buses";
		return "stage " + before + " -> " + after + ": inserts on " + level + " play now (mixtree stage " + file + " "
				+ before.getLiteral().toLowerCase(Locale.ROOT) + " to go back)";
	}
}
