package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.RenderOptions;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.Snapshots;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.SnapshotLoudness;
import org.mixtree.session.SnapshotLoudness.Measure;

/**
 * {@code snapshot save|recall|delete|list|rename|diff|ab}: named mix states of a session ({@link Snapshots}).
 * {@code current} names the session as it is now wherever a snapshot is read (diff, ab, render --snapshot).
 */
final class SnapshotCli {

	private final PrintStream out;
	private final PrintStream err;
	private final SessionEdit.Source edits;

	SnapshotCli(PrintStream out, PrintStream err) {
		this(out, err, SessionEdit.ALONE);
	}

	/** @param edits where save, recall, delete and rename get the session they change: alone or a batch's */
	SnapshotCli(PrintStream out, PrintStream err, SessionEdit.Source edits) {
		this.out = out;
		this.err = err;
		this.edits = edits;
	}

	void save(Args a) throws Exception {
		String usage = "snapshot save SESSION NAME [--force]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		boolean replaced = Snapshots.lookup(session, name) != null;
		try {
			SessionCommands.execute(domain, Snapshots.save(domain, session, name, a.flag("--force")));
		} catch (IllegalArgumentException e) {
			throw new CliException(file + ": " + e.getMessage(), e);
		}
		edit.save();
		Snapshot s = Snapshots.lookup(session, name);
		out.println((replaced ? "replaced" : "saved") + " snapshot " + s.getName() + " ("
				+ MixTree.count(session.getTracks().size(), "track", "tracks") + ", "
				+ MixTree.count(session.getBuses().size(), "bus", "buses") + ")");
	}

	void recall(Args a) throws Exception {
		String usage = "snapshot recall SESSION NAME";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Snapshot s = find(session, file, name);
		Snapshots.Recall r = Snapshots.recall(domain, session, s);
		SessionCommands.execute(domain, r.command());
		refuseInvalid(session, file, s.getName());
		edit.save();
		out.println("recalled snapshot " + s.getName());
		for (String note : r.notes()) {
			out.println("  " + note);
		}
	}

	void delete(Args a) throws Exception {
		String usage = "snapshot delete SESSION NAME";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Snapshot s = find(session, file, name);
		SessionCommands.execute(domain, Snapshots.delete(domain, s));
		edit.save();
		out.println("deleted snapshot " + s.getName());
	}

	void list(Args a) throws Exception {
		String usage = "snapshot list SESSION";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		a.expectAtMost(1, usage);
		Session session = SessionStore.load(file);
		for (String n : Snapshots.names(session)) {
			out.println(n);
		}
	}

	void rename(Args a) throws Exception {
		String usage = "snapshot rename SESSION OLD NEW";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String from = a.required(1, "OLD; usage: " + usage);
		String to = a.required(2, "NEW; usage: " + usage);
		a.expectAtMost(3, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Snapshot s = find(session, file, from);
		String old = s.getName();
		try {
			SessionCommands.execute(domain, Snapshots.rename(domain, s, to));
		} catch (IllegalArgumentException e) {
			throw new CliException(file + ": " + e.getMessage(), e);
		}
		edit.save();
		out.println("renamed snapshot " + old + " -> " + s.getName());
	}

	void diff(Args a) throws Exception {
		String usage = "snapshot diff SESSION A B";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String nameA = a.required(1, "A; usage: " + usage);
		String nameB = a.required(2, "B; usage: " + usage);
		a.expectAtMost(3, usage);
		Session session = SessionStore.load(file);
		Session mixA = mix(session, file, nameA);
		Session mixB = mix(session, file, nameB);
		for (String line : SnapshotDiff.lines(mixA, mixB, EffectCatalog.osgi())) {
			out.println(line);
		}
	}

	/** The mix a name stands for: a snapshot's, or the session's as it is now ({@code current}). */
	private static Session mix(Session session, Path file, String name) throws CliException {
		if (name.strip().equalsIgnoreCase(Snapshots.CURRENT)) {
			return Snapshots.mixOf(session);
		}
		return Snapshots.mixOf(find(session, file, name));
	}

	private static Snapshot find(Session session, Path file, String name) throws CliException {
		try {
			return Snapshots.find(session, name);
		} catch (IllegalArgumentException e) {
			throw new CliException(file + ": " + e.getMessage(), e);
		}
	}

	private static void refuseInvalid(Session session, Path file, String name) throws CliException {
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(file + ": snapshot '" + name + "' does not recall: " + problems.get(0).message());
		}
	}

