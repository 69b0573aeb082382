package org.mixtree.engine.meter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of doubles published by one writer (the audio thread) to any number of readers (UI timers) through
 * a sequence lock: the writer never waits, allocates or retries, and a reader never sees a torn set.
 * <p>
 * Why a seqlock rather than a queue or a lock: a meter only needs the latest values, the writer must never block
 * (DESIGN.md, real-time rules), and readers are rare (30 to 60 Hz) against writes at block rate, so a reader that
 * happens to overlap a write simply reads again. Against a triple buffer it also allows several readers (a mixer
 * view and a loudness panel may both poll the master).
 * <p>
 * Protocol: the sequence is even when the values are stable. The writer makes it odd, writes, then makes it even
 * again (release); a reader reads the sequence (acquire), copies the values, fences, and re-reads the sequence;
 * if it was odd or has changed, the copy may mix two writes and is retried. Values are accessed through an
 * opaque array {@link VarHandle}, so even a retried read never sees half a double.
 * <p>
 * Thread rules: {@link #beginWrite}, {@link #set} and {@link #endWrite} from one thread only (the producer);
 * {@link #read} from any thread.
 */
public final class MeterSlot {
	private static final VarHandle SEQ;
	private static final VarHandle VALUES = MethodHandles.arrayElementVarHandle(double[].class);

	static {
		try {
			SEQ = MethodHandles.lookup().findVarHandle(MeterSlot.class, "sequence", long.class);
		} catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final double[] values;
	@SuppressWarnings("unused") // accessed through SEQ
	private volatile long sequence;
	/** The writer's own copy of the sequence: only the writer changes it, so it needs no memory ordering. */
	private long written;

	/** @param size number of values */
	public MeterSlot(int size) {
		this.values = new double[size];
	}

	/** @return number of values */
	public int size() {
		return values.length;
	}

	/** Starts a write: readers from now on retry until {@link #endWrite()}. [producer] */
	public void beginWrite() {
		written++;
		SEQ.setOpaque(this, written);
		// the odd sequence must be visible before any value changes
		VarHandle.storeStoreFence();
	}

	/** Sets one value; only between {@link #beginWrite()} and {@link #endWrite()}. [producer] */
	public void set(int index, double value) {
		VALUES.setOpaque(values, index, value);
	}

	/** Publishes the values set since {@link #beginWrite()}. [producer] */
	public void endWrite() {
		written++;
		SEQ.setRelease(this, written);
	}

	/**
	 * Copies a consistent set of values into {@code into[0 .. size())}, waiting (spinning) only while a write is
	 * under way, which lasts a few dozen nanoseconds. Allocates nothing. [any thread]
	 *
	 * @return the sequence number of the copied set (even; grows by 2 per write), 0 before the first write
	 */
	public long read(double[] into) {
		for (;;) {
			long before = (long) SEQ.getAcquire(this);
			if ((before & 1L) == 0L) {
				for (int i = 0; i < values.length; i++) {
					into[i] = (double) VALUES.getOpaque(values, i);
				}
				// the copies must complete before the sequence is checked again
				VarHandle.loadLoadFence();
				long after = (long) SEQ.getOpaque(this);
				if (after == before) {
					return before;
				}
			}
			Thread.onSpinWait();
		}
	}
}
