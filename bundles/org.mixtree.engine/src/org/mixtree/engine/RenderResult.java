package org.mixtree.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * What an offline render produced.
 *
 * @param output          the master file written
 * @param stems           the stem files written, in top-level bus order (empty without a stems directory)
 * @param frames          frames rendered (the longest source offset plus length)
 * @param sampleRate      sample rate of the files, Hz
 * @param durationSeconds frames / sampleRate
 * @param wallSeconds     wall-clock time of the engine loop (first block to last write), without opening
 *                        and closing files
 * @param realtimeFactor  durationSeconds / wallSeconds (audio seconds mixed per wall second)
 * @param samplePeakDbfs  sample peak of the master output in dBFS (before quantisation); negative infinity for
 *                        silence
 * @param integratedLufs  integrated loudness of the master output (ITU-R BS.1770 / EBU R128) in LUFS; negative
 *                        infinity when everything is gated away
 */
public record RenderResult(Path output, List<Path> stems, long frames, int sampleRate, double durationSeconds,
		double wallSeconds, double realtimeFactor, double samplePeakDbfs, double integratedLufs) {

	public RenderResult {
		stems = List.copyOf(stems);
	}
}
