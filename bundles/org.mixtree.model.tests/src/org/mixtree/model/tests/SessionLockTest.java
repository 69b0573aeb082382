package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionLock;

/**
 * The session lock between threads of one JVM and between processes: a second process is a plain JVM running
 * {@link LockChild} against the very classes of the lock (copied out of the bundles), killed with SIGKILL where a
 * crash is wanted.
 */
class SessionLockTest {

	@TempDir
	Path dir;

	final List<Process> children = new ArrayList<>();

	@AfterEach
	void killChildren() throws InterruptedException {
		for (Process p : children) {
			p.destroyForcibly();
			p.waitFor(10, TimeUnit.SECONDS);
		}
	}

	Path session() throws IOException {
		return Files.writeString(dir.resolve("song.mixtree"), "0");
	}

	@Test
	void aSecondWriterWaitsUntilTheFirstLetsGo() throws Exception {
		Path file = session();
		SessionLock first = SessionLock.acquire(file, Duration.ZERO);
		CountDownLatch started = new CountDownLatch(1);
		CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
			started.countDown();
			try (SessionLock lock = SessionLock.acquire(file, Duration.ofSeconds(20))) {
				return System.nanoTime();
			} catch (SessionFileException e) {
				throw new AssertionError(e);
			}
		});
		assertTrue(started.await(10, TimeUnit.SECONDS));
		Thread.sleep(300);
		assertFalse(second.isDone(), "the second writer waits while the first holds the lock");
		long released = System.nanoTime();
		first.close();
		long got = second.get(10, TimeUnit.SECONDS);
		assertTrue(got >= released, "the second writer got the lock after the first let go");
	}

	@Test
	void aWriterThatWaitsLongerThanTheBoundIsRefusedWithOneLine() throws Exception {
		Path file = session();
		try (SessionLock held = SessionLock.acquire(file)) {
			SessionFileException e = CompletableFuture.supplyAsync(
					() -> assertThrows(SessionFileException.class, () -> SessionLock.acquire(file, Duration.ofMillis(300))))
					.get(10, TimeUnit.SECONDS);
			assertEquals(file + ": another mixtree command has been changing this session for 0.3 s; try again",
					e.getMessage());
		}
	}

	@Test
	void theSameThreadMayTakeTheLockAgain() throws Exception {
		Path file = session();
		try (SessionLock outer = SessionLock.acquire(file, Duration.ZERO);
				SessionLock inner = SessionLock.acquire(file, Duration.ZERO)) {
			assertEquals(outer.lockFile(), inner.lockFile());
		}
		// and both are gone: another thread gets it at once
		CompletableFuture.runAsync(() -> {
			try (SessionLock again = SessionLock.acquire(file, Duration.ZERO)) {
				assertTrue(Files.exists(again.lockFile()));
			} catch (SessionFileException e) {
				throw new AssertionError(e);
			}
		}).get(10, TimeUnit.SECONDS);
	}

	@Test
	void theLockFileLivesBesideTheRealSessionFileAndStays() throws Exception {
		Path sub = Files.createDirectories(dir.resolve("sub"));
		Path real = Files.writeString(sub.resolve("real.mixtree"), "0");
		Path link = Files.createSymbolicLink(dir.resolve("song.mixtree"), Path.of("sub/real.mixtree"));
		Path lockFile;
		try (SessionLock lock = SessionLock.acquire(link, Duration.ZERO)) {
			lockFile = lock.lockFile();
			assertEquals(real.toRealPath(), lock.target());
			// the lock is the real file's, whichever name reaches it
			SessionFileException e = CompletableFuture
					.supplyAsync(() -> assertThrows(SessionFileException.class, () -> SessionLock.acquire(real, Duration.ZERO)))
					.get(10, TimeUnit.SECONDS);
			assertTrue(e.getMessage().startsWith(real + ": another mixtree command"), e.getMessage());
		}
		assertEquals(sub.toRealPath().resolve(".real.mixtree.lock"), lockFile);
		assertTrue(Files.exists(lockFile), "the lock file is never deleted");
	}

	@Test
	void anotherProcessHoldingTheLockMakesAWriterWaitThenRefuse() throws Exception {
		Path file = session();
		hold(file);
		long start = System.nanoTime();
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionLock.acquire(file, Duration.ofMillis(500)));
		double waited = (System.nanoTime() - start) / 1e9;
		assertEquals(file + ": another mixtree command has been changing this session for 0.5 s; try again", e.getMessage());
		assertTrue(waited >= 0.5 && waited < 5, "waited " + waited + " s");
	}

	@Test
	void aKilledHolderDoesNotBlockTheNextWriter() throws Exception {
		Path file = session();
		Process holder = hold(file);
		assertThrows(SessionFileException.class, () -> SessionLock.acquire(file, Duration.ofMillis(200)));
		holder.destroyForcibly(); // SIGKILL: no finally, no close; the kernel drops the lock with the process
		assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
		long start = System.nanoTime();
		try (SessionLock lock = SessionLock.acquire(file, Duration.ofSeconds(5))) {
			assertTrue((System.nanoTime() - start) / 1e9 < 1, "the lock was free at once");
			assertTrue(Files.exists(lock.lockFile()), "the dead holder's lock file is simply reused");
		}
	}

	@Test
	void writersInSeveralProcessesLoseNoChange() throws Exception {
		Path file = session();
		int processes = 4;
		int each = 10;
		List<Process> writers = new ArrayList<>();
		for (int i = 0; i < processes; i++) {
			writers.add(child("increment", file.toString(), Integer.toString(each)));
		}
		for (Process p : writers) {
			assertTrue(p.waitFor(120, TimeUnit.SECONDS));
			assertEquals(0, p.exitValue(), () -> new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8));
		}
		assertEquals(Integer.toString(processes * each), Files.readString(file).strip(),
				"every load-modify-save of every process is in the file");
	}

	/** Starts a child that takes the lock and holds it; returns once it holds it. */
	Process hold(Path file) throws IOException {
		Process p = child("hold", file.toString());
		BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
		String line = out.readLine();
		assertEquals("locked", line, () -> "the holder did not start: " + new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8));
		return p;
	}

	/** A plain JVM running {@link LockChild} with nothing but the lock's classes (and the JDK) on its class path. */
	Process child(String... args) throws IOException {
		Path classes = dir.resolve("child-classes");
		copyClass(LockChild.class, classes);
		copyClass(SessionLock.class, classes);
		copyClass(SessionFileException.class, classes);
		copyClass(SessionLock.class, "SessionLock$Holder", classes);
		copyClass(org.mixtree.audio.io.internal.AtomicFiles.class, classes);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), LockChild.class.getName()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).start();
		children.add(p);
		return p;
	}

	static void copyClass(Class<?> c, Path root) throws IOException {
		copyClass(c, c.getSimpleName(), root);
	}

	/** Copies the class file {@code name} of {@code neighbour}'s package out of its bundle. */
	static void copyClass(Class<?> neighbour, String name, Path root) throws IOException {
		Path target = root.resolve(neighbour.getPackageName().replace('.', '/')).resolve(name + ".class");
		if (Files.exists(target)) {
			return;
		}
		try (InputStream in = neighbour.getResourceAsStream(name + ".class")) {
			assertTrue(in != null, name + ".class not found beside " + neighbour.getName());
			Files.createDirectories(target.getParent());
			Files.copy(in, target);
		}
	}

	static byte[] readAll(InputStream in) {
		try {
			return in.readAllBytes();
		} catch (IOException e) {
			return new byte[0];
		}
	}

	@Test
	void aMissingFolderIsRefusedWithOneLine() {
		Path file = dir.resolve("no/such/folder/song.mixtree");
		SessionFileException e = assertThrows(SessionFileException.class, () -> SessionLock.acquire(file, Duration.ZERO));
		assertTrue(e.getMessage().startsWith(file + ": cannot lock the session: "), e.getMessage());
		assertTrue(e.getMessage().contains("no such file or directory"), e.getMessage());
		assertFalse(e.getMessage().contains("\n"));
	}
}
