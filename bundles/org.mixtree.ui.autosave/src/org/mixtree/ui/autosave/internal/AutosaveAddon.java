package org.mixtree.ui.autosave.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.SessionService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Autosave: every {@link Autosaves#intervalMillis() 30 s} (a preference, or the system property
 * {@value Autosaves#INTERVAL_PROPERTY}) a session with changes not yet autosaved is copied on the UI thread and
 * written beside its file ({@link Autosaves#fileOf}) on a worker, atomically through {@link SessionStore}; never
 * over the session file. The autosave goes when the session is saved (or undone back to its saved state), when
 * another session is opened, and when the workbench closes normally. So an autosave newer than its session file
 * at start means the workbench did not end normally: before the window shows, the user restores it (one
 * undoable command, the session then has unsaved changes) or discards it.
 * <p>
 * Threads: everything here on the UI thread but the writes and deletes, which run one after the other on this
 * addon's worker (a delete after a save never overtakes the write before it).
 */
public final class AutosaveAddon {

	@Inject
	@Optional
	SessionService session;

	private Display display;
	private final ExecutorService io = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-autosave");
		t.setDaemon(true);
		return t;
	});
	/** Changes of the session since it was opened: every command stack change (and save) counts one. */
	private long generation;
	/** {@link #generation} the last autosave copied. */
	private long autosaved;
	/** Every autosave this workbench wrote (a Save As moves the session; the old name's goes too). */
	private final Set<Path> written = new LinkedHashSet<>();
	private SessionService watched;
	private final Runnable changed = this::sessionChanged;
	private final Runnable tick = this::tick;
	private long interval;

	@PostConstruct
	void created() {
		display = Display.getCurrent();
		interval = Autosaves.intervalMillis();
		follow(session);
		if (display != null) {
			display.timerExec((int) Math.min(Integer.MAX_VALUE, interval), tick);
		}
	}

	/** [UI] The context's session changed (File &gt; Open): the old one's autosave goes, the new one is offered. */
	@Inject
	void sessionReplaced(@Optional SessionService next) {
		if (display == null) {
			return; // before @PostConstruct: created() follows it
		}
		follow(next);
	}

	private void follow(SessionService next) {
		if (next == watched) {
			return;
		}
		if (watched != null) {
			watched.removeListener(changed);
			deleteWritten();
		}
		watched = next;
		generation = 0;
		autosaved = 0;
		if (next != null) {
			offerRecovery(next);
			next.addListener(changed);
		}
	}

	/** [UI] A command ran, was undone or redone, or a save finished. */
	private void sessionChanged() {
		generation++;
		if (watched != null && !watched.isDirty()) {
			// saved, or back at the saved state: the file holds it all
			autosaved = generation;
			deleteWritten();
		}
	}

	/** [UI] Every interval: a copy of the session with changes not yet autosaved, written on the worker. */
	private void tick() {
		if (display == null || display.isDisposed()) {
			return;
		}
		SessionService s = watched;
		if (s != null && s.isDirty() && generation != autosaved) {
			Session copy = EcoreUtil.copy(s.session());
			Path target = Autosaves.fileOf(s.file());
			autosaved = generation;
			written.add(target);
			io.execute(() -> {
				try {
					SessionStore.save(copy, target, false);
				} catch (SessionFileException e) {
					// the next tick tries again; the session itself is untouched
					display.asyncExec(() -> autosaved = -1);
				}
			});
		}
		display.timerExec((int) Math.min(Integer.MAX_VALUE, interval), tick);
	}

	private void deleteWritten() {
		Set<Path> gone = Set.copyOf(written);
		written.clear();
		SessionService s = watched;
		Path current = s == null ? null : Autosaves.fileOf(s.file());
		io.execute(() -> {
			for (Path p : gone) {
				Autosaves.delete(p);
			}
			if (current != null && !gone.contains(current) && s != null && !Autosaves.newerThanSession(s.file())) {
				Autosaves.delete(current); // a stale one, older than the session file
			}
		});
	}

	/**
	 * [UI] An autosave newer than the session file: asked before anything else (the window is not shown yet at
	 * start). Restore: one command on the session's stack, leaving it with unsaved changes; Discard: the autosave
	 * goes. Closing the question decides nothing: the autosave stays until the session is saved or autosaved again.
	 * An autosave older than the session file is stale (saved since) and removed.
	 */
	private void offerRecovery(SessionService s) {
		Path autosave = Autosaves.fileOf(s.file());
		if (!Files.exists(autosave)) {
			return;
		}
		if (!Autosaves.newerThanSession(s.file())) {
			io.execute(() -> Autosaves.delete(autosave));
			return;
		}
		Session restored;
		try {
			restored = SessionStore.load(autosave);
		} catch (SessionFileException e) {
			MessageDialog.openWarning(null, "Mixtree",
					"The autosave of " + s.name() + " cannot be read and is left as it is: " + e.getMessage());
			return;
		}
		String when = "";
		try {
			FileTime t = Files.getLastModifiedTime(autosave);
			when = " from " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
					.withZone(ZoneId.systemDefault()).format(t.toInstant());
		} catch (java.io.IOException e) {
			// said without the time
		}
		MessageDialog question = new MessageDialog(null, "Mixtree: recover " + s.name(), null,
				"Mixtree did not close normally, and " + s.name() + " has an autosave" + when
						+ " that is newer than the session file.\n\nRestore it (the changes come back as unsaved "
						+ "changes; the session file is not written until you save) or discard it?",
				MessageDialog.QUESTION, 0, "Restore", "Discard");
		int answer = question.open();
		if (answer == 0) {
			Command restore = Autosaves.restoreCommand(s.domain(), s.session(), restored);
			s.commandStack().execute(restore);
			written.add(autosave);
		} else if (answer == 1) {
			io.execute(() -> Autosaves.delete(autosave));
		}
	}

	/** A normal close: the autosave goes (the user saved or chose not to), after any write in flight. */
	@PreDestroy
	void closed() {
		if (watched != null) {
			watched.removeListener(changed);
		}
		deleteWritten();
		io.shutdown();
		try {
			// at shutdown only: a write in flight must not bring the autosave back after its delete
			io.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** [UI] The interval in force (tests). */
	long intervalMillis() {
		return interval;
	}
}
