package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

/** {@code new}, {@code info}, {@code set} and {@code bus}: the commands that read or edit a session file. */
final class SessionCommandsCli {

	/** File name endings taken as stems by {@code new --stems}; the content decides the format, not the name. */
	static final List<String> AUDIO_EXTENSIONS = List.of(".wav", ".wave", ".bwf", ".rf64", ".aif", ".aiff", ".aifc",
			".flac");

	/** Audio formats Mixtree does not read, by file name ending: named in the "not used" line of {@code new}. */
	private static final Map<String, String> UNREAD_AUDIO = Map.ofEntries(Map.entry(".mp3", "MP3"),
			Map.entry(".m4a", "AAC/ALAC (M4A)"), Map.entry(".aac", "AAC"), Map.entry(".ogg", "Ogg Vorbis"),
			Map.entry(".oga", "Ogg Vorbis"), Map.entry(".opus", "Opus"), Map.entry(".wma", "WMA"),
			Map.entry(".wv", "WavPack"), Map.entry(".ape", "Monkey's Audio"), Map.entry(".caf", "CAF"),
			Map.entry(".w64", "Wave64"), Map.entry(".alac", "ALAC"), Map.entry(".dsf", "DSD"));

	/** The stems of a folder, and a line naming what else it holds and why that was not taken. */
	private record Stems(List<Path> files, String notUsed) {
	}

	private final PrintStream out;

	SessionCommandsCli(PrintStream out, PrintStream err) {
		this.out = out;
	}

	// ---------------------------------------------------------------------------------------------- new

