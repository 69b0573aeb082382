package org.mixtree.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.mixtree.audio.io.SampleFormat;

/**
 * How to render a plan offline.
 *
 * @param output     the master WAV file; written to a temporary file and renamed on success only. Null only for a
 *                   render of stems by level ({@code stemsDepth > 0}): then the stems alone are written
 * @param format     sample format of every file written (f32 is never clipped; s24/s16 are clipped and dithered)
 * @param stemsDir   when not null, stems are written there: with {@code stemsDepth} 0 one WAV per top-level bus as
 *                   {@code <BusName>.wav} (the bus's post-fader output, what it sends to the master); with
 *                   {@code stemsDepth} N &gt; 0 the stems of level N ({@link #withStemsByDepth})
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
 * @param stemsDepth 0 for the top-level bus stems; N &gt; 0 for one stem per bus at depth N of the tree, each as the
 *                   master hears that bus soloed, plus a {@code <Bus>.direct.wav} per shallower receiver of
 *                   tracks ({@link #withStemsByDepth})
 * @param stemsMasterProcessing with {@code stemsDepth > 0}: the master's inserts process each stem too (else only
 *                   the master's fader and balance apply)
 * @param overDbfs   a level in dBFS: the render reports the first master sample whose magnitude exceeds it
 *                   ({@link RenderResult#firstOverFrame()}); NaN: not looked for
 * @param maxSeconds the most of the timeline rendered, in seconds from its start: the mix and every stem stop there
 *                   (what comes after is neither mixed nor written); infinity: the whole mix with its tail
 * @param allowOffline false: a track whose source is offline ({@link GraphDescription.Source#offline()}) fails the
 *                   render naming its file, since a bounce without a stem is not the mix; true: it renders silent
 */
public record RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads,
		long ditherSeed, double effectBudget, Map<Path, String> keep, int stemsDepth, boolean stemsMasterProcessing,
		double overDbfs, double maxSeconds, boolean allowOffline) {

	/** Options that refuse offline sources (the form before {@link #allowOffline()} existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget, Map<Path, String> keep, int stemsDepth, boolean stemsMasterProcessing, double overDbfs,
			double maxSeconds) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, false);
	}

	/** Options rendering the whole mix (the form before {@link #maxSeconds()} existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget, Map<Path, String> keep, int stemsDepth, boolean stemsMasterProcessing, double overDbfs) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, Double.POSITIVE_INFINITY, false);
	}

	/** Options that look for no over (the form before {@link #overDbfs()} existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget, Map<Path, String> keep, int stemsDepth, boolean stemsMasterProcessing) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, Double.NaN);
	}

	/** Options with the top-level bus stems (the form before stems by level existed). */
	public RenderOptions(Path output, SampleFormat format, Path stemsDir, int blockSize, int threads, long ditherSeed,
			double effectBudget, Map<Path, String> keep) {
		this(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, 0, false);
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
		if (stemsDepth < 0) {
			throw new IllegalArgumentException("stems depth " + stemsDepth + " < 0");
		}
		if (stemsDepth > 0 && stemsDir == null) {
			throw new IllegalArgumentException("stems by depth need a stems folder");
		}
		if (output == null && stemsDepth == 0) {
			throw new NullPointerException("output");
		}
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
		if (!(maxSeconds > 0)) {
			throw new IllegalArgumentException("render length " + maxSeconds + " s is not above 0");
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
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, more, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allowOffline);
	}

	/** @return a copy with another effect budget (multiple of a block's duration; 0: no limit) */
	public RenderOptions withEffectBudget(double factor) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, factor, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allowOffline);
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

	/** @return a copy writing the top-level bus stems to {@code dir} (null: no stems) */
	public RenderOptions withStemsDir(Path dir) {
		return new RenderOptions(output, format, dir, blockSize, threads, ditherSeed, effectBudget, keep, 0, false,
				overDbfs, maxSeconds, allowOffline);
	}

	/**
	 * Stems by level: one stem per bus at {@code depth} of the tree (1: the buses feeding the master), written to
	 * {@code dir} as {@code <Bus>.wav}, each as the master hears that bus when it alone is soloed: through the buses
	 * above it (their inserts, faders and balance) and the master's fader and balance, the master's inserts only
	 * with {@code masterProcessing}. What reaches a shallower bus (or the master) other than from its buses (tracks
	 * routed to it directly, sends into it) is one more stem per receiver, {@code <Bus>.direct.wav}
	 * ({@code master.direct.wav}). A send from inside a stem's bus to a bus outside it is not in the stem (the stem
	 * holds the dry bus): it is in the stem of the bus it feeds. Mute and solo act as in the mix (a muted bus gives
	 * a silent stem). With linear processing above {@code depth} the stems sum to the mix. The stems are mixed in
	 * the same pass as the mix; with a null {@link #output()} the mix itself is not written.
	 *
	 * @param depth at least 1
	 */
	public RenderOptions withStemsByDepth(Path dir, int depth, boolean masterProcessing) {
		if (depth < 1) {
			throw new IllegalArgumentException("stems depth " + depth + " < 1");
		}
		return new RenderOptions(output, format, Objects.requireNonNull(dir, "dir"), blockSize, threads, ditherSeed,
				effectBudget, keep, depth, masterProcessing, overDbfs, maxSeconds, allowOffline);
	}

	/** @return options writing stems by level only (no mix file): see {@link #withStemsByDepth} */
	public static RenderOptions stemsByDepth(Path dir, SampleFormat format, int depth, boolean masterProcessing) {
		if (depth < 1) {
			throw new IllegalArgumentException("stems depth " + depth + " < 1");
		}
		return new RenderOptions(null, format, Objects.requireNonNull(dir, "dir"), DEFAULT_BLOCK_SIZE,
				Runtime.getRuntime().availableProcessors(), DEFAULT_DITHER_SEED, DEFAULT_EFFECT_BUDGET, Map.of(),
				depth, masterProcessing);
	}

	/** @return a copy with another block size */
	public RenderOptions withBlockSize(int frames) {
		return new RenderOptions(output, format, stemsDir, frames, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allowOffline);
	}

	/** @return a copy with another thread count */
	public RenderOptions withThreads(int count) {
		return new RenderOptions(output, format, stemsDir, blockSize, count, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allowOffline);
	}

	/** @return a copy with another dither seed */
	public RenderOptions withDitherSeed(long seed) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, seed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allowOffline);
	}

	/**
	 * @return a copy that reports the first master sample above {@code dbfs} ({@link RenderResult#firstOverFrame()});
	 *         NaN: none looked for
	 */
	public RenderOptions withOverDbfs(double dbfs) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, dbfs, maxSeconds, allowOffline);
	}

	/**
	 * @return a copy that renders at most the first {@code seconds} of the timeline (the mix and every stem);
	 *         infinity: the whole mix with its tail
	 */
	public RenderOptions withMaxSeconds(double seconds) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, seconds, allowOffline);
	}

	/** @return a copy that renders offline sources as silence instead of refusing them */
	public RenderOptions withAllowOffline(boolean allow) {
		return new RenderOptions(output, format, stemsDir, blockSize, threads, ditherSeed, effectBudget, keep, stemsDepth,
				stemsMasterProcessing, overDbfs, maxSeconds, allow);
	}

	/** @return the most frames rendered at {@code rate} Hz: {@link Long#MAX_VALUE} for the whole mix */
	public long maxFrames(int rate) {
		return Double.isInfinite(maxSeconds) ? Long.MAX_VALUE : Math.max(1, Math.round(maxSeconds * rate));
	}
}
