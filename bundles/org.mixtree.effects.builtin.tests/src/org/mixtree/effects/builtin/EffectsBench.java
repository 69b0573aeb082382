package org.mixtree.effects.builtin;

import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.builtin.dynamics.CompressorFactory;
import org.mixtree.effects.builtin.dynamics.LimiterFactory;
import org.mixtree.effects.builtin.eq.EqFactory;
import org.mixtree.effects.builtin.utility.UtilityFactory;

/**
 * Microbenchmark (a command, not a test): ns per stereo sample-frame... reported per sample (frames x channels)
 * for each effect at 48 kHz in 512-frame blocks, and the EQ's biquad rate in M biquad-samples/s, to compare
 * with the C ceiling of {@code /work/shared/bench/biquad_limit.c} (305 M/s per serial channel, gcc -O2).
 * <p>
 * Run: {@code java -cp <classes> org.mixtree.effects.builtin.EffectsBench [seconds-per-case]}
 */
public final class EffectsBench {

	private static final int BLOCK = 512;
	private static final double C_CEILING = 305;

	private EffectsBench() {
	}

	public static void main(String[] args) {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
		bench("eq (8 peak bands)", new EqFactory(), seconds, 8, eightBands());
		bench("eq (1 peak band)", new EqFactory(), seconds, 1, "b1.type", 1, "b1.gain", 3, "b1.freq", 1000, "b1.q", 1);
		bench("compressor (peak)", new CompressorFactory(), seconds, 0);
		bench("compressor (rms)", new CompressorFactory(), seconds, 0, "detector", 1);
		bench("limiter", new LimiterFactory(), seconds, 0);
		bench("limiter (true peak)", new LimiterFactory(), seconds, 0, "truepeak", 1);
		bench("utility", new UtilityFactory(), seconds, 0, "width", 150, "gain", -3);
		serialBiquad(seconds);
	}

	private static Object[] eightBands() {
		Object[] p = new Object[32];
		for (int b = 0; b < 8; b++) {
			p[4 * b] = "b" + (b + 1) + ".type";
			p[4 * b + 1] = 1;
			p[4 * b + 2] = "b" + (b + 1) + ".gain";
			p[4 * b + 3] = b % 2 == 0 ? 3 : -3;
		}
		return p;
	}

	private static void bench(String name, EffectFactory factory, double seconds, int biquads, Object... params) {
		Effect fx = FxHarness.make(factory, 2, BLOCK, false, params);
		float[][] buf = { FxHarness.noise(BLOCK, 0.9, 1), FxHarness.noise(BLOCK, 0.9, 2) };
		float[][] src = { buf[0].clone(), buf[1].clone() };
		ProcessBlock pb = new ProcessBlock(buf, 4);
		pb.set(0, BLOCK, null);
		long blocks = 0;
		long warmEnd = System.nanoTime() + (long) (0.5e9 * seconds);
		while (System.nanoTime() < warmEnd) {
			run(fx, pb, buf, src, 64);
		}
		long t0 = System.nanoTime();
		long end = t0 + (long) (1e9 * seconds);
		long t1;
		do {
			run(fx, pb, buf, src, 256);
			blocks += 256;
			t1 = System.nanoTime();
		} while (t1 < end);
		double samples = (double) blocks * BLOCK * 2;
		double ns = (t1 - t0) / samples;
		String extra = biquads == 0 ? ""
				: String.format(java.util.Locale.ROOT, "   %.0f M biquad-samples/s (%.2f of C %.0f M/s serial; 2 channels interleaved)",
						biquads * samples / ((t1 - t0) * 1e-3), biquads * samples / ((t1 - t0) * 1e-3) / C_CEILING, C_CEILING);
		System.out.printf(java.util.Locale.ROOT, "%-22s %7.2f ns/sample%s%n", name, ns, extra);
	}

	private static void run(Effect fx, ProcessBlock pb, float[][] buf, float[][] src, int n) {
		for (int k = 0; k < n; k++) {
			// restore the input cheaply every block so that levels stay put (the copy is part of the figure)
			System.arraycopy(src[0], 0, buf[0], 0, BLOCK);
			System.arraycopy(src[1], 0, buf[1], 0, BLOCK);
			pb.set(0, BLOCK, null);
			fx.process(pb);
		}
	}

	/** One channel, 8 cascaded bands: the serial chain the C ceiling measures (one filter's latency per sample). */
	private static void serialBiquad(double seconds) {
		Effect fx = FxHarness.make(new EqFactory(), 1, BLOCK, false, eightBands());
		float[][] buf = { FxHarness.noise(BLOCK, 0.9, 1) };
		float[][] src = { buf[0].clone() };
		ProcessBlock pb = new ProcessBlock(buf, 4);
		long warmEnd = System.nanoTime() + (long) (0.5e9 * seconds);
		while (System.nanoTime() < warmEnd) {
			runMono(fx, pb, buf, src, 64);
		}
		long blocks = 0;
		long t0 = System.nanoTime();
		long end = t0 + (long) (1e9 * seconds);
		long t1;
		do {
			runMono(fx, pb, buf, src, 256);
			blocks += 256;
			t1 = System.nanoTime();
		} while (t1 < end);
		double rate = 8.0 * blocks * BLOCK / ((t1 - t0) * 1e-3);
		System.out.printf(java.util.Locale.ROOT,
				"eq mono serial biquads %7.0f M biquad-samples/s = %.2f of the C ceiling %.0f M/s (one channel)%n", rate,
				rate / C_CEILING, C_CEILING);
	}

	private static void runMono(Effect fx, ProcessBlock pb, float[][] buf, float[][] src, int n) {
		for (int k = 0; k < n; k++) {
			System.arraycopy(src[0], 0, buf[0], 0, BLOCK);
			pb.set(0, BLOCK, null);
			fx.process(pb);
		}
	}
}
