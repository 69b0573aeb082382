package org.mixtree.views.tree.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
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
import org.mixtree.views.tree.internal.Rows.Row;

/**
 * The routing tree on one double-buffered canvas: only the visible rows are painted, so 200 channels scroll as
 * fast as 20. The rows are rebuilt from the model after each change (one refresh per command, undo included), the
 * engine's answer says who is silent and why.
 * <p>
 * Gestures: click a row to select its channel (shared with the console); click the triangle (or Left / Right) to
 * collapse or expand a bus; drag a track or bus row onto a bus row to re-route it, a send row onto a bus to point
 * the send there. A route that would close a cycle is refused with the command's message and nothing changes.
 */
public final class TreeCanvas {
	public static final int ROW = 24, INDENT = 18;

	private final ViewContext context;
	private final Canvas canvas;
	private final RoutingPalette palette;
	private final MixFactsWorker facts;
	private final EContentAdapter modelListener;
	private final Consumer<Channel> selectionListener;
	private final Set<Channel> collapsed = new HashSet<>();

	private List<Row> rows = List.of();
	private MixFacts mixFacts = MixFacts.UNKNOWN;
	private CoalescedRefresh modelRefresh;
	private int top;

	private int pressRow = -1, pressX, pressY, mouseY;
	private boolean dragging;
	private int dropRow = -1;
	private String message;

