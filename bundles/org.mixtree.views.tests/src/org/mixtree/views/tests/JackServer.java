package org.mixtree.views.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.jack.JackBackend;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A private JACK server (dummy driver, no real-time scheduling) under a unique name, made the default of this process
 * ({@code JACK_DEFAULT_SERVER}, read by libjack at each client open), as {@code org.mixtree.ui.tests} starts one. Without
 * jackd on the PATH the tests fail: install jackd2.
 */
final class JackServer implements AutoCloseable {

	interface LibC extends Library {
		int setenv(String name, String value, int overwrite);

		int unsetenv(String name);
	}

	static final int RATE = 48000;
	private final LibC libc = Native.load("c", LibC.class);
	private final Process process;
	private final Path log;

	JackServer() throws Exception {
		log = Files.createTempFile("mixtree-views-jackd-", ".log");
		String name = "mixtree-views-test-" + ProcessHandle.current().pid();
		process = new ProcessBuilder("jackd", "-n", name, "--no-realtime", "-d", "dummy", "-r", Integer.toString(RATE),
				"-p", "256").redirectErrorStream(true).redirectOutput(log.toFile()).start();
		libc.setenv("JACK_DEFAULT_SERVER", name, 1);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline && process.isAlive() && !Files.readString(log).contains("dummy")) {
			Thread.sleep(20);
		}
		Thread.sleep(200);
		if (!process.isAlive()) {
			throw new AssertionError("the private JACK server did not start: " + Files.readString(log));
		}
	}

	/** @return a stereo output on this server, 256-frame buffers (retried while the server finishes starting) */
	AudioStream open() throws AudioDeviceException, InterruptedException {
		AudioDeviceException last = null;
		for (int i = 0; i < 50; i++) {
			try {
				return new JackBackend().open(null, RATE, 256, 2);
			} catch (AudioDeviceException e) {
				last = e;
				Thread.sleep(100);
			}
		}
		throw last;
	}

	@Override
	public void close() throws Exception {
		libc.unsetenv("JACK_DEFAULT_SERVER");
		process.destroy();
		if (!process.waitFor(3, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(5, TimeUnit.SECONDS);
		}
		Files.deleteIfExists(log);
	}
}
