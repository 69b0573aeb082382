package org.mixtree.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code batch SESSION [FILE|-]}: editing commands, one a line, written as on the command line without
 * {@code mixtree} and the session ({@code set track:Kick gain=-3}), run in one process on one loaded session under one
 * lock. Shell-like words: {@code 'single'} and {@code "double"} quotes and backslashes keep spaces in a name, a word
 * starting with {@code #} starts a comment, blank lines are skipped.
 * <p>
 * All or nothing: every line is parsed first, then run in order; the first line refused stops the batch with
 * {@code batch line N: <that command's own message>} (exit 1) and the session file is not written. When every line
 * succeeded the session is saved once, and what the lines changed is one step on the command stack (one undo takes
 * the whole batch back). Only commands that edit the session may run in a batch: {@code render}, {@code info},
 * {@code new}... are refused, naming their line.
 */
final class BatchCli {

	static final String USAGE = "batch SESSION [FILE|-]";

	private final PrintStream out;
	private final PrintStream err;
	private final InputStream in;
	private final CommandLine root;

	BatchCli(PrintStream out, PrintStream err, InputStream in, CommandLine root) {
		this.out = out;
		this.err = err;
		this.in = in;
		this.root = root;
	}

	void batch(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		a.expectAtMost(2, USAGE);
		String source = a.positional().size() > 1 ? a.positional().get(1) : "-";
		String text = source.equals("-") ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
				: Files.readString(Path.of(source), StandardCharsets.UTF_8);
		SessionEdit edit = run(file, text);
		if (edit == null) {
			out.println("batch: no command in " + (source.equals("-") ? "the input" : source) + "; " + file + " unchanged");
		}
	}

	/** One parsed line of the batch. */
	private record Line(int number, CliCommands.Leaf leaf, Args args) {
	}

	/**
	 * Runs the commands of {@code text} on the session {@code file} and saves it once when all succeeded.
	 *
	 * @return the session as edited and saved (its command stack holds the batch as one step), or null when the text
	 *         holds no command (nothing is loaded or written)
	 * @throws CliException {@code batch line N: ...} for the first line refused (exit 1); the file is not written
	 */
	SessionEdit run(Path file, String text) throws Exception {
		List<Line> lines = parse(file, text);
		if (lines.isEmpty()) {
			return null;
		}
		OneStepStack stack = new OneStepStack();
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain(stack);
		Session session = EditLocks.load(domain, file);
		SessionEdit edit = new SessionEdit(file, domain, session, false);
		SessionEdit.Source source = f -> edit;
		// what the lines print is printed when the batch is saved: nothing is said to be done that was not
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream lineOut = new PrintStream(printed, true, StandardCharsets.UTF_8);
		stack.begin("Batch of " + MixTree.count(lines.size(), "command", "commands"));
		for (Line line : lines) {
			try {
				line.leaf().action().run(line.args(), new CliCommands.Run(lineOut, err, in, source, root));
			} catch (Exception | OutOfMemoryError e) {
				throw refused(line.number(), e);
			}
		}
		Command step = stack.end();
		if (step != null) {
			SessionStore.save(session, file);
		}
		out.print(printed.toString(StandardCharsets.UTF_8));
		out.println("batch: " + MixTree.count(lines.size(), "command", "commands") + " on " + file
				+ (step != null ? ", saved once (one step to undo)" : ": nothing changed, not written"));
		return edit;
	}

	/** Every line's words, checked against the command tree before anything runs. */
	private List<Line> parse(Path file, String text) throws CliException {
		List<Line> lines = new ArrayList<>();
		String[] raw = text.split("\\R", -1);
		for (int i = 0; i < raw.length; i++) {
			int number = i + 1;
			try {
				List<String> words = words(raw[i]);
				if (words.isEmpty()) {
					continue;
				}
				// the session goes where the command's own words start: after "set", after "bus add"
				int at = commandLength(words);
				CommandSpec command = at == 0 ? null : commandAt(words, at);
				if (command != null && CliCommands.leaf(command) != null) {
					words.add(at, file.toString());
				}
				ParseResult parsed = CliCommands.parse(root, words);
				CommandSpec spec = parsed.commandSpec();
				CliCommands.Leaf leaf = CliCommands.leaf(spec);
				if (leaf == null) {
					throw spec.parent() == null ? CliCommands.unknownCommand(spec, words.get(0)) : CliCommands.missingCommand(spec);
				}
				if (!leaf.edits() || parsed.isUsageHelpRequested()) {
					throw new CliException("'" + CliCommands.path(spec) + "' cannot run in a batch: only commands that edit the "
							+ "session can (set, stage, bus, focus, send, insert, gainstage, snapshot save|recall|delete|rename)");
				}
				lines.add(new Line(number, leaf, Args.of(parsed)));
			} catch (Exception e) {
				throw refused(number, e);
			}
		}
		return lines;
	}

	/** How many of the words name the command ({@code set}: 1, {@code bus add}: 2); 0 when they name none. */
	private int commandLength(List<String> words) {
		CommandLine at = root;
		int n = 0;
		while (n < words.size() && at.getSubcommands().containsKey(words.get(n))) {
			at = at.getSubcommands().get(words.get(n));
			n++;
		}
		return n;
	}

	private CommandSpec commandAt(List<String> words, int length) {
		CommandLine at = root;
		for (int i = 0; i < length; i++) {
			at = at.getSubcommands().get(words.get(i));
		}
		return at.getCommandSpec();
	}

	/** {@code batch line 9: <the line's own one-line message>}: exit 1 (an internal error keeps its 3). */
	private static CliException refused(int line, Throwable e) {
		Cli.Failure f = Cli.failure(e, true);
		int code = f.exitCode() == Cli.Failure.INTERNAL ? Cli.Failure.INTERNAL : CliException.FAILED;
		String message = f.message();
		if (e instanceof CliException c && message.startsWith("batch line ")) {
			return c;
		}
		return new CliException("batch line " + line + ": " + message, code, e);
	}

	/**
	 * The words of one line as a POSIX shell splits them: blanks separate words; {@code '...'} keeps everything as
	 * written; {@code "..."} keeps everything but a backslash before {@code "}, {@code \}, {@code $} or a backquote;
	 * outside quotes a backslash keeps the next character; a word starting with {@code #} starts a comment.
	 *
	 * @throws CliException a quote left open
	 */
	static List<String> words(String line) throws CliException {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		int n = line.length();
		for (int i = 0; i < n; i++) {
			char c = line.charAt(i);
			if (c == ' ' || c == '\t') {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			} else if (c == '#' && !inWord) {
				break;
			} else if (c == '\'') {
				int end = line.indexOf('\'', i + 1);
				if (end < 0) {
					throw CliException.usage("a ' quote is not closed");
				}
				word.append(line, i + 1, end);
				i = end;
				inWord = true;
			} else if (c == '"') {
				int j = i + 1;
				for (; j < n && line.charAt(j) != '"'; j++) {
					char d = line.charAt(j);
					if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
						d = line.charAt(++j);
					}
					word.append(d);
				}
				if (j >= n) {
					throw CliException.usage("a \" quote is not closed");
				}
				i = j;
				inWord = true;
			} else if (c == '\\' && i + 1 < n) {
				word.append(line.charAt(++i));
				inWord = true;
			} else {
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/**
	 * The command stack of a batch: between {@link #begin} and {@link #end} what is executed runs at once and is
	 * gathered into one compound command, which {@link #end} puts on the stack as one step (undone and redone as one).
	 */
	static final class OneStepStack extends BasicCommandStack {
		private CompoundCommand open;

		void begin(String label) {
			open = new CompoundCommand(label);
		}

		@Override
		public void execute(Command command) {
			if (open == null) {
				super.execute(command);
				return;
			}
			// SessionCommands.execute checked canExecute (and refused with the command's reason) before this;
			// an exception here propagates and fails the batch, where the plain stack would log and go on
			command.execute();
			open.append(command);
		}

		/**
		 * Ends the batch: what it executed becomes one step on top of the stack, as {@link BasicCommandStack#execute}
		 * leaves an executed command (what could have been redone is dropped).
		 *
		 * @return the step, or null when the batch executed nothing
		 */
		Command end() {
			CompoundCommand step = open;
			open = null;
			if (step == null || step.isEmpty()) {
				return null;
			}
			while (commandList.size() > top + 1) {
				commandList.remove(commandList.size() - 1).dispose();
			}
			commandList.add(step);
			top++;
			mostRecentCommand = step;
			notifyListeners();
			return step;
		}
	}
}
