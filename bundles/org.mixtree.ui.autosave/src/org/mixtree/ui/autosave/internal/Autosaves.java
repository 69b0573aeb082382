package org.mixtree.ui.autosave.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.model.Session;

/**
 * Where a session's autosave lives and how it is read back: {@code .NAME.mixtree.autosave} in the session's folder
 * (hidden, beside the session so its relative stem paths mean the same; never the session file itself), written
 * atomically by {@code SessionStore.save}. It is newer than the session file only when the workbench ended with
 * unsaved changes without saving or discarding them: a crash.
 * <p>
 * No SWT here: the addon ({@link AutosaveAddon}) does the timing and the asking.
 */
public final class Autosaves {

	/** System property: seconds between autosaves (overrides the preference). */
	public static final String INTERVAL_PROPERTY = "mixtree.autosave.seconds";
	/** Preference (instance scope, node {@value #PREFERENCE_NODE}): seconds between autosaves. */
	public static final String INTERVAL_PREFERENCE = "intervalSeconds";
	public static final String PREFERENCE_NODE = "org.mixtree.ui.autosave";
	public static final double DEFAULT_INTERVAL_SECONDS = 30;

	private Autosaves() {
	}

	/** The autosave of a session file: {@code .NAME.mixtree.autosave} beside it. */
	public static Path fileOf(Path sessionFile) {
		Path abs = sessionFile.toAbsolutePath().normalize();
		return abs.resolveSibling("." + abs.getFileName() + ".autosave");
	}

	/** Milliseconds between autosaves: the system property, else the preference, else 30 s; at least 100 ms. */
	public static long intervalMillis() {
		double seconds = DEFAULT_INTERVAL_SECONDS;
		try {
			seconds = InstanceScope.INSTANCE.getNode(PREFERENCE_NODE).getDouble(INTERVAL_PREFERENCE, seconds);
		} catch (RuntimeException | LinkageError e) {
			// no preference service (a plain JVM): the default
		}
		String property = System.getProperty(INTERVAL_PROPERTY);
		if (property != null) {
			try {
				seconds = Double.parseDouble(property.trim());
			} catch (NumberFormatException e) {
				// a mistyped property keeps the preference
			}
		}
		return Math.max(100, Math.round(seconds * 1000));
	}

	/**
	 * Whether the autosave of a session file is one to offer: it exists and was written after the session file (the
	 * workbench ended without a save or a discard after it).
	 */
	public static boolean newerThanSession(Path sessionFile) {
		Path autosave = fileOf(sessionFile);
		try {
			return Files.isRegularFile(autosave)
					&& Files.getLastModifiedTime(autosave).compareTo(Files.getLastModifiedTime(sessionFile)) > 0;
		} catch (IOException e) {
			return false;
		}
	}

	/** Removes a session's autosave, if any; a failure is left (the file is hidden and never read as the session). */
	public static void delete(Path autosave) {
		try {
			Files.deleteIfExists(autosave);
		} catch (IOException e) {
			// stays; the next start sees it older than the session file and removes it then
		}
	}

	/**
	 * One undoable command that makes {@code live} what {@code restored} holds (an autosave read back): every
	 * changeable feature of the session root is set to the restored one's value, the restored channels moved in. The
	 * session stays the same object, so every view and the playing engine follow by notification; undo gives back
	 * the session as the file had it.
	 *
	 * @param restored read from the autosave; its contents are moved into {@code live} when the command executes
	 */
	public static Command restoreCommand(EditingDomain domain, Session live, Session restored) {
		CompoundCommand all = new CompoundCommand("Restore the autosaved session");
		List<EStructuralFeature> later = new ArrayList<>();
		for (EStructuralFeature f : live.eClass().getEAllStructuralFeatures()) {
			if (!f.isChangeable() || f.isDerived() || f.isTransient() || f.isVolatile()) {
				continue;
			}
			if (f instanceof EReference r && !r.isContainment()) {
				later.add(f); // references point into what the containments bring: set after them
				continue;
			}
			add(all, domain, live, restored, f);
		}
		for (EStructuralFeature f : later) {
			add(all, domain, live, restored, f);
		}
		return all.unwrap();
	}

	private static void add(CompoundCommand all, EditingDomain domain, Session live, Session restored,
			EStructuralFeature f) {
		Object now = live.eGet(f);
		Object then = restored.eGet(f);
		// containments are always moved in whole, so that every reference (inside them and from the root) points at
		// objects of one tree; attributes only when they differ
		if (!(f instanceof EReference) && java.util.Objects.equals(now, then) && live.eIsSet(f) == restored.eIsSet(f)) {
			return;
		}
		Object value = f.isMany() ? new ArrayList<>((List<?>) then) : (restored.eIsSet(f) ? then : SetCommand.UNSET_VALUE);
		all.append(SetCommand.create(domain, live, f, value));
	}
}
