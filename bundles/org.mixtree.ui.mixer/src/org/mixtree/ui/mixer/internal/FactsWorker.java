package org.mixtree.ui.mixer.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Display;
import org.mixtree.engine.GraphDescription;
import org.mixtree.session.MixFacts;

/**
 * Answers who is heard and each bus's latency off the UI thread: the graph is described on the UI thread (it reads
 * the model), compiled on one worker thread (it creates effects and reads source headers), and the answer comes
 * back with {@link Display#asyncExec}. Only the newest request's answer is delivered: edits faster than compiles
 * skip the stale ones.
 */
public final class FactsWorker {
	private final Display display;
	private final Consumer<MixFacts> deliver;
	private final AtomicLong generation = new AtomicLong();
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "mixtree-console-facts");
		t.setDaemon(true);
		return t;
	});

	public FactsWorker(Display display, Consumer<MixFacts> deliver) {
		this.display = display;
		this.deliver = deliver;
	}

	/** [UI] Asks again for {@code graph}; supersedes any request not yet answered. */
	public void request(GraphDescription graph) {
		long g = generation.incrementAndGet();
		worker.execute(() -> {
			if (generation.get() != g) {
				return;
			}
			MixFacts facts = MixFacts.of(graph);
			if (!display.isDisposed()) {
				display.asyncExec(() -> {
					if (generation.get() == g) {
						deliver.accept(facts);
					}
				});
			}
		});
	}

	/** [UI] @return whether the newest request has been answered (tests wait for it) */
	public long generation() {
		return generation.get();
	}

	public void dispose() {
		generation.incrementAndGet();
		worker.shutdownNow();
	}
}
