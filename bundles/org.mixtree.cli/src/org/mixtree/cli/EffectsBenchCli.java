package org.mixtree.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.mixtree.dsp.Biquad;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;
import org.mixtree.engine.meter.ChannelMeter;

/**
 * {@code bench-effects}: ns per sample of every installed effect (stereo, 48 kHz, 512-frame blocks, each at its
 * defaults), the cost of one channel strip's meters, and the RBJ biquad's serial throughput, for the benchmark
 * table. A benchmark, not a test: it prints
 * figures and judges nothing. One "sample" is one channel of one frame.
 */
final class EffectsBenchCli {
	private static final int RATE = 48000;
	private static final int BLOCK = 512;

	private final PrintStream out;

	EffectsBenchCli(PrintStream out) {
		this.out = out;
	}

	void bench(Args a) throws CliException {
		double seconds = a.option("--seconds") == null ? 20 : Values.number("--seconds", a.option("--seconds"), "s");
		out.println(String.format(Locale.ROOT, "%-28s %12s %14s", "effect (stereo, 512 frames)", "ns/sample", "x realtime"));
		for (EffectFactory f : EffectRegistry.osgi().all()) {
			if (f.descriptor().id().startsWith("org.mixtree.test.")) {
				continue; // deliberately faulty test effects
			}
			double ns = effectNsPerSample(f, seconds);
			out.println(String.format(Locale.ROOT, "%-28s %12.2f %14.0f", f.descriptor().id(), ns, 1e9 / (ns * 2) / RATE));
		}
		double meter = meterNsPerFrame(seconds);
		out.println(String.format(Locale.ROOT,
				"meters (one stereo strip: peak and hold, RMS, true peak 4x, loudness M/S/I/LRA, correlation; 128-frame "
						+ "blocks): %.1f ns per stereo frame; 73 strips = %.0f %% of a 128-frame period at 48 kHz",
				meter, 100.0 * meter * 73 / (1e9 / RATE)));
		double m = biquadMSamplesPerSecond();
		out.println(String.format(Locale.ROOT,
				"biquad (org.mixtree.dsp.Biquad, one serial channel): %.0f M biquad-samples/s = %.2f of the C ceiling (305 M/s, gcc -O2)",
				m, m / 305.0));
	}

	/** Processes {@code seconds} of stereo noise (after a warm-up) and returns ns per channel-sample. */
	private static double effectNsPerSample(EffectFactory factory, double seconds) {
		Effect fx = factory.create();
		ChannelLayout layout = factory.descriptor().layouts().contains(ChannelLayout.STEREO) ? ChannelLayout.STEREO
				: ChannelLayout.MONO;
		fx.prepare(new ProcessSetup(RATE, BLOCK, layout, 0, RenderMode.OFFLINE));
		ProcessBlock block = new ProcessBlock(layout.channels(), BLOCK, 16);
		long[] seed = { 1 };
		int blocks = (int) Math.ceil(seconds * RATE / BLOCK);
		long best = fastestRound(blocks, () -> {
			seed[0] = noise(block.audio(), BLOCK, seed[0]);
			block.set(0, BLOCK, null);
			fx.process(block);
		});
		fx.release();
		return best / ((double) blocks * BLOCK * layout.channels());
	}

	/** Feeds one stereo {@link ChannelMeter} {@code seconds} of noise in 128-frame blocks; @return ns per frame. */
	private static double meterNsPerFrame(double seconds) {
		ChannelMeter meter = new ChannelMeter(2, RATE);
		int frames = 128;
		float[][] x = new float[2][frames];
		long[] seed = { 7 };
		int blocks = (int) Math.ceil(seconds * RATE / frames);
		long best = fastestRound(blocks, () -> {
			seed[0] = noise(x, frames, seed[0]);
			meter.process(x, 0, frames);
		});
		return best / ((double) blocks * frames);
	}

	/**
	 * Runs {@code block} {@code blocks} times per round, three rounds; the first warms the JIT up.
	 *
	 * @return the fastest of the later rounds, ns
	 */
	private static long fastestRound(int blocks, Runnable block) {
		long best = Long.MAX_VALUE;
		for (int round = 0; round < 3; round++) {
			long t0 = System.nanoTime();
			for (int b = 0; b < blocks; b++) {
				block.run();
			}
			long dt = System.nanoTime() - t0;
			if (round > 0) {
				best = Math.min(best, dt);
			}
		}
		return best;
	}

	/**
	 * Fills {@code frames} frames of {@code x} with white noise of at most -12 dBFS from a linear congruential
	 * generator.
	 *
	 * @return the generator's next seed
	 */
	private static long noise(float[][] x, int frames, long seed) {
		long s = seed;
		for (float[] ch : x) {
			for (int i = 0; i < frames; i++) {
				s = s * 6364136223846793005L + 1442695040888963407L;
				ch[i] = (s >> 40) * (0.25f / (1 << 23));
			}
		}
		return s;
	}

	/** The RW1 bus EQ (peaking 1 kHz, Q 1, +3 dB) over 4096-sample blocks that stay in cache, as biquad_limit.c does. */
	private static double biquadMSamplesPerSecond() {
		Biquad q = new Biquad().setPeaking(RATE, 1000, 1, 3);
		float[] src = new float[4096];
		float[] x = new float[4096];
		for (int i = 0; i < src.length; i++) {
			src[i] = (float) Math.sin(i * 0.37) * 0.25f;
		}
		long total = 100_000_000L;
		double best = 0;
		for (int round = 0; round < 3; round++) {
			long t0 = System.nanoTime();
			for (long n = 0; n < total; n += x.length) {
				// fresh input each pass, so the in-place filter does not boost the same samples forever; the copy
				// (16 KB in cache) costs a few percent of the filter and is counted against it
				System.arraycopy(src, 0, x, 0, x.length);
				q.process(x, 0, x.length);
			}
			double rate = total / ((System.nanoTime() - t0) / 1e9) / 1e6;
			best = Math.max(best, rate);
		}
		return best;
	}
}
