package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.Plan;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;

/**
 * The player's per-slot fault state, read from another thread while it plays (the test thread drives the callback
 * as a device does): an insert that outputs NaN from frame 48000 on is flagged on its own channel and slot only, with
 * the reason and the time of the block it faulted in (blocks of 256 frames: the block holding frame 48000 starts at
 * 187 * 256 = 47872, 0.997 s), the other slots and channels are not, the rest of the mix plays on (a -23 dBFS tone on
 * another track reads -23 dBFS, the master never a non-finite value), and the flag stays through a plan swap (the
 * processor is kept by the rebuild).
 */
class PlayerFaultTest {
	private static final int RATE = 48000;

	@Test
	void aFaultIsFlaggedOnItsChannelAndSlotWhileTheMixPlaysOn() throws Exception {
		Mix mix = new Mix(PanLaw.MINUS_3_DB, RATE);
		float[][] tone = PlayerMeterTest.tech3341Case1(4);
		mix.bus("master", null).bus("Drums", "master").track("kick", "Drums", tone).track("bass", "master", tone);
		mix.edit("Drums", c -> c.withInserts(List.of(Insert.of(TestEffects.GAIN, Map.of("gain", 1.0)),
				Insert.of(TestEffects.FAULT, Map.of("mode", 1.0, "at", (double) RATE)))));
		Plan plan = mix.plan();
		try (Player player = new Player(plan, RATE, 256, new PlayerOptions(2, 2, false), PlayerTest.opener(mix))) {
			player.play();
			drive(player, 256, RATE / 2 / 256);
			assertFalse(player.faulted("Drums", 1), "no fault before frame 48000");
			assertNull(player.fault("Drums", 1));

			drive(player, 256, 2 * RATE / 256);
			assertTrue(player.faulted("Drums", 1), "the faulty slot is flagged");
			assertEquals("output NaN at 0.997 s", player.fault("Drums", 1));
			assertFalse(player.faulted("Drums", 0), "the slot before it runs");
			assertNull(player.fault("Drums", 0));
			for (String other : List.of("kick", "bass", "master")) {
				assertFalse(player.faulted(other, 0), other);
				assertNull(player.fault(other, 0), other);
			}
			assertNull(player.fault("nowhere", 0), "an unknown channel");
			assertNull(player.fault("Drums", 7), "a slot the channel does not have");
			assertFalse(player.faulted("Drums", -1));

			// the rest of the mix plays on: bass at its level, and nothing non-finite reaches the master
			assertEquals(-23.0, player.meter("bass").samplePeakDb(), 0.05, "bass plays on");
			assertTrue(Double.isFinite(player.meter("master").samplePeakDb()), "the master: " + player.meter("master"));
			assertTrue(player.meter("Drums").samplePeakDb() > -30, "Drums passes its input past the faulty slot");

			// a rebuild keeps the processor, and with it the fault
			Plan next = Engine.compile(mix.description(), plan);
			long swaps = player.swaps();
			player.swap(next);
			drive(player, 256, 40);
			assertTrue(player.swaps() > swaps, "the swap reached the audio thread");
			assertEquals("output NaN at 0.997 s", player.fault("Drums", 1), "the fault after the swap");
		}
	}

	private static void drive(Player player, int frames, int callbacks) {
		float[][] out = new float[2][frames];
		for (int c = 0; c < callbacks; c++) {
			assertTrue(player.awaitPrefetch(frames + 4096, 5000));
			player.callback().process(out, frames);
			for (float[] ch : out) {
				for (float v : ch) {
					assertTrue(Float.isFinite(v), "the device gets finite samples");
				}
			}
		}
	}
}
