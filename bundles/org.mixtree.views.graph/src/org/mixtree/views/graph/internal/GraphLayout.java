package org.mixtree.views.graph.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.eclipse.elk.alg.layered.options.LayerConstraint;

/**
 * Lays the routing graph out left to right with the Eclipse Layout Kernel's layered algorithm: tracks in the first
 * column, buses by their depth under the master (the longest way to it, sends counted, so every edge goes left to
 * right), the master alone in the last column. Node order within a column follows the order of {@link Input#nodes}
 * (ELK's model order), so a change that does not change the structure moves nothing and adding a channel moves only
 * what comes after it. No SWT: it runs on a worker thread, and a benchmark and tests call it directly.
 */
public final class GraphLayout {
	private GraphLayout() {
	}

	/** One channel: its id (address), its box size, and whether it is a track or the master. */
	public record NodeSpec(String id, double width, double height, boolean track, boolean master) {
	}

	/** A route (send false) or a send between two node ids. */
	public record EdgeSpec(String source, String target, boolean send) {
	}

	/** What to lay out: nodes in model order (the console's: tree order), then edges in model order. */
	public record Input(List<NodeSpec> nodes, List<EdgeSpec> edges) {
	}

	/** Where a node went: top left corner and size. */
	public record Box(double x, double y, double width, double height) {
	}

	/**
	 * The result: node boxes by id, each edge's route (points in order, from the source's right side to the target's
	 * left side: polyline, or a piecewise cubic curve when {@code curve}), the whole drawing's size.
	 */
	public record Result(Map<String, Box> nodes, List<double[]> edgePoints, boolean curve, double width, double height,
			long nanos) {
	}

	private static volatile boolean registered;

	private static void register() {
		if (!registered) {
			synchronized (GraphLayout.class) {
				if (!registered) {
					// under OSGi ELK's ServiceLoader does not see the algorithm bundles: register the layered one by hand
					LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
					registered = true;
				}
			}
		}
	}

	/** [any] Lays {@code input} out. Pure: the same input gives the same result. */
	public static Result layout(Input input) {
		register();
		long t0 = System.nanoTime();
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.SEPARATE_CHILDREN);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.SPLINES);
		root.setProperty(CoreOptions.RANDOM_SEED, 1);
		root.setProperty(CoreOptions.PADDING, new org.eclipse.elk.core.math.ElkPadding(24));
		root.setProperty(LayeredOptions.SPACING_NODE_NODE, 10.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
		// sinks right-aligned: a bus's column is its depth under the master; tracks first, the master last
		root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.LONGEST_PATH);
		// stable: order within a column is model order (tree order), not what crossing minimisation finds
		root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
		root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_FORCE_NODE_MODEL_ORDER, true);
		root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);

		Map<String, ElkNode> byId = new HashMap<>();
		for (NodeSpec n : input.nodes()) {
			ElkNode e = ElkGraphUtil.createNode(root);
			e.setIdentifier(n.id());
			e.setDimensions(n.width(), n.height());
			if (n.track()) {
				e.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.FIRST);
			} else if (n.master()) {
				e.setProperty(LayeredOptions.LAYERING_LAYER_CONSTRAINT, LayerConstraint.LAST);
			}
			byId.put(n.id(), e);
		}
		List<ElkEdge> edges = new ArrayList<>();
		for (EdgeSpec s : input.edges()) {
			ElkNode a = byId.get(s.source()), b = byId.get(s.target());
			edges.add(a == null || b == null ? null : ElkGraphUtil.createSimpleEdge(a, b));
		}
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

		Map<String, Box> boxes = new HashMap<>();
		for (NodeSpec n : input.nodes()) {
			ElkNode e = byId.get(n.id());
			boxes.put(n.id(), new Box(e.getX(), e.getY(), e.getWidth(), e.getHeight()));
		}
		List<double[]> routes = new ArrayList<>();
		boolean curve = true;
		for (ElkEdge e : edges) {
			if (e == null || e.getSections().isEmpty()) {
				routes.add(new double[0]);
				continue;
			}
			ElkEdgeSection s = e.getSections().get(0);
			double[] pts = new double[2 * (s.getBendPoints().size() + 2)];
			int i = 0;
			pts[i++] = s.getStartX();
			pts[i++] = s.getStartY();
			for (ElkBendPoint p : s.getBendPoints()) {
				pts[i++] = p.getX();
				pts[i++] = p.getY();
			}
			pts[i++] = s.getEndX();
			pts[i++] = s.getEndY();
			// a piecewise cubic curve has 3k + 1 points; anything else is drawn as a polyline
			if ((pts.length / 2 - 1) % 3 != 0) {
				curve = false;
			}
			routes.add(pts);
		}
		return new Result(boxes, routes, curve, root.getWidth(), root.getHeight(), System.nanoTime() - t0);
	}
}
