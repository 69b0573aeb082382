package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/** Ctrl+S: saves the session atomically (the write on a worker); a session without changes is not written. */
public final class SaveHandler {

	@CanExecute
	boolean canSave(@Optional SessionService session) {
		return session != null && session.isDirty();
	}

	@Execute
	void save(SessionService session, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		session.save(ui::asyncExec).whenComplete((saved, failure) -> Failures.show(ui, shell, "The session was not saved", failure));
	}
}
