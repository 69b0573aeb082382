package org.mixtree.model.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.MoveCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.FileValue;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.validation.Routing;

/**
 * The commands every change to a session goes through, so that undo and redo work the same from
 * the command line, a script or the workbench.
 * <p>
 * Each factory method checks the change first and throws {@link CommandRefusedException} (one
 * line, nothing changed) when the session would not allow it: a value out of range, a name already
 * taken, a routing cycle. The returned command checks again in {@link Command#canExecute()}, so a
 * command kept for later (a menu item, say) disables itself when the session has moved on.
 * Run commands with {@link #execute(EditingDomain, Command)}, which refuses rather than silently
 * ignoring a command that cannot execute.
 */
public final class SessionCommands {

	/** The loudest fader setting accepted, in dB. Above this a gain is a typo, not a mix decision. */
	public static final double MAX_GAIN_DB = 24.0;

	private static final MixtreePackage P = MixtreePackage.eINSTANCE;

	private SessionCommands() {
	}

	/**
	 * Executes a command on the domain's command stack.
	 *
	 * @throws CommandRefusedException when the command cannot execute, with its reason
	 */
	public static void execute(EditingDomain domain, Command command) {
		if (!command.canExecute()) {
			String reason = command instanceof Checked checked ? checked.refusal() : null;
			throw new CommandRefusedException(reason != null ? reason : "cannot " + command.getLabel());
		}
		domain.getCommandStack().execute(command);
	}

	/** Sets a channel's fader gain: finite dB up to {@value #MAX_GAIN_DB}, or -infinity for silence. */
	public static Command setGain(EditingDomain domain, Channel channel, double gainDb) {
		Supplier<String> check = () -> gainProblem(ChannelAddress.of(channel) + " gain", gainDb);
		return set(domain, channel, P.getChannel_GainDb(), gainDb, "Set gain of " + ChannelAddress.of(channel), check);
	}

	/**
	 * The widest clip gain accepted, in dB either way: enough to bring a stem recorded 48 dB too low or too hot to
	 * a working level; beyond it the file is the problem, not its gain.
	 */
	public static final double MAX_CLIP_GAIN_DB = 48.0;

	/** Sets a track's clip gain (applied to its source before polarity and inserts): finite, within +-48 dB. */
	public static Command setClipGain(EditingDomain domain, Track track, double clipGainDb) {
		Supplier<String> check = () -> Double.isFinite(clipGainDb) && Math.abs(clipGainDb) <= MAX_CLIP_GAIN_DB ? null
				: ChannelAddress.of(track) + " clipgain " + clipGainDb + " dB is outside [-" + (int) MAX_CLIP_GAIN_DB
						+ ", +" + (int) MAX_CLIP_GAIN_DB + "] dB";
		return set(domain, track, P.getTrack_ClipGainDb(), clipGainDb, "Set clip gain of " + ChannelAddress.of(track),
				check);
	}

	/**
	 * Sets the clip gain of several tracks as one command (one step to undo), e.g. the gain staging of a whole
	 * session: every value is checked before any is set.
	 *
	 * @param clipGains the new clip gain in dB of each track, in the order they are set
	 */
	public static Command setClipGains(EditingDomain domain, Map<Track, Double> clipGains, String label) {
		CompoundCommand compound = new CompoundCommand(label);
		for (Map.Entry<Track, Double> e : clipGains.entrySet()) {
			compound.append(setClipGain(domain, e.getKey(), e.getValue()));
		}
		return compound;
	}

	/** Sets a channel's pan in [-1, 1]. */
	public static Command setPan(EditingDomain domain, Channel channel, double pan) {
		Supplier<String> check = () -> pan >= -1.0 && pan <= 1.0 ? null
				: ChannelAddress.of(channel) + " pan " + pan + " is outside [-1, 1]" + (Double.isFinite(pan)
						? " (L100 to R100; " + (pan < 0 ? "L" : "R") + Math.round(Math.abs(pan) * 100) + " was asked)" : "");
		return set(domain, channel, P.getChannel_Pan(), pan, "Set pan of " + ChannelAddress.of(channel), check);
	}

	/** Mutes or unmutes a channel. */
	public static Command setMute(EditingDomain domain, Channel channel, boolean mute) {
		return set(domain, channel, P.getChannel_Mute(), mute, (mute ? "Mute " : "Unmute ") + ChannelAddress.of(channel), () -> null);
	}

	/** Solos or unsolos a channel. */
	public static Command setSolo(EditingDomain domain, Channel channel, boolean solo) {
		return set(domain, channel, P.getChannel_Solo(), solo, (solo ? "Solo " : "Unsolo ") + ChannelAddress.of(channel), () -> null);
	}

	/** Inverts a channel's polarity, or puts it back. */
	public static Command setPolarityInverted(EditingDomain domain, Channel channel, boolean inverted) {
		return set(domain, channel, P.getChannel_PolarityInverted(), inverted,
				"Set polarity of " + ChannelAddress.of(channel), () -> null);
	}

