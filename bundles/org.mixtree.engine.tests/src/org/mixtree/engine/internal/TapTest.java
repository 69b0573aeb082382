package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.Plan;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.engine.realtime.Tap;

/**
 * The player's taps, driven as a device drives the player (the test thread calls {@code callback().process}).
 * Reference: the offline render of the same plan's buses (tolerance 0: the same mixer's blocks, partitioned
 * differently), and for a mono track the pan law's formula {@code L = R = cos(pi/4) x} at centre (tolerance 1e-7,
 * float rounding of one product).
 */
class TapTest {
	static final int RATE = 48000;

	/** A sine alone on a bus (so the bus's render is the track's output), noise on another bus, both to master. */
	private static Mix session() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		mix.bus("master", null).bus("solo", "master").bus("drums", "master");
		mix.track("tone", "solo", Mix.sine(1000.0 / 48, 0.5, 60_000)); // 1 kHz
		mix.track("kick", "drums", Mix.noise(1, 1, 60_000), 0, 0, -3, -0.3, false, false, false);
		mix.track("snare", "drums", Mix.noise(2, 2, 50_000), 0, 5_000, 0, 0.2, false, false, false);
		return mix;
	}

	private static void drive(Player player, int frames, int callbacks) {
		float[][] out = new float[2][frames];
		for (int c = 0; c < callbacks; c++) {
			assertTrue(player.awaitPrefetch(frames + 4096, 5000));
			player.callback().process(out, frames);
		}
	}

	/** Appends everything new in {@code tap} to {@code all} from {@code at}; @return the new end */
	private static int drain(Tap tap, float[][] all, float[][] buf, int at) {
		int n;
		while ((n = tap.readNext(buf)) > 0) {
			for (int c = 0; c < 2; c++) {
				System.arraycopy(buf[c], 0, all[c], at, n);
			}
			at += n;
		}
		assertTrue(n == 0, "no frames lost: " + n);
		return at;
	}

	@Test
	void tapsAreTheOfflineRenderSampleExactAcrossAPlanSwap() throws Exception {
		Mix mix = session();
		CompiledPlan plan = mix.plan();
		List<float[][]> ref = mix.renderAll(plan, 512, 1, new int[] { plan.node("solo"), plan.node("drums"),
				plan.master });
		int frames = 128;
		int callbacks = 50_000 / frames;
		CompiledPlan played = mix.plan();
		try (Player player = new Player(played, RATE, frames, new PlayerOptions(2, 2, false),
				PlayerTest.opener(mix))) {
			Tap tone = player.openTap("tone");
			Tap solo = player.openTap("solo");
			Tap drums = player.openTap("drums");
			Tap master = player.openTap("master");
			assertEquals(0, master.framesWritten(), "nothing is written before playing");
			player.play();
			float[][] buf = new float[2][300]; // not a multiple of the block: reads straddle blocks and the wrap
			Tap[] taps = { tone, solo, drums, master };
			float[][][] got = new float[4][2][callbacks * frames];
			int[] at = new int[4];
			for (int c = 0; c < callbacks; c++) {
				if (c == callbacks / 2) {
					// a recompiled plan keeps feeding the same rings for the same ids
					Plan next = Engine.compile(mix.description(), played);
					player.swap(next);
				}
				drive(player, frames, 1);
				for (int t = 0; t < taps.length; t++) {
					at[t] = drain(taps[t], got[t], buf, at[t]);
				}
			}
			assertEquals(1, player.swaps(), "the swap reached the audio thread");
			for (int t = 0; t < taps.length; t++) {
				assertEquals(callbacks * frames, at[t], taps[t].channelId() + " frames read");
				assertEquals(callbacks * frames, taps[t].framesWritten(), taps[t].channelId() + " frames written");
			}
			// buses: the offline render's own numbers, exactly
			String[] ids = { "solo", "drums", "master" };
			for (int b = 0; b < 3; b++) {
				float[][] want = ref.get(b);
				for (int i = 0; i < at[b + 1]; i++) {
					for (int ch = 0; ch < 2; ch++) {
						float w = i < want[0].length ? want[ch][i] : 0f;
						if (w != got[b + 1][ch][i]) {
							assertEquals(w, got[b + 1][ch][i], 0, ids[b] + " frame " + i + " channel " + ch);
						}
					}
				}
			}
			// the track: its only bus's render exactly, and the pan law's formula
			double g = Math.cos(Math.PI / 4);
			for (int i = 0; i < at[0]; i++) {
				double x = i < 60_000 ? 0.5 * Math.sin(2 * Math.PI * 1000.0 / 48 * i / 1000.0) : 0;
				for (int ch = 0; ch < 2; ch++) {
					assertEquals(got[1][ch][i], got[0][ch][i], 0, "tone = solo, frame " + i);
					assertEquals(g * x, got[0][ch][i], 1e-7, "tone formula, frame " + i);
				}
			}
			// readLatest: the newest frames, oldest first
			float[][] latest = new float[2][1000];
			assertEquals(1000, master.readLatest(latest, 1000));
			int end = at[3];
			for (int i = 0; i < 1000; i++) {
				assertEquals(got[3][0][end - 1000 + i], latest[0][i], 0, "latest frame " + i);
			}
			for (Tap t : taps) {
				t.close();
			}
			assertEquals(List.of(), player.tappedChannels(), "no rings left when every tap is closed");
		}
	}

	@Test
	void aReaderThatFallsBehindIsToldHowManyFramesItLost() throws Exception {
		Mix mix = session();
		CompiledPlan plan = mix.plan();
		float[][] ref = mix.render(plan, 512, 1, plan.master);
		int frames = 256;
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(2, 2, false),
				PlayerTest.opener(mix))) {
			Tap tap = player.openTap("master");
			int capacity = Integer.highestOneBit((int) Math.ceil(Player.TAP_SECONDS * RATE) - 1) << 1;
			assertEquals(capacity / 2, tap.history());
			player.play();
			// 1.5 rings' worth without reading: the oldest half ring is gone
			int callbacks = (capacity + capacity / 2) / frames;
			drive(player, frames, callbacks);
			long written = (long) callbacks * frames;
			assertEquals(written, tap.framesWritten());
			float[][] buf = new float[2][4096];
			assertEquals(-(written - capacity / 2), tap.readNext(buf), "the skipped frames, counted");
			// then it goes on half a ring (its history) before the newest frame, so that a writer still writing does
			// not overtake it again before its next read (going on from the oldest frame held, it never caught up)
			assertEquals(4096, tap.readNext(buf));
			long from = written - capacity / 2;
			for (int i = 0; i < 4096; i++) {
				int f = (int) (from + i);
				assertEquals(f < ref[0].length ? ref[0][f] : 0f, buf[0][i], 0, "frame " + f);
			}
			// a second tap of the channel shares the ring and has a cursor of its own
			try (Tap other = player.openTap("master")) {
				assertEquals(List.of("master"), player.tappedChannels());
				drive(player, frames, 4);
				assertEquals(4 * frames, other.readNext(buf));
				assertEquals(4 * frames, other.framesWritten());
			}
			assertEquals(List.of("master"), player.tappedChannels(), "the first tap still holds the ring");
			tap.close();
			tap.close();
			assertEquals(List.of(), player.tappedChannels());
			assertEquals(0, tap.readNext(buf), "a closed tap reads nothing");
		}
	}

	@Test
	void withTapsOpenTheAudioThreadAllocatesNothing() throws Exception {
		Mix mix = session();
		int frames = 128;
		try (Player player = new Player(mix.plan(), RATE, frames, new PlayerOptions(2, 2, true),
				PlayerTest.opener(mix))) {
			Tap[] taps = { player.openTap("tone"), player.openTap("drums"), player.openTap("master") };
			AtomicInteger request = new AtomicInteger();
			AtomicReferenceArray<PlayerStats> snaps = new AtomicReferenceArray<>(4);
			Thread helper = new Thread(() -> {
				for (int i = 0; i <= 3; i++) {
					while (request.get() <= i) {
						LockSupport.parkNanos(100_000);
					}
					snaps.set(i, player.stats());
				}
			});
			helper.setDaemon(true);
			helper.start();
			player.play();
			float[][] out = new float[2][frames];
			for (int c = 0; c < Player.WARM_UP_CALLBACKS; c++) {
				player.callback().process(out, frames);
			}
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (player.stats().audioThreadAllocatedBytes() < 0 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			// a view's worker reads the taps meanwhile, and one more tap opens and closes (a board change the
			// mixer resolves on the audio thread)
			AtomicBoolean measuring = new AtomicBoolean(true);
			AtomicLong read = new AtomicLong();
			Thread reader = new Thread(() -> {
				float[][] buf = new float[2][2048];
				int k = 0;
				while (measuring.get()) {
					for (Tap t : taps) {
						int n = t.readNext(buf);
						read.addAndGet(Math.max(0, n));
						t.readLatest(buf, 1024);
					}
					if (++k % 20 == 0) {
						player.openTap("kick").close();
					}
					LockSupport.parkNanos(5_000_000L);
				}
			}, "test-view-worker");
			reader.start();
			request.set(1);
			while (snaps.get(0) == null) {
				Thread.onSpinWait();
			}
			long[] window = new long[3];
			int w = 0;
			for (; w < 3; w++) {
				for (int c = 0; c < 10_000; c++) {
					player.callback().process(out, frames);
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
			// on a quiet machine the windows can pass before the reader's first turn: play on until it has read
			long readDeadline = System.nanoTime() + 5_000_000_000L;
			while (read.get() == 0 && System.nanoTime() < readDeadline) {
				player.callback().process(out, frames);
				LockSupport.parkNanos(1_000_000L);
			}
			measuring.set(false);
			reader.join();
			System.out.printf("taps: allocated %s bytes over windows of 10000 callbacks with 3 taps open; %d frames"
					+ " read%n", java.util.Arrays.toString(window), read.get());
			assertTrue(read.get() > 0, "the reader read frames");
			assertTrue(taps[2].framesWritten() >= 10_000L * frames, "the master tap was fed every block");
			assertTrue(w < 3, "a window of 10000 callbacks without allocation: " + java.util.Arrays.toString(window));
		}
	}
}
