package org.mixtree.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * Checks what the model's types cannot say: the routing is a tree extended by sends with no cycle,
 * every reference stays inside the session, channel names are unique per kind (the command line
 * finds channels by name), the master feeds nothing, and values are in range.
 * <p>
 * A plain class rather than a generated EValidator: the checks are graph-wide, not per object, and
 * the command line and the binding want one-line messages, not a diagnostic tree.
 * {@link #toDiagnostic(List)} adapts the result for EMF tooling.
 */
public final class SessionValidator {

	/** Source of the diagnostics made by {@link #toDiagnostic(List)}. */
	public static final String DIAGNOSTIC_SOURCE = "org.mixtree.model";

	/** One finding: a one-line message and the element it is about. */
	public record Problem(String message, EObject element) {
		@Override
		public String toString() {
			return message;
		}
	}

	private SessionValidator() {
	}

	/** Whether the session passes every check. */
	public static boolean isValid(Session session) {
		return validate(session).isEmpty();
	}

	/** Every problem of the session, in a stable order; empty when the session is valid. */
	public static List<Problem> validate(Session session) {
		List<Problem> problems = new ArrayList<>();
		if (session.getSampleRate() <= 0) {
			problems.add(new Problem("sample rate " + session.getSampleRate() + " Hz is not positive", session));
		}
		Bus master = session.getMaster();
		if (master == null) {
			problems.add(new Problem("the session has no master bus", session));
		} else if (master.getOutput() != null) {
			problems.add(new Problem("master has an output (" + ChannelAddress.of(master.getOutput())
					+ "): the master feeds nothing", master));
		}
		checkNames(session, problems);
		boolean dangling = false;
		for (Channel channel : Routing.channels(session)) {
			checkValues(channel, problems);
			if (channel.getOutput() != null && channel.getOutput().eContainer() != session) {
				problems.add(new Problem("dangling reference: " + ChannelAddress.of(channel) + " outputs to "
						+ ChannelAddress.of(channel.getOutput()) + ", which is not in the session", channel));
				dangling = true;
			}
			for (Send send : channel.getSends()) {
				if (send.getTarget() == null) {
					problems.add(new Problem(ChannelAddress.of(channel) + ": send has no target bus", send));
				} else if (send.getTarget().eContainer() != session) {
					problems.add(new Problem("dangling reference: " + ChannelAddress.of(channel) + " sends to "
							+ ChannelAddress.of(send.getTarget()) + ", which is not in the session", send));
					dangling = true;
				}
				if (Double.isNaN(send.getLevelDb()) || send.getLevelDb() == Double.POSITIVE_INFINITY) {
					problems.add(new Problem(ChannelAddress.of(channel) + ": send level " + send.getLevelDb() + " dB is not a level", send));
				}
			}
		}
		if (!dangling) {
			// a cycle through a bus outside the session is better reported as the dangling reference
			for (List<Channel> cycle : Routing.findCycles(session)) {
				problems.add(new Problem("routing cycle: " + Routing.describe(cycle), cycle.get(0)));
			}
		}
		return problems;
	}

	/** The problems as an EMF diagnostic (OK when there are none). */
	public static Diagnostic toDiagnostic(List<Problem> problems) {
		BasicDiagnostic result = new BasicDiagnostic(DIAGNOSTIC_SOURCE, 0, "session", null);
		for (Problem p : problems) {
			result.add(new BasicDiagnostic(Diagnostic.ERROR, DIAGNOSTIC_SOURCE, 0, p.message(), new Object[] { p.element() }));
		}
		return result;
	}

	private static void checkNames(Session session, List<Problem> problems) {
		Map<String, List<Channel>> tracks = new LinkedHashMap<>();
		for (Track t : session.getTracks()) {
			tracks.computeIfAbsent(t.getName(), k -> new ArrayList<>()).add(t);
		}
		Map<String, List<Channel>> buses = new LinkedHashMap<>();
		for (Bus b : session.getBuses()) {
			buses.computeIfAbsent(b.getName(), k -> new ArrayList<>()).add(b);
		}
		if (session.getMaster() != null && session.getMaster().getName() != null) {
			buses.computeIfAbsent(session.getMaster().getName(), k -> new ArrayList<>()).add(session.getMaster());
		}
		report(tracks, "track", problems);
		report(buses, "bus", problems);
	}

	private static void report(Map<String, List<Channel>> byName, String kind, List<Problem> problems) {
		for (Map.Entry<String, List<Channel>> e : byName.entrySet()) {
			if (e.getKey() == null || e.getKey().isBlank()) {
				for (Channel c : e.getValue()) {
					problems.add(new Problem("a " + kind + " has no name", c));
				}
			} else if (e.getValue().size() > 1) {
				problems.add(new Problem("duplicate channel name: " + e.getValue().size() + " " + kind
						+ (kind.equals("bus") ? "es" : "s") + " are named '" + e.getKey() + "'", e.getValue().get(1)));
			}
		}
	}

	private static void checkValues(Channel channel, List<Problem> problems) {
		String who = ChannelAddress.of(channel);
		double pan = channel.getPan();
		if (!(pan >= -1.0 && pan <= 1.0)) {
			problems.add(new Problem(who + ": pan " + pan + " is outside [-1, 1]", channel));
		}
		double gain = channel.getGainDb();
		if (Double.isNaN(gain) || gain == Double.POSITIVE_INFINITY) {
			problems.add(new Problem(who + ": gain " + gain + " dB is not a level", channel));
		}
		if (channel instanceof Track track) {
			if (Double.isNaN(track.getClipGainDb()) || track.getClipGainDb() == Double.POSITIVE_INFINITY) {
				problems.add(new Problem(who + ": clip gain " + track.getClipGainDb() + " dB is not a level", channel));
			}
			if (track.getOffsetFrames() < 0) {
				problems.add(new Problem(who + ": offset " + track.getOffsetFrames() + " frames is negative", channel));
			}
		}
	}
}
