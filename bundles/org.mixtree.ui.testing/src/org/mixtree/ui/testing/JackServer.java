package org.mixtree.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A private JACK server (dummy driver, no real-time scheduling) under a unique name, made the default of this process
 * ({@code JACK_DEFAULT_SERVER}, read by libjack at each client open), so the workbench's "jack" device plays into it
 * whatever else runs on the machine. Without jackd on the PATH the test fails: install jackd2.
 */
public final class JackServer implements AutoCloseable {

	public interface LibC extends Library {
		int setenv(String name, String value, int overwrite);

		int unsetenv(String name);
	}

	private final LibC libc = Native.load("c", LibC.class);
	private final Process process;
	private final Path log;
	public final String name;

	public JackServer() throws Exception {
		this("");
	}

	/** @param suffix makes the server's name differ from an earlier one's (a server started after one was killed) */
	public JackServer(String suffix) throws Exception {
		log = Files.createTempFile("mixtree-ui-jackd-", ".log");
		name = "mixtree-ui-test-" + ProcessHandle.current().pid() + suffix;
		process = new ProcessBuilder("jackd", "-n", name, "--no-realtime", "-d", "dummy", "-r", "48000", "-p", "256")
				.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		libc.setenv("JACK_DEFAULT_SERVER", name, 1);
		// wait for its socket, so the first play does not race the server's start
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline && process.isAlive() && !Files.readString(log).contains("dummy")) {
			Thread.sleep(20);
		}
		Thread.sleep(200);
		if (!process.isAlive()) {
			// not left as this process's default: the next client would look for a server that is not there
			libc.unsetenv("JACK_DEFAULT_SERVER");
			throw new AssertionError("the private JACK server did not start: " + Files.readString(log));
		}
	}

	/** Kills the server as a crash would (SIGKILL): its clients are thrown out without a word from it. */
	public void kill() throws Exception {
		process.destroyForcibly();
		process.waitFor(5, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws Exception {
		libc.unsetenv("JACK_DEFAULT_SERVER");
		process.destroy(); // SIGTERM: jackd frees its shared-memory registry entries
		if (!process.waitFor(3, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(5, TimeUnit.SECONDS);
		}
		Files.deleteIfExists(log);
	}
}
