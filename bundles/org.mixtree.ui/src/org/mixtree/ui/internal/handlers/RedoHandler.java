package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.mixtree.ui.SessionService;

/** Ctrl+Shift+Z: redoes the last undone command on the session's one command stack. */
public final class RedoHandler {

	@CanExecute
	boolean canRedo(@Optional SessionService session) {
		return session != null && session.commandStack().canRedo();
	}

	@Execute
	void redo(SessionService session) {
		session.commandStack().redo();
	}
}
