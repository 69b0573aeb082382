package org.mixtree.views.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.swt.SWT;
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
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.testing.Robot;
import org.mixtree.ui.testing.SessionFiles;
import org.mixtree.ui.testing.TestViewContext;
import org.mixtree.views.tree.internal.Rows.Row;
import org.mixtree.views.tree.internal.TreeCanvas;

/**
 * The routing tree hosted in a real Shell on a session loaded from its file, driven with real pointer events (XTest
 * under Xvfb): the hierarchy with sends under their source, re-routing by drag and drop, a refused cycle, the shared
 * selection, silent channels, and following the model through undo.
 */
class RoutingTreeViewTest {
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
	private RoutingTreeView view;
	private TreeCanvas tree;
	private CommandStack stack;

	@BeforeEach
	void open() throws Exception {
		display = Display.getDefault();
		robot = new Robot(display);
		ctx = new TestViewContext(SessionFiles.song(dir));
		stack = ctx.domain.getCommandStack();
		shell = new Shell(display);
		shell.setText("Routing tree");
		shell.setLayout(new FillLayout());
		Composite place = new Composite(shell, SWT.NONE);
		view = new RoutingTreeView();
		view.createControl(place, ctx);
		tree = view.tree();
		shell.setBounds(20, 20, 460, 420);
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
		robot.until(() -> !tree.pending(), 15_000, "the engine's answer");
	}

	private Track track(String name) {
		return ctx.session.getTracks().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
	}

	private Bus bus(String name) {
		return ctx.session.getBuses().stream().filter(b -> b.getName().equals(name)).findFirst().orElseThrow();
	}

	private List<String> shown() {
		return tree.rows().stream()
				.map(r -> "  ".repeat(r.depth()) + (r.send() != null ? "send " + r.send().getTarget().getName()
						: r.channel().getName()))
				.toList();
	}

	/** Drags the row of {@code from} onto the row of {@code to}, pressing and releasing on their names. */
	private void drag(Channel from, Channel to) {
		int a = tree.rowOf(from), b = tree.rowOf(to);
		Rectangle ra = tree.rowRect(a), rb = tree.rowRect(b);
		robot.drag(tree.control(), tree.nameX(a) + 10, ra.y + ra.height / 2, tree.nameX(b) + 10, rb.y + rb.height / 2, 10, 0);
	}

	@Test
	void showsTheBusHierarchyWithSendsUnderTheirSourceAndSilentChannels() throws Exception {
		assertEquals(List.of("Master", //
				"  Drums", "    Kick", "    Snare", //
				"  Guitars", "    Acoustic", "      Acoustic L", "    Electric", "      Electric DI", //
				"  FX", //
				"  Vocal", "    send FX"), shown());
		Row send = tree.rows().get(tree.rowOf(track("Vocal").getSends().get(0)));
		assertSame(track("Vocal"), send.channel());
		assertEquals("bus:Electric is muted", tree.silentBecause(bus("Electric")));
		assertTrue(tree.silentBecause(track("Electric DI")) != null);
		assertNull(tree.silentBecause(track("Kick")));
		robot.screenshot(shell, "routing-tree");
	}

	@Test
	void draggingATrackOntoAnotherBusReRoutesItAndUndoRestores() throws Exception {
		Track kick = track("Kick");
		drag(kick, bus("Guitars"));
		assertSame(bus("Guitars"), kick.getOutput());
		settle();
		assertEquals("      Kick".trim(), shown().get(tree.rowOf(kick)).trim());
		assertEquals(2, tree.rows().get(tree.rowOf(kick)).depth(), "Kick now under Guitars");
		assertTrue(tree.rowOf(kick) > tree.rowOf(bus("Guitars")));
		assertEquals(List.of(), ctx.messages);
		stack.undo();
		assertSame(bus("Drums"), kick.getOutput());
		assertFalse(stack.canUndo(), "the drop was one command");
		settle();
		assertEquals(tree.rowOf(bus("Drums")) + 1, tree.rowOf(kick), "undo: the tree follows");
		// a bus is dragged the same way
		drag(bus("Electric"), bus("Drums"));
		assertSame(bus("Drums"), bus("Electric").getOutput());
		settle();
		robot.screenshot(shell, "routing-tree-rerouted");
	}

	@Test
	void aSendRowDraggedOntoABusMovesTheSend() throws Exception {
		Track vocal = track("Vocal");
		int r = tree.rowOf(vocal.getSends().get(0)), b = tree.rowOf(bus("Drums"));
		Rectangle ra = tree.rowRect(r), rb = tree.rowRect(b);
		robot.drag(tree.control(), tree.nameX(r) + 10, ra.y + ra.height / 2, tree.nameX(b) + 10, rb.y + rb.height / 2, 10,
				0);
		assertSame(bus("Drums"), vocal.getSends().get(0).getTarget());
		assertNull(vocal.getOutput());
	}

	@Test
	void aDropThatWouldCloseACycleIsRefusedWithTheCommandsMessageAndNothingChanges() throws Exception {
		String before = SessionStore.serialize(ctx.session);
		drag(bus("Guitars"), bus("Electric"));
		assertEquals(1, ctx.messages.size(), "one message: " + ctx.messages);
		assertTrue(ctx.messages.get(0).startsWith("refused: routing cycle"), ctx.messages.get(0));
		assertTrue(ctx.messages.get(0).contains("bus:Guitars") && ctx.messages.get(0).contains("bus:Electric"),
				ctx.messages.get(0));
		assertNull(bus("Guitars").getOutput());
		assertFalse(stack.canUndo());
		assertEquals(before, SessionStore.serialize(ctx.session));
		robot.screenshot(shell, "routing-tree-refused");
	}

	@Test
	void selectionIsSharedBothWays() throws Exception {
		int r = tree.rowOf(track("Snare"));
		Rectangle rr = tree.rowRect(r);
		robot.click(tree.control(), tree.nameX(r) + 5, rr.y + rr.height / 2);
		assertSame(track("Snare"), ctx.selection.selected());
		// keys move it
		robot.key(SWT.ARROW_DOWN);
		assertSame(bus("Guitars"), ctx.selection.selected());
		// the console selects a channel inside a collapsed bus: the tree opens the way to it
		robot.key(SWT.ARROW_LEFT);
		assertEquals(-1, tree.rowOf(track("Acoustic L")),
				"Left collapsed Guitars: " + shown() + ", selected " + ctx.selection.selected().getName());
		ctx.selection.select(track("Acoustic L"));
		assertTrue(tree.rowOf(track("Acoustic L")) > 0, "revealed");
		view.dispose();
		assertEquals(0, ctx.selection.listeners(), "the view removed its listener");
		assertTrue(ctx.session.eAdapters().stream().noneMatch(a -> a instanceof org.eclipse.emf.ecore.util.EContentAdapter), "and its model adapter");
		shell.dispose();
	}

	@Test
	void followsModelChangesAndUndo() throws Exception {
		SessionCommands.execute(ctx.domain, SessionCommands.addBus(ctx.domain, ctx.session, "Keys", bus("Guitars")));
		settle();
		assertTrue(shown().contains("    Keys"), shown().toString());
		SessionCommands.execute(ctx.domain, SessionCommands.setMute(ctx.domain, track("Kick"), true));
		settle();
		assertEquals("track:Kick is muted", tree.silentBecause(track("Kick")));
		stack.undo();
		stack.undo();
		settle();
		assertFalse(shown().contains("    Keys"));
		assertNull(tree.silentBecause(track("Kick")));
	}
}
