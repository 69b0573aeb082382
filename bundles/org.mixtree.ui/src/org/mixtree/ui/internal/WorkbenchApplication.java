package org.mixtree.ui.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.ui.SessionService;

/**
 * The application behind {@code ./mixtree open SESSION}: checks the arguments, the display and the session before
 * any window opens (one line {@code mixtree: ...} and exit 2 for usage, 1 for a bad session or no display), then
 * runs the workbench ({@link MixtreeWorkbench}) and returns its exit code.
 */
public final class WorkbenchApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		StartupTimes.mark("application");
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<String> words = args == null ? List.of() : Arrays.asList(args);
		PrintStream err = System.err;
		Launch launch;
		try {
			launch = Launch.parse(words);
		} catch (Launch.UsageException e) {
			err.println("mixtree: " + e.getMessage());
			return Integer.valueOf(2);
		}
		String noDisplay = MixtreeWorkbench.noDisplay();
		if (noDisplay != null) {
			err.println("mixtree: open: " + noDisplay);
			return Integer.valueOf(1);
		}
		SessionService session;
		try {
			session = SessionService.open(launch.session());
		} catch (SessionFileException e) {
			err.println("mixtree: " + e.getMessage());
			return Integer.valueOf(1);
		}
		StartupTimes.mark("session loaded");
		return Integer.valueOf(MixtreeWorkbench.run(context, launch, session, err));
	}

	@Override
	public void stop() {
		// the workbench ends with its window
	}
}
