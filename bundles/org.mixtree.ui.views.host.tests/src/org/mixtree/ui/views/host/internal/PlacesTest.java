package org.mixtree.ui.views.host.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.StatusLine;
import org.mixtree.ui.mixer.MixerConsole;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.SessionFiles;
import org.mixtree.ui.testing.XTest;
import org.mixtree.ui.views.ViewKind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The view host in the real workbench under Xvfb, with the test views of org.mixtree.ui.views.testviews installed
 * (two routing views, a visualisation reading a tap, an editor for the utility effect, and a declaration with a
 * wrong kind that must be left out): the places' menus, the choice kept across a restart, the one selection shared
 * with the console both ways, the effect editor shown instead of the generic one and back, and a view bundle
 * uninstalled while its views show.
 */
class PlacesTest {
	static final String CHANNELS = "org.mixtree.ui.views.testviews.channels";
	static final String BUSES = "org.mixtree.ui.views.testviews.buses";
	static final String LEVEL = "org.mixtree.ui.views.testviews.level";
	static final String TEST_VIEWS = "org.mixtree.ui.views.testviews";
	static final String VIEW_ID = "org.mixtree.ui.views.testviews.id";

	@TempDir
	Path dir;
	private Path file;

	/** Master <- Drums (Kick, Snare), Vocal to the master; one-second sine stems. */
	@BeforeEach
	void session() throws Exception {
		var domain = SessionEditing.createEditingDomain();
		file = dir.resolve("song.mixtree");
		Session session = SessionEditing.create(domain, file, "song", 48000);
		SessionCommands.execute(domain, SessionCommands.addBus(domain, session, "Drums", null));
		Bus drums = session.getBuses().get(0);
		SessionFiles.track(domain, session, dir, "Kick", drums, 60);
		SessionFiles.track(domain, session, dir, "Snare", drums, 200);
		SessionFiles.track(domain, session, dir, "Vocal", null, 440);
		SessionStore.save(session, file);
		// no place has a choice yet
		var node = InstanceScope.INSTANCE.getNode(PlaceChoices.NODE);
		node.clear();
		node.flush();
	}

	private static Point centre(RunningWorkbench wb, Control c) {
		return wb.ui(() -> {
			Rectangle b = c.getDisplay().map(c.getParent(), null, c.getBounds());
			return new Point(b.x + b.width / 2, b.y + b.height / 2);
		});
	}

	/** [UI] The control of a test view, found by the id the view put into its data. */
	private static <T extends Control> T control(RunningWorkbench wb, Class<T> type, String id) {
		return wb.ui(() -> Places.find(wb.mainShell(), c -> type.isInstance(c) && id.equals(c.getData(VIEW_ID))
				? type.cast(c) : null));
	}

	private static void choose(RunningWorkbench wb, Menu menu, String viewId) {
		wb.ui(() -> {
			MenuItem found = null;
			for (MenuItem item : menu.getItems()) {
				if (viewId.equals(item.getData())) {
					found = item;
				}
			}
			assertNotNull(found, "the menu lists " + viewId);
			menu.setVisible(false);
			for (MenuItem item : menu.getItems()) {
				item.setSelection(item == found);
			}
			found.notifyListeners(SWT.Selection, new Event());
			return null;
		});
		wb.settle();
	}

	@Test
	void aViewPickedFromThePlacesMenuShowsAndComesBackAfterARestart() throws Exception {
		try (RunningWorkbench wb = Places.open(file); XTest x = new XTest()) {
			PlacePart routing = wb.ui(() -> Places.place(wb, ViewKind.ROUTING));
			PlacePart visualisation = wb.ui(() -> Places.place(wb, ViewKind.VISUALISATION));
			wb.waitFor(5000, "the routing place to show a view", () -> wb.ui(routing::shown) != null);
			assertEquals(BUSES, wb.ui(routing::shown), "nothing picked yet, and no built-in default installed (only the test views): the first routing view by name");
			assertEquals(LEVEL, wb.ui(visualisation::shown), "the one visualisation installed");
			// the drop-down, clicked as a hand does
			Point at = wb.ui(() -> {
				Rectangle r = routing.chooser().getBounds();
				return routing.chooser().getParent().toDisplay(r.x + r.width / 2, r.y + r.height / 2);
			});
			x.move(at.x, at.y);
			Thread.sleep(150);
			x.button(1, true);
			x.button(1, false);
			wb.waitFor(5000, "the place's menu", () -> wb.ui(() -> routing.lastMenu() != null
					&& !routing.lastMenu().isDisposed() && routing.lastMenu().isVisible()));
			Menu menu = wb.ui(routing::lastMenu);
			List<String> items = wb.ui(() -> {
				List<String> names = new ArrayList<>();
				for (MenuItem i : menu.getItems()) {
					names.add(i.getText() + (i.getSelection() ? " (shown)" : ""));
				}
				return names;
			});
			assertEquals(List.of("Bus outline (shown)", "Channel list"), items,
					"the installed routing views, by name; the declaration with kind 'sideways' is left out");
			wb.screenshot("views-routing-menu");
			choose(wb, menu, CHANNELS);
			assertEquals(CHANNELS, wb.ui(routing::shown));
			org.eclipse.swt.widgets.List list = control(wb, org.eclipse.swt.widgets.List.class, "channels");
			assertNotNull(list, "the channel list is in the window");
			assertEquals(List.of("master", "bus:Drums", "track:Kick", "track:Snare", "track:Vocal"),
					wb.ui(() -> List.of(list.getItems())));
			assertTrue(wb.ui(list::isVisible));
			assertEquals("Routing: Channel list", wb.ui(() -> routing.chooser().getText()));
			assertNull(control(wb, org.eclipse.swt.widgets.Tree.class, "buses"), "the outline was disposed");
			wb.screenshot("views-routing-channel-list");
		}
		try (RunningWorkbench wb = Places.open(file)) {
			PlacePart routing = wb.ui(() -> Places.place(wb, ViewKind.ROUTING));
			wb.waitFor(5000, "the routing place to show a view", () -> wb.ui(routing::shown) != null);
			assertEquals(CHANNELS, wb.ui(routing::shown), "the choice came back at the next start");
		}
	}

