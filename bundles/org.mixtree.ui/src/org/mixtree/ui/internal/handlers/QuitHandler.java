package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.CloseFlow;

import jakarta.inject.Named;

/** Ctrl+Q: quits at once when nothing changed, else asks to save first. */
public final class QuitHandler {

	@Execute
	void quit(IWorkbench workbench, @Optional SessionService session, UISynchronize ui,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		if (CloseFlow.mayClose(shell, session, ui, workbench)) {
			workbench.close();
		}
	}
}
