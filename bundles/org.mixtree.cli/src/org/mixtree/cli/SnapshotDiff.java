package org.mixtree.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.common.util.Enumerator;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ValueText;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.FileValue;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.Snapshots;

/**
 * {@code snapshot diff}: one line per difference between two mixes, read as going from A to B ({@code track:Kick
 * gain -4.0 dB -> 3.0 dB}: A's value, then B's), nothing for what is equal.
 * <p>
 * The features it knows are written as the command line writes them (gain in dB, pan as C/L70/R35, output as an
 * address, stage); any other mix feature of a session, channel, send or insert (one added to the model later) is
 * compared too and written as {@code NAME A -> B} with its feature name, so nothing a snapshot holds goes unseen.
 * Channels, sends (by target) and inserts (by effect, the first EQ of A with the first EQ of B...) present on one
 * side only are {@code added} (in B only) or {@code removed} (in A only).
 */
final class SnapshotDiff {

	private static final MixtreePackage P = MixtreePackage.eINSTANCE;

	private SnapshotDiff() {
	}

	static List<String> lines(Session a, Session b, EffectCatalog effects) {
		List<String> lines = new ArrayList<>();
		for (EStructuralFeature f : P.getSession().getEAllStructuralFeatures()) {
			if (f == P.getSession_Tracks() || f == P.getSession_Buses() || f == P.getSession_Master() || skip(f)) {
				continue;
			}
			generic(lines, "", a, b, f);
		}
		Map<String, Channel> ca = channels(a);
		Map<String, Channel> cb = channels(b);
		Set<String> all = new LinkedHashSet<>(ca.keySet());
		all.addAll(cb.keySet());
		for (String address : all) {
			Channel x = ca.get(address);
			Channel y = cb.get(address);
			if (x == null) {
				lines.add(address + " added");
			} else if (y == null) {
				lines.add(address + " removed");
			} else {
				channel(lines, address, x, y, effects);
			}
		}
		return lines;
	}

	private static boolean skip(EStructuralFeature f) {
		return Snapshots.NOT_MIX.contains(f) || f.isDerived() || f.isTransient() || !f.isChangeable();
	}

	private static Map<String, Channel> channels(Session s) {
		Map<String, Channel> m = new LinkedHashMap<>();
		for (Track t : s.getTracks()) {
			m.put(ChannelAddress.of(t), t);
		}
		for (Bus bus : s.getBuses()) {
			m.put(ChannelAddress.of(bus), bus);
		}
		if (s.getMaster() != null) {
			m.put(ChannelAddress.MASTER, s.getMaster());
		}
		return m;
	}

	private static void channel(List<String> lines, String address, Channel x, Channel y, EffectCatalog effects) {
		for (EStructuralFeature f : x.eClass().getEAllStructuralFeatures()) {
			if (skip(f) || f == P.getChannel_Name() || f == P.getChannel_Inserts() || f == P.getChannel_Sends()) {
				continue;
			}
			if (f == P.getChannel_GainDb()) {
				change(lines, address + " gain", gains(x.getGainDb(), y.getGainDb()));
			} else if (f == P.getChannel_Pan()) {
				change(lines, address + " pan", ValueText.formatPan(x.getPan()), ValueText.formatPan(y.getPan()));
			} else if (f == P.getChannel_PolarityInverted()) {
				change(lines, address + " polarity", String.valueOf(x.isPolarityInverted()), String.valueOf(y.isPolarityInverted()));
			} else if (f == P.getChannel_Output()) {
				change(lines, address + " output", output(x), output(y));
			} else {
				generic(lines, address + " ", x, y, f);
			}
		}
		sends(lines, address, x, y);
		inserts(lines, address, x, y, effects);
	}

	private static String output(Channel c) {
		if (ChannelAddress.isMaster(c)) {
			return "none";
		}
		return c.getOutput() == null || ChannelAddress.isMaster(c.getOutput()) ? ChannelAddress.MASTER : ChannelAddress.of(c.getOutput());
	}

