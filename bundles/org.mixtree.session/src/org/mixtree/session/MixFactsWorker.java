package org.mixtree.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.mixtree.engine.GraphDescription;

/**
 * Who is heard and why not, and each bus's latency ({@link MixFacts}, the engine's own answer), worked out off the
 * caller's thread for a view that shows them (the console, the routing tree and graph): the graph is described on
 * the caller's thread (it reads the model), compiled on one worker thread of this object's (it creates effects and
 * reads source headers), and the answer is handed to {@code deliver} through {@code deliverOn} (a UI's
 * {@code asyncExec}). Only the newest request's answer is delivered: edits faster than compiles skip the stale ones.
 * <p>
 * Threads: {@link #request}, {@link #dispose} [caller, the UI thread]; {@link #pending} [any].
 */
public final class MixFactsWorker {
	private final Executor deliverOn;
	private final Consumer<MixFacts> deliver;
	private final AtomicLong generation = new AtomicLong();
	private volatile long answered;
	private final ExecutorService worker;

	/**
	 * @param threadName the worker thread's name ({@code mixtree-...-facts})
	 * @param deliverOn  runs the delivery on the thread that owns the view (e.g. {@code display::asyncExec}); it is
	 *                   not called once {@link #dispose} has been
	 * @param deliver    [the deliverOn thread] takes the newest answer
	 */
	public MixFactsWorker(String threadName, Executor deliverOn, Consumer<MixFacts> deliver) {
		this.deliverOn = deliverOn;
		this.deliver = deliver;
		this.worker = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, threadName);
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * [caller] Asks again; supersedes a request not answered yet. {@code describe} runs here, on the caller's thread;
	 * when it returns null (a session not saved yet) there is nothing to answer; when it throws, the answer is a
	 * {@link MixFacts} that carries its message, delivered at once on this thread.
	 */
	public void request(Supplier<GraphDescription> describe) {
		long g = generation.incrementAndGet();
		GraphDescription graph;
		try {
			graph = describe.get();
		} catch (RuntimeException e) {
			answered = g;
			deliver.accept(new MixFacts(Map.of(), Map.of(), e.getMessage(), List.of()));
			return;
		}
		if (graph == null) {
			answered = g;
			return;
		}
		worker.execute(() -> {
			if (generation.get() != g) {
				return;
			}
			MixFacts facts = MixFacts.of(graph);
			if (generation.get() == g) {
				deliverOn.execute(() -> {
					if (generation.get() == g) {
						answered = g;
						deliver.accept(facts);
					}
				});
			}
		});
	}

	/**
	 * [caller] Asks again for the mix of {@code session} saved as {@code file}, described with the effects
	 * installed; a session not saved yet ({@code file} null) has no facts.
	 */
	public void request(org.mixtree.model.Session session, java.nio.file.Path file) {
		request(() -> file == null ? null : SessionGraph.describe(session, file));
	}

	/** [any] @return whether the newest request is not answered yet (tests wait for it) */
	public boolean pending() {
		return answered != generation.get();
	}

	/** [caller] Drops any answer still to come and ends the worker thread. */
	public void dispose() {
		generation.incrementAndGet();
		answered = generation.get();
		worker.shutdownNow();
	}
}
