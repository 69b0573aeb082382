package org.mixtree.ui.render.internal;

import java.nio.file.Path;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.Launch;
import org.mixtree.ui.internal.MixtreeWorkbench;

/**
 * The workbench in a process of its own, for the test that kills it ({@link RenderAndAutosaveTest}): the
 * application {@code org.mixtree.ui.render.crashchild} (this fragment's fragment.xml) runs exactly what
 * {@code ./mixtree open SESSION} runs, and once the window shows it lowers the master by 6 dB with the command a
 * fader gesture ends with (on the one command stack, on the UI thread) and prints {@code changed}. Then it works on
 * until it is killed.
 */
public final class CrashChild implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		Path file = Path.of(args[args.length - 1]);
		SessionService session = SessionService.open(file);
		Thread ui = Thread.currentThread();
		Thread driver = new Thread(() -> {
			try {
				Display display = null;
				while (display == null || !mainShown(display)) {
					Thread.sleep(50);
					display = Display.findDisplay(ui);
				}
				display.asyncExec(() -> {
					AdapterFactoryEditingDomain domain = session.domain();
					SessionCommands.execute(domain, SessionCommands.setGain(domain, session.session().getMaster(), -6.0));
					System.out.println("changed");
					System.out.flush();
				});
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "crash-child-driver");
		driver.setDaemon(true);
		driver.start();
		return Integer.valueOf(MixtreeWorkbench.run(context, new Launch(file, "javasound", 256), session, System.err));
	}

	private static boolean mainShown(Display display) {
		boolean[] shown = { false };
		display.syncExec(() -> {
			for (Shell s : display.getShells()) {
				shown[0] |= s.isVisible() && s.getText().endsWith("- Mixtree");
			}
		});
		return shown[0];
	}

	@Override
	public void stop() {
		// killed
	}
}
