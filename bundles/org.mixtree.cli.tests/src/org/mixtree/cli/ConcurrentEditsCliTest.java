package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionLock;
import org.mixtree.model.persistence.SessionStore;

/**
 * Commands run at the same time on one session lose no change: eight {@code set}s on eight tracks, as threads of
 * one JVM and as eight processes (plain JVMs running the real command line, {@link CliChild}); a writer that
 * finds the session locked for longer than the bound refuses with one line and leaves the file as it was; a
 * killed holder blocks nobody.
 */
class ConcurrentEditsCliTest {

	@TempDir
	Path dir;
	Path session;
	final List<Process> children = new ArrayList<>();
	String savedWait;

	static final int TRACKS = 8;

	@BeforeEach
	void session() throws IOException {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		float[][] x = new float[1][480];
		for (int t = 1; t <= TRACKS; t++) {
			try (WavWriter w = new WavWriter(stems.resolve("t" + t + ".wav"), 1, 48000, SampleFormat.F32, 1)) {
				w.write(x, 0, x[0].length);
			}
		}
		session = dir.resolve("song.mixtree");
		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		savedWait = System.getProperty(SessionLock.WAIT_PROPERTY);
	}

	@AfterEach
	void cleanUp() throws InterruptedException {
		for (Process p : children) {
			p.destroyForcibly();
			p.waitFor(10, TimeUnit.SECONDS);
		}
		if (savedWait == null) {
			System.clearProperty(SessionLock.WAIT_PROPERTY);
		} else {
			System.setProperty(SessionLock.WAIT_PROPERTY, savedWait);
		}
	}

	/** Every track's gain as saved. */
	double[] gains() throws IOException {
		Session s = SessionStore.load(session);
		double[] g = new double[TRACKS + 1];
		for (int t = 1; t <= TRACKS; t++) {
			g[t] = ChannelAddress.track(s, "t" + t).getGainDb();
		}
		return g;
	}

	void assertEveryChangeSaved() throws IOException {
		double[] g = gains();
		for (int t = 1; t <= TRACKS; t++) {
			assertEquals(-t, g[t], 0.0, "track:t" + t + " gain: every one of the " + TRACKS + " changes is in the file");
		}
	}

