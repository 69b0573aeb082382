package org.mixtree.model.edit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.util.ECollections;
import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.NearestNames;
import org.mixtree.model.Session;
import org.mixtree.model.Snapshot;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.util.MixtreeResourceFactoryImpl;

/**
 * Snapshots: the whole mix state of a session under a name, recallable as one undoable command.
 * <p>
 * What a snapshot holds is generic over the model: a copy of the session ({@link #mixOf}) without the features
 * that are not mix state ({@link #NOT_MIX}): the session's name and sample rate, its snapshots, and what a track
 * plays (its source, clip gain and offset: as Pro Tools and Ardour keep the playlist when a mix snapshot is
 * recalled, a snapshot never changes which file a track plays or how it is gain-staged). Everything else the model
 * holds now or later (gains, pans, mutes, solos, polarity, routing, sends, inserts with parameters, files, state,
 * bypass and sidechain, stage, focus, solo-safe, headroom, ...) is mix state without a change here.
 * <p>
 * {@link Snapshot#getValues()} stores that copy as the session file would write it, compacted to one line (no
 * declaration, no indentation): a snapshot is one element on one line of the session file, as every other
 * element, so re-saving a session changes a snapshot's line only when it is saved again. Its attributes are quoted
 * with {@code '} (legal XML) so that the session file does not escape every quote.
 * <p>
 * Recall replaces the session's mix content with the snapshot's (one compound of sets that undo restores).
 * Channels are matched by address: the set of buses and their tree is the snapshot's; the set of tracks is the
 * session's (a track is what was recorded): a track the snapshot does not know keeps its current settings (its
 * output and sends follow the buses of the same name, else the master), and a track the snapshot knows but the
 * session no longer has is left out; {@link Recall#notes()} names both.
 */
public final class Snapshots {

	/** The pseudo-name of the session as it is now ({@code snapshot diff SESSION A current}); no snapshot has it. */
	public static final String CURRENT = "current";

	/** The features a snapshot neither stores nor recalls: they are not mix state. */
	public static final Set<EStructuralFeature> NOT_MIX = Set.of(MixtreePackage.Literals.SESSION__NAME,
			MixtreePackage.Literals.SESSION__SAMPLE_RATE, MixtreePackage.Literals.SESSION__SNAPSHOTS,
			MixtreePackage.Literals.TRACK__SOURCE, MixtreePackage.Literals.TRACK__CLIP_GAIN_DB,
			MixtreePackage.Literals.TRACK__OFFSET_FRAMES, MixtreePackage.Literals.TRACK__SOURCE_FRAMES,
			MixtreePackage.Literals.TRACK__SOURCE_RATE, MixtreePackage.Literals.TRACK__SOURCE_CHANNELS);

	private Snapshots() {
	}

	/** A recall: the command to execute and one line per track the snapshot and the session do not share. */
	public record Recall(Command command, List<String> notes) {
	}

	/** The mix content of a session: a detached copy without what is not mix state ({@link #NOT_MIX}). */
	public static Session mixOf(Session session) {
		EcoreUtil.Copier copier = new EcoreUtil.Copier();
		Session copy = (Session) copier.copy(session);
		copier.copyReferences();
		copy.getSnapshots().clear();
		strip(copy);
		return copy;
	}

	private static void strip(Session mix) {
		List<EObject> all = new ArrayList<>();
		all.add(mix);
		mix.eAllContents().forEachRemaining(all::add);
		for (EObject o : all) {
			for (EStructuralFeature f : o.eClass().getEAllStructuralFeatures()) {
				if (NOT_MIX.contains(f) && f.isChangeable()) {
					o.eUnset(f);
				}
			}
		}
	}

	/** The text {@link Snapshot#getValues()} stores for a session's mix now. */
	public static String capture(Session session) {
		return encode(mixOf(session));
	}

	static String encode(Session mix) {
		StringBuilder b = new StringBuilder();
		for (String line : SessionStore.serialize(mix).split("\n")) {
			String l = line.strip();
			if (!l.isEmpty() && !l.startsWith("<?xml")) {
				b.append(l);
			}
		}
		// attributes quoted with ' rather than ": inside the values attribute of the session file each " would be
		// written &quot; (six bytes); ' needs no escape there, and one written as a value is made &apos; first
		return b.toString().replace("'", "&apos;").replace('"', '\'');
	}

