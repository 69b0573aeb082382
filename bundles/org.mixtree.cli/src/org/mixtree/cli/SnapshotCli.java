package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.LoudnessMeter;
import org.mixtree.dsp.TruePeakMeter;
import org.mixtree.engine.Engine;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderProgress;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.Snapshots;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.SessionGraph;

/**
 * {@code snapshot save|recall|delete|list|rename|diff|ab}: named mix states of a session ({@link Snapshots}).
 * {@code current} names the session as it is now wherever a snapshot is read (diff, ab, render --snapshot).
 */
final class SnapshotCli {

	static final String USAGE = "snapshot save SESSION NAME [--force] | recall SESSION NAME | delete SESSION NAME | "
			+ "list SESSION | rename SESSION OLD NEW | diff SESSION A B | ab SESSION A B [--seconds S]";

	private final PrintStream out;
	private final PrintStream err;

	SnapshotCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void snapshot(List<String> words) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("missing snapshot command; usage: " + USAGE);
		}
		String verb = words.get(0);
		List<String> rest = words.subList(1, words.size());
		switch (verb) {
		case "save" -> save(rest);
		case "recall" -> recall(rest);
		case "delete" -> delete(rest);
		case "list" -> list(rest);
		case "rename" -> rename(rest);
		case "diff" -> diff(rest);
		case "ab" -> ab(rest);
		default -> throw CliException.usage("unknown snapshot command '" + verb + "'; usage: " + USAGE);
		}
	}

	private void save(List<String> words) throws Exception {
		String usage = "snapshot save SESSION NAME [--force]";
		Args a = Args.parse(words, Set.of(), Set.of("--force"));
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		boolean replaced = Snapshots.lookup(session, name) != null;
		try {
			SessionCommands.execute(domain, Snapshots.save(domain, session, name, a.flag("--force")));
		} catch (IllegalArgumentException e) {
			throw new CliException(file + ": " + e.getMessage(), e);
		}
		SessionStore.save(session, file);
		Snapshot s = Snapshots.lookup(session, name);
		out.println((replaced ? "replaced" : "saved") + " snapshot " + s.getName() + " ("
				+ MixTree.count(session.getTracks().size(), "track", "tracks") + ", "
				+ MixTree.count(session.getBuses().size(), "bus", "buses") + ")");
	}

	private void recall(List<String> words) throws Exception {
		String usage = "snapshot recall SESSION NAME";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Snapshot s = find(session, file, name);
		Snapshots.Recall r = Snapshots.recall(domain, session, s);
		SessionCommands.execute(domain, r.command());
		refuseInvalid(session, file, s.getName());
		SessionStore.save(session, file);
		out.println("recalled snapshot " + s.getName());
		for (String note : r.notes()) {
			out.println("  " + note);
		}
	}

	private void delete(List<String> words) throws Exception {
		String usage = "snapshot delete SESSION NAME";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = a.required(1, "NAME; usage: " + usage);
		a.expectAtMost(2, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Snapshot s = find(session, file, name);
		SessionCommands.execute(domain, Snapshots.delete(domain, s));
		SessionStore.save(session, file);
		out.println("deleted snapshot " + s.getName());
	}

	private void list(List<String> words) throws Exception {
		String usage = "snapshot list SESSION";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		a.expectAtMost(1, usage);
		Session session = SessionStore.load(file);
		for (String n : Snapshots.names(session)) {
			out.println(n);
		}
	}

	private void rename(List<String> words) throws Exception {
		String usage = "snapshot rename SESSION OLD NEW";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String from = a.required(1, "OLD; usage: " + usage);
		String to = a.required(2, "NEW; usage: " + usage);
		a.expectAtMost(3, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Snapshot s = find(session, file, from);
		String old = s.getName();
		try {
			SessionCommands.execute(domain, Snapshots.rename(domain, s, to));
		} catch (IllegalArgumentException e) {
			throw new CliException(file + ": " + e.getMessage(), e);
		}
		SessionStore.save(session, file);
		out.println("renamed snapshot " + old + " -> " + s.getName());
	}

	private void diff(List<String> words) throws Exception {
		String usage = "snapshot diff SESSION A B";
		Args a = Args.parse(words, Set.of(), Set.of());
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
		for (Map.Entry<Path, String> e : SessionStore.filesRead(SessionStore.load(file), file).entrySet()) {
			options = options.withKeep(e.getKey(), e.getValue());
		}
		return options;
	}

	// ------------------------------------------------------------------------------------------------ ab

	/** The loudness of one rendered mix. */
	record Measure(String name, double lufs, double truePeakDbtp) {
	}

	private void ab(List<String> words) throws Exception {
		String usage = "snapshot ab SESSION A B [--seconds S]";
		Args a = Args.parse(words, Set.of("--seconds"), Set.of());
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
		Path temp = Files.createTempDirectory("mixtree-ab");
		Measure ma;
		Measure mb;
		try {
			ma = measure(file, nameA, shownA, temp.resolve("a.wav"), seconds);
			mb = measure(file, nameB, shownB, temp.resolve("b.wav"), seconds);
		} finally {
			deleteTree(temp);
		}
		out.println(line(ma));
		out.println(line(mb));
		out.println(trim(ma, mb));
	}

	private static String shown(Session session, Path file, String name) throws CliException {
		return name.strip().equalsIgnoreCase(Snapshots.CURRENT) ? Snapshots.CURRENT : find(session, file, name).getName();
	}

	private Measure measure(Path file, String name, String shown, Path wav, double seconds) throws Exception {
		Session session = recalled(file, name, err);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(file + ": " + shown + ": " + problems.get(0).message());
		}
		Plan plan = Engine.compile(SessionGraph.describe(session, file));
		// --seconds: only that much is rendered (the mix after it is never mixed), else the whole mix with its tail
		RenderOptions options = keepSessionFiles(RenderOptions.of(wav, SampleFormat.F32).withKeep(file, "the session file itself"), file)
				.withMaxSeconds(seconds);
		try {
			Engine.checkOutputs(plan, options);
		} catch (OutputGuard.RefusedException e) {
			throw new CliException(e.getMessage(), e);
		}
		var result = Engine.render(plan, options, RenderProgress.NONE);
		for (String warning : result.warnings()) {
			err.println("mixtree: warning: " + shown + ": " + warning);
		}
		try (AudioFileReader r = AudioFiles.open(wav)) {
			long frames = r.frames();
			int channels = r.channels();
			LoudnessMeter loudness = new LoudnessMeter(channels, r.sampleRate());
			TruePeakMeter peak = new TruePeakMeter(Math.min(channels, 2), r.sampleRate());
			float[][] block = new float[channels][4096];
			long done = 0;
			while (done < frames) {
				int n = r.read(block, 0, (int) Math.min(4096, frames - done));
				if (n <= 0) {
					break;
				}
				loudness.process(block, 0, n);
				peak.process(block, 0, n);
				done += n;
			}
			// the interpolator's last points need the samples after the end: silence
			float[][] zeros = new float[channels][peak.latency() + 1];
			peak.process(zeros, 0, zeros[0].length);
			return new Measure(shown, loudness.integratedLufs(), peak.peakDbtp());
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
		double t = round(Math.min(la, lb) - Math.max(la, lb));
		return String.format(Locale.ROOT, "trim %s by %s dB to match %s (loudness-matched A/B compares balance, not level)",
				louder.name(), t == 0 ? "0.0" : RenderCli.db(t), quieter.name());
	}

	private static double round(double v) {
		return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
	}

	private static String signed(double v) {
		return (v > 0 ? "+" : "") + RenderCli.db(v);
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
