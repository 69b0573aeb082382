package org.mixtree.ui.sessions.internal;

import java.util.concurrent.CompletionException;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** A failed step, said once in a dialog: {@code what: why}. */
final class Failures {

	private Failures() {
	}

	/** [UI] */
	static void show(Shell shell, String what, Throwable failure) {
		Throwable why = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
		String message = what + ": " + (why.getMessage() == null ? why.toString() : why.getMessage());
		MessageDialog.openError(shell == null || shell.isDisposed() ? null : shell, "Mixtree", message);
	}
}
