package org.mixtree.ui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;

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

	/**
	 * [UI] Saves what the screen shows in {@code area} (display coordinates; the part on the screen) as
	 * {@code NAME.png} in {@link #directory()} and returns the file.
	 */
	public static Path save(Display display, Rectangle area, String name) throws IOException {
		Rectangle r = area.intersection(display.getBounds());
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, r.x, r.y);
		} finally {
			gc.dispose();
		}
		ImageData data = image.getImageData();
		image.dispose();
		Path dir = directory();
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(file.toString(), SWT.IMAGE_PNG);
		return file;
	}
}
