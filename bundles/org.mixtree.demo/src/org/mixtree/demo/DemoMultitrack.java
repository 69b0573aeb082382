package org.mixtree.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * The multitrack that {@code mixtree demo} mixes: sixteen synthesized stems of a 24-second song sketch (120 BPM,
 * A minor, Am-F-C-G), so the demo needs no bundled audio. The file names are chosen so that the session's
 * name-based grouping finds drums, percussion, bass, acoustic and electric guitars, keys, vocals and one
 * stem that matches nothing. Synthesis is deterministic (fixed seeds): every run writes the same audio.
 * <p>
 * Levels: stems peak between about -8.5 dBFS (lead vocal) and -15 dBFS (pad, guitar effects), a rough balance
 * rather than equal peaks, and all sixteen summed at 0 dB (mono stems centred with the -3 dB pan law) peak
 * around -3 dBFS, so the default mix neither clips nor sounds timid.
 */
public final class DemoMultitrack {
	/** length of every stem */
	public static final int SECONDS = 24;

	private static final int STEMS = 16;
	private static final long DITHER_SEED = 0x4D6978747265654CL;

	private DemoMultitrack() {
	}

	/** @return the stem file names (with {@code .wav}) in the order {@link #write} returns them */
	public static List<String> stemNames() {
		return List.of("Kick.wav", "Snare Top.wav", "HiHat.wav", "Overheads.wav", "Shaker.wav", "Conga.wav",
				"Bass DI.wav", "Acoustic Gtr.wav", "El Gtr Rhythm.wav", "El Gtr Lead.wav", "Gtr Fx.wav", "Piano.wav",
				"Synth Pad.wav", "Lead Vox.wav", "BV Harmony.wav", "Riser Sfx.wav");
	}

	/**
	 * Synthesizes the stems into {@code dir} (created if missing; files of the same names are replaced) as 24-bit
	 * WAV. Stems are rendered one second at a time, two at once on machines with more than one core.
	 *
	 * @return the stem paths, in {@link #stemNames()} order
	 */
	public static List<Path> write(Path dir, int sampleRate) throws IOException {
		if (sampleRate < 8000) {
			throw new IllegalArgumentException("sample rate: " + sampleRate);
		}
		Files.createDirectories(dir);
		List<String> names = stemNames();
		List<Path> paths = new ArrayList<>(STEMS);
		for (String name : names) {
			paths.add(dir.resolve(name));
		}
		int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
		if (threads <= 1) {
			for (int k = 0; k < STEMS; k++) {
				render(k, paths.get(k), sampleRate);
			}
			return paths;
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "mixtree-demo");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> done = new ArrayList<>(STEMS);
			for (int k = 0; k < STEMS; k++) {
				int stem = k;
				done.add(pool.submit(() -> {
					render(stem, paths.get(stem), sampleRate);
					return null;
				}));
			}
			for (Future<?> f : done) {
				try {
					f.get();
				} catch (ExecutionException e) {
					Throwable cause = e.getCause();
					if (cause instanceof IOException io) {
						throw io;
					}
					if (cause instanceof RuntimeException re) {
						throw re;
					}
					throw new IOException(cause);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted while writing the demo stems", e);
				}
			}
		} finally {
			pool.shutdownNow();
		}
		return paths;
	}

	/** Renders stem {@code index} to {@code target}; a failure leaves no partial file (the writer aborts). */
	private static void render(int index, Path target, int rate) throws IOException {
		Stem stem = Instruments.create(rate, index);
		int block = rate;
		float[][] buf = new float[stem.channels][block];
		long total = (long) SECONDS * rate;
		WavWriter out = new WavWriter(target, stem.channels, rate, SampleFormat.S24, DITHER_SEED + index);
		try {
			for (long at = 0; at < total; at += block) {
				int n = (int) Math.min(block, total - at);
				stem.render(buf, at, n);
				out.write(buf, 0, n);
			}
			out.close();
		} catch (IOException | RuntimeException e) {
			out.abort();
			throw e;
		}
	}
}
