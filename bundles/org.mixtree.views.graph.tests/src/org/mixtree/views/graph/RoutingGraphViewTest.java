package org.mixtree.views.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.ui.testing.Robot;
import org.mixtree.ui.testing.SessionFiles;
import org.mixtree.ui.testing.TestViewContext;
import org.mixtree.views.graph.internal.GraphCanvas;
import org.mixtree.views.graph.internal.GraphLayout;
import org.mixtree.views.graph.internal.Scene;

/**
 * The routing graph hosted in a real Shell on a session loaded from its file, driven with real pointer events (XTest
 * under Xvfb): re-routes by dragging a node and an edge's end, a refused cycle, the shared selection, and the layout's
 * promises (left to right, master rightmost, stable positions).
 */
class RoutingGraphViewTest {
	@AfterAll
	static void disposeDisplay() {
		Display d = Display.getCurrent();
		if (d != null && !d.isDisposed()) {
			d.dispose();
		}
	}

	@TempDir
	Path dir;

	private Display display;
	private Shell shell;
	private Robot robot;
	private TestViewContext ctx;
	private RoutingGraphView view;
	private GraphCanvas graph;
	private CommandStack stack;

	@BeforeEach
	void open() throws Exception {
		display = Display.getDefault();
		robot = new Robot(display);
		ctx = new TestViewContext(SessionFiles.song(dir));
		stack = ctx.domain.getCommandStack();
		shell = new Shell(display);
		shell.setText("Routing graph");
		shell.setLayout(new FillLayout());
		Composite place = new Composite(shell, SWT.NONE);
		view = new RoutingGraphView();
		view.createControl(place, ctx);
		graph = view.graph();
		shell.setBounds(20, 20, 1200, 640);
		shell.open();
		shell.forceActive();
		settle();
	}

	@AfterEach
	void close() {
		if (shell != null && !shell.isDisposed()) {
			view.dispose();
			shell.dispose();
		}
		robot.spin(50);
		robot.close();
	}

	private void settle() {
		robot.until(() -> !graph.pending() && graph.layout() != null, 15_000, "the layout and the engine's answer");
	}

	private Track track(String name) {
		return ctx.session.getTracks().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
	}

	private Bus bus(String name) {
		if (name.equals("Master")) {
			return ctx.session.getMaster();
		}
		return ctx.session.getBuses().stream().filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
	}

	private Point centre(Channel c) {
		Rectangle r = graph.nodeRect(c);
		assertNotNull(r, c.getName() + " is not laid out");
		return new Point(r.x + r.width / 2, r.y + r.height / 2);
	}

	private double cx(Channel c) {
		GraphLayout.Box b = graph.layout().nodes().get(c.getAddress());
		return b.x() + b.width() / 2;
	}

	/** Every edge from left to right, the master alone at the right. */
	private void assertLeftToRight() {
		GraphLayout.Result l = graph.layout();
		Scene s = graph.scene();
		for (Scene.Edge e : s.edges) {
			GraphLayout.Box a = l.nodes().get(e.source().id), b = l.nodes().get(e.target().id);
			assertTrue(a.x() + a.width() < b.x(),
					e.source().name + " -> " + e.target().name + ": source at x " + a.x() + ", target at x " + b.x());
		}
		GraphLayout.Box m = l.nodes().get(ctx.session.getMaster().getAddress());
		for (Scene.Node n : s.nodes) {
			if (!n.master) {
				GraphLayout.Box b = l.nodes().get(n.id);
				assertTrue(b.x() + b.width() < m.x(), n.name + " is not left of the master");
			}
		}
	}

	@Test
	void laysOutLeftToRightTracksFirstMasterLastWithSendsDashedAndSilentChannelsMarked() throws Exception {
		assertLeftToRight();
		GraphLayout.Result l = graph.layout();
		// tracks share the first column (ELK centres a column's boxes); a bus's column is its depth under the master
		double trackX = cx(track("Kick"));
		for (Track t : ctx.session.getTracks()) {
			assertEquals(trackX, cx(t), 0.5, t.getName() + " is not in the first column");
		}
		assertEquals(cx(bus("Drums")), cx(bus("Guitars")), 0.5);
		assertEquals(cx(bus("FX")), cx(bus("Guitars")), 0.5);
		assertEquals(cx(bus("Acoustic")), cx(bus("Electric")), 0.5);
		assertTrue(trackX < cx(bus("Acoustic")) && cx(bus("Acoustic")) < cx(bus("Guitars")));
		Scene s = graph.scene();
		List<Scene.Edge> sends = s.edges.stream().filter(e -> e.send() != null).toList();
		assertEquals(1, sends.size());
		assertEquals("Vocal", sends.get(0).source().name);
		assertEquals("FX", sends.get(0).target().name);
		// silent as the console knows it: the engine's answer
		assertEquals("bus:Electric is muted", s.byChannel.get(bus("Electric")).silentBecause);
		assertNotNull(s.byChannel.get(track("Electric DI")).silentBecause);
		assertNull(s.byChannel.get(track("Kick")).silentBecause);
		robot.screenshot(shell, "routing-graph");
	}

