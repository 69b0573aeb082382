package org.mixtree.ui.testing;

import java.nio.file.Path;

/** Where the UI tests put their screenshots: {@code target/screenshots/} of the test bundle. */
public final class Screenshots {

	private Screenshots() {
	}

	public static Path directory() {
		return target().resolve("screenshots");
	}

	/** {@code target/} of the test bundle (tycho-surefire runs the tests in {@code target/work} of the bundle). */
	public static Path target() {
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p;
			}
		}
		return here.resolve("target");
	}
}
