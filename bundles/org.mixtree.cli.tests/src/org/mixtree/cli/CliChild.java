package org.mixtree.cli;

import java.nio.file.Path;
import java.time.Duration;

import org.mixtree.model.persistence.SessionLock;

/**
 * A second process for {@link ConcurrentEditsCliTest}, run in a plain JVM (no OSGi) whose class path holds the
 * Mixtree and EMF bundles the tests run with: {@code cli ARGS...} runs the command line as {@code ./mixtree ARGS}
 * does and exits with its code; {@code hold FILE} takes the session's lock, prints {@code locked} and sleeps until
 * killed.
 */
public final class CliChild {

	private CliChild() {
	}

	public static void main(String[] args) throws Exception {
		if (args[0].equals("hold")) {
			try (SessionLock lock = SessionLock.acquire(Path.of(args[1]), Duration.ofSeconds(30))) {
				System.out.println("locked");
				System.out.flush();
				Thread.sleep(120_000);
			}
			return;
		}
		String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
		System.exit(Cli.run(rest, System.out, System.err));
	}
}
