package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mixtree.engine.RenderProgress;

/**
 * The per-block code allocates nothing: the bytes the rendering thread allocates do not grow with the number of
 * blocks. Measured with HotSpot's per-thread allocation counter on the calling thread, which mixes its share of
 * every block (with one thread, all of it; with two, it also runs the barrier).
 */
class AllocationTest {

	private static long allocatedBytes() {
		try {
			// looked up through the platform loader: no OSGi import of com.sun.management needed
			Class<?> type = Class.forName("com.sun.management.ThreadMXBean", true,
					ClassLoader.getPlatformClassLoader());
			Method m = type.getMethod("getCurrentThreadAllocatedBytes");
			return (long) m.invoke(ManagementFactory.getThreadMXBean());
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("no allocation counter in this JVM", e);
		}
	}

	/** A source that generates its signal in place: reading allocates nothing. */
	private static final class Generator implements SourceReader {
		private final long frames;
		private final int channels;
		private long position;

		Generator(long frames, int channels) {
			this.frames = frames;
			this.channels = channels;
		}

		@Override
		public Path file() {
			return Path.of("generated");
		}

		@Override
		public int channels() {
			return channels;
		}

		@Override
		public long frames() {
			return frames;
		}

		@Override
		public int read(float[][] dst, int offset, int count) {
			int n = (int) Math.min(count, frames - position);
			for (int c = 0; c < channels; c++) {
				for (int i = 0; i < n; i++) {
					dst[c][offset + i] = (float) ((position + i) % 100) * 0.01f - 0.5f;
				}
			}
			position += n;
			return n;
		}

		@Override
		public void close() {
		}
	}

	private static long allocationOfRender(CompiledPlan plan, long frames, int threads) throws IOException {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			readers[t] = new Generator(frames, t % 3 == 0 ? 2 : 1);
		}
		float[] sink = new float[1];
		OfflineRenderer.BlockConsumer consumer = (block, n) -> sink[0] += block[0][n - 1];
		List<OfflineRenderer.Tap> taps = List.of(new OfflineRenderer.Tap(plan.master, consumer));
		long before = allocatedBytes();
		OfflineRenderer.mix(plan, readers, 256, threads, taps, RenderProgress.NONE);
		return allocatedBytes() - before;
	}

	@Test
	void mixingAllocatesNothingPerBlock() throws Exception {
		Mix mix = new Mix(org.mixtree.dsp.PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master")
				.bus("C", "B");
		String[] buses = { "A", "B", "C", "Master" };
		for (int t = 0; t < 24; t++) {
			mix.track("t" + t, buses[t % 4], Mix.dc(0.1f, 10), 0, 0, -6, 0.25, false, false, t % 5 == 0);
		}
		CompiledPlan plan = mix.plan();
		for (int threads : new int[] { 1, 2 }) {
			allocationOfRender(plan, 100_000, threads); // warm up: class loading, JIT
			long small = allocationOfRender(plan, 256L * 100, threads);
			long large = allocationOfRender(plan, 256L * 5000, threads);
			// 4900 more blocks: any per-block allocation (16 bytes or more) would add at least 78 KB
			assertTrue(large - small < 16_000,
					threads + " threads: " + small + " bytes for 100 blocks, " + large + " for 5000");
		}
	}

	@Test
	void insertsSendsAndCompensationAllocateNothingPerBlock() throws Exception {
		Mix mix = new Mix(org.mixtree.dsp.PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "Master").bus("B", "Master")
				.bus("R", "Master");
		for (int t = 0; t < 12; t++) {
			mix.track("t" + t, t % 2 == 0 ? "A" : "B", Mix.dc(0.1f, 10));
		}
		mix.edit("t0", c -> c.withInserts(List.of(InsertsSendsTest.delay(33), InsertsSendsTest.insert(TestEffects.GAIN,
				"gain", 0.5))))
				.edit("t1", c -> c.withSends(List.of(new org.mixtree.engine.GraphDescription.Send("R", -3, true))))
				.edit("B", c -> c.withInserts(List.of(InsertsSendsTest.insert(TestEffects.ECHO, "samples", 40)))
						.withSends(List.of(new org.mixtree.engine.GraphDescription.Send("R", -6, false))))
				.edit("R", c -> c.withInserts(List.of(InsertsSendsTest.delay(300).withBypass(true))));
		CompiledPlan plan = mix.plan();
		for (int threads : new int[] { 1, 2 }) {
			allocationOfRender(plan, 100_000, threads);
			long small = allocationOfRender(plan, 256L * 100, threads);
			long large = allocationOfRender(plan, 256L * 5000, threads);
			assertTrue(large - small < 16_000,
					threads + " threads: " + small + " bytes for 100 blocks, " + large + " for 5000");
		}
	}
}
