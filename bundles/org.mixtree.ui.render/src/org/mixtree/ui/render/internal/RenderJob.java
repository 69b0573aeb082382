package org.mixtree.ui.render.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.RenderResult;
import org.mixtree.model.Session;
import org.mixtree.session.SessionRender;

/**
 * One render of the workbench's session as an Eclipse Job: compiles a copy of the session taken on the UI thread,
 * checks every output with the engine's {@link OutputGuard} (refused: nothing written), renders with
 * {@link SessionRender} (what {@code ./mixtree render} runs) and reports how it ended. Cancel is seen between
 * blocks: the engine then aborts every writer, so a cancelled render leaves no file.
 * <p>
 * Threads: made on the UI thread; runs on a job worker; {@code progress} and {@code finished} are called on that
 * worker (the dialog hands them to the UI thread).
 */
final class RenderJob extends Job {

	/** How a render ended, in one line for the dialog. */
	record Outcome(Kind kind, String message, RenderResult result) {
		enum Kind {
			DONE, REFUSED, CANCELLED, FAILED
		}
	}

	static final String FAMILY = "org.mixtree.ui.render";

	private final Session copy;
	private final Path sessionFile;
	private final SessionRender.Request request;
	private final DoubleConsumer progress;
	private final Consumer<Outcome> finished;

	/**
	 * @param copy        the session as it is in the workbench, copied on the UI thread (owned by this job)
	 * @param sessionFile where the session lives (relative sources resolve against it; never written over)
	 */
	RenderJob(Session copy, Path sessionFile, SessionRender.Request request, DoubleConsumer progress,
			Consumer<Outcome> finished) {
		super("Render " + describe(request));
		this.copy = copy;
		this.sessionFile = sessionFile;
		this.request = request;
		this.progress = progress;
		this.finished = finished;
		setUser(false);
	}

	@Override
	public boolean belongsTo(Object family) {
		return FAMILY.equals(family);
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(getName(), 1000);
		Outcome outcome;
		try {
			SessionRender.Prepared prepared = SessionRender.prepare(copy, sessionFile, request, null);
			int[] shown = { 0 };
			RenderResult result = SessionRender.render(prepared, fraction -> {
				if (monitor.isCanceled()) {
					throw new OperationCanceledException();
				}
				int now = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 1000);
				if (now > shown[0]) {
					monitor.worked(now - shown[0]);
					shown[0] = now;
				}
				progress.accept(fraction);
			});
			outcome = new Outcome(Outcome.Kind.DONE, summary(result), result);
		} catch (OperationCanceledException e) {
			outcome = new Outcome(Outcome.Kind.CANCELLED, "Render cancelled: no file was written.", null);
		} catch (InterruptedIOException e) {
			outcome = new Outcome(Outcome.Kind.CANCELLED, "Render cancelled: no file was written.", null);
		} catch (OutputGuard.RefusedException e) {
			outcome = new Outcome(Outcome.Kind.REFUSED, "Refused: " + e.getMessage() + "; choose another "
					+ (e.reason() == OutputGuard.RefusedException.Reason.NOT_WAV ? "name" : "file or folder") + ".",
					null);
		} catch (GraphException | IOException | RuntimeException e) {
			outcome = new Outcome(Outcome.Kind.FAILED, "Render failed: "
					+ (e.getMessage() == null ? e.toString() : e.getMessage()) + "; no file was written.", null);
		} finally {
			monitor.done();
		}
		finished.accept(outcome);
		return outcome.kind() == Outcome.Kind.CANCELLED ? Status.CANCEL_STATUS : Status.OK_STATUS;
	}

	private static String describe(SessionRender.Request r) {
		return switch (r.kind()) {
		case MIX -> String.valueOf(r.mixFile().getFileName());
		case BUS_STEMS -> r.mixFile().getFileName() + " and bus stems";
		case STEMS_BY_DEPTH -> "stems of depth " + r.depth();
		};
	}

	/** What was written, as {@code render} prints it: the file(s), length, peak and loudness. */
	static String summary(RenderResult r) {
		String what = r.output() != null ? r.output().getFileName().toString() : "";
		if (!r.stems().isEmpty()) {
			Path folder = r.stems().get(0).getParent();
			what += (what.isEmpty() ? "" : " and ") + r.stems().size() + (r.stems().size() == 1 ? " stem" : " stems")
					+ (folder == null ? "" : " into " + folder.getFileName());
		}
		long ms = Math.round(r.durationSeconds() * 1000);
		return String.format(Locale.ROOT, "Rendered %s: %d:%02d.%03d, the mix peaks at %s dBFS, %s LUFS; %.0fx realtime.", what,
				ms / 60000, ms / 1000 % 60, ms % 1000, db(r.samplePeakDbfs()), db(r.integratedLufs()),
				r.realtimeFactor());
	}

	private static String db(double v) {
		return v == Double.NEGATIVE_INFINITY ? "-inf" : String.format(Locale.ROOT, "%.1f", v);
	}
}
