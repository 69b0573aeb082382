package org.mixtree.cli;

import java.nio.file.Path;
import java.util.Map;

import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.Scale;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.session.MixFacts;
import org.mixtree.session.SessionGraph;
import org.mixtree.session.Stems;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Plugins;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * {@code info --json}: {@code {"sampleRate": 48000, "channels": [{"kind", "name", "output", "gainDb", "pan",
 * "mute", "solo", "polarity", "inserts", "sends", "source", "clipGainDb"}]}} with tracks first, then buses, then the master.
 * <p>
 * An insert, in slot order: {@code {"effect": ID, "bypass": bool, "params": {ID: value}, "latency": samples}},
 * plus {@code "files": {ID: path}} (relative to the session file) when its effect reads files, plus {@code "sidechain": ADDRESS} when it is keyed by another channel and {@code "missing": true} when its
 * effect is not installed. {@code params} is what the insert runs with: every parameter of the installed
 * effect, the stored value or else the effect's default (a session stores only the values set explicitly);
 * for a missing effect, the stored values. {@code latency} is what the effect reports when prepared at the
 * session's rate for the channel (stereo for buses, the source's channels for tracks); 0 when missing.
 * A send: {@code {"to": "bus:NAME", "levelDb": dB, "pre": bool}}.
 * <p>
 * The session's {@code "stage"} ({@code STATIC}, {@code BUSES}, {@code TRACKS}) and {@code "headroomDb"}; for the
 * master and every bus {@code "plugins": {"own": N, "subtree": M}} ({@link Plugins}: sends do not make a channel part
 * of a subtree) and {@code "latency"}: how far its output lags the timeline in frames, the delay compensation its
 * subtree adds as the engine computes it ({@link PathLatency}); null when the session cannot be compiled.
 * Every channel has {@code "audible": bool} and {@code "silentBecause"}: null when it is heard in the master, else
 * the first cause, as the engine decides it ({@link Plan#silentBecause}); a bus has {@code "soloSafe": bool}. The
 * session has {@code "focus": ["bus:Drums", ...]} (the buses in focus in console order; empty: no focus).
 * A track has {@code "offline": bool} (its stem is missing or unreadable and plays silence), {@code "offlineReason"}
 * (null, or the line naming the file) and {@code "changed"} (null, or how the stem differs from the length, rate and
 * channels the session recorded), as {@link Stems#check} finds them.
 */
final class SessionJson {
	private SessionJson() {
	}

	static String of(Session session) {
		return of(session, null, EffectCatalog.osgi());
	}

	static String of(Session session, Path file, EffectCatalog effects) {
		Json j = new Json().beginObject();
		j.name("name").value(session.getName());
		j.name("sampleRate").value(session.getSampleRate());
		j.name("panLaw").value(session.getPanLaw().getLiteral());
		j.name("stage").value(session.getMixStage().getLiteral());
		j.name("headroomDb").value(session.getHeadroomDb());
		j.name("focus").beginArray();
		for (Bus b : SessionCommands.focusInOrder(session)) {
			j.value(ChannelAddress.of(b));
		}
		j.endArray();
		// one compiled plan answers both who is heard and each path's latency
		Plan plan = plan(session, file, effects);
		Map<String, Integer> latencies = file == null || plan == null ? Map.of() : MixFacts.latencies(plan);
		j.name("channels").beginArray();
		for (Track t : session.getTracks()) {
			channel(j, session, t, "track", file, effects, latencies, plan);
		}
		for (Bus b : session.getBuses()) {
			channel(j, session, b, "bus", file, effects, latencies, plan);
		}
		if (session.getMaster() != null) {
			channel(j, session, session.getMaster(), "master", file, effects, latencies, plan);
		}
		j.endArray();
		return j.endObject().toString();
	}

	/**
	 * {@code "files": {"irfile": "halls/church.wav"}} as stored (relative to the session file), when the effect
	 * reads files or the insert stores some.
	 */
	private static void files(Json j, Insert insert, EffectCatalog effects) {
		boolean reads = effects.find(insert.getEffectId()).map(f -> !f.descriptor().files().isEmpty()).orElse(false);
		if (!reads && insert.getFiles().isEmpty()) {
			return;
		}
		j.name("files").beginObject();
		for (org.mixtree.model.FileValue f : insert.getFiles()) {
			j.name(f.getId()).value(f.getPath());
		}
		j.endObject();
	}

	/**
	 * The session compiled as render would play it, for who is heard; null when it does not compile (a routing
	 * problem, which {@code info} names as a problem): then {@code audible} and {@code silentBecause} are null.
	 */
	static Plan plan(Session session, Path file, EffectCatalog effects) {
		try {
			GraphDescription graph = SessionGraph.describe(session, file == null ? Path.of("session.mixtree") : file,
					effects.registry());
			return Engine.compile(graph);
		} catch (GraphException | RuntimeException e) {
			return null;
		}
	}

	private static void channel(Json j, Session session, Channel c, String kind, Path file, EffectCatalog effects,
			Map<String, Integer> latencies, Plan plan) {
		j.beginObject();
		j.name("kind").value(kind);
		j.name("name").value(c.getName());
		String output;
		if (c == session.getMaster()) {
			output = null;
		} else {
			output = c.getOutput() == null || c.getOutput() == session.getMaster() ? ChannelAddress.MASTER
					: ChannelAddress.of(c.getOutput());
		}
		j.name("output").value(output);
		j.name("gainDb").value(c.getGainDb());
		j.name("pan").value(c.getPan());
		j.name("mute").value(c.isMute());
		j.name("solo").value(c.isSolo());
		j.name("polarity").value(c.isPolarityInverted());
		if (c instanceof Bus b && c != session.getMaster()) {
			j.name("soloSafe").value(b.isSoloSafe());
		}
		String id = c.getAddress();
		if (plan != null) {
			String why = plan.silentBecause(id);
			j.name("audible").value(why == null);
			j.name("silentBecause").value(why);
		} else {
			j.name("audible").value((String) null);
			j.name("silentBecause").value((String) null);
		}
		j.name("inserts").beginArray();
		for (Insert insert : c.getInserts()) {
			j.beginObject();
			j.name("effect").value(insert.getEffectId());
			j.name("bypass").value(insert.isBypass());
			j.name("params").beginObject();
			EffectDescriptor d = effects.find(insert.getEffectId()).map(EffectFactory::descriptor).orElse(null);
			for (Map.Entry<String, Double> p : effects.effectiveParameters(insert).entrySet()) {
				j.name(p.getKey());
				int i = d == null ? -1 : d.indexOf(p.getKey());
				if (i >= 0 && d.parameters().get(i).scale() == Scale.ENUM) {
					// a choice as the effect names it ("peak"), as insert add/set read it back
					j.value(d.parameters().get(i).format(p.getValue()));
				} else {
					j.value(p.getValue());
				}
			}
			j.endObject();
			files(j, insert, effects);
			j.name("latency").value(effects.latency(insert, c, session.getSampleRate(), file));
			if (insert.getSidechain() != null) {
				j.name("sidechain").value(ChannelAddress.of(insert.getSidechain()));
			}
			if (effects.find(insert.getEffectId()).isEmpty()) {
				j.name("missing").value(true);
			}
			j.endObject();
		}
		j.endArray();
		j.name("sends").beginArray();
		for (Send send : c.getSends()) {
			j.beginObject();
			j.name("to").value(send.getTarget() == null ? null : ChannelAddress.of(send.getTarget()));
			j.name("levelDb").value(send.getLevelDb());
			j.name("pre").value(send.isPreFader());
			j.endObject();
		}
		j.endArray();
		if (c instanceof Track t) {
			j.name("source").value(t.getSource());
			j.name("clipGainDb").value(t.getClipGainDb());
			if (file != null) {
				Stems.Status stem = Stems.check(t, file);
				j.name("offline").value(stem.state() == Stems.State.OFFLINE);
				j.name("offlineReason").value(stem.state() == Stems.State.OFFLINE ? stem.reason() : null);
				j.name("changed").value(stem.state() == Stems.State.CHANGED ? stem.reason() : null);
			}
		}
		if (c instanceof Bus b) {
			j.name("plugins").beginObject();
			j.name("own").value(Plugins.own(b));
			j.name("subtree").value(Plugins.subtree(b));
			j.endObject();
			Integer latency = latencies.get(b.getAddress());
			if (latency == null) {
				j.name("latency").value((String) null);
			} else {
				j.name("latency").value(latency.longValue());
			}
		}
		j.endObject();
	}
}
