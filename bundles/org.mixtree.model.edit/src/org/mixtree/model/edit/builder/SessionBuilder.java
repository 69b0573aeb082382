package org.mixtree.model.edit.builder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;

/**
 * Builds a session's tracks and bus tree from a list of stems, as {@code mixtree new} does.
 * <p>
 * One track per stem, named after the file without its extension, its source the stem's path
 * (relative to the session file, {@code /} separated). In {@link GroupingMode#AUTO} every track
 * feeds the bus {@link AutoGrouping} picks; only buses that receive something are created, in the
 * order Drums, Percussion, Bass, Guitars (with Acoustics and Electrics inside), Keys, Vocals, Other;
 * top-level buses feed the master. Tracks are ordered the same way, left to right, keeping the
 * stems' order within a bus. In {@link GroupingMode#FLAT} every track feeds the master directly.
 * Two stems with the same base name get distinct track names ("kick", "kick 2").
 */
public final class SessionBuilder {

	private SessionBuilder() {
	}

	/** One stem's place in the session: its track name, its source, and its bus path (empty: master). */
	public record Assignment(String stem, String trackName, String source, List<String> busPath) {
	}

	/** Where each stem goes, in track order, without touching any session. */
	public static List<Assignment> plan(List<String> stems, GroupingMode mode) {
		List<Assignment> unordered = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (String stem : stems) {
			String base = AutoGrouping.baseName(stem);
			String name = base;
			for (int n = 2; !names.add(name); n++) {
				name = base + " " + n;
			}
			List<String> path = mode == GroupingMode.FLAT ? List.of() : AutoGrouping.busPath(stem);
			unordered.add(new Assignment(stem, name, stem.replace('\\', '/'), path));
		}
		if (mode == GroupingMode.FLAT) {
			return unordered;
		}
		List<Assignment> ordered = new ArrayList<>(unordered.size());
		for (List<String> path : AutoGrouping.BUS_ORDER) {
			for (Assignment a : unordered) {
				if (a.busPath().equals(path)) {
					ordered.add(a);
				}
			}
		}
		return ordered;
	}

	/**
	 * The bus paths a plan needs, parents first, in {@link AutoGrouping#BUS_ORDER}: a parent
	 * (Guitars) exists whenever a bus inside it does.
	 */
	public static List<List<String>> busesNeeded(List<Assignment> plan) {
		Set<List<String>> used = new HashSet<>();
		for (Assignment a : plan) {
			for (int i = 1; i <= a.busPath().size(); i++) {
				used.add(a.busPath().subList(0, i));
			}
		}
		List<List<String>> needed = new ArrayList<>();
		for (List<String> path : AutoGrouping.BUS_ORDER) {
			if (used.contains(path)) {
				needed.add(path);
			}
		}
		return needed;
	}

	/**
	 * A command that fills an empty session (only its master) with the tracks and buses for the
	 * stems: one undoable step.
	 *
	 * @throws CommandRefusedException when the session already has tracks or buses, has no master,
	 *                                 or there are no stems
	 */
	public static Command populate(EditingDomain domain, Session session, List<String> stems, GroupingMode mode) {
		if (session.getMaster() == null) {
			throw new CommandRefusedException("the session has no master bus");
		}
		if (!session.getTracks().isEmpty() || !session.getBuses().isEmpty()) {
			throw new CommandRefusedException("the session already has tracks or buses: stems are only laid out in an empty session");
		}
		if (stems.isEmpty()) {
			throw new CommandRefusedException("no stems to build a session from");
		}
		List<Assignment> plan = plan(stems, mode);
		Map<List<String>, Bus> buses = new LinkedHashMap<>();
		for (List<String> path : busesNeeded(plan)) {
			Bus bus = MixtreeFactory.eINSTANCE.createBus();
			bus.setName(path.get(path.size() - 1));
			bus.setOutput(path.size() == 1 ? null : buses.get(path.subList(0, path.size() - 1)));
			buses.put(path, bus);
		}
		List<Track> tracks = new ArrayList<>();
		for (Assignment a : plan) {
			Track track = MixtreeFactory.eINSTANCE.createTrack();
			track.setName(a.trackName());
			track.setSource(a.source());
			track.setOutput(a.busPath().isEmpty() ? null : buses.get(a.busPath()));
			tracks.add(track);
		}
		CompoundCommand compound = new CompoundCommand("Lay out " + stems.size() + " stems (" + mode + ")");
		if (!buses.isEmpty()) {
			compound.append(AddCommand.create(domain, session, MixtreePackage.Literals.SESSION__BUSES, buses.values()));
		}
		compound.append(AddCommand.create(domain, session, MixtreePackage.Literals.SESSION__TRACKS, tracks));
		return compound;
	}
}
