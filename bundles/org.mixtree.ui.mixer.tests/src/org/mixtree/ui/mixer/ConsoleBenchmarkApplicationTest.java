package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.junit.jupiter.api.Test;
import org.mixtree.ui.mixer.internal.ConsoleBenchmarkApplication;
import org.osgi.framework.Bundle;

/**
 * {@code ./mixtree bench console}'s application refuses bad arguments with one usage line and exit 2, before it opens
 * a display (the figures themselves: {@link ConsoleBenchmarkTest}).
 */
class ConsoleBenchmarkApplicationTest {

	@Test
	void refusesBadArgumentsWithUsageAndExit2() {
		for (String[] args : new String[][] { { "x" }, { "1" }, { "64", "5" }, { "64", "300", "extra" } }) {
			PrintStream err = System.err;
			ByteArrayOutputStream buf = new ByteArrayOutputStream();
			System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
			Object exit;
			try {
				exit = new ConsoleBenchmarkApplication().start(context(args));
			} finally {
				System.setErr(err);
			}
			String text = buf.toString(StandardCharsets.UTF_8);
			assertEquals(Integer.valueOf(2), exit, String.join(" ", args));
			assertTrue(text.startsWith("mixtree: usage: bench console") && text.strip().lines().count() == 1, text);
		}
	}

	private static IApplicationContext context(String[] args) {
		return new IApplicationContext() {
			@Override
			public Map<String, Object> getArguments() {
				return Map.of(IApplicationContext.APPLICATION_ARGS, args);
			}

			@Override
			public void applicationRunning() {
			}

			@Override
			public String getBrandingApplication() {
				return null;
			}

			@Override
			public String getBrandingName() {
				return null;
			}

			@Override
			public String getBrandingDescription() {
				return null;
			}

			@Override
			public String getBrandingId() {
				return null;
			}

			@Override
			public String getBrandingProperty(String key) {
				return null;
			}

			@Override
			public Bundle getBrandingBundle() {
				return null;
			}

			@Override
			public void setResult(Object result, IApplication application) {
			}
		};
	}
}
