package org.mixtree.ui.mixer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.ecore.util.EContentAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Text;
import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ValueText;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.session.MixFacts;
import org.mixtree.session.MixFactsWorker;
import org.mixtree.ui.views.CoalescedRefresh;
import org.mixtree.session.SessionGraph;
import org.mixtree.ui.mixer.internal.ConsolePainter;
import org.mixtree.ui.mixer.internal.ConsoleView;
import org.mixtree.ui.mixer.internal.FaderLaw;
import org.mixtree.ui.mixer.internal.Palette;
import org.mixtree.ui.mixer.internal.Strip;
import org.mixtree.ui.mixer.internal.StripBuilder;
import org.mixtree.ui.mixer.internal.StripGeometry;

/**
 * The bus-first mixer console: every strip of a level of the routing tree drawn on one double-buffered canvas, no
 * widget per control. It opens on the master and the top-level buses; opening a bus shows what feeds it, the
 * breadcrumb leads back up, and a toggle shows every track flat.
 * <p>
 * The model is the state: the console keeps no copy of what the session holds. It listens to the session (an
 * adapter, removed on dispose), rebuilds the strips' presentations and redraws; every gesture is a command on the
 * editing domain's one command stack (a fader drag is one command at mouse-up, its values going to the engine
 * live while it lasts). Meters are read from the engine by one timer for every visible strip.
 * <p>
 * UI thread only. The e4 part creates one in its {@code @PostConstruct} and disposes it in {@code @PreDestroy}; a
 * plain {@link Composite} does as well (tests, the benchmark).
 */
public final class MixerConsole {
	/** Meter refresh period, ms (30 frames a second). */
	public static final int METER_PERIOD_MS = 33;

	private final ConsoleInput input;
	private final Canvas canvas;
	private final Palette palette;
	private final ConsolePainter painter;
	private final ConsoleView view = new ConsoleView();
	private final List<Bus> path = new ArrayList<>();
	private final MixFactsWorker worker;
	private final EContentAdapter adapter;
	private final Map<Insert, ParameterEditor> editors = new LinkedHashMap<>();
	private final double[] reading = new double[org.mixtree.engine.meter.MeterSnapshot.FIELDS];
	private final Runnable meterTick = this::meterTick;
	private MixFacts facts = MixFacts.UNKNOWN;
	private boolean flat;
	private Channel selected;
	/** Told when the user selects another channel here ({@link #onSelection}); the last channel told; a guard. */
	private Consumer<Channel> selectionListener;
	private Channel published;
	private boolean following;
	private InsertEditors insertEditors;
	private final CoalescedRefresh modelRefresh;
	private Text overlay;
	private Menu menu;
	private Gesture gesture;
	private String tooltip;
	private long paints, lastPaintNanos, lastPaintCpuNanos;
	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

	/** What the mouse is doing since the button went down. */
	private static final class Gesture {
		final Hit.Kind kind;
		final int strip, index, x0, y0;
		int lastX, lastY;
		double pos, start;
		boolean moved;

		Gesture(Hit hit, int x, int y) {
			kind = hit.kind();
			strip = hit.strip();
			index = hit.index();
			x0 = lastX = x;
			y0 = lastY = y;
		}
	}

	/** What is under a point of the canvas. */
	public record Hit(Kind kind, int strip, int index) {
		public enum Kind {
			NONE, CRUMB, TREE, FLAT, NAME, INFO, OUTPUT, SLOT, BYPASS, ADD, SEND, CLIP, METER, FADER, VALUE, PAN, MUTE,
			SOLO, POLARITY, SAFE, OPEN, STRIP
		}
	}

