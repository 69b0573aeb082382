package org.mixtree.ui.views;

import org.eclipse.swt.widgets.Control;

/**
 * One refresh for the many model notifications of one command: a view's model listener calls {@link #request} for
 * each notification, and the view's refresh runs once, later on the UI thread ({@code asyncExec}), after the
 * command has made all its changes (a re-route removes and adds, an undo of a compound command many more). Nothing
 * runs once the control is disposed. Since API 1.2.
 * <p>
 * Threads: [UI] (EMF notifications of the session's commands come on the UI thread).
 */
public final class CoalescedRefresh {
	private final Control control;
	private final Runnable refresh;
	private boolean queued;

	/**
	 * @param control the view's control: the refresh runs on its display, and not once it is disposed
	 * @param refresh [UI] reads the model again
	 */
	public CoalescedRefresh(Control control, Runnable refresh) {
		this.control = control;
		this.refresh = refresh;
	}

	/** [UI] Asks for a refresh; a request while one is queued adds nothing. */
	public void request() {
		if (queued || control.isDisposed()) {
			return;
		}
		queued = true;
		control.getDisplay().asyncExec(() -> {
			queued = false;
			if (!control.isDisposed()) {
				refresh.run();
			}
		});
	}

	/** [UI] @return whether a refresh is asked for and has not run yet (tests wait for it) */
	public boolean queued() {
		return queued;
	}
}
