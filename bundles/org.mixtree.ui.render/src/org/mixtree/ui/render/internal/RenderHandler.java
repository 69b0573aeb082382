package org.mixtree.ui.render.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/** File &gt; Render... (Ctrl+R): the render dialog on the window's session. */
public final class RenderHandler {

	@CanExecute
	boolean canRender(@Optional SessionService session) {
		return session != null;
	}

	@Execute
	void render(SessionService session, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		new RenderDialog(shell, session, ui).open();
	}
}