	// ----------------------------------------------------------------------------------- render a snapshot

	/**
	 * The session as the snapshot {@code name} holds it (or as it is, for {@code current}), in memory: the file is
	 * not written. Recall notes go to {@code err} as notes.
	 */
	static Session recalled(Path file, String name, PrintStream err) throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.load(domain, file);
		if (name.strip().equalsIgnoreCase(Snapshots.CURRENT)) {
			return session;
		}
		Snapshot s = find(session, file, name);
		Snapshots.Recall r = Snapshots.recall(domain, session, s);
		SessionCommands.execute(domain, r.command());
		for (String note : r.notes()) {
			err.println("mixtree: note: snapshot " + s.getName() + ": " + note);
		}
		return session;
	}

	/**
	 * Render options that also keep every file the session on disk reads (a snapshot may name another impulse
	 * file than the session does now: neither may be written over).
	 */
	static RenderOptions keepSessionFiles(RenderOptions options, Path file) throws Exception {
		return SnapshotLoudness.keepSessionFiles(options, file);
	}

	// ------------------------------------------------------------------------------------------------ ab

	void ab(Args a) throws Exception {
		String usage = "snapshot ab SESSION A B [--seconds S]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String nameA = a.required(1, "A; usage: " + usage);
		String nameB = a.required(2, "B; usage: " + usage);
		a.expectAtMost(3, usage);
		double seconds = Double.POSITIVE_INFINITY;
		if (a.option("--seconds") != null) {
			seconds = Values.number("--seconds", a.option("--seconds"), "s");
			if (!(seconds > 0)) {
				throw new CliException("--seconds " + a.option("--seconds") + ": give a length above 0");
			}
		}
		// both names are checked before anything renders
		Session session = SessionStore.load(file);
		String shownA = shown(session, file, nameA);
		String shownB = shown(session, file, nameB);
		Measure ma = measure(file, nameA, shownA, seconds);
		Measure mb = measure(file, nameB, shownB, seconds);
		out.println(line(ma));
		out.println(line(mb));
		out.println(trim(ma, mb));
	}

	private static String shown(Session session, Path file, String name) throws CliException {
		return name.strip().equalsIgnoreCase(Snapshots.CURRENT) ? Snapshots.CURRENT : find(session, file, name).getName();
	}

	/** The mix {@code name} stands for, rendered and measured by the code the workbench's A/B toggle uses. */
	private Measure measure(Path file, String name, String shown, double seconds) throws Exception {
		Session session = recalled(file, name, err);
		try {
			return SnapshotLoudness.measure(session, file, shown, seconds,
					warning -> err.println("mixtree: warning: " + shown + ": " + warning));
		} catch (SnapshotLoudness.InvalidMixException e) {
			throw new CliException(file + ": " + shown + ": " + e.getMessage(), e);
		} catch (OutputGuard.RefusedException e) {
			throw new CliException(e.getMessage(), e);
		}
	}

	static String line(Measure m) {
		return m.name() + ": " + RenderCli.db(round(m.lufs())) + " LUFS, true peak " + signed(round(m.truePeakDbtp())) + " dBTP";
	}

	/** The trim, from the values as printed, so that the three lines agree to the digit. */
	static String trim(Measure a, Measure b) {
		if (a.lufs() == Double.NEGATIVE_INFINITY || b.lufs() == Double.NEGATIVE_INFINITY) {
			Measure silent = a.lufs() == Double.NEGATIVE_INFINITY ? a : b;
			return "no trim: " + silent.name() + " is silent (below the loudness gate)";
		}
		double la = round(a.lufs());
		double lb = round(b.lufs());
		Measure louder = la >= lb ? a : b;
		Measure quieter = louder == a ? b : a;
		double t = SnapshotLoudness.matchTrimDb(louder, a, b);
		return String.format(Locale.ROOT, "trim %s by %s dB to match %s (loudness-matched A/B compares balance, not level)",
				louder.name(), t == 0 ? "0.0" : RenderCli.db(t), quieter.name());
	}

	private static double round(double v) {
		return SnapshotLoudness.round(v);
	}

	private static String signed(double v) {
		return (v > 0 ? "+" : "") + RenderCli.db(v);
	}
}
