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
	 * @param frame the timeline frame of the block's start, for the report
	 */
	void run(ProcessBlock block, float[][] dry, int n, long budget, long frame) {
		float[][] audio = block.audio();
		long start = System.nanoTime();
		try {
			effect.process(block);
		} catch (Throwable t) {
			fault(THREW, t, frame, 0, budget);
			restore(audio, dry, n);
			return;
		}
		long took = System.nanoTime() - start;
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
			fault(SLOW, null, frame, took, budget);
			faultBlock = n;
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
			return String.format(Locale.ROOT, "took %.0f ms for a %d-frame block (budget %.0f ms)%s", faultNanos / 1e6,
					faultBlock, budgetNanos / 1e6, at);
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
