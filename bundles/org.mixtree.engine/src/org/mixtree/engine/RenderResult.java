package org.mixtree.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an offline render produced.
 *
 * @param output          the master file written
 * @param stems           the stem files written, in top-level bus order (empty without a stems directory)
 * @param frames          frames rendered: the longest source (offset plus length) plus the effects' tails
 * @param sampleRate      sample rate of the files, Hz
 * @param durationSeconds frames / sampleRate
 * @param wallSeconds     wall-clock time of the engine loop (first block to last write), without opening
 *                        and closing files
 * @param realtimeFactor  durationSeconds / wallSeconds (audio seconds mixed per wall second)
 * @param samplePeakDbfs  sample peak of the master output in dBFS (before quantisation); negative infinity for
 *                        silence
 * @param integratedLufs  integrated loudness of the master output (ITU-R BS.1770 / EBU R128) in LUFS; negative
 *                        infinity when everything is gated away
 * @param warnings        what went wrong without stopping the render, one line each, naming channel, slot and
 *                        effect: effects not installed (passed through), inserts that threw, output NaN or
 *                        infinite samples or took too long and were bypassed from then on, e.g.
 *                        {@code bus:Drums slot 2 (org.mixtree.test.faulty): threw IllegalStateException at 1.280 s; bypassed}
 * @param notes           states of the mix that shape what the render holds, one line each ({@link Plan#notes()}),
 *                        e.g. {@code solo in force: track:Kick, bus:Vocals (only what they let through is heard)}
 * @param clippedSamples  per file written (the master first, then the stems), the samples (of all channels) that
 *                        quantising to 16 or 24 bits clipped at full scale; 0 for float files, which are never
 *                        clipped
 * @param firstOverFrame  the frame (from the start of the output) of the first master sample, in either channel,
 *                        whose magnitude exceeds {@link RenderOptions#overDbfs()} (before quantisation); -1 when none
 *                        does or none was looked for
 */
public record RenderResult(Path output, List<Path> stems, long frames, int sampleRate, double durationSeconds,
		double wallSeconds, double realtimeFactor, double samplePeakDbfs, double integratedLufs,
		List<String> warnings, List<String> notes, Map<Path, Long> clippedSamples, long firstOverFrame) {

	/** A result without the first over (the form before it existed). */
	public RenderResult(Path output, List<Path> stems, long frames, int sampleRate, double durationSeconds,
			double wallSeconds, double realtimeFactor, double samplePeakDbfs, double integratedLufs,
			List<String> warnings, List<String> notes, Map<Path, Long> clippedSamples) {
		this(output, stems, frames, sampleRate, durationSeconds, wallSeconds, realtimeFactor, samplePeakDbfs,
				integratedLufs, warnings, notes, clippedSamples, -1);
	}

	public RenderResult {
		stems = List.copyOf(stems);
		warnings = warnings == null ? List.of() : List.copyOf(warnings);
		notes = notes == null ? List.of() : List.copyOf(notes);
		clippedSamples = clippedSamples == null ? Map.of()
				: java.util.Collections.unmodifiableMap(new LinkedHashMap<>(clippedSamples));
	}

	/** A result without notes or clip counts (the form before they existed). */
	public RenderResult(Path output, List<Path> stems, long frames, int sampleRate, double durationSeconds,
			double wallSeconds, double realtimeFactor, double samplePeakDbfs, double integratedLufs,
			List<String> warnings) {
		this(output, stems, frames, sampleRate, durationSeconds, wallSeconds, realtimeFactor, samplePeakDbfs,
				integratedLufs, warnings, List.of(), Map.of());
	}

	/** @return the samples clipped in the master file ({@link #output()}); 0 when none or float */
	public long masterClippedSamples() {
		return clippedSamples.getOrDefault(output, 0L);
	}

	/** A result without warnings (the form before warnings existed). */
	public RenderResult(Path output, List<Path> stems, long frames, int sampleRate, double durationSeconds,
			double wallSeconds, double realtimeFactor, double samplePeakDbfs, double integratedLufs) {
		this(output, stems, frames, sampleRate, durationSeconds, wallSeconds, realtimeFactor, samplePeakDbfs,
				integratedLufs, List.of());
	}
}
