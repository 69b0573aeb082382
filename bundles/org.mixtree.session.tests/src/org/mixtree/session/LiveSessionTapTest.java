package org.mixtree.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.Tap;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;

/**
 * {@link LiveSession#openTap}: a channel's tap on a live session playing through a device that calls back at real
 * time from a thread of its own (an in-memory device recording what it is given). The master's tap is what the
 * device is given, frame for frame after the fade-in (tolerance 0: the same buffer, copied), and it goes on
 * across the plan swap a structural edit (a mute) makes.
 */
class LiveSessionTapTest {
	static final int RATE = 48000;
	static final int BUFFER = 256;

	@TempDir
	Path dir;

	/** A device on a thread of its own, calling back every buffer period and recording the output. */
	static final class MemoryDevice implements AudioStream {
		final float[][] recorded = new float[2][RATE * 8];
		volatile int written;
		private volatile boolean running;
		private Thread thread;

		@Override
		public int sampleRate() {
			return RATE;
		}

		@Override
		public int bufferFrames() {
			return BUFFER;
		}

		@Override
		public int channels() {
			return 2;
		}

		@Override
		public String deviceName() {
			return "memory";
		}

		@Override
		public void start(AudioCallback callback) {
			running = true;
			thread = new Thread(() -> {
				float[][] out = new float[2][BUFFER];
				long period = 1_000_000_000L * BUFFER / RATE;
				long next = System.nanoTime();
				while (running) {
					callback.process(out, BUFFER);
					int at = written;
					int n = Math.min(BUFFER, recorded[0].length - at);
					for (int c = 0; c < 2; c++) {
						System.arraycopy(out[c], 0, recorded[c], at, n);
					}
					written = at + n;
					next += period;
					LockSupport.parkNanos(next - System.nanoTime());
				}
			}, "memory-device");
			thread.start();
		}

		@Override
		public void stop() {
			running = false;
			if (thread != null) {
				try {
					thread.join();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public long xruns() {
			return 0;
		}

		@Override
		public void close() {
			stop();
		}
	}

	@Test
	void theMastersTapIsWhatTheDeviceIsGivenAcrossASwap() throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Path file = dir.resolve("tap.mixtree");
		Session session = SessionEditing.create(domain, file, "tap", RATE);
		SessionCommands.execute(domain, SessionCommands.addBus(domain, session, "Keys", null));
		Bus keys = session.getBuses().get(0);
		Track a = track(domain, session, "a", keys, 330);
		track(domain, session, "b", null, 550);
		MemoryDevice device = new MemoryDevice();
		try (LiveSession live = LiveSession.open(session, file, domain, rate -> device,
				new PlayerOptions(2, 1, false, 0), EffectRegistry.osgi())) {
			assertTrue(live.awaitIdle(10_000));
			Tap master = live.openTap(session.getMaster());
			Tap bus = live.openTap(keys);
			assertNotNull(master, "the device has started: a tap opens");
			assertEquals("bus/Keys", bus.channelId());
			live.play();
			Thread.sleep(600);
			long swaps = live.swaps();
			SessionCommands.execute(domain, SessionCommands.setMute(domain, a, true));
			long deadline = System.nanoTime() + 5_000_000_000L;
			while (live.swaps() == swaps && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertEquals(swaps + 1, live.swaps(), "the mute swapped a plan in");
			long atSwap = master.framesWritten();
			Thread.sleep(600);
			live.stop();
			Thread.sleep(300);
			assertTrue(master.framesWritten() > atSwap + RATE / 4, "the tap went on after the swap: "
					+ master.framesWritten() + " frames, " + atSwap + " at the swap");
			float[][] tapped = new float[2][(int) master.framesWritten()];
			int got = 0;
			int n;
			float[][] buf = new float[2][4096];
			while ((n = master.readNext(buf)) > 0) {
				for (int c = 0; c < 2; c++) {
					System.arraycopy(buf[c], 0, tapped[c], got, n);
				}
				got += n;
			}
			assertEquals(0, n, "nothing lost");
			// where the device's recording starts playing: the first non-zero frame of both
			int fade = (int) Math.round(org.mixtree.engine.realtime.Player.FADE_SECONDS * RATE);
			int t0 = first(tapped[0]);
			int d0 = first(device.recorded[0]);
			int compared = 0;
			for (int i = fade + 1; t0 + i < got && d0 + i < device.written; i++) {
				if (i > got - 2 * fade - BUFFER) {
					break; // the stop's fade-out at the end
				}
				for (int c = 0; c < 2; c++) {
					assertEquals(device.recorded[c][d0 + i], tapped[c][t0 + i], 0f, "frame " + i + " channel " + c);
				}
				compared++;
			}
			assertTrue(compared > RATE / 2, "compared " + compared + " frames");
			// the bus's tap: the 330 Hz track, muted after the swap (silent at the end)
			float[][] latest = new float[2][1024];
			assertEquals(1024, bus.readLatest(latest, 1024));
			for (int i = 0; i < 1024; i++) {
				assertEquals(0f, latest[0][i], 0f, "Keys is silent once its only track is muted");
			}
			master.close();
			bus.close();
		}
	}

	private static int first(float[] x) {
		for (int i = 0; i < x.length; i++) {
			if (x[i] != 0f) {
				return i;
			}
		}
		return -1;
	}

	private Track track(AdapterFactoryEditingDomain domain, Session session, String name, Bus output, double hz)
			throws Exception {
		String wav = name + ".wav";
		try (WavWriter w = new WavWriter(dir.resolve(wav), 1, RATE, SampleFormat.F32, 1)) {
			float[][] buf = new float[1][RATE * 4];
			for (int i = 0; i < buf[0].length; i++) {
				buf[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * hz * i / RATE));
			}
			w.write(buf, 0, buf[0].length);
		}
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(wav);
		t.setOutput(output);
		SessionCommands.execute(domain, SessionCommands.addTrack(domain, session, t));
		return t;
	}
}
