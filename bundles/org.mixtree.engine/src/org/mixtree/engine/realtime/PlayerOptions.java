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
 */
public record PlayerOptions(int prefetchSeconds, int workerThreads, boolean measureAllocation) {

	public PlayerOptions {
		if (prefetchSeconds < 1 || prefetchSeconds > 60) {
			throw new IllegalArgumentException("prefetch of " + prefetchSeconds + " s; 1 to 60");
		}
		if (workerThreads < 1 || workerThreads > 64) {
			throw new IllegalArgumentException(workerThreads + " worker threads; 1 to 64");
		}
	}

	/**
	 * @return 2 s of prefetch, half the cores (at most 4: beyond that the per-callback barrier costs more than
	 *         it saves at small buffers), allocation measured
	 */
	public static PlayerOptions defaults() {
		int cores = Runtime.getRuntime().availableProcessors();
		return new PlayerOptions(2, Math.max(1, Math.min(4, cores / 2)), true);
	}
}
