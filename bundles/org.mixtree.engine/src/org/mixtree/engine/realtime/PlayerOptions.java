package org.mixtree.engine.realtime;

/**
 * How a {@link Player} is set up. Immutable.
 *
 * @param prefetchSeconds   seconds of audio each source's prefetch ring holds ahead of the play position (at
 *                          least 1): what a slow disk may lag before a stem plays silence
 * @param workerThreads     threads mixing each callback, the audio thread included (1: the audio thread alone);
 *                          independent subtrees run in parallel on them
 * @param measureAllocation whether the audio thread samples its own allocation counter after each callback
 *                          ({@link PlayerStats#audioThreadAllocatedBytes()}); costs a few hundred nanoseconds
 * @param warmUpBlocks      blocks of the device's buffer size that the constructor mixes through a throwaway copy of
 *                          the plan (fresh effect instances, the stems read from their start, meters fed) before the
 *                          device calls back, so the first callbacks run compiled code instead of the interpreter
 *                          and the just-in-time compiler; 0 for none
 */
public record PlayerOptions(int prefetchSeconds, int workerThreads, boolean measureAllocation, int warmUpBlocks) {

	/**
	 * Blocks the constructor mixes by default before playing: enough for the compiler's second tier, and at 128
	 * frames 8 s of audio, long enough for the compressors to engage and release completely within it.
	 */
	public static final int DEFAULT_WARM_UP_BLOCKS = 3_000;

	public PlayerOptions {
		if (prefetchSeconds < 1 || prefetchSeconds > 60) {
			throw new IllegalArgumentException("prefetch of " + prefetchSeconds + " s; 1 to 60");
		}
		if (workerThreads < 1 || workerThreads > 64) {
			throw new IllegalArgumentException(workerThreads + " worker threads; 1 to 64");
		}
		if (warmUpBlocks < 0 || warmUpBlocks > 100_000) {
			throw new IllegalArgumentException(warmUpBlocks + " warm-up blocks; 0 to 100000");
		}
	}

	/** As the canonical constructor, without warm-up (tests that measure the cold path, quick starts). */
	public PlayerOptions(int prefetchSeconds, int workerThreads, boolean measureAllocation) {
		this(prefetchSeconds, workerThreads, measureAllocation, 0);
	}

	/**
	 * @return 2 s of prefetch, half the cores (at most 4: beyond that the per-callback barrier costs more than
	 *         it saves at small buffers), allocation measured, {@link #DEFAULT_WARM_UP_BLOCKS} of warm-up
	 */
	public static PlayerOptions defaults() {
		int cores = Runtime.getRuntime().availableProcessors();
		return new PlayerOptions(2, Math.max(1, Math.min(4, cores / 2)), true, DEFAULT_WARM_UP_BLOCKS);
	}
}
