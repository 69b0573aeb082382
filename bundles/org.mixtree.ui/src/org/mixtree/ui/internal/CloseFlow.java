package org.mixtree.ui.internal;

import java.util.concurrent.CompletionException;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;

/** Quitting: at once when nothing changed; with unsaved changes the user saves, discards or stays. */
public final class CloseFlow {

	private CloseFlow() {
	}

	/**
	 * [UI] Whether the workbench may close now. With unsaved changes it asks; "Save" saves on a worker and closes the
	 * workbench when the file is written (so it answers false here), a failed save says why and stays open.
	 */
	public static boolean mayClose(Shell shell, SessionService session, UISynchronize ui, IWorkbench workbench) {
		if (session == null || !session.isDirty()) {
			return true;
		}
		MessageDialog dialog = new MessageDialog(shell, "Mixtree", null,
				"Save the changes to " + session.name() + " before quitting?", MessageDialog.QUESTION, 0, "Save",
				"Don't Save", "Cancel");
		switch (dialog.open()) {
			case 0 -> {
				session.save(ui::asyncExec).whenComplete((saved, failure) -> ui.asyncExec(() -> {
					if (failure == null) {
						workbench.close();
					} else {
						Throwable why = failure instanceof CompletionException && failure.getCause() != null
								? failure.getCause() : failure;
						MessageDialog.openError(shell, "Mixtree", "The session was not saved: " + why.getMessage());
					}
				}));
				return false;
			}
			case 1 -> {
				return true;
			}
			default -> {
				return false;
			}
		}
	}
}
