package org.mixtree.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs the tasks of one phase of a block on all cores and returns when every task is
 * done: a fork/join barrier per phase that allocates nothing and takes no lock. The calling thread (the
 * coordinator) works too, so {@code threads} threads share the tasks and {@code threads - 1} are started up
 * front. Tasks are claimed through an atomic counter, so a slow reader on one core does not hold the others
 * back; what a task computes must not depend on which thread ran it (each task owns its output buffer).
 * <p>
 * Idle workers spin briefly (a block is short) and then park; the coordinator unparks them for the next phase.
 * {@link #run} is called by one coordinator thread only; {@link #close} by the same thread after the last run.
 */
final class WorkerPool implements AutoCloseable {

	/** One phase's work; {@code index} runs from 0 to the task count given to {@link WorkerPool#run}. */
	@FunctionalInterface
	interface Task {
		void run(int index) throws IOException;
	}

	private static final int SPINS = 20_000;

	private final Thread[] workers;
	private final AtomicInteger next = new AtomicInteger();
	private final AtomicInteger busy = new AtomicInteger();
	private final AtomicReference<Throwable> failure = new AtomicReference<>();
	/** Bumped by the coordinator to start a phase; the write publishes {@link #task} and {@link #count}. */
	private volatile int epoch;
	private volatile boolean closed;
	private Task task;
	private int count;

	/** Starts {@code threads - 1} daemon workers named after {@code name}. */
	WorkerPool(int threads, String name) {
		workers = new Thread[Math.max(0, threads - 1)];
		for (int i = 0; i < workers.length; i++) {
			workers[i] = new Thread(this::work, name + "-" + (i + 1));
			workers[i].setDaemon(true);
			workers[i].start();
		}
	}

	/** @return threads sharing the work, the caller included */
	int threads() {
		return workers.length + 1;
	}

	/**
	 * Runs {@code task} for indices 0 to {@code taskCount - 1} on the pool and the calling thread and returns when
	 * all are done. When a task fails, the remaining unclaimed tasks are skipped and the first failure is
	 * rethrown here.
	 */
	void run(Task phase, int taskCount) throws IOException {
		if (taskCount <= 0) {
			return;
		}
		if (workers.length == 0 || taskCount == 1) {
			for (int i = 0; i < taskCount; i++) {
				phase.run(i);
			}
			return;
		}
		task = phase;
		count = taskCount;
		next.set(0);
		busy.set(workers.length);
		epoch = epoch + 1;
		for (Thread w : workers) {
			LockSupport.unpark(w);
		}
		drain(phase, taskCount);
		int spins = 0;
		while (busy.get() != 0) {
			if (++spins < SPINS) {
				Thread.onSpinWait();
			} else {
				Thread.yield();
			}
		}
		Throwable t = failure.getAndSet(null);
		if (t != null) {
			rethrow(t);
		}
	}

	private void drain(Task phase, int taskCount) {
		int i;
		while ((i = next.getAndIncrement()) < taskCount) {
			try {
				phase.run(i);
			} catch (Throwable t) {
				failure.compareAndSet(null, t);
				next.set(taskCount);
			}
		}
	}

	private void work() {
		int seen = 0;
		while (true) {
			int spins = 0;
			int e;
			while ((e = epoch) == seen && !closed) {
				if (++spins < SPINS) {
					Thread.onSpinWait();
				} else {
					LockSupport.park(this);
				}
			}
			if (closed) {
				return;
			}
			seen = e;
			drain(task, count);
			busy.decrementAndGet();
		}
	}

	private static void rethrow(Throwable t) throws IOException {
		if (t instanceof IOException io) {
			throw io;
		}
		if (t instanceof RuntimeException r) {
			throw r;
		}
		if (t instanceof Error err) {
			throw err;
		}
		throw new UncheckedIOException(new IOException(t));
	}

	/** Stops the workers and waits for them. */
	@Override
	public void close() {
		closed = true;
		for (Thread w : workers) {
			LockSupport.unpark(w);
		}
		for (Thread w : workers) {
			try {
				w.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
