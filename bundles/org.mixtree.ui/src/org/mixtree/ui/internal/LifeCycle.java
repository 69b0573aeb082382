package org.mixtree.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

/** Puts the session and the transport into the workbench's context before the model's addons and parts are made. */
public final class LifeCycle {

	@PostContextCreate
	void contextCreated(IEclipseContext context, IApplicationContext application) {
		if (application instanceof MixtreeWorkbench.Start start) {
			context.set(SessionService.class, start.session);
			context.set(Playback.class, start.playback);
		}
	}
}