	@Test
	void draggingATrackOntoAnotherBusReRoutesItAndUndoRestores() throws Exception {
		Track kick = track("Kick");
		Point from = centre(kick), to = centre(bus("Guitars"));
		robot.drag(graph.control(), from.x, from.y, to.x, to.y, 12, 0);
		assertSame(bus("Guitars"), kick.getOutput());
		assertTrue(stack.canUndo());
		settle();
		assertLeftToRight();
		assertEquals(List.of(), ctx.messages);
		stack.undo();
		assertSame(bus("Drums"), kick.getOutput());
		assertFalse(stack.canUndo(), "the drop was one command");
		settle();
		assertLeftToRight();
	}

	@Test
	void draggingAnEdgesEndOntoAnotherBusReRoutesItsSource() throws Exception {
		Track snare = track("Snare");
		Point end = graph.edgeEnd(snare, null);
		assertNotNull(end);
		Point to = centre(bus("FX"));
		robot.drag(graph.control(), end.x - 2, end.y, to.x, to.y, 12, 0);
		assertSame(bus("FX"), snare.getOutput());
		settle();
		// the send's end moves the send, not the route
		Track vocal = track("Vocal");
		Point sendEnd = graph.edgeEnd(vocal, vocal.getSends().get(0));
		assertNotNull(sendEnd);
		Point drums = centre(bus("Drums"));
		robot.drag(graph.control(), sendEnd.x - 2, sendEnd.y, drums.x, drums.y, 12, 0);
		assertSame(bus("Drums"), vocal.getSends().get(0).getTarget());
		assertNull(vocal.getOutput(), "Vocal still goes to the master");
		robot.screenshot(shell, "routing-graph-rerouted");
		stack.undo();
		stack.undo();
		assertSame(bus("Drums"), snare.getOutput());
		assertSame(bus("FX"), vocal.getSends().get(0).getTarget());
	}

	@Test
	void aDropThatWouldCloseACycleIsRefusedWithTheCommandsMessageAndNothingChanges() throws Exception {
		Bus guitars = bus("Guitars"), acoustic = bus("Acoustic");
		String before = org.mixtree.model.persistence.SessionStore.serialize(ctx.session);
		Point from = centre(guitars), to = centre(acoustic);
		robot.drag(graph.control(), from.x, from.y, to.x, to.y, 12, 0);
		assertEquals(1, ctx.messages.size(), "one message: " + ctx.messages);
		assertEquals("refused: routing cycle bus:Guitars -> bus:Acoustic -> bus:Guitars", ctx.messages.get(0));
		assertNull(guitars.getOutput());
		assertFalse(stack.canUndo());
		assertEquals(before, org.mixtree.model.persistence.SessionStore.serialize(ctx.session));
		robot.screenshot(shell, "routing-graph-refused");
	}

	@Test
	void selectionIsSharedBothWays() throws Exception {
		Track vocal = track("Vocal");
		Point p = centre(vocal);
		robot.click(graph.control(), p.x, p.y);
		assertSame(vocal, ctx.selection.selected());
		Point m = centre(ctx.session.getMaster());
		robot.click(graph.control(), m.x, m.y);
		assertSame(ctx.session.getMaster(), ctx.selection.selected());
		// the console selects: the graph follows (it listens, and draws the selected node's edges highlighted)
		ctx.selection.select(bus("Drums"));
		assertEquals(1, ctx.selection.listeners());
		view.dispose();
		assertEquals(0, ctx.selection.listeners(), "the view removed its listener");
		assertTrue(ctx.session.eAdapters().stream().noneMatch(a -> a instanceof org.eclipse.emf.ecore.util.EContentAdapter), "and its model adapter");
		shell.dispose();
	}

	@Test
	void aGainChangeMovesNothingAndAddingATrackMovesNoColumn() throws Exception {
		Map<String, GraphLayout.Box> before = new HashMap<>(graph.layout().nodes());
		GraphLayout.Result first = graph.layout();
		SessionCommands.execute(ctx.domain, SessionCommands.setGain(ctx.domain, track("Kick"), -6.0));
		settle();
		assertSame(first, graph.layout(), "a gain change lays nothing out again");
		// adding a track to Drums: laid out again; no node changes column, nothing before it in tree order moves
		Track hat = MixtreeFactory.eINSTANCE.createTrack();
		hat.setName("Hi-hat");
		hat.setSource("hat.wav");
		hat.setOutput(bus("Drums"));
		SessionCommands.execute(ctx.domain, SessionCommands.addTrack(ctx.domain, ctx.session, hat));
		settle();
		Map<String, GraphLayout.Box> after = graph.layout().nodes();
		assertNotNull(after.get(hat.getAddress()));
		StringBuilder moved = new StringBuilder();
		double maxDy = 0;
		for (Map.Entry<String, GraphLayout.Box> e : before.entrySet()) {
			GraphLayout.Box a = e.getValue(), b = after.get(e.getKey());
			assertEquals(a.x(), b.x(), e.getKey() + " changed column");
			if (a.y() != b.y()) {
				moved.append(e.getKey()).append(' ').append(b.y() - a.y()).append("; ");
				maxDy = Math.max(maxDy, Math.abs(b.y() - a.y()));
			}
		}
		System.out.println("adding a track moved: " + moved);
		assertEquals(before.get(track("Kick").getAddress()).y(), after.get(track("Kick").getAddress()).y(),
				"the track before it stays");
		// what comes after it in tree order moves down by one row at most (a bus centres over its tracks: half a row)
		assertTrue(maxDy <= Scene.NODE_HEIGHT + 10, "nothing moves more than a row: " + moved);
		assertLeftToRight();
	}
}
