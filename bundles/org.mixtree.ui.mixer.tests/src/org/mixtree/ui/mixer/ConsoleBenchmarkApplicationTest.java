package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.mixtree.ui.mixer.internal.ConsoleBenchmarkApplication;
import org.mixtree.testing.JackServer;
import org.osgi.framework.Bundle;

/**
 * {@code ./mixtree bench console}'s application refuses bad arguments with one usage line and exit 2, before it opens
 * a display, and plays the demo while it measures when a device can (the figures themselves:
 * {@link ConsoleBenchmarkTest}).
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

	/**
	 * With a JACK server running (a private one, the default of this process), the application plays the demo and
	 * prints both figures, each with the engine's xruns and callback times: the demo's own console and the strips.
	 */
	@Test
	void playsTheDemoThroughJackAndPrintsBothFigures() throws Exception {
		PrintStream out = System.out;
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		Object exit;
		try (AutoCloseable jack = jack()) {
			System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
			try {
				exit = new ConsoleBenchmarkApplication().start(context(new String[] { "16", "10" }));
			} finally {
				System.setOut(out);
				Display d = Display.getCurrent();
				if (d != null && !d.isDisposed()) {
					d.dispose();
				}
			}
		}
		String text = buf.toString(StandardCharsets.UTF_8);
		System.out.println(text);
		assertEquals(IApplication.EXIT_OK, exit, text);
		assertTrue(text.lines().anyMatch(l -> l.startsWith("demo playing: ") && l.contains(", jack:")), text);
		assertTrue(text.contains("the demo session's own console, demo playing (engine meters)"), text);
		// the 16-strip console: the master and the demo's buses (more than 2 of them) from the engine
		java.util.regex.Matcher m = java.util.regex.Pattern
				.compile("16 strips, demo playing \\((\\d+) strips metered by the engine, the rest synthetic\\)").matcher(text);
		assertTrue(m.find(), text);
		assertTrue(Integer.parseInt(m.group(1)) >= 3 && Integer.parseInt(m.group(1)) < 16, text);
		assertEquals(2, text.lines().filter(l -> l.startsWith("  engine: ") && l.contains(" xruns during this run")
				&& l.contains("p99") && l.contains("load average")).count(), text);
		assertTrue(!text.contains("synthetic meters only"), text);
	}

	/**
	 * A private JACK server; when JACK's registry of servers is full (it keeps 8, and servers other processes killed
	 * stay in it until no server runs), the default server when one answers.
	 */
	private static AutoCloseable jack() throws Exception {
		try {
			return new JackServer("-bench");
		} catch (AssertionError e) {
			if (!String.valueOf(e.getMessage()).contains("Too many servers already active")) {
				throw e;
			}
			ProcessBuilder lsp = new ProcessBuilder("jack_lsp").redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			lsp.environment().put("JACK_NO_START_SERVER", "1");
			lsp.environment().remove("JACK_DEFAULT_SERVER");
			Process p = lsp.start();
			if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
				throw e;
			}
			System.out.println("JACK's registry of servers is full: playing through the default server");
			return () -> {
			};
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
