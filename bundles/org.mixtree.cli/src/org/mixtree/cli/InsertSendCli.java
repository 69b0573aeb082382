package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.Preset;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;

/**
 * {@code send} and {@code insert}: sends are found by their two ends (a channel sends at most once to a bus),
 * inserts by slot as the strip shows them, from 1 (slot 1 processes first). Effect ids and parameter values
 * are checked against the installed effects here, before any command is made; the commands check the rest
 * (ranges, slots, routing cycles). Nothing is saved unless every command of the line was accepted.
 */
final class InsertSendCli {

	static final String SEND_USAGE = String.join("\n", //
			"send add SESSION FROM TO [--level DB] [--pre]      FROM: track:NAME|bus:NAME  TO: bus:NAME", //
			"send set SESSION FROM TO level=DB|pre=true|false", //
			"send remove SESSION FROM TO");
	static final String INSERT_USAGE = String.join("\n", //
			"insert add SESSION TARGET EFFECT [param=value...] [file=PATH...] [--preset NAME] [--at INDEX] [--sidechain track:NAME|bus:NAME]", //
			"insert set SESSION TARGET INDEX param=value... | file=PATH... | bypass=true|false", //
			"insert remove SESSION TARGET INDEX", //
			"insert move SESSION TARGET FROM TO");

	private final PrintStream out;
	private final EffectCatalog effects;

	InsertSendCli(PrintStream out, EffectCatalog effects) {
		this.out = out;
		this.effects = effects;
	}

	// --------------------------------------------------------------------------------------------- send

