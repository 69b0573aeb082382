package org.mixtree.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
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
 * <p>
 * The session lock: while a window shows the session it holds the session's {@link SessionLock} ({@link #holdLock},
 * as the workbench, so a CLI command that would change the file is refused at once, naming the workbench), taken
 * and let go on this service's file thread, where the saves run too. A file changed on disk all the same (another
 * program, a checkout) is noticed: {@link #changedOnDisk()} compares it with what was read or last saved, and a
 * save over such a file fails with {@link ChangedOnDiskException} unless the user said to overwrite.
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

	/** A save refused because the file changed on disk since it was read or saved here: the user decides. */
	public static final class ChangedOnDiskException extends SessionFileException {
		private static final long serialVersionUID = 1L;

		ChangedOnDiskException(Path file) {
			super(file, "the session file was changed on disk by another program since it was opened here", null);
		}
	}

	/** What a file held when it was read or written here: size and time for a quick look, the content's hash to be sure. */
	record DiskState(long size, long modifiedNanos, byte[] sha256) {

		/** [not UI] The state of {@code file} now, or null when it is not there. */
		static DiskState of(Path file) {
			try {
				BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
				byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
				return new DiskState(a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), hash);
			} catch (NoSuchFileException e) {
				return null;
			} catch (IOException e) {
				return new DiskState(-1, -1, new byte[0]);
			} catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

		boolean sameContent(DiskState other) {
			return other != null && Arrays.equals(sha256, other.sha256);
		}
	}

	private final AdapterFactoryEditingDomain domain;
	private final Stack stack;
	private final Session session;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	/**
	 * Writes the session file, one save after the other; takes and lets go of the session lock. One thread: it
	 * stays while the lock is held (a lock is let go by the thread that took it), and goes when idle otherwise.
	 */
	private final ThreadPoolExecutor io = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
		Thread t = new Thread(r, "mixtree-session-io");
		t.setDaemon(true);
		return t;
	});
	private volatile Path file;
	/** What the file held when it was read or last saved here; null when it was not there. */
	private volatile DiskState known;
	/** The lock held while a window shows the session; touched on {@link #io} only. */
	private SessionLock held;
	/** Whether {@link #held} is set, for any thread to read. */
	private volatile boolean locked;

	private SessionService(AdapterFactoryEditingDomain domain, Stack stack, Session session, Path file, DiskState known) {
		this.domain = domain;
		this.stack = stack;
		this.session = session;
		this.file = file;
		this.known = known;
		io.allowCoreThreadTimeOut(true);
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
		// before the load: a change in between shows as a change on disk (a question too many, never one too few)
		DiskState known = DiskState.of(absolute);
		Session session = SessionEditing.load(domain, absolute);
		List<SessionValidator.Problem> problems = SessionValidator.validate(session);
		if (!problems.isEmpty()) {
			throw new SessionFileException(absolute, problems.get(0).message(), null);
		}
		return new SessionService(domain, stack, session, absolute, known);
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
		return save(ui, false);
	}

	/**
	 * [UI] As {@link #save(Executor)}; when the file changed on disk since it was read or saved here the future
	 * fails with {@link ChangedOnDiskException} and nothing is written, unless {@code overwrite} (the user's answer
	 * to that question; the file on disk then becomes the {@code .bak}).
	 */
	public CompletableFuture<Path> save(Executor ui, boolean overwrite) {
		return write(file, ui, overwrite);
	}

	/** [UI] As {@link #save}, to another file, which becomes the session's file when the write succeeded. */
	public CompletableFuture<Path> saveAs(Path target, Executor ui) {
		return write(target, ui, true);
	}

	/**
	 * [not UI] Whether the file now holds something other than what was read or last saved here (a different
	 * content; a touched file with the same bytes is not a change). Reads the file: call it off the UI thread.
	 */
	public boolean changedOnDisk() {
		DiskState was = known;
		DiskState now = DiskState.of(file);
		if (was == null || now == null) {
			return was != now;
		}
		if (was.size() == now.size() && was.modifiedNanos() == now.modifiedNanos()) {
			return false;
		}
		return !was.sameContent(now);
	}

	/** [any] Whether this service holds the session's lock ({@link #holdLock}). */
	public boolean holdsLock() {
		return locked;
	}

	/** [any] {@link #changedOnDisk()} on the file thread, so never in the middle of a save of this service. */
	public CompletableFuture<Boolean> checkDisk() {
		return CompletableFuture.supplyAsync(this::changedOnDisk, io);
	}

	/**
	 * [UI] Takes the session's lock as the workbench, on the file thread, for as long as a window shows the session
	 * ({@link #releaseLock} lets go). The future fails with the lock's one line when another process holds it (the
	 * session stays open; a save then waits for the lock as any writer does).
	 */
	public CompletableFuture<Void> holdLock() {
		Path target = file;
		return CompletableFuture.runAsync(() -> {
			if (held != null) {
				return;
			}
			try {
				io.allowCoreThreadTimeOut(false);
				held = SessionLock.acquire(target, SessionLock.configuredWait(), SessionLock.WORKBENCH);
				locked = true;
			} catch (SessionFileException e) {
				io.allowCoreThreadTimeOut(true);
				throw new CompletionException(e);
			}
		}, io);
	}

	/** [any] Lets go of the lock {@link #holdLock} took, on the file thread after any save under way. */
	public CompletableFuture<Void> releaseLock() {
		return CompletableFuture.runAsync(() -> {
			if (held != null) {
				locked = false;
				held.close();
				held = null;
			}
			io.allowCoreThreadTimeOut(true);
		}, io);
	}

	private CompletableFuture<Path> write(Path target, Executor ui, boolean overwrite) {
		Path absolute = target.toAbsolutePath().normalize();
		Session copy = EcoreUtil.copy(session);
		Path sourceFile = file;
		int at = stack.top();
		if (!absolute.equals(sourceFile)) {
			relocate(copy, sourceFile, absolute);
		}
		return CompletableFuture.supplyAsync(() -> {
			try (SessionLock lock = SessionLock.acquire(absolute)) {
				if (!overwrite && absolute.equals(sourceFile) && changedOnDisk()) {
					throw new ChangedOnDiskException(absolute);
				}
				SessionStore.save(copy, absolute);
				known = DiskState.of(absolute);
				if (held != null && !held.target().equals(lock.target())) {
					// Save As: the window now shows the new file, so its lock is the one to hold
					SessionLock next = SessionLock.acquire(absolute, Duration.ZERO, SessionLock.WORKBENCH);
					held.close();
					held = next;
				}
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
