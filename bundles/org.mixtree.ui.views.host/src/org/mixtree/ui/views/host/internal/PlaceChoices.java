package org.mixtree.ui.views.host.internal;

import java.util.Map;

import org.eclipse.core.runtime.preferences.DefaultScope;

import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.mixtree.ui.views.ViewKind;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Which view the user picked for each place, kept as e4 preferences in the instance scope of
 * {@code org.mixtree.ui.views.host} (the workbench's data folder), so the choice comes back at the next start
 * even when the saved window layout is dropped (a bundle installed or removed rebuilds the model).
 * <p>
 * Threads: read on any thread; {@link #set} on the UI thread (the file is written on a worker).
 */
final class PlaceChoices {
	static final String NODE = "org.mixtree.ui.views.host";

	private PlaceChoices() {
	}

	static String key(ViewKind kind) {
		return "place." + kind.id();
	}

	private static IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	/**
	 * The view a place shows when the user picked none (or picked one no longer installed): Mixtree's own, whatever
	 * else is installed, so that installing a third party's view does not swap what a person sees. A product may
	 * name others in its {@code plugin_customization.ini} ({@code org.mixtree.ui.views.host/place.routing=ID}).
	 */
	static final Map<ViewKind, String> BUILT_IN = Map.of(ViewKind.ROUTING, "org.mixtree.views.graph",
			ViewKind.VISUALISATION, "org.mixtree.views.spectrum");

	/** @return the id of the view picked for the place of {@code kind}, or null */
	static String get(ViewKind kind) {
		return node().get(key(kind), null);
	}

	/** @return the id of the view the place of {@code kind} shows when none is picked, or null */
	static String defaultView(ViewKind kind) {
		return DefaultScope.INSTANCE.getNode(NODE).get(key(kind), BUILT_IN.get(kind));
	}

	/** Remembers {@code viewId} for the place of {@code kind} and writes it out on a worker. */
	static void set(ViewKind kind, String viewId) {
		IEclipsePreferences node = node();
		node.put(key(kind), viewId);
		CompletableFuture.runAsync(() -> {
			try {
				node.flush();
			} catch (BackingStoreException | IllegalStateException e) {
				// kept in memory for this run; the workbench's exit saves the instance scope again
			}
		});
	}
}
