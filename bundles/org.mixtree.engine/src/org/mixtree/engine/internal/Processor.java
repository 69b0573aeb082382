package org.mixtree.engine.internal;

import java.util.Locale;

import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;

/**
 * One insert's processor as the engine holds it: the {@link Effect}, the setup it was last prepared for, and its
 * fault state. It has a stable key (channel id, slot, effect id), and a plan compiled with a previous plan takes
 * that plan's processor of the same key, so a rebuild keeps a compressor's envelope and a delay's echoes: the
 * effect is not created again, and not prepared again unless the setup changed.
 * <p>
 * Threads: made and configured by the compiler and prepared by the renderer, off the audio thread;
 * {@link #run} is called on a mixing thread, once per block, never concurrently (one plan plays at a time and
 * the mixer's per-block barrier orders the blocks). A fault is recorded with no allocation (a kind, a number
 * and the throwable the effect already made); the message is built later, off the audio thread, by
 * {@link #fault()}.
 */
final class Processor {

	static final int OK = 0;
	static final int THREW = 1;
	static final int NAN = 2;
	static final int INF = 3;
	static final int SLOW = 4;
	static final int PREPARE_FAILED = 5;

	final String key;
	final Effect effect;
	private ProcessSetup setup;
	/** The state last loaded, so that a rebuild with the same state does not load it again (loading resets). */
	byte[] appliedState;
	/** The files last given ({@code Effect#setFile}), so that a rebuild with other files makes a fresh processor. */
	java.util.Map<String, java.nio.file.Path> appliedFiles = java.util.Map.of();

	private volatile int faultKind;
	private Throwable faultCause;
	private long faultFrame;
	private long faultNanos;
	private long budgetNanos;
	private int faultBlock;
	/** [audio] Consecutive blocks over a real-time budget so far. */
	private int slowRun;
	/** The consecutive slow blocks that faulted it (for the report). */
	private int slowBlocks;
	/** [audio] The thread CPU clock (no allocation per call: a native read of the calling thread's clock). */
	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
			.getThreadMXBean();

	static {
		// links the clock here, on the thread that loads the class: its first call otherwise loads classes and binds
		// a native method on the audio thread, allocating there (seen with JFR in a soak, a minute in, the first
		// time a block ran over its budget)
		CPU.getCurrentThreadCpuTime();
	}

	Processor(String key, Effect effect) {
		this.key = key;
		this.effect = effect;
	}

	/**
	 * [main] Prepares for {@code next} unless already prepared for an equal setup (a rebuild keeps the audio
	 * state). A prepare that throws faults the processor.
	 *
	 * @return whether the processor is usable
	 */
	boolean prepare(ProcessSetup next) {
		if (faultKind != OK) {
			return false;
		}
		if (next.equals(setup)) {
			return true;
		}
		try {
			effect.prepare(next);
			setup = next;
			return true;
		} catch (RuntimeException | LinkageError | AssertionError e) {
			faultKind = PREPARE_FAILED;
			faultCause = e;
			return false;
		}
	}

