package org.mixtree.engine.realtime;

/**
 * A snapshot of a {@link Player}'s health, made by {@link Player#stats()} on any thread. Percentiles and maximum
 * are over the callbacks since the player was made but the first {@link Player#TIMED_AFTER} (a histogram of
 * 0.1 % bins, so they are exact to 0.1 % of the buffer period).
 *
 * @param callbacks                  callbacks run
 * @param xruns                      device xruns the caller reported through {@link Player#noteXrun(long)}
 * @param callbackP50                median callback time, percent of the buffer period (frames / device rate)
 * @param callbackP99                99th percentile, percent of the buffer period
 * @param callbackP999               99.9th percentile, percent of the buffer period
 * @param callbackMax                longest callback, percent of the buffer period
 * @param audioThreadAllocatedBytes  bytes the audio thread allocated since the end of the warm-up (the callbacks
 *                                   before the first play and the first {@link Player#warmUpCallbacks()} of playing,
 *                                   taken at the disk thread's next 20 ms round); -1 when not measured (not asked
 *                                   for, or the run ended first)
 * @param allocationCallbacks        the callbacks that figure covers, from the end of the warm-up to the snapshot
 *                                   (to the device thread's last sample if it has ended); 0 when not measured
 * @param starvedFrames              frames of silence played, summed over sources, because a source's prefetch
 *                                   was late or its file failed
 * @param failedSources              sources whose file could not be read (they play silence)
 * @param gcPauses                   collector pauses seen while the player was open
 * @param gcPauseMaxMillis           the longest of them, ms (0 when none)
 * @param gcPauseTotalMillis         their sum, ms
 */
public record PlayerStats(long callbacks, long xruns, double callbackP50, double callbackP99, double callbackP999,
		double callbackMax, long audioThreadAllocatedBytes, long allocationCallbacks, long starvedFrames,
		int failedSources, long gcPauses, double gcPauseMaxMillis, double gcPauseTotalMillis) {

	/** Stats without the allocation's callback count (the form before it existed). */
	public PlayerStats(long callbacks, long xruns, double callbackP50, double callbackP99, double callbackP999,
			double callbackMax, long audioThreadAllocatedBytes, long starvedFrames, int failedSources, long gcPauses,
			double gcPauseMaxMillis, double gcPauseTotalMillis) {
		this(callbacks, xruns, callbackP50, callbackP99, callbackP999, callbackMax, audioThreadAllocatedBytes, 0,
				starvedFrames, failedSources, gcPauses, gcPauseMaxMillis, gcPauseTotalMillis);
	}
}
