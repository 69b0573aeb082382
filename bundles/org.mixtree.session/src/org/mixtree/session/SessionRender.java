package org.mixtree.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.OutputGuard;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderProgress;
import org.mixtree.engine.RenderResult;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;

/**
 * Rendering a session offline, as {@code ./mixtree render} and the workbench's render dialog both do it: the mix
 * (with {@code --stems DIR}: also one stem per top-level bus), or the stems of one level of the tree. One place
 * decides the engine's {@link RenderOptions} for a session (the session file is never written over, the STATIC
 * stage looks for the first sample over the headroom target), so a render from the dialog and one from the command
 * line of the same session give the same files.
 * <p>
 * Threads: {@link #prepare} and {@link #render} on any thread but the audio thread (they compile and touch files);
 * the session given to {@link #prepare} must not change meanwhile (the workbench passes a copy).
 */
public final class SessionRender {

	/** What a render writes. */
	public enum Kind {
		/** the mix into one file */
		MIX,
		/** the mix into one file and one stem per top-level bus into a folder ({@code render --stems DIR}) */
		BUS_STEMS,
		/** the stems of one level of the tree into a folder, no mix ({@code render --stems-depth N}) */
		STEMS_BY_DEPTH
	}

	/**
	 * A render asked for.
	 *
	 * @param kind             what is written
	 * @param mixFile          the mix's WAV file (MIX, BUS_STEMS); null for STEMS_BY_DEPTH
	 * @param stemsDir         the stems' folder (BUS_STEMS, STEMS_BY_DEPTH); null for MIX
	 * @param format           the sample format of every file
	 * @param depth            the level of the tree for STEMS_BY_DEPTH (1: the buses feeding the master)
	 * @param masterProcessing STEMS_BY_DEPTH: the master's inserts process each stem too
	 */
	public record Request(Kind kind, Path mixFile, Path stemsDir, SampleFormat format, int depth,
			boolean masterProcessing) {

		public Request {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(format, "format");
			if (kind != Kind.STEMS_BY_DEPTH && mixFile == null) {
				throw new IllegalArgumentException("the mix needs a file");
			}
			if (kind != Kind.MIX && stemsDir == null) {
				throw new IllegalArgumentException("stems need a folder");
			}
			if (kind == Kind.STEMS_BY_DEPTH && depth < 1) {
				throw new IllegalArgumentException("stems depth " + depth + " < 1");
			}
		}

		public static Request mix(Path file, SampleFormat format) {
			return new Request(Kind.MIX, file, null, format, 0, false);
		}

		public static Request busStems(Path file, Path stemsDir, SampleFormat format) {
			return new Request(Kind.BUS_STEMS, file, stemsDir, format, 0, false);
		}

		public static Request stemsByDepth(Path dir, int depth, boolean masterProcessing, SampleFormat format) {
			return new Request(Kind.STEMS_BY_DEPTH, null, dir, format, depth, masterProcessing);
		}
	}

	/**
	 * A render ready to run: the compiled plan and the engine's options, every output checked.
	 *
	 * @param plan    the session's compiled plan
	 * @param options what the engine is asked
	 * @param outputs every file the render writes (the mix first), with what each holds
	 */
	public record Prepared(Plan plan, RenderOptions options, List<OutputGuard.Output> outputs) {
	}

	private SessionRender() {
	}

	/**
	 * The engine's options for a render of {@code session} (read from {@code sessionFile}): the session file is kept
	 * ({@code the session file itself}), and in the STATIC stage the first sample over the session's headroom target
	 * is looked for.
	 */
	public static RenderOptions options(Session session, Path sessionFile, Request r) {
		RenderOptions options = switch (r.kind()) {
		case MIX -> RenderOptions.of(r.mixFile(), r.format());
		case BUS_STEMS -> RenderOptions.of(r.mixFile(), r.format()).withStemsDir(r.stemsDir());
		case STEMS_BY_DEPTH -> RenderOptions.stemsByDepth(r.stemsDir(), r.format(), r.depth(), r.masterProcessing());
		};
		options = options.withKeep(sessionFile, "the session file itself");
		if (r.kind() != Kind.STEMS_BY_DEPTH && session.getMixStage() == MixStage.STATIC) {
			// the engine finds the first sample over the static mix's headroom target
			options = options.withOverDbfs(session.getHeadroomDb());
		}
		return options;
	}

	/**
	 * Compiles the session and checks every output with the engine's {@link OutputGuard} (a file the session reads,
	 * one file written twice, not a WAV name), writing nothing.
	 *
	 * @param more further changes to the options (e.g. more files to keep), or null
	 * @throws GraphException               the session does not compile, naming the channel at fault
	 * @throws OutputGuard.RefusedException an output is refused, naming it and what it collides with
	 * @throws IOException                  two buses make the same stem file name
	 * @throws IllegalArgumentException     no bus at the depth asked for
	 */
	public static Prepared prepare(Session session, Path sessionFile, Request r, UnaryOperator<RenderOptions> more)
			throws GraphException, IOException {
		Plan plan = Engine.compile(SessionGraph.describe(session, sessionFile));
		RenderOptions options = options(session, sessionFile, r);
		if (more != null) {
			options = more.apply(options);
		}
		Engine.checkOutputs(plan, options);
		return new Prepared(plan, options, Engine.outputs(plan, options));
	}

	/**
	 * Renders (blocking the calling thread). On failure or cancel (the progress listener throwing, or the thread
	 * interrupted) the engine leaves no output file; a stems folder this render made is removed again when it is
	 * empty, so nothing at all is left.
	 */
	public static RenderResult render(Prepared p, RenderProgress progress) throws IOException {
		return render(p.plan(), p.options(), progress);
	}

	/** As {@link #render(Prepared, RenderProgress)} for a plan and options checked by the caller. */
	public static RenderResult render(Plan plan, RenderOptions options, RenderProgress progress) throws IOException {
		Path stems = options.stemsDir();
		boolean madeStems = stems != null && !Files.exists(stems);
		boolean done = false;
		try {
			RenderResult result = Engine.render(plan, options, progress);
			done = true;
			return result;
		} finally {
			if (!done && madeStems) {
				try {
					Files.deleteIfExists(stems); // only when empty: a folder with files in it is not deleted
				} catch (IOException e) {
					// not empty (someone wrote into it meanwhile) or not ours to remove: left as it is
				}
			}
		}
	}
}
