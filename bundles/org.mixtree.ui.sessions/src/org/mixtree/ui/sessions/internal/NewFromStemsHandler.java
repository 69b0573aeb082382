package org.mixtree.ui.sessions.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.StemLayout;
import org.mixtree.model.persistence.SessionLock;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.sessions.StemChooser;

import jakarta.inject.Named;

/**
 * File > New Session from Stems (Ctrl+N): a folder of stems, read on a worker as {@code mixtree new} reads it; the
 * preview of the auto-grouping ({@link StemsDialog}), which the person changes; then the session file, written on a
 * worker (atomically, under the session lock, as the command line writes it) and opened in this window through
 * {@link SessionService}. Cancel at any step writes nothing.
 */
public final class NewFromStemsHandler {

	@Execute
	void execute(MApplication application, @Optional SessionService current, @Optional Playback playback,
			@Optional StemChooser chooser, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		if (current != null && current.isDirty() && !MessageDialog.openQuestion(shell, "Mixtree",
				"Discard the unsaved changes to " + current.name() + "?")) {
			return;
		}
		StemChooser choose = chooser != null ? chooser : new NativeStemChooser();
		Path folder = choose.folder(shell, current == null ? null : current.file().getParent());
		if (folder == null) {
			return;
		}
		Path absolute = folder.toAbsolutePath().normalize();
		CompletableFuture.supplyAsync(() -> {
			try {
				return StemReading.folder(absolute);
			} catch (Exception e) {
				throw new CompletionException(e);
			}
		}).whenComplete((reading, failure) -> ui.asyncExec(() -> {
			if (failure != null) {
				Failures.show(shell, "Cannot read the stems in " + absolute, failure);
			} else if (!shell.isDisposed()) {
				preview(application, playback, ui, shell, reading);
			}
		}));
	}

	/** [UI] The preview; on Create, the session written and opened. */
	private static void preview(MApplication application, Playback playback, UISynchronize ui, Shell shell,
			StemReading reading) {
		StemLayout layout = StemLayout.forNewSession(reading.stems(), reading.channels(), reading.rules());
		Path folder = reading.folder();
		Path proposed = folder.resolve(folder.getFileName() + "." + SessionStore.EXTENSION);
		StemsDialog dialog = new StemsDialog(shell, StemsDialog.Purpose.NEW, reading, layout, null, proposed);
		if (dialog.open() != Window.OK) {
			return;
		}
		Path file = dialog.sessionFile();
		int rate = reading.rate();
		CompletableFuture.supplyAsync(() -> {
			try {
				write(layout, rate, file);
				return SessionService.open(file);
			} catch (Exception e) {
				throw new CompletionException(e);
			}
		}).whenComplete((session, failure) -> ui.asyncExec(() -> {
			if (failure != null) {
				Failures.show(shell, "Cannot create " + file, failure);
				return;
			}
			if (playback != null) {
				playback.rewind();
			}
			application.getContext().set(SessionService.class, session);
		}));
	}

	/**
	 * [worker] Writes a new session with the layout's tracks and buses: what {@code mixtree new} writes, with the
	 * person's changes.
	 */
	static void write(StemLayout layout, int rate, Path file) throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		String name = file.getFileName().toString();
		name = name.substring(0, name.length() - SessionStore.EXTENSION.length() - 1);
		Session session = SessionEditing.create(domain, file, name, rate);
		SessionCommands.execute(domain, layout.command(domain, session, file));
		try (SessionLock lock = SessionLock.acquire(file)) {
			SessionStore.save(session, file);
		}
	}
}
