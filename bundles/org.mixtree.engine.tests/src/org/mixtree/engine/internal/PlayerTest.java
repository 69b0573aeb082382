package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.Plan;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;

/**
 * The real-time player driven as a device would drive it: the test thread (or a thread paced at real time) calls
 * {@code callback().process} with a fixed buffer size and concatenates the output. Reference: the offline render of
 * the same graph (fresh processors), which the player must equal sample for sample outside its fades (tolerance 0:
 * the same blocks of the same mixer, only partitioned differently).
 */
class PlayerTest {
	static final int RATE = 48000;
	static final int FADE = (int) Math.round(Player.FADE_SECONDS * RATE);

	static SourceOpener opener(Mix mix) {
		return (source, rate) -> new Mix.ArraySource(source.file(), mix.signals.get(source.file()));
	}

	/** Tracks of noise and sine, one with a latency insert (PDC), an echo on a bus, a send. */
	private static Mix session() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("drums", "master").bus("fx", "master");
		mix.track("kick", "drums", Mix.noise(1, 1, 60_000), 0, 0, -3, -0.3, false, false, false);
		mix.track("snare", "drums", Mix.noise(2, 2, 50_000), 0, 5_000, 0, 0.2, false, false, false);
		mix.track("pad", "master", Mix.sine(20, 0.3, 70_000));
		mix.edit("kick", c -> c.withInserts(List.of(Insert.of(TestEffects.DELAY, Map.of("samples", 100.0)))));
		mix.edit("fx", c -> c.withInserts(List.of(Insert.of(TestEffects.ECHO, Map.of("samples", 3000.0)))));
		mix.edit("pad", c -> c.withSends(List.of(new GraphDescription.Send("fx", -6, false))));
		return mix;
	}

	/** Drives {@code callbacks} callbacks of {@code frames}, waiting for the prefetch before each (fast, no starving). */
	private static float[][] drive(Player player, int frames, int callbacks) {
		float[][] all = new float[2][frames * callbacks];
		float[][] out = new float[2][frames];
		for (int c = 0; c < callbacks; c++) {
			assertTrue(player.awaitPrefetch(frames + 4096, 5000));
			player.callback().process(out, frames);
			System.arraycopy(out[0], 0, all[0], c * frames, frames);
			System.arraycopy(out[1], 0, all[1], c * frames, frames);
		}
		return all;
	}

	private static float[][] render(Mix mix) throws Exception {
		CompiledPlan plan = mix.plan();
		return mix.render(plan, 512, 1, plan.master);
	}

	@ParameterizedTest
	@ValueSource(ints = { 64, 128, 256, 1000 })
	void outputIsTheOfflineRender(int frames) throws Exception {
		Mix mix = session();
		float[][] ref = render(mix);
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(2, 2, false), opener(mix))) {
			player.play();
			float[][] out = drive(player, frames, ref[0].length / frames + 1);
			for (int i = 0; i < ref[0].length; i++) {
				for (int c = 0; c < 2; c++) {
					float want = i < FADE ? ref[c][i] * ((i + 1) * (1f / FADE)) : ref[c][i];
					assertEquals(want, out[c][i], i < FADE ? 1e-6 : 0, "frame " + i + " channel " + c);
				}
			}
			assertEquals(0, player.stats().starvedFrames());
		}
	}

	/**
	 * The warm-up rehearses on a copy of the plan (effects of its own, moved faders, hot and silent passages, a
	 * loop, a swap, a stop): the plan then played must not have been touched by it, so the output is still the
	 * offline render sample for sample.
	 */
	@Test
	void aWarmUpLeavesTheOutputTheOfflineRender() throws Exception {
		Mix mix = session();
		float[][] ref = render(mix);
		int frames = 128;
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(2, 2, false, 600), opener(mix))) {
			player.play();
			float[][] out = drive(player, frames, ref[0].length / frames + 1);
			for (int i = FADE; i < ref[0].length; i++) {
				assertEquals(ref[0][i], out[0][i], 0, "frame " + i);
				assertEquals(ref[1][i], out[1][i], 0, "frame " + i);
			}
		}
	}

	/** Measured windows of 10 000 callbacks at most (see audioThreadAllocatesNothing). */
	private static final int WINDOWS = 3;

	@Test
	void audioThreadAllocatesNothing() throws Exception {
		Mix mix = session();
		try (Player player = new Player(mix.plan(), RATE, 128, new PlayerOptions(2, 2, true), opener(mix))) {
			// snapshots are taken by another thread (stats() allocates), asked for by spinning on atomics, so that
			// nothing the harness does between them allocates on this (the audio) thread
			java.util.concurrent.atomic.AtomicInteger request = new java.util.concurrent.atomic.AtomicInteger();
			java.util.concurrent.atomic.AtomicReferenceArray<PlayerStats> snaps = new java.util.concurrent.atomic.AtomicReferenceArray<>(
					WINDOWS + 1);
			Thread helper = new Thread(() -> {
				for (int i = 0; i <= WINDOWS; i++) {
					while (request.get() <= i) {
						LockSupport.parkNanos(100_000);
					}
					snaps.set(i, player.stats());
				}
			});
			helper.setDaemon(true);
			helper.start();
			player.play();
			float[][] out = new float[2][128];
			for (int c = 0; c < Player.WARM_UP_CALLBACKS; c++) {
				player.callback().process(out, 128);
			}
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (player.stats().audioThreadAllocatedBytes() < 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			// the meters are fed on every block; a UI timer reads every strip at 60 Hz meanwhile
			double[] values = new double[org.mixtree.engine.meter.MeterSnapshot.FIELDS];
			long metered = player.read("master", values);
			java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean(true);
			java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
			Thread ui = new Thread(() -> {
				double[] v = new double[org.mixtree.engine.meter.MeterSnapshot.FIELDS];
				while (measuring.get()) {
					var bank = player.meters();
					for (int i = 0; i < bank.channelIds().size(); i++) {
						bank.read(i, v);
					}
					polls.incrementAndGet();
					LockSupport.parkNanos(16_666_667L);
				}
			}, "test-ui-timer");
			ui.start();
			request.set(1);
			while (snaps.get(0) == null) {
				Thread.onSpinWait();
			}
			// Windows of 10 000 callbacks until one allocates nothing, at most WINDOWS: an allocation in the mixing
			// path would show in every window (at least a byte per callback); what can show once is HotSpot
			// re-resolving a call site on this thread when a method reaches its last tier inside a window, which the
			// whole suite's JVM (other tests compile the mixer with their own profiles) made happen in 5 of 8 runs
			// (40 to 872 bytes, each time in the first window only) and never when the class ran alone.
			long[] window = new long[WINDOWS];
			int w = 0;
			for (; w < WINDOWS; w++) {
				for (int c = 0; c < 10_000; c++) {
					player.callback().process(out, 128);
				}
				request.set(w + 2);
				while (snaps.get(w + 1) == null) {
					Thread.onSpinWait();
				}
				window[w] = snaps.get(w + 1).audioThreadAllocatedBytes() - snaps.get(w).audioThreadAllocatedBytes();
				if (window[w] == 0) {
					break;
				}
			}
			measuring.set(false);
			ui.join();
			assertTrue(player.read("master", values) - metered >= 2 * 10_000, "the master meter fed every block");
			assertTrue(polls.get() > 0);
			PlayerStats stats = snaps.get(Math.min(w, WINDOWS - 1) + 1);
			long total = 0;
			for (long b : window) {
				total += b;
			}
			System.out.printf("player 128 frames, 2 threads: callback p50 %.1f %% p99 %.1f %% p99.9 %.1f %% max %.1f %%"
					+ " of the period; allocated %s bytes over windows of 10000 callbacks; gc pauses %d (max %.2f ms)%n",
					stats.callbackP50(), stats.callbackP99(), stats.callbackP999(), stats.callbackMax(),
					java.util.Arrays.toString(java.util.Arrays.copyOf(window, Math.min(w + 1, WINDOWS))), stats.gcPauses(),
					stats.gcPauseMaxMillis());
			assertTrue(w < WINDOWS, "a window of 10000 callbacks without allocation on the audio thread: "
					+ java.util.Arrays.toString(window));
			assertTrue(total < 10_000, "less than a byte per callback before it (a one-off, not the mixing path): " + total);
		}
	}

	private static PlayerStats statsOffThread(Player player) throws InterruptedException {
		PlayerStats[] result = new PlayerStats[1];
		Thread t = new Thread(() -> result[0] = player.stats());
		t.start();
		t.join();
		return result[0];
	}

	private static double maxStep(float[] x, int from, int to) {
		double m = 0;
		for (int i = Math.max(1, from); i < to; i++) {
			m = Math.max(m, Math.abs(x[i] - x[i - 1]));
		}
		return m;
	}

	private static double peak(float[] x, int from, int to) {
		double m = 0;
		for (int i = from; i < to; i++) {
			m = Math.max(m, Math.abs(x[i]));
		}
		return m;
	}

	@Test
	void gainMuteAndRoutingChangesAreClickFreeAndQuick() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		float[][] sine = Mix.sine(440.0 / 48, 0.5, 5 * RATE); // 440 Hz
		mix.bus("master", null).bus("a", "master").bus("b", "master").track("t", "a", sine).track("u", "b", sine);
		double own = 0.5 * 2 * Math.PI * 440 / RATE * 2; // two tracks, in phase, at most
		Plan plan = mix.plan();
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 2, false), opener(mix))) {
			player.play();
			float[][] out = new float[2][128 * 1500];
			float[][] buf = new float[2][128];
			int at = 0;
			int gainAt = 200 * 128;
			int muteAt = 600 * 128;
			int routeAt = 1000 * 128;
			for (int c = 0; c < 1500; c++) {
				if (c * 128 == gainAt) {
					player.setGain("t", -20);
				}
				if (c * 128 == muteAt) {
					plan = Engine.compile(mix.edit("u", ch -> new GraphDescription.Channel(ch.id(), ch.name(), ch.kind(),
							ch.source(), ch.gainDb(), ch.pan(), true, false, false, ch.output())).edit("t", ch -> new GraphDescription.Channel(
							ch.id(), ch.name(), ch.kind(), ch.source(), -20, ch.pan(), false, false, false, ch.output()))
							.description(), plan);
					player.swap(plan);
				}
				if (c * 128 == routeAt) {
					plan = Engine.compile(mix.edit("t", ch -> new GraphDescription.Channel(ch.id(), ch.name(), ch.kind(),
							ch.source(), -20, ch.pan(), false, false, false, "b")).description(), plan);
					player.swap(plan);
				}
				assertTrue(player.awaitPrefetch(128 + 4096, 5000));
				player.callback().process(buf, 128);
				System.arraycopy(buf[0], 0, out[0], at, 128);
				System.arraycopy(buf[1], 0, out[1], at, 128);
				at += 128;
			}
			double limit = own + 1e-3; // -60 dBFS over the signal's own largest step
			assertTrue(maxStep(out[0], FADE, out[0].length) <= limit, "step " + maxStep(out[0], FADE, out[0].length));
			int ms50 = RATE / 20;
			double before = peak(out[0], gainAt - 4800, gainAt);
			double after = peak(out[0], gainAt + ms50, gainAt + ms50 + 4800);
			double tGain = PanLaw.MINUS_3_DB.left(0);
			assertEquals(0.5 * tGain * 2, before, 1e-3);
			assertEquals(0.5 * tGain * (1 + 0.1), after, 1e-3, "-20 dB heard within 50 ms");
			double muted = peak(out[0], muteAt + ms50, muteAt + ms50 + 4800);
			assertEquals(0.5 * tGain * 0.1, muted, 1e-3, "mute heard within 50 ms");
			double routed = peak(out[0], routeAt + ms50, routeAt + ms50 + 4800);
			assertEquals(0.5 * tGain * 0.1, routed, 1e-3, "t now feeds bus b, still heard");
		}
	}

	/**
	 * Muting one track while playing moves that track only: the other one plays through the swap untouched (the
	 * whole mix does not dip). Before the swap the output is the render with both tracks, after it the render with
	 * the one; in between, what differs from the latter is the muted track's own signal times a gain that only
	 * falls, from 1 to 0, within 10 ms.
	 */
	@Test
	void aMuteMovesOnlyThatTrack() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("a", "master").bus("b", "master");
		mix.track("t", "a", Mix.sine(440.0 / 48, 0.5, 3 * RATE)).track("u", "b", Mix.noise(7, 2, 3 * RATE));
		float[][] both = mix.render(128, 1);
		Plan plan = mix.plan();
		Mix muted = mix.edit("t", ch -> new GraphDescription.Channel(ch.id(), ch.name(), ch.kind(), ch.source(),
				ch.gainDb(), ch.pan(), true, false, false, ch.output()));
		float[][] one = muted.render(128, 1);
		int swapAt = 400 * 128;
		int frames = 800 * 128;
		float[][] out = new float[2][frames];
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			float[][] buf = new float[2][128];
			for (int c = 0; c < frames / 128; c++) {
				if (c * 128 == swapAt) {
					player.swap(Engine.compile(muted.description(), plan));
				}
				assertTrue(player.awaitPrefetch(128 + 4096, 5000));
				player.callback().process(buf, 128);
				System.arraycopy(buf[0], 0, out[0], c * 128, 128);
				System.arraycopy(buf[1], 0, out[1], c * 128, 128);
			}
		}
		int window = RATE / 100; // 10 ms: 5 ms down, and the swap's block alignment
		for (int c = 0; c < 2; c++) {
			for (int i = FADE; i < swapAt; i++) {
				assertEquals(both[c][i], out[c][i], 1e-6, "before the swap, frame " + i);
			}
			double gain = 1;
			for (int i = swapAt; i < swapAt + window; i++) {
				double own = both[c][i] - one[c][i]; // the muted track's contribution
				if (Math.abs(own) > 0.05) {
					double g = (out[c][i] - one[c][i]) / own;
					assertTrue(g > -1e-4 && g < gain + 1e-4, "frame " + i + ": gain " + g + " after " + gain);
					gain = Math.min(gain, g);
				}
			}
			for (int i = swapAt + window; i < frames; i++) {
				assertEquals(one[c][i], out[c][i], 1e-6, "after the swap, frame " + i);
			}
		}
	}

	/**
	 * A fader move made right after a swap is addressed to the new plan while the audio thread still plays the old
	 * one (a local swap waits 5 ms for the changed channels to fall silent): it is kept and applied, not lost.
	 */
	@Test
	void aFaderMoveRightAfterASwapIsNotLost() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("a", "master").bus("b", "master");
		mix.track("t", "a", Mix.sine(440.0 / 48, 0.5, 3 * RATE)).track("u", "b", Mix.noise(7, 2, 3 * RATE));
		Plan plan = mix.plan();
		Mix muted = mix.edit("u", ch -> new GraphDescription.Channel(ch.id(), ch.name(), ch.kind(), ch.source(),
				ch.gainDb(), ch.pan(), true, false, false, ch.output()));
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			drive(player, 128, 100);
			player.swap(Engine.compile(muted.description(), plan));
			player.setGain("t", -20);
			float[][] after = drive(player, 128, 200);
			double expected = 0.5 * PanLaw.MINUS_3_DB.left(0) * 0.1;
			assertEquals(expected, peak(after[0], 100 * 128, 200 * 128), 1e-3, "t at -20 dB, u muted");
		}
	}

	/**
	 * A swap to a plan that processes the same (here: recompiled as it was) plays on sample for sample: no fade,
	 * and the delay-compensation lines of the new plan take over the old ones' contents (the session has a latent
	 * insert on one track, so the others are delayed to match, an echo on a bus and a send), so the output is the
	 * offline render throughout.
	 */
	@Test
	void aSwapThatChangesNothingAudibleIsSeamless() throws Exception {
		Mix mix = session();
		float[][] ref = mix.render(256, 1);
		Plan plan = mix.plan();
		int frames = 200 * 256;
		float[][] out = new float[2][frames];
		try (Player player = new Player(plan, RATE, 256, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			float[][] buf = new float[2][256];
			for (int c = 0; c < frames / 256; c++) {
				if (c == 60 || c == 130) {
					plan = Engine.compile(mix.description(), plan);
					player.swap(plan);
				}
				assertTrue(player.awaitPrefetch(256 + 4096, 5000));
				player.callback().process(buf, 256);
				System.arraycopy(buf[0], 0, out[0], c * 256, 256);
				System.arraycopy(buf[1], 0, out[1], c * 256, 256);
			}
		}
		for (int c = 0; c < 2; c++) {
			for (int i = FADE; i < frames; i++) {
				assertEquals(ref[c][i], out[c][i], 1e-6, "channel " + c + ", frame " + i);
			}
		}
	}

	/**
	 * A rebuild that changes a parameter of an effect the new plan takes over must not set it from the compiling
	 * thread (the audio thread may be running that very effect): the change reaches the effect as a parameter event
	 * in the new plan's first block, on the audio thread, and is heard from there.
	 */
	@Test
	void aParameterChangeReachesAKeptEffectAsAnEventOnTheAudioThread() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).track("t", "master", Mix.sine(440.0 / 48, 0.5, 2 * RATE));
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.GAIN, Map.of("gain", 1.0)))));
		CompiledPlan plan = mix.plan();
		int node = plan.node("t");
		TestEffects.TestEffect effect = (TestEffects.TestEffect) plan.processors[node][0].effect;
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			double before = peak(drive(player, 128, 100)[0], 0, 100 * 128);
			mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.GAIN, Map.of("gain", 0.5)))));
			CompiledPlan rebuilt = (CompiledPlan) Engine.compile(mix.description(), plan);
			assertSame(effect, rebuilt.processors[node][0].effect, "the effect is taken over");
			assertEquals(1.0, effect.values[0], "not set by the compiling thread");
			player.swap(rebuilt);
			float[][] after = drive(player, 128, 100);
			assertEquals(0.5, effect.values[0], "set by the event");
			assertEquals(1, effect.events);
			assertEquals(before * 0.5, peak(after[0], 50 * 128, 100 * 128), 1e-6);
		}
	}

	/**
	 * A send level moved while playing goes through the parameter queue: nothing is compiled or swapped, the send
	 * ramps (no step larger than the signal's own), and 50 ms later the output is the offline render of the mix
	 * with the new level, sample for sample. A structural swap after it keeps the live level (the new plan has the
	 * same level: no dip, no jump: still the render).
	 */
	@Test
	void aSendLevelMovesWithoutASwap() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("fx", "master", -2, 0, false, false, false);
		mix.track("t", "master", Mix.sine(440.0 / 48, 0.5, 3 * RATE)).track("u", "master", Mix.noise(3, 1, 3 * RATE));
		mix.edit("t", c -> c.withSends(List.of(new GraphDescription.Send("fx", -6, false))));
		Plan plan = mix.plan();
		Mix moved = mix.edit("t", c -> c.withSends(List.of(new GraphDescription.Send("fx", -20, false))));
		float[][] ref = moved.render(128, 1);
		int moveAt = 100 * 128;
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			float[][] out = new float[2][400 * 128];
			float[][] before = drive(player, 128, 100);
			player.setSendLevel("t", 0, -20);
			float[][] after = drive(player, 128, 150);
			moved.edit("u", ch -> new GraphDescription.Channel(ch.id(), ch.name(), ch.kind(), ch.source(), ch.gainDb(),
					ch.pan(), true, false, false, ch.output()));
			player.swap(Engine.compile(moved.description(), plan));
			float[][] swapped = drive(player, 128, 150);
			for (int c = 0; c < 2; c++) {
				System.arraycopy(before[c], 0, out[c], 0, moveAt);
				System.arraycopy(after[c], 0, out[c], moveAt, 150 * 128);
				System.arraycopy(swapped[c], 0, out[c], moveAt + 150 * 128, 150 * 128);
			}
			assertEquals(1, player.swaps(), "one swap: the structural one, not the send level");
			int settled = moveAt + RATE / 20;
			for (int c = 0; c < 2; c++) {
				for (int i = settled; i < moveAt + 150 * 128; i++) {
					assertEquals(ref[c][i], out[c][i], 1e-6, "channel " + c + ", frame " + i);
				}
			}
			float[][] mutedRef = moved.render(128, 1);
			int from = moveAt + 150 * 128 + RATE / 50; // after the swap's 5 ms dip of u
			for (int c = 0; c < 2; c++) {
				for (int i = from; i < out[c].length; i++) {
					assertEquals(mutedRef[c][i], out[c][i], 1e-6, "after the swap, channel " + c + ", frame " + i);
				}
			}
		}
	}

	/**
	 * An effect parameter set while playing reaches the effect as an event in its next block, on the audio thread,
	 * without a compile or a swap; a slot or channel that does not exist is ignored.
	 */
	@Test
	void anEffectParameterReachesTheEffectWithoutASwap() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).track("t", "master", Mix.sine(440.0 / 48, 0.5, 2 * RATE));
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.GAIN, Map.of("gain", 1.0)))));
		CompiledPlan plan = mix.plan();
		TestEffects.TestEffect effect = (TestEffects.TestEffect) plan.processors[plan.node("t")][0].effect;
		try (Player player = new Player(plan, RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			double before = peak(drive(player, 128, 100)[0], 0, 100 * 128);
			player.setParameter("t", 0, 0, 0.5);
			player.setParameter("t", 3, 0, 0.1);
			player.setParameter("nothing", 0, 0, 0.1);
			float[][] after = drive(player, 128, 100);
			assertEquals(0.5, effect.values[0], "set by the event");
			assertEquals(1, effect.events);
			assertEquals(0, player.swaps(), "no swap");
			assertEquals(before * 0.5, peak(after[0], 10 * 128, 100 * 128), 1e-6);
		}
	}

	/**
	 * A preset's worth of parameter changes to an insert that does not run (bypassed) does not hold up the changes
	 * queued after it: the fader moved next is heard. (Each slot had room for 32 changes; the 33rd waited for a block
	 * the bypassed slot never ran, and every change behind it, faders included, waited with it.)
	 */
	@Test
	void changesToABypassedInsertWithManyParametersDoNotHoldUpAFader() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).track("t", "master", Mix.sine(440.0 / 48, 0.5, 2 * RATE));
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.WIDE, Map.of()).withBypass(true))));
		int parameters = TestEffects.WIDE.descriptor().parameters().size();
		try (Player player = new Player(mix.plan(), RATE, 128, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			double before = peak(drive(player, 128, 100)[0], 0, 100 * 128);
			for (int i = 0; i < parameters; i++) {
				player.setParameter("t", 0, i, 0.25);
			}
			player.setGain("t", -6);
			float[][] after = drive(player, 128, 100);
			// -6 dB is a gain of 10^(-6/20) = 0.501; the ramp is over well within the first 50 blocks
			assertEquals(before * Math.pow(10, -6 / 20.0), peak(after[0], 50 * 128, 100 * 128), 1e-4,
					"the fader after " + parameters + " changes to the bypassed insert");
		}
	}

	@Test
	void locateAndLoopAreSampleAccurate() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).track("n", "master", Mix.noise(7, 2, 100_000));
		float[][] ref = render(mix);
		try (Player player = new Player(mix.plan(), RATE, 256, new PlayerOptions(2, 1, false), opener(mix))) {
			player.play();
			drive(player, 256, 10);
			player.locate(50_000);
			float[][] out = drive(player, 256, 20);
			// FADE frames of fade-out, then frame 50 000 with a fade-in of FADE frames
			for (int j = FADE; j < 20 * 256 - FADE; j++) {
				assertEquals(ref[0][50_000 + j], out[0][FADE + j], 0, "frame " + j + " after the locate");
			}
			assertEquals(50_000 + 20 * 256 - FADE, player.position());

			player.stop();
			drive(player, 256, 2);
			player.setLoop(10_000, 12_000);
			player.locate(9_000);
			drive(player, 256, 1); // stopped: the callback applies the locate; then the prefetch fills
			long starved = player.stats().starvedFrames(); // the locate while playing above may have starved
			player.play();
			out = drive(player, 256, 40);
			assertEquals(starved, player.stats().starvedFrames());
			for (int i = FADE; i < out[0].length; i++) {
				long t = 9_000 + i < 12_000 ? 9_000 + i : 10_000 + (9_000 + i - 12_000) % 2_000;
				assertEquals(ref[1][(int) t], out[1][i], 0, "frame " + i + " of the loop");
			}
		}
	}

	/** A reader that fails after {@code after} frames, as a deleted or broken file does. */
	private static final class Failing implements SourceReader {
		final SourceReader inner;
		final long after;
		long read;

		Failing(SourceReader inner, long after) {
			this.inner = inner;
			this.after = after;
		}

		@Override
		public Path file() {
			return inner.file();
		}

		@Override
		public int channels() {
			return inner.channels();
		}

		@Override
		public long frames() {
			return inner.frames();
		}

		@Override
		public int read(float[][] dst, int offset, int count) throws IOException {
			if (read >= after) {
				throw new IOException("gone");
			}
			int k = inner.read(dst, offset, count);
			read += k;
			return k;
		}

		@Override
		public void seek(long frame) throws IOException {
			inner.seek(frame);
		}

		@Override
		public void close() throws IOException {
			inner.close();
		}
	}

	@Test
	void aFailingStemPlaysSilenceAndIsCountedWhileOthersPlayAtRealTimePace() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).track("good", "master", Mix.noise(3, 2, 3 * RATE))
				.track("bad", "master", Mix.noise(4, 2, 3 * RATE));
		Mix goodOnly = new Mix(PanLaw.MINUS_3_DB, RATE);
		goodOnly.bus("master", null).track("good", "master", mix.signals.get(Path.of("mem", "good.wav")));
		float[][] ref = render(goodOnly);
		SourceOpener base = opener(mix);
		SourceOpener failing = (s, r) -> s.file().toString().contains("bad") ? new Failing(base.open(s, r), RATE / 2)
				: base.open(s, r);
		int frames = 128;
		int callbacks = 2 * RATE / frames;
		float[][] all = new float[2][frames * callbacks];
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(1, 2, false), failing)) {
			assertTrue(player.awaitPrefetch(RATE / 4, 5000));
			player.play();
			Thread device = new Thread(() -> {
				float[][] out = new float[2][frames];
				long period = 1_000_000_000L * frames / RATE;
				long next = System.nanoTime();
				for (int c = 0; c < callbacks; c++) {
					player.callback().process(out, frames);
					System.arraycopy(out[0], 0, all[0], c * frames, frames);
					System.arraycopy(out[1], 0, all[1], c * frames, frames);
					next += period;
					LockSupport.parkNanos(next - System.nanoTime());
				}
			}, "test-device");
			device.start();
			device.join();
			PlayerStats stats = player.stats();
			assertEquals(1, stats.failedSources());
			assertTrue(stats.starvedFrames() > 0);
			// after the failure (0.5 s, plus a chunk of prefetch at most), only the good track: exactly
			for (int i = RATE; i < all[0].length; i++) {
				assertEquals(ref[0][i], all[0][i], 0, "frame " + i);
			}
			assertTrue(player.warnings().stream().anyMatch(w -> w.contains("bad")), player.warnings().toString());
		}
	}

	@Test
	void aSwappedPlanKeepsTheEchoGoing() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		float[][] click = new float[1][RATE];
		click[0][1000] = 1f;
		mix.bus("master", null).track("t", "master", click);
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.ECHO, Map.of("samples", 24_000.0)))));
		Plan plan = mix.plan();
		try (Player player = new Player(plan, RATE, 256, new PlayerOptions(2, 2, false), opener(mix))) {
			player.play();
			float[][] first = drive(player, 256, 40); // 10 240 frames: the click went into the echo
			assertEquals(0, peak(first[0], 0, first[0].length), 1e-9, "the echo only delays");
			Plan rebuilt = Engine.compile(mix.edit("t", c -> new GraphDescription.Channel(c.id(), c.name(), c.kind(),
					c.source(), -6, c.pan(), false, false, false, c.output(), c.inserts(), c.sends())).description(), plan);
			player.swap(rebuilt);
			float[][] later = drive(player, 256, 80);
			double echo = peak(later[0], 0, later[0].length);
			assertEquals(PanLaw.MINUS_3_DB.left(0) * Math.pow(10, -6 / 20.0), echo, 1e-6, "the echo came through");
		}
	}
}
