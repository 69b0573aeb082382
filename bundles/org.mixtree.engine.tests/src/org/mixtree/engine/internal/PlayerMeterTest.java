package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.Plan;
import org.mixtree.engine.meter.ChannelMeter;
import org.mixtree.engine.meter.MeterBank;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;

/**
 * The real-time player's meters, driven as a device drives the player (the test thread calls
 * {@code callback().process}). Reference figures are from outside the code: EBU Tech 3341 case 1 (a stereo 1 kHz
 * sine at -23 dBFS per channel reads -23.0 +-0.1 LUFS momentary and integrated; its sample peak is -23 dBFS and
 * its true peak within +0.2/-0.4 dB of it), silence for a muted track, the gain reduction an insert reports.
 */
class PlayerMeterTest {
	static final int RATE = 48000;

	/** EBU Tech 3341 case 1: 1 kHz, -23 dBFS peak on both channels, in phase. */
	static float[][] tech3341Case1(double seconds) {
		int frames = (int) Math.round(seconds * RATE);
		double a = Math.pow(10, -23 / 20.0);
		float[][] x = new float[2][frames];
		for (int i = 0; i < frames; i++) {
			x[0][i] = x[1][i] = (float) (a * Math.sin(2 * Math.PI * 1000.0 * i / RATE));
		}
		return x;
	}

	private static void drive(Player player, int frames, int callbacks) {
		float[][] out = new float[2][frames];
		for (int c = 0; c < callbacks; c++) {
			assertTrue(player.awaitPrefetch(frames + 4096, 5000));
			player.callback().process(out, frames);
		}
	}

