package org.mixtree.effects.builtin;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Random;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;

/**
 * Test helper for the EQ, dynamics and utility tests: makes a prepared processor, runs whole signals through it
 * in blocks of a chosen size, and measures the thread's allocation. Signals are planar {@code float[ch][n]}.
 */
public final class FxHarness {

	public static final double FS = 48000;

	private FxHarness() {
	}

	/** A processor of {@code factory} with the given id=value pairs, prepared for {@code channels} at 48 kHz. */
	public static Effect make(EffectFactory factory, int channels, int maxBlock, boolean sidechain, Object... idValue) {
		Effect fx = factory.create();
		set(fx, idValue);
		fx.prepare(new ProcessSetup(FS, maxBlock, channels == 1 ? ChannelLayout.MONO : ChannelLayout.STEREO,
				sidechain ? channels : 0, RenderMode.OFFLINE));
		return fx;
	}

	/** Sets id=value pairs with {@link Effect#setParameter}. */
	public static void set(Effect fx, Object... idValue) {
		for (int i = 0; i < idValue.length; i += 2) {
			fx.setParameter(fx.descriptor().indexOf((String) idValue[i]), ((Number) idValue[i + 1]).doubleValue());
		}
	}

	/** Runs {@code signal} through {@code fx} in blocks of {@code block} frames; returns the output (a copy). */
	public static float[][] run(Effect fx, float[][] signal, int block) {
		return run(fx, signal, null, block);
	}

	public static float[][] run(Effect fx, float[][] signal, float[][] sidechain, int block) {
		int channels = signal.length;
		int n = signal[0].length;
		float[][] out = new float[channels][];
		for (int ch = 0; ch < channels; ch++) {
			out[ch] = signal[ch].clone();
		}
		ProcessBlock pb = new ProcessBlock(out, 4);
		for (int pos = 0; pos < n; pos += block) {
			pb.set(pos, Math.min(block, n - pos), sidechain); // the sidechain is indexed like the main arrays
			fx.process(pb);
		}
		return out;
	}

	public static float[] noise(int n, double amplitude, long seed) {
		Random r = new Random(seed);
		float[] x = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
		}
		return x;
	}

	public static float[] sine(int n, double freq, double amplitude) {
		float[] x = new float[n];
		for (int i = 0; i < n; i++) {
			x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / FS));
		}
		return x;
	}

	/** Exponential sine sweep from f1 to f2 Hz. */
	public static float[] sweep(int n, double f1, double f2, double amplitude) {
		float[] x = new float[n];
		double t = n / FS;
		double k = Math.log(f2 / f1);
		for (int i = 0; i < n; i++) {
			double phase = 2 * Math.PI * f1 * t / k * (Math.exp(i / FS / t * k) - 1);
			x[i] = (float) (amplitude * Math.sin(phase));
		}
		return x;
	}

	public static float[] impulse(int n, double amplitude) {
		float[] x = new float[n];
		x[0] = (float) amplitude;
		return x;
	}

	public static double peak(float[] x, int from, int to) {
		double p = 0;
		for (int i = from; i < to; i++) {
			p = Math.max(p, Math.abs(x[i]));
		}
		return p;
	}

	public static double rms(float[] x, int from, int to) {
		double s = 0;
		for (int i = from; i < to; i++) {
			s += (double) x[i] * x[i];
		}
		return Math.sqrt(s / (to - from));
	}

	public static double db(double gain) {
		return 20 * Math.log10(gain);
	}

	// ------------------------------------------------------------------ allocation

	private static final Object THREADS = ManagementFactory.getThreadMXBean();
	private static final Method ALLOCATED = allocatedMethod();

	private static Method allocatedMethod() {
		try {
			// through the platform loader: the fragment need not import com.sun.management
			Class<?> c = ClassLoader.getPlatformClassLoader().loadClass("com.sun.management.ThreadMXBean");
			return c.getMethod("getCurrentThreadAllocatedBytes");
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("this JVM cannot count allocated bytes", e);
		}
	}

	/** Bytes the current thread has allocated so far (com.sun.management.ThreadMXBean). */
	public static long allocatedBytes() {
		try {
			return (Long) ALLOCATED.invoke(THREADS);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Bytes allocated by {@code work}, less the cost of measuring (the boxed result of the reflective call),
	 * which is measured the same way around nothing.
	 */
	public static long allocatedBy(Runnable work) {
		long overhead = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long a = allocatedBytes();
			long b = allocatedBytes();
			overhead = Math.min(overhead, b - a);
		}
		long before = allocatedBytes();
		work.run();
		long after = allocatedBytes();
		return after - before - overhead;
	}
}