	private static void sends(List<String> lines, String address, Channel x, Channel y) {
		Map<String, Send> sx = sendsByTarget(x);
		Map<String, Send> sy = sendsByTarget(y);
		Set<String> all = new LinkedHashSet<>(sx.keySet());
		all.addAll(sy.keySet());
		for (String to : all) {
			Send p = sx.get(to);
			Send q = sy.get(to);
			String where = address + " send " + to;
			if (p == null) {
				lines.add(where + " added (" + gain(q.getLevelDb()) + (q.isPreFader() ? " pre" : " post") + ")");
			} else if (q == null) {
				lines.add(where + " removed");
			} else {
				change(lines, where + " level", gains(p.getLevelDb(), q.getLevelDb()));
				change(lines, where, p.isPreFader() ? "pre" : "post", q.isPreFader() ? "pre" : "post");
				for (EStructuralFeature f : p.eClass().getEAllStructuralFeatures()) {
					if (!skip(f) && f != P.getSend_Target() && f != P.getSend_LevelDb() && f != P.getSend_PreFader()) {
						generic(lines, where + " ", p, q, f);
					}
				}
			}
		}
	}

	private static Map<String, Send> sendsByTarget(Channel c) {
		Map<String, Send> m = new LinkedHashMap<>();
		for (Send s : c.getSends()) {
			m.put(s.getTarget() == null ? "(none)" : ChannelAddress.of(s.getTarget()), s);
		}
		return m;
	}

	/** Inserts matched by effect and occurrence: the n-th insert of an effect in A is the n-th of it in B. */
	private static void inserts(List<String> lines, String address, Channel x, Channel y, EffectCatalog effects) {
		Map<String, Insert> ix = insertsByKey(x);
		Map<String, Insert> iy = insertsByKey(y);
		List<String> matchedA = new ArrayList<>();
		for (String k : ix.keySet()) {
			if (iy.containsKey(k)) {
				matchedA.add(k);
			}
		}
		List<String> matchedB = new ArrayList<>();
		for (String k : iy.keySet()) {
			if (ix.containsKey(k)) {
				matchedB.add(k);
			}
		}
		for (Map.Entry<String, Insert> e : ix.entrySet()) {
			if (!iy.containsKey(e.getKey())) {
				lines.add(name(address, x, e.getValue()) + " removed");
			}
		}
		for (Map.Entry<String, Insert> e : iy.entrySet()) {
			Insert q = e.getValue();
			Insert p = ix.get(e.getKey());
			String where = name(address, y, q);
			if (p == null) {
				lines.add(where + " added");
				continue;
			}
			// moved: its place among the inserts both sides have changed (an insert added before it is no move)
			if (matchedA.indexOf(e.getKey()) != matchedB.indexOf(e.getKey())) {
				lines.add(address + " insert " + q.getEffectId() + " moved: slot " + (x.getInserts().indexOf(p) + 1) + " -> "
						+ (y.getInserts().indexOf(q) + 1));
			}
			insert(lines, where, p, q, effects);
		}
	}

	private static Map<String, Insert> insertsByKey(Channel c) {
		Map<String, Insert> m = new LinkedHashMap<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (Insert i : c.getInserts()) {
			int n = seen.merge(String.valueOf(i.getEffectId()), 1, Integer::sum);
			m.put(i.getEffectId() + "#" + n, i);
		}
		return m;
	}

	private static String name(String address, Channel c, Insert i) {
		return address + " insert " + (c.getInserts().indexOf(i) + 1) + " (" + i.getEffectId() + ")";
	}

	private static void insert(List<String> lines, String where, Insert p, Insert q, EffectCatalog effects) {
		change(lines, where + " bypass", String.valueOf(p.isBypass()), String.valueOf(q.isBypass()));
		EffectDescriptor d = effects.find(q.getEffectId()).map(EffectFactory::descriptor).orElse(null);
		Map<String, Double> vp = effects.effectiveParameters(p);
		Map<String, Double> vq = effects.effectiveParameters(q);
		Set<String> ids = new LinkedHashSet<>(vp.keySet());
		ids.addAll(vq.keySet());
		for (String id : ids) {
			Double u = vp.get(id);
			Double v = vq.get(id);
			if (Objects.equals(u, v)) {
				continue;
			}
			int index = d == null ? -1 : d.indexOf(id);
			String tu = u == null ? "(none)" : index >= 0 ? d.parameters().get(index).format(u) : number(u);
			String tv = v == null ? "(none)" : index >= 0 ? d.parameters().get(index).format(v) : number(v);
			if (tu.equals(tv)) {
				tu = number(u);
				tv = number(v);
			}
			lines.add(where + " " + id + " " + tu + " -> " + tv);
		}
		Map<String, String> fp = files(p);
		Map<String, String> fq = files(q);
		Set<String> fids = new LinkedHashSet<>(fp.keySet());
		fids.addAll(fq.keySet());
		for (String id : fids) {
			change(lines, where + " " + id, String.valueOf(fp.getOrDefault(id, "(none)")), String.valueOf(fq.getOrDefault(id, "(none)")));
		}
		if (!Objects.equals(p.getState(), q.getState())) {
			lines.add(where + " state " + (p.getState() == null ? "(none)" : "stored") + " -> "
					+ (q.getState() == null ? "(none)" : "changed"));
		}
		change(lines, where + " sidechain", p.getSidechain() == null ? "none" : ChannelAddress.of(p.getSidechain()),
				q.getSidechain() == null ? "none" : ChannelAddress.of(q.getSidechain()));
		for (EStructuralFeature f : p.eClass().getEAllStructuralFeatures()) {
			if (!skip(f) && f != P.getInsert_EffectId() && f != P.getInsert_Bypass() && f != P.getInsert_Parameters()
					&& f != P.getInsert_Files() && f != P.getInsert_State() && f != P.getInsert_Sidechain()) {
				generic(lines, where + " ", p, q, f);
			}
		}
	}

