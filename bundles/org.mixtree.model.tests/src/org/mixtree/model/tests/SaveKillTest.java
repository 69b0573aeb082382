package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.internal.AtomicFiles;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionStore;

/**
 * A session survives its saving process being killed with SIGKILL at any moment: after each kill the file is the
 * version before the save under way or the one it was writing, byte for byte and loadable by the real loader, and
 * the {@code .bak} is a complete older version.
 * <p>
 * {@link SaveKillChild} saves versions 1, 2, 3, ... in a loop in a plain JVM; the test kills it after a random
 * delay once it is ready (uniform up to a window that adapts so that a round sees about one save, on a quiet or a
 * loaded machine: so the kills land all over a save, in the write, the fsync, the backup's link and rename, the
 * rename, the folder's fsync), reads the last {@code saved N} it printed, and checks the files; then starts the
 * next child. Several lanes (each its own folder) run at once so that 300 kills fit in the test's time: a child's
 * JVM start is most of each round.
 */
class SaveKillTest {

	/** Kills in all, over every lane. */
	static final int KILLS = 300;

	static final int LANES = 3;

	@TempDir
	Path dir;

	final List<Process> children = new ArrayList<>();

	/** The expected bytes of each version, made once. */
	final Map<Long, byte[]> expected = new ConcurrentHashMap<>();

	/** What the kills found, over all lanes. */
	static final class Tally {
		final AtomicInteger kills = new AtomicInteger();
		/** kills after which the file was still the version on disk before the child started */
		final AtomicInteger unchanged = new AtomicInteger();
		/** kills after which the file was a version the child wrote */
		final AtomicInteger changed = new AtomicInteger();
		/** kills that came after a save's rename but before the child printed that it returned */
		final AtomicInteger newerThanReported = new AtomicInteger();
		final AtomicInteger saves = new AtomicInteger();
		final AtomicInteger backups = new AtomicInteger();
	}

	@AfterEach
	void killChildren() {
		synchronized (children) {
			children.forEach(Process::destroyForcibly);
		}
	}

