package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.mixtree.ui.SessionService;

/** Ctrl+Z: undoes the last command on the session's one command stack. */
public final class UndoHandler {

	@CanExecute
	boolean canUndo(@Optional SessionService session) {
		return session != null && session.commandStack().canUndo();
	}

	@Execute
	void undo(SessionService session) {
		session.commandStack().undo();
	}
}
