package org.mixtree.model.edit.builder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.persistence.SessionStore;

/**
 * Where stems will go before anything is written: the bus tree and the tracks the grouping rules propose
 * ({@link SessionBuilder#plan}, the code {@code mixtree new --group auto} runs), which a person then changes (moves a
 * stem to another bus, renames or adds a bus) and finally turns into one command: the tracks and buses of a new
 * session ({@link #forNewSession}), or stems added to an open session's buses ({@link #forImport}).
 * <p>
 * Plain objects, no EMF until {@link #command}: a preview can be edited and thrown away without touching a session.
 * Not thread safe: one thread (the UI's) at a time.
 */
public final class StemLayout {

	/** A bus of the layout: one the session has already ({@link #existing}), or one the layout will add. */
	public static final class BusDraft {
		private String name;
		private final BusDraft parent;
		private final Bus existing;

		BusDraft(String name, BusDraft parent, Bus existing) {
			this.name = name;
			this.parent = parent;
			this.existing = existing;
		}

		public String name() {
			return name;
		}

		/** The bus it feeds; null: the master. */
		public BusDraft parent() {
			return parent;
		}

		/** The session's bus this stands for, or null for a bus the layout adds. */
		public Bus existing() {
			return existing;
		}

		@Override
		public String toString() {
			return name;
		}
	}

	/** A stem and the track it becomes: its name, the bus it feeds, its pan (-1/1 for a left/right pair). */
	public static final class TrackDraft {
		private final Path stem;
		private final String name;
		private final double pan;
		private BusDraft bus;

		TrackDraft(Path stem, String name, double pan, BusDraft bus) {
			this.stem = stem;
			this.name = name;
			this.pan = pan;
			this.bus = bus;
		}

		public Path stem() {
			return stem;
		}

		public String name() {
			return name;
		}

		public double pan() {
			return pan;
		}

		/** The bus it feeds; null: the master. */
		public BusDraft bus() {
			return bus;
		}

		@Override
		public String toString() {
			return name;
		}
	}

	private final List<BusDraft> buses = new ArrayList<>();
	private final List<TrackDraft> tracks = new ArrayList<>();
	/** Names no new bus may take: the session's buses and the master (compared in lower case). */
	private final Set<String> takenBusNames = new HashSet<>();

	private StemLayout() {
		takenBusNames.add(Sessions.MASTER_NAME.toLowerCase(Locale.ROOT));
	}

	/**
	 * The layout {@code mixtree new --group auto} makes of these stems: one track per stem in the rules' order, the
	 * buses that receive something, left/right pairs of mono stems panned hard.
	 *
	 * @param stems    the stem files
	 * @param channels each stem's channel count (0: unknown, never one side of a pair)
	 */
	public static StemLayout forNewSession(List<Path> stems, List<Integer> channels, GroupingRules rules) {
		StemLayout layout = new StemLayout();
		List<SessionBuilder.Assignment> plan = plan(stems, channels, rules);
		Map<List<String>, BusDraft> byPath = new HashMap<>();
		for (List<String> path : SessionBuilder.busesNeeded(plan)) {
			BusDraft bus = new BusDraft(path.get(path.size() - 1), byPath.get(path.subList(0, path.size() - 1)), null);
			byPath.put(path, bus);
			layout.buses.add(bus);
		}
		for (SessionBuilder.Assignment a : plan) {
			layout.tracks.add(new TrackDraft(Path.of(a.stem()), a.trackName(), a.pan(), byPath.get(a.busPath())));
		}
		return layout;
	}

