package org.mixtree.effects.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The effect SPI's contract, checked on every {@link EffectFactory} the OSGi registry holds: built-in and
 * third-party alike, found the way the host finds them (declarative services), so a new effect bundle in the
 * test runtime is covered without a line here. Each effect is run mono and stereo where it supports them.
 * <p>
 * Tolerances: state, reset and fresh-instance comparisons are exact (the same arithmetic on the same inputs);
 * block splitting allows 1e-6 (-120 dBFS against a signal peaking near -6 dBFS), since an FFT-based effect may
 * legitimately round differently when its blocks fall differently. "Silence" after the tail is below 1e-5
 * (-100 dBFS).
 */
class EffectConformanceTest {

	/** Effects that must be found, so the suite cannot pass over an empty registry. */
	static final Set<String> EXPECTED = Set.of("org.mixtree.eq", "org.mixtree.compressor", "org.mixtree.limiter",
			"org.mixtree.gate", "org.mixtree.delay", "org.mixtree.reverb", "org.mixtree.utility",
			"org.mixtree.examples.tape");
	/** Broken on purpose (fault-isolation tests use it); present in the runtime, skipped here by id. */
	static final Set<String> EXCLUDED = Set.of("org.mixtree.test.faulty");

	static final int FRAMES = 12000;
	static final double BLOCK_TOLERANCE = 1e-6;
	static final double SILENCE = 1e-5;
	/** Longest tail the silence check renders, whatever an effect reports (60 s). */
	static final long TAIL_BOUND = (long) (60 * Harness.SAMPLE_RATE);

	private static EffectRegistry registry;

