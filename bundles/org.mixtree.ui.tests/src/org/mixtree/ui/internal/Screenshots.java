package org.mixtree.ui.internal;

import java.nio.file.Path;

/** Where the UI tests put their screenshots: {@code target/screenshots/} of the test bundle. */
final class Screenshots {

	private Screenshots() {
	}

	static Path directory() {
		// tycho-surefire runs the tests in target/work of the bundle
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p.resolve("screenshots");
			}
		}
		return here.resolve("target").resolve("screenshots");
	}
}
