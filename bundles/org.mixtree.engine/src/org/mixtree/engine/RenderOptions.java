package org.mixtree.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.mixtree.audio.io.SampleFormat;

/**
 * How to render a plan offline.
 *
 * @param output     the master WAV file; written to a temporary file and renamed on success only
 * @param format     sample format of every file written (f32 is never clipped; s24/s16 are clipped and dithered)
 * @param stemsDir   when not null, one WAV per top-level bus is written there as {@code <BusName>.wav} (the bus's
 *                   post-fader output, what it sends to the master)
 * @param blockSize  frames per processing block, 1 to 65536; the output does not depend on it
 * @param threads    threads mixing each block (the calling thread included), at least 1; the output does not
 *                   depend on it
 * @param ditherSeed seed of the TPDF dither for integer formats (a fixed seed makes renders reproducible)
 * @param effectBudget how long one insert may take for one block, as a multiple of the block's duration, before
 *                   it is taken for hung and bypassed (reported in {@link RenderResult#warnings()}); never less
 *                   than {@link #MIN_EFFECT_BUDGET_SECONDS}; 0 or infinity: no limit
 * @param keep       files the render must never write over besides those the graph reads
 *                   ({@link GraphDescription#filesRead()}), each with how a message names it after "is" (the
 *                   session file: {@code the session file}); checked by {@link OutputGuard}; never null
 * @param overDbfs   a level in dBFS: the render reports the first master sample whose magnitude exceeds it
 *                   ({@link RenderResult#firstOverFrame()}); NaN: not looked for
 */
public record RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads,
		long ditherSeed, double effectBudget, Map<Path, String> keep, double overDbfs) {

	/** Options that look for no over (the form before {@link #overDbfs()} existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget, Map<Path, String> keep) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, Double.NaN);
	}

	/** Options without files to keep besides the graph's (the form before {@link #keep()} existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, Map.of());
	}

	/** Default {@link #effectBudget}: ten times real time for one block, offline. */
	public static final double DEFAULT_EFFECT_BUDGET = 10;

	/**
	 * The least time an insert is given per block, whatever the block size: JIT compilation, class loading and
	 * garbage collection pauses can take this long once, and must not be taken for a hung effect.
	 */
	public static final double MIN_EFFECT_BUDGET_SECONDS = 0.1;

	/** Options with the default effect budget (the form before the budget existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, DEFAULT_EFFECT_BUDGET);
	}

	/**
	 * Default frames per block offline: larger than a real-time buffer because nothing waits for it, and long
	 * runs per reader and fewer per-block barriers make a 64-track render about 10 % faster than 1024 frames.
	 */
	public static final int DEFAULT_BLOCK_SIZE = 4096;

	/** Default dither seed. */
	public static final long DEFAULT_DITHER_SEED = 0x4D69787472656500L;

	public RenderOptions {
		Objects.requireNonNull(output, "output");
		Objects.requireNonNull(format, "format");
		if (blockSize < 1 || blockSize > 65536) {
			throw new IllegalArgumentException("block size " + blockSize + " outside [1, 65536]");
		}
		if (threads < 1) {
			throw new IllegalArgumentException("threads " + threads + " < 1");
		}
		if (!(effectBudget >= 0)) {
			throw new IllegalArgumentException("effect budget " + effectBudget + " is not a positive factor");
		}
		keep = keep == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keep));
	}

	/**
	 * @return a copy that also refuses to write over {@code file}, named {@code what} in the message (e.g. the
	 *         session file: {@code withKeep(sessionFile, "the session file")})
	 */
	public RenderOptions withKeep(Path file, String what) {
		Map<Path, String> more = new LinkedHashMap<>(keep);
		more.put(file, what);
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, more, overDbfs);
	}

	/** @return a copy with another effect budget (multiple of a block's duration; 0: no limit) */
	public RenderOptions withEffectBudget(double factor) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, factor, keep, overDbfs);
	}

	/**
	 * @return the budget in nanoseconds for one insert processing {@code frames} frames at {@code rate} Hz; 0 for
	 *         no limit
	 */
	public long effectBudgetNanos(int frames, int rate) {
		if (effectBudget == 0 || Double.isInfinite(effectBudget)) {
			return 0;
		}
		double seconds = Math.max(MIN_EFFECT_BUDGET_SECONDS, effectBudget * frames / rate);
		return (long) (seconds * 1e9);
	}

	/** @return options for {@code output} in {@code format}: no stems, {@value #DEFAULT_BLOCK_SIZE}-frame blocks, one thread per core */
	public static RenderOptions of(Path output, SampleFormat format) {
		return new RenderOptions(output, format, null, DEFAULT_BLOCK_SIZE, Runtime.getRuntime().availableProcessors(),
				DEFAULT_DITHER_SEED);
	}

	/** @return a copy writing stems to {@code dir} (null: no stems) */
	public RenderOptions withStemsDir(Path dir) {
		return new RenderOptions(output, format, dir, blockSize, threads, ditherSeed, effectBudget, keep, overDbfs);
	}

	/** @return a copy with another block size */
	public RenderOptions withBlockSize(int frames) {
		return new RenderOptions(output, format, stemsDir, frames, threads, ditherSeed, effectBudget, keep, overDbfs);
	}

	/**
	 * @return a copy that reports the first master sample above {@code dbfs} ({@link RenderResult#firstOverFrame()});
	 *         NaN: none looked for
	 */
	public RenderOptions withOverDbfs(double dbfs) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, dbfs);
	}

	/** @return a copy with another thread count */
	public RenderOptions withThreads(int count) {
		return new RenderOptions(output, format, stemsDir, blockSize, count, ditherSeed, effectBudget, keep, overDbfs);
	}

	/** @return a copy with another dither seed */
	public RenderOptions withDitherSeed(long seed) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, seed, effectBudget, keep, overDbfs);
	}
}
