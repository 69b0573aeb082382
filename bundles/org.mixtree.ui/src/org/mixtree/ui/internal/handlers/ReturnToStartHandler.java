package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

/** Home: the transport back to the start of the session, playing on from there when it plays. */
public final class ReturnToStartHandler {

	@CanExecute
	boolean canLocate(@Optional SessionService session, @Optional Playback playback) {
		return session != null && playback != null;
	}

	@Execute
	void home(Playback playback) {
		playback.locate(0);
	}
}
