package org.mixtree.ui.internal.handlers;

import java.util.concurrent.CompletionException;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** A failed background step, said once in a dialog on the UI thread. */
final class Failures {

	private Failures() {
	}

	/** [any] Shows {@code what: why} when {@code failure} is not null. */
	static void show(UISynchronize ui, Shell shell, String what, Throwable failure) {
		if (failure == null) {
			return;
		}
		Throwable why = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
		String message = what + ": " + (why.getMessage() == null ? why.toString() : why.getMessage());
		ui.asyncExec(() -> MessageDialog.openError(shell == null || shell.isDisposed() ? null : shell, "Mixtree", message));
	}
}