	/** [any] The effect's latency after prepare; 0 when it failed or reports a negative latency. */
	int latency() {
		if (faultKind == PREPARE_FAILED || setup == null) {
			return 0;
		}
		try {
			return Math.max(0, effect.latencySamples());
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/** [any] The effect's tail after prepare, 0 when it failed. */
	long tail() {
		if (faultKind != OK || setup == null) {
			return 0;
		}
		try {
			return Math.max(0, effect.tailSamples());
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/** [main] Forgets an earlier fault (an offline render starts afresh, so renders are reproducible). */
	void clearFault() {
		faultKind = OK;
		faultCause = null;
		slowRun = 0;
	}

	/** [any] Whether the processor faulted: one volatile read, what a display timer polls. */
	boolean faulted() {
		return faultKind != OK;
	}

	/**
	 * [audio] Processes {@code block} in place. On a throw or a non-finite sample the output is replaced by
	 * {@code dry} (the input delayed by the latency) and the processor is bypassed from then on; a block that
	 * took longer than {@code budget} nanoseconds is kept but the processor is bypassed from the next block.
	 *
	 * @param frame    the timeline frame of the block's start, for the report
	 * @param strikes  consecutive blocks over the budget that fault the processor: 1 offline (wall time); in real
	 *                 time more ({@link BlockMixer#REALTIME_SLOW_BLOCKS}): the first by the wall clock, the rest by
	 *                 the mixing thread's CPU clock, so that a thread descheduled by a busy machine or one page fault
	 *                 does not count
	 */
	void run(ProcessBlock block, float[][] dry, int n, long budget, long frame, int strikes) {
		float[][] audio = block.audio();
		// in real time a block over the budget by the wall clock is a suspicion (the thread may have been descheduled):
		// the following blocks are then timed by the thread's CPU clock (a system call, so only while suspected)
		boolean cpu = strikes > 1 && slowRun > 0;
		long start = cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
		try {
			effect.process(block);
		} catch (Throwable t) {
			fault(THREW, t, frame, 0, budget);
			restore(audio, dry, n);
			return;
		}
		long took = (cpu ? CPU.getCurrentThreadCpuTime() : System.nanoTime()) - start;
		float acc = 0f;
		for (int c = 0; c < audio.length; c++) {
			float[] x = audio[c];
			for (int i = 0; i < n; i++) {
				// x - x is 0 for finite samples and NaN for NaN and infinities
				acc += x[i] - x[i];
			}
		}
		if (acc != acc) {
			boolean isNan = false;
			for (int c = 0; c < audio.length && !isNan; c++) {
				for (int i = 0; i < n; i++) {
					if (Float.isNaN(audio[c][i])) {
						isNan = true;
						break;
					}
				}
			}
			fault(isNan ? NAN : INF, null, frame, 0, budget);
			restore(audio, dry, n);
			return;
		}
		if (budget > 0 && took > budget) {
			if (++slowRun >= strikes) {
				fault(SLOW, null, frame, took, budget);
				faultBlock = n;
				slowBlocks = slowRun;
			}
		} else {
			slowRun = 0;
		}
	}

	private void fault(int kind, Throwable cause, long frame, long nanos, long budget) {
		faultCause = cause;
		faultFrame = frame;
		faultNanos = nanos;
		budgetNanos = budget;
		faultKind = kind;
	}

	private static void restore(float[][] audio, float[][] dry, int n) {
		for (int c = 0; c < audio.length; c++) {
			System.arraycopy(dry[c], 0, audio[c], 0, n);
		}
	}

	/**
	 * [any] What went wrong, for the report, e.g. {@code threw IllegalStateException at 1.280 s}; null when
	 * nothing did. Built on the caller's thread (never the audio thread's): the kind is read first, and the fault's
	 * details were written before it (a volatile write), so they are the ones of that fault.
	 */
	String fault(int sampleRate) {
		int kind = faultKind;
		if (kind == OK) {
			return null;
		}
		String at = String.format(Locale.ROOT, " at %.3f s", (double) faultFrame / sampleRate);
		switch (kind) {
		case THREW:
			return "threw " + faultCause.getClass().getSimpleName() + at;
		case NAN:
			return "output NaN" + at;
		case INF:
			return "output an infinite sample" + at;
		case SLOW:
			return slowBlocks > 1
					? String.format(Locale.ROOT,
							"too slow: %d blocks in a row over their real-time budget (the last took %.1f ms of CPU for"
									+ " a %d-frame block of %.1f ms)%s",
							slowBlocks, faultNanos / 1e6, faultBlock, budgetNanos / 1e6, at)
					: String.format(Locale.ROOT, "took %.0f ms for a %d-frame block (budget %.0f ms)%s",
							faultNanos / 1e6, faultBlock, budgetNanos / 1e6, at);
		case PREPARE_FAILED:
			return "prepare threw " + faultCause.getClass().getSimpleName();
		default:
			return null;
		}
	}

	@Override
	public String toString() {
		return key + (faultKind == OK ? "" : " (faulted)");
	}
}
