package org.mixtree.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderProgress;
import org.mixtree.engine.RenderResult;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.SessionGraph;
import org.mixtree.session.SessionRender;

/**
 * {@code render}: the session's mix through the engine into a WAV file (and one per top-level bus), or the stems of
 * one level of the tree into a folder.
 */
final class RenderCli {

	private final PrintStream out;
	private final PrintStream err;
	/** {@code --snapshot NAME}: render the mix as that snapshot holds it, the session file untouched. */
	private String snapshot;
	/** {@code --allow-offline}: offline stems render as silence (the engine then warns once per stem). */
	private boolean allowOffline;

	RenderCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void render(Args a) throws Exception {
		String usage = "render SESSION -o OUT.wav [--format f32|s24|s16] [--stems DIR] [--snapshot NAME] [--allow-offline]";
		snapshot = a.option("--snapshot");
		allowOffline = a.flag("--allow-offline");
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		a.expectAtMost(1, usage);
		String o = a.option("-o") != null ? a.option("-o") : a.option("--output");
		if (o == null) {
			throw CliException.usage("missing -o OUT.wav; usage: " + usage);
		}
		SampleFormat format = SampleFormat.F32;
		if (a.option("--format") != null) {
			format = SampleFormat.byId(a.option("--format"));
			if (format == null) {
				throw CliException.usage("--format '" + a.option("--format") + "': use f32, s24 or s16");
			}
		}
		if (a.option("--stems-depth") != null || a.flag("--master-processing")) {
			renderStemsByDepth(file, a, Path.of(o), format);
			return;
		}
		Path output = Path.of(o);
		Path stems = a.option("--stems") == null ? null : Path.of(a.option("--stems"));
		long started = System.nanoTime();
		RenderResult result = render(file, output, format, stems, progressBar());
		double inCommand = (System.nanoTime() - started) / 1e9;
		for (String warning : result.warnings()) {
			// an effect that is missing or faulted is bypassed and named; the render went on (DESIGN.md)
			err.println("mixtree: warning: " + warning);
		}
		for (String line : clipping(result, format)) {
			err.println("mixtree: warning: " + line);
		}
		String headroom = headroomWarning(loaded, result);
		if (headroom != null) {
			err.println("mixtree: warning: " + headroom);
		}
		for (String note : notes(result, format)) {
			err.println("mixtree: note: " + note);
		}
		out.println(summary(result));
		if (System.getenv("MIXTREE_STATS") != null) {
			double sinceJvmStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
			err.println(String.format(Locale.ROOT,
					"stats: engine %.3f s for %.1f s of audio (%.0fx realtime), peak heap %.0f MB; render command %.3f s, JVM start to end %.3f s",
					result.wallSeconds(), result.durationSeconds(), result.realtimeFactor(), peakHeapMb(), inCommand,
					sinceJvmStart));
		}
	}

	/** The session {@link #render(Path, Path, SampleFormat, Path, RenderProgress)} rendered last. */
	private Session loaded;

	/**
	 * In the STATIC stage, a master that peaks above the session's headroom target: {@code static mix: the master
	 * peaks at -2.1 dBFS (first over -6 dBFS at 0:12.345); headroom target -6 dBFS: lower the faders}; else null.
	 * The static mix is where levels are set, with room left for the processing that comes after it.
	 */
	static String headroomWarning(Session session, RenderResult r) {
		if (session == null || session.getMixStage() != MixStage.STATIC || r.firstOverFrame() < 0) {
			return null;
		}
		return headroomWarning(r.samplePeakDbfs(), session.getHeadroomDb(), r.firstOverFrame() / (double) r.sampleRate());
	}

	/** The headroom line for a peak, the target and the time of the first over, in seconds. */
	static String headroomWarning(double peakDbfs, double targetDb, double firstOverSeconds) {
		String target = targetDb == Math.rint(targetDb) ? String.valueOf((long) targetDb)
				: String.format(Locale.ROOT, "%.1f", targetDb);
		return String.format(Locale.ROOT, "static mix: the master peaks at %s dBFS (first over %s dBFS at %s); "
				+ "headroom target %s dBFS: lower the faders", signedDb(peakDbfs), target, duration(firstOverSeconds), target);
	}

