package org.mixtree.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.model.NearestNames;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Every command of the command line, as one picocli command tree: a subcommand per command, sub-subcommands for the
 * families ({@code bus}, {@code send}, {@code insert}, {@code snapshot}), each with its usage, its options and what it
 * runs. picocli parses the words, prints each command's {@code --help}, suggests the nearest command and writes the
 * bash completion script; the commands read their words through {@link Args} and keep their own one-line errors.
 * <p>
 * To add a command: one {@code leaf(...)} below (its synopsis, a one-line summary, its options, what it runs, and
 * {@link Leaf#edits} when it changes the session, which lets it run in a {@code batch}). {@code mixtree help}, the
 * command's {@code --help} and the completion script follow from it.
 */
final class CliCommands {

	/** What a command runs: its parsed words and the streams and session source of this run. */
	interface Action {
		void run(Args args, Run run) throws Exception;
	}

	/**
	 * One run of a command.
	 *
	 * @param edits where editing commands get their session: on their own ({@link SessionEdit#ALONE}) or a batch's
	 * @param root  the command tree (help, completion and batch read it)
	 */
	record Run(PrintStream out, PrintStream err, InputStream in, SessionEdit.Source edits, CommandLine root) {
	}

	/**
	 * A command that runs (as opposed to a family such as {@code bus}), kept as the picocli command's user object.
	 *
	 * @param section  the heading it is listed under in {@code mixtree help}
	 * @param listing  its lines in {@code mixtree help}
	 * @param edits    whether it changes the session (and so may run in a batch)
	 */
	record Leaf(String section, List<String> listing, Action action, boolean edits) {
	}

	/** Where the explanations start in {@code mixtree help}. */
	private static final int COLUMN = 39;

	static final String SESSIONS = "sessions:";
	static final String SNAPSHOTS = "snapshots (NAME is case-insensitive; 'current' is the session as it is now in diff, ab and render):";
	static final String EFFECTS = "effects and devices:";
	static final String PROJECT = "the project:";

	private CliCommands() {
	}

	// -------------------------------------------------------------------------------------------- the tree

	/** The command tree, fresh (picocli keeps the last parse's values in it). */
	static CommandLine tree() {
		CommandLine root = new CommandLine(spec("mixtree", null).addOption(help()));
		root.getCommandSpec().usageMessage().customSynopsis("usage: mixtree COMMAND ... (mixtree help lists the commands)");

		add(root, leaf(SESSIONS, "new", "SESSION --stems DIR [--group auto|flat] [--rules FILE] [--rate HZ] [--force] [--dry-run]",
				"a session from a folder of stems, grouped into buses by name (--group auto) or not (flat)")
				.valued("--stems", "DIR", "the folder of stems (WAV, RF64, AIFF, FLAC)")
				.valued("--group", "auto|flat", "auto: every track into a bus by its name (default); flat: all into the master")
				.valued("--rules", "FILE", "grouping words of your own, on top of the shipped ones")
				.valued("--rate", "HZ", "the session's sample rate (default: the rate most stems have)")
				.flag("--force", "replace an existing session file").flag("--dry-run", "print the tree, write nothing")
				.run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).newSession(a)));
		add(root, leaf(SESSIONS, "info", "SESSION [--json]", "the tree, levels, inserts, sends and why a channel is silent")
				.flag("--json", "as JSON (RFC 8259)")
				.run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).info(a)));
		add(root, leaf(SESSIONS, "set", "SESSION TARGET key=value...", "TARGET: track:NAME | bus:NAME | master")
				.note("keys: gain (dB or -inf), pan (C, L70, R35 or -1..1), mute, solo,")
				.note("      polarity (true|false), output (bus:NAME | master),")
				.note("      solosafe (true|false, buses: solo and focus never silence it),")
				.note("      clipgain (dB, tracks only);")
				.note("master only: headroom (dBFS, the static mix's peak target, default -6)")
				.edits().run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).set(a)));
		add(root, leaf(SESSIONS, "stage", "SESSION static|buses|tracks",
				"which inserts play: none, buses and master, all (new sessions: static)")
				.edits().run((a, r) -> new StageCli(r.out(), r.edits()).stage(a)));
		CommandLine bus = group(root, "bus", "add, remove and order buses");
		add(bus, leaf(SESSIONS, "add", "SESSION NAME [--output bus:NAME|master]", "a new bus, into the master or another bus")
				.valued("--output", "bus:NAME|master", "where the bus goes (default: master)")
				.edits().run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).busAdd(a)));
		add(bus, leaf(SESSIONS, "remove", "SESSION NAME",
				"(its inputs move to its output; the sends it received are removed)")
				.edits().run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).busRemove(a)));
		add(bus, leaf(SESSIONS, "move", "SESSION NAME INDEX",
				"its place among the buses feeding the same bus (from 1): console order")
				.edits().run((a, r) -> new SessionCommandsCli(r.out(), r.edits()).busMove(a)));
		add(root, leaf(SESSIONS, "focus", "SESSION bus:NAME|next|prev|all",
				"build-up: hear one top-level bus, bring in the next, take it out, end")
				.edits().run((a, r) -> new FocusCli(r.out(), r.edits()).focus(a)));
		CommandLine send = group(root, "send", "add, change and remove sends (FROM: track:NAME|bus:NAME  TO: bus:NAME)");
		add(send, leaf(SESSIONS, "add", "SESSION FROM TO [--level DB] [--pre]", "FROM: track:NAME|bus:NAME  TO: bus:NAME")
				.valued("--level", "DB", "the send's level (default 0 dB)").flag("--pre", "pre-fader (default post-fader)")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).sendAdd(a)));
		add(send, leaf(SESSIONS, "set", "SESSION FROM TO level=DB|pre=true|false", "change a send's level or tap")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).sendSet(a)));
		add(send, leaf(SESSIONS, "remove", "SESSION FROM TO", "remove a send")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).sendRemove(a)));
		CommandLine insert = group(root, "insert", "add, change, remove and move inserts (slots count from 1)");
		add(insert, leaf(SESSIONS, "add",
				"SESSION TARGET EFFECT [param=value...] [file=PATH...] [--preset NAME] [--at INDEX] [--sidechain track:NAME|bus:NAME]",
				"EFFECT: full id or short id (org.mixtree.eq or eq)")
				.valued("--preset", "NAME", "start from the effect's preset (what is typed beside it wins)")
				.valued("--at", "INDEX", "the slot, from 1 (default: after the last)")
				.valued("--sidechain", "track:NAME|bus:NAME", "the channel that keys the effect")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).insertAdd(a)));
		add(insert, leaf(SESSIONS, "set", "SESSION TARGET INDEX param=value... | file=PATH... | bypass=true|false",
				"(INDEX: slot from 1)")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).insertSet(a)));
		add(insert, leaf(SESSIONS, "remove", "SESSION TARGET INDEX", "remove the insert in a slot")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).insertRemove(a)));
		add(insert, leaf(SESSIONS, "move", "SESSION TARGET FROM TO", "move an insert to another slot")
				.edits().run((a, r) -> new InsertSendCli(r.out(), r.err(), EffectCatalog.osgi(), r.edits()).insertMove(a)));
		add(root, leaf(SESSIONS, "render", "SESSION -o OUT.wav [--format f32|s24|s16] [--stems DIR] [--snapshot NAME] [--allow-offline]",
				"the mix into a WAV file (and one per top-level bus with --stems)")
				.synopsis("SESSION --stems-depth N -o DIR [--master-processing] [--format f32|s24|s16]",
						"one stem per bus at depth N (1: top level), as the master hears it")
				.valued("-o|--output", "OUT", "the WAV file written (a folder with --stems-depth)")
				.valued("--format", "f32|s24|s16", "sample format (default f32)")
				.valued("--stems", "DIR", "also a stem per top-level bus into DIR")
				.valued("--stems-depth", "N", "one stem per bus at depth N of the tree into the folder -o")
				.valued("--snapshot", "NAME", "render the mix as the snapshot holds it (the session file untouched)")
				.flag("--master-processing", "stems by depth: through the master's inserts too")
				.flag("--allow-offline", "render offline stems as silence (else an offline stem refuses the render)")
				.run((a, r) -> new RenderCli(r.out(), r.err()).render(a)));
		add(root, leaf(SESSIONS, "relink", "SESSION DIR [--all] [--force] [--dry-run]",
				"point offline stems at the files of the same name in DIR (and its subfolders)")
				.note("a file whose rate, channels or length differ from the stem's is named, not relinked")
				.flag("--all", "relink every stem, not only the offline ones")
				.flag("--force", "relink a file that differs from the stem the session recorded")
				.flag("--dry-run", "print what would be relinked, write nothing")
				.edits().run((a, r) -> new RelinkCli(r.out(), r.edits()).relink(a)));
		add(root, leaf(SESSIONS, "gainstage", "SESSION --target LUFS [--measure integrated|shortterm-max] [--tracks bus:NAME]",
				"set each track's clip gain so its file reaches the target")
				.valued("--target", "LUFS", "the loudness each track's file is brought to (e.g. -23)")
				.valued("--measure", "integrated|shortterm-max", "what is measured of each file (default integrated)")
				.valued("--tracks", "bus:NAME", "only the tracks feeding this bus")
				.edits().run((a, r) -> new GainStageCli(r.out(), r.edits()).gainstage(a)));
		add(root, leaf(SESSIONS, "batch", "SESSION [FILE|-]",
				"run one editing command a line (no 'mixtree', no SESSION; # comments) in one process,")
				.note("all or nothing: saved once, as one undoable step (FILE - or none: stdin)")
				.run((a, r) -> new BatchCli(r.out(), r.err(), r.in(), r.root()).batch(a)));

		CommandLine snapshot = group(root, "snapshot", "named mix states: save, recall, compare and A/B them");
		add(snapshot, leaf(SNAPSHOTS, "save", "SESSION NAME [--force]", "the whole mix state under a name (--force replaces one)")
				.flag("--force", "replace the snapshot of that name")
				.edits().run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).save(a)));
		add(snapshot, leaf(SNAPSHOTS, "recall", "SESSION NAME", "back to it, as one undoable step (track sources are kept)")
				.edits().run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).recall(a)));
		add(snapshot, leaf(SNAPSHOTS, "delete", "SESSION NAME", "delete a snapshot")
				.edits().run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).delete(a)));
		add(snapshot, leaf(SNAPSHOTS, "list", "SESSION", "the snapshots' names")
				.run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).list(a)));
		add(snapshot, leaf(SNAPSHOTS, "rename", "SESSION OLD NEW", "rename a snapshot")
				.edits().run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).rename(a)));
		add(snapshot, leaf(SNAPSHOTS, "diff", "SESSION A B", "one line per difference, A's value -> B's")
				.run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).diff(a)));
		add(snapshot, leaf(SNAPSHOTS, "ab", "SESSION A B [--seconds S]", "loudness and true peak of both, the trim that matches them")
				.valued("--seconds", "S", "measure the first S seconds only")
				.run((a, r) -> new SnapshotCli(r.out(), r.err(), r.edits()).ab(a)));

		add(root, leaf(EFFECTS, "effects", "[--json]", "the installed effects, their parameters and presets")
				.flag("--json", "as JSON (RFC 8259)")
				.run((a, r) -> new EffectsCli(r.out(), r.err()).effects(a)));
		add(root, leaf(EFFECTS, "views", "[--json]", "the installed views: routing, visualisation, effect editors")
				.flag("--json", "as JSON (RFC 8259)")
				.run((a, r) -> new ViewsCli(r.out(), r.err()).views(a)));
		add(root, launcher(leaf(EFFECTS, "install", "[--yes] [--trust SHA256]... [--allow-unsigned] REPOSITORY FEATURE_ID",
				"list what a feature brings (versions, vendor, signer), ask, install it from a p2 repository")
				.flag("--yes", "do not ask (scripts); certificates are trusted only by --trust")
				.valued("--trust", "SHA256", "trust the signing certificate with this SHA-256 fingerprint")
				.flag("--allow-unsigned", "install content that is not signed (p2 refuses it otherwise)")));
		add(root, launcher(leaf(EFFECTS, "uninstall", "FEATURE_ID", "remove an installed feature")));
		add(root, launcher(leaf(EFFECTS, "reinstall", "", "install again the recorded installs (a rebuild does it by itself)")));
		add(root, leaf(EFFECTS, "devices", "", "list back ends and devices")
				.run((a, r) -> new DevicesCli(r.out()).devices(a)));
		add(root, leaf(EFFECTS, "play", "SESSION [--device jack|javasound|NAME] [--buffer FRAMES] [--from SECONDS] [--seconds S] [--loop A:B]",
				"play the mix on an audio device")
				.valued("--device", "jack|javasound|NAME", "the back end or device (default: the first that opens)")
				.valued("--buffer", "FRAMES", "frames per device buffer (default 256)")
				.valued("--from", "SECONDS", "start there").valued("--seconds", "S", "stop after S seconds")
				.valued("--loop", "A:B", "loop from A to B seconds")
				.run((a, r) -> new PlayCli(r.out(), r.err()).play(a)));
		add(root, leaf(EFFECTS, "soak", "SESSION [--minutes M] [--buffer FRAMES] [--edits-per-second N] [--seed S] [--json]",
				"play while a seeded random driver edits the mix; report xruns, callback times, heap, errors")
				.valued("--minutes", "M", "how long to play (default 5)")
				.valued("--buffer", "FRAMES", "frames per device buffer (default 256)")
				.valued("--edits-per-second", "N", "edits a second (default 5)")
				.valued("--seed", "S", "the driver's seed (printed; the same seed replays the same edits)")
				.valued("--device", "jack|javasound|NAME", "the back end or device (default jack)")
				.valued("--make", "DIR", "build a session like bench realtime's in DIR (once) and soak it")
				.valued("--tracks", "N", "tracks of the --make session (default 64)")
				.valued("--jackd-log", "FILE", "the JACK server's log: its own account of xruns (./mixtree soak passes it)")
				.flag("--json", "as JSON (RFC 8259)")
				.run((a, r) -> new SoakCli(r.out(), r.err()).soak(a)));

		add(root, leaf(PROJECT, "demo", "[--dir DIR]", "synthesize a multitrack, group it, render the static mix")
				.valued("--dir", "DIR", "where the demo is written")
				.run((a, r) -> new DemoCli(r.out(), r.err()).demo(a)));
		add(root, launcher(leaf(PROJECT, "test", "", "build everything and run every test")));
		add(root, launcher(leaf(PROJECT, "build", "", "build the product only")));
		add(root, launcher(leaf(PROJECT, "bench", "[static|rw1|realtime|startup|console] [...]",
				"benchmarks against the peers (SoX, ecasound, ffmpeg, Ardour); the workbench's start-up, the console's frame time")));
		add(root, leaf(PROJECT, "bench-effects", "[--seconds S]", "the cost of each built-in effect and of the meters")
				.valued("--seconds", "S", "seconds of audio per effect (default 20)")
				.run((a, r) -> new EffectsBenchCli(r.out()).bench(a)));
		add(root, leaf(PROJECT, "bench-decode", "[--runs N] FILE...", "the decode cost of each file, ns per sample")
				.valued("--runs", "N", "timed reads of each file, after two warm-up reads (default 11)")
				.run((a, r) -> new DecodeBenchCli(r.out()).bench(a)));
		add(root, leaf(PROJECT, "help", "[COMMAND [SUBCOMMAND]]", "every command, or one command's usage and options")
				.run((a, r) -> r.out().print(help(r.root(), a.positional()))));
		add(root, leaf(PROJECT, "completion", "", "the bash completion script: source <(./mixtree completion)")
				.run((a, r) -> {
					a.expectAtMost(0, "completion");
					r.out().print(AutoComplete.bash("mixtree", r.root()));
				}));

		// negative numbers and -inf are values, not options: the commands tell an unknown option from them (Args)
		root.setUnmatchedOptionsArePositionalParams(true);
		root.setExpandAtFiles(false);
		root.setOverwrittenOptionsAllowed(true);
		return root;
	}

	// ------------------------------------------------------------------------------------------- parsing

	/**
	 * Parses a command line against the tree.
	 *
	 * @return the parse of the command the words name (the deepest subcommand)
	 * @throws CliException a usage error in the command line's own words: {@code unknown command 'rendr'; did you mean
	 *                      'render'?}, {@code option --level needs a value}
	 */
	static ParseResult parse(CommandLine root, List<String> words) throws CliException {
		ParseResult parsed;
		try {
			parsed = root.parseArgs(words.toArray(String[]::new));
		} catch (UnmatchedArgumentException e) {
			CommandSpec at = e.getCommandLine().getCommandSpec();
			String word = e.getUnmatched().get(0);
			if (word.startsWith("-") && word.length() > 1) {
				throw Args.unknownOption(word, at);
			}
			if (!at.subcommands().isEmpty()) {
				throw unknownCommand(at, word);
			}
			throw CliException.usage("unexpected argument '" + word + "'");
		} catch (MissingParameterException e) {
			ArgSpec missing = e.getMissing().isEmpty() ? null : e.getMissing().get(0);
			if (missing instanceof OptionSpec o) {
				throw CliException.usage("option " + o.longestName() + " needs a value");
			}
			throw CliException.usage(e.getMessage());
		} catch (ParameterException e) {
			throw CliException.usage(e.getMessage());
		}
		while (parsed.hasSubcommand()) {
			parsed = parsed.subcommand();
		}
		return parsed;
	}

	/** {@code unknown command 'rendr'; did you mean 'render'?}, {@code unknown bus command 'frob': use bus add, ...}. */
	static CliException unknownCommand(CommandSpec at, String word) {
		String family = at.parent() == null ? "" : at.name() + " ";
		List<String> near = NearestNames.of(word, visibleNames(at), 1);
		if (!near.isEmpty()) {
			return CliException.usage("unknown " + family + "command '" + word + "'; did you mean '" + family + near.get(0) + "'?");
		}
		return CliException.usage("unknown " + family + "command '" + word + "'"
				+ (at.parent() == null ? " (mixtree help lists the commands)" : ": use " + choices(at)));
	}

	/** A family named without its command: {@code missing bus command: use bus add, bus remove or bus move}. */
	static CliException missingCommand(CommandSpec family) {
		return CliException.usage("missing " + family.name() + " command: use " + choices(family));
	}

	private static String choices(CommandSpec family) {
		List<String> names = new ArrayList<>();
		for (String n : visibleNames(family)) {
			names.add(family.name() + " " + n);
		}
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}

	private static List<String> visibleNames(CommandSpec spec) {
		return new ArrayList<>(spec.subcommands().keySet());
	}

	/** The command's {@link Leaf}, or null for the root and the families. */
	static Leaf leaf(CommandSpec spec) {
		return spec.userObject() instanceof Leaf l ? l : null;
	}

	/** The command's words as typed: {@code bus add}. */
	static String path(CommandSpec spec) {
		return spec.qualifiedName(" ").substring("mixtree ".length());
	}

	// ---------------------------------------------------------------------------------------------- help

	/** {@code mixtree help}: every command, by section; {@code help COMMAND [SUB]}: that command's usage and options. */
	static String help(CommandLine root, List<String> path) throws CliException {
		CommandLine at = root;
		for (String word : path) {
			CommandLine sub = at.getSubcommands().get(word);
			if (sub == null) {
				throw at.getSubcommands().isEmpty() ? CliException.usage("unexpected argument '" + word + "'; usage: help [COMMAND [SUBCOMMAND]]")
						: unknownCommand(at.getCommandSpec(), word);
			}
			at = sub;
		}
		return usage(at);
	}

	/** The usage of one command (of every command for the root). */
	static String usage(CommandLine command) {
		if (command.getCommandSpec().parent() == null) {
			return listing(command);
		}
		return command.getUsageMessage(Help.Ansi.OFF);
	}

	/** Every command with its synopsis and summary, by section, as {@code mixtree help} prints them. */
	private static String listing(CommandLine root) {
		Map<String, List<String>> sections = new LinkedHashMap<>();
		collect(root, sections);
		StringBuilder b = new StringBuilder("usage: mixtree COMMAND ...   (mixtree COMMAND --help: one command's usage and options)\n");
		for (Map.Entry<String, List<String>> s : sections.entrySet()) {
			b.append(s.getKey()).append('\n');
			for (String line : s.getValue()) {
				b.append(line).append('\n');
			}
		}
		b.append("values: gains -6 or -6dB, frequencies 8000, 8k or 8kHz, times 20ms or 0.5s, pans C, L70, R35\n");
		b.append("options: --debug (stack traces on failure); bash completion: source <(./mixtree completion)\n");
		return b.toString();
	}

	private static void collect(CommandLine command, Map<String, List<String>> sections) {
		for (CommandLine sub : command.getSubcommands().values()) {
			Leaf leaf = leaf(sub.getCommandSpec());
			if (leaf != null) {
				sections.computeIfAbsent(leaf.section(), k -> new ArrayList<>()).addAll(leaf.listing());
			}
			collect(sub, sections);
		}
	}

	// ------------------------------------------------------------------------------------------- building

	private static CommandSpec spec(String name, Object userObject) {
		CommandSpec spec = userObject == null ? CommandSpec.create() : CommandSpec.wrapWithoutInspection(userObject);
		spec.name(name);
		spec.usageMessage().width(120).synopsisHeading("").abbreviateSynopsis(false).sortOptions(false);
		return spec;
	}

	private static OptionSpec help() {
		return OptionSpec.builder("-h", "--help").usageHelp(true).description("print this command's usage and options").build();
	}

	private static CommandLine group(CommandLine parent, String name, String description) {
		CommandSpec spec = spec(name, null).addOption(help());
		String path = parent.getCommandSpec().parent() == null ? name : path(parent.getCommandSpec()) + " " + name;
		spec.usageMessage().customSynopsis("usage: mixtree " + path + " COMMAND ...").description(description)
				.optionListHeading("options:%n").commandListHeading("commands (mixtree " + path + " COMMAND --help for one):%n");
		CommandLine line = new CommandLine(spec);
		parent.addSubcommand(name, line);
		return line;
	}

	private static void add(CommandLine parent, LeafBuilder b) {
		String family = parent.getCommandSpec().parent() == null ? "" : parent.getCommandSpec().name() + " ";
		List<String> listing = new ArrayList<>();
		List<String> synopsis = new ArrayList<>();
		for (String[] s : b.synopses) {
			String line = "  " + family + b.name + (s[0].isEmpty() ? "" : " " + s[0]);
			synopsis.add((synopsis.isEmpty() ? "usage: mixtree " : "       mixtree ") + line.substring(2));
			if (line.length() < COLUMN - 1) {
				listing.add(line + " ".repeat(COLUMN - 1 - line.length()) + s[1]);
			} else {
				listing.add(line);
				listing.add(" ".repeat(COLUMN - 1) + s[1]);
			}
		}
		for (String note : b.notes) {
			listing.add(" ".repeat(COLUMN - 1) + note);
		}
		Leaf leaf = new Leaf(b.section, List.copyOf(listing), b.action, b.edits);
		CommandSpec spec = spec(b.name, leaf);
		List<String> description = new ArrayList<>();
		for (String[] s : b.synopses) {
			description.add(s[1]);
		}
		description.addAll(b.notes);
		if (b.edits) {
			description.add("(an editing command: it can run in a batch, written without 'mixtree' and SESSION)");
		}
		spec.usageMessage().customSynopsis(synopsis.toArray(String[]::new)).description(description.toArray(String[]::new))
				.optionListHeading("options:%n");
		for (OptionSpec o : b.options) {
			spec.addOption(o);
		}
		spec.addOption(help());
		// the words of the command: read in order by the command itself, named in its synopsis
		// (as paths, so that the completion script completes session and audio file names)
		spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(List.class).auxiliaryTypes(Path.class)
				.paramLabel("WORDS").build());
		// ... which the synopsis names, so the help lists no parameters (hiding them would hide them from completion)
		List<String> sections = new ArrayList<>(spec.usageMessage().sectionKeys());
		sections.removeAll(List.of(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING, UsageMessageSpec.SECTION_KEY_PARAMETER_LIST));
		spec.usageMessage().sectionKeys(sections);
		parent.addSubcommand(b.name, new CommandLine(spec));
	}

	private static LeafBuilder leaf(String section, String name, String synopsis, String summary) {
		return new LeafBuilder(section, name).synopsis(synopsis, summary);
	}

	/** A command of the {@code ./mixtree} launcher script, listed here so that help and completion know it. */
	private static LeafBuilder launcher(LeafBuilder b) {
		String name = b.name;
		return b.run((a, r) -> {
			throw CliException.usage("'" + name + "' is a command of the ./mixtree launcher: run ./mixtree " + name);
		});
	}

	/** The parts of one command, gathered before its picocli command is made. */
	private static final class LeafBuilder {
		final String section;
		final String name;
		final List<String[]> synopses = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		final List<OptionSpec> options = new ArrayList<>();
		Action action;
		boolean edits;

		LeafBuilder(String section, String name) {
			this.section = section;
			this.name = name;
		}

		LeafBuilder synopsis(String synopsis, String summary) {
			synopses.add(new String[] { synopsis, summary });
			return this;
		}

		LeafBuilder note(String line) {
			notes.add(line);
			return this;
		}

		/** An option with a value; {@code names} as {@code -o|--output}. */
		LeafBuilder valued(String names, String label, String description) {
			OptionSpec.Builder o = OptionSpec.builder(names.split("\\|")).arity("1").paramLabel(label).description(description);
			// for the completion script: a file or folder completes as a path, a choice of words as those words (the
			// command reads the value as typed either way, Args)
			o.type(List.of("DIR", "FILE", "OUT").contains(label) ? Path.class : String.class);
			if (label.matches("[a-z0-9-]+(\\|[a-z0-9-]+)+")) {
				o.completionCandidates(List.of(label.split("\\|")));
			}
			options.add(o.build());
			return this;
		}

		LeafBuilder flag(String names, String description) {
			options.add(OptionSpec.builder(names.split("\\|")).arity("0").type(boolean.class).description(description).build());
			return this;
		}

		LeafBuilder edits() {
			edits = true;
			return this;
		}

		LeafBuilder run(Action a) {
			action = a;
			return this;
		}
	}
}
