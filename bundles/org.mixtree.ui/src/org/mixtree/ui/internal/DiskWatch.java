package org.mixtree.ui.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.handlers.OpenHandler;

/**
 * Notices that the open session's file changed on disk (another program wrote it: an editor, a checkout, a sync)
 * and offers to reload it. A {@link WatchService} on the session's folder wakes a thread of its own; the file is
 * compared with what the workbench read or last saved ({@link SessionService#checkDisk}, on the session's file
 * thread, so the workbench's own saves are not mistaken for a change) and, when its content differs, the window
 * asks: Reload (the session is read again, unsaved changes here are lost) or Keep Mine (nothing happens now; a
 * save will ask before it overwrites the file). The same content is asked about once.
 */
final class DiskWatch implements AutoCloseable {

	/** Events of one write come in a burst (an editor's temporary file, the rename): one look after they settle. */
	private static final long SETTLE_MILLIS = 150;

	private final SessionService session;
	private final MApplication application;
	private final UISynchronize ui;
	private final WatchService watcher;
	private final Thread thread;
	/** The content last asked about, so that one change is one question; touched on the UI thread. */
	private long askedAbout;

	DiskWatch(SessionService session, MApplication application, UISynchronize ui) {
		this.session = session;
		this.application = application;
		this.ui = ui;
		WatchService w = null;
		try {
			w = FileSystems.getDefault().newWatchService();
			session.file().getParent().register(w, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_MODIFY);
		} catch (IOException | UnsupportedOperationException e) {
			// no watching here: a save still asks before overwriting a changed file
			w = null;
		}
		this.watcher = w;
		this.thread = new Thread(this::watch, "mixtree-disk-watch");
		thread.setDaemon(true);
		if (watcher != null) {
			thread.start();
		}
	}

	private void watch() {
		Path name = session.file().getFileName();
		try {
			while (true) {
				WatchKey key = watcher.take();
				boolean ours = false;
				for (WatchEvent<?> e : key.pollEvents()) {
					ours |= e.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(e.context());
				}
				key.reset();
				if (!ours) {
					continue;
				}
				Thread.sleep(SETTLE_MILLIS);
				WatchKey more;
				while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
					more.pollEvents();
					more.reset();
				}
				if (session.checkDisk().join()) {
					long stamp = java.util.Arrays.hashCode(java.nio.file.Files.readAllBytes(session.file()));
					ui.asyncExec(() -> ask(stamp));
				}
			}
		} catch (InterruptedException | ClosedWatchServiceException e) {
			// closed
		} catch (IOException | RuntimeException e) {
			// the file went away between the look and the read: the next event looks again, a save asks
		}
	}

	/** [UI] Asks once per content whether to reload the session that changed on disk. */
	private void ask(long stamp) {
		if (stamp == askedAbout || application.getContext().get(SessionService.class) != session) {
			return;
		}
		askedAbout = stamp;
		Shell shell = Display.getCurrent() == null ? null : Display.getCurrent().getActiveShell();
		String message = session.file().getFileName() + " was changed on disk by another program.\n\nReload it from disk?"
				+ (session.isDirty() ? " The changes not saved here will be lost." : "")
				+ "\nKeep Mine leaves the workbench's version; saving will ask before it overwrites the file.";
		MessageDialog dialog = new MessageDialog(shell, "Mixtree", null, message, MessageDialog.QUESTION, 0, "Reload",
				"Keep Mine");
		if (dialog.open() == 0) {
			OpenHandler.open(application, application.getContext().get(Playback.class), ui, shell, session.file());
		}
	}

	@Override
	public void close() {
		if (watcher != null) {
			try {
				watcher.close();
			} catch (IOException ignored) {
				// the thread ends either way
			}
		}
	}
}
