package org.mixtree.model.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.mixtree.model.persistence.SessionLock;

/**
 * A second process for {@link SessionLockTest}, run in a plain JVM whose class path holds this class and the
 * session lock's (JDK only): {@code hold FILE} takes the lock, prints {@code locked} and sleeps until killed;
 * {@code increment FILE N} does N load-modify-saves of a number in FILE, each under the lock.
 */
public final class LockChild {

	private LockChild() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[1]);
		if (args[0].equals("hold")) {
			try (SessionLock lock = SessionLock.acquire(file, Duration.ofSeconds(30))) {
				System.out.println("locked");
				System.out.flush();
				Thread.sleep(120_000);
			}
			return;
		}
		int times = Integer.parseInt(args[2]);
		for (int i = 0; i < times; i++) {
			try (SessionLock lock = SessionLock.acquire(file, Duration.ofSeconds(60))) {
				int n = Integer.parseInt(Files.readString(file).strip());
				Thread.sleep(5); // the "modify": long enough for an unlocked writer to be overtaken
				Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
				Files.writeString(temp, Integer.toString(n + 1));
				Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}
}