	/**
	 * Routes a channel to a bus; {@code null} or the master routes it to the master (stored as no
	 * output, the file's way of saying master).
	 *
	 * @throws CommandRefusedException for the master itself, a bus outside the session, or a route
	 *                                 that would close a cycle (named, e.g.
	 *                                 {@code refused: routing cycle bus:Drums -> bus:Guitars -> bus:Drums})
	 */
	public static Command setOutput(EditingDomain domain, Channel channel, Bus output) {
		Session session = sessionOf(channel);
		Supplier<String> check = () -> outputProblem(session, channel, output);
		Bus stored = session != null && output == session.getMaster() ? null : output;
		String label = "Route " + ChannelAddress.of(channel) + " to " + (stored == null ? "master" : ChannelAddress.of(stored));
		return set(domain, channel, P.getChannel_Output(), stored, label, check);
	}

	/**
	 * Renames a channel. Names are unique per kind (tracks among tracks, buses among buses and the
	 * master) because the command line finds channels by name.
	 */
	public static Command rename(EditingDomain domain, Channel channel, String name) {
		Session session = sessionOf(channel);
		Supplier<String> check = () -> nameProblem(session, channel, name);
		return set(domain, channel, P.getChannel_Name(), name, "Rename " + ChannelAddress.of(channel), check);
	}

	/**
	 * Adds a bus feeding {@code output} ({@code null} or the master: the master). The command's
	 * result is the new bus.
	 */
	public static Command addBus(EditingDomain domain, Session session, String name, Bus output) {
		Bus bus = MixtreeFactory.eINSTANCE.createBus();
		bus.setName(name);
		bus.setOutput(output == session.getMaster() ? null : output);
		Supplier<String> check = () -> {
			String problem = nameProblem(session, bus, name);
			if (problem == null && output != null && output != session.getMaster() && output.eContainer() != session) {
				problem = "bus:" + name + " cannot output to " + ChannelAddress.of(output) + ": it is not in the session";
			}
			return problem;
		};
		Command add = AddCommand.create(domain, session, P.getSession_Buses(), bus);
		return guard(new ResultCommand(add, bus), "Add bus " + name, check);
	}

	/**
	 * The sends that feed {@code bus}, in console order of their channels: what {@link #removeBus} removes with
	 * it, so that a caller can name them before it does.
	 */
	public static List<Send> sendsInto(Bus bus) {
		List<Send> sends = new ArrayList<>();
		Session session = sessionOf(bus);
		if (session == null) {
			return sends;
		}
		for (Channel channel : Routing.channels(session)) {
			for (Send send : channel.getSends()) {
				if (send.getTarget() == bus && channel != bus) {
					sends.add(send);
				}
			}
		}
		return sends;
	}

	/**
	 * The inserts keyed by {@code channel} (their sidechain): what {@link #removeBus} leaves listening to their
	 * own input again.
	 */
	public static List<Insert> keyedBy(Channel channel) {
		List<Insert> keyed = new ArrayList<>();
		Session session = sessionOf(channel);
		if (session == null) {
			return keyed;
		}
		for (Channel c : Routing.channels(session)) {
			for (Insert insert : c.getInserts()) {
				if (insert.getSidechain() == channel) {
					keyed.add(insert);
				}
			}
		}
		return keyed;
	}