	@Test
	void aSessionKilledWhileSavingIsTheOldOrTheNewVersionAndItsBackupIsWhole() throws Exception {
		// one child that ends normally writes the class data archive every killed child then starts from
		Process warm = child(dir.resolve("warm.mixtree"), 0, dir.resolve("warm.out"), "3");
		assertTrue(warm.waitFor(120, TimeUnit.SECONDS));
		assertEquals(0, warm.exitValue(), () -> text(warm.getErrorStream()));
		long started = System.nanoTime();
		long cpuBefore = cpuNanos();
		Tally tally = new Tally();
		ExecutorService lanes = Executors.newFixedThreadPool(LANES);
		List<Future<?>> done = new ArrayList<>();
		for (int l = 0; l < LANES; l++) {
			int lane = l;
			int kills = KILLS / LANES + (lane < KILLS % LANES ? 1 : 0);
			done.add(lanes.submit(() -> {
				runLane(lane, kills, tally);
				return null;
			}));
		}
		lanes.shutdown();
		for (Future<?> f : done) {
			f.get(900, TimeUnit.SECONDS);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = (cpuNanos() - cpuBefore) / 1e9;
		int strays;
		try (Stream<Path> files = Files.walk(dir)) {
			strays = (int) files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
		}
		System.out.printf(Locale.ROOT,
				"SaveKillTest: %d SIGKILLs in %.1f s wall, %.1f s CPU (this JVM and its children; %d lanes): %d left"
						+ " the session as it was before the child started, %d at a version the child saved (%d of them"
						+ " a save whose return it had not yet reported); %d saves completed; %d .bak files checked;"
						+ " %d stray temporary files left by kills%n",
				tally.kills.get(), seconds, cpu, LANES, tally.unchanged.get(), tally.changed.get(),
				tally.newerThanReported.get(), tally.saves.get(), tally.backups.get(), strays);
		assertEquals(KILLS, tally.kills.get());
		assertTrue(tally.unchanged.get() > 0 && tally.changed.get() > 0,
				"kills landed both before a save's rename and after one (" + tally.unchanged + " / " + tally.changed + ")");
	}

	/** CPU time of this JVM and of its children that ended (Linux: /proc/self/stat utime, stime, cutime, cstime). */
	static long cpuNanos() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
			return ticks * 10_000_000L; // USER_HZ is 100 on Linux
		} catch (IOException | RuntimeException e) {
			return 0;
		}
	}

	void runLane(int lane, int kills, Tally tally) throws Exception {
		Random random = new Random(1234 + lane);
		Path folder = Files.createDirectories(dir.resolve("lane" + lane));
		Path file = folder.resolve("song.mixtree");
		Path bak = SessionStore.backupOf(file);
		SessionStore.save(SaveKillChild.version(0), file);
		long onDisk = 0;
		// the longest delay before a kill, adapted so that a round sees about one save whatever the machine's load
		double window = 40;
		for (int k = 0; k < kills; k++) {
			// its output goes to a file: reading a pipe while the JDK drains it after the kill can fail
			Path output = folder.resolve("child.out");
			Process child = child(file, onDisk + 1, output);
			long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (!Files.readString(output).startsWith("ready\n")) {
				if (!child.isAlive() || System.nanoTime() > giveUp) {
					fail("the saving child did not start: " + Files.readString(output) + " " + text(child.getErrorStream()));
				}
				Thread.sleep(1);
			}
			Thread.sleep((long) (random.nextDouble() * window));
			child.destroyForcibly(); // SIGKILL
			assertTrue(child.waitFor(30, TimeUnit.SECONDS));
			tally.kills.incrementAndGet();
			long last = onDisk;
			for (String line : Files.readAllLines(output)) {
				if (line.startsWith("saved ")) {
					last = Long.parseLong(line.substring(6));
				}
			}
			int saved = (int) (last - onDisk);
			tally.saves.addAndGet(saved);
			window = Math.min(5000, Math.max(5, saved == 0 ? window * 1.3 : saved > 1 ? window * 0.75 : window));
			// killed while saving last + 1: that one or the one before, whole
			long now = versionOf("kill " + k + " of lane " + lane, file, last, last + 1);
			(now == onDisk ? tally.unchanged : tally.changed).incrementAndGet();
			if (now == last + 1) {
				tally.newerThanReported.incrementAndGet();
			}
			if (Files.exists(bak)) {
				versionOf("the .bak after kill " + k + " of lane " + lane, bak, now - 1, now);
				tally.backups.incrementAndGet();
			} else {
				assertEquals(0, now, "a session saved over has a .bak");
			}
			onDisk = now;
		}
	}

	/** Which of {@code candidates} the file is, byte for byte, after checking that the real loader reads it. */
	long versionOf(String when, Path file, long... candidates) throws Exception {
		assertTrue(Files.isRegularFile(file), when + ": " + file + " is missing");
		byte[] bytes = Files.readAllBytes(file);
		Session loaded = SessionStore.load(file); // throws, naming the file, on a half-written one
		for (long n : candidates) {
			if (n >= 0 && Arrays.equals(bytes, expected.computeIfAbsent(n,
					v -> SessionStore.serialize(SaveKillChild.version(v)).getBytes(StandardCharsets.UTF_8)))) {
				assertEquals("v" + n, loaded.getName());
				return n;
			}
		}
		return fail(when + ": " + file + " (" + bytes.length + " bytes, loaded as " + loaded.getName()
				+ ") is none of versions " + Arrays.toString(candidates));
	}

	/**
	 * A plain JVM (no OSGi) running {@link SaveKillChild}. Its class path is one unsigned jar of the classes it
	 * needs, so that the JVM's class data archive (written by the first child that ends normally) holds EMF too:
	 * CDS skips signed jars and class folders, and with it a child starts in about half the CPU time.
	 */
	Process child(Path file, long first, Path output, String... count) throws IOException {
		Path jar = dir.resolve("child.jar");
		synchronized (children) {
			if (!Files.exists(jar)) {
				Set<String> roots = new LinkedHashSet<>();
				for (Class<?> c : List.of(SaveKillChild.class, SessionStore.class, AtomicFiles.class, URI.class,
						EObject.class, XMIResource.class)) {
					roots.add(classRoot(c));
				}
				unsignedJar(jar, roots);
			}
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-XX:+AutoCreateSharedArchive",
				"-XX:SharedArchiveFile=" + dir.resolve("child.jsa"), "-cp", jar.toString(), SaveKillChild.class.getName(),
				file.toString(), Long.toString(first)));
		command.addAll(List.of(count));
		Process p = new ProcessBuilder(command).redirectOutput(output.toFile()).start();
		synchronized (children) {
			children.add(p);
		}
		return p;
	}

	/** Every class and resource of {@code roots} (folders or jars) in one jar, without the jars' signatures. */
	static void unsignedJar(Path jar, Set<String> roots) throws IOException {
		Set<String> written = new HashSet<>();
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			for (String root : roots) {
				Path r = Path.of(root);
				if (Files.isDirectory(r)) {
					try (Stream<Path> files = Files.walk(r)) {
						for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
							String name = r.relativize(f).toString().replace(File.separatorChar, '/');
							if (!name.startsWith("META-INF/") && written.add(name)) {
								out.putNextEntry(new ZipEntry(name));
								Files.copy(f, out);
								out.closeEntry();
							}
						}
					}
				} else {
					try (ZipFile zip = new ZipFile(r.toFile())) {
						for (ZipEntry e : Collections.list(zip.entries())) {
							if (!e.isDirectory() && !e.getName().startsWith("META-INF/") && written.add(e.getName())) {
								out.putNextEntry(new ZipEntry(e.getName()));
								try (InputStream in = zip.getInputStream(e)) {
									in.transferTo(out);
								}
								out.closeEntry();
							}
						}
					}
				}
			}
		}
	}

	/** The folder or jar a class was loaded from. */
	static String classRoot(Class<?> c) {
		try {
			var source = c.getProtectionDomain().getCodeSource();
			assertTrue(source != null && source.getLocation() != null, "no code source for " + c.getName());
			Path p = Path.of(source.getLocation().toURI());
			String classFile = c.getName().replace('.', '/') + ".class";
			if (Files.isDirectory(p) && !Files.exists(p.resolve(classFile))) {
				for (String output : List.of("target/classes", "bin")) {
					if (Files.exists(p.resolve(output).resolve(classFile))) {
						return p.resolve(output).toString();
					}
				}
			}
			return p.toString();
		} catch (URISyntaxException e) {
			throw new AssertionError(e);
		}
	}

	static String text(InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			return "";
		}
	}
}
