package org.mixtree.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.engine.GraphException;
import org.mixtree.model.MalformedAddressException;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.persistence.SessionFileException;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The headless command line: {@code new, info, set, stage, bus, focus, send, insert, render, gainstage, batch, snapshot,
 * effects, views, devices, play, demo}, as picocli subcommands ({@link CliCommands}). Every change goes through the editing
 * domain's commands (as the workbench's do) and is saved atomically; every failure is one line on stderr naming the
 * file, element or value at fault, and a non-zero exit code ({@link CliException}): 2 for a usage error, 1 for a
 * refused command or bad input. {@code --debug} anywhere adds the stack trace.
 */
public final class Cli {

	private final PrintStream out;
	private final PrintStream err;

	Cli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Runs one command line; returns the process exit code (0 success, 1 refused or failed, 2 bad usage). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, System.in, out, err);
	}

	/** Runs one command line reading {@code batch SESSION -} from {@code in}; returns the exit code. */
	public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>(Arrays.asList(args));
		boolean debug = words.remove("--debug");
		Cli cli = new Cli(out, err);
		try {
			execute(words, in, out, err);
			out.flush();
			return 0;
		} catch (Exception | OutOfMemoryError e) {
			Failure f = failure(e, debug);
			return cli.fail(f.message(), f.exitCode(), debug ? e : null);
		} finally {
			EditLocks.releaseAll();
		}
	}

	/** A failed command as the user reads it: one line, and the exit code. */
	record Failure(String message, int exitCode) {
		/** An exception the code did not expect: a bug, not the user's input. */
		static final int INTERNAL = 3;
	}

	/** The one line and the exit code of a failure; what is not one of ours is an internal error (exit 3). */
	static Failure failure(Throwable e, boolean debug) {
		if (e instanceof CliException c) {
			return new Failure(c.getMessage(), c.exitCode());
		}
		if (e instanceof SessionFileException || e instanceof AudioFileException || e instanceof GraphException
				|| e instanceof CommandRefusedException) {
			return new Failure(e.getMessage(), CliException.FAILED);
		}
		if (e instanceof MalformedAddressException) {
			// an address of the wrong shape is a usage error, as an unknown option is
			return new Failure(e.getMessage(), CliException.USAGE);
		}
		if (e instanceof IllegalArgumentException) {
			// the model's address and value checks speak in one line already
			return new Failure(e.getMessage(), CliException.FAILED);
		}
		if (e instanceof java.io.IOException io) {
			return new Failure(ioMessage(io), CliException.FAILED);
		}
		return new Failure("internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)"), Failure.INTERNAL);
	}

	/** An I/O failure as one line; the JDK's file exceptions carry the path as their message. */
	static String ioMessage(java.io.IOException e) {
		if (e instanceof java.nio.file.NoSuchFileException n) {
			return n.getFile() + ": no such file or directory";
		}
		if (e instanceof java.nio.file.AccessDeniedException a) {
			return a.getFile() + ": permission denied";
		}
		if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
			return f.getFile() + ": " + f.getReason();
		}
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}

	private int fail(String message, int code, Throwable trace) {
		out.flush();
		err.println("mixtree: " + message);
		if (trace != null) {
			trace.printStackTrace(err);
		}
		err.flush();
		return code;
	}

	/**
	 * Runs the command {@code words} name (without {@code --debug}), as {@link #run} does but throwing its failure; the
	 * demo runs its steps through this, as a person types them.
	 */
	static void execute(List<String> words, InputStream in, PrintStream out, PrintStream err) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("no command (mixtree help lists the commands)");
		}
		CommandLine root = CliCommands.tree();
		ParseResult parsed = CliCommands.parse(root, words);
		CommandSpec command = parsed.commandSpec();
		if (parsed.isUsageHelpRequested()) {
			out.print(CliCommands.usage(command.commandLine()));
			return;
		}
		CliCommands.Leaf leaf = CliCommands.leaf(command);
		if (leaf == null) {
			throw CliCommands.missingCommand(command);
		}
		leaf.action().run(Args.of(parsed), new CliCommands.Run(out, err, in, SessionEdit.ALONE, root));
	}
}
