package org.mixtree.model.persistence;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.mixtree.audio.io.internal.AtomicFiles;

/**
 * The right to load, change and save one session file: whoever changes a session holds its lock from before the
 * load to after the save, so that two commands run at once never both start from the same old file and the
 * second save silently undoes the first.
 * <p>
 * The lock is an OS file lock ({@link FileChannel#tryLock()}: a POSIX {@code fcntl} write lock on the whole file
 * on Linux and macOS) on a small empty file beside the session, {@code .NAME.mixtree.lock} next to
 * {@code NAME.mixtree}, beside the real file when the session is reached through a symbolic link. The lock file
 * is created on first use and never deleted (deleting a lock file another process has open is what makes
 * lock files racy); the lock itself goes when its holder closes it or dies, so a crashed or killed command
 * never leaves a session locked. Within one JVM, holders queue on an in-process lock first (file locks are per
 * process), and the same thread may take the lock again while holding it.
 * <p>
 * A writer that finds the session locked waits, up to a bound ({@link #acquire(Path)}: the system property
 * {@value #WAIT_PROPERTY}, in seconds, default 10), then gives up with one line naming the file. Readers
 * ({@code info}, {@code render}) take no lock: a save is an atomic rename, so they see the old file or the new.
 * <p>
 * A holder that keeps a session for long, the workbench while the session is open in its window, says so
 * ({@link #acquire(Path, Duration, String)} with {@link #WORKBENCH}): the lock file then names it and its process,
 * and a writer that finds such a holder is refused at once, with one line saying where the session is open,
 * instead of waiting out the bound. The lock file is emptied when the lock is let go; a killed holder's words stay
 * but are read only while the OS lock is held, which a dead process no longer does.
 * <p>
 * JDK only on purpose (no EMF), so that it can be tested from a second, plain JVM.
 */
public final class SessionLock implements AutoCloseable {

	/** System property: how long {@link #acquire(Path)} waits for another writer, in seconds. */
	public static final String WAIT_PROPERTY = "mixtree.session.lockWait";

	/** The wait when {@value #WAIT_PROPERTY} is not set. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

	/** The holder kind of the workbench, which holds a session's lock as long as the session is open in it. */
	public static final String WORKBENCH = "workbench";

	private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/** One per session file in use in this JVM, by real path; guarded by itself. */
	private static final Map<Path, Holder> HOLDERS = new HashMap<>();

	private static final class Holder {
		/** fair: writers of this JVM take turns in the order they came */
		final ReentrantLock local = new ReentrantLock(true);
		/** the acquisitions under way or held, so that an idle holder leaves the map; guarded by HOLDERS */
		int references;
		/** open, and locked, while a thread of this JVM holds the session; touched by that thread only */
		FileChannel channel;
		/** the long-term holder kind of this JVM's holder ({@link #WORKBENCH}), or null */
		volatile String kind;
	}

	private final Path target;
	private final Path lockFile;
	private final Holder holder;
	private final Thread owner;
	private boolean closed;

	private SessionLock(Path target, Path lockFile, Holder holder) {
		this.target = target;
		this.lockFile = lockFile;
		this.holder = holder;
		this.owner = Thread.currentThread();
	}

	/** Takes the lock of a session file, waiting as long as {@value #WAIT_PROPERTY} says (default 10 s). */
	public static SessionLock acquire(Path sessionFile) throws SessionFileException {
		return acquire(sessionFile, configuredWait());
	}

	/**
	 * Takes the lock of a session file (which need not exist yet), waiting at most {@code wait} for another holder,
	 * in this process or another, to let go. Close it on the thread that took it, after the save.
	 *
	 * @throws SessionFileException naming the file: {@code another mixtree command has been changing this
	 *                              session for 10 s; try again}, or why the lock file cannot be made
	 */
	public static SessionLock acquire(Path sessionFile, Duration wait) throws SessionFileException {
		return acquire(sessionFile, wait, null);
	}

