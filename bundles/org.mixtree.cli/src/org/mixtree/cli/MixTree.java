package org.mixtree.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mixtree.effects.api.ValueText;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Plugins;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * The mix tree as a person reads it at a glance: the master at the root, buses inside the bus they feed
 * (sub-buses first, then tracks, in session order), one line per channel with its gain, pan and flags.
 */
final class MixTree {
	private MixTree() {
	}

	private record Line(String label, Channel channel) {
	}

	static void print(Session session, PrintStream out) {
		print(session, out, EffectCatalog.osgi());
	}

	/** The tree; inserts are shown by effect name in slot order, sends with their level. */
	static void print(Session session, PrintStream out, EffectCatalog effects) {
		print(session, out, effects, null);
	}

	/**
	 * The tree, and with the session's file, the channels not heard marked with why ({@code (silent: bus:Guitars is
	 * muted)}, as {@code info --json} gives {@code silentBecause}) and the focus on a line of its own.
	 */
	static void print(Session session, PrintStream out, EffectCatalog effects, java.nio.file.Path file) {
		org.mixtree.engine.Plan plan = file == null ? null : SessionJson.plan(session, file, effects);
		out.println(session.getName() + " | " + session.getSampleRate() + " Hz | pan law " + panLaw(session)
				+ " | stage " + session.getMixStage() + " | " + count(session.getTracks().size(), "track", "tracks") + ", "
				+ count(session.getBuses().size(), "bus", "buses"));
		List<Line> lines = new ArrayList<>();
		Bus master = session.getMaster();
		if (master == null) {
			out.println("(no master bus)");
			return;
		}
		if (!session.getFocus().isEmpty()) {
			out.println(FocusCli.line(session));
		}
		lines.add(new Line(master.getName(), master));
		children(session, master, "", lines);
		int width = 0;
		for (Line l : lines) {
			width = Math.max(width, l.label.length());
		}
		for (Line l : lines) {
			String why = plan == null ? null : plan.silentBecause(l.channel.getAddress());
			out.println((String.format(Locale.ROOT, "%-" + (width + 2) + "s%s%s", l.label, strip(l.channel, effects),
					plugins(l.channel)).stripTrailing() + (why == null ? "" : "  (silent: " + why + ")")));
		}
		out.println(pluginSummary(session));
	}

	/**
	 * A bus's plugin counts at the end of its line, {@code plugins 1 here + 4 below}: on the bus itself, and in what
	 * feeds it (tracks and nested buses; not what only sends to it). A bus with none in its subtree shows nothing,
	 * so the plugins stand out.
	 */
	private static String plugins(Channel c) {
		if (!(c instanceof Bus b)) {
			return "";
		}
		int own = Plugins.own(b);
		int below = Plugins.subtree(b) - own;
		return own == 0 && below == 0 ? "" : "  plugins " + own + " here + " + below + " below";
	}

	/**
	 * {@code plugins: 5 (2 on buses and master, 3 on tracks); 9 of 12 tracks without any}: the method's promise, most
	 * tracks have no plugin at all, as a number.
	 */
	static String pluginSummary(Session session) {
		int onBuses = Plugins.own(session.getMaster());
		for (Bus b : session.getBuses()) {
			onBuses += Plugins.own(b);
		}
		int onTracks = 0;
		int bare = 0;
		for (Track t : session.getTracks()) {
			onTracks += Plugins.own(t);
			bare += t.getInserts().isEmpty() ? 1 : 0;
		}
		return "plugins: " + (onBuses + onTracks) + " (" + onBuses + " on buses and master, " + onTracks + " on tracks); "
				+ bare + " of " + count(session.getTracks().size(), "track", "tracks") + " without any";
	}

	private static void children(Session session, Bus bus, String indent, List<Line> lines) {
		List<Channel> inputs = new ArrayList<>();
		for (Bus b : session.getBuses()) {
			if (feeds(b, bus, session)) {
				inputs.add(b);
			}
		}
		for (Track t : session.getTracks()) {
			if (feeds(t, bus, session)) {
				inputs.add(t);
			}
		}
		for (int i = 0; i < inputs.size(); i++) {
			boolean last = i == inputs.size() - 1;
			Channel c = inputs.get(i);
			lines.add(new Line(indent + (last ? "└─ " : "├─ ") + c.getName(), c));
			if (c instanceof Bus b) {
				children(session, b, indent + (last ? "   " : "│  "), lines);
			}
		}
	}

	/** Whether {@code c} feeds {@code bus}; no output means the master. */
	private static boolean feeds(Channel c, Bus bus, Session session) {
		Bus out = c.getOutput();
		return out == bus || out == null && bus == session.getMaster() && c != bus;
	}

	private static String strip(Channel c, EffectCatalog effects) {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "%8s  %-4s", gain(c.getGainDb()), pan(c.getPan())));
		s.append(c.isMute() ? " M" : "  ").append(c.isSolo() ? " S" : "  ").append(c.isPolarityInverted() ? " Ø" : "  ");
		if (c instanceof Bus b && b.isSoloSafe()) {
			s.append("  solo-safe");
		}
		if (c instanceof Track t) {
			s.append("  ").append(t.getSource());
			if (t.getClipGainDb() != 0) {
				s.append(String.format(Locale.ROOT, " (clip %+.1f dB)", t.getClipGainDb()));
			}
		}
		if (!c.getInserts().isEmpty()) {
			List<String> names = new ArrayList<>();
			for (Insert insert : c.getInserts()) {
				String files = InsertFiles.describe(insert);
				names.add(effects.label(insert) + (files.isEmpty() ? "" : " (" + files + ")") + (insert.isBypass() ? " (bypassed)" : "")
						+ (insert.getSidechain() == null ? "" : " (key " + ChannelAddress.of(insert.getSidechain()) + ")"));
			}
			s.append("  [").append(String.join(", ", names)).append("]");
		}
		for (Send send : c.getSends()) {
			s.append("  -> ").append(send.getTarget() == null ? "?" : ChannelAddress.of(send.getTarget())).append(' ')
					.append(gain(send.getLevelDb())).append(send.isPreFader() ? " pre" : "");
		}
		return s.toString();
	}

	/** {@code 1 track}, {@code 2 tracks}. */
	static String count(long n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

	static String gain(double db) {
		if (db == Double.NEGATIVE_INFINITY) {
			return "-inf dB";
		}
		return String.format(Locale.ROOT, "%+.1f dB", db);
	}

	/** {@code C}, {@code L70}, {@code R35}: what {@code set ... pan=} reads back. */
	static String pan(double p) {
		return ValueText.formatPan(p);
	}

	private static String panLaw(Session session) {
		switch (session.getPanLaw()) {
		case ZERO:
			return "0 dB";
		case MINUS_45:
			return "-4.5 dB";
		case MINUS_6:
			return "-6 dB";
		case MINUS_3:
		default:
			return "-3 dB";
		}
	}
}