	public TreeCanvas(Composite parent, ViewContext context) {
		this.context = context;
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.V_SCROLL);
		palette = new RoutingPalette(canvas.getDisplay(), RoutingPalette.isDark(canvas));
		canvas.setBackground(palette.background);
		modelRefresh = new CoalescedRefresh(canvas, this::refresh);
		facts = new MixFactsWorker("mixtree-tree-facts", r -> {
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(r);
			}
		}, f -> {
			mixFacts = f;
			redraw();
		});
		canvas.addListener(SWT.Paint, e -> paint(e.gc, canvas.getClientArea()));
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			scrollTo(top - e.count * ROW);
			e.doit = false;
		});
		canvas.addListener(SWT.KeyDown, this::key);
		canvas.addListener(SWT.Resize, e -> updateScrollBar());
		canvas.addListener(SWT.MouseHover, e -> {
			int r = rowAt(e.y);
			canvas.setToolTipText(r < 0 ? null : tooltip(rows.get(r)));
		});
		canvas.getVerticalBar().addListener(SWT.Selection, e -> {
			top = canvas.getVerticalBar().getSelection();
			redraw();
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
		selectionListener = c -> {
			reveal(c);
			redraw();
		};
		context.selection().addListener(selectionListener);
		refresh();
	}

	public Canvas control() {
		return canvas;
	}

	/** [UI] @return the rows shown, top to bottom (tests find rows by channel) */
	public List<Row> rows() {
		return rows;
	}

	/** [UI] @return whether a refresh or the engine's answer is still to come */
	public boolean pending() {
		return modelRefresh.queued() || facts.pending();
	}

	/** [UI] @return the row of a channel (its own row, not a send's), or -1 */
	public int rowOf(Channel c) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).channel() == c && rows.get(i).send() == null) {
				return i;
			}
		}
		return -1;
	}

	/** [UI] @return the row of a send, or -1 */
	public int rowOf(Send s) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).send() == s) {
				return i;
			}
		}
		return -1;
	}

	/** [UI] @return the row's rectangle in canvas pixels (it may be scrolled out of view) */
	public Rectangle rowRect(int row) {
		return new Rectangle(0, row * ROW - top, canvas.getClientArea().width, ROW);
	}

	/** [UI] @return the x where a row's name starts (tests press on the name) */
	public int nameX(int row) {
		return 8 + rows.get(row).depth() * INDENT + 16 + 18;
	}

	/** [UI] @return the silent cause the tree shows for a channel, or null */
	public String silentBecause(Channel c) {
		return mixFacts.silentBecause().get(c.getAddress());
	}

	private void modelChanged() {
		modelRefresh.request(); // the notifications of one command make one refresh
	}

	/** [UI] Reads the model again and asks the engine who is heard. */
	public void refresh() {
		Session session = context.session();
		collapsed.removeIf(c -> c.eResource() == null && c.eContainer() == null);
		rows = Rows.of(session, collapsed);
		facts.request(session, context.sessionFile());
		updateScrollBar();
		redraw();
	}

	private void updateScrollBar() {
		ScrollBar bar = canvas.getVerticalBar();
		int h = canvas.getClientArea().height, total = rows.size() * ROW + 4;
		top = Math.max(0, Math.min(top, total - h));
		bar.setValues(top, 0, Math.max(total, 1), Math.max(1, Math.min(h, total)), ROW, Math.max(ROW, h - ROW));
		bar.setVisible(total > h);
	}

	private void scrollTo(int y) {
		int h = canvas.getClientArea().height, total = rows.size() * ROW + 4;
		top = Math.max(0, Math.min(y, total - h));
		canvas.getVerticalBar().setSelection(top);
		redraw();
	}

	private void reveal(Channel c) {
		if (c == null) {
			return;
		}
		// expand the way to it
		Bus master = context.session().getMaster();
		boolean changed = false;
		for (Bus b = c == master ? null : Rows.outputOf(c, master); b != null; b = b == master ? null
				: Rows.outputOf(b, master)) {
			changed |= collapsed.remove(b);
			if (b == master) {
				break;
			}
		}
		if (changed) {
			rows = Rows.of(context.session(), collapsed);
			updateScrollBar();
		}
		int r = rowOf(c);
		if (r < 0) {
			return;
		}
		int h = canvas.getClientArea().height;
		if (r * ROW < top) {
			scrollTo(r * ROW);
		} else if ((r + 1) * ROW > top + h) {
			scrollTo((r + 1) * ROW - h);
		}
	}

	private int rowAt(int y) {
		int r = (y + top) / ROW;
		return y < 0 || r >= rows.size() ? -1 : r;
	}

	private void redraw() {
		if (!canvas.isDisposed()) {
			canvas.redraw();
		}
	}

	// ---- gestures

	private void mouseDown(Event e) {
		if (e.button != 1) {
			return;
		}
		canvas.setFocus();
		message = null;
		int r = rowAt(e.y);
		pressRow = r;
		pressX = e.x;
		pressY = mouseY = e.y;
		dragging = false;
		if (r < 0) {
			return;
		}
		Row row = rows.get(r);
		int tri = 8 + row.depth() * INDENT;
		if (row.send() == null && row.hasChildren() && e.x >= tri - 2 && e.x < tri + 16) {
			toggle(row.channel());
			pressRow = -1;
			return;
		}
		context.selection().select(row.channel());
	}

	private void toggle(Channel c) {
		if (!collapsed.remove(c)) {
			collapsed.add(c);
		}
		rows = Rows.of(context.session(), collapsed);
		updateScrollBar();
		redraw();
	}

	private void mouseMove(Event e) {
		mouseY = e.y;
		if (pressRow < 0 || (e.stateMask & SWT.BUTTON1) == 0) {
			return;
		}
		Row from = rows.get(pressRow);
		if (from.send() == null && from.channel() == context.session().getMaster()) {
			return;
		}
		if (!dragging && Math.abs(e.x - pressX) + Math.abs(e.y - pressY) < 5) {
			return;
		}
		dragging = true;
		int r = rowAt(e.y);
		dropRow = r >= 0 && rows.get(r).isBus() && rows.get(r).channel() != from.channel() ? r : -1;
		// near the edges the tree scrolls along
		int h = canvas.getClientArea().height;
		if (e.y < ROW / 2) {
			scrollTo(top - ROW / 2);
		} else if (e.y > h - ROW / 2) {
			scrollTo(top + ROW / 2);
		}
		redraw();
	}

	private void mouseUp(Event e) {
		if (e.button != 1) {
			return;
		}
		int from = pressRow;
		boolean was = dragging;
		pressRow = -1;
		dragging = false;
		int target = rowAt(e.y);
		dropRow = -1;
		if (was && from >= 0 && target >= 0 && rows.get(target).isBus()) {
			Row row = rows.get(from);
			drop(row.channel(), row.send(), (Bus) rows.get(target).channel());
		}
		redraw();
	}

	private void drop(Channel channel, Send send, Bus bus) {
		try {
			if (send != null) {
				if (send.getTarget() != bus) {
					SessionCommands.execute(context.domain(), SessionCommands.setSendTarget(context.domain(), send, bus));
				}
			} else if (channel != bus && Rows.outputOf(channel, context.session().getMaster()) != bus) {
				SessionCommands.execute(context.domain(), SessionCommands.setOutput(context.domain(), channel, bus));
			}
		} catch (CommandRefusedException ex) {
			message = ex.getMessage();
			context.showMessage(message);
		}
	}

	private void key(Event e) {
		Channel sel = context.selection().selected();
		int r = sel == null ? -1 : rowOf(sel);
		switch (e.keyCode) {
		case SWT.ARROW_DOWN, SWT.ARROW_UP -> {
			int step = e.keyCode == SWT.ARROW_DOWN ? 1 : -1;
			for (int i = r + step; i >= 0 && i < rows.size(); i += step) {
				if (rows.get(i).send() == null) {
					context.selection().select(rows.get(i).channel());
					break;
				}
			}
		}
		case SWT.ARROW_LEFT, SWT.ARROW_RIGHT -> {
			if (r >= 0 && rows.get(r).hasChildren() && collapsed.contains(sel) == (e.keyCode == SWT.ARROW_RIGHT)) {
				toggle(sel);
			}
		}
		default -> {
		}
		}
	}

	private String tooltip(Row row) {
		if (row.send() != null) {
			Send s = row.send();
			return "send from " + row.channel().getName() + " to " + (s.getTarget() == null ? "?" : s.getTarget().getName())
					+ ", " + db(s.getLevelDb()) + " dB " + (s.isPreFader() ? "pre" : "post") + " fader\ndrag onto a bus to move it";
		}
		String why = silentBecause(row.channel());
		return row.channel().getName() + (why != null ? "\nsilent: " + why : "")
				+ (row.channel() == context.session().getMaster() ? "" : "\ndrag onto a bus to re-route");
	}

	private static String db(double v) {
		return Double.isInfinite(v) ? "-\u221e" : String.format(Locale.ROOT, "%+.1f", v);
	}

	// ---- painting

	/** [UI] Paints the visible rows (the benchmark paints into an image). */
	public void paint(GC gc, Rectangle area) {
		gc.setBackground(palette.background);
		gc.fillRectangle(area);
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		Channel selected = context.selection().selected();
		int first = Math.max(0, (area.y + top) / ROW), last = Math.min(rows.size() - 1, (area.y + area.height + top) / ROW);
		int w = canvas.getClientArea().width;
		for (int i = first; i <= last; i++) {
			paintRow(gc, i, rows.get(i), i * ROW - top, w, selected);
		}
		if (dragging && pressRow >= 0 && pressRow < rows.size()) {
			Row from = rows.get(pressRow);
			String label = from.send() != null ? "send \u2192 " + (dropRow >= 0 ? rows.get(dropRow).channel().getName() : "\u2026")
					: from.channel().getName() + " \u2192 " + (dropRow >= 0 ? rows.get(dropRow).channel().getName() : "\u2026");
			gc.setFont(palette.bold);
			Point ext = gc.textExtent(label);
			int y = Math.max(0, mouseY - ext.y - 8);
			gc.setBackground(palette.master);
			gc.fillRoundRectangle(pressX + 12, y, ext.x + 14, ext.y + 6, 8, 8);
			gc.setForeground(palette.drop);
			gc.drawRoundRectangle(pressX + 12, y, ext.x + 14, ext.y + 6, 8, 8);
			gc.setForeground(palette.text);
			gc.drawString(label, pressX + 19, y + 3, true);
		}
		if (message != null) {
			gc.setFont(palette.small);
			Point ext = gc.textExtent(message);
			int h = ext.y + 10;
			Rectangle c = canvas.getClientArea();
			gc.setBackground(palette.messageBack);
			gc.fillRectangle(0, c.height - h, c.width, h);
			gc.setForeground(palette.text);
			gc.drawString(message, 10, c.height - h + 5, true);
		}
	}

	private void paintRow(GC gc, int index, Row row, int y, int w, Channel selected) {
		boolean isSel = row.send() == null && row.channel() == selected;
		if (index == dropRow) {
			gc.setBackground(palette.master);
			gc.fillRectangle(0, y, w, ROW);
			gc.setForeground(palette.drop);
			gc.setLineWidth(2);
			gc.drawRectangle(1, y + 1, w - 3, ROW - 2);
			gc.setLineWidth(1);
		} else if (isSel) {
			gc.setBackground(palette.bus);
			gc.fillRectangle(0, y, w, ROW);
			gc.setBackground(palette.selection);
			gc.fillRectangle(0, y, 3, ROW);
		} else if (index % 2 == 1) {
			gc.setBackground(palette.grid);
			gc.fillRectangle(0, y, w, ROW);
		}
		int x = 8 + row.depth() * INDENT;
		// guides: one faint line per level, so a deep tree stays readable
		gc.setForeground(palette.routeDim);
		for (int d = 1; d <= row.depth(); d++) {
			int gx = 8 + (d - 1) * INDENT + 7;
			gc.drawLine(gx, y, gx, y + ROW - (d == row.depth() ? ROW / 2 : 0));
		}
		if (row.depth() > 0) {
			gc.drawLine(x - INDENT + 7, y + ROW / 2, x - 2, y + ROW / 2);
		}
		int cy = y + ROW / 2;
		if (row.send() == null && row.hasChildren()) {
			gc.setBackground(palette.dim);
			int[] tri = collapsed.contains(row.channel()) ? new int[] { x + 4, cy - 5, x + 10, cy, x + 4, cy + 5 }
					: new int[] { x + 2, cy - 3, x + 12, cy - 3, x + 7, cy + 3 };
			gc.fillPolygon(tri);
		}
		int ix = x + 16;
		if (row.send() != null) {
			paintSend(gc, row.send(), ix, y, cy, w);
			return;
		}
		Channel c = row.channel();
		String why = silentBecause(c);
		boolean silent = why != null;
		boolean master = c == context.session().getMaster();
		// the icon: a bus is a bar in the console's bus colour (the master's brighter), a track a small waveform
		if (c instanceof Bus) {
			gc.setBackground(silent ? palette.faint : master ? palette.selection : palette.send);
			gc.fillRoundRectangle(ix, cy - 7, 12, 14, 4, 4);
			gc.setBackground(palette.background);
			gc.fillRectangle(ix + 3, cy - 3, 6, 2);
			gc.fillRectangle(ix + 3, cy + 1, 6, 2);
		} else {
			gc.setForeground(silent ? palette.faint : palette.dim);
			gc.setLineWidth(1);
			int[] wave = { 0, 0, 2, -4, 4, 3, 6, -6, 8, 5, 10, -2, 12, 0 };
			int[] pts = new int[wave.length];
			for (int k = 0; k < wave.length; k += 2) {
				pts[k] = ix + wave[k];
				pts[k + 1] = cy + wave[k + 1];
			}
			gc.drawPolyline(pts);
		}
		int tx = ix + 18;
		gc.setFont(c instanceof Bus ? palette.bold : palette.normal);
		gc.setForeground(silent ? palette.faint : palette.text);
		Point ext = gc.textExtent(c.getName());
		gc.drawString(c.getName(), tx, cy - ext.y / 2, true);
		// right: gain, mute/solo marks, and why a silent channel is silent
		gc.setFont(palette.small);
		String gain = db(c.getGainDb()) + " dB";
		Point ge = gc.textExtent(gain);
		int right = w - 10;
		gc.setForeground(palette.dim);
		gc.drawString(gain, right - ge.x, cy - ge.y / 2, true);
		right -= ge.x + 8;
		if (c.isMute() || c.isSolo()) {
			String ms = (c.isMute() ? "M" : "") + (c.isSolo() ? "S" : "");
			Point me = gc.textExtent(ms);
			gc.setForeground(c.isMute() ? palette.refused : palette.silentText);
			gc.drawString(ms, right - me.x, cy - me.y / 2, true);
			right -= me.x + 8;
		}
		if (silent) {
			int room = right - (tx + ext.x + 16);
			if (room > 30) {
				String s = clip(gc, "silent: " + why, room);
				Point se = gc.textExtent(s);
				gc.setForeground(palette.silentText);
				gc.drawString(s, right - se.x, cy - se.y / 2, true);
			}
		}
	}

	private void paintSend(GC gc, Send s, int ix, int y, int cy, int w) {
		// a send: a dashed arrow in the console's send colour, the target and level in italics
		gc.setForeground(palette.send);
		gc.setLineStyle(SWT.LINE_DASH);
		gc.drawLine(ix, cy, ix + 10, cy);
		gc.setLineStyle(SWT.LINE_SOLID);
		gc.setBackground(palette.send);
		gc.fillPolygon(new int[] { ix + 13, cy, ix + 8, cy - 4, ix + 8, cy + 4 });
		gc.setFont(palette.italic);
		String label = "send to " + (s.getTarget() == null ? "?" : s.getTarget().getName());
		Point ext = gc.textExtent(label);
		gc.drawString(label, ix + 18, cy - ext.y / 2, true);
		gc.setFont(palette.small);
		String level = db(s.getLevelDb()) + " dB" + (s.isPreFader() ? " pre" : "");
		Point le = gc.textExtent(level);
		gc.drawString(level, w - 10 - le.x, cy - le.y / 2, true);
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

	private boolean disposed;

	/** [UI] Removes what the tree added to the model and the context. Idempotent. */
	public void dispose() {
		if (disposed) {
			return;
		}
		disposed = true;
		context.session().eAdapters().remove(modelListener);
		context.selection().removeListener(selectionListener);
		facts.dispose();
		palette.dispose();
	}
}
