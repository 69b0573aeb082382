package org.mixtree.views.graph;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewContext;
import org.mixtree.views.graph.internal.GraphCanvas;

/**
 * The routing graph (view id {@code org.mixtree.views.graph}, kind routing): channels as nodes, routes and sends as
 * edges (sends dashed, with their level), laid out left to right by the Eclipse Layout Kernel's layered algorithm
 * (tracks, buses by depth, the master at the right). Drag a node, or an edge's end, onto a bus to re-route; a route
 * that would close a cycle is refused with the command's message. Silent channels are drawn dotted with their cause.
 */
public final class RoutingGraphView implements MixtreeView {
	private GraphCanvas graph;

	@Override
	public void createControl(Composite parent, ViewContext context) {
		parent.setLayout(new FillLayout());
		graph = new GraphCanvas(parent, context);
	}

	@Override
	public void setFocus() {
		if (graph != null && !graph.control().isDisposed()) {
			graph.control().setFocus();
		}
	}

	/** Stops following the model and the selection (the workbench disposes the controls after). */
	@Override
	public void dispose() {
		if (graph != null) {
			graph.dispose();
		}
	}

	/** @return the canvas and its state (tests and the benchmark read it) */
	public GraphCanvas graph() {
		return graph;
	}
}
