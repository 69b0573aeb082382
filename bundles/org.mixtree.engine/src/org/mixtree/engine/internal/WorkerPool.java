package org.mixtree.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool that runs the tasks of one phase of a block on all cores and returns when every task is
 * done: a fork/join barrier per phase that allocates nothing and takes no lock. The calling thread (the
 * coordinator) works too, so {@code threads} threads share the tasks and {@code threads - 1} are started up
 * front. Each thread owns a contiguous range of the task indices and works through it first, so a task (and the
 * buffers and reader state it touches) stays on the same core from block to block; a thread that runs out
 * steals from the others' ranges through the same atomic cursors, so a slow core does not hold the block back.
 * What a task computes must not depend on which thread ran it.
 * <p>
 * Waiting threads spin briefly (a phase is tens of microseconds) and then park, so that a machine shared with
 * other processes is not burnt by spinning against a descheduled thread: the coordinator unparks the workers to
 * start a phase, and the last worker to finish unparks the coordinator if it parked. Parking and unparking
 * allocate nothing.
 * <p>
 * {@link #run} is called by one coordinator thread only; {@link #close} by the same thread after the last run.
 */
final class WorkerPool implements AutoCloseable {

	/** One phase's work; {@code index} runs from 0 to the task count given to {@link WorkerPool#run}. */
	@FunctionalInterface
	interface Task {
		void run(int index) throws IOException;
	}

	/** About 50 to 100 microseconds of {@link Thread#onSpinWait()} before parking. */
	private static final int SPINS = 2_000;
	/** Ints per cursor slot: 64 bytes. */
	private static final int STRIDE = 16;

	private final Thread[] workers;
	/** Cursor of each thread's range, one per 64 bytes so that cursors do not share a cache line. */
	private final AtomicIntegerArray cursor;
	/** End (exclusive) of each thread's range; written before the phase is published. */
	private final int[] rangeEnd;
	private final AtomicInteger busy = new AtomicInteger();
	private final AtomicReference<Throwable> failure = new AtomicReference<>();
	/** Bumped by the coordinator to start a phase; the write publishes {@link #task} and {@link #count}. */
	private volatile int epoch;
	private volatile boolean closed;
	/** Set by the coordinator before it parks waiting for the workers. */
	private volatile boolean coordinatorParked;
	private Thread coordinator;
	private Task task;
	private int count;

	/** Starts {@code threads - 1} daemon workers named after {@code name}. */
	WorkerPool(int threads, String name) {
		workers = new Thread[Math.max(0, threads - 1)];
		cursor = new AtomicIntegerArray((workers.length + 1) * STRIDE);
		rangeEnd = new int[workers.length + 1];
		for (int i = 0; i < workers.length; i++) {
			int id = i + 1;
			workers[i] = new Thread(() -> work(id), name + "-" + id);
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
		coordinator = Thread.currentThread();
		task = phase;
		count = taskCount;
		int threads = workers.length + 1;
		for (int t = 0; t < threads; t++) {
			cursor.set(t * STRIDE, (int) ((long) taskCount * t / threads));
			rangeEnd[t] = (int) ((long) taskCount * (t + 1) / threads);
		}
		busy.set(workers.length);
		epoch = epoch + 1;
		for (Thread w : workers) {
			LockSupport.unpark(w);
		}
		drain(phase, 0);
		int spins = 0;
		while (busy.get() != 0) {
			if (++spins < SPINS) {
				Thread.onSpinWait();
			} else {
				coordinatorParked = true;
				if (busy.get() != 0) {
					LockSupport.park(this);
				}
				coordinatorParked = false;
			}
		}
		Throwable t = failure.getAndSet(null);
		if (t != null) {
			rethrow(t);
		}
	}

	/** Runs the tasks of thread {@code self}'s range, then steals from the other ranges. */
	private void drain(Task phase, int self) {
		int threads = rangeEnd.length;
		for (int k = 0; k < threads; k++) {
			int owner = (self + k) % threads;
			int end = rangeEnd[owner];
			int i;
			while ((i = cursor.getAndIncrement(owner * STRIDE)) < end) {
				try {
					phase.run(i);
				} catch (Throwable t) {
					failure.compareAndSet(null, t);
					for (int o = 0; o < threads; o++) {
						cursor.set(o * STRIDE, rangeEnd[o]);
					}
				}
			}
		}
	}

	private void work(int self) {
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
			drain(task, self);
			if (busy.decrementAndGet() == 0 && coordinatorParked) {
				LockSupport.unpark(coordinator);
			}
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