	/**
	 * Stems to add to an open session: each goes to the session's bus the rules choose (the deepest bus of the
	 * rules' path that the session has, by name: a guitar goes to Acoustics when there is one, else to Guitars), or
	 * to {@code Other} (added when the session has no such bus). Track names are made unique among the session's.
	 */
	public static StemLayout forImport(Session session, List<Path> stems, List<Integer> channels, GroupingRules rules) {
		StemLayout layout = new StemLayout();
		Map<Bus, BusDraft> drafts = new LinkedHashMap<>();
		for (Bus bus : consoleOrder(session)) {
			drafts.put(bus, new BusDraft(bus.getName(), bus.getOutput() == null ? null : drafts.get(bus.getOutput()), bus));
			layout.takenBusNames.add(bus.getName().toLowerCase(Locale.ROOT));
		}
		layout.buses.addAll(drafts.values());
		Set<String> trackNames = new HashSet<>();
		for (Track t : session.getTracks()) {
			trackNames.add(t.getName().toLowerCase(Locale.ROOT));
		}
		List<SessionBuilder.Assignment> plan = plan(stems, channels, rules);
		BusDraft[] other = new BusDraft[1];
		for (int i = 0; i < plan.size(); i++) {
			SessionBuilder.Assignment a = plan.get(i);
			BusDraft target = null;
			for (int depth = a.busPath().size(); depth > 0 && target == null; depth--) {
				target = layout.busNamed(a.busPath().get(depth - 1));
			}
			if (target == null) {
				target = layout.busNamed(AutoGrouping.OTHER);
			}
			if (target == null) {
				if (other[0] == null) {
					other[0] = new BusDraft(AutoGrouping.OTHER, null, null);
					layout.buses.add(other[0]);
				}
				target = other[0];
			}
			String name = a.trackName();
			for (int n = 2; !trackNames.add(name.toLowerCase(Locale.ROOT)); n++) {
				name = a.trackName() + " " + n;
			}
			layout.tracks.add(new TrackDraft(Path.of(a.stem()), name, a.pan(), target));
		}
		return layout;
	}

	private static List<SessionBuilder.Assignment> plan(List<Path> stems, List<Integer> channels, GroupingRules rules) {
		if (stems.size() != channels.size()) {
			throw new IllegalArgumentException(stems.size() + " stems but " + channels.size() + " channel counts");
		}
		List<SessionBuilder.Stem> list = new ArrayList<>();
		for (int i = 0; i < stems.size(); i++) {
			list.add(new SessionBuilder.Stem(stems.get(i).toString(), channels.get(i)));
		}
		return SessionBuilder.plan(list, GroupingMode.AUTO, rules);
	}

	/** The session's buses in console order: each top-level bus followed by the buses inside it. */
	private static List<Bus> consoleOrder(Session session) {
		List<Bus> order = new ArrayList<>();
		addChildren(session, null, order);
		return order;
	}

	private static void addChildren(Session session, Bus parent, List<Bus> order) {
		for (Bus b : session.getBuses()) {
			if (b.getOutput() == parent) {
				order.add(b);
				addChildren(session, b, order);
			}
		}
	}

	// ------------------------------------------------------------------------------------------ reading

	/** Every bus, a parent before the buses inside it, in console order. */
	public List<BusDraft> buses() {
		return Collections.unmodifiableList(buses);
	}

	/** The buses fed by {@code parent} (null: the top-level buses), in order. */
	public List<BusDraft> children(BusDraft parent) {
		List<BusDraft> list = new ArrayList<>();
		for (BusDraft b : buses) {
			if (b.parent == parent) {
				list.add(b);
			}
		}
		return list;
	}

	/** Every track, in the order they will have. */
	public List<TrackDraft> tracks() {
		return Collections.unmodifiableList(tracks);
	}

	/** The tracks feeding {@code bus} (null: the master), in order. */
	public List<TrackDraft> tracksOf(BusDraft bus) {
		List<TrackDraft> list = new ArrayList<>();
		for (TrackDraft t : tracks) {
			if (t.bus == bus) {
				list.add(t);
			}
		}
		return list;
	}

