package org.mixtree.model.edit.builder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * feeds the bus the {@link GroupingRules} pick; only buses that receive something are created, in
 * the rules' order (shipped: Drums, Percussion, Bass, Guitars with Acoustics and Electrics inside,
 * Keys, Strings, Horns, Vocals, FX, Other); top-level buses feed the master. Tracks are ordered the
 * same way, left to right, keeping the stems' order within a bus. In {@link GroupingMode#FLAT}
 * every track feeds the master directly. Two stems with the same base name get distinct track
 * names ("kick", "kick 2").
 * <p>
 * Two mono stems whose names differ only by a side marker ({@link #sides}) are a left/right pair
 * recorded as such (two overhead microphones, a double-tracked guitar): they are panned hard left
 * and hard right. A lone side, a stereo stem or a stem whose channel count is unknown stays centred.
 */
public final class SessionBuilder {

	/**
	 * Side markers: a separate L, R, Left, Right, Lt or Rt ("OH L", "Gtr_R", "Piano-Left"); a capital L
	 * or R (or Left/Right) right after a lower-case letter ("OverheadL", "RmR", "PianoRight"); a capital
	 * L or R ending a capital run ("OHL"). A leading track number ("07_") is not part of the name.
	 */
	private static final Pattern SEPARATE_SIDE = Pattern
			.compile("(?i)(?<=^|[\\s_.\\-])(left|right|lt|rt|l|r)(?=$|[\\s_.\\-])");
	private static final Pattern CAMEL_SIDE = Pattern.compile("(?<=\\p{Ll})(Left|Right|L|R)(?=$|\\P{Ll})");
	private static final Pattern CAPS_SIDE = Pattern.compile("(?<=\\p{Lu})([LR])(?=$|\\P{L})");
	private static final Pattern TRACK_NUMBER = Pattern.compile("^\\d+[\\s_.\\-]*(?=\\S)");

	private SessionBuilder() {
	}

	/**
	 * A stem: its path (relative to the session file) and its channel count, 0 when not known (then it is
	 * never taken for one side of a pair).
	 */
	public record Stem(String path, int channels) {
	}

	/**
	 * One stem's place in the session: its track name, its source, its bus path (empty: master) and its
	 * pan (-1 and 1 for the two sides of a pair, else 0).
	 */
	public record Assignment(String stem, String trackName, String source, List<String> busPath, double pan) {
	}

	/** Where each stem goes by the shipped rules, channel counts unknown (no pairs panned). */
	public static List<Assignment> plan(List<String> stems, GroupingMode mode) {
		return plan(unknownChannels(stems), mode, GroupingRules.defaults());
	}

	/** Where each stem goes, in track order, without touching any session. */
	public static List<Assignment> plan(List<Stem> stems, GroupingMode mode, GroupingRules rules) {
		double[] pans = pans(stems);
		List<Assignment> unordered = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < stems.size(); i++) {
			String stem = stems.get(i).path();
			String base = AutoGrouping.baseName(stem);
			String name = base;
			for (int n = 2; !names.add(name); n++) {
				name = base + " " + n;
			}
			List<String> path = mode == GroupingMode.FLAT ? List.of() : rules.busPath(stem);
			unordered.add(new Assignment(stem, name, stem.replace('\\', '/'), path, pans[i]));
		}
		if (mode == GroupingMode.FLAT) {
			return unordered;
		}
		List<Assignment> ordered = new ArrayList<>(unordered.size());
		for (List<String> path : rules.busOrder()) {
			for (Assignment a : unordered) {
				if (a.busPath().equals(path)) {
					ordered.add(a);
				}
			}
		}
		return ordered;
	}

	/**
	 * The bus paths a plan needs, parents first, in the plan's (the rules') order: a parent (Guitars)
	 * exists whenever a bus inside it does.
	 */
	public static List<List<String>> busesNeeded(List<Assignment> plan) {
		Set<List<String>> needed = new LinkedHashSet<>();
		for (Assignment a : plan) {
			for (int i = 1; i <= a.busPath().size(); i++) {
				needed.add(a.busPath().subList(0, i));
			}
		}
		return List.copyOf(needed);
	}

	/**
	 * The side of a stem's name and the name without it, case and separators folded: e.g. "07_OH L" ->
	 * {@code L "oh \0"}, one per side marker found (usually one, none for most names).
	 */
	static List<Map.Entry<Character, String>> sides(String stem) {
		String name = TRACK_NUMBER.matcher(AutoGrouping.baseName(stem)).replaceFirst("");
		List<Map.Entry<Character, String>> sides = new ArrayList<>();
		for (Pattern p : List.of(SEPARATE_SIDE, CAMEL_SIDE, CAPS_SIDE)) {
			Matcher m = p.matcher(name);
			while (m.find()) {
				String rest = (name.substring(0, m.start()) + "\0" + name.substring(m.end())).toLowerCase(Locale.ROOT)
						.replaceAll("[\\s_.\\-]+", " ").strip();
				sides.add(Map.entry(Character.toUpperCase(m.group().charAt(0)), rest));
			}
		}
		return sides;
	}

	/**
	 * The pan of each stem: -1 and 1 for the two mono stems of a left/right pair (one L and one R with the
	 * same rest of the name, no third stem sharing it), 0 for every other.
	 */
	private static double[] pans(List<Stem> stems) {
		Map<String, List<Integer>> byRest = new LinkedHashMap<>();
		for (int i = 0; i < stems.size(); i++) {
			if (stems.get(i).channels() == 1) {
				for (Map.Entry<Character, String> side : sides(stems.get(i).path())) {
					byRest.computeIfAbsent(side.getValue(), k -> new ArrayList<>()).add(i * 2 + (side.getKey() == 'L' ? 0 : 1));
				}
			}
		}
		double[] pans = new double[stems.size()];
		for (List<Integer> pair : byRest.values()) {
			if (pair.size() == 2 && pair.get(0) % 2 != pair.get(1) % 2) {
				int left = pair.get(0) % 2 == 0 ? pair.get(0) / 2 : pair.get(1) / 2;
				int right = pair.get(0) % 2 == 0 ? pair.get(1) / 2 : pair.get(0) / 2;
				if (pans[left] == 0 && pans[right] == 0) {
					pans[left] = -1;
					pans[right] = 1;
				}
			}
		}
		return pans;
	}

	private static List<Stem> unknownChannels(List<String> stems) {
		List<Stem> list = new ArrayList<>();
		for (String s : stems) {
			list.add(new Stem(s, 0));
		}
		return list;
	}

	/**
	 * A command that fills an empty session by the shipped rules, channel counts unknown (no pairs
	 * panned).
	 *
	 * @see #populate(EditingDomain, Session, List, GroupingMode, GroupingRules)
	 */
	public static Command populate(EditingDomain domain, Session session, List<String> stems, GroupingMode mode) {
		return populate(domain, session, unknownChannels(stems), mode, GroupingRules.defaults());
	}

	/**
	 * A command that fills an empty session (only its master) with the tracks and buses for the
	 * stems, left/right pairs panned: one undoable step.
	 *
	 * @throws CommandRefusedException when the session already has tracks or buses, has no master,
	 *                                 or there are no stems
	 */
	public static Command populate(EditingDomain domain, Session session, List<Stem> stems, GroupingMode mode,
			GroupingRules rules) {
		if (session.getMaster() == null) {
			throw new CommandRefusedException("the session has no master bus");
		}
		if (!session.getTracks().isEmpty() || !session.getBuses().isEmpty()) {
			throw new CommandRefusedException("the session already has tracks or buses: stems are only laid out in an empty session");
		}
		if (stems.isEmpty()) {
			throw new CommandRefusedException("no stems to build a session from");
		}
		List<Assignment> plan = plan(stems, mode, rules);
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
			track.setPan(a.pan());
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