	/** Loads, checks, compiles and renders; shared by {@code render} and {@code demo}. */
	RenderResult render(Path sessionFile, Path output, SampleFormat format, Path stemsDir, RenderProgress progress)
			throws Exception {
		Session session = snapshot == null ? SessionStore.load(sessionFile) : SnapshotCli.recalled(sessionFile, snapshot, err);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(sessionFile + ": " + problems.get(0).message());
		}
		loaded = session;
		GraphDescription graph = SessionGraph.describe(session, sessionFile);
		if (Files.isDirectory(output)) {
			throw new CliException(output + ": is a directory; give a file name such as mix.wav");
		}
		if (stemsDir != null && Files.exists(stemsDir) && !Files.isDirectory(stemsDir)) {
			throw new CliException(stemsDir + ": not a directory");
		}
		Plan plan = Engine.compile(graph);
		// the engine makes the stems folder once every output has passed its guard (Engine#checkOutputs)
		RenderOptions options = SessionRender.options(session, sessionFile, stemsDir == null
				? SessionRender.Request.mix(output, format) : SessionRender.Request.busStems(output, stemsDir, format));
		if (snapshot != null) {
			options = SnapshotCli.keepSessionFiles(options, sessionFile);
		}
		options = options.withAllowOffline(allowOffline);
		try {
			Engine.checkOutputs(plan, options);
		} catch (OutputGuard.RefusedException e) {
			throw new CliException(e.getMessage() + hint(e, output), e);
		}
		try {
			return SessionRender.render(plan, options, progress);
		} finally {
			if (progress instanceof ProgressBar bar) {
				bar.finish();
			}
		}
	}

	/**
	 * {@code render SESSION --stems-depth N -o DIR [--master-processing] [--snapshot NAME]}: the stems of level N into
	 * the folder DIR ({@link RenderOptions#withStemsByDepth}), no mix file, of the session as it is or as the snapshot
	 * holds it. Mute, solo, the focus and the other states of the mix act as in the mix: a muted bus gives a silent stem, written all the same, so that the folder always holds the same
	 * files for the same tree.
	 */
	private void renderStemsByDepth(Path sessionFile, Args a, Path dir, SampleFormat format) throws Exception {
		String usage = "render SESSION --stems-depth N -o DIR [--master-processing] [--format f32|s24|s16] [--snapshot NAME]";
		String text = a.option("--stems-depth");
		if (text == null) {
			throw CliException.usage("--master-processing goes with --stems-depth N; usage: " + usage);
		}
		if (a.option("--stems") != null) {
			throw CliException.usage("--stems and --stems-depth are two kinds of stems: give one; usage: " + usage);
		}
		int depth;
		try {
			depth = Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			depth = 0;
		}
		if (depth < 1) {
			throw CliException.usage("--stems-depth '" + text + "': give a level of the tree from 1 (the buses "
					+ "feeding the master); usage: " + usage);
		}
		if (Files.exists(dir) && !Files.isDirectory(dir)) {
			throw new CliException(dir + ": not a folder; --stems-depth writes one file per stem into a folder (-o stems/)");
		}
		String name = dir.getFileName() == null ? "" : dir.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!Files.isDirectory(dir) && OutputGuard.EXTENSIONS.stream().anyMatch(name::endsWith)) {
			// a mix file name where a folder is meant: no folder named like a WAV file is made
			throw new CliException(dir + ": --stems-depth writes one file per stem into a folder; give a folder "
					+ "(-o stems/)");
		}
		// with --snapshot: the stems of the mix as the snapshot holds it, recalled in memory (the file is not written)
		Session session = snapshot == null ? SessionStore.load(sessionFile) : SnapshotCli.recalled(sessionFile, snapshot, err);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new CliException(sessionFile + ": " + problems.get(0).message());
		}
		Plan plan = Engine.compile(SessionGraph.describe(session, sessionFile));
		RenderOptions options = SessionRender.options(session, sessionFile,
				SessionRender.Request.stemsByDepth(dir, depth, a.flag("--master-processing"), format));
		if (snapshot != null) {
			options = SnapshotCli.keepSessionFiles(options, sessionFile);
		}
		options = options.withAllowOffline(allowOffline);
		try {
			Engine.checkOutputs(plan, options);
		} catch (OutputGuard.RefusedException e) {
			throw new CliException(e.getMessage() + (e.reason() == OutputGuard.RefusedException.Reason.NOT_WAV ? ""
					: "; choose another -o folder"), e);
		} catch (IllegalArgumentException e) {
			throw new CliException("--stems-depth " + depth + ": " + e.getMessage(), e);
		}
		RenderProgress progress = progressBar();
		RenderResult result;
		try {
			result = SessionRender.render(plan, options, progress);
		} finally {
			if (progress instanceof ProgressBar bar) {
				bar.finish();
			}
		}
		for (String warning : result.warnings()) {
			err.println("mixtree: warning: " + warning);
		}
		for (String line : clipping(result, format)) {
			err.println("mixtree: warning: " + line);
		}
		for (String note : result.notes()) {
			err.println("mixtree: note: " + note);
		}
		out.println(String.format(Locale.ROOT, "rendered %d stems of depth %d into %s: %s, %.0fx realtime%s",
				result.stems().size(), depth, dir, duration(result.durationSeconds()), result.realtimeFactor(),
				a.flag("--master-processing") ? ", master inserts on every stem" : ""));
		List<OutputGuard.Output> stems = Engine.outputs(plan, options);
		int width = stems.stream().mapToInt(o -> o.file().getFileName().toString().length()).max().orElse(0);
		for (OutputGuard.Output stem : stems) {
			out.println(String.format(Locale.ROOT, "  %-" + width + "s  %s", stem.file().getFileName(), stem.role()));
		}
	}

	/** What to do about a refused output, said after the engine's line. */
	private static String hint(OutputGuard.RefusedException e, Path output) {
		boolean stem = !e.output().equals(output);
		return switch (e.reason()) {
		case READ_BY_SESSION -> stem ? "; choose another --stems folder" : "; choose another output";
		case WRITTEN_TWICE -> "; choose another output name or --stems folder";
		case NOT_WAV -> " (-o mix.wav)";
		};
	}

	/**
	 * One line per file a 16/24-bit render clipped, with what to do: the master's names its peak and the gain to
	 * take off the master.
	 */
	static List<String> clipping(RenderResult r, SampleFormat format) {
		List<String> lines = new java.util.ArrayList<>();
		for (var e : r.clippedSamples().entrySet()) {
			long n = e.getValue();
			if (n == 0) {
				continue;
			}
			String count = n + (n == 1 ? " sample" : " samples") + " clipped at full scale";
			if (e.getKey().equals(r.output())) {
				lines.add(String.format(Locale.ROOT, "%s (peak %s dBFS); render as float (--format f32) or lower the "
						+ "master by %s dB", count, signedDb(r.samplePeakDbfs()), db(headroomNeeded(r.samplePeakDbfs()))));
			} else {
				lines.add(e.getKey() + ": " + count + "; render as float (--format f32) or lower its bus");
			}
		}
		return lines;
	}

	/**
	 * The mix's states in force ({@link RenderResult#notes()}, e.g. a solo), and for a float render that peaks over
	 * full scale, that a fixed-point copy of it would clip.
	 */
	static List<String> notes(RenderResult r, SampleFormat format) {
		List<String> lines = new java.util.ArrayList<>(r.notes());
		if (format == SampleFormat.F32 && r.samplePeakDbfs() > 0) {
			lines.add(String.format(Locale.ROOT, "peak %s dBFS: the float file keeps it, but a 16/24-bit copy or a "
					+ "player clips it; lower the master by %s dB for a file that fits", signedDb(r.samplePeakDbfs()),
					db(headroomNeeded(r.samplePeakDbfs()))));
		}
		return lines;
	}

	/** The gain to take off, in dB rounded up to 0.1 dB, so that the peak lands at or under 0 dBFS. */
	private static double headroomNeeded(double peakDb) {
		return Math.ceil(peakDb * 10 - 1e-9) / 10;
	}

	private static String signedDb(double v) {
		return (v > 0 ? "+" : "") + db(v);
	}

	String summary(RenderResult r) {
		return String.format(Locale.ROOT, "rendered %s: %s, %.0fx realtime, peak %s dBFS, %s LUFS%s", r.output(),
				duration(r.durationSeconds()), r.realtimeFactor(), db(r.samplePeakDbfs()), db(r.integratedLufs()),
				r.stems().isEmpty() ? "" : ", " + MixTree.count(r.stems().size(), "bus stem", "bus stems"));
	}

	static String duration(double seconds) {
		long ms = Math.round(seconds * 1000);
		return String.format(Locale.ROOT, "%d:%02d.%03d", ms / 60000, ms / 1000 % 60, ms % 1000);
	}

	static String db(double v) {
		return v == Double.NEGATIVE_INFINITY ? "-inf" : String.format(Locale.ROOT, "%.1f", v);
	}

	private RenderProgress progressBar() {
		// the launcher says whether stderr is a terminal: System.console() cannot tell on Java 21
		return Boolean.getBoolean("mixtree.tty") ? new ProgressBar(err) : RenderProgress.NONE;
	}

	private static double peakHeapMb() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				sum += pool.getPeakUsage().getUsed();
			}
		}
		return sum / (1024.0 * 1024.0);
	}

	/** A one-line bar on stderr, redrawn at most once per percent. */
	static final class ProgressBar implements RenderProgress {
		private final PrintStream err;
		private int shown = -1;

		ProgressBar(PrintStream err) {
			this.err = err;
		}

		@Override
		public void progress(double fraction) {
			int pct = (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
			if (pct != shown) {
				shown = pct;
				int filled = pct * 40 / 100;
				err.print("\rrendering [" + "#".repeat(filled) + "-".repeat(40 - filled) + "] " + pct + "%");
				err.flush();
			}
		}

		void finish() {
			if (shown >= 0) {
				err.print("\r" + " ".repeat(60) + "\r");
				err.flush();
			}
		}
	}
}
