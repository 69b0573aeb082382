package org.mixtree.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The frames of one tapped channel: a stereo ring the thread that mixes the channel writes each block into
 * (after the channel's inserts, fader and pan: what its meter reads) and readers copy from, each with a cursor of
 * its own ({@link org.mixtree.engine.realtime.Tap}).
 * <p>
 * Why not a queue with a read index the writer respects: the audio thread must never wait for a view, so it
 * never looks at readers at all. It overwrites the oldest frames; a reader finds out afterwards whether what it
 * copied was overwritten meanwhile, as a seqlock reader does ({@link org.mixtree.engine.meter.MeterSlot}): the
 * writer first announces how far it is about to write ({@code claimed}), then writes, then publishes
 * ({@code written}); a reader copies, fences, and re-reads {@code claimed}: every frame older than
 * {@code claimed - capacity} may have been overwritten during the copy and is counted as lost.
 * <p>
 * Thread rules: {@link #write} by one thread at a time (the one mixing the channel, a worker or the audio thread;
 * blocks are ordered by the mixer's per-block barrier), allocation- and lock-free. {@link #copy}, {@link #written}
 * and {@link #claimed}: any thread. Made by {@link TapBoard} on [main].
 */
public final class TapRing {
	/** Strips are stereo ({@link org.mixtree.engine.meter.MeterBank#STRIP_CHANNELS}). */
	public static final int CHANNELS = 2;

	private static final VarHandle WRITTEN;
	private static final VarHandle CLAIMED;

	static {
		try {
			WRITTEN = MethodHandles.lookup().findVarHandle(TapRing.class, "written", long.class);
			CLAIMED = MethodHandles.lookup().findVarHandle(TapRing.class, "claimed", long.class);
		} catch (ReflectiveOperationException e) {
			throw new ExceptionInInitializerError(e);
		}
	}

	private final String channelId;
	private final int sampleRate;
	private final float[][] data;
	private final int capacity;
	private final int mask;
	@SuppressWarnings("unused") // through WRITTEN
	private volatile long written;
	@SuppressWarnings("unused") // through CLAIMED
	private volatile long claimed;
	/** The writer's own copy of {@link #written}. */
	private long position;
	/** Readers holding the ring ({@link TapBoard}'s lock). */
	int readers;

	/** @param capacity frames held, rounded up to a power of two */
	TapRing(String channelId, int sampleRate, int capacity) {
		this.channelId = channelId;
		this.sampleRate = sampleRate;
		this.capacity = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
		this.mask = this.capacity - 1;
		this.data = new float[CHANNELS][this.capacity];
	}

	/** @return the id of the channel tapped */
	public String channelId() {
		return channelId;
	}

	/** @return the plan's rate, Hz */
	public int sampleRate() {
		return sampleRate;
	}

	/** @return frames held (a power of two) */
	public int capacity() {
		return capacity;
	}

	/** [any] @return frames published since the ring was made */
	public long written() {
		return (long) WRITTEN.getAcquire(this);
	}

	/**
	 * [any] After a {@link #copy}: how far the writer has announced writing; frames before {@code claimed() -
	 * capacity()} may have been overwritten during that copy.
	 */
	public long claimed() {
		VarHandle.loadLoadFence();
		return (long) CLAIMED.getAcquire(this);
	}

	/** [the thread mixing the channel] Appends {@code buf[c][0 .. n)}, c in 0..1 (a mono buffer fills both). */
	public void write(float[][] buf, int n) {
		long start = position;
		long end = start + n;
		CLAIMED.setOpaque(this, end);
		// the claim must be visible before any frame changes
		VarHandle.storeStoreFence();
		int skip = n > capacity ? n - capacity : 0;
		for (int c = 0; c < CHANNELS; c++) {
			float[] src = buf[Math.min(c, buf.length - 1)];
			float[] dst = data[c];
			int at = (int) ((start + skip) & mask);
			int count = n - skip;
			int first = Math.min(count, capacity - at);
			System.arraycopy(src, skip, dst, at, first);
			if (first < count) {
				System.arraycopy(src, skip + first, dst, 0, count - first);
			}
		}
		position = end;
		WRITTEN.setRelease(this, end);
	}

	/**
	 * [any] Copies frames {@code [from, from + count)} (absolute frame numbers) into {@code into[c][at ..]} for each
	 * {@code c < min(into.length, 2)}. Check {@link #claimed()} afterwards: see the class comment.
	 */
	public void copy(long from, int count, float[][] into, int at) {
		for (int c = 0; c < CHANNELS && c < into.length; c++) {
			float[] src = data[c];
			int i = (int) (from & mask);
			int first = Math.min(count, capacity - i);
			System.arraycopy(src, i, into[c], at, first);
			if (first < count) {
				System.arraycopy(src, 0, into[c], at + first, count - first);
			}
		}
	}
}