	/**
	 * The registry, once every expected effect has appeared: declarative services registers components
	 * asynchronously as bundles start, so the first look may come too early.
	 */
	static synchronized EffectRegistry registry() throws InterruptedException {
		if (registry == null) {
			registry = EffectRegistry.osgi();
			long deadline = System.nanoTime() + 20_000_000_000L;
			while (!ids(registry).containsAll(EXPECTED) && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		return registry;
	}

	static Set<String> ids(EffectRegistry r) {
		Set<String> ids = new TreeSet<>();
		for (EffectFactory f : r.all()) {
			ids.add(f.descriptor().id());
		}
		return ids;
	}

	@Test
	void theExpectedEffectsAreRegistered() throws InterruptedException {
		Set<String> found = ids(registry());
		if (!found.containsAll(EXPECTED)) {
			fail("effects missing from the OSGi registry: expected " + new TreeSet<>(EXPECTED) + ", found " + found
					+ "\n" + bundleStates());
		}
		// the faulty effect is in the runtime on purpose: it proves the exclusion works by id, not by absence
		assertTrue(found.containsAll(EXCLUDED), "the faulty test effect is registered too: " + found);
	}

	/** Bundle states, for the failure message: an unresolved or stopped bundle is the usual cause. */
	private static String bundleStates() {
		Bundle self = FrameworkUtil.getBundle(EffectConformanceTest.class);
		if (self == null || self.getBundleContext() == null) {
			return "(not running in OSGi)";
		}
		StringBuilder s = new StringBuilder("bundles:");
		for (Bundle b : self.getBundleContext().getBundles()) {
			if (!b.getSymbolicName().startsWith("junit") && !b.getSymbolicName().startsWith("org.junit")) {
				s.append("\n  ").append(b.getSymbolicName()).append(' ').append(state(b.getState()));
			}
		}
		return s.toString();
	}

	private static String state(int state) {
		switch (state) {
		case Bundle.ACTIVE:
			return "ACTIVE";
		case Bundle.STARTING:
			return "STARTING (lazy)";
		case Bundle.RESOLVED:
			return "RESOLVED";
		default:
			return "INSTALLED (unresolved)";
		}
	}

	@TestFactory
	Stream<DynamicNode> everyRegisteredEffect() throws InterruptedException {
		List<DynamicNode> effects = new ArrayList<>();
		for (EffectFactory factory : registry().all()) {
			EffectDescriptor d = factory.descriptor();
			if (EXCLUDED.contains(d.id())) {
				continue;
			}
			List<DynamicNode> checks = new ArrayList<>();
			checks.add(dynamicTest("descriptor", () -> descriptor(factory)));
			checks.add(dynamicTest("parameter text round trip", () -> parameterText(factory)));
			checks.add(dynamicTest("files refused in one line naming them", () -> files(factory)));
			for (ChannelLayout layout : ChannelLayout.values()) {
				if (!d.layouts().contains(layout)) {
					continue;
				}
				String l = " (" + layout.name().toLowerCase() + ")";
				checks.add(dynamicTest("block size independence" + l, () -> blockSizes(factory, layout)));
				checks.add(dynamicTest("silence in, silence out after latency + tail" + l, () -> silence(factory, layout)));
				checks.add(dynamicTest("reset is clean" + l, () -> reset(factory, layout)));
				checks.add(dynamicTest("state round trip" + l, () -> state(factory, layout)));
				checks.add(dynamicTest("extreme parameters stay finite" + l, () -> extremes(factory, layout)));
				checks.add(dynamicTest("no allocation in process" + l, () -> allocation(factory, layout)));
				checks.add(dynamicTest("denormal safe" + l, () -> denormals(factory, layout)));
			}
			effects.add(dynamicContainer(d.id(), checks));
		}
		assertFalse(effects.isEmpty(), "no effects registered");
		return effects.stream();
	}

	// ---------------------------------------------------------------------------------------------- checks

	static void descriptor(EffectFactory factory) {
		EffectDescriptor d = factory.descriptor();
		assertSame(d, factory.descriptor(), "descriptor() returns the same object every time");
		assertFalse(d.layouts().isEmpty(), "at least one channel layout");
		Effect e = factory.create();
		assertEquals(d.id(), e.descriptor().id(), "a processor's descriptor is its factory's");
		for (int i = 0; i < d.parameters().size(); i++) {
			ParameterDescriptor p = d.parameters().get(i);
			assertEquals(p.defaultValue(), e.getParameter(i), 0.0, p.id() + " starts at its default");
		}
		for (var preset : d.presets()) {
			for (var entry : preset.values().entrySet()) {
				ParameterDescriptor p = d.parameter(entry.getKey());
				assertTrue(p.accepts(entry.getValue()),
						"preset '" + preset.name() + "': " + p.id() + " = " + entry.getValue() + " is outside " + p.range());
			}
		}
	}

	/**
	 * {@code setFile}: an id the effect does not declare is refused; for each declared file, a fresh processor has
	 * none, a file that does not exist is refused with one line naming it (and nothing is set), and null is
	 * accepted (forget the file).
	 */
	static void files(EffectFactory factory) {
		EffectDescriptor d = factory.descriptor();
		Effect e = factory.create();
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
				() -> e.setFile("no.such.file.id", java.nio.file.Path.of("x.wav")), "an undeclared file id is refused");
		assertTrue(unknown.getMessage() != null && !unknown.getMessage().contains("\n"), "one line: " + unknown.getMessage());
		java.nio.file.Path missing = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
				"mixtree-conformance-" + d.id() + "-missing.wav");
		for (var f : d.files()) {
			assertNull(e.getFile(f.id()), f.id() + ": no file before one is set");
			IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> e.setFile(f.id(), missing),
					f.id() + ": a missing file is refused");
			assertTrue(x.getMessage().contains(missing.getFileName().toString()) && !x.getMessage().contains("\n"),
					f.id() + ": one line naming the file: " + x.getMessage());
			assertNull(e.getFile(f.id()), f.id() + ": a refused file is not set");
			e.setFile(f.id(), null);
			if (f.choice() != null) {
				assertTrue(d.parameter(f.choice()).accepts(f.step()), f.id() + ": its step is one of " + f.choice());
			}
		}
		e.release();
	}

	/** format then parse gives the value back, to the precision format prints; garbage is refused in one line. */
	static void parameterText(EffectFactory factory) {
		for (ParameterDescriptor p : factory.descriptor().parameters()) {
			List<Double> values = new ArrayList<>(List.of(p.min(), p.max(), p.defaultValue(), Harness.interior(p)));
			for (double v : values) {
				if (!Double.isFinite(v)) {
					continue; // -inf dB is written by hosts as a word, not through format
				}
				String text = p.format(v);
				double back;
				try {
					back = p.parse(text);
				} catch (IllegalArgumentException e) {
					throw new AssertionError(p.id() + ": format(" + v + ") = '" + text + "' does not parse: " + e.getMessage());
				}
				double tolerance = Harness.continuous(p) ? (Math.abs(v) >= 100 ? 0.5 : 0.005) + 1e-9 * Math.abs(v) : 0;
				assertEquals(v, back, tolerance, p.id() + ": '" + text + "'");
			}
			IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> p.parse("no such value"),
					p.id() + " refuses text that is not a value");
			assertTrue(refused.getMessage() != null && !refused.getMessage().contains("\n"), "one-line refusal");
		}
	}

	/**
	 * Output independent of how the input is cut: 1-frame blocks, the largest blocks and two random splits
	 * (with offsets into one whole-signal buffer) give the output of 512-frame blocks, with each continuous
	 * parameter moved by an event at an absolute frame that falls in a different place in each split.
	 */
	static void blockSizes(EffectFactory factory, ChannelLayout layout) {
		float[][] in = Harness.signal(layout.channels(), FRAMES, 0.5, 1);
		Harness.Event[] events = events(factory.descriptor());
		float[][] reference = Harness.run(Harness.prepared(factory, layout, null), in, () -> Harness.MAX_BLOCK, events);
		assertNull(Harness.firstNonFinite(reference), "finite output");
		assertTrue(Harness.peak(reference, 0, FRAMES) > 0, "the effect passes some signal");
		Object[][] splits = { { "1-frame blocks", (Harness.BlockSizes) () -> 1 },
				{ "random split (seed 7)", Harness.BlockSizes.random(7) },
				{ "random split (seed 8)", Harness.BlockSizes.random(8) },
				{ "97-frame blocks", (Harness.BlockSizes) () -> 97 } };
		for (Object[] split : splits) {
			float[][] out = Harness.run(Harness.prepared(factory, layout, null), in, (Harness.BlockSizes) split[1], events);
			double diff = Harness.maxDifference(reference, out);
			assertTrue(diff <= BLOCK_TOLERANCE, split[0] + " differ from 512-frame blocks by " + diff);
		}
	}

	/** A change to every continuous parameter, spread over the signal, at frames that are not block-aligned. */
	private static Harness.Event[] events(EffectDescriptor d) {
		List<Harness.Event> list = new ArrayList<>();
		int k = 0;
		for (int i = 0; i < d.parameters().size(); i++) {
			ParameterDescriptor p = d.parameters().get(i);
			if (Harness.continuous(p)) {
				list.add(new Harness.Event(1001 + 613L * (k++ % 16), i, Harness.interior(p)));
			}
		}
		list.sort((a, b) -> Long.compare(a.frame(), b.frame()));
		return list.toArray(new Harness.Event[0]);
	}

	/**
	 * A fresh processor gives exact silence for silence; after a signal, output falls below -100 dBFS once
	 * latency + tail have passed (rendered up to a bound of 60 s, so an effect that reports an endless tail
	 * still has to decay within it).
	 */
	static void silence(EffectFactory factory, ChannelLayout layout) {
		Effect fresh = Harness.prepared(factory, layout, null);
		float[][] zeros = Harness.run(fresh, Harness.silence(layout.channels(), 4096), 256);
		assertEquals(0.0, Harness.peak(zeros, 0, 4096), 0.0, "silence into a fresh processor gives silence");

		Effect e = Harness.prepared(factory, layout, null);
		Harness.run(e, Harness.signal(layout.channels(), FRAMES, 0.5, 2), 256);
		long after = e.latencySamples() + e.tailSamples();
		assertTrue(e.latencySamples() >= 0 && e.tailSamples() >= 0, "latency and tail are not negative");
		long budget = Math.min(after, TAIL_BOUND);
		float[][] quiet = Harness.silence(layout.channels(), Harness.MAX_BLOCK);
		long rendered = 0;
		while (rendered < budget) {
			int n = (int) Math.min(Harness.MAX_BLOCK, budget - rendered);
			Harness.run(e, n == Harness.MAX_BLOCK ? quiet : Harness.silence(layout.channels(), n), n);
			rendered += n;
		}
		float[][] tail = Harness.run(e, Harness.silence(layout.channels(), 4096), 256);
		double peak = Harness.peak(tail, 0, 4096);
		assertTrue(peak < SILENCE, "output " + 20 * Math.log10(peak) + " dBFS, " + budget + " frames after the input stopped"
				+ " (latency " + e.latencySamples() + " + tail " + e.tailSamples() + ")");
	}

	/** After reset, a used processor gives what a fresh one gives, sample for sample. */
	static void reset(EffectFactory factory, ChannelLayout layout) {
		double[] values = interiorValues(factory.descriptor());
		float[][] second = Harness.signal(layout.channels(), FRAMES / 2, 0.5, 4);
		Effect used = Harness.prepared(factory, layout, values);
		Harness.run(used, Harness.signal(layout.channels(), FRAMES, 0.9, 3), 300);
		used.reset();
		float[][] afterReset = Harness.run(used, second, 256);
		float[][] fresh = Harness.run(Harness.prepared(factory, layout, values), second, 256);
		assertEquals(0.0, Harness.maxDifference(fresh, afterReset), 0.0, "output after reset equals a fresh processor's");
	}

	/** A saved state loaded into a fresh processor restores every parameter and gives identical output. */
	static void state(EffectFactory factory, ChannelLayout layout) {
		EffectDescriptor d = factory.descriptor();
		double[] values = interiorValues(d);
		Effect original = factory.create();
		for (int i = 0; i < values.length; i++) {
			original.setParameter(i, values[i]);
		}
		byte[] state = original.saveState();
		Effect copy = factory.create();
		copy.loadState(state);
		for (int i = 0; i < values.length; i++) {
			assertEquals(original.getParameter(i), copy.getParameter(i), 0.0, d.parameters().get(i).id() + " restored");
		}
		original.prepare(Harness.setup(layout));
		copy.prepare(Harness.setup(layout));
		float[][] in = Harness.signal(layout.channels(), FRAMES, 0.5, 5);
		float[][] a = Harness.run(original, in, 256);
		float[][] b = Harness.run(copy, in, 256);
		assertEquals(0.0, Harness.maxDifference(a, b), 0.0, "identical output from the loaded state");
		// a state saved after processing is still the same state (processing is not a parameter change)
		Effect again = factory.create();
		again.loadState(original.saveState());
		for (int i = 0; i < values.length; i++) {
			assertEquals(values[i], again.getParameter(i), 0.0, d.parameters().get(i).id() + " after processing");
		}
		assertThrows(IllegalArgumentException.class, () -> factory.create().loadState(new byte[] { 7, 7, 7 }),
				"a state that is not this effect's is refused");
	}

	/**
	 * Every parameter at its minimum and at its maximum (the others at their defaults), then all at minimum and
	 * all at maximum, with input 24 dB over full scale: the output stays finite.
	 */
	static void extremes(EffectFactory factory, ChannelLayout layout) {
		EffectDescriptor d = factory.descriptor();
		int n = d.parameters().size();
		float[][] loud = Harness.signal(layout.channels(), 8192, Math.pow(10, 24 / 20.0), 6);
		List<double[]> cases = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			for (boolean max : new boolean[] { false, true }) {
				double[] v = new double[n];
				java.util.Arrays.fill(v, Double.NaN);
				v[i] = max ? d.parameters().get(i).max() : d.parameters().get(i).min();
				cases.add(v);
			}
		}
		for (boolean max : new boolean[] { false, true }) {
			double[] v = new double[n];
			for (int i = 0; i < n; i++) {
				v[i] = max ? d.parameters().get(i).max() : d.parameters().get(i).min();
			}
			cases.add(v);
		}
		for (double[] v : cases) {
			Effect e = Harness.prepared(factory, layout, v);
			float[][] out = Harness.run(e, loud, 333);
			String bad = Harness.firstNonFinite(out);
			if (bad != null) {
				fail("non-finite output with " + describe(d, v) + " at " + bad);
			}
		}
	}

	/**
	 * Zero bytes allocated by the audio thread over 1000 full blocks (each with a parameter event), after
	 * 2000 blocks of warm-up so class loading, lazy tables and JIT-time effects are over.
	 */
	static void allocation(EffectFactory factory, ChannelLayout layout) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM measures per-thread allocation");
		threads.setThreadAllocatedMemoryEnabled(true);
		EffectDescriptor d = factory.descriptor();
		int param = -1;
		for (int i = 0; i < d.parameters().size() && param < 0; i++) {
			if (Harness.continuous(d.parameters().get(i))) {
				param = i;
			}
		}
		double a = param < 0 ? 0 : d.parameters().get(param).defaultValue();
		double b = param < 0 ? 0 : Harness.interior(d.parameters().get(param));
		Effect e = Harness.prepared(factory, layout, null);
		float[][] source = Harness.signal(layout.channels(), Harness.MAX_BLOCK * 8, 0.5, 9);
		ProcessBlock block = new ProcessBlock(layout.channels(), Harness.MAX_BLOCK, Harness.MAX_EVENTS);
		runBlocks(e, block, source, 2000, param, a, b);
		// best of three windows: an effect that allocates per block allocates in every window, while a one-off
		// (the JIT deoptimising a method under load and materialising what escape analysis had removed) does not
		long allocated = Long.MAX_VALUE;
		for (int attempt = 0; attempt < 3 && allocated != 0; attempt++) {
			long before = threads.getCurrentThreadAllocatedBytes();
			runBlocks(e, block, source, 1000, param, a, b);
			allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
		}
		assertEquals(0L, allocated, "bytes allocated by process over 1000 blocks (best of 3 windows)");
	}

	private static void runBlocks(Effect e, ProcessBlock block, float[][] source, int blocks, int param, double a,
			double b) {
		float[][] audio = block.audio();
		int segments = source[0].length / Harness.MAX_BLOCK;
		for (int k = 0; k < blocks; k++) {
			for (int c = 0; c < audio.length; c++) {
				System.arraycopy(source[c], (k % segments) * Harness.MAX_BLOCK, audio[c], 0, Harness.MAX_BLOCK);
			}
			block.set(0, Harness.MAX_BLOCK, null);
			if (param >= 0) {
				block.addEvent(k % Harness.MAX_BLOCK, param, (k & 1) == 0 ? a : b);
			}
			e.process(block);
		}
	}

	/**
	 * Inputs of 1e-30 (and a signal dying away into silence, where recursive filters ring down through the
	 * subnormal range) never give a subnormal output sample.
	 */
	static void denormals(EffectFactory factory, ChannelLayout layout) {
		Effect e = Harness.prepared(factory, layout, null);
		float[][] tiny = new float[layout.channels()][FRAMES];
		for (float[] ch : tiny) {
			for (int i = 0; i < ch.length; i++) {
				ch[i] = (i & 1) == 0 ? 1e-30f : -1e-30f;
			}
		}
		String bad = Harness.firstSubnormal(Harness.run(e, tiny, 256));
		assertNull(bad, "subnormal output for 1e-30 input");
		Effect decaying = Harness.prepared(factory, layout, null);
		Harness.run(decaying, Harness.signal(layout.channels(), FRAMES, 0.5, 10), 256);
		long quiet = Math.min(decaying.latencySamples() + decaying.tailSamples() + 48000, TAIL_BOUND);
		for (long done = 0; done < quiet; done += 4096) {
			bad = Harness.firstSubnormal(Harness.run(decaying, Harness.silence(layout.channels(), 4096), 512));
			assertNull(bad, "subnormal output while decaying, " + done + " frames into the silence");
		}
	}

	// ------------------------------------------------------------------------------------------------ helpers

	static double[] interiorValues(EffectDescriptor d) {
		double[] v = new double[d.parameters().size()];
		for (int i = 0; i < v.length; i++) {
			v[i] = Harness.interior(d.parameters().get(i));
		}
		return v;
	}

	private static String describe(EffectDescriptor d, double[] v) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < v.length; i++) {
			if (!Double.isNaN(v[i])) {
				s.append(s.length() == 0 ? "" : ", ").append(d.parameters().get(i).id()).append('=').append(v[i]);
			}
		}
		return s.length() == 0 ? "defaults" : s.toString();
	}
}
