package org.mixtree.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.Platform;

/**
 * {@code views [--json]}: the views this installation has (routing views, visualisation renderers, effect editors),
 * built in and installed from update sites alike, as the extension registry holds their declarations on the
 * extension point {@value #POINT}, so a person (or a test) can see that {@code ./mixtree install} of a view feature
 * worked. Read from the declarations alone, by the point's id: nothing of the workbench (SWT, the view API's
 * classes) is loaded. One line per view; {@code --json} gives {@code {"views": [{"id", "name", "kind", "bundle",
 * "needs": [...], "effect", "description"}]}} ({@code effect} and {@code description} only when declared), sorted
 * by kind (routing, visualisation, editor), then id. A declaration with no id or name, or with an unknown kind, is
 * not a view the workbench would show: it is left out and named on stderr.
 */
final class ViewsCli {
	/** The view API's extension point (org.mixtree.ui.views's plugin.xml). */
	static final String POINT = "org.mixtree.ui.views.views";
	static final List<String> KINDS = List.of("routing", "visualisation", "editor");
	static final List<String> NEEDS = List.of("session", "channel", "master", "tap", "insert");

	/** One declared view. */
	record View(String id, String name, String kind, String bundle, List<String> needs, String effect,
			String description) {
	}

	private final PrintStream out;
	private final PrintStream err;

	ViewsCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void views(Args a) throws CliException {
		a.expectAtMost(0, "views [--json]");
		List<String> problems = new ArrayList<>();
		List<View> all = installed(Platform.getExtensionRegistry(), problems);
		for (String p : problems) {
			err.println("mixtree: views: " + p);
		}
		if (a.flag("--json")) {
			out.println(json(all));
			return;
		}
		if (all.isEmpty()) {
			out.println("no views installed");
			return;
		}
		for (View v : all) {
			out.println(v.id() + "  " + v.name() + "  (" + v.kind() + ", " + v.bundle()
					+ (v.effect() == null ? "" : ", edits " + v.effect()) + ")");
		}
	}

	/** @return the views declared in {@code registry}, sorted; what is wrong with others is added to problems */
	static List<View> installed(IExtensionRegistry registry, List<String> problems) {
		List<View> views = new ArrayList<>();
		if (registry == null) {
			return views;
		}
		for (IConfigurationElement e : registry.getConfigurationElementsFor(POINT)) {
			if (!"view".equals(e.getName())) {
				continue;
			}
			String bundle = e.getContributor().getName();
			String id = trim(e.getAttribute("id"));
			String name = trim(e.getAttribute("name"));
			String kind = trim(e.getAttribute("kind"));
			if (id == null || name == null) {
				problems.add(bundle + ": a view without " + (id == null ? "an id" : "a name") + " (id "
						+ (id == null ? "none" : id) + ") is left out");
				continue;
			}
			if (kind == null || !KINDS.contains(kind)) {
				problems.add(bundle + ": view " + id + " has kind '" + kind + "' (routing, visualisation or editor);"
						+ " left out");
				continue;
			}
			List<String> needs = new ArrayList<>();
			String declared = trim(e.getAttribute("needs"));
			for (String n : (declared == null ? "session" : declared).split(",")) {
				String need = n.trim();
				if (need.isEmpty()) {
					continue;
				}
				if (!NEEDS.contains(need)) {
					problems.add(bundle + ": view " + id + " needs '" + need + "' (session, channel, master, tap,"
							+ " insert); ignored");
					continue;
				}
				needs.add(need);
			}
			views.add(new View(id, name, kind, bundle, List.copyOf(needs), trim(e.getAttribute("effect")),
					trim(e.getAttribute("description"))));
		}
		views.sort(Comparator.comparingInt((View v) -> KINDS.indexOf(v.kind())).thenComparing(View::id));
		return views;
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static String json(List<View> all) {
		Json j = new Json().beginObject().name("views").beginArray();
		for (View v : all) {
			j.beginObject().name("id").value(v.id()).name("name").value(v.name()).name("kind").value(v.kind())
					.name("bundle").value(v.bundle());
			j.name("needs").beginArray();
			for (String n : v.needs()) {
				j.value(n);
			}
			j.endArray();
			if (v.effect() != null) {
				j.name("effect").value(v.effect());
			}
			if (v.description() != null) {
				j.name("description").value(v.description());
			}
			j.endObject();
		}
		return j.endArray().endObject().toString();
	}
}
