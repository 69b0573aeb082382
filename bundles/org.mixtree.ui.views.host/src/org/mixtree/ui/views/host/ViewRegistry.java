package org.mixtree.ui.views.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.IRegistryEventListener;
import org.mixtree.ui.views.ViewKind;

/**
 * The installed views: every declaration on the extension point {@value #POINT}, read from the extension registry
 * (no view class is loaded), kept current as bundles come and go ({@link IRegistryEventListener}): a bundle
 * installed adds its views, one uninstalled removes them, and {@link #addListener listeners} are told so that the
 * places showing a view that went away dispose it.
 * <p>
 * A declaration that is wrong (no id, an unknown kind, an editor without an effect) is left out and named in
 * {@link #problems()}. Two declarations of the same id: the first (by bundle id order) wins, the other is a problem.
 * <p>
 * Thread rules: [any]. Listeners are called on the thread that changed the registry (a bundle's uninstall,
 * a refresh): they hand their work to the UI thread themselves.
 */
public final class ViewRegistry implements AutoCloseable {
	/** The view API's extension point. */
	public static final String POINT = "org.mixtree.ui.views.views";

	private final IExtensionRegistry registry;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private final IRegistryEventListener events = new IRegistryEventListener() {
		@Override
		public void added(IExtension[] extensions) {
			changed();
		}

		@Override
		public void removed(IExtension[] extensions) {
			changed();
		}

		@Override
		public void added(IExtensionPoint[] points) {
			changed();
		}

		@Override
		public void removed(IExtensionPoint[] points) {
			changed();
		}
	};
	private volatile List<ViewDescriptor> views = List.of();
	private volatile List<String> problems = List.of();

	/** Reads {@code registry} (null: none, as in a plain Java test) and follows its changes until {@link #close}. */
	public ViewRegistry(IExtensionRegistry registry) {
		this.registry = registry;
		if (registry != null) {
			registry.addListener(events, POINT);
		}
		read();
	}

	private synchronized void read() {
		List<ViewDescriptor> list = new ArrayList<>();
		List<String> wrong = new ArrayList<>();
		if (registry != null) {
			for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
				if (!"view".equals(e.getName())) {
					continue;
				}
				try {
					ViewDescriptor d = ViewDescriptor.of(e);
					if (list.stream().anyMatch(v -> v.id().equals(d.id()))) {
						wrong.add(d.bundle() + ": view " + d.id() + " is declared twice; the first is used");
					} else {
						list.add(d);
					}
				} catch (IllegalArgumentException | org.eclipse.core.runtime.InvalidRegistryObjectException x) {
					wrong.add(x.getMessage());
				}
			}
		}
		list.sort(Comparator.comparing(ViewDescriptor::kind).thenComparing(ViewDescriptor::name,
				String.CASE_INSENSITIVE_ORDER).thenComparing(ViewDescriptor::id));
		views = List.copyOf(list);
		problems = List.copyOf(wrong);
	}

	private void changed() {
		read();
		for (Runnable r : listeners) {
			r.run();
		}
	}

	/** @return every installed view, by kind, then name */
	public List<ViewDescriptor> views() {
		return views;
	}

	/** @return the installed views of {@code kind}, by name */
	public List<ViewDescriptor> views(ViewKind kind) {
		return views.stream().filter(v -> v.kind() == kind).toList();
	}

	/** @return the view with that id */
	public Optional<ViewDescriptor> find(String id) {
		return views.stream().filter(v -> v.id().equals(id)).findFirst();
	}

	/** @return the editor declared for effect {@code effectId} (the first by name when several are) */
	public Optional<ViewDescriptor> editorFor(String effectId) {
		return effectId == null ? Optional.empty()
				: views(ViewKind.EDITOR).stream().filter(v -> effectId.equals(v.effect())).findFirst();
	}

	/** @return one line per declaration left out, naming the bundle and what is wrong */
	public List<String> problems() {
		return problems;
	}

	/** Calls {@code listener} after each change of the installed views (on the thread that made it). */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/** Stops following the registry. */
	@Override
	public void close() {
		if (registry != null) {
			registry.removeListener(events);
		}
		listeners.clear();
	}
}