	@Test
	void tech3341Case1ReadsMinus23OnTheBusAndTheMaster() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("bus", "master").track("tone", "bus", tech3341Case1(20));
		try (Player player = new Player(mix.plan(), RATE, 512, new PlayerOptions(2, 2, false),
				PlayerTest.opener(mix))) {
			player.play();
			drive(player, 512, 19 * RATE / 512); // 19 s of the 20 s tone
			for (String id : List.of("master", "bus", "tone")) {
				MeterSnapshot s = player.meter(id);
				assertEquals(-23.0, s.integratedLufs(), 0.1, id + " integrated");
				assertEquals(-23.0, s.momentaryLufs(), 0.1, id + " momentary");
				assertEquals(-23.0, s.shortTermLufs(), 0.1, id + " short-term");
				assertEquals(-23.0, s.samplePeakDb(), 0.05, id + " sample peak");
				assertTrue(s.truePeakDbtp() >= -23.4 && s.truePeakDbtp() <= -22.8, id + " true peak " + s.truePeakDbtp());
				assertEquals(1.0, s.correlation(), 1e-3, id + " correlation");
				assertEquals(0.0, s.gainReductionDb(), 0.0, id + " gain reduction");
			}
			// the allocation-free read gives the same values
			double[] v = new double[MeterSnapshot.FIELDS];
			assertTrue(player.read("master", v) > 0);
			assertEquals(player.meter("master"), MeterSnapshot.fromArray(v));
			assertEquals(-1, player.read("nowhere", v));
			assertEquals(MeterSnapshot.SILENT, player.meter("nowhere"));
		}
	}

	@Test
	void aMutedTrackReadsSilenceAndAHalfGainTrackSixDbLess() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		float[][] tone = tech3341Case1(3);
		mix.bus("master", null).track("on", "master", tone)
				.track("muted", "master", tone, 0, 0, 0, 0, true, false, false)
				.track("quiet", "master", tone, 0, 0, -6, 0, false, false, false);
		try (Player player = new Player(mix.plan(), RATE, 256, new PlayerOptions(2, 2, false),
				PlayerTest.opener(mix))) {
			player.play();
			drive(player, 256, 2 * RATE / 256);
			double[] v = new double[MeterSnapshot.FIELDS];
			assertTrue(player.read("muted", v) > 0, "the muted track's meter is fed (with silence)");
			MeterSnapshot muted = MeterSnapshot.fromArray(v);
			assertEquals(Double.NEGATIVE_INFINITY, muted.samplePeakDb());
			assertEquals(Double.NEGATIVE_INFINITY, muted.truePeakDbtp());
			assertEquals(Double.NEGATIVE_INFINITY, muted.momentaryLufs());
			assertEquals(Double.NEGATIVE_INFINITY, muted.integratedLufs());
			assertEquals(-23.0, player.meter("on").samplePeakDb(), 0.05);
			assertEquals(-29.0206, player.meter("quiet").samplePeakDb(), 0.05, "post-fader");
			// on + quiet in phase: 1 + 10^(-6/20) = 1.501 (+3.53 dB)
			assertEquals(-23.0 + 20 * Math.log10(1 + Math.pow(10, -6 / 20.0)), player.meter("master").samplePeakDb(),
					0.05);
		}
	}

	@Test
	void gainReductionIsTheLargestOfTheInsertsAndSurvivesASwap() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("bus", "master").track("t", "bus", tech3341Case1(5));
		mix.edit("t", c -> c.withInserts(List.of(Insert.of(TestEffects.REDUCER, Map.of("db", 2.0)),
				Insert.of(TestEffects.REDUCER, Map.of("db", 6.0)))));
		mix.edit("bus", c -> c.withInserts(List.of(Insert.of(TestEffects.REDUCER, Map.of("db", 1.5)))));
		Plan plan = mix.plan();
		try (Player player = new Player(plan, RATE, 256, new PlayerOptions(2, 2, false), PlayerTest.opener(mix))) {
			player.play();
			drive(player, 256, 200);
			assertEquals(6.0, player.meter("t").gainReductionDb(), 0.0);
			assertEquals(1.5, player.meter("bus").gainReductionDb(), 0.0);
			assertEquals(0.0, player.meter("master").gainReductionDb(), 0.0);
			MeterBank before = player.meters();
			ChannelMeter tMeter = before.meter(before.indexOf("t"));
			double integrated = player.meter("t").integratedLufs();
			// bypass the 6 dB slot: the channel now shows 2; the meter (and its integrated loudness) is kept
			Plan next = Engine.compile(mix.edit("t", c -> c.withInserts(List.of(
					Insert.of(TestEffects.REDUCER, Map.of("db", 2.0)),
					new Insert("test.reducer", TestEffects.REDUCER, true, Map.of("db", 6.0), null, null)))).description(),
					plan);
			player.swap(next);
			drive(player, 256, 40);
			MeterBank after = player.meters();
			assertTrue(after != before, "a new bank for the new plan");
			assertSame(tMeter, after.meter(after.indexOf("t")));
			assertEquals(2.0, player.meter("t").gainReductionDb(), 0.0);
			assertEquals(integrated, player.meter("t").integratedLufs(), 0.05);
		}
	}

	@Test
	void aConsumerPollingAt60HzNeverBlocksAndSeesFreshReadings() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("bus", "master").track("tone", "bus", tech3341Case1(4));
		int frames = 128;
		int callbacks = 2 * RATE / frames; // 2 s at real-time pace
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(2, 2, false),
				PlayerTest.opener(mix))) {
			assertTrue(player.awaitPrefetch(RATE / 4, 5000));
			player.play();
			AtomicBoolean done = new AtomicBoolean();
			long[] worstReadNanos = new long[1];
			int[] polls = new int[1];
			int[] fresh = new int[1];
			// a poll is stale when the device finished a block since the last poll and the reading is not newer: counted
			// against the device's own progress, so a device thread the machine's load holds back is not a stale meter
			int[] stale = new int[1];
			AtomicLong blocks = new AtomicLong();
			double[] lastMomentary = { Double.NEGATIVE_INFINITY };
			Thread ui = new Thread(() -> {
				double[] v = new double[MeterSnapshot.FIELDS];
				long seen = 0;
				long blocksSeen = 0;
				long period = 1_000_000_000L / 60;
				long next = System.nanoTime();
				while (!done.get()) {
					long t0 = System.nanoTime();
					long finished = blocks.get(); // read before the meters: they hold at least this block
					long seq = 0;
					for (String id : List.of("master", "bus", "tone")) {
						seq = player.read(id, v);
					}
					long took = System.nanoTime() - t0;
					worstReadNanos[0] = Math.max(worstReadNanos[0], took);
					polls[0]++;
					if (seq > seen) {
						fresh[0]++;
					} else if (finished > blocksSeen) {
						stale[0]++;
					}
					seen = Math.max(seen, seq);
					blocksSeen = finished;
					lastMomentary[0] = v[4];
					next += period;
					LockSupport.parkNanos(next - System.nanoTime());
				}
			}, "test-ui-timer");
			long[] worstCallback = new long[1];
			Thread device = new Thread(() -> {
				float[][] out = new float[2][frames];
				long period = 1_000_000_000L * frames / RATE;
				long next = System.nanoTime();
				for (int c = 0; c < callbacks; c++) {
					long t0 = System.nanoTime();
					player.callback().process(out, frames);
					blocks.incrementAndGet();
					if (c > 200) {
						worstCallback[0] = Math.max(worstCallback[0], System.nanoTime() - t0);
					}
					next += period;
					LockSupport.parkNanos(next - System.nanoTime());
				}
			}, "test-device");
			ui.start();
			device.start();
			device.join();
			done.set(true);
			ui.join();
			System.out.printf("meters: %d polls at 60 Hz, %d fresh, %d stale, worst read of 3 strips %.1f us; worst callback"
					+ " %.1f us of a %.0f us period%n", polls[0], fresh[0], stale[0], worstReadNanos[0] / 1e3,
					worstCallback[0] / 1e3, 1e6 * frames / RATE);
			assertTrue(polls[0] >= 90, "polls " + polls[0]); // 120 at 60 Hz over 2 s, scheduling aside
			assertEquals(0, stale[0], "a poll after a finished block sees it (" + fresh[0] + " fresh of " + polls[0] + ")");
			assertTrue(fresh[0] >= polls[0] / 2, "the meters moved: " + fresh[0] + " fresh of " + polls[0]);
			// a seqlock read retries only over a write of a few dozen ns; 5 ms allows for a descheduled reader
			assertTrue(worstReadNanos[0] < 5_000_000, "worst read " + worstReadNanos[0] + " ns");
			assertEquals(-23.0, lastMomentary[0], 0.1, "the UI read the playing master's momentary loudness");
			assertEquals(0, player.stats().starvedFrames());
		}
	}
}
