package org.mixtree.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless application behind {@code ./mixtree new/info/set/bus/render}: returns the exit code. */
public final class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		return Integer.valueOf(Cli.run(args == null ? new String[0] : args, System.out, System.err));
	}

	@Override
	public void stop() {
		// commands are short and leave nothing half-done: nothing to stop
	}
}
