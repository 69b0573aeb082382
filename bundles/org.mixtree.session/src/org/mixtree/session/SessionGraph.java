package org.mixtree.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.model.Bus;
import org.mixtree.model.FileValue;
import org.mixtree.model.MixStage;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;

/**
 * The binding between the session model and the engine: turns a {@link Session} into the engine's
 * {@link GraphDescription}. The engine never sees EMF; this is the one place that reads the model for it.
 * Channel ids are the channels' XMI ids ({@code Channel#getAddress()}: {@code track/NAME}, {@code bus/NAME},
 * {@code master}); the engine's messages name channels by their labels ({@code track:NAME}), as the command line
 * does. {@link LiveSession} keeps a playing engine in step with the model.
 */
public final class SessionGraph {
	private SessionGraph() {
	}

	/**
	 * Describes the session with the effects of the running OSGi framework ({@link EffectRegistry#osgi()}).
	 *
	 * @see #describe(Session, Path, EffectRegistry)
	 */
	public static GraphDescription describe(Session session, Path sessionFile) {
		return describe(session, sessionFile, EffectRegistry.osgi());
	}

	/**
	 * Turns the session into the engine's graph: channels with their inserts (in slot order, bypassed when their own
	 * flag or the session's mix stage says so ({@link #stageBypasses}), each with the
	 * installed factory of its effect id, or none: the engine then silences that channel and reports it,
	 * and with the address of its sidechain key channel, if any) and their sends.
	 *
	 * @param session     the session
	 * @param sessionFile the file the session was loaded from: track sources and insert files are relative to its
	 *                    folder; a source that is missing or unreadable is marked offline
	 *                    ({@link Source#offline()}, {@link Stems#offlineReason}): the track plays silence
	 * @param effects     where effect ids are looked up
	 * @return the graph the engine compiles; called on the thread that owns the model
	 * @throws IllegalArgumentException naming the channel and slot when an insert's state is not base64
	 */
	public static GraphDescription describe(Session session, Path sessionFile, EffectRegistry effects) {
		Path base = sessionFile.toAbsolutePath().getParent();
		List<Channel> channels = new ArrayList<>();
		Bus master = session.getMaster();
		for (Track track : session.getTracks()) {
			Path file = base.resolve(track.getSource()).normalize();
			String offline = Stems.offlineReason(track, file);
			Source source = new Source(file, track.getClipGainDb(), track.getOffsetFrames(), offline,
					offline == null ? 0 : recordedFrames(track, session.getSampleRate()));
			channels.add(new Channel(track.getAddress(), track.getName(), Kind.TRACK, source, track.getGainDb(),
					track.getPan(), track.isMute(), track.isSolo(), track.isPolarityInverted(),
					outputOf(track.getOutput(), master),
					inserts(track, effects, sessionFile, stageBypasses(session.getMixStage(), false)), sends(track)));
		}
		boolean busesBypassed = stageBypasses(session.getMixStage(), true);
		for (Bus bus : session.getBuses()) {
			channels.add(bus(bus, outputOf(bus.getOutput(), master), effects, sessionFile, busesBypassed));
		}
		channels.add(bus(master, null, effects, sessionFile, busesBypassed));
		// the focus is its own state, not the channels' mutes: the engine silences what it leaves out
		List<String> focus = new ArrayList<>();
		for (Bus bus : session.getFocus()) {
			focus.add(bus.getAddress());
		}
		return new GraphDescription(session.getSampleRate(), panLaw(session.getPanLaw()), channels, focus);
	}

	/** An offline track's recorded length at the session's rate, so the mix keeps its length; 0 when not recorded. */
	private static long recordedFrames(Track track, int sessionRate) {
		if (track.getSourceFrames() <= 0 || track.getSourceRate() <= 0) {
			return 0;
		}
		return Math.round((double) track.getSourceFrames() * sessionRate / track.getSourceRate());
	}

	private static Channel bus(Bus bus, String output, EffectRegistry effects, Path sessionFile, boolean stageBypass) {
		return new Channel(bus.getAddress(), bus.getName(), Kind.BUS, null, bus.getGainDb(), bus.getPan(), bus.isMute(),
				bus.isSolo(), bus.isPolarityInverted(), output, inserts(bus, effects, sessionFile, stageBypass), sends(bus),
				bus.isSoloSafe());
	}

	/**
	 * Whether the mix stage bypasses the inserts of a bus (the master counts as one) or of a track: STATIC bypasses
	 * every insert, BUSES the tracks' inserts, TRACKS none. The stage bypass is given to the engine as the insert's
	 * bypass, so it keeps the insert's latency (the engine's bypass does) and switching stages never shifts the mix
	 * in time; the insert's own bypass flag in the model is left as the user set it.
	 */
	public static boolean stageBypasses(MixStage stage, boolean bus) {
		switch (stage) {
		case STATIC:
			return true;
		case BUSES:
			return !bus;
		case TRACKS:
		default:
			return false;
		}
	}

	/** The insert's files, absolute: stored relative to the session file, as track sources are. */
	private static Map<String, Path> files(org.mixtree.model.Insert insert, Path sessionFile) {
		Map<String, Path> files = new LinkedHashMap<>();
		for (FileValue f : insert.getFiles()) {
			if (f.getId() != null && f.getPath() != null && !f.getPath().isEmpty()) {
				files.put(f.getId(), SessionStore.resolveFile(f, sessionFile));
			}
		}
		return files;
	}

	private static List<Insert> inserts(org.mixtree.model.Channel channel, EffectRegistry effects, Path sessionFile,
			boolean stageBypass) {
		List<Insert> list = new ArrayList<>();
		int slot = 0;
		for (org.mixtree.model.Insert insert : channel.getInserts()) {
			slot++;
			Map<String, Double> values = new LinkedHashMap<>();
			for (ParameterValue v : insert.getParameters()) {
				values.put(v.getId(), v.getValue());
			}
			byte[] state = null;
			String text = insert.getState();
			if (text != null && !text.isBlank()) {
				try {
					state = Base64.getMimeDecoder().decode(text.strip());
				} catch (IllegalArgumentException e) {
					throw new IllegalArgumentException(channel.getAddress() + " slot " + slot + " ("
							+ insert.getEffectId() + "): state is not base64", e);
				}
			}
			String id = insert.getEffectId();
			org.mixtree.model.Channel key = insert.getSidechain();
			list.add(new Insert(id, id == null ? null : effects.find(id).orElse(null), insert.isBypass() || stageBypass, values,
					state, key == null ? null : key.getAddress(), files(insert, sessionFile)));
		}
		return list;
	}

	private static List<Send> sends(org.mixtree.model.Channel channel) {
		List<Send> list = new ArrayList<>();
		for (org.mixtree.model.Send send : channel.getSends()) {
			list.add(new Send(send.getTarget() == null ? null : send.getTarget().getAddress(), send.getLevelDb(),
					send.isPreFader()));
		}
		return list;
	}

	/** No output means the master (DESIGN.md). */
	private static String outputOf(Bus output, Bus master) {
		return (output == null ? master : output).getAddress();
	}

	/** The model's pan law in the engine's terms. */
	public static PanLaw panLaw(org.mixtree.model.PanLaw law) {
		switch (law) {
		case ZERO:
			return PanLaw.ZERO_DB;
		case MINUS_45:
			return PanLaw.MINUS_4_5_DB;
		case MINUS_6:
			return PanLaw.MINUS_6_DB;
		case MINUS_3:
		default:
			return PanLaw.MINUS_3_DB;
		}
	}
}