	/**
	 * As {@link #acquire(Path, Duration)}, for a holder that keeps the lock for long: {@code kind} (e.g.
	 * {@link #WORKBENCH}) is written into the lock file with this process's id while the lock is held, and other
	 * writers are refused at once with a line that says where the session is open.
	 */
	public static SessionLock acquire(Path sessionFile, Duration wait, String kind) throws SessionFileException {
		Path given = sessionFile.toAbsolutePath().normalize();
		Path target;
		try {
			target = AtomicFiles.resolveLinks(given);
		} catch (IOException e) {
			throw new SessionFileException(given, "cannot lock the session: " + AtomicFiles.describe(e), e);
		}
		Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
		long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
		Holder holder;
		synchronized (HOLDERS) {
			holder = HOLDERS.computeIfAbsent(target, k -> new Holder());
			holder.references++;
		}
		boolean acquired = false;
		try {
			String heldFor = holder.kind;
			long patience = heldFor != null ? 0 : Math.max(0, deadline - System.nanoTime());
			if (!holder.local.tryLock(patience, TimeUnit.NANOSECONDS)) {
				throw heldFor != null || holder.kind != null
						? openElsewhere(given, (heldFor != null ? heldFor : holder.kind) + " " + ProcessHandle.current().pid())
						: busy(given, wait);
			}
			try {
				if (holder.local.getHoldCount() == 1) {
					holder.channel = lockFile(given, lockFile, deadline, wait);
				}
				if (kind != null && holder.kind == null) {
					holder.kind = kind;
					say(holder.channel, kind + " " + ProcessHandle.current().pid());
				}
				acquired = true;
				return new SessionLock(target, lockFile, holder);
			} finally {
				if (!acquired) {
					holder.local.unlock();
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SessionFileException(given, "interrupted while waiting for another mixtree command to finish", e);
		} finally {
			if (!acquired) {
				release(target, holder);
			}
		}
	}

	/** The wait the system property asks for, or {@link #DEFAULT_WAIT} when it is unset or not a number. */
	public static Duration configuredWait() {
		String text = System.getProperty(WAIT_PROPERTY);
		if (text != null) {
			try {
				double seconds = Double.parseDouble(text.trim());
				if (seconds >= 0 && seconds < 1e6) {
					return Duration.ofNanos(Math.round(seconds * 1e9));
				}
			} catch (NumberFormatException e) {
				// the default
			}
		}
		return DEFAULT_WAIT;
	}

	/** The session file the lock guards, links resolved: the file a save replaces. */
	public Path target() {
		return target;
	}

	/** The lock file: {@code .NAME.lock} beside {@link #target()}. */
	public Path lockFile() {
		return lockFile;
	}

	/** Lets the next writer in; the lock file stays. Idempotent. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		if (Thread.currentThread() != owner) {
			throw new IllegalStateException("a session lock is closed by the thread that took it");
		}
		closed = true;
		try {
			if (holder.local.getHoldCount() == 1) {
				FileChannel channel = holder.channel;
				holder.channel = null;
				if (holder.kind != null) {
					holder.kind = null;
					say(channel, "");
				}
				try {
					channel.close(); // releases the OS lock
				} catch (IOException ignored) {
					// the descriptor is gone either way, and with it the lock
				}
			}
		} finally {
			holder.local.unlock();
			release(target, holder);
		}
	}

	/** Opens the lock file and polls for its OS lock until the deadline; FileChannel.lock() cannot time out. */
	private static FileChannel lockFile(Path given, Path lockFile, long deadline, Duration wait)
			throws SessionFileException, InterruptedException {
		FileChannel channel;
		try {
			channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		} catch (IOException e) {
			throw new SessionFileException(given, "cannot create the lock file: " + AtomicFiles.describe(e), e);
		}
		boolean locked = false;
		try {
			long pause = TimeUnit.MILLISECONDS.toNanos(2);
			while (true) {
				FileLock lock;
				try {
					lock = channel.tryLock();
				} catch (OverlappingFileLockException e) {
					lock = null; // another channel of this JVM (not a SessionLock) holds it: wait as for a process
				} catch (IOException e) {
					throw new SessionFileException(given, "cannot lock " + lockFile + ": " + AtomicFiles.describe(e), e);
				}
				if (lock != null) {
					locked = true;
					return channel;
				}
				String holder = holderOf(lockFile);
				if (holder != null) {
					throw openElsewhere(given, holder);
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw busy(given, wait);
				}
				TimeUnit.NANOSECONDS.sleep(Math.min(pause, left));
				pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
			}
		} finally {
			if (!locked) {
				try {
					channel.close();
				} catch (IOException ignored) {
					// nothing was locked
				}
			}
		}
	}

	private static void release(Path target, Holder holder) {
		synchronized (HOLDERS) {
			if (--holder.references == 0) {
				HOLDERS.remove(target, holder);
			}
		}
	}

	/** Replaces the lock file's words (its holder, or nothing); a failure only loses the better message. */
	private static void say(FileChannel channel, String words) {
		try {
			channel.truncate(0);
			channel.write(java.nio.ByteBuffer.wrap(words.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0);
		} catch (IOException ignored) {
			// the lock holds all the same
		}
	}

	/** The long-term holder a locked lock file names ({@code workbench 1234}), or null. */
	private static String holderOf(Path lockFile) {
		try {
			String words = java.nio.file.Files.readString(lockFile).strip();
			return words.startsWith(WORKBENCH + " ") ? words : null;
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static SessionFileException openElsewhere(Path file, String holder) {
		String pid = holder.substring(holder.indexOf(' ') + 1);
		return new SessionFileException(file, "the session is open in the Mixtree workbench (process " + pid
				+ "); save and close it there, then try again", null);
	}

	private static SessionFileException busy(Path file, Duration wait) {
		double seconds = wait.toNanos() / 1e9;
		String shown = seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f", seconds)
				: String.format(Locale.ROOT, "%.1f", seconds);
		return new SessionFileException(file, "another mixtree command has been changing this session for " + shown
				+ " s; try again", null);
	}
}
