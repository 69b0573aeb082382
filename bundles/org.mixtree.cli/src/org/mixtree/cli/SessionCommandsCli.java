package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.effects.api.ValueText;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.edit.builder.StemFolder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.session.Stems;

/** {@code new}, {@code info}, {@code set} and {@code bus}: the commands that read or edit a session file. */
final class SessionCommandsCli {

	private final PrintStream out;
	private final SessionEdit.Source edits;

	SessionCommandsCli(PrintStream out, PrintStream err) {
		this(out, SessionEdit.ALONE);
	}

	/** @param edits where the editing commands ({@code set}, {@code bus}) get their session: alone or a batch's */
	SessionCommandsCli(PrintStream out, SessionEdit.Source edits) {
		this.out = out;
		this.edits = edits;
	}

	// ---------------------------------------------------------------------------------------------- new

	void newSession(Args a) throws Exception {
		String usage = "new SESSION --stems DIR [--group auto|flat] [--rules FILE] [--rate HZ] [--dry-run]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		a.expectAtMost(1, usage);
		String stemsOption = a.option("--stems");
		if (stemsOption == null) {
			throw CliException.usage("missing --stems DIR; usage: " + usage);
		}
		GroupingMode mode = GroupingMode.AUTO;
		if (a.option("--group") != null) {
			try {
				mode = GroupingMode.parse(a.option("--group"));
			} catch (IllegalArgumentException e) {
				mode = null;
			}
			if (mode == null) {
				throw CliException.usage("--group '" + a.option("--group") + "': use auto or flat");
			}
		}
		if (mode == GroupingMode.FLAT && a.option("--rules") != null) {
			throw CliException.usage("--rules applies to --group auto, not flat");
		}
		if (!file.getFileName().toString().endsWith("." + SessionStore.EXTENSION)) {
			throw new CliException(file + ": a session file name ends in ." + SessionStore.EXTENSION);
		}
		boolean dryRun = a.flag("--dry-run");
		refuseExisting(file, a.flag("--force"));
		List<Path> ruleFiles = new ArrayList<>();
		GroupingRules rules = mode == GroupingMode.AUTO ? groupingRules(a.option("--rules"), ruleFiles) : GroupingRules.defaults();
		Path stemsDir = Path.of(stemsOption);
		StemFolder.Scan found = listStems(stemsDir);
		List<Path> stems = found.stems();
		Map<Integer, Integer> rates = new HashMap<>();
		List<Integer> channels = new ArrayList<>();
		Map<String, AudioFileInfo> infos = new HashMap<>();
		for (Path stem : stems) {
			AudioFileInfo info = AudioFiles.info(stem);
			infos.put(SessionStore.relativeSource(stem, file), info);
			rates.merge(info.sampleRate(), 1, Integer::sum);
			channels.add(info.channels());
		}
		int rate = a.option("--rate") != null ? parseRate(a.option("--rate")) : StemFolder.commonRate(rates);

		if (!dryRun) {
			// locked only now that every argument and stem was checked, so a refused new leaves no lock file; a dry
			// run writes nothing at all
			EditLocks.lock(file);
			refuseExisting(file, a.flag("--force"));
		}
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		String name = file.getFileName().toString();
		name = name.substring(0, name.length() - SessionStore.EXTENSION.length() - 1);
		Session session = SessionEditing.create(domain, file, name, rate);
		List<SessionBuilder.Stem> sources = new ArrayList<>();
		for (int i = 0; i < stems.size(); i++) {
			sources.add(new SessionBuilder.Stem(SessionStore.relativeSource(stems.get(i), file), channels.get(i)));
		}
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, sources, mode, rules));
		for (org.mixtree.model.Track t : session.getTracks()) {
			// the fingerprint that later tells a changed stem; a new session has no undo history to keep
			AudioFileInfo info = infos.get(t.getSource());
			if (info != null) {
				Stems.fingerprint(t, info);
			}
		}
		if (!dryRun) {
			SessionStore.save(session, file);
		}
		out.println((dryRun ? "would create " : "created ") + file + ": " + MixTree.count(session.getTracks().size(), "track", "tracks")
				+ ", " + MixTree.count(session.getBuses().size(), "bus", "buses") + ", " + rate + " Hz"
				+ (rates.size() > 1 || !rates.containsKey(rate) ? " (stems at other rates are converted)" : ""));
		if (found.notUsedLine() != null) {
			out.println(found.notUsedLine());
		}
		MixTree.print(session, out);
		if (!ruleFiles.isEmpty()) {
			out.println("grouped by the shipped rules + " + String.join(" + ", ruleFiles.stream().map(Path::toString).toList()));
		}
		if (dryRun) {
			out.println("(dry run: nothing written)");
		}
	}

	/**
	 * The grouping rules for {@code new --group auto}: the shipped ones, the user's own file on top when
	 * there is one, then {@code --rules FILE}. The system property {@code mixtree.xdgConfigHome} stands in
	 * for {@code XDG_CONFIG_HOME} (tests use it so that no one's own rules file changes their outcome).
	 *
	 * @param used receives the files read, in order
	 */
	private static GroupingRules groupingRules(String rulesOption, List<Path> used) {
		Map<String, String> env = new HashMap<>(System.getenv());
		if (System.getProperty("mixtree.xdgConfigHome") != null) {
			env.put("XDG_CONFIG_HOME", System.getProperty("mixtree.xdgConfigHome"));
		}
		GroupingRules rules = GroupingRules.defaults();
		Path user = GroupingRules.userFile(env, System.getProperty("user.home"));
		if (Files.isRegularFile(user)) {
			rules = rules.plus(user);
			used.add(user);
		}
		if (rulesOption != null) {
			Path given = Path.of(rulesOption);
			rules = rules.plus(given);
			used.add(given);
		}
		return rules;
	}

	private static void refuseExisting(Path file, boolean force) throws CliException {
		if (Files.exists(file) && !force) {
			throw new CliException(file + ": already exists (use --force to replace it)");
		}
	}

	/** The stems of a folder and what else it holds ({@link StemFolder}, which the workbench's New Session uses too). */
	private static StemFolder.Scan listStems(Path dir) throws CliException {
		try {
			return StemFolder.scan(dir);
		} catch (StemFolder.StemFolderException e) {
			if (e.getCause() instanceof IOException io) {
				throw new CliException(dir + ": cannot list: " + Cli.ioMessage(io));
			}
			throw new CliException(e.getMessage());
		}
	}

	/** A sample rate as typed: {@code 48000}, {@code 48k}, {@code 44.1kHz}. */
	static int parseRate(String text) throws CliException {
		double hz;
		try {
			hz = ValueText.parse(text, "Hz");
		} catch (NumberFormatException e) {
			throw new CliException("--rate " + e.getMessage());
		}
		if (hz != Math.rint(hz)) {
			throw new CliException("--rate '" + text + "' is not a whole number of Hz");
		}
		if (hz < 8000 || hz > 384000) {
			throw new CliException("--rate " + text.trim() + " is outside 8000..384000 Hz");
		}
		return (int) hz;
	}

	// --------------------------------------------------------------------------------------------- info

	void info(Args a) throws Exception {
		Path file = Path.of(a.required(0, "SESSION; usage: info SESSION [--json]"));
		a.expectAtMost(1, "info SESSION [--json]");
		Session session = SessionStore.load(file);
		EffectCatalog effects = EffectCatalog.osgi();
		if (a.flag("--json")) {
			out.println(SessionJson.of(session, file, effects));
		} else {
			MixTree.print(session, out, effects, file);
			for (SessionValidator.Problem p : SessionValidator.validate(session)) {
				out.println("problem: " + p.message());
			}
			stemLines(session, file, out);
		}
	}

	/**
	 * One line per stem that is offline ({@code offline: track:Kick: stems/Kick.wav is missing (it plays silence;
	 * ./mixtree relink finds it)}) or changed since it was added or relinked.
	 */
	static void stemLines(Session session, Path file, PrintStream out) {
		for (Stems.Status s : Stems.check(session, file)) {
			if (s.state() == Stems.State.OFFLINE) {
				out.println("offline: " + ChannelAddress.of(s.track()) + ": " + s.reason()
						+ " (it plays silence; ./mixtree relink SESSION DIR finds it)");
			} else if (s.state() == Stems.State.CHANGED) {
				out.println("changed: " + ChannelAddress.of(s.track()) + ": " + s.reason());
			}
		}
	}

	// ---------------------------------------------------------------------------------------------- set

	void set(Args a) throws Exception {
		String usage = "set SESSION TARGET key=value...";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String target = a.required(1, "TARGET (track:NAME, bus:NAME or master); usage: " + usage);
		List<String> pairs = a.positional().subList(2, a.positional().size());
		if (pairs.isEmpty()) {
			throw CliException.usage("nothing to set: give key=value (gain, pan, mute, solo, polarity, output, solosafe, clipgain)");
		}
		Map<String, String> values = Args.keyValues(pairs, key -> true);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel channel = ChannelAddress.resolve(session, target);
		// every value is parsed and every command made (and so checked) before anything executes
		List<Command> commands = new ArrayList<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			commands.add(command(domain, session, channel, e.getKey(), e.getValue()));
		}
		for (Command command : commands) {
			SessionCommands.execute(domain, command);
		}
		edit.save();
		out.println("set " + ChannelAddress.of(channel) + ": " + String.join(" ", pairs));
	}

	private static Command command(AdapterFactoryEditingDomain domain, Session session, Channel channel, String key,
			String value) throws CliException {
		String where = ChannelAddress.of(channel) + " " + key;
		switch (key) {
		case "gain":
			return SessionCommands.setGain(domain, channel, Values.gainDb(where, value));
		case "pan":
			return SessionCommands.setPan(domain, channel, Values.pan(where, value));
		case "mute":
			return SessionCommands.setMute(domain, channel, Values.bool(where, value));
		case "solo":
			return SessionCommands.setSolo(domain, channel, Values.bool(where, value));
		case "polarity":
			return SessionCommands.setPolarityInverted(domain, channel, Values.bool(where, value));
		case "output":
			Bus bus = ChannelAddress.resolveBus(session, value);
			return SessionCommands.setOutput(domain, channel, ChannelAddress.isMaster(bus) ? null : bus);
		case "headroom":
			if (channel != session.getMaster()) {
				throw new CliException(where + ": headroom is the master's (set SESSION master headroom=-6)");
			}
			return SessionCommands.setHeadroom(domain, session, Values.gainDb(where, value));
		case "solosafe":
			if (!(channel instanceof Bus safe) || ChannelAddress.isMaster(channel)) {
				throw new CliException(ChannelAddress.of(channel) + " solosafe: only a bus can be solo-safe"
						+ (ChannelAddress.isMaster(channel) ? " (solo and focus never silence the master)" : ""));
			}
			return SessionCommands.setSoloSafe(domain, safe, Values.bool(where, value));
		case "clipgain":
			if (!(channel instanceof org.mixtree.model.Track track)) {
				throw new CliException(ChannelAddress.of(channel) + " has no clipgain: only a track has a clip gain (its "
						+ "source's level); use gain for a bus or the master");
			}
			return SessionCommands.setClipGain(domain, track, Values.gainDb(where, value));
		default:
			throw new CliException("unknown key '" + key + "': use gain, pan, mute, solo, polarity, output, solosafe or clipgain"
					+ (channel == session.getMaster() ? " (and headroom on the master)" : ""));
		}
	}

	// ---------------------------------------------------------------------------------------------- bus

	void busAdd(Args a) throws Exception {
		String usage = "bus add SESSION NAME [--output bus:NAME|master]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = busName(a.required(1, "NAME; usage: " + usage));
		a.expectAtMost(2, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Bus output = null;
		if (a.option("--output") != null) {
			Bus b = ChannelAddress.resolveBus(session, a.option("--output"));
			output = ChannelAddress.isMaster(b) ? null : b;
		}
		SessionCommands.execute(domain, SessionCommands.addBus(domain, session, name, output));
		edit.save();
		out.println("added bus:" + name + " -> " + (output == null ? "master" : ChannelAddress.of(output)));
	}

	void busRemove(Args a) throws Exception {
		String usage = "bus remove SESSION NAME";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = busName(a.required(1, "NAME; usage: " + usage));
		a.expectAtMost(2, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Bus bus = ChannelAddress.resolveBus(session, ChannelAddress.BUS + name);
		if (ChannelAddress.isMaster(bus)) {
			throw new CliException("the master bus cannot be removed");
		}
		String to = bus.getOutput() == null ? "master" : ChannelAddress.of(bus.getOutput());
		// what goes with it is named, before it goes
		List<String> sends = new ArrayList<>();
		for (Send send : SessionCommands.sendsInto(bus)) {
			sends.add(ChannelAddress.of((Channel) send.eContainer()));
		}
		List<String> keyed = new ArrayList<>();
		for (Insert insert : SessionCommands.keyedBy(bus)) {
			Channel owner = (Channel) insert.eContainer();
			keyed.add(ChannelAddress.of(owner) + " slot " + (owner.getInserts().indexOf(insert) + 1));
		}
		String removed = ChannelAddress.of(bus);
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, bus));
		edit.save();
		StringBuilder line = new StringBuilder("removed " + removed + " (its inputs now feed " + to + ")");
		if (!sends.isEmpty()) {
			line.append("; removed ").append(MixTree.count(sends.size(), "send", "sends")).append(" into it, from ")
					.append(String.join(", ", sends));
		}
		if (!keyed.isEmpty()) {
			line.append("; unkeyed the sidechain of ").append(String.join(", ", keyed));
		}
		out.println(line);
	}

	void busMove(Args a) throws Exception {
		String usage = "bus move SESSION NAME INDEX";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String name = busName(a.required(1, "NAME; usage: " + usage));
		String indexText = a.required(2, "INDEX (from 1); usage: " + usage);
		a.expectAtMost(3, usage);
		int index;
		try {
			index = Integer.parseInt(indexText.strip());
		} catch (NumberFormatException e) {
			throw CliException.usage("bus move INDEX '" + indexText + "' is not a whole number (places count from 1)");
		}
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Bus bus = ChannelAddress.resolveBus(session, ChannelAddress.BUS + name);
		SessionCommands.execute(domain, SessionCommands.moveBus(domain, bus, index - 1));
		edit.save();
		List<String> order = new ArrayList<>();
		for (Bus b : SessionCommands.siblings(bus)) {
			order.add(b.getName());
		}
		out.println("moved " + ChannelAddress.of(bus) + " to place " + index + " of the buses feeding "
				+ (bus.getOutput() == null ? "master" : ChannelAddress.of(bus.getOutput())) + ": "
				+ String.join(", ", order));
	}

	/** A bus named on the command line, with or without its {@code bus:} prefix. */
	private static String busName(String word) throws CliException {
		String name = word.regionMatches(true, 0, ChannelAddress.BUS, 0, ChannelAddress.BUS.length())
				? word.substring(ChannelAddress.BUS.length()) : word;
		if (name.isBlank()) {
			throw new CliException("a bus needs a name");
		}
		return name;
	}
}