	public MixerConsole(Composite parent, ConsoleInput input) {
		this.input = input;
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.H_SCROLL);
		// whoever holds the canvas (a test walking the window, a tool) finds its console
		canvas.setData(MixerConsole.class.getName(), this);
		palette = new Palette(canvas);
		painter = new ConsolePainter(palette);
		canvas.setBackground(palette.background);
		modelRefresh = new CoalescedRefresh(canvas, () -> {
			requestFacts();
			refresh();
		});
		worker = new MixFactsWorker("mixtree-console-facts", r -> {
			if (!canvas.isDisposed()) {
				canvas.getDisplay().asyncExec(r);
			}
		}, f -> {
			facts = f;
			refresh();
		});
		canvas.addListener(SWT.Paint, e -> {
			long t0 = System.nanoTime(), c0 = CPU.getCurrentThreadCpuTime();
			view.width = canvas.getClientArea().width;
			view.height = canvas.getClientArea().height;
			painter.paint(e.gc, new Rectangle(e.x, e.y, e.width, e.height), view);
			lastPaintNanos = System.nanoTime() - t0;
			lastPaintCpuNanos = CPU.getCurrentThreadCpuTime() - c0;
			paints++;
		});
		canvas.addListener(SWT.Resize, e -> relayout());
		canvas.addListener(SWT.MouseDown, this::mouseDown);
		canvas.addListener(SWT.MouseMove, this::mouseMove);
		canvas.addListener(SWT.MouseUp, this::mouseUp);
		canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
		canvas.addListener(SWT.MouseExit, e -> hover(-1, -1));
		canvas.addListener(SWT.KeyDown, this::key);
		canvas.addListener(SWT.Traverse, e -> {
			if (e.detail != SWT.TRAVERSE_TAB_NEXT && e.detail != SWT.TRAVERSE_TAB_PREVIOUS) {
				e.doit = false;
			}
		});
		canvas.addListener(SWT.MouseWheel, e -> {
			ScrollBar bar = canvas.getHorizontalBar();
			if (bar != null && (e.stateMask & SWT.SHIFT) != 0) {
				bar.setSelection(bar.getSelection() - e.count * 40);
				scrolled();
			}
		});
		ScrollBar bar = canvas.getHorizontalBar();
		if (bar != null) {
			bar.addListener(SWT.Selection, e -> scrolled());
		}
		canvas.addListener(SWT.Dispose, e -> dispose());
		adapter = new EContentAdapter() {
			@Override
			public void notifyChanged(Notification n) {
				super.notifyChanged(n);
				if (!n.isTouch()) {
					modelChanged();
				}
			}
		};
		input.session().eAdapters().add(adapter);
		requestFacts();
		refresh();
		if (input.engine() != ConsoleEngine.NONE) {
			canvas.getDisplay().timerExec(METER_PERIOD_MS, meterTick);
		}
	}

	// ---- public face: the part, the tests and the benchmark use these

	/** @return the canvas every strip is drawn on */
	public Canvas canvas() {
		return canvas;
	}

	/** @return the buses opened, outermost first; empty at the top level */
	public List<Bus> path() {
		return List.copyOf(path);
	}

	/** @return whether every track is shown flat */
	public boolean isFlat() {
		return flat;
	}

	/** @return the selected channel, or null */
	public Channel selection() {
		return selected;
	}

	/** @return the channels shown, left to right */
	public List<Channel> channels() {
		List<Channel> list = new ArrayList<>();
		for (Strip s : view.strips) {
			list.add(s.channel);
		}
		return list;
	}

	/** @return the line shown to the user (a refused command's reason), or null */
	public String message() {
		return view.message;
	}

	/** @return the parameter editors open, by insert */
	public Map<Insert, ParameterEditor> editors() {
		return java.util.Collections.unmodifiableMap(editors);
	}

	/** @return the engine's answers (who is heard, latencies) the strips show */
	public MixFacts facts() {
		return facts;
	}

	/** @return whether an edit's answer from the engine is still being computed */
	public boolean factsPending() {
		return worker.pending() || modelRefresh.queued();
	}

	/** @return the menu last opened by a gesture (the output selector, the insert menu), or null */
	public Menu lastMenu() {
		return menu;
	}

	/** The presentation the canvas draws (tests and the benchmark read geometry from it). */
	public ConsoleView view() {
		return view;
	}

	/** The painter (the benchmark paints with it off screen). */
	public ConsolePainter painter() {
		return painter;
	}

	/** @return how many times the canvas has been painted (the benchmark counts frames with it) */
	public long paints() {
		return paints;
	}

	/** @return how long the last paint took, in nanoseconds */
	public long lastPaintNanos() {
		return lastPaintNanos;
	}

	/** @return the UI thread's CPU time in the last paint, in nanoseconds (what the paint cost, not what it waited) */
	public long lastPaintCpuNanos() {
		return lastPaintCpuNanos;
	}

	/** Selects a channel's strip (it must be shown). */
	public void select(Channel channel) {
		selected = channel;
		refresh();
		reveal();
		publish();
	}

	/**
	 * Calls {@code listener} each time the user selects another channel in the console (click, arrow keys, opening
	 * or leaving a bus), not when the console follows {@link #follow} or drops a channel that is gone: how the
	 * workbench's shared selection learns of it.
	 */
	public void onSelection(Consumer<Channel> listener) {
		selectionListener = listener;
	}

	/**
	 * Shows and selects {@code channel} because it was selected elsewhere (a routing view): opens the bus it feeds
	 * when its strip is not shown. Tells no {@link #onSelection} listener.
	 */
	public void follow(Channel channel) {
		if (channel == null || channel == selected || canvas.isDisposed()) {
			return;
		}
		following = true;
		try {
			if (!channels().contains(channel)) {
				Bus parent = channel.getOutput();
				openBus(org.mixtree.model.ChannelAddress.isMaster(channel) ? null : parent);
			}
			if (channels().contains(channel)) {
				select(channel);
			}
		} finally {
			following = false;
			published = selected;
		}
	}

	/** Tells the listener of a selection made here. */
	private void publish() {
		if (selected == published) {
			return;
		}
		published = selected;
		if (!following && selectionListener != null) {
			selectionListener.accept(selected);
		}
	}

	/** Opens a bus: shows what feeds it. A bus that is not a child of the level shown opens with its whole path. */
	public void openBus(Bus bus) {
		Session session = input.session();
		if (bus == null || bus == session.getMaster()) {
			path.clear();
		} else {
			List<Bus> chain = new ArrayList<>();
			for (Bus b = bus; b != null && b != session.getMaster() && !chain.contains(b); b = b.getOutput()) {
				chain.add(0, b);
			}
			path.clear();
			path.addAll(chain);
		}
		flat = false;
		selected = null;
		refresh();
		List<Channel> shown = channels();
		selected = shown.isEmpty() ? null : shown.get(0);
		refresh();
		publish();
	}

	/** Goes up one level (or out of the flat view); the bus left is selected. */
	public void up() {
		if (flat) {
			setFlat(false);
			return;
		}
		if (path.isEmpty()) {
			return;
		}
		Bus left = path.remove(path.size() - 1);
		selected = left;
		refresh();
		reveal();
		publish();
	}

	/** Shows every track flat, or the tree again. */
	public void setFlat(boolean on) {
		flat = on;
		refresh();
	}

	/** Cancels what is being typed and closes the menus and editors the console opened. */
	public void dispose() {
		if (canvas.isDisposed() && adapter.getTarget() == null) {
			return;
		}
		input.session().eAdapters().remove(adapter);
		worker.dispose();
		for (ParameterEditor e : new ArrayList<>(editors.values())) {
			e.close();
		}
		editors.clear();
		if (insertEditors != null) {
			insertEditors.closeAll();
		}
		if (menu != null && !menu.isDisposed()) {
			menu.dispose();
		}
		if (!canvas.isDisposed()) {
			canvas.getDisplay().timerExec(-1, meterTick);
			canvas.dispose();
		}
		painter.dispose();
		palette.dispose();
	}

	// ---- model -> view

	private void modelChanged() {
		modelRefresh.request(); // several notifications of one command make one refresh and one compile
	}

	private void requestFacts() {
		worker.request(() -> SessionGraph.describe(input.session(), input.sessionFile(), input.effects()));
	}

	/** Rebuilds the strips from the model and the engine's answers, and redraws. */
	private void refresh() {
		if (canvas.isDisposed()) {
			return;
		}
		Session session = input.session();
		validatePath(session);
		List<Channel> shown = StripBuilder.channels(session, path, flat);
		Map<String, Strip> old = new java.util.HashMap<>();
		for (Strip s : view.strips) {
			old.put(s.id, s);
		}
		List<Strip> strips = new ArrayList<>();
		for (Channel c : shown) {
			Strip s = StripBuilder.build(c, session, path, flat, facts, input.effects(), input.engine());
			Strip before = old.get(s.id);
			if (before != null) {
				System.arraycopy(before.meter, 0, s.meter, 0, s.meter.length);
				s.clipped = before.clipped;
			}
			strips.add(s);
		}
		view.strips = strips;
		view.flat = flat;
		List<String> crumbs = new ArrayList<>();
		crumbs.add(session.getMaster() == null ? "Master" : session.getMaster().getName());
		for (Bus b : path) {
			crumbs.add(b.getName());
		}
		view.crumbs = crumbs;
		if (selected != null && !shown.contains(selected)) {
			selected = null;
		}
		view.selected = selected == null ? -1 : shown.indexOf(selected);
		relayout();
		for (ParameterEditor e : new ArrayList<>(editors.values())) {
			e.refresh();
		}
	}

	/** Drops the opened buses that no longer nest (a bus removed or re-routed by an undo). */
	private void validatePath(Session session) {
		Bus parent = session.getMaster();
		for (int i = 0; i < path.size(); i++) {
			Bus b = path.get(i);
			if (b.eContainer() != session || !StripBuilder.feeds(b, parent, session.getMaster())) {
				path.subList(i, path.size()).clear();
				break;
			}
			parent = b;
		}
	}

	private void relayout() {
		Rectangle area = canvas.getClientArea();
		int slots = 3, sends = 0;
		for (Strip s : view.strips) {
			slots = Math.max(slots, s.slots.size() + 1);
			sends = Math.max(sends, s.sends.size());
		}
		view.geometry = new StripGeometry(area.height - ConsoleView.HEADER - ConsoleView.FOOTER - 6, Math.min(slots, 10),
				Math.min(sends, 6));
		view.width = area.width;
		view.height = area.height;
		ScrollBar bar = canvas.getHorizontalBar();
		if (bar != null) {
			int content = view.contentWidth();
			bar.setMaximum(Math.max(content, 1));
			bar.setThumb(Math.max(1, Math.min(area.width, content)));
			bar.setPageIncrement(Math.max(1, area.width - StripGeometry.WIDTH));
			bar.setIncrement(StripGeometry.WIDTH + StripGeometry.GAP);
			bar.setVisible(content > area.width);
			view.scrollX = Math.max(0, Math.min(bar.getSelection(), content - area.width));
		}
		canvas.redraw();
	}

	private void scrolled() {
		ScrollBar bar = canvas.getHorizontalBar();
		view.scrollX = bar.getSelection();
		canvas.redraw();
	}

	/** Scrolls the selected strip into view. */
	private void reveal() {
		ScrollBar bar = canvas.getHorizontalBar();
		if (view.selected < 0 || bar == null) {
			return;
		}
		int x = view.stripX(view.selected) + view.scrollX;
		int w = canvas.getClientArea().width;
		int s = bar.getSelection();
		if (x - ConsoleView.MARGIN < s) {
			bar.setSelection(x - ConsoleView.MARGIN);
		} else if (x + StripGeometry.WIDTH + ConsoleView.MARGIN > s + w) {
			bar.setSelection(x + StripGeometry.WIDTH + ConsoleView.MARGIN - w);
		}
		scrolled();
	}

	// ---- meters: one timer for every visible strip

	private void meterTick() {
		if (canvas.isDisposed()) {
			return;
		}
		readMeters();
		canvas.getDisplay().timerExec(METER_PERIOD_MS, meterTick);
	}

	/**
	 * Reads the engine's meters for every visible strip and damages what changed (the meter timer's frame; the
	 * benchmark calls it directly).
	 *
	 * @return how many strips' meters changed
	 */
	public int readMeters() {
		int changed = 0;
		boolean faultsChanged = false;
		ConsoleEngine engine = input.engine();
		StripGeometry g = view.geometry;
		for (int i = 0; i < view.strips.size(); i++) {
			int x = view.stripX(i);
			if (x + StripGeometry.WIDTH < 0 || x > view.width) {
				continue;
			}
			Strip s = view.strips.get(i);
			if (!engine.readMeter(s.id, reading)) {
				continue;
			}
			faultsChanged |= faultsChanged(engine, s);
			if (!java.util.Arrays.equals(reading, s.meter)) {
				changed++;
				System.arraycopy(reading, 0, s.meter, 0, reading.length);
				s.clipped |= reading[0] >= 0.0;
				// the meters, the clip marker and the loudness text: the damaged rectangle only
				canvas.redraw(x + g.clip.x - 4, view.stripY() + g.clip.y, 36, g.meter.y + g.meter.height - g.clip.y + 1, false);
				if (s.loudness) {
					canvas.redraw(x + g.value.x, view.stripY() + g.value.y, 60, g.value.height, false);
				}
			}
		}
		if (faultsChanged) {
			// an insert faulted (or a rebuild cleared one): the strips again, with the engine's reasons
			refresh();
		}
		return changed;
	}

	/** Whether a slot of {@code s} faulted since the strip was built, or runs again: polled without allocating. */
	private static boolean faultsChanged(ConsoleEngine engine, Strip s) {
		for (int j = 0; j < s.slots.size(); j++) {
			if (engine.faulted(s.id, j) != (s.slots.get(j).fault() != null)) {
				return true;
			}
		}
		return false;
	}

	// ---- hit testing

	/** @return what is under canvas point (x, y) */
	public Hit hit(int x, int y) {
		for (int i = 0; i < view.crumbBounds.size(); i++) {
			if (view.crumbBounds.get(i).contains(x, y)) {
				return new Hit(Hit.Kind.CRUMB, -1, i);
			}
		}
		if (view.treeToggle.contains(x, y)) {
			return new Hit(Hit.Kind.TREE, -1, 0);
		}
		if (view.flatToggle.contains(x, y)) {
			return new Hit(Hit.Kind.FLAT, -1, 0);
		}
		int i = view.stripAt(x);
		if (i < 0 || y < view.stripY() || y >= view.stripY() + view.geometry.height) {
			return new Hit(Hit.Kind.NONE, -1, -1);
		}
		Strip s = view.strips.get(i);
		StripGeometry g = view.geometry;
		int rx = x - view.stripX(i), ry = y - view.stripY();
		if (g.name.contains(rx, ry)) {
			return new Hit(Hit.Kind.NAME, i, 0);
		}
		if (g.info1.contains(rx, ry) || g.info2.contains(rx, ry)) {
			return new Hit(Hit.Kind.INFO, i, 0);
		}
		if (g.output.contains(rx, ry)) {
			return new Hit(Hit.Kind.OUTPUT, i, 0);
		}
		for (int k = 0; k < g.slots; k++) {
			Rectangle r = g.slot[k];
			if (r.contains(rx, ry)) {
				if (k < s.slots.size()) {
					return new Hit(rx < r.x + 18 ? Hit.Kind.BYPASS : Hit.Kind.SLOT, i, k);
				}
				return k == s.slots.size() ? new Hit(Hit.Kind.ADD, i, k) : new Hit(Hit.Kind.STRIP, i, k);
			}
		}
		for (int k = 0; k < g.sends && k < s.sends.size(); k++) {
			if (g.send[k].contains(rx, ry)) {
				return new Hit(Hit.Kind.SEND, i, k);
			}
		}
		if (g.clip.contains(rx, ry)) {
			return new Hit(Hit.Kind.CLIP, i, 0);
		}
		if (g.fader.contains(rx, ry)) {
			return new Hit(Hit.Kind.FADER, i, 0);
		}
		if (rx < g.fader.x && ry >= g.meter.y && ry < g.meter.y + g.meter.height) {
			return new Hit(Hit.Kind.METER, i, 0);
		}
		if (g.value.contains(rx, ry)) {
			return new Hit(Hit.Kind.VALUE, i, 0);
		}
		int dx = rx - g.panCx(), dy = ry - g.panCy();
		if (dx * dx + dy * dy <= (StripGeometry.PAN_R + 4) * (StripGeometry.PAN_R + 4)
				|| g.pan.contains(rx, ry) && rx > g.panCx()) {
			return new Hit(Hit.Kind.PAN, i, 0);
		}
		Hit.Kind[] buttons = { Hit.Kind.MUTE, Hit.Kind.SOLO, Hit.Kind.POLARITY, Hit.Kind.SAFE };
		for (int k = 0; k < 4; k++) {
			if (g.buttons[k].contains(rx, ry) && (k < 3 || s.isBus() && !s.isMaster())) {
				return new Hit(buttons[k], i, k);
			}
		}
		if (g.open.contains(rx, ry) && (s.canOpen || s.kind == Strip.Kind.PARENT && !s.isMaster())) {
			return new Hit(Hit.Kind.OPEN, i, 0);
		}
		return new Hit(Hit.Kind.STRIP, i, 0);
	}

	// ---- mouse

	private void mouseDown(Event e) {
		canvas.setFocus();
		closeOverlay(false);
		Hit hit = hit(e.x, e.y);
		if (hit.strip() >= 0 && hit.strip() < view.strips.size()) {
			Channel c = view.strips.get(hit.strip()).channel;
			if (c != selected) {
				selected = c;
				view.selected = hit.strip();
				canvas.redraw();
				publish();
			}
		}
		if (e.button == 3) {
			contextMenu(hit, e.x, e.y);
			return;
		}
		if (e.button != 1) {
			return;
		}
		boolean ctrl = (e.stateMask & SWT.MOD1) != 0;
		Strip s = hit.strip() >= 0 ? view.strips.get(hit.strip()) : null;
		switch (hit.kind()) {
		case CRUMB -> {
			path.subList(hit.index(), path.size()).clear();
			flat = false;
			refresh();
		}
		case TREE -> setFlat(false);
		case FLAT -> setFlat(true);
		case FADER -> {
			if (ctrl) {
				run(() -> SessionCommands.setGain(input.domain(), s.channel, 0.0));
				return;
			}
			gesture = new Gesture(hit, e.x, e.y);
			gesture.start = s.gainDb;
			gesture.pos = FaderLaw.position(s.gainDb);
		}
		case PAN -> {
			if (ctrl) {
				run(() -> SessionCommands.setPan(input.domain(), s.channel, 0.0));
				return;
			}
			gesture = new Gesture(hit, e.x, e.y);
			gesture.start = gesture.pos = s.pan;
		}
		case SEND -> {
			Send send = s.channel.getSends().get(hit.index());
			if (ctrl) {
				run(() -> SessionCommands.setSendLevel(input.domain(), send, 0.0));
				return;
			}
			gesture = new Gesture(hit, e.x, e.y);
			gesture.start = send.getLevelDb();
			gesture.pos = FaderLaw.position(send.getLevelDb());
		}
		case NAME, SLOT -> gesture = new Gesture(hit, e.x, e.y);
		case BYPASS -> {
			Insert insert = s.channel.getInserts().get(hit.index());
			run(() -> SessionCommands.setInsertBypass(input.domain(), insert, !insert.isBypass()));
		}
		case ADD -> insertMenu(s.channel, e.x, e.y);
		case OUTPUT -> {
			if (!s.isMaster()) {
				outputMenu(s.channel, e.x, e.y);
			}
		}
		case MUTE -> run(() -> SessionCommands.setMute(input.domain(), s.channel, !s.channel.isMute()));
		case SOLO -> run(() -> SessionCommands.setSolo(input.domain(), s.channel, !s.channel.isSolo()));
		case POLARITY -> run(() -> SessionCommands.setPolarityInverted(input.domain(), s.channel, !s.channel.isPolarityInverted()));
		case SAFE -> run(() -> SessionCommands.setSoloSafe(input.domain(), (Bus) s.channel, !((Bus) s.channel).isSoloSafe()));
		case OPEN -> {
			if (s.canOpen) {
				openBus((Bus) s.channel);
			} else {
				up();
			}
		}
		case CLIP -> {
			s.clipped = false;
			canvas.redraw();
		}
		default -> {
		}
		}
	}

	private void mouseMove(Event e) {
		if (gesture == null) {
			hover(e.x, e.y);
			return;
		}
		Gesture g = gesture;
		if (g.strip >= view.strips.size()) {
			gesture = null;
			return;
		}
		Strip s = view.strips.get(g.strip);
		boolean fine = (e.stateMask & SWT.SHIFT) != 0;
		double scale = fine ? 0.1 : 1.0;
		int dx = e.x - g.lastX, dy = e.y - g.lastY;
		g.lastX = e.x;
		g.lastY = e.y;
		if (Math.abs(e.x - g.x0) > 3 || Math.abs(e.y - g.y0) > 3) {
			g.moved = true;
		}
		switch (g.kind) {
		case FADER -> {
			StripGeometry geo = view.geometry;
			g.pos = Math.max(0, Math.min(1, g.pos - dy * scale / (geo.travelBottom - geo.travelTop)));
			view.liveStrip = g.strip;
			view.liveGain = FaderLaw.gain(g.pos);
			input.engine().liveGain(s.channel, view.liveGain);
			redrawStrip(g.strip);
		}
		case PAN -> {
			g.pos = Math.max(-1, Math.min(1, g.pos + (dx - dy) * scale / 150.0));
			view.liveStrip = g.strip;
			view.livePan = Math.round(g.pos * 100) / 100.0;
			input.engine().livePan(s.channel, view.livePan);
			redrawStrip(g.strip);
		}
		case SEND -> {
			g.pos = Math.max(0, Math.min(1, g.pos + dx * scale / view.geometry.send[g.index].width));
			view.liveStrip = g.strip;
			view.liveSend = g.index;
			view.liveSendDb = FaderLaw.gain(g.pos);
			input.engine().liveSendLevel(s.channel.getSends().get(g.index), view.liveSendDb);
			redrawStrip(g.strip);
		}
		case NAME -> {
			// a bus among the buses, a track among the tracks (inside a bus or in the flat view)
			if (g.moved && (s.kind == Strip.Kind.BUS && !flat || s.kind == Strip.Kind.TRACK)) {
				int first = firstOfKind(s.kind);
				int last = first + countOfKind(s.kind) - 1;
				view.dragStrip = g.strip;
				view.dragX = view.stripX(g.strip) + (e.x - g.x0);
				int pitch = StripGeometry.WIDTH + StripGeometry.GAP;
				int to = (int) Math.round((double) (view.dragX + view.scrollX - ConsoleView.MARGIN) / pitch);
				to = Math.max(first, Math.min(last, to));
				g.pos = to;
				view.dropIndex = to > g.strip ? to + 1 : to;
				canvas.redraw();
			}
		}
		case SLOT -> {
			if (g.moved) {
				int n = s.slots.size();
				int to = Math.max(0, Math.min(n - 1, g.index + (int) Math.round((double) (e.y - g.y0) / 21)));
				view.slotDragStrip = g.strip;
				view.slotDragFrom = g.index;
				view.slotDragTo = to;
				redrawStrip(g.strip);
			}
		}
		default -> {
		}
		}
	}

	private void mouseUp(Event e) {
		Gesture g = gesture;
		gesture = null;
		if (g == null || e.button != 1 || g.strip >= view.strips.size()) {
			return;
		}
		Strip s = view.strips.get(g.strip);
		switch (g.kind) {
		case FADER -> {
			double gain = view.liveGain;
			clearLive();
			if (!Double.isNaN(gain) && gain != g.start) {
				run(() -> SessionCommands.setGain(input.domain(), s.channel, gain));
			}
		}
		case PAN -> {
			double pan = view.livePan;
			clearLive();
			if (!Double.isNaN(pan) && pan != g.start) {
				run(() -> SessionCommands.setPan(input.domain(), s.channel, pan));
			}
		}
		case SEND -> {
			double db = view.liveSendDb;
			clearLive();
			Send send = s.channel.getSends().get(g.index);
			if (!Double.isNaN(db) && db != g.start) {
				run(() -> SessionCommands.setSendLevel(input.domain(), send, db));
			}
		}
		case NAME -> {
			boolean dragged = view.dragStrip >= 0;
			view.dragStrip = -1;
			view.dropIndex = -1;
			if (dragged && (int) g.pos != g.strip && s.channel instanceof Track track) {
				// the track takes the place of the strip it is dropped on in the session's track list, the order
				// of the strips both inside a bus and in the flat view
				Track onto = (Track) view.strips.get((int) g.pos).channel;
				int to = input.session().getTracks().indexOf(onto);
				run(() -> SessionCommands.moveTrack(input.domain(), track, to));
			} else if (dragged && (int) g.pos != g.strip) {
				int to = (int) g.pos - firstOfKind(Strip.Kind.BUS);
				run(() -> SessionCommands.moveBus(input.domain(), (Bus) s.channel, to));
			} else {
				canvas.redraw();
			}
		}
		case SLOT -> {
			int to = view.slotDragTo;
			view.slotDragStrip = view.slotDragFrom = view.slotDragTo = -1;
			Insert insert = s.channel.getInserts().get(g.index);
			if (g.moved) {
				if (to >= 0 && to != g.index) {
					run(() -> SessionCommands.moveInsert(input.domain(), insert, to));
				} else {
					redrawStrip(g.strip);
				}
			} else {
				openEditor(insert);
			}
		}
		default -> {
		}
		}
	}

	private void doubleClick(Event e) {
		if (e.button != 1) {
			return;
		}
		gesture = null;
		clearLive();
		Hit hit = hit(e.x, e.y);
		if (hit.strip() < 0) {
			return;
		}
		Strip s = view.strips.get(hit.strip());
		Rectangle at = stripRect(hit.strip(), view.geometry.value);
		switch (hit.kind()) {
		case NAME -> {
			if (s.canOpen) {
				openBus((Bus) s.channel);
			}
		}
		case FADER, VALUE -> typeValue(at, FaderLaw.format(s.gainDb), text -> {
			double db = ValueText.parseGain(text);
			return () -> SessionCommands.setGain(input.domain(), s.channel, db);
		});
		case PAN -> typeValue(stripRect(hit.strip(), view.geometry.pan), ValueText.formatPan(s.pan), text -> {
			double pan = ValueText.parsePan(text);
			return () -> SessionCommands.setPan(input.domain(), s.channel, pan);
		});
		case SEND -> {
			Send send = s.channel.getSends().get(hit.index());
			typeValue(stripRect(hit.strip(), view.geometry.send[hit.index()]), FaderLaw.format(send.getLevelDb()), text -> {
				double db = ValueText.parseGain(text);
				return () -> SessionCommands.setSendLevel(input.domain(), send, db);
			});
		}
		default -> {
		}
		}
	}

	private void hover(int x, int y) {
		Hit hit = x < 0 ? new Hit(Hit.Kind.NONE, -1, -1) : hit(x, y);
		int hs = hit.kind() == Hit.Kind.SLOT || hit.kind() == Hit.Kind.BYPASS || hit.kind() == Hit.Kind.ADD ? hit.strip() : -1;
		int hk = hs >= 0 ? hit.index() : -1;
		if (hs != view.hoverStrip || hk != view.hoverSlot) {
			int before = view.hoverStrip;
			view.hoverStrip = hs;
			view.hoverSlot = hk;
			redrawStrip(before);
			redrawStrip(hs);
		}
		String tip = tooltip(hit);
		if (!java.util.Objects.equals(tip, tooltip)) {
			tooltip = tip;
			canvas.setToolTipText(tip);
		}
	}

	/** The hover text: why a silent channel is silent, what a slot holds, what a control does. */
	private String tooltip(Hit hit) {
		if (hit.strip() < 0) {
			return switch (hit.kind()) {
			case CRUMB -> "back to " + view.crumbs.get(hit.index());
			case TREE -> "the routing tree, a level at a time";
			case FLAT -> "every track side by side";
			default -> null;
			};
		}
		Strip s = view.strips.get(hit.strip());
		String silent = s.silentBecause == null ? "" : "\nsilent: " + s.silentBecause;
		return switch (hit.kind()) {
		case NAME, INFO, STRIP, METER -> ChannelAddress.of(s.channel) + (s.canOpen ? " (double-click to open)" : "")
				+ silent;
		case SLOT, BYPASS -> {
			Strip.Slot slot = s.slots.get(hit.index());
			yield slot.label() + " (" + slot.effectId() + ")" + (slot.missing() ? "\nnot installed: the channel is silenced" : "")
					+ (slot.fault() != null ? "\nfaulted: " + slot.fault() : "") + (slot.bypassed() ? "\nbypassed" : "")
					+ "\nclick: parameters  ·  dot: bypass  ·  drag: reorder  ·  right-click: more";
		}
		case ADD -> "add an insert";
		case OUTPUT -> "output: " + s.outputText.replace("\u2192 ", "") + " (click to re-route)";
		case FADER, VALUE -> FaderLaw.format(s.gainDb) + "  (drag, Shift fine, double-click to type, Ctrl-click 0 dB)";
		case PAN -> "pan " + ValueText.formatPan(s.pan) + "  (drag, Shift fine, double-click to type, Ctrl-click centre)";
		case SEND -> "send to " + s.sends.get(hit.index()).target() + " (drag, double-click to type, Ctrl-click 0 dB)";
		case MUTE -> "mute";
		case SOLO -> "solo";
		case POLARITY -> "invert polarity";
		case SAFE -> "solo-safe: solo and focus never silence this bus";
		case CLIP -> "clip: the peak reached 0 dBFS (click to clear)";
		case OPEN -> s.canOpen ? "open " + s.name : "up";
		default -> null;
		} + (hit.kind() == Hit.Kind.NAME || hit.kind() == Hit.Kind.INFO || hit.kind() == Hit.Kind.STRIP
				|| hit.kind() == Hit.Kind.METER ? "" : silent);
	}

	// ---- keyboard

	private void key(Event e) {
		Strip s = view.selected >= 0 && view.selected < view.strips.size() ? view.strips.get(view.selected) : null;
		boolean fine = (e.stateMask & SWT.MOD1) != 0;
		switch (e.keyCode) {
		case SWT.ARROW_LEFT, SWT.ARROW_RIGHT -> {
			int n = view.strips.size();
			if (n == 0) {
				return;
			}
			int i = view.selected < 0 ? 0 : view.selected + (e.keyCode == SWT.ARROW_LEFT ? -1 : 1);
			i = Math.max(0, Math.min(n - 1, i));
			select(view.strips.get(i).channel);
			return;
		}
		case SWT.CR, SWT.KEYPAD_CR -> {
			if (s != null && s.canOpen) {
				openBus((Bus) s.channel);
			}
			return;
		}
		case SWT.BS, SWT.ESC -> {
			up();
			return;
		}
		case SWT.KEYPAD_ADD -> {
			nudge(s, 1, fine);
			return;
		}
		case SWT.KEYPAD_SUBTRACT -> {
			nudge(s, -1, fine);
			return;
		}
		default -> {
		}
		}
		switch (Character.toLowerCase(e.character)) {
		case '+', '=' -> nudge(s, 1, fine);
		case '-', '_' -> nudge(s, -1, fine);
		case 'm' -> {
			if (s != null) {
				run(() -> SessionCommands.setMute(input.domain(), s.channel, !s.channel.isMute()));
			}
		}
		case 's' -> {
			if (s != null) {
				run(() -> SessionCommands.setSolo(input.domain(), s.channel, !s.channel.isSolo()));
			}
		}
		default -> {
		}
		}
	}

	private void nudge(Strip s, int direction, boolean fine) {
		if (s != null) {
			// the model is the state: a key pressed before the strip has redrawn steps from the value set
			double now = s.channel.getGainDb();
			double db = FaderLaw.step(now, direction, fine);
			if (db != now) {
				run(() -> SessionCommands.setGain(input.domain(), s.channel, db));
			}
		}
	}

	// ---- menus

	private void outputMenu(Channel channel, int x, int y) {
		Session session = input.session();
		Menu m = newMenu();
		Bus current = channel.getOutput() == null ? session.getMaster() : channel.getOutput();
		List<Bus> targets = new ArrayList<>();
		targets.add(session.getMaster());
		targets.addAll(session.getBuses());
		for (Bus b : targets) {
			if (b == channel) {
				continue;
			}
			MenuItem item = new MenuItem(m, SWT.RADIO);
			item.setText("  ".repeat(depth(b)) + b.getName());
			item.setSelection(b == current);
			item.setData(b);
			item.addListener(SWT.Selection, e -> {
				if (item.getSelection() && b != current) {
					route(channel, b);
				}
			});
		}
		show(m, x, y);
	}

	/** Routes a channel, or shows why not (a route that would close a cycle is refused by the command). */
	public boolean route(Channel channel, Bus output) {
		return run(() -> SessionCommands.setOutput(input.domain(), channel, output));
	}

	private int depth(Bus b) {
		int d = 0;
		Bus master = input.session().getMaster();
		for (Bus x = b; x != null && x != master && d < 32; x = x.getOutput()) {
			d++;
		}
		return d;
	}

	private void insertMenu(Channel channel, int x, int y) {
		Menu m = newMenu();
		Map<Category, List<EffectFactory>> byCategory = new EnumMap<>(Category.class);
		for (EffectFactory f : input.effects().all()) {
			byCategory.computeIfAbsent(f.descriptor().category(), k -> new ArrayList<>()).add(f);
		}
		if (byCategory.isEmpty()) {
			MenuItem none = new MenuItem(m, SWT.PUSH);
			none.setText("no effects installed");
			none.setEnabled(false);
		}
		for (Map.Entry<Category, List<EffectFactory>> e : byCategory.entrySet()) {
			MenuItem cascade = new MenuItem(m, SWT.CASCADE);
			String id = e.getKey().id();
			cascade.setText(id.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + id.substring(1));
			Menu sub = new Menu(cascade);
			cascade.setMenu(sub);
			e.getValue().sort(java.util.Comparator.comparing(f -> f.descriptor().name()));
			for (EffectFactory f : e.getValue()) {
				MenuItem item = new MenuItem(sub, SWT.PUSH);
				item.setText(f.descriptor().name() + "  (" + f.descriptor().vendor() + ")");
				item.setData(f.descriptor().id());
				item.addListener(SWT.Selection, ev -> addInsert(channel, f.descriptor().id()));
			}
		}
		show(m, x, y);
	}

	/** Adds an insert at the end of a channel's chain, as the insert menu does; returns it, or null when refused. */
	public Insert addInsert(Channel channel, String effectId) {
		Insert[] added = new Insert[1];
		run(() -> {
			Command c = SessionCommands.addInsert(input.domain(), channel, effectId, Map.of(), -1);
			return c;
		});
		if (!channel.getInserts().isEmpty() && effectId.equals(channel.getInserts().get(channel.getInserts().size() - 1).getEffectId())) {
			added[0] = channel.getInserts().get(channel.getInserts().size() - 1);
		}
		return added[0];
	}

	private void contextMenu(Hit hit, int x, int y) {
		if (hit.strip() < 0) {
			return;
		}
		Strip s = view.strips.get(hit.strip());
		Channel channel = s.channel;
		Menu m = newMenu();
		if (hit.kind() == Hit.Kind.SLOT || hit.kind() == Hit.Kind.BYPASS) {
			Insert insert = channel.getInserts().get(hit.index());
			item(m, "Parameters\u2026", () -> openEditor(insert));
			MenuItem bypass = item(m, "Bypass", () -> run(() -> SessionCommands.setInsertBypass(input.domain(), insert, !insert.isBypass())));
			bypass.setText(insert.isBypass() ? "Enable" : "Bypass");
			if (hit.index() > 0) {
				item(m, "Move up", () -> run(() -> SessionCommands.moveInsert(input.domain(), insert, hit.index() - 1)));
			}
			if (hit.index() < channel.getInserts().size() - 1) {
				item(m, "Move down", () -> run(() -> SessionCommands.moveInsert(input.domain(), insert, hit.index() + 1)));
			}
			new MenuItem(m, SWT.SEPARATOR);
			item(m, "Remove", () -> run(() -> SessionCommands.removeInsert(input.domain(), insert)));
		} else if (hit.kind() == Hit.Kind.SEND) {
			Send send = channel.getSends().get(hit.index());
			item(m, send.isPreFader() ? "Post fader" : "Pre fader",
					() -> run(() -> SessionCommands.setSendPre(input.domain(), send, !send.isPreFader())));
			item(m, "Remove send", () -> run(() -> SessionCommands.removeSend(input.domain(), send)));
		} else {
			MenuItem cascade = new MenuItem(m, SWT.CASCADE);
			cascade.setText("Add send to");
			Menu sub = new Menu(cascade);
			cascade.setMenu(sub);
			for (Bus b : input.session().getBuses()) {
				if (b != channel) {
					item(sub, b.getName(), () -> run(() -> SessionCommands.addSend(input.domain(), channel, b, -10.0, false)));
				}
			}
			if (s.canOpen) {
				item(m, "Open", () -> openBus((Bus) channel));
			}
		}
		show(m, x, y);
	}

	private MenuItem item(Menu m, String text, Runnable action) {
		MenuItem item = new MenuItem(m, SWT.PUSH);
		item.setText(text);
		item.addListener(SWT.Selection, e -> action.run());
		return item;
	}

	private Menu newMenu() {
		if (menu != null && !menu.isDisposed()) {
			menu.dispose();
		}
		menu = new Menu(canvas);
		return menu;
	}

	private void show(Menu m, int x, int y) {
		Point p = canvas.toDisplay(x, y);
		m.setLocation(p.x, p.y);
		m.setVisible(true);
	}

	// ---- typed values

	private void typeValue(Rectangle at, String initial, Function<String, Supplier<Command>> commit) {
		closeOverlay(false);
		overlay = new Text(canvas, SWT.SINGLE | SWT.BORDER | SWT.RIGHT);
		overlay.setFont(palette.bold);
		overlay.setBackground(palette.editBack);
		overlay.setForeground(palette.text);
		overlay.setText(initial);
		int h = Math.max(at.height, overlay.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);
		overlay.setBounds(at.x, at.y + (at.height - h) / 2, at.width, h);
		overlay.selectAll();
		overlay.setFocus();
		Text t = overlay;
		overlay.addListener(SWT.DefaultSelection, e -> {
			String text = t.getText();
			closeOverlay(false);
			try {
				run(commit.apply(text));
			} catch (NumberFormatException ex) {
				message(ex.getMessage(), true);
			}
			canvas.setFocus();
		});
		overlay.addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_ESCAPE) {
				e.doit = false;
				closeOverlay(false);
				canvas.setFocus();
			}
		});
		overlay.addListener(SWT.FocusOut, e -> canvas.getDisplay().asyncExec(() -> closeOverlay(false)));
	}

	/** @return the text field open over a value being typed, or null */
	public Text overlay() {
		return overlay == null || overlay.isDisposed() ? null : overlay;
	}

	private void closeOverlay(boolean unused) {
		if (overlay != null && !overlay.isDisposed()) {
			overlay.dispose();
		}
		overlay = null;
	}

	// ---- the parameter editor

	/**
	 * Lets {@code editors} show an insert's own editor instead of the generic one ({@link #openEditor}); null: always
	 * the generic one.
	 */
	public void setInsertEditors(InsertEditors editors) {
		insertEditors = editors;
	}

	/**
	 * Opens an insert's editor: its effect's own (an installed editor view, through {@link #setInsertEditors}) when
	 * there is one, else the generic parameter editor.
	 *
	 * @return the generic editor, or null when the effect's own editor was shown instead
	 */
	public ParameterEditor openEditor(Insert insert) {
		if (insertEditors != null && insertEditors.open(insert, canvas.getShell(), () -> openGenericEditor(insert))) {
			return null;
		}
		return openGenericEditor(insert);
	}

	/** Opens (or brings up) the generic parameter editor of an insert. */
	public ParameterEditor openGenericEditor(Insert insert) {
		ParameterEditor editor = editors.get(insert);
		if (editor == null || editor.isClosed()) {
			editor = new ParameterEditor(canvas.getShell(), input, insert, () -> editors.remove(insert));
			editors.put(insert, editor);
		}
		editor.show();
		return editor;
	}

	// ---- commands

	/** Runs a command on the one command stack; a refusal becomes the console's message line. */
	private boolean run(Supplier<Command> make) {
		try {
			SessionCommands.execute(input.domain(), make.get());
			if (view.messageIsError) {
				message(null, false);
			}
			return true;
		} catch (CommandRefusedException e) {
			String why = e.getMessage();
			message(why.startsWith("refused") ? why : "refused: " + why, true);
			return false;
		}
	}

	private void message(String text, boolean error) {
		view.message = text;
		view.messageIsError = error;
		if (!canvas.isDisposed()) {
			canvas.redraw(0, view.height - ConsoleView.FOOTER, view.width, ConsoleView.FOOTER, false);
		}
	}

	private void clearLive() {
		int strip = view.liveStrip;
		view.liveStrip = view.liveSend = -1;
		view.liveGain = view.livePan = view.liveSendDb = Double.NaN;
		redrawStrip(strip);
	}

	/** The index of the first strip of that kind (the buses come first, then the tracks). */
	private int firstOfKind(Strip.Kind kind) {
		for (int i = 0; i < view.strips.size(); i++) {
			if (view.strips.get(i).kind == kind) {
				return i;
			}
		}
		return 0;
	}

	private int countOfKind(Strip.Kind kind) {
		int n = 0;
		for (Strip s : view.strips) {
			n += s.kind == kind ? 1 : 0;
		}
		return n;
	}

	private void redrawStrip(int i) {
		if (i >= 0 && i < view.strips.size() && !canvas.isDisposed()) {
			Rectangle r = view.stripBounds(i);
			canvas.redraw(r.x, r.y, r.width, r.height, false);
		}
	}

	/** @return a strip-relative rectangle of strip {@code i} on the canvas */
	public Rectangle stripRect(int i, Rectangle relative) {
		return new Rectangle(view.stripX(i) + relative.x, view.stripY() + relative.y, relative.width, relative.height);
	}

	/** Paints the whole console into {@code gc} (the benchmark; screenshots use the display). */
	public void paintAll(GC gc, int width, int height) {
		view.width = width;
		view.height = height;
		painter.paint(gc, new Rectangle(0, 0, width, height), view);
	}
}
