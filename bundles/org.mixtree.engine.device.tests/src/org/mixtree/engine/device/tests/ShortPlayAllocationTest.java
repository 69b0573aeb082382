package org.mixtree.engine.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.mixtree.engine.Engine;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;

/**
 * A play of 1.5 s at 256 frames through a private JACK dummy server, set up as {@code ./mixtree play} sets it up
 * (default options: the rehearsal before the first callback): the allocation on the audio thread is measured from
 * the end of the short warm-up (the callbacks before the play and the first 8 of playing), and the number of callbacks it covers agrees with the run's length over the buffer
 * period. (Before, it was measured only after 2 000 callbacks: "allocation not measured" for any play under 10.7 s
 * at 256 frames.)
 */
class ShortPlayAllocationTest {

	private static final int RATE = 48000;
	private static final int BUFFER = 256;

	@Test
	void aShortPlayReportsItsAllocationAndTheCallbacksItCovers() throws Exception {
		Path dir = Files.createTempDirectory("mixtree-short-play-");
		try {
			Path[] t = JackServerTest.tracks(dir, TestSignals.signal(5 * RATE));
			try (JackServerTest.Server server = new JackServerTest.Server(BUFFER);
					AudioStream stream = server.open(BUFFER);
					Player player = new Player(Engine.compile(JackServerTest.graph(t[0], t[1], t[2], -2, false, "bus")),
							stream.sampleRate(), stream.bufferFrames(), PlayerOptions.defaults())) {
				assertEquals(Player.REHEARSED_WARM_UP_CALLBACKS, player.warmUpCallbacks());
				long started = System.nanoTime();
				stream.start(player.callback());
				assertTrue(player.awaitPrefetch(RATE / 2, 3000), "prefetch");
				long beforePlay = player.stats().callbacks();
				player.play();
				Thread.sleep(1500);
				player.stop();
				Thread.sleep(30);
				PlayerStats s = player.stats();
				double seconds = (System.nanoTime() - started) / 1e9;
				stream.stop();
				double periods = seconds * RATE / BUFFER;
				System.out.printf("JACK %d frames, %.2f s: %d callbacks (%.0f periods of wall time), %d bytes allocated "
						+ "on the audio thread in %d callbacks after the warm-up of %d%n", BUFFER, seconds, s.callbacks(),
						periods, s.audioThreadAllocatedBytes(), s.allocationCallbacks(), player.warmUpCallbacks());
				assertTrue(s.audioThreadAllocatedBytes() >= 0, "allocation measured in a play of " + seconds + " s");
				// the dummy driver calls back once a period; a busy machine may delay a few
				assertTrue(s.callbacks() <= periods + 2 && s.callbacks() >= 0.6 * periods,
						s.callbacks() + " callbacks in " + periods + " periods");
				// from the end of the warm-up (the callbacks before the play and the first 8 of playing; taken at the disk
				// thread's next 20 ms round: about 4 periods at 256 frames, 50 allowed for a busy machine) to the
				// snapshot
				long after = s.callbacks() - beforePlay - player.warmUpCallbacks();
				assertTrue(s.allocationCallbacks() <= after && s.allocationCallbacks() >= after - 50,
						s.allocationCallbacks() + " callbacks measured of " + after + " after the warm-up");
				assertEquals(0, s.audioThreadAllocatedBytes(), "bytes allocated on the audio thread");
			}
		} finally {
			JackServerTest.deleteTree(dir);
		}
	}
}