	@Test
	void theConsoleAndTheViewsShareOneSelectionBothWays() throws Exception {
		try (RunningWorkbench wb = Places.open(file); XTest x = new XTest()) {
			PlacePart routing = wb.ui(() -> Places.place(wb, ViewKind.ROUTING));
			wb.ui(() -> {
				routing.pick(CHANNELS);
				return null;
			});
			MixerConsole console = wb.ui(() -> Places.console(wb));
			org.eclipse.swt.widgets.List list = control(wb, org.eclipse.swt.widgets.List.class, "channels");
			Session s = wb.session.session();
			Bus drums = s.getBuses().get(0);
			Track kick = s.getTracks().get(0);
			// the view selects the Drums bus: the console's strip follows
			select(wb, list, "bus:Drums");
			assertEquals(drums, wb.ui(console::selection));
			// the console's keyboard selection (the arrow keys on the console): the view follows
			Point middle = centre(wb, wb.ui(console::canvas));
			x.move(middle.x, middle.y);
			wb.ui(() -> console.canvas().setFocus());
			wb.settle();
			x.key(XTest.XK_RIGHT, true);
			x.key(XTest.XK_RIGHT, false);
			wb.waitFor(3000, "the arrow key to move the console's selection",
					() -> wb.ui(console::selection) != drums);
			Channel next = wb.ui(console::selection);
			assertEquals(ChannelAddress.of(next), wb.ui(() -> list.getItem(list.getSelectionIndex())),
					"the list follows the console");
			// a track inside a bus, selected in the view: the console opens the bus and selects the track's strip
			select(wb, list, "track:Kick");
			assertEquals(kick, wb.ui(console::selection));
			assertEquals(List.of(drums), wb.ui(console::path));
			wb.screenshot("views-shared-selection");
		}
	}

	private static void select(RunningWorkbench wb, org.eclipse.swt.widgets.List list, String item) {
		wb.ui(() -> {
			int i = List.of(list.getItems()).indexOf(item);
			list.setSelection(i);
			list.notifyListeners(SWT.Selection, new Event());
			return null;
		});
		wb.settle();
	}

	@Test
	void anEffectsOwnEditorIsShownInsteadOfTheGenericOneWithAWayBack() throws Exception {
		try (RunningWorkbench wb = Places.open(file)) {
			MixerConsole console = wb.ui(() -> Places.console(wb));
			var domain = wb.session.domain();
			Track vocal = wb.session.session().getTracks().get(2);
			Insert utility = wb.ui(() -> {
				SessionCommands.execute(domain, SessionCommands.addInsert(domain, vocal, "org.mixtree.utility",
						Map.of(), -1, null));
				SessionCommands.execute(domain, SessionCommands.addInsert(domain, vocal, "org.mixtree.eq", Map.of(),
						-1, null));
				return vocal.getInserts().get(0);
			});
			Insert eq = wb.ui(() -> vocal.getInserts().get(1));
			assertNull(wb.ui(() -> console.openEditor(utility)), "the utility's own editor instead of the generic one");
			assertFalse(wb.ui(() -> console.editors().containsKey(utility)));
			Shell window = wb.ui(() -> {
				for (Shell sh : wb.display().getShells()) {
					if (sh.getData(EffectEditors.class.getName()) != null && sh.isVisible()) {
						return sh;
					}
				}
				return null;
			});
			assertNotNull(window, "the editor's window");
			assertTrue(wb.ui(window::getText).startsWith("Utility trim"), wb.ui(window::getText));
			Button trim = wb.ui(() -> Places.find(window, c -> c instanceof Button b
					&& "utility.trim".equals(b.getData(VIEW_ID)) ? b : null));
			wb.ui(() -> {
				trim.notifyListeners(SWT.Selection, new Event());
				return null;
			});
			assertEquals(-1.0, wb.ui(() -> gain(utility)), 0.0, "the editor's change is a command on the model");
			wb.ui(() -> {
				domain.getCommandStack().undo();
				return null;
			});
			assertEquals(0.0, wb.ui(() -> gain(utility)), 0.0, "and undoes");
			wb.screenshot(window, "views-effect-editor");
			// the way back: the generic editor
			Button generic = wb.ui(() -> Places.find(window, c -> c instanceof Button b
					&& b.getData(EffectEditors.class.getName() + ".generic") != null ? b : null));
			wb.ui(() -> {
				generic.notifyListeners(SWT.Selection, new Event());
				return null;
			});
			assertTrue(wb.ui(window::isDisposed));
			assertTrue(wb.ui(() -> console.editors().containsKey(utility)), "the generic editor opened");
			// an effect no editor view edits: the generic one, as before
			assertNotNull(wb.ui(() -> console.openEditor(eq)));
		}
	}

