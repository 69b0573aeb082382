package org.mixtree.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one check every file a render writes goes through, before anything is written (no file, no folder): an
 * output must not be a file the session reads (a track's source, the session file, any other file named in the
 * inputs), two outputs of one render must not be the same file, and an output must be named as what Mixtree
 * writes ({@link #EXTENSIONS}). {@link Engine#render} runs it on {@link Engine#outputs} against
 * {@link GraphDescription#filesRead()} and {@link RenderOptions#keep()}; the workbench can run it ahead
 * ({@link Engine#checkOutputs}) to refuse in a dialog rather than after a render started.
 * <p>
 * Paths are compared as the file system sees them: symbolic links are resolved (of the file and of every folder
 * above it, also where the file does not exist yet), and two existing files are compared with
 * {@link Files#isSameFile} (so a hard link to a source, or another case of its name on a case-insensitive file
 * system, is refused too). Two outputs whose names differ only in case are refused as well: on a case-insensitive
 * file system they are one file, and a render must mean the same on every machine.
 * <p>
 * Stateless; any thread but the audio thread (it touches the file system).
 */
public final class OutputGuard {

	/** File name endings of what Mixtree writes: WAV ({@code org.mixtree.audio.io.WavWriter}, RF64 past 4 GiB). */
	public static final List<String> EXTENSIONS = List.of(".wav", ".wave");

	private OutputGuard() {
	}

	/**
	 * A file a render writes and what it holds, for messages.
	 *
	 * @param file the path as given
	 * @param role e.g. {@code the mix}, {@code the stem of bus:Drums}
	 */
	public record Output(Path file, String role) {
	}

	/**
	 * Why an output was refused. {@link #output()} is the path as it was given (so a message names it as the user
	 * typed it).
	 */
	public static final class RefusedException extends IOException {
		private static final long serialVersionUID = 1L;

		/** What is wrong with the output. */
		public enum Reason {
			/** it is a file the session reads: {@link #conflict()} says which, e.g. {@code the source of track:Bass} */
			READ_BY_SESSION,
			/** another output of the same render is the same file: {@link #conflict()} is that output */
			WRITTEN_TWICE,
			/** its name does not end in one of {@link OutputGuard#EXTENSIONS} */
			NOT_WAV
		}

		private final transient Path output;
		private final Reason reason;
		private final String conflict;

		RefusedException(Path output, Reason reason, String conflict, String message) {
			super(message);
			this.output = output;
			this.reason = reason;
			this.conflict = conflict;
		}

		/** @return the refused output, as given */
		public Path output() {
			return output;
		}

		public Reason reason() {
			return reason;
		}

		/**
		 * @return what the output collides with: the reader's description, or the other output's role; null for
		 *         NOT_WAV
		 */
		public String conflict() {
			return conflict;
		}
	}

	/**
	 * Refuses the first output that is a file read by the session, the same file as an earlier output, or not a
	 * WAV name. Writes nothing.
	 *
	 * @param outputs every file the render will write (the mix first, then the stems)
	 * @param inputs  every file the session reads, each with how a message names it after "is" (e.g.
	 *                {@code the source of track:Bass}, {@code the session file}); files that do not exist are
	 *                compared by path
	 * @throws RefusedException naming the output and what it collides with, e.g.
	 *                          {@code stems/Bass.wav: is the source of track:Bass}
	 */
	public static void check(List<Output> outputs, Map<Path, String> inputs) throws RefusedException {
		List<Path> real = new ArrayList<>(outputs.size());
		for (Output o : outputs) {
			Path out = o.file();
			String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
			if (EXTENSIONS.stream().noneMatch(name::endsWith)) {
				throw new RefusedException(out, RefusedException.Reason.NOT_WAV, null,
						out + ": Mixtree writes WAV files only; name it with " + String.join(" or ", EXTENSIONS));
			}
		}
		for (Output o : outputs) {
			Path out = o.file();
			Path r = realPath(out);
			for (Map.Entry<Path, String> in : inputs.entrySet()) {
				if (same(out, r, in.getKey())) {
					throw new RefusedException(out, RefusedException.Reason.READ_BY_SESSION, in.getValue(),
							out + ": is " + in.getValue());
				}
			}
			for (int i = 0; i < real.size(); i++) {
				Output earlier = outputs.get(i);
				if (real.get(i).toString().equalsIgnoreCase(r.toString()) || sameExisting(out, earlier.file())) {
					throw new RefusedException(out, RefusedException.Reason.WRITTEN_TWICE, earlier.role(),
							out + ": would hold both " + earlier.role() + " and " + o.role()
									+ (earlier.file().equals(out) ? "" : " (the same file as " + earlier.file() + ")"));
				}
			}
			real.add(r);
		}
	}

	private static boolean same(Path out, Path outReal, Path in) {
		return sameExisting(out, in) || outReal.equals(realPath(in));
	}

	private static boolean sameExisting(Path a, Path b) {
		try {
			return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
		} catch (IOException | SecurityException e) {
			return false; // unreadable: then compared by real path
		}
	}

	/**
	 * The absolute path with every symbolic link resolved, also for a file (and folders) not created yet: the
	 * deepest part that exists is resolved by the file system, the rest appended.
	 */
	static Path realPath(Path p) {
		Path abs = p.toAbsolutePath().normalize();
		Path existing = abs;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return abs;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
		} catch (IOException | SecurityException e) {
			return abs;
		}
	}
}
