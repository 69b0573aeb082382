package org.mixtree.ui.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start-up benchmark's probe ({@code ./mixtree bench startup}): with the system property {@value #PROPERTY} set
 * to a file, the workbench notes when each start-up step ended and, once the main area has been painted with the
 * session loaded, writes them there (wall-clock epoch milliseconds, one {@code NAME=MILLIS} a line, the JVM's own
 * start first) and, with {@value #QUIT_PROPERTY}{@code =true}, quits. Without the property nothing is recorded.
 */
public final class StartupTimes {

	public static final String PROPERTY = "mixtree.startupProbe";
	public static final String QUIT_PROPERTY = "mixtree.startupProbe.quit";

	private static final List<String> MARKS = new ArrayList<>();

	private StartupTimes() {
	}

	static boolean enabled() {
		return System.getProperty(PROPERTY) != null;
	}

	/** [any] Notes that a step ended now. */
	static synchronized void mark(String step) {
		if (enabled()) {
			MARKS.add(step.replace(' ', '-') + "=" + System.currentTimeMillis());
		}
	}

	/** [UI, once] Notes the first paint and writes every mark to the probe file (via a temporary file and a rename). */
	static synchronized void write() {
		mark("painted");
		StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "jvm=%d%n", ManagementFactory.getRuntimeMXBean().getStartTime()));
		for (String m : MARKS) {
			b.append(m).append('\n');
		}
		Path file = Path.of(System.getProperty(PROPERTY));
		try {
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, b, StandardCharsets.UTF_8);
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			System.err.println("mixtree: startup probe: cannot write " + file + ": " + e.getMessage());
		}
	}

	static boolean quitAfterPaint() {
		return Boolean.getBoolean(QUIT_PROPERTY);
	}
}