	/**
	 * The mix a snapshot holds, as a detached session (in a memory resource of its own).
	 *
	 * @throws IllegalArgumentException naming the snapshot when its values are not a session's mix
	 */
	public static Session mixOf(Snapshot snapshot) {
		String values = snapshot.getValues();
		if (values == null || values.isBlank()) {
			throw new IllegalArgumentException("snapshot '" + snapshot.getName() + "' holds no mix");
		}
		Resource resource = new MixtreeResourceFactoryImpl().createResource(URI.createURI("memory:/snapshot.mixtree"));
		try {
			resource.load(new ByteArrayInputStream(values.getBytes(StandardCharsets.UTF_8)),
					Map.of(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE));
		} catch (IOException | RuntimeException e) {
			throw new IllegalArgumentException("snapshot '" + snapshot.getName() + "' is unreadable: " + e.getMessage(), e);
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Session mix)) {
			throw new IllegalArgumentException("snapshot '" + snapshot.getName() + "' holds no mix");
		}
		return mix;
	}

	/**
	 * The snapshot of that name, case-insensitively.
	 *
	 * @throws IllegalArgumentException {@code unknown snapshot 'Rugh' (did you mean Rough?)}
	 */
	public static Snapshot find(Session session, String name) {
		Snapshot found = lookup(session, name);
		if (found != null) {
			return found;
		}
		List<String> names = names(session);
		List<String> near = NearestNames.of(name, names, 3);
		String hint = !near.isEmpty() ? " (did you mean " + String.join(" or ", near) + "?)"
				: names.isEmpty() ? " (the session has no snapshots)" : " (snapshots: " + String.join(", ", names) + ")";
		throw new IllegalArgumentException("unknown snapshot '" + name + "'" + hint);
	}

	/** The snapshot of that name, case-insensitively, or null. */
	public static Snapshot lookup(Session session, String name) {
		for (Snapshot s : session.getSnapshots()) {
			if (s.getName() != null && s.getName().equalsIgnoreCase(name.strip())) {
				return s;
			}
		}
		return null;
	}

	/** The snapshots' names in session order. */
	public static List<String> names(Session session) {
		List<String> names = new ArrayList<>();
		for (Snapshot s : session.getSnapshots()) {
			names.add(s.getName());
		}
		return names;
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a snapshot needs a name");
		}
		String n = name.strip();
		if (n.equalsIgnoreCase(CURRENT)) {
			throw new IllegalArgumentException("'" + CURRENT + "' names the session as it is now; choose another snapshot name");
		}
		return n;
	}

	/**
	 * Saves the session's mix as a snapshot; an existing one of that name (case-insensitively) is replaced only with
	 * {@code replace}.
	 *
	 * @throws IllegalArgumentException when the name is taken and {@code replace} is false, or is not a name
	 */
	public static Command save(EditingDomain domain, Session session, String name, boolean replace) {
		String n = checkName(name);
		Snapshot existing = lookup(session, n);
		String values = capture(session);
		if (existing != null) {
			if (!replace) {
				throw new IllegalArgumentException("snapshot '" + existing.getName() + "' exists (use --force to replace it)");
			}
			return SetCommand.create(domain, existing, MixtreePackage.Literals.SNAPSHOT__VALUES, values);
		}
		Snapshot s = MixtreeFactory.eINSTANCE.createSnapshot();
		s.setName(n);
		s.setValues(values);
		return AddCommand.create(domain, session, MixtreePackage.Literals.SESSION__SNAPSHOTS, s);
	}

	/** Removes a snapshot. */
	public static Command delete(EditingDomain domain, Snapshot snapshot) {
		return RemoveCommand.create(domain, snapshot.eContainer(), MixtreePackage.Literals.SESSION__SNAPSHOTS, snapshot);
	}

	/**
	 * Renames a snapshot; a name another snapshot has (case-insensitively) is refused. A change of case only is a
	 * rename.
	 */
	public static Command rename(EditingDomain domain, Snapshot snapshot, String newName) {
		String n = checkName(newName);
		Snapshot other = lookup((Session) snapshot.eContainer(), n);
		if (other != null && other != snapshot) {
			throw new IllegalArgumentException("snapshot '" + other.getName() + "' exists; delete it first or choose another name");
		}
		return SetCommand.create(domain, snapshot, MixtreePackage.Literals.SNAPSHOT__NAME, n);
	}

	/** Recalls a snapshot: {@link #recall(EditingDomain, Session, Session, String)} of its mix. */
	public static Recall recall(EditingDomain domain, Session session, Snapshot snapshot) {
		return recall(domain, session, mixOf(snapshot), snapshot.getName());
	}

	/**
	 * The command that makes the session's mix the given one: one compound of sets of every mix feature of the
	 * session (tracks, buses, master and every session-level mix attribute), undone as one step. {@code mix} is
	 * used up (its channels move into the session when the command executes).
	 */
	public static Recall recall(EditingDomain domain, Session session, Session mix, String label) {
		List<String> notes = new ArrayList<>();
		Map<String, Track> current = new HashMap<>();
		for (Track t : session.getTracks()) {
			current.put(t.getName(), t);
		}
		for (Track t : new ArrayList<>(mix.getTracks())) {
			Track now = current.get(t.getName());
			if (now == null) {
				notes.add(ChannelAddress.of(t) + " is not in the session: left out");
				EcoreUtil.delete(t, true);
				continue;
			}
			for (EStructuralFeature f : t.eClass().getEAllStructuralFeatures()) {
				if (NOT_MIX.contains(f) && f.isChangeable()) {
					if (now.eIsSet(f)) {
						t.eSet(f, now.eGet(f));
					} else {
						t.eUnset(f);
					}
				}
			}
		}
		List<String> known = new ArrayList<>();
		for (Track t : mix.getTracks()) {
			known.add(t.getName());
		}
		for (Track now : session.getTracks()) {
			if (!known.contains(now.getName())) {
				Track t = EcoreUtil.copy(now);
				mix.getTracks().add(t);
				remap(t, mix);
				notes.add(ChannelAddress.of(now) + " is not in the snapshot: keeps its current settings");
			}
		}
		List<String> order = new ArrayList<>();
		for (Track t : session.getTracks()) {
			order.add(t.getName());
		}
		ECollections.sort(mix.getTracks(), (x, y) -> Integer.compare(order.indexOf(x.getName()), order.indexOf(y.getName())));

		CompoundCommand compound = new CompoundCommand("Recall snapshot " + label);
		for (EStructuralFeature f : session.eClass().getEAllStructuralFeatures()) {
			if (NOT_MIX.contains(f) || !f.isChangeable() || f.isDerived() || f.isTransient()) {
				continue;
			}
			Object value = mix.eGet(f);
			if (f.isMany()) {
				compound.append(SetCommand.create(domain, session, f, new ArrayList<>((Collection<?>) value)));
			} else if (!mix.eIsSet(f)) {
				compound.append(SetCommand.create(domain, session, f, SetCommand.UNSET_VALUE));
			} else {
				compound.append(SetCommand.create(domain, session, f, value));
			}
		}
		return new Recall(compound, notes);
	}

	/**
	 * Points the cross references of a channel copied from the live session at the mix's channels of the same
	 * address: a bus the mix does not have becomes the master (output) or nothing (send, sidechain).
	 */
	private static void remap(Channel copy, Session mix) {
		Map<String, Channel> byAddress = new HashMap<>();
		for (Track t : mix.getTracks()) {
			byAddress.put(ChannelAddress.of(t).toLowerCase(Locale.ROOT), t);
		}
		for (Bus b : mix.getBuses()) {
			byAddress.put(ChannelAddress.of(b).toLowerCase(Locale.ROOT), b);
		}
		List<EObject> all = new ArrayList<>();
		all.add(copy);
		copy.eAllContents().forEachRemaining(all::add);
		List<EObject> orphans = new ArrayList<>();
		for (EObject o : all) {
			for (EReference r : o.eClass().getEAllReferences()) {
				if (r.isContainment() || r.isContainer() || r.isDerived() || !r.isChangeable() || r.isTransient()) {
					continue;
				}
				if (r.isMany()) {
					@SuppressWarnings("unchecked")
					EList<EObject> list = (EList<EObject>) o.eGet(r);
					List<EObject> mapped = new ArrayList<>();
					for (EObject v : list) {
						EObject m = map(v, byAddress, mix);
						if (m != null) {
							mapped.add(m);
						}
					}
					ECollections.setEList(list, mapped);
				} else if (o.eGet(r) instanceof EObject v) {
					EObject m = map(v, byAddress, mix);
					if (m == null && r == MixtreePackage.Literals.SEND__TARGET) {
						orphans.add(o);
					} else if (m == null) {
						o.eUnset(r);
					} else {
						o.eSet(r, m);
					}
				}
			}
		}
		for (EObject o : orphans) {
			EcoreUtil.remove(o);
		}
	}

	private static EObject map(EObject v, Map<String, Channel> byAddress, Session mix) {
		if (!(v instanceof Channel c)) {
			return null;
		}
		if (ChannelAddress.isMaster(c)) {
			return mix.getMaster();
		}
		return byAddress.get(ChannelAddress.of(c).toLowerCase(Locale.ROOT));
	}
}