	void send(List<String> words) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("missing send command\n" + SEND_USAGE);
		}
		String verb = words.get(0);
		List<String> rest = words.subList(1, words.size());
		switch (verb) {
		case "add":
			sendAdd(rest);
			break;
		case "set":
			sendSet(rest);
			break;
		case "remove":
			sendRemove(rest);
			break;
		default:
			throw CliException.usage("unknown send command '" + verb + "': use send add, send set or send remove");
		}
	}

	private void sendAdd(List<String> words) throws Exception {
		String usage = "send add SESSION FROM TO [--level DB] [--pre]";
		Args a = Args.parse(words, Set.of("--level"), Set.of("--pre"));
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM (track:NAME or bus:NAME); usage: " + usage);
		String toText = a.required(2, "TO (bus:NAME); usage: " + usage);
		a.expectAtMost(3, usage);
		double level = a.option("--level") == null ? 0.0 : Values.gainDb("--level", a.option("--level"));
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel from = ChannelAddress.resolve(session, fromText);
		Bus to = target(session, from, toText);
		SessionCommands.execute(domain, SessionCommands.addSend(domain, from, to, level, a.flag("--pre")));
		SessionStore.save(session, file);
		out.println("added send " + ChannelAddress.of(from) + " -> " + ChannelAddress.of(to) + " at " + MixTree.gain(level)
				+ (a.flag("--pre") ? " pre-fader" : " post-fader"));
	}

	private void sendSet(List<String> words) throws Exception {
		String usage = "send set SESSION FROM TO level=DB|pre=true|false";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM; usage: " + usage);
		String toText = a.required(2, "TO; usage: " + usage);
		Map<String, String> values = pairs(a.positional().subList(3, a.positional().size()));
		if (values.isEmpty()) {
			throw CliException.usage("nothing to set: give level=DB or pre=true|false");
		}
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel from = ChannelAddress.resolve(session, fromText);
		Send send = send(from, target(session, from, toText));
		String where = "send " + ChannelAddress.of(from) + " -> " + ChannelAddress.of(send.getTarget());
		List<Command> commands = new ArrayList<>();
		for (Map.Entry<String, String> e : values.entrySet()) {
			switch (e.getKey()) {
			case "level":
				commands.add(SessionCommands.setSendLevel(domain, send, Values.gainDb(where + " level", e.getValue())));
				break;
			case "pre":
				commands.add(SessionCommands.setSendPre(domain, send, Values.bool(where + " pre", e.getValue())));
				break;
			default:
				throw new CliException("unknown send key '" + e.getKey() + "': use level or pre");
			}
		}
		for (Command c : commands) {
			SessionCommands.execute(domain, c);
		}
		SessionStore.save(session, file);
		out.println("set " + where + ": " + MixTree.gain(send.getLevelDb()) + (send.isPreFader() ? " pre-fader" : " post-fader"));
	}

	private void sendRemove(List<String> words) throws Exception {
		String usage = "send remove SESSION FROM TO";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM; usage: " + usage);
		String toText = a.required(2, "TO; usage: " + usage);
		a.expectAtMost(3, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel from = ChannelAddress.resolve(session, fromText);
		Send send = send(from, target(session, from, toText));
		String what = ChannelAddress.of(from) + " -> " + ChannelAddress.of(send.getTarget());
		SessionCommands.execute(domain, SessionCommands.removeSend(domain, send));
		SessionStore.save(session, file);
		out.println("removed send " + what);
	}

	/** The bus a send goes to: sends feed buses, never tracks. */
	private static Bus target(Session session, Channel from, String text) throws CliException {
		Channel to = ChannelAddress.resolve(session, text);
		if (!(to instanceof Bus bus)) {
			throw new CliException(ChannelAddress.of(from) + " cannot send to " + ChannelAddress.of(to) + ": a send feeds a bus");
		}
		return bus;
	}

	private static Send send(Channel from, Bus to) throws CliException {
		List<String> targets = new ArrayList<>();
		for (Send s : from.getSends()) {
			if (s.getTarget() == to) {
				return s;
			}
			targets.add(s.getTarget() == null ? "?" : ChannelAddress.of(s.getTarget()));
		}
		throw new CliException(ChannelAddress.of(from) + " does not send to " + ChannelAddress.of(to)
				+ (targets.isEmpty() ? " (it has no sends)" : " (it sends to " + String.join(", ", targets) + ")"));
	}

	// ------------------------------------------------------------------------------------------- insert

	void insert(List<String> words) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("missing insert command\n" + INSERT_USAGE);
		}
		String verb = words.get(0);
		List<String> rest = words.subList(1, words.size());
		switch (verb) {
		case "add":
			insertAdd(rest);
			break;
		case "set":
			insertSet(rest);
			break;
		case "remove":
			insertRemove(rest);
			break;
		case "move":
			insertMove(rest);
			break;
		default:
			throw CliException.usage("unknown insert command '" + verb + "': use insert add, set, remove or move");
		}
	}

	private void insertAdd(List<String> words) throws Exception {
		String usage = "insert add SESSION TARGET EFFECT [param=value...] [--preset NAME] [--at INDEX] [--sidechain track:NAME|bus:NAME]";
		Args a = Args.parse(words, Set.of("--at", "--sidechain", "--preset"), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET (track:NAME, bus:NAME or master); usage: " + usage);
		String effectId = a.required(2, "EFFECT_ID; usage: " + usage);
		Map<String, String> given = pairs(a.positional().subList(3, a.positional().size()));
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel channel = ChannelAddress.resolve(session, targetText);
		EffectFactory factory = effects.require(effectId);
		EffectDescriptor d = factory.descriptor();
		Map<String, String> files = files(factory, given, file);
		Map<String, Double> params = EffectCatalog.parameters(d, given);
		Preset preset = a.option("--preset") == null ? null : EffectCatalog.preset(d, a.option("--preset"));
		if (preset != null) {
			// the preset is the starting point; what is typed beside it wins
			params = EffectCatalog.withPreset(d, preset, params);
		}
		InsertFiles.requireFiles(d, null, params, files);
		int slots = channel.getInserts().size() + 1;
		int at = a.option("--at") == null ? slots : slot(channel, "--at", a.option("--at"), slots);
		Channel sidechain = null;
		if (a.option("--sidechain") != null) {
			String key = a.option("--sidechain");
			try {
				sidechain = ChannelAddress.resolve(session, key);
			} catch (IllegalArgumentException e) {
				throw new CliException("sidechain source: " + e.getMessage());
			}
			if (!d.sidechain()) {
				throw new CliException(d.id() + " takes no sidechain input");
			}
		}
		MixStage before = session.getMixStage();
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, channel, d.id(), params, at - 1, sidechain));
		InsertFiles.apply(domain, channel.getInserts().get(at - 1), files);
		SessionStore.save(session, file);
		out.println("added " + d.name() + " (" + d.id() + ") to " + ChannelAddress.of(channel) + " in slot " + at
				+ (preset == null ? "" : " with preset " + preset.name())
				+ (sidechain == null ? "" : ", keyed by " + ChannelAddress.of(sidechain)));
		if (session.getMixStage() != before) {
			out.println(StageCli.advanced(before, session.getMixStage(), file));
		}
	}

	private void insertSet(List<String> words) throws Exception {
		String usage = "insert set SESSION TARGET INDEX param=value... | bypass=true|false";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String index = a.required(2, "INDEX (the slot, from 1); usage: " + usage);
		Map<String, String> given = pairs(a.positional().subList(3, a.positional().size()));
		if (given.isEmpty()) {
			throw CliException.usage("nothing to set: give param=value or bypass=true|false");
		}
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel channel = ChannelAddress.resolve(session, targetText);
		Insert insert = channel.getInserts().get(slot(channel, "INDEX", index, channel.getInserts().size()) - 1);
		String bypassText = given.remove("bypass");
		List<Command> commands = new ArrayList<>();
		Map<String, String> files = Map.of();
		if (!given.isEmpty()) {
			EffectFactory f = effects.find(insert.getEffectId()).orElseThrow(() -> new CliException("effect '"
					+ insert.getEffectId() + "' on " + ChannelAddress.of(channel) + " is not installed: its parameters cannot be checked"));
			files = files(f, given, file);
			Map<String, Double> params = EffectCatalog.parameters(f.descriptor(), given);
			InsertFiles.requireFiles(f.descriptor(), insert, params, files);
			if (!params.isEmpty()) {
				commands.add(SessionCommands.setInsertParameters(domain, insert, params));
			}
		}
		if (bypassText != null) {
			commands.add(SessionCommands.setInsertBypass(domain, insert,
					Values.bool(ChannelAddress.of(channel) + " insert " + index + " bypass", bypassText)));
		}
		for (Command c : commands) {
			SessionCommands.execute(domain, c);
		}
		InsertFiles.apply(domain, insert, files);
		SessionStore.save(session, file);
		List<String> shown = new ArrayList<>();
		given.forEach((k, v) -> shown.add(k + "=" + v));
		files.forEach((k, v) -> shown.add(k + "=" + v));
		if (bypassText != null) {
			shown.add("bypass=" + insert.isBypass());
		}
		out.println("set " + effects.label(insert) + " in slot " + index.trim() + " of " + ChannelAddress.of(channel) + ": "
				+ String.join(" ", shown));
	}

	private void insertRemove(List<String> words) throws Exception {
		String usage = "insert remove SESSION TARGET INDEX";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String index = a.required(2, "INDEX (the slot, from 1); usage: " + usage);
		a.expectAtMost(3, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel channel = ChannelAddress.resolve(session, targetText);
		int slot = slot(channel, "INDEX", index, channel.getInserts().size());
		Insert insert = channel.getInserts().get(slot - 1);
		String label = effects.label(insert);
		SessionCommands.execute(domain, SessionCommands.removeInsert(domain, insert));
		SessionStore.save(session, file);
		out.println("removed " + label + " from slot " + slot + " of " + ChannelAddress.of(channel));
	}

	private void insertMove(List<String> words) throws Exception {
		String usage = "insert move SESSION TARGET FROM TO";
		Args a = Args.parse(words, Set.of(), Set.of());
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String fromText = a.required(2, "FROM (a slot, from 1); usage: " + usage);
		String toText = a.required(3, "TO (a slot, from 1); usage: " + usage);
		a.expectAtMost(4, usage);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = EditLocks.load(domain, file);
		Channel channel = ChannelAddress.resolve(session, targetText);
		int slots = channel.getInserts().size();
		int from = slot(channel, "FROM", fromText, slots);
		int to = slot(channel, "TO", toText, slots);
		Insert insert = channel.getInserts().get(from - 1);
		SessionCommands.execute(domain, SessionCommands.moveInsert(domain, insert, to - 1));
		SessionStore.save(session, file);
		out.println("moved " + effects.label(insert) + " on " + ChannelAddress.of(channel) + " from slot " + from + " to slot " + to);
	}

	/**
	 * Takes the effect's file words ({@code irfile=PATH}) out of {@code given}, checks each file, and adds the
	 * parameter step a file selects to {@code given} ({@link InsertFiles}).
	 *
	 * @return file id -> path to store, relative to the session file ("" clears)
	 */
	private static Map<String, String> files(EffectFactory f, Map<String, String> given, Path sessionFile)
			throws CliException {
		Map<String, String> stored = InsertFiles.stored(f, InsertFiles.take(f.descriptor(), given), sessionFile);
		InsertFiles.select(f.descriptor(), stored, given);
		return stored;
	}

	/**
	 * A slot number as typed, checked against {@code 1..slots}.
	 *
	 * @throws CliException {@code track:kick has no insert slot 5 (slots 1..2)}
	 */
	static int slot(Channel channel, String what, String text, int slots) throws CliException {
		int n;
		try {
			n = Integer.parseInt(text.trim());
		} catch (NumberFormatException e) {
			throw CliException.usage(what + " '" + text + "' is not a slot number (slots count from 1)");
		}
		if (n < 1 || n > slots) {
			throw new CliException(ChannelAddress.of(channel) + " has no insert slot " + n
					+ (slots == 0 ? " (it has no inserts)" : " (slots 1.." + slots + ")"));
		}
		return n;
	}

	/** {@code key=value} words in order; keys are case-insensitive, each at most once. */
	/** key=value words; the command's own keys (bypass, level, pre) in any case, effect parameter ids as written */
	private static Map<String, String> pairs(List<String> words) throws CliException {
		return Args.keyValues(words, key -> key.equals("bypass") || key.equals("level") || key.equals("pre"));
	}
}