	/**
	 * Removes a bus: the channels it received now feed its output (the master for a top-level bus), the sends
	 * that fed it are removed ({@link #sendsInto}), inserts it keyed listen to their own input again, and its
	 * own inserts and sends go with it. One undoable step.
	 */
	public static Command removeBus(EditingDomain domain, Bus bus) {
		Session session = sessionOf(bus);
		Supplier<String> check = () -> {
			if (session == null || bus.eContainer() != session) {
				return ChannelAddress.of(bus) + " is not in a session";
			}
			if (bus == session.getMaster()) {
				return "the master bus cannot be removed";
			}
			return null;
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		CompoundCommand compound = new CompoundCommand("Remove " + ChannelAddress.of(bus));
		Bus newOutput = bus.getOutput();
		for (Channel channel : Routing.channels(session)) {
			if (channel == bus) {
				continue;
			}
			if (channel.getOutput() == bus) {
				compound.append(SetCommand.create(domain, channel, P.getChannel_Output(), newOutput));
			}
		}
		// the sends that fed it go with it: sent on to its output they would add a second, dry copy of their
		// channel to the mix (a vocal's reverb send would become more vocal); the caller names them (sendsInto)
		for (Send send : sendsInto(bus)) {
			compound.append(RemoveCommand.create(domain, send.eContainer(), P.getChannel_Sends(), send));
		}
		for (Insert insert : keyedBy(bus)) {
			// the key signal is gone; the insert listens to its own input again
			compound.append(SetCommand.create(domain, insert, P.getInsert_Sidechain(), null));
		}
		if (session.getFocus().contains(bus)) {
			// out of the focus with it, so the session keeps no reference to a bus it no longer holds
			compound.append(RemoveCommand.create(domain, session, P.getSession_Focus(), bus));
		}
		compound.append(RemoveCommand.create(domain, session, P.getSession_Buses(), bus));
		return guard(compound, compound.getLabel(), check);
	}

	/**
	 * Adds a send from a channel to a bus. The command's result is the new send.
	 *
	 * @throws CommandRefusedException when the send would close a routing cycle (named) or its level
	 *                                 is out of range
	 */
	public static Command addSend(EditingDomain domain, Channel channel, Bus target, double levelDb, boolean preFader) {
		Session session = sessionOf(channel);
		Send send = MixtreeFactory.eINSTANCE.createSend();
		send.setTarget(target);
		send.setLevelDb(levelDb);
		send.setPreFader(preFader);
		Supplier<String> check = () -> {
			String problem = gainProblem(ChannelAddress.of(channel) + " send level", levelDb);
			problem = problem != null ? problem : sendProblem(channel, null, target);
			return problem != null ? problem : targetProblem(session, channel, target);
		};
		Command add = AddCommand.create(domain, channel, P.getChannel_Sends(), send);
		return guard(new ResultCommand(add, send), "Add send from " + ChannelAddress.of(channel) + " to " + ChannelAddress.of(target), check);
	}

	/** Points an existing send at another bus, refusing a cycle as {@link #addSend} does. */
	public static Command setSendTarget(EditingDomain domain, Send send, Bus target) {
		Channel channel = (Channel) send.eContainer();
		Session session = sessionOf(channel);
		Supplier<String> check = () -> {
			String problem = sendProblem(channel, send, target);
			return problem != null ? problem : targetProblem(session, channel, target);
		};
		return set(domain, send, P.getSend_Target(), target, "Set send target of " + ChannelAddress.of(channel), check);
	}

	/** Removes a send. */
	public static Command removeSend(EditingDomain domain, Send send) {
		Channel channel = send.eContainer() instanceof Channel c ? c : null;
		Supplier<String> check = () -> channel == null || send.eContainer() != channel ? "the send is not on a channel" : null;
		String label = "Remove send from " + (channel == null ? "?" : ChannelAddress.of(channel)) + " to "
				+ (send.getTarget() == null ? "?" : ChannelAddress.of(send.getTarget()));
		Command remove = channel == null ? org.eclipse.emf.common.command.UnexecutableCommand.INSTANCE
				: RemoveCommand.create(domain, channel, P.getChannel_Sends(), send);
		return guard(remove, label, check);
	}

	/** Takes a send before the fader (it keeps feeding its bus when the fader comes down) or after it. */
	public static Command setSendPre(EditingDomain domain, Send send, boolean preFader) {
		return set(domain, send, P.getSend_PreFader(), preFader, preFader ? "Send pre fader" : "Send post fader", () -> null);
	}

	// ---- console order, focus and solo-safe

	/**
	 * The top-level buses (those feeding the master) in console order: the order of the session's buses. What
	 * focus steps through.
	 */
	public static List<Bus> topLevelBuses(Session session) {
		List<Bus> top = new ArrayList<>();
		for (Bus b : session.getBuses()) {
			if (b.getOutput() == null || b.getOutput() == session.getMaster()) {
				top.add(b);
			}
		}
		return top;
	}

	/**
	 * The buses that feed the same bus as {@code bus} (itself included), in console order: what
	 * {@link #moveBus} orders among.
	 */
	public static List<Bus> siblings(Bus bus) {
		Session session = sessionOf(bus);
		List<Bus> siblings = new ArrayList<>();
		if (session == null) {
			return siblings;
		}
		Bus out = bus.getOutput() == session.getMaster() ? null : bus.getOutput();
		for (Bus b : session.getBuses()) {
			Bus o = b.getOutput() == session.getMaster() ? null : b.getOutput();
			if (o == out) {
				siblings.add(b);
			}
		}
		return siblings;
	}

	/**
	 * Moves a bus to place {@code index} (0 first) among its siblings (the buses feeding the same bus) in console
	 * order; the buses elsewhere in the tree keep their places. One undoable step.
	 */
	public static Command moveBus(EditingDomain domain, Bus bus, int index) {
		Session session = sessionOf(bus);
		Supplier<String> check = () -> {
			if (session == null || bus.eContainer() != session) {
				return ChannelAddress.of(bus) + " is not a bus of the session (the master has no place to move to)";
			}
			int n = siblings(bus).size();
			if (index < 0 || index >= n) {
				return ChannelAddress.of(bus) + " has no place " + (index + 1) + " among the buses feeding "
						+ (bus.getOutput() == null ? "master" : ChannelAddress.of(bus.getOutput())) + " (1.." + n + ")";
			}
			return null;
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		int to = session.getBuses().indexOf(siblings(bus).get(index));
		Command move = MoveCommand.create(domain, session, P.getSession_Buses(), bus, to);
		return guard(move, "Move " + ChannelAddress.of(bus) + " to place " + (index + 1), check);
	}

	/**
	 * Moves a track to place {@code index} (0 first) of the session's track list: the console order of the tracks,
	 * in the flat view and inside each bus (which shows its tracks in that list's order). A strip dropped on another
	 * takes that one's index: the tracks between move over by one. One undoable step (an EMF.Edit move).
	 */
	public static Command moveTrack(EditingDomain domain, Track track, int index) {
		Session session = sessionOf(track);
		Supplier<String> check = () -> {
			if (session == null || track.eContainer() != session) {
				return ChannelAddress.of(track) + " is not a track of a session";
			}
			int n = session.getTracks().size();
			if (index < 0 || index >= n) {
				return ChannelAddress.of(track) + " has no place " + (index + 1) + " among the session's tracks (1.." + n + ")";
			}
			return null;
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		Command move = MoveCommand.create(domain, session, P.getSession_Tracks(), track, index);
		return guard(move, "Move " + ChannelAddress.of(track) + " to place " + (index + 1), check);
	}

	/** Marks a bus that neither solo nor focus silences (an effect return, say), or takes the mark off. */
	public static Command setSoloSafe(EditingDomain domain, Bus bus, boolean safe) {
		Session session = sessionOf(bus);
		Supplier<String> check = () -> session != null && bus == session.getMaster()
				? "master cannot be solo-safe: solo and focus never silence the master" : null;
		return set(domain, bus, P.getBus_SoloSafe(), safe, (safe ? "Mark " : "Unmark ") + ChannelAddress.of(bus) + " solo-safe", check);
	}

	/**
	 * Focuses on one top-level bus alone: the other top-level buses (and tracks feeding the master directly) are
	 * silent, as if not soloed, while the buses its sends feed and the solo-safe buses stay heard. The users'
	 * mutes are not touched.
	 *
	 * @throws CommandRefusedException for the master or a nested bus, naming it ({@code bus:Acoustics is inside
	 *                                 bus:Guitars: focus takes a top-level bus})
	 */
	public static Command focusOn(EditingDomain domain, Session session, Bus bus) {
		String refusal = null;
		if (bus == session.getMaster()) {
			refusal = "master is the whole mix: focus takes a top-level bus (focus all ends the focus)";
		} else if (bus.eContainer() != session) {
			refusal = ChannelAddress.of(bus) + " is not in the session";
		} else if (!topLevelBuses(session).contains(bus)) {
			refusal = ChannelAddress.of(bus) + " is inside " + ChannelAddress.of(bus.getOutput()) + ": focus takes a top-level bus";
		}
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		return setFocus(domain, session, List.of(bus), "Focus on " + ChannelAddress.of(bus));
	}

	/**
	 * Brings in the next top-level bus in console order, after the last one in focus, keeping those in focus; with no
	 * focus, focuses on the first top-level bus.
	 *
	 * @throws CommandRefusedException when the last top-level bus is already in focus, or there is none
	 */
	public static Command focusNext(EditingDomain domain, Session session) {
		List<Bus> top = topLevelBuses(session);
		if (top.isEmpty()) {
			throw new CommandRefusedException("the session has no top-level bus to focus on");
		}
		List<Bus> focus = focusInOrder(session);
		int last = focus.isEmpty() ? -1 : top.indexOf(focus.get(focus.size() - 1));
		if (last == top.size() - 1) {
			throw new CommandRefusedException("every top-level bus up to the last, " + ChannelAddress.of(top.get(last))
					+ ", is already in focus (focus all ends the focus)");
		}
		Bus next = top.get(last + 1);
		List<Bus> list = new ArrayList<>(focus);
		list.add(next);
		return setFocus(domain, session, list, "Bring in " + ChannelAddress.of(next));
	}

	/**
	 * Takes the last bus (in console order) out of the focus again.
	 *
	 * @throws CommandRefusedException without a focus, or when one bus is left (focus all ends the focus)
	 */
	public static Command focusPrevious(EditingDomain domain, Session session) {
		List<Bus> focus = focusInOrder(session);
		if (focus.isEmpty()) {
			throw new CommandRefusedException("no focus to step back from (focus bus:NAME or focus next starts one)");
		}
		if (focus.size() == 1) {
			throw new CommandRefusedException(ChannelAddress.of(focus.get(0))
					+ " is the only bus in focus: focus all ends the focus");
		}
		Bus out = focus.get(focus.size() - 1);
		return setFocus(domain, session, focus.subList(0, focus.size() - 1), "Take out " + ChannelAddress.of(out));
	}

	/** Ends the focus: every bus is heard again, as the channels' own mutes and solos allow. */
	public static Command focusAll(EditingDomain domain, Session session) {
		return setFocus(domain, session, List.of(), "End focus");
	}

	/** The buses in focus that are top-level buses, in console order (a bus nested since it was focused is left out). */
	public static List<Bus> focusInOrder(Session session) {
		List<Bus> focus = new ArrayList<>();
		for (Bus b : topLevelBuses(session)) {
			if (session.getFocus().contains(b)) {
				focus.add(b);
			}
		}
		return focus;
	}

	private static Command setFocus(EditingDomain domain, Session session, List<Bus> buses, String label) {
		Supplier<String> check = () -> {
			for (Bus b : buses) {
				if (b.eContainer() != session) {
					return ChannelAddress.of(b) + " is not in the session";
				}
			}
			return null;
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		// the whole list replaced in one step (EMF's Set/Add commands refuse, for a unique list, an element that is
		// there already, which every step of the build-up keeps)
		Command command = new ListCommand(session.getFocus(), buses, label);
		return guard(command, label, check);
	}

	// ---- inserts

	/**
	 * Adds an insert at {@code index} (0 processes first; -1 appends). The model stays
	 * effect-agnostic: the caller checks the effect id and the values against the installed effect,
	 * here only that they are values at all. Parameters are stored in the map's order; parameters
	 * not given are the effect's defaults. The command's result is the new insert. When the session's
	 * stage bypasses the channel's level ({@link #stageFor}), the same undoable step moves the stage on to
	 * it, so an insert added is an insert heard.
	 *
	 * @param sidechain the channel keying the insert, or {@code null}; refused when it would close a
	 *                  routing cycle (it is an input of {@code channel})
	 */
	public static Command addInsert(EditingDomain domain, Channel channel, String effectId, Map<String, Double> params,
			int index, Channel sidechain) {
		Session session = sessionOf(channel);
		Insert insert = MixtreeFactory.eINSTANCE.createInsert();
		insert.setEffectId(effectId);
		insert.setSidechain(sidechain);
		for (Map.Entry<String, Double> e : params.entrySet()) {
			ParameterValue value = MixtreeFactory.eINSTANCE.createParameterValue();
			value.setId(e.getKey());
			value.setValue(e.getValue() == null ? Double.NaN : e.getValue());
			insert.getParameters().add(value);
		}
		int at = index == -1 ? channel.getInserts().size() : index;
		Supplier<String> check = () -> {
			if (session == null) {
				return ChannelAddress.of(channel) + " is not in a session";
			}
			if (effectId == null || effectId.isBlank()) {
				return "an insert needs an effect id";
			}
			if (at < 0 || at > channel.getInserts().size()) {
				return slotProblem(channel, at, channel.getInserts().size() + 1);
			}
			String problem = parametersProblem(channel, effectId, params);
			return problem != null ? problem : sidechainProblem(session, channel, sidechain);
		};
		String label = "Add insert " + effectId + " to " + ChannelAddress.of(channel);
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		Command add = AddCommand.create(domain, channel, P.getChannel_Inserts(), insert, at);
		MixStage needed = stageFor(channel);
		if (session.getMixStage().getValue() < needed.getValue()) {
			// the insert would not be heard: the stage moves on to its level, in the same undoable step
			CompoundCommand both = new CompoundCommand(label);
			both.append(add);
			both.append(SetCommand.create(domain, session, P.getSession_MixStage(), needed));
			add = both;
		}
		return guard(new ResultCommand(add, insert), label, check);
	}

	/**
	 * The first mix stage in which a channel's inserts play: {@link MixStage#BUSES} for a bus (the master is one),
	 * {@link MixStage#TRACKS} for a track. {@link #addInsert} moves a session that is behind it on to it.
	 */
	public static MixStage stageFor(Channel channel) {
		return channel instanceof Track ? MixStage.TRACKS : MixStage.BUSES;
	}

	/**
	 * Sets the session's mix stage: which inserts play (STATIC none, BUSES those of buses and the master, TRACKS
	 * all). The stage bypasses inserts without touching their own bypass flags.
	 */
	public static Command setStage(EditingDomain domain, Session session, MixStage stage) {
		Supplier<String> check = () -> stage == null ? "a mix stage is STATIC, BUSES or TRACKS" : null;
		return set(domain, session, P.getSession_MixStage(), stage, "Set stage " + stage, check);
	}

	/** The lowest headroom target accepted, in dBFS. */
	public static final double MIN_HEADROOM_DB = -60.0;

	/** Sets the master's headroom target in dBFS, in [{@value #MIN_HEADROOM_DB}, 0]. */
	public static Command setHeadroom(EditingDomain domain, Session session, double headroomDb) {
		Supplier<String> check = () -> headroomDb >= MIN_HEADROOM_DB && headroomDb <= 0.0 ? null
				: "master headroom " + headroomDb + " dBFS is outside [" + (int) MIN_HEADROOM_DB + ", 0] dBFS";
		return set(domain, session, P.getSession_HeadroomDb(), headroomDb, "Set headroom target", check);
	}

	/** {@link #addInsert(EditingDomain, Channel, String, Map, int, Channel)} without a sidechain. */
	public static Command addInsert(EditingDomain domain, Channel channel, String effectId, Map<String, Double> params,
			int index) {
		return addInsert(domain, channel, effectId, params, index, null);
	}

	/**
	 * Sets parameter values of an insert in one undoable step: a stored value is changed, a value
	 * not yet stored (the effect's default until now) is added.
	 */
	public static Command setInsertParameters(EditingDomain domain, Insert insert, Map<String, Double> params) {
		Channel channel = channelOf(insert);
		Supplier<String> check = () -> {
			if (channel == null) {
				return "the insert is not on a channel";
			}
			if (params.isEmpty()) {
				return "no parameter to set on " + insert.getEffectId();
			}
			return parametersProblem(channel, insert.getEffectId(), params);
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		CompoundCommand compound = new CompoundCommand("Set " + insert.getEffectId() + " on " + ChannelAddress.of(channel));
		for (Map.Entry<String, Double> e : params.entrySet()) {
			ParameterValue stored = null;
			for (ParameterValue p : insert.getParameters()) {
				if (e.getKey().equals(p.getId())) {
					stored = p;
					break;
				}
			}
			if (stored != null) {
				compound.append(SetCommand.create(domain, stored, P.getParameterValue_Value(), e.getValue()));
			} else {
				ParameterValue value = MixtreeFactory.eINSTANCE.createParameterValue();
				value.setId(e.getKey());
				value.setValue(e.getValue());
				compound.append(AddCommand.create(domain, insert, P.getInsert_Parameters(), value));
			}
		}
		return guard(compound, compound.getLabel(), check);
	}

	/**
	 * Sets the file {@code id} an insert reads (an impulse response) in one undoable step, or clears it with a null
	 * or empty {@code path}. The path is stored as given: callers store it relative to the session file
	 * ({@link org.mixtree.model.persistence.SessionStore#relativeSource}). As for parameters, the model stays
	 * effect-agnostic: the caller checks the id and that the file can be read.
	 */
	public static Command setInsertFile(EditingDomain domain, Insert insert, String id, String path) {
		Channel channel = channelOf(insert);
		boolean clear = path == null || path.isEmpty();
		FileValue stored = null;
		for (FileValue f : insert.getFiles()) {
			if (f.getId() != null && f.getId().equals(id)) {
				stored = f;
				break;
			}
		}
		FileValue found = stored;
		Supplier<String> check = () -> {
			if (channel == null) {
				return "the insert is not on a channel";
			}
			if (id == null || id.isBlank()) {
				return "a file of " + insert.getEffectId() + " needs an id";
			}
			if (found != null && found.eContainer() != insert) {
				return id + " of " + insert.getEffectId() + " on " + ChannelAddress.of(channel) + " has changed";
			}
			return null;
		};
		String label = (clear ? "Clear " : "Set ") + id + " of " + insert.getEffectId()
				+ (channel == null ? "" : " on " + ChannelAddress.of(channel));
		Command command;
		if (stored == null && clear) {
			command = org.eclipse.emf.common.command.IdentityCommand.INSTANCE; // nothing stored, nothing to clear
		} else if (clear) {
			command = RemoveCommand.create(domain, insert, P.getInsert_Files(), stored);
		} else if (stored != null) {
			command = SetCommand.create(domain, stored, P.getFileValue_Path(), path);
		} else {
			FileValue value = MixtreeFactory.eINSTANCE.createFileValue();
			value.setId(id);
			value.setPath(path);
			command = AddCommand.create(domain, insert, P.getInsert_Files(), value);
		}
		return guard(command, label, check);
	}

	/** Bypasses an insert (the engine keeps its latency, so bypass does not shift the channel in time) or brings it back. */
	public static Command setInsertBypass(EditingDomain domain, Insert insert, boolean bypass) {
		Channel channel = channelOf(insert);
		Supplier<String> check = () -> channel == null ? "the insert is not on a channel" : null;
		return set(domain, insert, P.getInsert_Bypass(), bypass, (bypass ? "Bypass " : "Enable ") + insert.getEffectId(), check);
	}

	/** Keys an insert from another channel, or from its own input ({@code null}); cycles are refused. */
	public static Command setInsertSidechain(EditingDomain domain, Insert insert, Channel sidechain) {
		Channel channel = channelOf(insert);
		Session session = channel == null ? null : sessionOf(channel);
		Supplier<String> check = () -> channel == null ? "the insert is not on a channel"
				: sidechainProblem(session, channel, sidechain);
		return set(domain, insert, P.getInsert_Sidechain(), sidechain, "Set sidechain of " + insert.getEffectId(), check);
	}

	/** Removes an insert from its channel. */
	public static Command removeInsert(EditingDomain domain, Insert insert) {
		Channel channel = channelOf(insert);
		Supplier<String> check = () -> channel == null || insert.eContainer() != channel ? "the insert is not on a channel" : null;
		Command remove = channel == null ? org.eclipse.emf.common.command.UnexecutableCommand.INSTANCE
				: RemoveCommand.create(domain, channel, P.getChannel_Inserts(), insert);
		return guard(remove, "Remove " + insert.getEffectId() + (channel == null ? "" : " from " + ChannelAddress.of(channel)), check);
	}

	/** Moves an insert to slot {@code index} (0 processes first) of its channel. */
	public static Command moveInsert(EditingDomain domain, Insert insert, int index) {
		Channel channel = channelOf(insert);
		Supplier<String> check = () -> {
			if (channel == null) {
				return "the insert is not on a channel";
			}
			return index < 0 || index >= channel.getInserts().size() ? slotProblem(channel, index, channel.getInserts().size()) : null;
		};
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		Command move = MoveCommand.create(domain, channel, P.getChannel_Inserts(), insert, index);
		return guard(move, "Move " + insert.getEffectId() + " on " + ChannelAddress.of(channel), check);
	}

	/** Sets a send's level in dB (same range as a fader). */
	public static Command setSendLevel(EditingDomain domain, Send send, double levelDb) {
		Supplier<String> check = () -> gainProblem("send level", levelDb);
		return set(domain, send, P.getSend_LevelDb(), levelDb, "Set send level", check);
	}

	/** Adds a track (already named and pointing at its source) to a session; its output must be in the session. */
	public static Command addTrack(EditingDomain domain, Session session, Track track) {
		Supplier<String> check = () -> {
			String problem = nameProblem(session, track, track.getName());
			if (problem == null && track.getOutput() != null && track.getOutput().eContainer() != session) {
				problem = "track:" + track.getName() + " cannot output to " + ChannelAddress.of(track.getOutput())
						+ ": it is not in the session";
			}
			return problem;
		};
		Command add = AddCommand.create(domain, session, P.getSession_Tracks(), track);
		return guard(new ResultCommand(add, track), "Add track " + track.getName(), check);
	}

	// ---- checks: each returns null when fine, else the one-line reason

	static String gainProblem(String what, double db) {
		if (Double.isNaN(db) || db > MAX_GAIN_DB) {
			return what + " " + db + " dB is outside [-inf, +" + (int) MAX_GAIN_DB + "] dB";
		}
		return null;
	}

	static String nameProblem(Session session, Channel channel, String name) {
		if (name == null || name.isBlank()) {
			return "a channel name cannot be empty";
		}
		if (!name.equals(name.strip())) {
			return "channel name '" + name + "' starts or ends with a space";
		}
		if (session == null) {
			return null;
		}
		if (channel instanceof Track) {
			for (Track t : session.getTracks()) {
				if (t != channel && name.equals(t.getName())) {
					return "a track named '" + name + "' already exists";
				}
			}
		} else {
			for (Bus b : session.getBuses()) {
				if (b != channel && name.equals(b.getName())) {
					return "a bus named '" + name + "' already exists";
				}
			}
			Bus master = session.getMaster();
			if (master != null && master != channel && name.equals(master.getName())) {
				return "'" + name + "' is the master's name";
			}
		}
		return null;
	}

	static String outputProblem(Session session, Channel channel, Bus output) {
		if (session == null) {
			return ChannelAddress.of(channel) + " is not in a session";
		}
		if (channel == session.getMaster()) {
			return output == null ? null : "the master feeds nothing: it cannot output to " + ChannelAddress.of(output);
		}
		if (output == null || output == session.getMaster()) {
			return null;
		}
		if (output.eContainer() != session) {
			return ChannelAddress.of(channel) + " cannot output to " + ChannelAddress.of(output) + ": it is not in the session";
		}
		List<Channel> cycle = Routing.cycleThrough(session, channel, output);
		return cycle.isEmpty() ? null : "routing cycle " + Routing.describe(cycle);
	}

	static String targetProblem(Session session, Channel channel, Bus target) {
		if (session == null) {
			return ChannelAddress.of(channel) + " is not in a session";
		}
		if (target == null) {
			return "a send needs a target bus";
		}
		if (target != session.getMaster() && target.eContainer() != session) {
			return ChannelAddress.of(channel) + " cannot send to " + ChannelAddress.of(target) + ": it is not in the session";
		}
		List<Channel> cycle = Routing.cycleThrough(session, channel, target);
		return cycle.isEmpty() ? null : "routing cycle " + Routing.describe(cycle);
	}

	/** A send to itself, or a second send to the same bus (which only doubles the first: raise its level). */
	static String sendProblem(Channel channel, Send send, Bus target) {
		if (target == null) {
			return null;
		}
		if (target == channel) {
			return ChannelAddress.of(channel) + " cannot send to itself";
		}
		for (Send other : channel.getSends()) {
			if (other != send && other.getTarget() == target) {
				return ChannelAddress.of(channel) + " already sends to " + ChannelAddress.of(target);
			}
		}
		return null;
	}

	static String parametersProblem(Channel channel, String effectId, Map<String, Double> params) {
		for (Map.Entry<String, Double> e : params.entrySet()) {
			if (e.getKey() == null || e.getKey().isBlank()) {
				return effectId + " on " + ChannelAddress.of(channel) + ": a parameter id cannot be empty";
			}
			Double v = e.getValue();
			if (v == null || v.isNaN() || v.isInfinite()) {
				return effectId + " on " + ChannelAddress.of(channel) + ": parameter " + e.getKey() + " " + v + " is not a value";
			}
		}
		return null;
	}

	static String sidechainProblem(Session session, Channel channel, Channel sidechain) {
		if (sidechain == null) {
			return null;
		}
		if (session == null) {
			return ChannelAddress.of(channel) + " is not in a session";
		}
		if (sidechain == channel) {
			return ChannelAddress.of(channel) + " cannot key its own insert: leave the sidechain empty to listen to its input";
		}
		if (sidechain.eContainer() != session) {
			return ChannelAddress.of(channel) + " cannot take a sidechain from " + ChannelAddress.of(sidechain)
					+ ": it is not in the session";
		}
		List<Channel> cycle = Routing.cycleThrough(session, sidechain, channel);
		return cycle.isEmpty() ? null : "routing cycle " + Routing.describe(cycle) + " (through the sidechain)";
	}

	/** {@code track:kick has no insert slot 5 (slots 1..2)}: slots as the strip shows them, from 1. */
	static String slotProblem(Channel channel, int index, int slots) {
		return ChannelAddress.of(channel) + " has no insert slot " + (index + 1)
				+ (slots == 0 ? " (it has no inserts)" : " (slots 1.." + slots + ")");
	}

	private static Channel channelOf(Insert insert) {
		return insert.eContainer() instanceof Channel channel ? channel : null;
	}

	private static Session sessionOf(Channel channel) {
		return Sessions.sessionOf(channel);
	}

	private static Command set(EditingDomain domain, org.eclipse.emf.ecore.EObject owner, EStructuralFeature feature,
			Object value, String label, Supplier<String> check) {
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		return guard(SetCommand.create(domain, owner, feature, value), label, check);
	}

	private static Command guard(Command command, String label, Supplier<String> check) {
		String refusal = check.get();
		if (refusal != null) {
			throw new CommandRefusedException(refusal);
		}
		return new Checked(command, label, check);
	}

	/** A command that re-checks its precondition whenever asked whether it can execute. */
	static final class Checked extends CommandWrapper {
		private final Supplier<String> check;

		Checked(Command command, String label, Supplier<String> check) {
			super(label, label, command);
			this.check = check;
		}

		/** Why the command cannot execute now, or {@code null}. */
		String refusal() {
			return check.get();
		}

		@Override
		public boolean canExecute() {
			// the wrapped command's own answer is cached by CommandWrapper; the check is live
			return check.get() == null && super.canExecute();
		}
	}

	/** Replaces the contents of a list feature with another list; undo puts the old contents back. */
	static final class ListCommand extends org.eclipse.emf.common.command.AbstractCommand {
		private final org.eclipse.emf.common.util.EList<Bus> list;
		private final List<Bus> next;
		private List<Bus> previous;

		ListCommand(org.eclipse.emf.common.util.EList<Bus> list, List<Bus> next, String label) {
			super(label);
			this.list = list;
			this.next = List.copyOf(next);
		}

		@Override
		protected boolean prepare() {
			return true;
		}

		@Override
		public void execute() {
			previous = new ArrayList<>(list);
			org.eclipse.emf.common.util.ECollections.setEList(list, next);
		}

		@Override
		public void undo() {
			org.eclipse.emf.common.util.ECollections.setEList(list, previous);
		}

		@Override
		public void redo() {
			execute();
		}

		@Override
		public Collection<?> getAffectedObjects() {
			return next;
		}
	}

	/** Reports the object a command creates as its result (EMF's AddCommand reports the collection). */
	static final class ResultCommand extends CommandWrapper {
		private final Object result;

		ResultCommand(Command command, Object result) {
			super(command);
			this.result = result;
		}

		@Override
		public Collection<?> getResult() {
			List<Object> list = new ArrayList<>(1);
			list.add(result);
			return list;
		}

		@Override
		public Collection<?> getAffectedObjects() {
			return getResult();
		}
	}
}
