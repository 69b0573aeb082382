package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.AudioPreferences;
import org.mixtree.ui.Playback;
import org.mixtree.ui.internal.PreferencesDialog;

import jakarta.inject.Named;

/**
 * Edit > Preferences (Ctrl+,): the audio device, buffer and headroom target. OK saves them (the file is written on a
 * worker) and tells the transport, which opens the new device at the next play.
 */
public final class PreferencesHandler {

	@Execute
	void open(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional Playback playback, UISynchronize ui) {
		AudioPreferences preferences = new AudioPreferences();
		// the transport's choice differs from the preferences' when ./mixtree open named a device or buffer
		Playback.DeviceChoice used = playback == null ? null : playback.deviceChoice();
		Playback.DeviceChoice override = used == null || used.equals(preferences.choice(null, 0)) ? null : used;
		if (new PreferencesDialog(shell, preferences, override).open() != Window.OK) {
			return;
		}
		preferences.save().whenComplete((done, failure) -> Failures.show(ui, shell, "Preferences", failure));
		if (playback != null) {
			playback.deviceChanged();
		}
	}
}
