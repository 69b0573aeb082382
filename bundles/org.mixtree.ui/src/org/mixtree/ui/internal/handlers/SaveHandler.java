package org.mixtree.ui.internal.handlers;

import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/**
 * Ctrl+S: saves the session atomically (the write on a worker); a session without changes is not written. A file
 * changed on disk since it was read or saved here is never overwritten silently: the window asks first (Overwrite,
 * the file on disk becoming the {@code .bak}; Reload; Cancel).
 */
public final class SaveHandler {

	/** The answers to the question before overwriting a changed file, by button index. */
	static final int OVERWRITE = 0, RELOAD = 1;

	@CanExecute
	boolean canSave(@Optional SessionService session) {
		return session != null && session.isDirty();
	}

	@Execute
	void save(SessionService session, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
			MApplication application, @Optional Playback playback) {
		session.save(ui::asyncExec).whenComplete((saved, failure) -> {
			Throwable why = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
			if (why instanceof SessionService.ChangedOnDiskException) {
				ui.asyncExec(() -> askBeforeOverwriting(session, ui, shell, application, playback));
			} else {
				Failures.show(ui, shell, "The session was not saved", failure);
			}
		});
	}

	/** [UI] The file changed on disk: overwrite it, reload it, or leave both as they are. */
	private static void askBeforeOverwriting(SessionService session, UISynchronize ui, Shell shell,
			MApplication application, Playback playback) {
		Shell parent = shell == null || shell.isDisposed() ? null : shell;
		String name = session.file().getFileName().toString();
		MessageDialog dialog = new MessageDialog(parent, "Mixtree", null, name
				+ " was changed on disk by another program since it was opened here.\n\nOverwrite it with the workbench's"
				+ " version (the file on disk is kept as " + name + ".bak), reload it from disk (the changes not saved"
				+ " here are lost), or cancel?", MessageDialog.WARNING, 2, "Overwrite", "Reload", "Cancel");
		int answer = dialog.open();
		if (answer == OVERWRITE) {
			session.save(ui::asyncExec, true)
					.whenComplete((saved, failure) -> Failures.show(ui, shell, "The session was not saved", failure));
		} else if (answer == RELOAD) {
			OpenHandler.open(application, playback, ui, parent, session.file());
		}
	}
}