	private static Map<String, String> files(Insert i) {
		Map<String, String> m = new LinkedHashMap<>();
		for (FileValue f : i.getFiles()) {
			m.put(f.getId(), f.getPath());
		}
		return m;
	}

	/** Any other feature, by its name: the mix stage as {@code stage}, others as the model names them. */
	private static void generic(List<String> lines, String prefix, EObject x, EObject y, EStructuralFeature f) {
		String label = f == P.getSession_MixStage() ? "stage" : f == P.getSession_PanLaw() ? "panlaw" : f.getName();
		Object u = x.eGet(f);
		Object v = y.eGet(f);
		if (u instanceof Double du && v instanceof Double dv) {
			change(lines, prefix + label, precise(du, dv, ""));
			return;
		}
		change(lines, prefix + label, text(u), text(v));
	}

	private static String text(Object o) {
		if (o == null) {
			return "none";
		}
		if (o instanceof Channel c) {
			return ChannelAddress.of(c);
		}
		if (o instanceof Enumerator e) {
			return e.getLiteral();
		}
		if (o instanceof EEnumLiteral e) {
			return e.getLiteral();
		}
		if (o instanceof Collection<?> list) {
			if (list.isEmpty()) {
				return "none";
			}
			List<String> parts = new ArrayList<>();
			for (Object item : list) {
				parts.add(text(item));
			}
			return String.join(",", parts);
		}
		if (o instanceof EObject e) {
			// a contained object of a kind this class does not know: its features in order
			List<String> parts = new ArrayList<>();
			for (EStructuralFeature f : e.eClass().getEAllStructuralFeatures()) {
				if (!f.isDerived() && !f.isTransient()) {
					parts.add(f.getName() + "=" + text(e.eGet(f)));
				}
			}
			return "{" + String.join(" ", parts) + "}";
		}
		return String.valueOf(o);
	}

	private static void change(List<String> lines, String what, String[] pair) {
		change(lines, what, pair[0], pair[1]);
	}

	private static void change(List<String> lines, String what, String a, String b) {
		if (!a.equals(b)) {
			lines.add(what + " " + a + " -> " + b);
		}
	}

	/** Two gains in dB, to 0.1 dB unless they differ only further down; equal values give equal texts. */
	private static String[] gains(double a, double b) {
		return precise(a, b, " dB");
	}

	private static String[] precise(double a, double b, String unit) {
		if (a == b) {
			return new String[] { num(a, 1) + unit, num(b, 1) + unit };
		}
		for (int digits = 1; digits < 7; digits++) {
			String x = num(a, digits);
			String y = num(b, digits);
			if (!x.equals(y)) {
				return new String[] { x + unit, y + unit };
			}
		}
		return new String[] { a + unit, b + unit };
	}

	private static String num(double v, int digits) {
		if (v == Double.NEGATIVE_INFINITY) {
			return "-inf";
		}
		if (v == Double.POSITIVE_INFINITY) {
			return "+inf";
		}
		return String.format(Locale.ROOT, "%." + digits + "f", v);
	}

	private static String gain(double db) {
		return num(db, 1) + " dB";
	}

	private static String number(Double v) {
		return v == null ? "(none)" : String.format(Locale.ROOT, "%.4g", v);
	}
}
