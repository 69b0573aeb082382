package org.mixtree.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.internal.handlers.ThemeHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The main window's tie to the open session: the title ({@code NAME - Mixtree}, {@code *} while there are unsaved
 * changes), the question before a window with unsaved changes closes, the session remembered as the last one
 * (and in the recent list), the session's lock held while the window shows it ({@link SessionService#holdLock}),
 * the question when the file changed on disk ({@link DiskWatch}), and the start-up benchmark's probe (the first
 * paint of the main area).
 */
public final class SessionWindowAddon {

	static final String MAIN_WINDOW = "org.mixtree.ui.window.main";
	static final String MAIN_STACK = "org.mixtree.ui.partstack.main";

	@Inject
	MApplication application;
	@Inject
	EModelService models;
	@Inject
	UISynchronize ui;
	/** The workbench is not in the context yet when addons are made: it is looked up when needed. */
	@Inject
	IEclipseContext context;

	private SessionService session;
	private final Runnable titleUpdater = this::updateTitle;
	private DiskWatch watch;

	@PostConstruct
	void created() {
		updateTitle();
	}

	/** [UI] Follows the context's session: the one opened at start, then each one opened from the File menu. */
	@Inject
	void sessionChanged(@Optional SessionService next) {
		if (session != null) {
			session.removeListener(titleUpdater);
			session.releaseLock();
		}
		if (watch != null) {
			watch.close();
			watch = null;
		}
		session = next;
		if (next != null) {
			next.addListener(titleUpdater);
			RecentSessions.remember(next.file());
			next.holdLock().whenComplete((held, failure) -> {
				if (failure != null) {
					ui.asyncExec(() -> org.eclipse.jface.dialogs.MessageDialog.openWarning(null, "Mixtree",
							(failure.getCause() != null ? failure.getCause() : failure).getMessage()));
				}
			});
			if (application != null) {
				watch = new DiskWatch(next, application, ui);
			}
		}
		if (application != null) {
			updateTitle();
		}
	}

	@Inject
	@Optional
	void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object event) {
		MWindow window = mainWindow();
		if (window == null || window.getContext() == null) {
			return;
		}
		IWorkbench workbench = context.get(IWorkbench.class);
		window.getContext().set(IWindowCloseHandler.class,
				w -> CloseFlow.mayClose((Shell) w.getWidget(), session, ui, workbench));
		IThemeEngine themes = context.get(IThemeEngine.class);
		if (themes != null) {
			ThemeHandler.showChoice(themes, application, models);
		}
		StartupTimes.mark("window");
		if (StartupTimes.enabled() && window.getWidget() instanceof Shell shell) {
			probeFirstPaint(shell);
		}
	}

	@PreDestroy
	void disposed() {
		if (watch != null) {
			watch.close();
		}
		if (session != null) {
			session.removeListener(titleUpdater);
			session.releaseLock();
		}
	}

	private MWindow mainWindow() {
		for (MWindow w : application.getChildren()) {
			if (MAIN_WINDOW.equals(w.getElementId())) {
				return w;
			}
		}
		return application.getChildren().isEmpty() ? null : application.getChildren().get(0);
	}

	private void updateTitle() {
		MWindow window = mainWindow();
		if (window != null && session != null) {
			window.setLabel(session.title());
		}
	}

	/**
	 * Waits for the first paint of the main area (the views in the main stack, or the window itself while the stack is
	 * empty) and hands it to {@link StartupTimes} once the paint has been dispatched.
	 */
	private void probeFirstPaint(Shell shell) {
		Display display = shell.getDisplay();
		MPartStack stack = (MPartStack) models.find(MAIN_STACK, application);
		Listener[] filter = new Listener[1];
		filter[0] = e -> {
			if (!(e.widget instanceof Control c) || c.getShell() != shell) {
				return;
			}
			Object stackWidget = stack == null ? null : stack.getWidget();
			boolean stackHasParts = stack != null && !stack.getChildren().isEmpty();
			if (stackHasParts && !(stackWidget instanceof Control sc && isWithin(c, sc))) {
				return;
			}
			display.removeFilter(SWT.Paint, filter[0]);
			display.asyncExec(() -> {
				StartupTimes.write();
				if (StartupTimes.quitAfterPaint()) {
					context.get(IWorkbench.class).close();
				}
			});
		};
		display.addFilter(SWT.Paint, filter[0]);
		shell.redraw();
	}

	private static boolean isWithin(Control c, Control ancestor) {
		for (Control x = c; x != null; x = x.getParent()) {
			if (x == ancestor) {
				return true;
			}
		}
		return false;
	}
}
