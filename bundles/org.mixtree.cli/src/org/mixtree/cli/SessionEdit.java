package org.mixtree.cli;

import java.nio.file.Path;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;

/**
 * The session an editing command changes, and whether the command saves it. A command run on its own loads the
 * session (taking its lock, {@link EditLocks}), applies its change and saves: {@code load + apply + save}. In a
 * {@code batch} every line applies its change to the one session the batch loaded and {@link #save} writes nothing:
 * the batch saves once, after its last line, and only when every line succeeded ({@link BatchCli}).
 *
 * @param file    the session file
 * @param domain  the editing domain the command's changes go through
 * @param session the loaded session
 * @param saves   whether {@link #save} writes the file (false in a batch)
 */
record SessionEdit(Path file, AdapterFactoryEditingDomain domain, Session session, boolean saves) {

	/** Where an editing command gets the session it changes. */
	interface Source {
		SessionEdit open(Path file) throws SessionFileException;
	}

	/** A command on its own: a fresh domain, the session loaded under its lock, saved by {@link #save}. */
	static final Source ALONE = file -> {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		return new SessionEdit(file, domain, EditLocks.load(domain, file), true);
	};

	/** Writes the session atomically, unless a batch saves it when all its lines succeeded. */
	void save() throws SessionFileException {
		if (saves) {
			SessionStore.save(session, file);
		}
	}
}
