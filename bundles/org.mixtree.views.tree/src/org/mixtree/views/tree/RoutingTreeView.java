package org.mixtree.views.tree;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.tree.internal.TreeCanvas;

/**
 * The routing tree (view id {@code org.mixtree.views.tree}, kind routing): the bus hierarchy, master at the top,
 * buses and nested buses, tracks at the leaves, each channel's sends under it (a dashed arrow, italic). Drag a track
 * or bus onto a bus to re-route it (a drop that would close a cycle is refused with the command's message); the
 * selection is the console's; silent channels are drawn dim with their cause.
 */
public final class RoutingTreeView implements MixtreeView {
	private TreeCanvas tree;

	@Override
	public void createControl(Composite parent, ViewContext context) {
		parent.setLayout(new FillLayout());
		tree = new TreeCanvas(parent, context);
	}

	@Override
	public void setFocus() {
		if (tree != null && !tree.control().isDisposed()) {
			tree.control().setFocus();
		}
	}

	/** Stops following the model and the selection (the workbench disposes the controls after). */
	@Override
	public void dispose() {
		if (tree != null) {
			tree.dispose();
		}
	}

	/** @return the canvas and its state (tests and the benchmark read it) */
	public TreeCanvas tree() {
		return tree;
	}
}
