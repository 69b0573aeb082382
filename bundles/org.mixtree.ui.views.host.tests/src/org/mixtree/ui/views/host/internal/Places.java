package org.mixtree.ui.views.host.internal;

import java.nio.file.Path;
import java.util.function.Function;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.mixtree.ui.mixer.MixerConsole;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.views.ViewKind;

/** What the host's tests look for in the real workbench ({@link RunningWorkbench}): the places and the console. */
final class Places {
	private Places() {
	}

	/** Starts the workbench on {@code file} (no audio device chosen) and waits until both places and the console show. */
	static RunningWorkbench open(Path file) throws Exception {
		RunningWorkbench wb = new RunningWorkbench(file, null);
		try {
			wb.waitFor(30_000, "both places and the console", () -> Boolean.TRUE.equals(wb.ui(() -> place(wb,
					ViewKind.ROUTING) != null && place(wb, ViewKind.VISUALISATION) != null && console(wb) != null)));
			return wb;
		} catch (Throwable t) {
			wb.close();
			throw t;
		}
	}

	/** [UI] The place of {@code kind}, or null. */
	static PlacePart place(RunningWorkbench wb, ViewKind kind) {
		return find(wb.mainShell(), c -> c.getData(PlacePart.class.getName()) instanceof PlacePart p && p.kind() == kind
				? p : null);
	}

	/** [UI] The console. */
	static MixerConsole console(RunningWorkbench wb) {
		return find(wb.mainShell(), c -> c.getData(MixerConsole.class.getName()) instanceof MixerConsole m ? m : null);
	}

	/** [UI] The first control under {@code root} (itself included) for which {@code match} answers something. */
	static <T> T find(Control root, Function<Control, T> match) {
		if (root == null || root.isDisposed()) {
			return null;
		}
		T t = match.apply(root);
		if (t != null) {
			return t;
		}
		if (root instanceof Composite c) {
			for (Control child : c.getChildren()) {
				T found = find(child, match);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