	void newSession(List<String> words) throws Exception {
		Args a = Args.parse(words, Set.of("--stems", "--group", "--rate"), Set.of("--force"));
		String usage = "new SESSION --stems DIR [--group auto|flat] [--rate HZ]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		a.expectAtMost(1, usage);
		String stemsOption = a.option("--stems");
		if (stemsOption == null) {
			throw CliException.usage("missing --stems DIR; usage: " + usage);
		}
		GroupingMode mode = GroupingMode.AUTO;
		if (a.option("--group") != null) {
			mode = GroupingMode.parse(a.option("--group"));
			if (mode == null) {
				throw new CliException("--group '" + a.option("--group") + "': use auto or flat");
			}
		}
		if (!file.getFileName().toString().endsWith("." + SessionStore.EXTENSION)) {
			throw new CliException(file + ": a session file name ends in ." + SessionStore.EXTENSION);
		}
		if (Files.exists(file) && !a.flag("--force")) {
			throw new CliException(file + ": already exists (use --force to replace it)");
		}
		Path stemsDir = Path.of(stemsOption);
		Stems found = listStems(stemsDir);
		List<Path> stems = found.files();
		Map<Integer, Integer> rates = new HashMap<>();
		for (Path stem : stems) {
			AudioFileInfo info = AudioFiles.info(stem);
			rates.merge(info.sampleRate(), 1, Integer::sum);
		}
		int rate = a.option("--rate") != null ? parseRate(a.option("--rate")) : commonRate(rates);

		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		String name = file.getFileName().toString();
		name = name.substring(0, name.length() - SessionStore.EXTENSION.length() - 1);
		Session session = SessionEditing.create(domain, file, name, rate);
		List<String> sources = new ArrayList<>();
		for (Path stem : stems) {
			sources.add(SessionStore.relativeSource(stem, file));
		}
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, sources, mode));
		SessionStore.save(session, file);
		out.println("created " + file + ": " + session.getTracks().size() + " tracks, " + session.getBuses().size()
				+ " buses, " + rate + " Hz" + (rates.size() > 1 || !rates.containsKey(rate)
						? " (stems at other rates are converted)" : ""));
		if (found.notUsed() != null) {
			out.println(found.notUsed());
		}
		MixTree.print(session, out);
	}

	/**
	 * The audio files directly in {@code dir}, by name, and one line (null when there is nothing to say) naming
	 * every other entry and why it was left: another audio format, not audio, a subfolder, or hidden (macOS's
	 * .DS_Store and ._ files). A file with an audio name is taken whatever it holds: if it turns out broken or
	 * unsupported, {@code new} fails on it, since a stem that cannot be read is to be fixed, not skipped.
	 */
	private static Stems listStems(Path dir) throws CliException {
		if (!Files.isDirectory(dir)) {
			throw new CliException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
		}
		List<Path> entries;
		try (Stream<Path> files = Files.list(dir)) {
			entries = files.sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)))
					.toList();
		} catch (IOException e) {
			throw new CliException(dir + ": cannot list: " + Cli.ioMessage(e));
		}
		List<Path> stems = new ArrayList<>();
		List<String> notUsed = new ArrayList<>();
		List<String> hidden = new ArrayList<>();
		for (Path p : entries) {
			String name = p.getFileName().toString();
			String lower = name.toLowerCase(Locale.ROOT);
			String ext = lower.lastIndexOf('.') > 0 ? lower.substring(lower.lastIndexOf('.')) : "";
			if (name.startsWith(".")) {
				hidden.add(name);
			} else if (Files.isDirectory(p)) {
				notUsed.add(name + " (a folder: subfolders are not searched)");
			} else if (!Files.isRegularFile(p)) {
				notUsed.add(name + " (not a regular file)");
			} else if (AUDIO_EXTENSIONS.contains(ext)) {
				stems.add(p);
			} else if (UNREAD_AUDIO.containsKey(ext)) {
				notUsed.add(name + " (" + UNREAD_AUDIO.get(ext) + " is not read: convert it to WAV or FLAC)");
			} else if (ext.equals(".mid") || ext.equals(".midi")) {
				notUsed.add(name + " (MIDI, not audio: render it to WAV or FLAC)");
			} else {
				notUsed.add(name + " (not an audio file)");
			}
		}
		if (!hidden.isEmpty()) {
			notUsed.add(String.join(", ", hidden) + " (hidden)");
		}
		String line = notUsed.isEmpty() ? null : "not used: " + String.join(", ", notUsed);
		if (stems.isEmpty()) {
			throw new CliException(dir + ": no audio files (" + String.join(" ", AUDIO_EXTENSIONS) + ")"
					+ (line == null ? "" : "; " + line));
		}
		return new Stems(stems, line);
	}

	/** The rate most stems have (ties: the higher), so that as few as possible are converted. */
	private static int commonRate(Map<Integer, Integer> rates) {
		int best = 48000;
		int count = -1;
		for (Map.Entry<Integer, Integer> e : rates.entrySet()) {
			if (e.getValue() > count || e.getValue() == count && e.getKey() > best) {
				best = e.getKey();
				count = e.getValue();
			}
		}
		return best;
	}

	static int parseRate(String text) throws CliException {
		int rate;
		try {
			rate = Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			throw new CliException("--rate '" + text + "' is not a whole number of Hz");
		}
		if (rate < 8000 || rate > 384000) {
			throw new CliException("--rate " + rate + " is outside 8000..384000 Hz");
		}
		return rate;
	}

	// --------------------------------------------------------------------------------------------- info

	void info(List<String> words) throws Exception {
		Args a = Args.parse(words, Set.of(), Set.of("--json"));
		Path file = Path.of(a.required(0, "SESSION; usage: info SESSION [--json]"));
		a.expectAtMost(1, "info SESSION [--json]");
		Session session = SessionStore.load(file);
		EffectCatalog effects = EffectCatalog.osgi();
		if (a.flag("--json")) {
			out.println(SessionJson.of(session, file, effects));
		} else {
			MixTree.print(session, out, effects);
			for (SessionValidator.Problem p : SessionValidator.validate(session)) {
				out.println("problem: " + p.message());
			}
		}
	}

	// ---------------------------------------------------------------------------------------------- set

	void set(List<String> words) throws Exception {
		String usage = "set SESSION TARGET key=value...";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String target = a.required(1, "TARGET (track:NAME, bus:NAME or master); usage: " + usage);
		List<String> pairs = a.positional().subList(2, a.positional().size());
		if (pairs.isEmpty()) {
			throw CliException.usage("nothing to set: give key=value (gain, pan, mute, solo, polarity, output)");
		}
		Map<String, String> values = Args.keyValues(pairs, key -> true);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.load(domain, file);
		Channel channel = ChannelAddress.resolve(session, target);
		// every value is parsed and every command made (and so checked) before anything executes
		List<Command> commands = new ArrayList<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			commands.add(command(domain, session, channel, e.getKey(), e.getValue()));
		}
		for (Command command : commands) {
			SessionCommands.execute(domain, command);
		}
		SessionStore.save(session, file);
		out.println("set " + ChannelAddress.of(channel) + ": " + String.join(" ", pairs));
	}

	private static Command command(AdapterFactoryEditingDomain domain, Session session, Channel channel, String key,
			String value) throws CliException {
		String where = ChannelAddress.of(channel) + " " + key;
		switch (key) {
		case "gain":
			return SessionCommands.setGain(domain, channel, Values.gainDb(where, value));
		case "pan":
			return SessionCommands.setPan(domain, channel, Values.number(where, value));
		case "mute":
			return SessionCommands.setMute(domain, channel, Values.bool(where, value));
		case "solo":
			return SessionCommands.setSolo(domain, channel, Values.bool(where, value));
		case "polarity":
			return SessionCommands.setPolarityInverted(domain, channel, Values.bool(where, value));
		case "output":
			Bus bus = ChannelAddress.resolveBus(session, value);
			return SessionCommands.setOutput(domain, channel, ChannelAddress.isMaster(bus) ? null : bus);
		default:
			throw new CliException("unknown key '" + key + "': use gain, pan, mute, solo, polarity or output");
		}
	}

	// ---------------------------------------------------------------------------------------------- bus

	void bus(List<String> words) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("bus add SESSION NAME [--output bus:NAME|master] | bus remove SESSION NAME");
		}
		String verb = words.get(0);
		List<String> rest = words.subList(1, words.size());
		switch (verb) {
		case "add": {
			String usage = "bus add SESSION NAME [--output bus:NAME|master]";
			Args a = Args.parse(rest, Set.of("--output"), Set.of());
			Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
			String name = busName(a.required(1, "NAME; usage: " + usage));
			a.expectAtMost(2, usage);
			AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
			Session session = SessionEditing.load(domain, file);
			Bus output = null;
			if (a.option("--output") != null) {
				Bus b = ChannelAddress.resolveBus(session, a.option("--output"));
				output = ChannelAddress.isMaster(b) ? null : b;
			}
			SessionCommands.execute(domain, SessionCommands.addBus(domain, session, name, output));
			SessionStore.save(session, file);
			out.println("added bus:" + name + " -> " + (output == null ? "master" : ChannelAddress.of(output)));
			break;
		}
		case "remove": {
			String usage = "bus remove SESSION NAME";
			Args a = Args.parse(rest, Set.of(), Set.of());
			Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
			String name = busName(a.required(1, "NAME; usage: " + usage));
			a.expectAtMost(2, usage);
			AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
			Session session = SessionEditing.load(domain, file);
			Bus bus = ChannelAddress.resolveBus(session, ChannelAddress.BUS + name);
			if (ChannelAddress.isMaster(bus)) {
				throw new CliException("the master bus cannot be removed");
			}
			String to = bus.getOutput() == null ? "master" : ChannelAddress.of(bus.getOutput());
			SessionCommands.execute(domain, SessionCommands.removeBus(domain, bus));
			SessionStore.save(session, file);
			out.println("removed bus:" + name + " (its inputs now feed " + to + ")");
			break;
		}
		default:
			throw CliException.usage("unknown bus command '" + verb + "': use bus add or bus remove");
		}
	}

	/** A bus named on the command line, with or without its {@code bus:} prefix. */
	private static String busName(String word) throws CliException {
		String name = word.startsWith(ChannelAddress.BUS) ? word.substring(ChannelAddress.BUS.length()) : word;
		if (name.isBlank()) {
			throw new CliException("a bus needs a name");
		}
		return name;
	}
}
