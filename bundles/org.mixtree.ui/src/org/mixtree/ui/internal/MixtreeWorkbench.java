package org.mixtree.ui.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;
import org.mixtree.ui.AudioPreferences;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

/**
 * Runs the e4 workbench of {@code org.mixtree.ui} on one session: the application model {@code Application.e4xmi}
 * with the model fragments of the installed view bundles, the dark theme unless the user chose the light one, the
 * window layout kept in the instance location ({@code -data}). The {@link SessionService} and the {@link Playback}
 * are put into the workbench's context by {@link LifeCycle} before anything is created, so addons, parts and
 * handlers inject them.
 * <p>
 * Used by {@link WorkbenchApplication} and by the UI tests, which run exactly this on their own thread.
 */
public final class MixtreeWorkbench {

	/** The application model and the life cycle, as E4Application reads them from a product's branding. */
	static final Map<String, String> BRANDING = Map.of(
			IWorkbench.XMI_URI_ARG, "org.mixtree.ui/Application.e4xmi",
			IWorkbench.LIFE_CYCLE_URI_ARG, "bundleclass://org.mixtree.ui/org.mixtree.ui.internal.LifeCycle",
			E4Application.THEME_ID, org.mixtree.ui.internal.handlers.ThemeHandler.DARK,
			IWorkbench.PERSIST_STATE, "true");

	private MixtreeWorkbench() {
	}

	/** Why there is no display to open a window on, or null when there is one. */
	public static String noDisplay() {
		String x = System.getenv("DISPLAY");
		String w = System.getenv("WAYLAND_DISPLAY");
		if ((x == null || x.isBlank()) && (w == null || w.isBlank())) {
			return "no display (DISPLAY is not set); the workbench needs one, the command line does not (./mixtree help)";
		}
		return null;
	}

	/**
	 * Runs the workbench until its window closes.
	 *
	 * @param outer   the application context of the running application (its arguments are not the workbench's)
	 * @param launch  what was asked
	 * @param session the session, loaded
	 * @param err     where the one-line failures go
	 * @return the exit code: 0 when the window closed, 1 when it could not open
	 */
	public static int run(IApplicationContext outer, Launch launch, SessionService session, PrintStream err) {
		return run(outer, launch, session, playback(launch), err);
	}

	/**
	 * The transport of a run: the device and buffer the preferences name each time it opens a device (so a change in
	 * the preferences dialog applies at the next play), unless the command line named them for this run.
	 */
	public static Playback playback(Launch launch) {
		AudioPreferences preferences = new AudioPreferences();
		return new Playback(() -> preferences.choice(launch.device(), launch.bufferFrames()));
	}

	/**
	 * The window is gone: the session it showed lets go of its lock now (a process that ends lets go anyway; a
	 * workbench run inside a longer-lived JVM, as in tests, must not keep it).
	 */
	private static void releaseLock(SessionService shown) {
		if (shown != null) {
			try {
				shown.releaseLock().get(10, java.util.concurrent.TimeUnit.SECONDS);
			} catch (Exception e) {
				// the lock goes with the process
			}
		}
	}

	/**
	 * As {@link #run(IApplicationContext, Launch, SessionService, PrintStream)} with a given transport: the UI tests
	 * ({@code org.mixtree.ui.testing}) keep the transport to read the engine while the workbench runs.
	 */
	public static int run(IApplicationContext outer, Launch launch, SessionService session, Playback playback, PrintStream err) {
		E4Application e4 = new E4Application();
		Display display;
		try {
			display = e4.getApplicationDisplay();
		} catch (SWTError e) {
			err.println("mixtree: open: cannot open the display " + System.getenv("DISPLAY") + ": " + e.getMessage());
			playback.close();
			return 1;
		}
		Location instance = null;
		try {
			String contributions = ModelContributions.signature();
			Start start = new Start(outer, session, playback, !contributions.equals(ModelContributions.persisted()));
			E4Workbench workbench = e4.createE4Workbench(start, display);
			StartupTimes.mark("model");
			IEclipseContext context = workbench.getContext();
			instance = (Location) context.get(E4Workbench.INSTANCE_LOCATION);
			if (instance != null && instance.isSet() && !lock(instance, err)) {
				instance = null;
				return 1;
			}
			ModelContributions.persist(contributions);
			workbench.createAndRunUI(workbench.getApplication());
			releaseLock(workbench.getApplication().getContext().get(SessionService.class));
			e4.saveModel();
			workbench.close();
			return 0;
		} finally {
			playback.close();
			if (!display.isDisposed()) {
				display.dispose();
			}
			if (instance != null) {
				instance.release();
			}
		}
	}

	/** Takes the instance location (layout, preferences) for this workbench; one line when it cannot. */
	private static boolean lock(Location instance, PrintStream err) {
		String where = instance.getURL().getPath();
		try {
			if (instance.lock()) {
				return true;
			}
			err.println("mixtree: open: another Mixtree workbench uses " + where
					+ " (one workbench at a time: its layout and preferences live there)");
		} catch (IOException e) {
			err.println("mixtree: open: cannot use " + where + " for the workbench's layout: " + e.getMessage());
		}
		return false;
	}

	/**
	 * The application context E4Application reads: the outer one's, with the workbench's branding (application model,
	 * life cycle, default theme) and no command line of its own. It carries the session and the transport to
	 * {@link LifeCycle}.
	 */
	static final class Start implements IApplicationContext {
		private final IApplicationContext outer;
		final SessionService session;
		final Playback playback;
		private final boolean modelChanged;

		Start(IApplicationContext outer, SessionService session, Playback playback, boolean modelChanged) {
			this.outer = outer;
			this.session = session;
			this.playback = playback;
			this.modelChanged = modelChanged;
		}

		@Override
		public Map<String, Object> getArguments() {
			return Map.of(IApplicationContext.APPLICATION_ARGS, new String[0]);
		}

		@Override
		public void applicationRunning() {
			if (outer != null) {
				outer.applicationRunning();
			}
		}

		@Override
		public String getBrandingApplication() {
			return outer == null ? null : outer.getBrandingApplication();
		}

		@Override
		public String getBrandingName() {
			return "Mixtree";
		}

		@Override
		public String getBrandingDescription() {
			return "Mixtree: top-down mixing";
		}

		@Override
		public String getBrandingId() {
			return "org.mixtree.ui.workbench";
		}

		@Override
		public String getBrandingProperty(String key) {
			if (IWorkbench.CLEAR_PERSISTED_STATE.equals(key) && modelChanged) {
				return "true";
			}
			String v = BRANDING.get(key);
			return v != null || outer == null ? v : outer.getBrandingProperty(key);
		}

		@Override
		public Bundle getBrandingBundle() {
			return org.osgi.framework.FrameworkUtil.getBundle(MixtreeWorkbench.class);
		}

		@Override
		public void setResult(Object result, IApplication application) {
			if (outer != null) {
				outer.setResult(result, application);
			}
		}
	}
}
