package org.mixtree.ui.internal.handlers;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/**
 * File > Open (Ctrl+O): another session in this window. The file is read on a worker; when it is good the transport
 * stops and the new session replaces the old one in the application's context, so every view that injects
 * {@link SessionService} follows.
 */
public final class OpenHandler {

	@Execute
	void open(MApplication application, @Optional SessionService current, @Optional Playback playback, UISynchronize ui,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		if (current != null && current.isDirty() && !MessageDialog.openQuestion(shell, "Mixtree",
				"Discard the unsaved changes to " + current.name() + "?")) {
			return;
		}
		FileDialog dialog = new FileDialog(shell, SWT.OPEN);
		dialog.setText("Open Session");
		dialog.setFilterExtensions(new String[] { "*.mixtree", "*" });
		if (current != null) {
			dialog.setFilterPath(current.file().getParent().toString());
		}
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		open(application, playback, ui, shell, Path.of(chosen));
	}

	/** [UI] Reads the session on a worker, then puts it into the application's context. */
	public static CompletableFuture<SessionService> open(MApplication application, Playback playback, UISynchronize ui,
			Shell shell, Path file) {
		CompletableFuture<SessionService> loaded = CompletableFuture.supplyAsync(() -> {
			try {
				return SessionService.open(file);
			} catch (SessionFileException e) {
				throw new CompletionException(e);
			}
		});
		loaded.whenComplete((session, failure) -> {
			if (failure != null) {
				Failures.show(ui, shell, "Cannot open " + file, failure);
				return;
			}
			ui.asyncExec(() -> {
				if (playback != null) {
					playback.rewind();
				}
				application.getContext().set(SessionService.class, session);
			});
		});
		return loaded;
	}
}
