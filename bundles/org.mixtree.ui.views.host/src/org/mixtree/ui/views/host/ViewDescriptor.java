package org.mixtree.ui.views.host;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.mixtree.ui.views.MixtreeView;
import org.mixtree.ui.views.ViewKind;
import org.mixtree.ui.views.ViewNeed;

/**
 * One view as its bundle declares it on {@value ViewRegistry#POINT}: read from {@code plugin.xml} without loading
 * the view's class, which {@link #create()} loads when a place first shows the view.
 *
 * @param id          the view's id
 * @param name        what menus show
 * @param kind        routing, visualisation or editor
 * @param needs       what it reads (at least {@link ViewNeed#SESSION})
 * @param effect      editors: the effect id it edits; else null
 * @param description one line, or null
 * @param bundle      the symbolic name of the contributing bundle
 * @param element     the declaration (invalid once the bundle is gone)
 */
public record ViewDescriptor(String id, String name, ViewKind kind, Set<ViewNeed> needs, String effect,
		String description, String bundle, IConfigurationElement element) {

	/**
	 * @return the view {@code e} declares
	 * @throws IllegalArgumentException naming the bundle, the view and the attribute at fault
	 */
	public static ViewDescriptor of(IConfigurationElement e) {
		String bundle = e.getContributor().getName();
		String id = attribute(e, "id");
		String name = attribute(e, "name");
		if (id == null || name == null) {
			throw new IllegalArgumentException(bundle + ": a view without " + (id == null ? "an id" : "a name")
					+ (id == null ? "" : " (" + id + ")"));
		}
		ViewKind kind;
		try {
			kind = ViewKind.of(attribute(e, "kind"));
		} catch (IllegalArgumentException x) {
			throw new IllegalArgumentException(bundle + ": view " + id + ": " + x.getMessage());
		}
		if (attribute(e, "class") == null) {
			throw new IllegalArgumentException(bundle + ": view " + id + " names no class");
		}
		Set<ViewNeed> needs = EnumSet.of(ViewNeed.SESSION);
		String declared = attribute(e, "needs");
		if (declared != null) {
			for (String n : declared.split(",")) {
				if (!n.isBlank()) {
					try {
						needs.add(ViewNeed.of(n));
					} catch (IllegalArgumentException x) {
						throw new IllegalArgumentException(bundle + ": view " + id + ": " + x.getMessage());
					}
				}
			}
		}
		String effect = attribute(e, "effect");
		if (kind == ViewKind.EDITOR && effect == null) {
			throw new IllegalArgumentException(bundle + ": editor " + id + " names no effect (effect=\"EFFECT_ID\")");
		}
		return new ViewDescriptor(id, name, kind, Set.copyOf(needs), kind == ViewKind.EDITOR ? effect : null,
				attribute(e, "description"), bundle, e);
	}

	private static String attribute(IConfigurationElement e, String name) {
		String v = e.getAttribute(name);
		return v == null || v.isBlank() ? null : v.trim();
	}

	/**
	 * [UI] Makes a new instance of the view (its bundle is started if it is lazy).
	 *
	 * @throws IllegalStateException naming the view and why it could not be made
	 */
	public MixtreeView create() {
		Object o;
		try {
			o = element.createExecutableExtension("class");
		} catch (CoreException | RuntimeException | LinkageError e) {
			throw new IllegalStateException("view " + name + " (" + id + ", " + bundle + ") could not be made: "
					+ message(e));
		}
		if (!(o instanceof MixtreeView view)) {
			throw new IllegalStateException("view " + name + " (" + id + ", " + bundle + "): " + o.getClass().getName()
					+ " is not a " + MixtreeView.class.getName());
		}
		return view;
	}

	/** @return whether the declaration is still in the registry (false once its bundle is gone) */
	public boolean isValid() {
		return element.isValid();
	}

	static String message(Throwable e) {
		ArrayList<String> parts = new ArrayList<>();
		for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause()) {
			String m = t.getMessage();
			parts.add(m == null ? t.getClass().getSimpleName() : m);
		}
		return String.join(": ", parts);
	}

	@Override
	public String toString() {
		return id;
	}
}
