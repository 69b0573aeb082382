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
	 * Finds a channel by address.
	 *
	 * @throws IllegalArgumentException with a one-line message naming the address when it is
	 *                                  malformed or names no channel of the session
	 */
	public static Channel resolve(Session session, String address) {
		if (address == null || address.isBlank()) {
			throw new IllegalArgumentException("empty channel address: use track:NAME, bus:NAME or master");
		}
		String a = address.strip();
		if (a.equalsIgnoreCase(MASTER)) {
			if (session.getMaster() == null) {
				throw new IllegalArgumentException("the session has no master bus");
			}
			return session.getMaster();
		}
		if (a.startsWith(TRACK)) {
			return track(session, a.substring(TRACK.length()));
		}
		if (a.startsWith(BUS)) {
			return bus(session, a.substring(BUS.length()));
		}
		throw new IllegalArgumentException("bad channel address '" + address + "': use track:NAME, bus:NAME or master");
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
	 * The track with this exact name.
	 *
	 * @throws IllegalArgumentException naming the track and listing the session's tracks
	 */
	public static Track track(Session session, String name) {
		for (Track track : session.getTracks()) {
			if (name.equals(track.getName())) {
				return track;
			}
		}
		List<String> names = new ArrayList<>();
		session.getTracks().forEach(t -> names.add(t.getName()));
		throw new IllegalArgumentException("unknown track '" + name + "'" + known("tracks", names));
	}

	/**
	 * The bus with this exact name; the master answers to its own name too.
	 *
	 * @throws IllegalArgumentException naming the bus and listing the session's buses
	 */
	public static Bus bus(Session session, String name) {
		for (Bus bus : session.getBuses()) {
			if (name.equals(bus.getName())) {
				return bus;
			}
		}
		if (session.getMaster() != null && name.equals(session.getMaster().getName())) {
			return session.getMaster();
		}
		List<String> names = new ArrayList<>();
		session.getBuses().forEach(b -> names.add(b.getName()));
		throw new IllegalArgumentException("unknown bus '" + name + "'" + known("buses", names));
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
