package org.mixtree.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The last session and the recently opened ones, in the workbench's instance preferences (beside its layout, in the
 * {@code -data} location), so {@code ./mixtree open} without a session opens the last one.
 */
public final class RecentSessions {

	static final String NODE = "org.mixtree.ui";
	static final String KEY = "recentSessions";
	static final int KEEP = 8;

	private RecentSessions() {
	}

	/** The recent sessions, the last one first. */
	public static List<Path> list() {
		List<Path> list = new ArrayList<>();
		String v = preferences().get(KEY, "");
		for (String line : v.split("\n")) {
			if (!line.isBlank()) {
				list.add(Path.of(line));
			}
		}
		return list;
	}

	/** [any] Puts a session first in the list; the preferences are written on a worker (the UI never waits for files). */
	static void remember(Path file) {
		Thread t = new Thread(() -> {
			synchronized (RecentSessions.class) {
				List<Path> list = list();
				list.remove(file);
				list.add(0, file);
				StringBuilder b = new StringBuilder();
				for (int i = 0; i < Math.min(KEEP, list.size()); i++) {
					b.append(list.get(i)).append('\n');
				}
				IEclipsePreferences p = preferences();
				p.put(KEY, b.toString());
				try {
					p.flush();
				} catch (BackingStoreException e) {
					// no instance location (-data @none): the list is kept for this run only
				}
			}
		}, "mixtree-recent-sessions");
		t.setDaemon(true);
		t.start();
	}

	private static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}
}