	private static double gain(Insert insert) {
		for (ParameterValue v : insert.getParameters()) {
			if ("gain".equals(v.getId())) {
				return v.getValue();
			}
		}
		return 0;
	}

	/**
	 * The test views' bundle uninstalled and refreshed while both places and an editor show its views: each view is
	 * disposed (its selection listeners gone, its tap closed), the editor's window closes, the places say that no view
	 * of their kind is installed, nothing is reported; installed again, the picked view comes back.
	 */
	@Test
	void viewsOfABundleUninstalledAtRuntimeAreDisposedAndThePlacesFallBack() throws Exception {
		BundleContext system = FrameworkUtil.getBundle(Platform.class).getBundleContext();
		FrameworkWiring wiring = system.getBundle(0).adapt(FrameworkWiring.class);
		Bundle views = Platform.getBundle(TEST_VIEWS);
		assertNotNull(views, "the test views are installed");
		// the test runtime installs bundles by relative references ("initial@reference:file:../../..."): install
		// it again from its file
		String location = "reference:" + org.eclipse.core.runtime.FileLocator.getBundleFile(views).getAbsoluteFile()
				.toURI();
		try (RunningWorkbench wb = Places.open(file)) {
			PlacePart routing = wb.ui(() -> Places.place(wb, ViewKind.ROUTING));
			PlacePart visualisation = wb.ui(() -> Places.place(wb, ViewKind.VISUALISATION));
			wb.ui(() -> {
				routing.pick(CHANNELS);
				return null;
			});
			assertEquals(LEVEL, wb.ui(visualisation::shown));
			SharedSelection selection = (SharedSelection) wb.ui(() -> routing.selection);
			StatusLine status = wb.ui(() -> routing.status);
			int withViews = wb.ui(selection::listenerCount);
			assertEquals(3, withViews, "the console's, the channel list's and the level's listeners");
			HostContext levelContext = wb.ui(() -> visualisation.slot().context());
			assertEquals(1, levelContext.tapsHeld(), "the level view holds its tap (an engine tap only while playing)");
			Track vocal = wb.session.session().getTracks().get(2);
			var domain = wb.session.domain();
			Insert utility = wb.ui(() -> {
				SessionCommands.execute(domain, SessionCommands.addInsert(domain, vocal, "org.mixtree.utility",
						Map.of(), -1, null));
				return vocal.getInserts().get(0);
			});
			assertNull(wb.ui(() -> Places.console(wb).openEditor(utility)));
			Shell editor = wb.ui(() -> {
				for (Shell sh : wb.display().getShells()) {
					if (sh.getData(EffectEditors.class.getName()) != null) {
						return sh;
					}
				}
				return null;
			});
			assertNotNull(editor);

			views.uninstall();
			CountDownLatch refreshed = new CountDownLatch(1);
			wiring.refreshBundles(List.of(views), e -> refreshed.countDown());
			assertTrue(refreshed.await(30, TimeUnit.SECONDS), "the refresh ended");

			wb.waitFor(10_000, "both places to drop the uninstalled views",
					() -> wb.ui(() -> routing.shown() == null && visualisation.shown() == null));
			assertEquals("No routing view is installed. Views come in bundles: see docs/VIEWS.md.",
					wb.ui(routing::emptyText));
			assertEquals("Routing: none", wb.ui(() -> routing.chooser().getText()));
			assertEquals(1, wb.ui(selection::listenerCount), "only the console still listens");
			assertEquals(0, levelContext.tapsHeld(), "the level view's tap was closed");
			wb.waitFor(5000, "the editor of the uninstalled bundle to close", () -> wb.ui(editor::isDisposed));
			assertNull(wb.ui(status::message), "nothing went wrong: " + wb.ui(status::message));
			assertFalse(wb.err.toString().contains("Exception"), wb.err.toString());
			wb.screenshot("views-bundle-uninstalled");

			Bundle again = system.installBundle(location);
			assertTrue(wiring.resolveBundles(List.of(again)), "the test views resolve again");
			wb.waitFor(10_000, "the picked view to come back", () -> CHANNELS.equals(wb.ui(routing::shown)));
			assertEquals(LEVEL, wb.ui(visualisation::shown));
		} finally {
			if (Platform.getBundle(TEST_VIEWS) == null) {
				Bundle again = system.installBundle(location);
				wiring.resolveBundles(List.of(again));
			}
		}
	}
}
