package org.mixtree.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionLock;

/**
 * The session locks of the command running on this thread. A command that changes a session loads it with
 * {@link #load} (or calls {@link #lock} first, as {@code new} does), which takes the session's {@link SessionLock}
 * before the file is read; {@link Cli#run} lets go of every lock the command took when it ends, after its save or
 * its refusal. So the lock covers load, change and save, a second command on the same session waits (then refuses
 * with one line), and the commands keep their shape: the lock is one word at each load.
 */
final class EditLocks {

	private static final ThreadLocal<List<SessionLock>> HELD = ThreadLocal.withInitial(ArrayList::new);

	private EditLocks() {
	}

	/** Takes the session's lock until the command ends. */
	static void lock(Path sessionFile) throws SessionFileException {
		HELD.get().add(SessionLock.acquire(sessionFile));
	}

	/**
	 * Takes the session's lock until the command ends, then loads the session into the domain. A session that is
	 * not there is refused by the load without a lock, so a mistyped name leaves no lock file behind.
	 */
	static Session load(AdapterFactoryEditingDomain domain, Path sessionFile) throws SessionFileException {
		if (Files.exists(sessionFile)) {
			lock(sessionFile);
		}
		return SessionEditing.load(domain, sessionFile);
	}

	/** Lets go of what this thread's command took, last first. */
	static void releaseAll() {
		List<SessionLock> held = HELD.get();
		for (int i = held.size() - 1; i >= 0; i--) {
			held.get(i).close();
		}
		HELD.remove();
	}
}
