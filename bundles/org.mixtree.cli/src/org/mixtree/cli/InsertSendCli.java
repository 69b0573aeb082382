package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;

/**
 * {@code send} and {@code insert}: sends are found by their two ends (a channel sends at most once to a bus),
 * inserts by slot as the strip shows them, from 1 (slot 1 processes first). Effect ids and parameter values
 * are checked against the installed effects here, before any command is made; the commands check the rest
 * (ranges, slots, routing cycles). Nothing is saved unless every command of the line was accepted.
 */
final class InsertSendCli {

	private final PrintStream out;
	/** notes a person should read (a parameter set on a part that is switched off) */
	private final PrintStream err;
	private final EffectCatalog effects;
	private final SessionEdit.Source edits;

	InsertSendCli(PrintStream out, PrintStream err, EffectCatalog effects) {
		this(out, err, effects, SessionEdit.ALONE);
	}

	/** @param edits where the commands get the session they change: on their own, or a batch's */
	InsertSendCli(PrintStream out, PrintStream err, EffectCatalog effects, SessionEdit.Source edits) {
		this.out = out;
		this.err = err;
		this.effects = effects;
		this.edits = edits;
	}

	// --------------------------------------------------------------------------------------------- send

	void sendAdd(Args a) throws Exception {
		String usage = "send add SESSION FROM TO [--level DB] [--pre]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM (track:NAME or bus:NAME); usage: " + usage);
		String toText = a.required(2, "TO (bus:NAME); usage: " + usage);
		a.expectAtMost(3, usage);
		double level = a.option("--level") == null ? 0.0 : Values.gainDb("--level", a.option("--level"));
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel from = ChannelAddress.resolve(session, fromText);
		Bus to = target(session, from, toText);
		SessionCommands.execute(domain, SessionCommands.addSend(domain, from, to, level, a.flag("--pre")));
		edit.save();
		out.println("added send " + ChannelAddress.of(from) + " -> " + ChannelAddress.of(to) + " at " + MixTree.gain(level)
				+ (a.flag("--pre") ? " pre-fader" : " post-fader"));
	}

	void sendSet(Args a) throws Exception {
		String usage = "send set SESSION FROM TO level=DB|pre=true|false";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM; usage: " + usage);
		String toText = a.required(2, "TO; usage: " + usage);
		Map<String, String> values = pairs(a.positional().subList(3, a.positional().size()));
		if (values.isEmpty()) {
			throw CliException.usage("nothing to set: give level=DB or pre=true|false");
		}
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
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
		edit.save();
		out.println("set " + where + ": " + MixTree.gain(send.getLevelDb()) + (send.isPreFader() ? " pre-fader" : " post-fader"));
	}

	void sendRemove(Args a) throws Exception {
		String usage = "send remove SESSION FROM TO";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String fromText = a.required(1, "FROM; usage: " + usage);
		String toText = a.required(2, "TO; usage: " + usage);
		a.expectAtMost(3, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel from = ChannelAddress.resolve(session, fromText);
		Send send = send(from, target(session, from, toText));
		String what = ChannelAddress.of(from) + " -> " + ChannelAddress.of(send.getTarget());
		SessionCommands.execute(domain, SessionCommands.removeSend(domain, send));
		edit.save();
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

	void insertAdd(Args a) throws Exception {
		String usage = "insert add SESSION TARGET EFFECT [param=value...] [--preset NAME] [--at INDEX] [--sidechain track:NAME|bus:NAME]";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET (track:NAME, bus:NAME or master); usage: " + usage);
		String effectId = a.required(2, "EFFECT_ID; usage: " + usage);
		Map<String, String> given = pairs(a.positional().subList(3, a.positional().size()));
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel channel = ChannelAddress.resolve(session, targetText);
		EffectFactory factory = effects.require(effectId);
		EffectDescriptor d = factory.descriptor();
		Map<String, String> files = files(factory, given, file);
		Map<String, Double> params = EffectCatalog.parameters(d, given);
		List<String> typed = new ArrayList<>(params.keySet());
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
		edit.save();
		out.println("added " + d.name() + " (" + d.id() + ") to " + ChannelAddress.of(channel) + " in slot " + at
				+ (preset == null ? "" : " with preset " + preset.name())
				+ (sidechain == null ? "" : ", keyed by " + ChannelAddress.of(sidechain)));
		if (session.getMixStage() != before) {
			out.println(StageCli.advanced(before, session.getMixStage(), file));
		}
		Map<String, Double> chosen = params;
		for (String note : EffectCatalog.switchedOff(d, id -> chosen.containsKey(id) ? chosen.get(id) : d.parameter(id).defaultValue(),
				typed)) {
			err.println("mixtree: note: " + note);
		}
	}

	void insertSet(Args a) throws Exception {
		String usage = "insert set SESSION TARGET INDEX param=value... | bypass=true|false";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String index = a.required(2, "INDEX (the slot, from 1); usage: " + usage);
		Map<String, String> given = pairs(a.positional().subList(3, a.positional().size()));
		if (given.isEmpty()) {
			throw CliException.usage("nothing to set: give param=value or bypass=true|false");
		}
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel channel = ChannelAddress.resolve(session, targetText);
		Insert insert = channel.getInserts().get(slot(channel, "INDEX", index, channel.getInserts().size()) - 1);
		String bypassText = given.remove("bypass");
		List<Command> commands = new ArrayList<>();
		Map<String, String> files = Map.of();
		List<String> typed = new ArrayList<>();
		if (!given.isEmpty()) {
			EffectFactory f = effects.find(insert.getEffectId()).orElseThrow(() -> new CliException("effect '"
					+ insert.getEffectId() + "' on " + ChannelAddress.of(channel) + " is not installed: its parameters cannot be checked"));
			files = files(f, given, file);
			Map<String, Double> params = EffectCatalog.parameters(f.descriptor(), given);
			InsertFiles.requireFiles(f.descriptor(), insert, params, files);
			typed.addAll(params.keySet());
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
		edit.save();
		List<String> shown = new ArrayList<>();
		given.forEach((k, v) -> shown.add(k + "=" + v));
		files.forEach((k, v) -> shown.add(k + "=" + v));
		if (bypassText != null) {
			shown.add("bypass=" + insert.isBypass());
		}
		out.println("set " + effects.label(insert) + " in slot " + index.trim() + " of " + ChannelAddress.of(channel) + ": "
				+ String.join(" ", shown));
		effects.find(insert.getEffectId()).ifPresent(f -> {
			EffectDescriptor d = f.descriptor();
			for (String note : EffectCatalog.switchedOff(d, id -> insert.getParameters().stream().filter(v -> v.getId().equals(id))
					.mapToDouble(ParameterValue::getValue).findFirst().orElse(d.parameter(id).defaultValue()), typed)) {
				err.println("mixtree: note: " + note);
			}
		});
	}

	void insertRemove(Args a) throws Exception {
		String usage = "insert remove SESSION TARGET INDEX";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String index = a.required(2, "INDEX (the slot, from 1); usage: " + usage);
		a.expectAtMost(3, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel channel = ChannelAddress.resolve(session, targetText);
		int slot = slot(channel, "INDEX", index, channel.getInserts().size());
		Insert insert = channel.getInserts().get(slot - 1);
		String label = effects.label(insert);
		SessionCommands.execute(domain, SessionCommands.removeInsert(domain, insert));
		edit.save();
		out.println("removed " + label + " from slot " + slot + " of " + ChannelAddress.of(channel));
	}

	void insertMove(Args a) throws Exception {
		String usage = "insert move SESSION TARGET FROM TO";
		Path file = Path.of(a.required(0, "SESSION; usage: " + usage));
		String targetText = a.required(1, "TARGET; usage: " + usage);
		String fromText = a.required(2, "FROM (a slot, from 1); usage: " + usage);
		String toText = a.required(3, "TO (a slot, from 1); usage: " + usage);
		a.expectAtMost(4, usage);
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		Channel channel = ChannelAddress.resolve(session, targetText);
		int slots = channel.getInserts().size();
		int from = slot(channel, "FROM", fromText, slots);
		int to = slot(channel, "TO", toText, slots);
		Insert insert = channel.getInserts().get(from - 1);
		SessionCommands.execute(domain, SessionCommands.moveInsert(domain, insert, to - 1));
		edit.save();
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
