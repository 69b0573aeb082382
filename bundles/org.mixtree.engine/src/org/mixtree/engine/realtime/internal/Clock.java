package org.mixtree.engine.realtime.internal;

/**
 * The play counter the audio thread shares with the prefetch rings and the disk thread. A <em>generation</em>
 * starts at each locate or loop change; within one, the counter {@code p} counts mixed frames from 0 and only
 * grows, and frame {@code p} plays timeline frame {@link #timeline}{@code (p)} (the loop unrolled). Rings are
 * indexed by {@code p}, so a loop's wrap is just more frames ahead for the disk thread, and the audio thread never
 * reads backwards.
 * <p>
 * Writes: the audio thread only. {@link #blockStart} and {@link #gen} are plain: the mixer's workers read them
 * after the worker pool's volatile phase start. The disk thread reads {@link #published} (volatile) and then the
 * generation's descriptor, and checks the generation again after.
 */
public final class Clock {
	static final int GEN_SHIFT = 40;
	static final long COUNTER_MASK = (1L << GEN_SHIFT) - 1;

	/** [audio] Play counter at the start of the block being mixed. */
	public long blockStart;
	/** [audio] Current generation. */
	public int gen;
	/** Generation and counter at the start of the current block: what the disk thread may not overwrite. */
	private volatile long published;
	/** Per generation (mod 4): the start frame and the loop; written before the generation is published. */
	private final long[] start = new long[4];
	private final long[] loopStart = new long[4];
	private final long[] loopEnd = new long[4];

	/** [audio] Starts a generation at timeline {@code frame} with loop {@code [a, b)} (b &lt;= a: none). */
	public void begin(long frame, long a, long b) {
		int g = gen + 1;
		start[g & 3] = frame;
		loopStart[g & 3] = a;
		loopEnd[g & 3] = b;
		gen = g;
		blockStart = 0;
		publish();
	}

	/** [audio] Publishes {@link #blockStart}: the disk thread may fill up to it plus a ring's capacity. */
	public void publish() {
		published = ((long) gen << GEN_SHIFT) | blockStart;
	}

	/** [any] @return the published generation and counter, packed */
	public long published() {
		return published;
	}

	static int genOf(long packed) {
		return (int) (packed >>> GEN_SHIFT);
	}

	static long counterOf(long packed) {
		return packed & COUNTER_MASK;
	}

	/** [disk] Descriptor of generation {@code g}: {start, loopStart, loopEnd}; check {@link #published} after. */
	void descriptor(int g, long[] into) {
		into[0] = start[g & 3];
		into[1] = loopStart[g & 3];
		into[2] = loopEnd[g & 3];
	}

	/** [audio] @return the current generation's start frame, loop start and loop end */
	public long start() {
		return start[gen & 3];
	}

	public long loopStart() {
		return loopStart[gen & 3];
	}

	public long loopEnd() {
		return loopEnd[gen & 3];
	}

	/** @return the timeline frame played at counter {@code p} of a generation started at {@code f0}, loop [a, b) */
	public static long timeline(long p, long f0, long a, long b) {
		if (b <= a || f0 >= b || p < b - f0) {
			return f0 + p;
		}
		return a + (p - (b - f0)) % (b - a);
	}
}
