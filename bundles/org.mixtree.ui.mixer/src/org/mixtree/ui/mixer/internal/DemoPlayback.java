package org.mixtree.ui.mixer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.demo.DemoMultitrack;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.AudioBackends;
import org.mixtree.session.LiveSession;

/**
 * The demo session playing in this process for {@link ConsoleBenchmark}: the demo multitrack ({@link DemoMultitrack},
 * what {@code mixtree demo} synthesizes) written into a folder, grouped top-down by the shipped rules as {@code new
 * --group auto} does, saved there and played in a loop by a {@link LiveSession} on the installed back ends (JACK when
 * a server runs, else Java Sound), as the workbench plays it. The demo's static mix (levels and pan) is the CLI's and
 * is not applied: it changes no CPU figure.
 * <p>
 * [model] The thread that makes it owns the session (the UI thread in the benchmark).
 */
final class DemoPlayback implements AutoCloseable {
	final AdapterFactoryEditingDomain domain;
	final Session session;
	final Path file;
	final LiveSession live;
	private final Path temporary;

	private DemoPlayback(AdapterFactoryEditingDomain domain, Session session, Path file, LiveSession live, Path temporary) {
		this.domain = domain;
		this.session = session;
		this.file = file;
		this.live = live;
		this.temporary = temporary;
	}

	/** Thrown with one line saying why the demo does not play. */
	static final class NotPlaying extends Exception {
		private static final long serialVersionUID = 1L;

		NotPlaying(String message) {
			super(message);
		}
	}

	/**
	 * Writes the demo into {@code dir} (its stems kept from an earlier run when all are there), or into a temporary
	 * folder deleted at {@link #close} when {@code dir} is null, and plays it in a loop from the start.
	 *
	 * @param bufferFrames the device's buffer (the workbench's default: 256)
	 * @throws NotPlaying when no device could play it (the session closed, the temporary folder deleted)
	 */
	static DemoPlayback start(Path dir, int bufferFrames) throws IOException, NotPlaying {
		Path temporary = dir == null ? Files.createTempDirectory("mixtree-consolebench-") : null;
		Path root = dir == null ? temporary : dir;
		Path stems = root.resolve("stems");
		int rate = 48000;
		List<Path> paths = new ArrayList<>();
		for (String name : DemoMultitrack.stemNames()) {
			paths.add(stems.resolve(name));
		}
		if (!paths.stream().allMatch(Files::isRegularFile)) {
			paths = DemoMultitrack.write(stems, rate);
		}
		Path file = root.resolve("demo.mixtree");
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, file, "demo", rate);
		List<SessionBuilder.Stem> sources = new ArrayList<>();
		for (Path p : paths) {
			sources.add(new SessionBuilder.Stem(SessionStore.relativeSource(p, file), AudioFiles.info(p).channels()));
		}
		SessionCommands.execute(domain,
				SessionBuilder.populate(domain, session, sources, GroupingMode.AUTO, GroupingRules.defaults()));
		try {
			SessionStore.save(session, file);
		} catch (org.mixtree.model.persistence.SessionFileException e) {
			throw new IOException(e.getMessage(), e);
		}
		AtomicReference<String> problem = new AtomicReference<>();
		LiveSession live = LiveSession.open(session, file, domain, AudioBackends.installed(), null, bufferFrames);
		live.onProblem(m -> problem.compareAndSet(null, m));
		DemoPlayback d = new DemoPlayback(domain, session, file, live, temporary);
		live.setLoop(0, (long) DemoMultitrack.SECONDS * rate);
		live.play();
		try {
			// opening makes the player rehearse the mix (about a second of CPU, far longer on a loaded machine); play
			// waits for the read-ahead
			boolean ready = live.awaitIdle(60_000);
			long start = live.position(), end = System.currentTimeMillis() + 3000;
			while (ready && !live.failed() && live.position() == start && System.currentTimeMillis() < end) {
				Thread.sleep(20);
			}
			if (!ready || live.failed() || live.position() == start) {
				d.close();
				String why = problem.get() != null ? problem.get()
						: !ready ? "the device did not open within 60 s" : "the transport did not move within 3 s";
				throw new NotPlaying(why);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			d.close();
			throw new NotPlaying("interrupted");
		}
		return d;
	}

	@Override
	public void close() {
		live.close();
		if (temporary != null) {
			try (Stream<Path> all = Files.walk(temporary)) {
				for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			} catch (IOException e) {
				// a temporary folder left behind is harmless
			}
		}
	}
}