	/** The bus called {@code name} (any case), or null. */
	public BusDraft busNamed(String name) {
		for (BusDraft b : buses) {
			if (b.name.equalsIgnoreCase(name)) {
				return b;
			}
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------ changing

	/** Sends a stem to another bus (null: straight to the master). */
	public void move(TrackDraft track, BusDraft bus) {
		if (bus != null && !buses.contains(bus)) {
			throw new IllegalArgumentException("bus " + bus.name + " is not in this layout");
		}
		track.bus = bus;
	}

	/**
	 * Renames a bus the layout adds (the session's own buses are renamed in the console, not here).
	 *
	 * @throws IllegalArgumentException with the one-line reason when the name is empty, taken or the bus exists
	 */
	public void rename(BusDraft bus, String name) {
		if (bus.existing != null) {
			throw new IllegalArgumentException("bus " + bus.name + " is already in the session: rename it in the console");
		}
		String problem = nameProblem(name, bus);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		bus.name = name.strip();
	}

	/**
	 * Adds an empty bus feeding {@code parent} (null: the master), after the buses already there, named
	 * {@code Bus N} with the first N free.
	 */
	public BusDraft addBus(BusDraft parent) {
		String name = "Bus 1";
		for (int n = 2; nameProblem(name, null) != null; n++) {
			name = "Bus " + n;
		}
		BusDraft bus = new BusDraft(name, parent, null);
		int at = buses.size();
		if (parent != null) {
			at = buses.indexOf(parent) + 1;
			while (at < buses.size() && isWithin(buses.get(at), parent)) {
				at++;
			}
		}
		buses.add(at, bus);
		return bus;
	}

	private static boolean isWithin(BusDraft bus, BusDraft ancestor) {
		for (BusDraft b = bus.parent; b != null; b = b.parent) {
			if (b == ancestor) {
				return true;
			}
		}
		return false;
	}

	/** Why {@code name} cannot name {@code bus} (null: a new bus), or null when it can. */
	public String nameProblem(String name, BusDraft bus) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			return "a bus needs a name";
		}
		if (n.equalsIgnoreCase(Sessions.MASTER_NAME)) {
			return "'" + n + "' is the master's name";
		}
		BusDraft same = busNamed(n);
		if (same != null && same != bus) {
			return "a bus named " + same.name + " is already there; every bus has its own name";
		}
		if (same == null && takenBusNames.contains(n.toLowerCase(Locale.ROOT))) {
			return "a bus named " + n + " is already in the session";
		}
		return null;
	}

	// ------------------------------------------------------------------------------------------ the command

	/**
	 * One command that adds the layout to {@code session}: the buses it adds (empty ones too: the preview showed
	 * them) and a track per stem, its source relative to {@code sessionFile}. Undone as one step.
	 *
	 * @throws CommandRefusedException when the session has no master, or a track or bus name is taken in it
	 */
	public Command command(EditingDomain domain, Session session, Path sessionFile) {
		if (session.getMaster() == null) {
			throw new CommandRefusedException("the session has no master bus");
		}
		if (tracks.isEmpty()) {
			throw new CommandRefusedException("no stems to add");
		}
		Set<String> names = new HashSet<>();
		for (Track t : session.getTracks()) {
			names.add(t.getName().toLowerCase(Locale.ROOT));
		}
		Map<BusDraft, Bus> made = new LinkedHashMap<>();
		for (BusDraft draft : buses) {
			if (draft.existing != null) {
				made.put(draft, draft.existing);
				continue;
			}
			for (Bus b : session.getBuses()) {
				if (b.getName().equalsIgnoreCase(draft.name)) {
					throw new CommandRefusedException("a bus named " + b.getName() + " is already in the session");
				}
			}
			Bus bus = MixtreeFactory.eINSTANCE.createBus();
			bus.setName(draft.name);
			bus.setOutput(draft.parent == null ? null : made.get(draft.parent));
			made.put(draft, bus);
		}
		List<Track> newTracks = new ArrayList<>();
		for (TrackDraft draft : tracks) {
			if (!names.add(draft.name.toLowerCase(Locale.ROOT))) {
				throw new CommandRefusedException("a track named " + draft.name + " is already in the session");
			}
			Track track = MixtreeFactory.eINSTANCE.createTrack();
			track.setName(draft.name);
			track.setSource(SessionStore.relativeSource(draft.stem, sessionFile));
			track.setOutput(draft.bus == null ? null : made.get(draft.bus));
			track.setPan(draft.pan);
			newTracks.add(track);
		}
		List<Bus> newBuses = new ArrayList<>();
		for (Map.Entry<BusDraft, Bus> e : made.entrySet()) {
			if (e.getKey().existing == null) {
				newBuses.add(e.getValue());
			}
		}
		CompoundCommand compound = new CompoundCommand(
				(session.getTracks().isEmpty() ? "Lay out " : "Import ") + newTracks.size() + (newTracks.size() == 1 ? " stem" : " stems"));
		if (!newBuses.isEmpty()) {
			compound.append(AddCommand.create(domain, session, MixtreePackage.Literals.SESSION__BUSES, newBuses));
		}
		compound.append(AddCommand.create(domain, session, MixtreePackage.Literals.SESSION__TRACKS, newTracks));
		return compound;
	}
}
