package org.mixtree.ui.views.host.internal;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.host.ViewDescriptor;

/**
 * One view shown in a composite of its own, with its context: made from its descriptor, and disposed (the view's
 * {@link MixtreeView#dispose}, then its context's listeners and taps, then its controls) when the place shows
 * another view, closes, or the view's bundle goes away. A view that fails to be made or throws while it builds or
 * disposes its controls is reported (one line on the status line) and the place goes on: a third party's bug does
 * not take the workbench down.
 * <p>
 * [UI] All methods on the UI thread.
 */
final class ViewSlot {
	private final ViewDescriptor descriptor;
	private final HostContext context;
	private final Composite body;
	private final Consumer<String> problem;
	private MixtreeView view;
	private boolean disposed;

	ViewSlot(Composite parent, ViewDescriptor descriptor, HostContext context, Consumer<String> problem) {
		this.descriptor = descriptor;
		this.context = context;
		this.problem = problem;
		body = new Composite(parent, SWT.NONE);
		body.setData(ViewSlot.class.getName(), this);
		try {
			view = descriptor.create();
			view.createControl(body, context);
		} catch (RuntimeException | LinkageError e) {
			String why = e instanceof IllegalStateException ? e.getMessage()
					: "view " + descriptor.name() + " (" + descriptor.id() + ") failed to start: "
							+ message(e);
			fail(why);
		}
		if (body.getLayout() == null) {
			body.setLayout(new FillLayout());
		}
	}

	private void fail(String why) {
		problem.accept(why);
		if (view != null) {
			try {
				view.dispose();
			} catch (RuntimeException | LinkageError ignored) {
				// reported already
			}
			view = null;
		}
		context.dispose();
		for (var c : body.getChildren()) {
			c.dispose();
		}
		body.setLayout(new FillLayout());
		Label l = new Label(body, SWT.WRAP | SWT.CENTER);
		l.setText(why);
	}

	/** @return the descriptor of the view shown */
	ViewDescriptor descriptor() {
		return descriptor;
	}

	/** @return the view, or null when it could not be made */
	MixtreeView view() {
		return view;
	}

	/** @return the view's context (tests) */
	HostContext context() {
		return context;
	}

	/** @return the view's composite */
	Composite body() {
		return body;
	}

	void setFocus() {
		if (view != null && !disposed) {
			try {
				view.setFocus();
			} catch (RuntimeException | LinkageError e) {
				problem.accept("view " + descriptor.name() + ": " + message(e));
			}
		}
	}

	/** Disposes the view, its context and its controls. Idempotent. */
	void dispose() {
		if (disposed) {
			return;
		}
		disposed = true;
		if (view != null) {
			try {
				view.dispose();
			} catch (RuntimeException | LinkageError e) {
				problem.accept("view " + descriptor.name() + " (" + descriptor.id() + ") failed to dispose: "
						+ message(e));
			}
			view = null;
		}
		context.dispose();
		if (!body.isDisposed()) {
			body.dispose();
		}
	}

	boolean isDisposed() {
		return disposed;
	}

	/** @return what went wrong, in one line: the messages of the exception and its first causes */
	static String message(Throwable e) {
		StringBuilder b = new StringBuilder();
		int n = 0;
		for (Throwable t = e; t != null && n < 3; t = t.getCause(), n++) {
			if (n > 0) {
				b.append(": ");
			}
			b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' '));
		}
		return b.toString();
	}
}
