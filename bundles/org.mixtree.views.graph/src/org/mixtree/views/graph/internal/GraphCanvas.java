package org.mixtree.views.graph.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.session.MixFacts;
import org.mixtree.session.MixFactsWorker;
import org.mixtree.ui.views.CoalescedRefresh;
import org.mixtree.ui.views.RoutingPalette;
import org.mixtree.ui.views.ViewContext;

/**
 * The routing graph on one double-buffered canvas: nodes and edges painted from the last layout (world coordinates,
 * shown through one zoom and pan transform), no widget per node. The layout runs on a worker thread whenever the
 * structure changes (channels, routes, sends, names); other changes (gain, mute) only redraw, so nothing moves.
 * <p>
 * Gestures: press a node and drag it onto a bus, or press an edge's target end and drag it onto another bus, to
 * re-route (a send's end moves the send); a click selects (shared with the console); drag the background to pan,
 * wheel to zoom about the pointer, double-click the background to fit.
 */
public final class GraphCanvas {
	private final ViewContext context;
	private final Canvas canvas;
	private final RoutingPalette palette;
	private final MixFactsWorker facts;
	private final ExecutorService layouter = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-graph-layout");
		t.setDaemon(true);
		return t;
	});
	private final AtomicLong layoutGeneration = new AtomicLong();
	private volatile long layoutAnswered;
	private final EContentAdapter modelListener;
	private final Consumer<Channel> selectionListener;

	private Scene scene;
	private GraphLayout.Result layout;
	/** The scene the layout was made for (its edges match the layout's routes). */
	private Scene laidOut;
	private MixFacts mixFacts = MixFacts.UNKNOWN;
	private CoalescedRefresh modelRefresh;
	private boolean fitPending = true;

	private double zoom = 1, panX, panY;

	/** A new layout glides from the old positions (what moved stays easy to follow) for this long. */
	static final int GLIDE_MS = 220;
	private Map<String, GraphLayout.Box> glideFrom;
	private long glideStart;

	// a gesture in progress
	private enum Drag {
		NONE, PAN, NODE, EDGE_END
	}

	private Drag drag = Drag.NONE;
	private boolean dragMoved;
	private int pressX, pressY, mouseX, mouseY;
	private double panX0, panY0;
	private Scene.Node dragSource;
	private Send dragSend;
	private Scene.Node hoverTarget;
	private String message;

	public GraphCanvas(Composite parent, ViewContext context) {
		this.context = context;
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		palette = new RoutingPalette(canvas.getDisplay(), RoutingPalette.isDark(canvas));
		canvas.setBackground(palette.background);
		modelRefresh = new CoalescedRefresh(canvas, this::refresh);
		facts = new MixFactsWorker("mixtree-graph-facts", r -> {
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(r);
			}
		}, f -> {
			mixFacts = f;
			applyFacts();
			redraw();
		});
		canvas.addListener(SWT.Paint, e -> paint(e.gc, canvas.getClientArea()));
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseDoubleClick, e -> {
			if (nodeAt(e.x, e.y) == null) {
				fitAll();
			}
		});
		canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
		canvas.addListener(SWT.Resize, e -> {
			if (fitPending && layout != null) {
				fit();
			}
		});
		canvas.addListener(SWT.MouseHover, e -> {
			Scene.Node n = nodeAt(e.x, e.y);
			canvas.setToolTipText(n == null ? null : tooltip(n));
		});
		canvas.addListener(SWT.Dispose, e -> dispose());
		modelListener = new EContentAdapter() {
			@Override
			public void notifyChanged(Notification n) {
				super.notifyChanged(n);
				if (!n.isTouch()) {
					modelChanged();
				}
			}
		};
		context.session().eAdapters().add(modelListener);
		selectionListener = c -> redraw();
		context.selection().addListener(selectionListener);
		refresh();
	}

	public Canvas control() {
		return canvas;
	}

	private void modelChanged() {
		modelRefresh.request(); // the notifications of one command make one refresh
	}

	/** [UI] Reads the model again; lays out again only when the structure changed. */
	public void refresh() {
		Session session = context.session();
		GC gc = new GC(canvas);
		Map<String, Double> widths = new HashMap<>();
		try {
			gc.setFont(palette.name);
			scene = new Scene(session, s -> widths.computeIfAbsent(s, k -> (double) gc.textExtent(k).x));
		} finally {
			gc.dispose();
		}
		facts.request(session, context.sessionFile());
		applyFacts();
		if (laidOut == null || !laidOut.structure.equals(scene.structure)) {
			requestLayout(scene);
		} else {
			laidOut = scene;
		}
		redraw();
	}

	private void applyFacts() {
		if (scene == null) {
			return;
		}
		for (Scene.Node n : scene.nodes) {
			Channel c = n.channel;
			n.silentBecause = mixFacts.silentBecause().get(c.getAddress());
			n.detail = String.format(Locale.ROOT, "%s dB%s", db(c.getGainDb()), c.isMute() ? "  M" : "")
					+ (c.isSolo() ? "  S" : "");
		}
	}

	private static String db(double v) {
		return Double.isInfinite(v) ? "-\u221e" : String.format(Locale.ROOT, "%+.1f", v);
	}

	private void requestLayout(Scene s) {
		long g = layoutGeneration.incrementAndGet();
		GraphLayout.Input input = s.input;
		layouter.execute(() -> {
			if (layoutGeneration.get() != g) {
				return;
			}
			GraphLayout.Result r = GraphLayout.layout(input);
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(() -> {
					if (layoutGeneration.get() == g && !canvas.isDisposed()) {
						layoutAnswered = g;
						if (layout != null && !fitPending) {
							startGlide(layout.nodes());
						}
						layout = r;
						laidOut = s.structure.equals(scene.structure) ? scene : s;
						if (fitPending) {
							fit();
						}
						redraw();
					}
				});
			}
		});
	}

	private void startGlide(Map<String, GraphLayout.Box> from) {
		glideFrom = from;
		glideStart = System.nanoTime();
		Runnable frame = new Runnable() {
			@Override
			public void run() {
				if (canvas.isDisposed()) {
					return;
				}
				canvas.redraw();
				if (glide() < 1) {
					canvas.getDisplay().timerExec(16, this);
				} else {
					glideFrom = null;
				}
			}
		};
		canvas.getDisplay().timerExec(16, frame);
	}

	/** @return how far the glide is, eased, 1 when none runs */
	private double glide() {
		if (glideFrom == null) {
			return 1;
		}
		double t = Math.min(1, (System.nanoTime() - glideStart) / (GLIDE_MS * 1e6));
		return t < 1 ? 1 - Math.pow(1 - t, 3) : 1;
	}

	/** @return where a node is drawn now: its laid-out box, or on its way there */
	private GraphLayout.Box drawn(String id) {
		GraphLayout.Box b = layout.nodes().get(id);
		double t = glide();
		GraphLayout.Box a = t < 1 ? glideFrom.get(id) : null;
		if (a == null || b == null) {
			return b;
		}
		return new GraphLayout.Box(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t, b.width(), b.height());
	}

	/** [UI] @return whether a layout or the engine's answer is still to come (tests wait for it) */
	public boolean pending() {
		return layoutAnswered != layoutGeneration.get() || facts.pending() || modelRefresh.queued() || glideFrom != null;
	}

	/** [UI] @return the last layout (tests read where nodes went) */
	public GraphLayout.Result layout() {
		return layout;
	}

	/** [UI] @return the scene drawn */
	public Scene scene() {
		return laidOut;
	}

	private void redraw() {
		if (!canvas.isDisposed()) {
			canvas.redraw();
		}
	}

	/** The smallest zoom at which names are drawn (a 10 pt name is then about 6 px high). */
	static final double READABLE = 0.6;

	/**
	 * Zooms and pans so the whole graph fits (at most 1:1); the first view of a graph too tall for that to be
	 * readable (a hundred tracks and more) fits the width instead, at least {@link #READABLE}, from the top.
	 */
	public void fit() {
		fit(true);
	}

	private void fit(boolean first) {
		if (layout == null) {
			return;
		}
		Rectangle r = canvas.getClientArea();
		if (r.width <= 0 || r.height <= 0) {
			return;
		}
		fitPending = false;
		zoom = Math.min(1.0, Math.min(r.width / layout.width(), r.height / layout.height()));
		if (first && zoom < READABLE) {
			zoom = Math.min(1.0, Math.max(READABLE, r.width / layout.width()));
		}
		zoom = Math.max(zoom, 0.1);
		panX = Math.max(0, (r.width - layout.width() * zoom) / 2);
		panY = Math.max(0, (r.height - layout.height() * zoom) / 2);
		redraw();
	}

	/** Zooms and pans so the whole graph fits, however small (the benchmark's worst case, a double-click). */
	public void fitAll() {
		fit(false);
	}

	/** Zooms to {@code z} about the middle of the view. */
	public void zoomTo(double z) {
		Rectangle r = canvas.getClientArea();
		double wx = worldX(r.width / 2), wy = worldY(r.height / 2);
		zoom = Math.max(0.1, Math.min(4, z));
		panX = r.width / 2 - wx * zoom;
		panY = r.height / 2 - wy * zoom;
		fitPending = false;
		redraw();
	}

	// ---- coordinates

	private double worldX(int x) {
		return (x - panX) / zoom;
	}

	private double worldY(int y) {
		return (y - panY) / zoom;
	}

	/** [UI] @return a node's box in canvas pixels, or null when it is not laid out */
	public Rectangle nodeRect(Channel c) {
		if (layout == null || laidOut == null) {
			return null;
		}
		Scene.Node n = laidOut.byChannel.get(c);
		GraphLayout.Box b = n == null ? null : layout.nodes().get(n.id);
		if (b == null) {
			return null;
		}
		return new Rectangle((int) Math.round(b.x() * zoom + panX), (int) Math.round(b.y() * zoom + panY),
				(int) Math.round(b.width() * zoom), (int) Math.round(b.height() * zoom));
	}

	/** [UI] @return the canvas point where the route (send null) or send of {@code source} ends at its target */
	public Point edgeEnd(Channel source, Send send) {
		if (layout == null || laidOut == null) {
			return null;
		}
		List<Scene.Edge> edges = laidOut.edges;
		for (int i = 0; i < edges.size(); i++) {
			Scene.Edge e = edges.get(i);
			if (e.source().channel == source && e.send() == send) {
				double[] p = layout.edgePoints().get(i);
				if (p.length < 4) {
					return null;
				}
				return new Point((int) Math.round(p[p.length - 2] * zoom + panX),
						(int) Math.round(p[p.length - 1] * zoom + panY));
			}
		}
		return null;
	}

	private Scene.Node nodeAt(int x, int y) {
		if (layout == null || laidOut == null) {
			return null;
		}
		double wx = worldX(x), wy = worldY(y);
		for (Scene.Node n : laidOut.nodes) {
			GraphLayout.Box b = layout.nodes().get(n.id);
			if (b != null && wx >= b.x() && wx <= b.x() + b.width() && wy >= b.y() && wy <= b.y() + b.height()) {
				return n;
			}
		}
		return null;
	}

	/** @return the index of the edge whose target end is within a few pixels of (x, y), or -1 */
	private int edgeEndAt(int x, int y) {
		if (layout == null || laidOut == null) {
			return -1;
		}
		int best = -1;
		double bestD = 9 * 9;
		for (int i = 0; i < laidOut.edges.size(); i++) {
			double[] p = layout.edgePoints().get(i);
			if (p.length < 4) {
				continue;
			}
			double dx = p[p.length - 2] * zoom + panX - x, dy = p[p.length - 1] * zoom + panY - y;
			double d = dx * dx + dy * dy;
			if (d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	}

	// ---- gestures

	private void mouseDown(Event e) {
		if (e.button != 1 || laidOut == null) {
			return;
		}
		canvas.setFocus();
		pressX = mouseX = e.x;
		pressY = mouseY = e.y;
		dragMoved = false;
		message = null;
		int end = edgeEndAt(e.x, e.y);
		Scene.Node n = nodeAt(e.x, e.y);
		if (end >= 0) {
			Scene.Edge edge = laidOut.edges.get(end);
			if (n == null || n == edge.target()) {
				drag = Drag.EDGE_END;
				dragSource = edge.source();
				dragSend = edge.send();
				return;
			}
		}
		if (n != null) {
			context.selection().select(n.channel);
			drag = n.master ? Drag.NONE : Drag.NODE;
			dragSource = n;
			dragSend = null;
		} else {
			drag = Drag.PAN;
			panX0 = panX;
			panY0 = panY;
		}
	}

	private void mouseMove(Event e) {
		mouseX = e.x;
		mouseY = e.y;
		if (drag == Drag.NONE) {
			return;
		}
		if (!dragMoved && Math.abs(e.x - pressX) + Math.abs(e.y - pressY) < 5) {
			return;
		}
		dragMoved = true;
		if (drag == Drag.PAN) {
			panX = panX0 + e.x - pressX;
			panY = panY0 + e.y - pressY;
		} else {
			Scene.Node n = nodeAt(e.x, e.y);
			hoverTarget = n != null && !n.track && n != dragSource ? n : null;
		}
		redraw();
	}

	private void mouseUp(Event e) {
		if (e.button != 1) {
			return;
		}
		Drag was = drag;
		drag = Drag.NONE;
		Scene.Node target = hoverTarget;
		hoverTarget = null;
		if (was == Drag.EDGE_END && !dragMoved) {
			// a click on an edge's end selects its source
			context.selection().select(dragSource.channel);
		}
		if ((was == Drag.NODE || was == Drag.EDGE_END) && dragMoved) {
			Scene.Node n = nodeAt(e.x, e.y);
			target = n != null && !n.track && n != dragSource ? n : target;
			if (target != null) {
				drop(dragSource.channel, dragSend, (Bus) target.channel);
			}
		}
		redraw();
	}

	/** Routes {@code channel} (or points its {@code send}) at {@code bus} through the command stack, or says why not. */
	private void drop(Channel channel, Send send, Bus bus) {
		try {
			if (send != null) {
				if (send.getTarget() != bus) {
					SessionCommands.execute(context.domain(), SessionCommands.setSendTarget(context.domain(), send, bus));
				}
			} else if (Scene.outputOf(channel, context.session().getMaster()) != bus) {
				SessionCommands.execute(context.domain(), SessionCommands.setOutput(context.domain(), channel, bus));
			}
		} catch (CommandRefusedException ex) {
			message = ex.getMessage();
			context.showMessage(message);
		}
	}

	private void wheel(Event e) {
		double f = e.count > 0 ? 1.15 : 1 / 1.15;
		double z = Math.max(0.1, Math.min(4, zoom * f));
		double wx = worldX(e.x), wy = worldY(e.y);
		zoom = z;
		panX = e.x - wx * zoom;
		panY = e.y - wy * zoom;
		fitPending = false;
		e.doit = false;
		redraw();
	}

	private String tooltip(Scene.Node n) {
		return n.name + (n.silentBecause != null ? "\nsilent: " + n.silentBecause : "")
				+ (n.master ? "" : "\ndrag onto a bus to re-route");
	}

	// ---- painting

	/** [UI] Paints the whole visible graph (also used by the benchmark, into an image). */
	public void paint(GC gc, Rectangle area) {
		gc.setBackground(palette.background);
		gc.fillRectangle(area);
		if (layout == null || laidOut == null) {
			gc.setForeground(palette.dim);
			gc.drawString(laidOut == null && layout == null ? "laying out\u2026" : "", 12, 12, true);
			return;
		}
		gc.setAdvanced(true);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Transform t = new Transform(gc.getDevice());
		try {
			t.translate((float) panX, (float) panY);
			t.scale((float) zoom, (float) zoom);
			gc.setTransform(t);
			double x0 = worldX(area.x), y0 = worldY(area.y), x1 = worldX(area.x + area.width),
					y1 = worldY(area.y + area.height);
			Channel selected = context.selection().selected();
			double[] view = { x0, y0, x1, y1 };
			paintEdges(gc, selected, false, view);
			paintEdges(gc, selected, true, view);
			for (Scene.Node n : laidOut.nodes) {
				GraphLayout.Box b = drawn(n.id);
				if (b == null || b.x() > x1 || b.x() + b.width() < x0 || b.y() > y1 || b.y() + b.height() < y0) {
					continue;
				}
				paintNode(gc, n, b, n.channel == selected);
			}
			if (drag == Drag.NODE || drag == Drag.EDGE_END) {
				paintRubberBand(gc);
			}
			gc.setTransform(null);
		} finally {
			t.dispose();
		}
		if (message != null) {
			gc.setFont(palette.small);
			Point ext = gc.textExtent(message);
			int h = ext.y + 10;
			gc.setBackground(palette.messageBack);
			gc.fillRectangle(area.x, area.y + area.height - h, area.width, h);
			gc.setForeground(palette.text);
			gc.drawString(message, area.x + 10, area.y + area.height - h + 5, true);
		}
	}

	private void paintEdges(GC gc, Channel selected, boolean highlighted, double[] view) {
		for (int i = 0; i < laidOut.edges.size(); i++) {
			Scene.Edge e = laidOut.edges.get(i);
			boolean hl = selected != null && (e.source().channel == selected || e.target().channel == selected);
			if (hl != highlighted) {
				continue;
			}
			double[] p = layout.edgePoints().get(i);
			boolean curve = layout.curve();
			if (glide() < 1) {
				// gliding: a plain curve from port to port; ELK's route once the nodes are there
				GraphLayout.Box a = drawn(e.source().id), b = drawn(e.target().id);
				if (a == null || b == null) {
					continue;
				}
				double sx = a.x() + a.width(), sy = a.y() + a.height() / 2, tx = b.x(), ty = b.y() + b.height() / 2,
						mx = (sx + tx) / 2;
				p = new double[] { sx, sy, mx, sy, mx, ty, tx, ty };
				curve = true;
			}
			if (p.length < 4 || outside(p, view)) {
				continue;
			}
			boolean silent = e.source().silentBecause != null;
			Path path = new Path(gc.getDevice());
			try {
				path.moveTo((float) p[0], (float) p[1]);
				if (curve) {
					for (int k = 2; k + 5 < p.length; k += 6) {
						path.cubicTo((float) p[k], (float) p[k + 1], (float) p[k + 2], (float) p[k + 3], (float) p[k + 4],
								(float) p[k + 5]);
					}
				} else {
					for (int k = 2; k + 1 < p.length; k += 2) {
						path.lineTo((float) p[k], (float) p[k + 1]);
					}
				}
				gc.setLineStyle(e.send() != null ? SWT.LINE_DASH : SWT.LINE_SOLID);
				gc.setLineWidth(hl ? 2 : e.send() != null ? 1 : 1);
				gc.setForeground(hl ? palette.selection : e.send() != null ? palette.send
						: silent ? palette.routeDim : palette.route);
				gc.drawPath(path);
			} finally {
				path.dispose();
			}
			gc.setLineStyle(SWT.LINE_SOLID);
			// an arrow head at the target's side
			double ex = p[p.length - 2], ey = p[p.length - 1];
			gc.setBackground(hl ? palette.selection : e.send() != null ? palette.send : silent ? palette.routeDim
					: palette.route);
			gc.fillPolygon(new int[] { (int) ex, (int) ey, (int) ex - 7, (int) ey - 4, (int) ex - 7, (int) ey + 4 });
			if (e.send() != null) {
				// the send's level near its end, where sends meet their bus
				String level = db(e.send().getLevelDb()) + " dB" + (e.send().isPreFader() ? " pre" : "");
				gc.setFont(palette.small);
				Point ext = gc.textExtent(level);
				double lx = ex - 14 - ext.x, ly = ey - ext.y - 3;
				gc.setBackground(palette.background);
				gc.fillRoundRectangle((int) lx - 3, (int) ly, ext.x + 6, ext.y, 6, 6);
				gc.setForeground(palette.send);
				gc.drawString(level, (int) lx, (int) ly, true);
			}
		}
	}

	/** @return whether a route's points (its curve stays within their hull) all lie outside the view */
	private static boolean outside(double[] p, double[] view) {
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (int k = 0; k + 1 < p.length; k += 2) {
			minX = Math.min(minX, p[k]);
			maxX = Math.max(maxX, p[k]);
			minY = Math.min(minY, p[k + 1]);
			maxY = Math.max(maxY, p[k + 1]);
		}
		return maxX < view[0] - 40 || minX > view[2] + 40 || maxY < view[1] - 20 || minY > view[3] + 20;
	}

	private void paintNode(GC gc, Scene.Node n, GraphLayout.Box b, boolean selected) {
		int x = (int) Math.round(b.x()), y = (int) Math.round(b.y()), w = (int) Math.round(b.width()),
				h = (int) Math.round(b.height());
		boolean silent = n.silentBecause != null;
		gc.setBackground(silent ? palette.silentFill : n.master ? palette.master : n.track ? palette.track : palette.bus);
		int arc = n.track ? 6 : 12;
		gc.fillRoundRectangle(x, y, w, h, arc, arc);
		boolean drop = n == hoverTarget;
		gc.setLineStyle(silent && !selected && !drop ? SWT.LINE_DOT : SWT.LINE_SOLID);
		gc.setLineWidth(selected || drop ? 2 : 1);
		gc.setForeground(drop ? palette.drop : selected ? palette.selection : silent ? palette.faint : palette.border);
		gc.drawRoundRectangle(x, y, w, h, arc, arc);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
		if (!n.track) {
			// a bus's mark: a bar at its left, the console's bus colour
			gc.setBackground(silent ? palette.faint : n.master ? palette.selection : palette.send);
			gc.fillRoundRectangle(x + 3, y + 5, 3, h - 10, 2, 2);
		}
		if (zoom < 0.35) {
			// too small to read: the boxes and edges show the shape, the wheel brings the names
			return;
		}
		gc.setFont(palette.name);
		gc.setForeground(silent ? palette.faint : palette.text);
		gc.drawString(n.name, x + 12, y + 3, true);
		gc.setFont(palette.small);
		if (silent) {
			gc.setForeground(palette.silentText);
			gc.drawString(clip(gc, "silent: " + n.silentBecause, w - 16), x + 12, y + h - 15, true);
		} else {
			gc.setForeground(palette.dim);
			gc.drawString(n.detail == null ? "" : n.detail, x + 12, y + h - 15, true);
		}
	}

	private static String clip(GC gc, String s, int width) {
		if (gc.textExtent(s).x <= width) {
			return s;
		}
		String e = "\u2026";
		int lo = 0, hi = s.length();
		while (lo < hi) {
			int mid = (lo + hi + 1) / 2;
			if (gc.textExtent(s.substring(0, mid) + e).x <= width) {
				lo = mid;
			} else {
				hi = mid - 1;
			}
		}
		return s.substring(0, lo) + e;
	}

	private void paintRubberBand(GC gc) {
		if (!dragMoved || dragSource == null) {
			return;
		}
		GraphLayout.Box b = layout.nodes().get(dragSource.id);
		if (b == null) {
			return;
		}
		double sx = b.x() + b.width(), sy = b.y() + b.height() / 2, tx = worldX(mouseX), ty = worldY(mouseY);
		gc.setForeground(palette.drop);
		gc.setLineWidth(2);
		gc.setLineStyle(dragSend != null ? SWT.LINE_DASH : SWT.LINE_SOLID);
		Path p = new Path(gc.getDevice());
		try {
			double mx = (sx + tx) / 2;
			p.moveTo((float) sx, (float) sy);
			p.cubicTo((float) mx, (float) sy, (float) mx, (float) ty, (float) tx, (float) ty);
			gc.drawPath(p);
		} finally {
			p.dispose();
		}
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setLineWidth(1);
	}

	private boolean disposed;

	/** [UI] Removes what the graph added to the model and the context, stops its workers. Idempotent. */
	public void dispose() {
		if (disposed) {
			return;
		}
		disposed = true;
		context.session().eAdapters().remove(modelListener);
		context.selection().removeListener(selectionListener);
		facts.dispose();
		layoutGeneration.incrementAndGet();
		layouter.shutdownNow();
		palette.dispose();
	}
}