	@Test
	void eightSetsAtOnceInOneJvmLoseNoChange() throws Exception {
		for (int round = 0; round < 3; round++) {
			CliEndToEndTest.ok("new", session.toString(), "--stems", dir.resolve("stems").toString(), "--group", "flat",
					"--force");
			CyclicBarrier start = new CyclicBarrier(TRACKS);
			List<CompletableFuture<CliEndToEndTest.Result>> runs = new ArrayList<>();
			for (int t = 1; t <= TRACKS; t++) {
				String[] args = { "set", session.toString(), "track:t" + t, "gain=-" + t };
				runs.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await(30, TimeUnit.SECONDS);
					} catch (Exception e) {
						throw new AssertionError(e);
					}
					return CliEndToEndTest.cli(args);
				}, r -> new Thread(r).start()));
			}
			for (CompletableFuture<CliEndToEndTest.Result> run : runs) {
				CliEndToEndTest.Result r = run.get(60, TimeUnit.SECONDS);
				assertEquals(0, r.code(), r.err());
			}
			assertEveryChangeSaved();
		}
	}

	@Test
	void eightSetsAtOnceInEightProcessesLoseNoChange() throws Exception {
		List<Process> sets = new ArrayList<>();
		for (int t = 1; t <= TRACKS; t++) {
			sets.add(child(List.of("-D" + SessionLock.WAIT_PROPERTY + "=120"), "cli", "set", session.toString(), "track:t" + t,
					"gain=-" + t));
		}
		for (Process p : sets) {
			assertTrue(p.waitFor(180, TimeUnit.SECONDS), "a set did not finish");
			String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertEquals(0, p.exitValue(), err);
		}
		assertEveryChangeSaved();
	}

	@Test
	void aSessionLockedLongerThanTheBoundIsRefusedWithOneLineAndLeftAsItWas() throws Exception {
		byte[] before = Files.readAllBytes(session);
		hold(session);
		System.setProperty(SessionLock.WAIT_PROPERTY, "0.5");
		for (String[] command : List.of(new String[] { "set", session.toString(), "track:t1", "gain=-6" },
				new String[] { "bus", "add", session.toString(), "Drums" },
				new String[] { "send", "add", session.toString(), "track:t1", "bus:t2" },
				new String[] { "insert", "add", session.toString(), "track:t1", "org.mixtree.eq" })) {
			long start = System.nanoTime();
			CliEndToEndTest.Result r = CliEndToEndTest.cli(command);
			double waited = (System.nanoTime() - start) / 1e9;
			assertEquals(1, r.code(), String.join(" ", command) + ": " + r.err());
			assertEquals("mixtree: " + session.toAbsolutePath()
					+ ": another mixtree command has been changing this session for 0.5 s; try again\n", r.err(),
					String.join(" ", command));
			assertEquals("", r.out());
			assertTrue(waited >= 0.5, "waited " + waited + " s");
			assertArrayEquals(before, Files.readAllBytes(session));
		}
		// new --force replaces a session: it waits for the lock too
		CliEndToEndTest.Result r = CliEndToEndTest.cli("new", session.toString(), "--stems", dir.resolve("stems").toString(),
				"--force");
		assertEquals(1, r.code(), r.err());
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	@Test
	void aKilledHolderDoesNotBlockTheNextCommand() throws Exception {
		Process holder = hold(session);
		System.setProperty(SessionLock.WAIT_PROPERTY, "0.3");
		assertEquals(1, CliEndToEndTest.cli("set", session.toString(), "track:t1", "gain=-1").code(), "held");
		holder.destroyForcibly(); // SIGKILL: the holder never closes its lock
		assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
		CliEndToEndTest.ok("set", session.toString(), "track:t1", "gain=-1");
		assertEquals(-1, gains()[1], 0.0);
	}

	@Test
	void aMistypedSessionLeavesNoLockFile() throws Exception {
		Path missing = dir.resolve("sogn.mixtree");
		CliEndToEndTest.Result r = CliEndToEndTest.cli("set", missing.toString(), "track:t1", "gain=-1");
		assertEquals(1, r.code());
		assertEquals("mixtree: " + missing + ": no such session file\n", r.err());
		assertTrue(Files.notExists(dir.resolve(".sogn.mixtree.lock")));
	}

	/** A second process that holds the session's lock until killed; returns once it holds it. */
	Process hold(Path file) throws IOException {
		Process p = child(List.of(), "hold", file.toString());
		String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
		assertEquals("locked", line, () -> "the holder did not start: " + text(p.getErrorStream()));
		return p;
	}

	/**
	 * A plain JVM (no OSGi) running {@link CliChild} with the class folders and jars of the bundles this test runs
	 * with on its class path, found from where their classes were loaded.
	 */
	Process child(List<String> jvmOptions, String... args) throws IOException {
		Path own = dir.resolve("child-classes");
		Path main = own.resolve(CliChild.class.getName().replace('.', '/') + ".class");
		if (!Files.exists(main)) {
			try (InputStream in = CliChild.class.getResourceAsStream("CliChild.class")) {
				Files.createDirectories(main.getParent());
				Files.copy(in, main);
			}
		}
		Set<String> path = new LinkedHashSet<>();
		path.add(own.toString());
		for (Class<?> c : List.of(Cli.class, SessionStore.class, SessionEditing.class, WavWriter.class,
				org.mixtree.engine.GraphException.class, org.mixtree.dsp.TpdfDither.class,
				org.mixtree.effects.api.EffectDescriptor.class, org.mixtree.session.SessionGraph.class, URI.class,
				EObject.class, XMIResource.class, EditingDomain.class, picocli.CommandLine.class)) {
			path.add(classRoot(c));
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", String.join(File.pathSeparator, path), CliChild.class.getName()));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).start();
		children.add(p);
		return p;
	}

	/** The folder or jar a class was loaded from. */
	static String classRoot(Class<?> c) {
		try {
			var source = c.getProtectionDomain().getCodeSource();
			assertTrue(source != null && source.getLocation() != null, "no code source for " + c.getName());
			Path p = Path.of(source.getLocation().toURI());
			String classFile = c.getName().replace('.', '/') + ".class";
			if (Files.isDirectory(p) && !Files.exists(p.resolve(classFile))) {
				// a bundle folder in the workspace: its classes are in the output folder
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
