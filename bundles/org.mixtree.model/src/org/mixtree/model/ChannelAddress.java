package org.mixtree.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Channel addresses as the command line writes them: {@code track:NAME}, {@code bus:NAME} and
 * {@code master}.
 * <p>
 * Nearly the same string is the channel's XMI ID ({@link Channel#getAddress()}): a session file
 * then says {@code output="bus/Drums"}, which stays readable in a diff and does not change when
 * buses are reordered, as positional paths such as {@code //@buses.3} would. The ID uses {@code /}
 * where the address has {@code :} because EMF's XMI reader takes any reference token containing a
 * colon for a type name and silently drops it.
 */
public final class ChannelAddress {

	/** Prefix of a track address. */
	public static final String TRACK = "track:";
	/** Prefix of a bus address. */
	public static final String BUS = "bus:";
	/** The master's address. */
	public static final String MASTER = "master";

	private ChannelAddress() {
	}

	/**
	 * The address of a channel as a user types it, e.g. {@code bus:Lead Vox}; {@code master} for the
	 * session's master; for a bus or track not (yet) in a session, its kind and name.
	 */
	public static String of(Channel channel) {
		if (isMaster(channel)) {
			return MASTER;
		}
		String name = channel.getName() == null ? "" : channel.getName();
		return (channel instanceof Track ? TRACK : BUS) + name;
	}

	/**
	 * The XMI ID of a channel: {@code track/NAME}, {@code bus/NAME} or {@code master}, with
	 * whitespace, {@code :}, {@code %} and {@code #} in the name percent-encoded (EMF splits
	 * reference values at whitespace and reads {@code :} as a type prefix). {@code null} for a
	 * channel without a name, so that EMF falls back to a positional fragment.
	 */
	public static String idOf(Channel channel) {
		if (isMaster(channel)) {
			return MASTER;
		}
		if (channel.getName() == null) {
			return null;
		}
		return (channel instanceof Track ? "track/" : "bus/") + encode(channel.getName());
	}

	/** Whether the channel is held in its session's master slot. */
	public static boolean isMaster(Channel channel) {
		return channel instanceof Bus && channel.eContainer() instanceof Session session && session.getMaster() == channel;
	}

	/**
	 * Finds a channel by address. The prefix and the name are read case-insensitively when exactly one
	 * channel of that kind matches ({@code bus:drums} finds {@code Drums}); an exact match always wins.
	 *
	 * @throws MalformedAddressException when the address has no {@code track:}/{@code bus:} prefix and is not
	 *                                   {@code master}
	 * @throws IllegalArgumentException  with a one-line message naming the address when it names no channel of
	 *                                   the session (with the nearest names: "did you mean bus:Drums?"), or
	 *                                   more than one when case is ignored
	 */
	public static Channel resolve(Session session, String address) {
		if (address == null || address.isBlank()) {
			throw new MalformedAddressException("empty channel address: use track:NAME, bus:NAME or master");
		}
		String a = address.strip();
		if (a.equalsIgnoreCase(MASTER)) {
			if (session.getMaster() == null) {
				throw new IllegalArgumentException("the session has no master bus");
			}
			return session.getMaster();
		}
		if (startsWithIgnoreCase(a, TRACK)) {
			return track(session, a.substring(TRACK.length()));
		}
		if (startsWithIgnoreCase(a, BUS)) {
			return bus(session, a.substring(BUS.length()));
		}
		List<String> near = nearest(session, a, null);
		throw new MalformedAddressException("bad channel address '" + address + "': use track:NAME, bus:NAME or master"
				+ (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)"));
	}

	/**
	 * Finds a bus by address, accepting {@code bus:NAME} and {@code master}.
	 *
	 * @throws IllegalArgumentException naming the address when it is not a bus of the session
	 */
	public static Bus resolveBus(Session session, String address) {
		Channel channel = resolve(session, address);
		if (!(channel instanceof Bus bus)) {
			throw new IllegalArgumentException("'" + address + "' is a track, not a bus");
		}
		return bus;
	}

	/**
	 * The track with this name: exactly, else ignoring case when only one track matches so.
	 *
	 * @throws IllegalArgumentException naming the track and the nearest names (or listing the session's tracks)
	 */
	public static Track track(Session session, String name) {
		return find(session, session.getTracks(), name, TRACK, "tracks");
	}

	/**
	 * The bus with this name (the master answers to its own name too): exactly, else ignoring case when only
	 * one bus matches so.
	 *
	 * @throws IllegalArgumentException naming the bus and the nearest names (or listing the session's buses)
	 */
	public static Bus bus(Session session, String name) {
		List<Bus> buses = new ArrayList<>(session.getBuses());
		if (session.getMaster() != null && session.getMaster().getName() != null) {
			buses.add(session.getMaster());
		}
		return find(session, buses, name, BUS, "buses");
	}

	private static <C extends Channel> C find(Session session, List<C> channels, String name, String prefix, String what) {
		for (C c : channels) {
			if (name.equals(c.getName())) {
				return c;
			}
		}
		List<C> folded = new ArrayList<>();
		for (C c : channels) {
			if (name.strip().equalsIgnoreCase(c.getName() == null ? null : c.getName().strip())) {
				folded.add(c);
			}
		}
		if (folded.size() == 1) {
			return folded.get(0);
		}
		if (folded.size() > 1) {
			List<String> all = new ArrayList<>();
			folded.forEach(c -> all.add(of(c)));
			throw new IllegalArgumentException(prefix + name + " matches " + String.join(" and ", all)
					+ ": write the name with its exact case");
		}
		String kind = prefix.substring(0, prefix.length() - 1);
		List<String> near = nearest(session, name, prefix);
		if (!near.isEmpty()) {
			throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; did you mean " + String.join(" or ", near) + "?");
		}
		List<String> names = new ArrayList<>();
		for (C c : channels) {
			if (!isMaster(c)) {
				names.add(c.getName());
			}
		}
		throw new IllegalArgumentException("unknown " + kind + " '" + name + "'" + known(what, names));
	}

	/**
	 * The addresses nearest to a mistyped name: first those of the kind asked for, then the channels of the other
	 * kind with that very name ({@code track:Drums} when Drums is a bus) or a near one.
	 */
	private static List<String> nearest(Session session, String name, String prefix) {
		List<String> tracks = new ArrayList<>();
		session.getTracks().forEach(t -> tracks.add(t.getName()));
		List<String> buses = new ArrayList<>();
		session.getBuses().forEach(b -> buses.add(b.getName()));
		List<String> result = new ArrayList<>();
		boolean bus = BUS.equals(prefix);
		List<String> same = bus ? buses : tracks;
		List<String> other = bus ? tracks : buses;
		String samePrefix = bus ? BUS : TRACK;
		String otherPrefix = bus ? TRACK : BUS;
		if (prefix != null) {
			NearestNames.of(name, same, 3).forEach(n -> result.add(samePrefix + n));
		}
		if (result.isEmpty()) {
			NearestNames.of(name, other, 3).forEach(n -> result.add(otherPrefix + n));
			if (prefix == null) {
				NearestNames.of(name, same, 3).forEach(n -> result.add(samePrefix + n));
			}
		}
		return result.size() > 3 ? result.subList(0, 3) : result;
	}

	private static boolean startsWithIgnoreCase(String s, String prefix) {
		return s.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private static String known(String what, List<String> names) {
		return names.isEmpty() ? " (the session has no " + what + ")" : " (" + what + ": " + String.join(", ", names) + ")";
	}

	private static String encode(String s) {
		StringBuilder out = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '%' || c == '#' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
				if (out == null) {
					out = new StringBuilder(s.length() + 8).append(s, 0, i);
				}
				for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
					out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
							.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
				}
			} else if (out != null) {
				out.append(c);
			}
		}
		return out == null ? s : out.toString();
	}
}
