package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/** Space: plays from the transport position, or stops. The device opens on the transport's worker, never here. */
public final class PlayStopHandler {

	@CanExecute
	boolean canPlay(@Optional SessionService session, @Optional Playback playback) {
		return session != null && playback != null;
	}

	@Execute
	void toggle(SessionService session, Playback playback, UISynchronize ui,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		playback.toggle(session.session(), session.file())
				.whenComplete((done, failure) -> Failures.show(ui, shell, "Cannot play", failure));
	}
}
