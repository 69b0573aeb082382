package org.mixtree.ui;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.model.FileValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionLock;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

/**
 * The open session of a workbench window, in its e4 context: the loaded {@link Session}, its editing domain with
 * the one command stack every view edits through, its file, and whether it changed since it was read or saved
 * (the command stack's save point). Views inject it and edit with EMF.Edit commands on {@link #commandStack()}.
 * <p>
 * Threads: everything but the file write is on the UI thread (the thread that owns the model). A save copies the
 * session in memory there and writes the copy on a worker, so the UI never waits for the disk; the save point is
 * the command that was on top when the copy was taken, so edits made during the write stay unsaved.
 */
public final class SessionService {

	/** The command stack with a save point that can be set to a given command (the one a save copied at). */
	private static final class Stack extends BasicCommandStack {
		int top() {
			return top;
		}

		void savedAt(int index) {
			saveIndex = index;
			notifyListeners();
		}
	}

	private final AdapterFactoryEditingDomain domain;
	private final Stack stack;
	private final Session session;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	/** Writes the session file, one save after the other. */
	private final Executor io = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
		Thread t = new Thread(r, "mixtree-session-io");
		t.setDaemon(true);
		return t;
	});
	private volatile Path file;

	private SessionService(AdapterFactoryEditingDomain domain, Stack stack, Session session, Path file) {
		this.domain = domain;
		this.stack = stack;
		this.session = session;
		this.file = file;
		stack.addCommandStackListener(e -> changed());
	}

	/**
	 * [any] Reads and checks a session file (no lock is taken and nothing is written: opening never writes).
	 *
	 * @throws SessionFileException naming the file and what is wrong with it, or the first problem the validator
	 *                              finds
	 */
	public static SessionService open(Path file) throws SessionFileException {
		Path absolute = file.toAbsolutePath().normalize();
		Stack stack = new Stack();
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(SessionEditing.createAdapterFactory(),
				stack, new HashMap<Resource, Boolean>());
		SessionStore.register(domain.getResourceSet());
		Session session = SessionEditing.load(domain, absolute);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new SessionFileException(absolute, problems.get(0).message(), null);
		}
		return new SessionService(domain, stack, session, absolute);
	}

	/** The session, owned by the UI thread. */
	public Session session() {
		return session;
	}

	/** The editing domain: its command stack is the one every change goes through. */
	public AdapterFactoryEditingDomain domain() {
		return domain;
	}

	/** The one command stack of the session (undo, redo, the save point). */
	public CommandStack commandStack() {
		return stack;
	}

	/** The session file (absolute). */
	public Path file() {
		return file;
	}

	/** The session's name as the title shows it: the file name without its extension. */
	public String name() {
		String n = file.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/** Whether anything changed since the session was read or last saved. */
	public boolean isDirty() {
		return stack.isSaveNeeded();
	}

	/** The window title: {@code NAME - Mixtree}, with a leading {@code *} while there are unsaved changes. */
	public String title() {
		return (isDirty() ? "*" : "") + name() + " - Mixtree";
	}

	/** [UI] Called after every change of the dirty state or the file, on the thread that made it. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/**
	 * [UI] Saves the session to its file, atomically and under the session lock (the one CLI commands take), the
	 * write on this service's file thread. The save point moves when the write succeeded, on {@code ui} (the UI
	 * thread's executor, e.g. {@code UISynchronize::asyncExec}), where the returned future completes.
	 */
	public CompletableFuture<Path> save(Executor ui) {
		return saveAs(file, ui);
	}

	/** [UI] As {@link #save}, to another file, which becomes the session's file when the write succeeded. */
	public CompletableFuture<Path> saveAs(Path target, Executor ui) {
		Path absolute = target.toAbsolutePath().normalize();
		Session copy = EcoreUtil.copy(session);
		Path sourceFile = file;
		int at = stack.top();
		if (!absolute.equals(sourceFile)) {
			relocate(copy, sourceFile, absolute);
		}
		return CompletableFuture.supplyAsync(() -> {
			try (SessionLock lock = SessionLock.acquire(absolute)) {
				SessionStore.save(copy, absolute);
				return absolute;
			} catch (SessionFileException e) {
				throw new CompletionException(e);
			}
		}, io).thenApplyAsync(saved -> {
			file = saved;
			stack.savedAt(at);
			return saved;
		}, ui);
	}

	/** Keeps the relative paths a copy reads (track sources, insert files) pointing at the same files from another folder. */
	private static void relocate(Session copy, Path from, Path to) {
		for (TreeIterator<EObject> it = copy.eAllContents(); it.hasNext();) {
			EObject o = it.next();
			if (o instanceof Track t && t.getSource() != null && !Path.of(t.getSource()).isAbsolute()) {
				t.setSource(SessionStore.relativeSource(SessionStore.resolveSource(t, from), to));
			} else if (o instanceof FileValue f && f.getPath() != null && !Path.of(f.getPath()).isAbsolute()) {
				f.setPath(SessionStore.relativeSource(SessionStore.resolveFile(f, from), to));
			}
		}
	}

	private void changed() {
		for (Runnable r : listeners) {
			r.run();
		}
	}
}
