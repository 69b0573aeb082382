package org.mixtree.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * A private JACK server for a test: {@code jackd} with the dummy driver, no real-time scheduling, under a name
 * unique to this process and the given suffix, made libjack's default server for this process
 * ({@code JACK_DEFAULT_SERVER}, read by libjack at each client open). The constructor returns once the server takes
 * clients (its request socket exists), so a first open does not race its start. {@link #close()} stops it
 * with SIGTERM, so jackd frees its entry in JACK's shared registry; {@link #kill()} is a crash (SIGKILL: the entry
 * stays until a server of the same name starts, and the registry holds eight).
 * <p>
 * The one helper for every test bundle that plays through JACK (session, CLI, device and UI tests).
 */
public final class JackServer implements AutoCloseable {
	/** The C library's environment functions (the JVM has no setenv). */
	public interface LibC extends Library {
		int setenv(String name, String value, int overwrite);

		int unsetenv(String name);
	}

	/** The server's sample rate. */
	public static final int RATE = 48000;
	private static final LibC LIBC = Native.load("c", LibC.class);

	/** The server's name (what {@code JACK_DEFAULT_SERVER} is set to). */
	public final String name;
	private final int period;
	private final Path log;
	private Process process;

	/** A server of 256-frame periods under this process's plain name. */
	public JackServer() throws Exception {
		this("");
	}

	/** @param suffix makes the server's name differ from another one's of this process */
	public JackServer(String suffix) throws Exception {
		this(suffix, 256);
	}

	/**
	 * @param suffix makes the server's name differ from another one's of this process
	 * @param period the dummy driver's period in frames
	 */
	public JackServer(String suffix, int period) throws Exception {
		this.name = "mixtree-test-" + ProcessHandle.current().pid() + suffix;
		this.period = period;
		this.log = Files.createTempFile("mixtree-jackd-", ".log");
		start();
	}

	/** Starts the server (again, after {@link #kill()}: the same name takes the dead server's registry entry). */
	public void start() throws Exception {
		// a server of this name killed before leaves its socket: gone now, so that the wait below sees the new one
		Files.deleteIfExists(socket());
		process = new ProcessBuilder("jackd", "-n", name, "--no-realtime", "-d", "dummy", "-r", Integer.toString(RATE),
				"-p", Integer.toString(period)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		LIBC.setenv("JACK_DEFAULT_SERVER", name, 1);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (process.isAlive() && !takesClients()) {
			if (System.nanoTime() > deadline) {
				break;
			}
			Thread.sleep(20);
		}
		if (!process.isAlive() || !takesClients()) {
			String why = (process.isAlive() ? "it runs but does not listen (" + lastProbe + ")"
					: "jackd exited with " + process.exitValue()) + "; its output: " + logText();
			close();
			throw new AssertionError("the private JACK server " + name + " did not start: " + why);
		}
		Thread.sleep(200); // jackd listens before its driver has started: room for that
	}

	/** What the last readiness check saw, for the message when the server is not reached. */
	private String lastProbe = "";

	/**
	 * @return whether the server takes clients: its request socket ({@code /dev/shm/jack_NAME_UID_0}, jackd2 on
	 *         Linux) exists, which jackd makes once it listens (clients that connect before it accepts wait in the
	 *         socket's backlog). Not {@code jack_lsp -s NAME}: under {@code ./mixtree test}, with the default server
	 *         of releng/audio-servers.sh running beside the private ones, jack_lsp aborted in glibc's malloc
	 *         ("malloc assertion failure in sysmalloc") while the server ran and the JVM's own clients reached it.
	 */
	private boolean takesClients() throws IOException {
		Path socket = socket();
		lastProbe = socket + (Files.exists(socket) ? " exists" : " does not exist yet");
		return Files.exists(socket);
	}

	/** @return the server's request socket, {@code /dev/shm/jack_NAME_UID_0} */
	private Path socket() throws IOException {
		return Path.of("/dev/shm", "jack_" + name + "_" + Files.getAttribute(Path.of("/proc/self"), "unix:uid") + "_0");
	}

	/** @return the server's output so far (jackd's own account of late wake-ups and xruns) */
	public Path log() {
		return log;
	}

	/** @return the server's output so far, or why it cannot be read */
	public String logText() {
		try {
			return Files.readString(log);
		} catch (IOException e) {
			return "(its log cannot be read: " + e.getMessage() + ")";
		}
	}

	/** @return whether the server process runs */
	public boolean isAlive() {
		return process.isAlive();
	}

	/** Kills the server as a crash would (SIGKILL): its clients are thrown out without a word from it. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(5, TimeUnit.SECONDS);
	}

	/** Stops the server as a user would (SIGTERM): it tells its clients it is going. */
	public void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(3, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(5, TimeUnit.SECONDS);
		}
	}

	/** Stops the server (SIGTERM), no longer this process's default, and deletes its log. */
	@Override
	public void close() throws Exception {
		LIBC.unsetenv("JACK_DEFAULT_SERVER");
		stop();
		Files.deleteIfExists(log);
	}
}
