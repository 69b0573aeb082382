package org.mixtree.views.graph.internal;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.mixtree.engine.GraphDescription;
import org.mixtree.model.Session;
import org.mixtree.session.MixFacts;
import org.mixtree.session.SessionGraph;

/**
 * Who is heard and why not, as the console knows it ({@link MixFacts#silentBecause}, the engine's own answer): the
 * graph is described on the UI thread (it reads the model), compiled on one worker thread, and the newest answer
 * comes back with {@link Display#asyncExec}.
 */
public final class Facts {
	private final Display display;
	private final Consumer<MixFacts> deliver;
	private final AtomicLong generation = new AtomicLong();
	private volatile long answered;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-graph-facts");
		t.setDaemon(true);
		return t;
	});

	public Facts(Display display, Consumer<MixFacts> deliver) {
		this.display = display;
		this.deliver = deliver;
	}

	/** [UI] Asks again; supersedes a request not answered yet. A session not saved yet has no facts. */
	public void request(Session session, Path file) {
		long g = generation.incrementAndGet();
		if (file == null) {
			answered = g;
			return;
		}
		GraphDescription graph;
		try {
			graph = SessionGraph.describe(session, file);
		} catch (RuntimeException e) {
			answered = g;
			deliver.accept(new MixFacts(java.util.Map.of(), java.util.Map.of(), e.getMessage(), java.util.List.of()));
			return;
		}
		worker.execute(() -> {
			if (generation.get() != g) {
				return;
			}
			MixFacts facts = MixFacts.of(graph);
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (generation.get() == g) {
						answered = g;
						deliver.accept(facts);
					}
				});
			}
		});
	}

	/** [UI] @return whether a request is not answered yet (tests wait for it) */
	public boolean pending() {
		return answered != generation.get();
	}

	public void dispose() {
		generation.incrementAndGet();
		worker.shutdownNow();
	}
}
