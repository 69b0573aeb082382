package org.mixtree.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.equinox.app.IApplicationContext;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;

/** Puts the session, the transport and the status line into the workbench's context before the model's addons and parts are made. */
public final class LifeCycle {

	@PostContextCreate
	void contextCreated(IEclipseContext context, IApplicationContext application) {
		if (application instanceof MixtreeWorkbench.Start start) {
			context.set(SessionService.class, start.session);
			context.set(Playback.class, start.playback);
			context.set(StatusLine.class, new StatusLine());
		}
	}
}
