package org.mixtree.ui.views.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.demo.DemoMultitrack;
import org.mixtree.model.Channel;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;
import org.mixtree.ui.testing.XTest;
import org.mixtree.ui.views.ViewKind;

/**
 * Every view the product has, and the third party's example, in the real workbench under Xvfb on the demo session
 * (org.mixtree.demo's 16 stems, auto-grouped, a static mix) playing through a private JACK server (dummy driver): the
 * routing place switched through its menu tree -> graph -> tree, each visualisation picked from the visualisation
 * place's menu (which offers the example view), the picks back after a restart, and a screenshot of the whole window
 * for each view under target/screenshots/ ({@code workbench-VIEW.png}: what README and docs/views show).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ViewsInTheWorkbenchTest {
	static final String TREE = "org.mixtree.views.tree", GRAPH = "org.mixtree.views.graph";
	static final String EXAMPLE = "org.mixtree.examples.views.correlation";
	/** The demo's static mix, a few strips of it (as {@code ./mixtree demo} sets them). */
	private static final Map<String, double[]> STATIC_MIX = Map.of("HiHat", new double[] { -8, 0.3 }, "Shaker",
			new double[] { -10, -0.45 }, "El Gtr Rhythm", new double[] { -7, -0.7 }, "El Gtr Lead",
			new double[] { -6, 0.35 }, "Gtr Fx", new double[] { -11, 0.7 }, "Synth Pad", new double[] { -9, 0 },
			"Riser Sfx", new double[] { -12, 0 }, "Overheads", new double[] { -5, 0 });

	private static Path file;
	private static JackServer jack;
	private static RunningWorkbench wb;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Screenshots.target().resolve("demo-session");
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		List<String> sources = new ArrayList<>();
		for (Path p : DemoMultitrack.write(stems, 48000)) {
			sources.add("stems/" + p.getFileName());
		}
		file = dir.resolve("demo." + SessionStore.EXTENSION);
		Files.deleteIfExists(file);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, file, "demo", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, sources, GroupingMode.AUTO));
		for (Track t : session.getTracks()) {
			double[] strip = STATIC_MIX.get(t.getName());
			if (strip != null) {
				SessionCommands.execute(domain, SessionCommands.setGain(domain, t, strip[0]));
				SessionCommands.execute(domain, SessionCommands.setPan(domain, t, strip[1]));
			}
		}
		SessionStore.save(session, file);
		// no place has a pick yet
		var node = InstanceScope.INSTANCE.getNode(PlaceChoices.NODE);
		node.clear();
		node.flush();
		jack = jackServer();
		wb = open();
		// play the whole demo in a loop, so every view has something to show
		wb.ui(() -> {
			wb.playback.setRange(0, (long) DemoMultitrack.SECONDS * 48000);
			wb.playback.setLooping(true);
			return null;
		});
		wb.press(0, ' ');
		wb.waitFor(20_000, "the demo to play", wb.playback::isPlaying);
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (wb != null) {
				wb.close();
			}
		} finally {
			if (jack != null) {
				jack.close();
			}
		}
	}

	/**
	 * A private JACK server; JACK allows a few servers per machine and other test runs hold some for a while, so a
	 * start refused with "Too many servers already active" is tried again (at most a minute).
	 */
	private static JackServer jackServer() throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return new JackServer("-views-workbench-" + attempt);
			} catch (AssertionError e) {
				if (attempt >= 12 || !String.valueOf(e.getMessage()).contains("Too many servers")) {
					throw e;
				}
				Thread.sleep(5000);
			}
		}
	}

	/** The workbench on the demo session, the window as large as the screen, both places and the console shown. */
	private static RunningWorkbench open() throws Exception {
		RunningWorkbench w = new RunningWorkbench(file, "jack");
		w.ui(() -> {
			Rectangle screen = w.display().getBounds();
			w.mainShell().setBounds(0, 0, screen.width, screen.height);
			return null;
		});
		w.waitFor(20_000, "both places", () -> w.ui(() -> place(w, ViewKind.ROUTING) != null
				&& place(w, ViewKind.VISUALISATION) != null));
		return w;
	}

	/** [UI] The place of {@code kind} in the main window, or null. */
	private static PlacePart place(RunningWorkbench w, ViewKind kind) {
		Control c = RunningWorkbench.find(w.mainShell(),
				x -> x.getData(PlacePart.class.getName()) instanceof PlacePart p && p.kind() == kind);
		return c == null ? null : (PlacePart) c.getData(PlacePart.class.getName());
	}

	/**
	 * Opens the place's drop-down with a real click (XTEST) and picks {@code viewId} in the menu it shows (a GTK popup
	 * menu's items have no position SWT tells, so the item is chosen by its selection event); returns the items' texts.
	 */
	private static List<String> pickFromMenu(PlacePart place, String viewId) throws Exception {
		Point at = wb.ui(() -> {
			Rectangle r = place.chooser().getBounds();
			return place.chooser().getParent().toDisplay(r.x + r.width / 2, r.y + r.height / 2);
		});
		try (XTest x = new XTest()) {
			x.move(at.x, at.y);
			Thread.sleep(150);
			x.button(1, true);
			x.button(1, false);
		}
		wb.waitFor(5000, "the place's menu", () -> wb.ui(() -> place.lastMenu() != null
				&& !place.lastMenu().isDisposed() && place.lastMenu().isVisible()));
		Menu menu = wb.ui(place::lastMenu);
		List<String> items = wb.ui(() -> {
			List<String> names = new ArrayList<>();
			MenuItem found = null;
			for (MenuItem i : menu.getItems()) {
				names.add(i.getText());
				if (viewId.equals(i.getData())) {
					found = i;
				}
			}
			assertNotNull(found, "the menu offers " + viewId + ": " + names);
			menu.setVisible(false);
			for (MenuItem i : menu.getItems()) {
				i.setSelection(i == found);
			}
			found.notifyListeners(SWT.Selection, new Event());
			return names;
		});
		wb.waitFor(5000, viewId + " to show", () -> viewId.equals(wb.ui(place::shown)));
		return items;
	}

	private static void select(String channel) {
		wb.ui(() -> {
			Session s = wb.session.session();
			Channel c = s.getMaster();
			for (Track t : s.getTracks()) {
				if (t.getName().equals(channel)) {
					c = t;
				}
			}
			for (var b : s.getBuses()) {
				if (b.getName().equals(channel)) {
					c = b;
				}
			}
			place(wb, ViewKind.ROUTING).selection.select(c);
			return null;
		});
	}

	@Test
	@Order(1)
	void theRoutingPlaceSwitchesTreeToGraphToTreeThroughItsMenu() throws Exception {
		PlacePart routing = wb.ui(() -> place(wb, ViewKind.ROUTING));
		wb.waitFor(10_000, "the routing place to show a view", () -> wb.ui(routing::shown) != null);
		assertEquals(GRAPH, wb.ui(routing::shown), "nothing picked yet: the default routing view, the graph");
		List<String> items = pickFromMenu(routing, TREE);
		assertEquals(List.of("Routing graph", "Routing tree"), items, "the installed routing views, by name");
		select("Lead Vox");
		Thread.sleep(500);
		wb.screenshot("workbench-tree");
		pickFromMenu(routing, GRAPH);
		Thread.sleep(1500); // the layout runs on a worker thread
		wb.screenshot("workbench-graph");
		pickFromMenu(routing, TREE);
		assertEquals("Routing: Routing tree", wb.ui(() -> routing.chooser().getText()));
	}

	@Test
	@Order(2)
	void eachVisualisationShowsInTheWorkbenchWhileTheDemoPlays() throws Exception {
		PlacePart visualisation = wb.ui(() -> place(wb, ViewKind.VISUALISATION));
		String[][] views = { { "org.mixtree.views.spectrum", "Drums", "spectrum" },
				{ "org.mixtree.views.loudness", "master", "loudness" }, { "org.mixtree.views.stereo", "master", "stereo" },
				{ "org.mixtree.views.waveform", "Lead Vox", "waveform" }, { EXAMPLE, "master", "example-correlation" } };
		for (String[] v : views) {
			select(v[1]);
			List<String> items = pickFromMenu(visualisation, v[0]);
			assertEquals(List.of("Correlation over time", "Loudness", "Spectrum", "Stereo image", "Waveform"), items,
					"the installed visualisations by name, the third party's example among them");
			assertTrue(wb.playback.isPlaying(), "the demo plays");
			Thread.sleep(v[0].equals(EXAMPLE) || v[0].endsWith("loudness") ? 9000 : 2500); // history to show
			wb.screenshot("workbench-" + v[2]);
		}
	}

	@Test
	@Order(3)
	void thePicksComeBackAfterARestart() throws Exception {
		wb.close();
		wb = open();
		PlacePart routing = wb.ui(() -> place(wb, ViewKind.ROUTING));
		PlacePart visualisation = wb.ui(() -> place(wb, ViewKind.VISUALISATION));
		wb.waitFor(10_000, "both places to show a view",
				() -> wb.ui(routing::shown) != null && wb.ui(visualisation::shown) != null);
		assertEquals(TREE, wb.ui(routing::shown), "the routing pick (the tree, not the default graph) came back");
		assertEquals(EXAMPLE, wb.ui(visualisation::shown), "the visualisation pick came back");
	}

	/**
	 * What a person who uninstalled a view they had picked (the example, with {@code ./mixtree uninstall
	 * org.mixtree.examples.views.feature}) finds at the next start: the pick names a view no bundle declares; the
	 * place falls back to Mixtree's own default, the spectrum, without an error, although the example (installed in
	 * this runtime) is the first visualisation by name.
	 */
	@Test
	@Order(4)
	void aPickOfAViewNoLongerInstalledFallsBackAtTheNextStart() throws Exception {
		wb.close();
		PlaceChoices.set(ViewKind.VISUALISATION, "com.example.views.uninstalled");
		wb = open();
		PlacePart visualisation = wb.ui(() -> place(wb, ViewKind.VISUALISATION));
		wb.waitFor(10_000, "the visualisation place to show a view", () -> wb.ui(visualisation::shown) != null);
		assertEquals("org.mixtree.views.spectrum", wb.ui(visualisation::shown),
				"the default visualisation, not the first by name (the example, Correlation over time)");
		Thread.sleep(500);
		assertEquals("", wb.err.toString().strip(), "nothing went wrong at the start");
		assertTrue(wb.ui(() -> wb.mainShell().isVisible()));
	}
}
