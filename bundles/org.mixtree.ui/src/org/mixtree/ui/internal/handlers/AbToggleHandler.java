package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.mixtree.ui.internal.AbToggle;

/** Ctrl+B: the top bar's A/B toggle (the A/B button's action). */
public final class AbToggleHandler {

	@CanExecute
	boolean canToggle(@Optional AbToggle ab) {
		return ab != null;
	}

	@Execute
	void toggle(AbToggle ab) {
		ab.toggle();
	}
}
