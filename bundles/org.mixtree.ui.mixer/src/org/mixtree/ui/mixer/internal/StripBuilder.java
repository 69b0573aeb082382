package org.mixtree.ui.mixer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Plugins;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.session.MixFacts;
import org.mixtree.ui.mixer.ConsoleEngine;

/**
 * Which channels a level of the console shows, and their strips' presentations. The tree is the way through the
 * mix: at the top the buses (and tracks) feeding the master, with the master at the right; inside a bus the buses
 * and tracks feeding it, with that bus at the right; flat, every track and the master.
 */
public final class StripBuilder {
	private StripBuilder() {
	}

	/** The bus whose inside a path shows: the last bus opened, or the master at the top. */
	public static Bus container(Session session, List<Bus> path) {
		return path.isEmpty() ? session.getMaster() : path.get(path.size() - 1);
	}

	/** The channels shown, left to right: child buses in console order, then tracks, then the container. */
	public static List<Channel> channels(Session session, List<Bus> path, boolean flat) {
		List<Channel> list = new ArrayList<>();
		Bus master = session.getMaster();
		if (flat) {
			list.addAll(session.getTracks());
			if (master != null) {
				list.add(master);
			}
			return list;
		}
		Bus in = container(session, path);
		for (Bus b : session.getBuses()) {
			if (feeds(b, in, master)) {
				list.add(b);
			}
		}
		for (Track t : session.getTracks()) {
			if (feeds(t, in, master)) {
				list.add(t);
			}
		}
		if (in != null) {
			list.add(in);
		}
		return list;
	}

	/** Whether {@code c}'s output is {@code bus} (no output is the master). */
	public static boolean feeds(Channel c, Bus bus, Bus master) {
		if (c == master) {
			return false;
		}
		Bus out = c.getOutput() == null ? master : c.getOutput();
		return out == bus;
	}

	/** The presentation of {@code c}'s strip. */
	public static Strip build(Channel c, Session session, List<Bus> path, boolean flat, MixFacts facts,
			EffectRegistry effects, ConsoleEngine engine) {
		Bus master = session.getMaster();
		Bus in = flat ? null : container(session, path);
		Strip.Kind kind = c instanceof Track ? Strip.Kind.TRACK
				: c == in ? Strip.Kind.PARENT : c == master ? Strip.Kind.MASTER : Strip.Kind.BUS;
		String id = c.getAddress();
		String info1, info2;
		if (c instanceof Bus bus) {
			int tracks = 0, buses = 0;
			for (Track t : session.getTracks()) {
				tracks += feeds(t, bus, master) ? 1 : 0;
			}
			for (Bus b : session.getBuses()) {
				buses += feeds(b, bus, master) ? 1 : 0;
			}
			int sends = 0;
			for (org.mixtree.model.Channel c2 : org.mixtree.model.validation.Routing.channels(session)) {
				for (Send send : c2.getSends()) {
					sends += send.getTarget() == bus && c2 != bus ? 1 : 0;
				}
			}
			List<String> parts = new ArrayList<>();
			if (tracks > 0) {
				parts.add(plural(tracks, "track"));
			}
			if (buses > 0) {
				parts.add(plural(buses, "bus"));
			}
			if (sends > 0) {
				parts.add(plural(sends, "send"));
			}
			info1 = parts.isEmpty() ? "nothing feeds it" : String.join(" \u00b7 ", parts);
			int latency = facts.latency(id);
			info2 = "fx " + Plugins.own(bus) + " / " + Plugins.subtree(bus)
					+ (latency < 0 ? "" : " \u00b7 " + latency + " smp");
		} else {
			Track t = (Track) c;
			String src = t.getSource() == null ? "no source" : t.getSource().replace('\\', '/');
			info1 = src.substring(src.lastIndexOf('/') + 1);
			info2 = "fx " + Plugins.own(c) + (t.getClipGainDb() != 0
					? String.format(Locale.ROOT, " \u00b7 clip %+.1f dB", t.getClipGainDb()) : "");
		}
		String output = c == master ? "main out"
				: "\u2192 " + (c.getOutput() == null || c.getOutput() == master ? master == null ? "master" : master.getName()
						: c.getOutput().getName());
		List<Strip.Slot> slots = new ArrayList<>();
		int k = 0;
		for (Insert insert : c.getInserts()) {
			Optional<EffectFactory> f = insert.getEffectId() == null ? Optional.empty() : effects.find(insert.getEffectId());
			String label = f.map(x -> x.descriptor().name()).orElse(shortId(insert.getEffectId()) + " (missing)");
			boolean dynamics = f.map(x -> x.descriptor().category() == Category.DYNAMICS).orElse(false);
			slots.add(new Strip.Slot(label, insert.getEffectId(), insert.isBypass(), f.isEmpty(), engine.fault(id, k),
					dynamics));
			k++;
		}
		List<Strip.SendRow> sends = new ArrayList<>();
		for (Send s : c.getSends()) {
			sends.add(new Strip.SendRow(s.getTarget() == null ? "?" : s.getTarget().getName(), s.getLevelDb(), s.isPreFader()));
		}
		String silent = facts.silentBecause().get(id);
		boolean canOpen = kind == Strip.Kind.BUS;
		return new Strip(c, id, c.getName(), kind, info1, info2, output, silent, c.getGainDb(), c.getPan(), c.isMute(),
				c.isSolo(), c.isPolarityInverted(), c instanceof Bus b && b.isSoloSafe(), canOpen, c instanceof Bus, slots,
				sends);
	}

	private static String plural(int n, String what) {
		return n + " " + (n == 1 ? what : what.equals("bus") ? "buses" : what + "s");
	}

	private static String shortId(String id) {
		if (id == null) {
			return "?";
		}
		return id.substring(id.lastIndexOf('.') + 1);
	}
}
