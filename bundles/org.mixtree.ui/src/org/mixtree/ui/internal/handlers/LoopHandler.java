package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.mixtree.ui.Playback;

/** L: loops the range selected on the time line, or ends the loop. Without a range there is nothing to loop. */
public final class LoopHandler {

	@CanExecute
	boolean canLoop(@Optional Playback playback) {
		return playback != null && playback.range() != null;
	}

	@Execute
	void toggle(Playback playback) {
		playback.setLooping(!playback.looping());
	}
}
