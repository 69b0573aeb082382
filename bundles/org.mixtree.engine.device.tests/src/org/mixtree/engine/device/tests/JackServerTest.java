package org.mixtree.engine.device.tests;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.jack.JackBackend;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;


/**
 * The JACK back end and the real-time {@link Player} against a private JACK server (dummy driver, no real-time
 * scheduling) that each test starts itself under a unique name ({@code JACK_DEFAULT_SERVER} set in this process).
 * Without {@code jackd} on the PATH these tests fail: install jackd2 and jack-capture.
 * <p>
 * Threads: the test thread is [main]; JACK's process thread calls the player.
 */
class JackServerTest {

	private static final int RATE = 48000;

	/** A private jackd ({@link JackServer}) and the streams the tests open on it. */
	static final class Server implements AutoCloseable {
		final JackServer jack;

		Server(int period) throws Exception {
			jack = new JackServer("-device", period);
		}

		AudioStream open(int buffer) throws Exception {
			return new JackBackend().open(null, RATE, buffer, 2);
		}

		@Override
		public void close() throws Exception {
			jack.close();
		}
	}

	@Test
	void killedServerEndsTheStreamWithAMessage() throws Exception {
		try (Server server = new Server(256)) {
			AudioStream stream = server.open(256);
			SignalSource src = new SignalSource(TestSignals.signal(RATE * 60));
			src.go = true;
			stream.start(src);
			Thread.sleep(500);
			long t0 = System.nanoTime();
			// SIGTERM: the server exits under the active client (SIGKILL takes the same path in libjack, the socket
			// closing, but leaves the shared-memory registry dirty)
			server.jack.stop();
			assertTrue(src.stopped.await(2, TimeUnit.SECONDS), "the stream reports the stop within 2 s");
			System.out.printf("JACK killed: stopped(\"%s\") after %.0f ms%n", src.reason, (System.nanoTime() - t0) / 1e6);
			assertTrue(src.reason.contains("JACK") && src.reason.contains("stopped"), src.reason);
			t0 = System.nanoTime();
			stream.stop();
			stream.close();
			assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "stop and close do not hang");
			// the JVM goes on: a new thread runs and the native library still answers with one clean message
			try {
				new JackBackend().devices();
			} catch (AudioDeviceException e) {
				assertTrue(e.getMessage().startsWith("JACK:"), e.getMessage());
			}
		}
	}

	/**
	 * A server killed (SIGKILL) while a stream plays, three times, each time started again under the same name: the
	 * stream reports the stop, the dead client's process thread (attached to the JVM) ends by itself before the
	 * server is back, and a stream opened on the new server plays, with collections in between. Before the dead
	 * client's thread was woken to end itself, the first open after a kill had libjack cancel that attached thread,
	 * and the JVM crashed (SIGSEGV in {@code jni_DetachCurrentThread}) or hung at its next safepoint.
	 */
	@Test
	void aServerKilledAndStartedAgainUnderTheSameNameIsOpenedAgainEachTime() throws Exception {
		try (Server server = new Server(256)) {
			for (int round = 1; round <= 3; round++) {
				AudioStream stream = server.open(256);
				SignalSource src = new SignalSource(TestSignals.signal(RATE * 60));
				src.go = true;
				stream.start(src);
				Thread.sleep(400);
				assertTrue(src.pos > 0, "round " + round + ": the stream plays");
				assertEquals(1, processThreads(), "round " + round + ": one JACK process thread in the JVM");
				System.gc();
				server.jack.kill();
				assertTrue(src.stopped.await(3, TimeUnit.SECONDS), "round " + round + ": the stream reports the kill");
				stream.close();
				long deadline = System.nanoTime() + 2_000_000_000L;
				while (processThreads() > 0 && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertEquals(0, processThreads(),
						"round " + round + ": the dead client's process thread ended by itself before the server is back");
				System.gc();
				server.jack.start();
			}
			AudioStream last = server.open(256);
			SignalSource src = new SignalSource(TestSignals.signal(RATE * 60));
			src.go = true;
			last.start(src);
			Thread.sleep(400);
			System.gc();
			int pos = src.pos;
			Thread.sleep(200);
			assertTrue(src.pos > pos, "the stream on the fourth server plays on after a collection");
			last.close();
		}
	}

	/** @return the JACK process threads attached to the JVM (named by the stream, see JackNative) */
	private static long processThreads() {
		return Thread.getAllStackTraces().keySet().stream()
				.filter(t -> t.isAlive() && t.getName().equals("mixtree-jack-audio")).count();
	}

	/**
	 * Three tracks (mono panned left, mono centre, stereo) into a bus into the master, played by the Player through
	 * JACK at 1024 frames and recorded with jack_capture, equal the offline render once aligned.
	 */
	@Test
	void playerThroughJackEqualsTheOfflineRender() throws Exception {
		int buffer = Integer.parseInt(System.getenv().getOrDefault("MIXTREE_JACK_TEST_BUFFER", "1024"));
		double seconds = Double.parseDouble(System.getenv().getOrDefault("MIXTREE_DEVICE_TEST_SECONDS", "20"));
		// One retry when the first run had xruns: the dummy driver runs without real-time priority, so a machine
		// busy with the rest of the build can deschedule it; a second full run with none shows that the path
		// plays the 20 s without an xrun. The comparison with the render must hold in every run.
		long xruns = playAndCompare(buffer, seconds);
		if (xruns > 0) {
			System.out.printf("JACK player: %d xruns in the first run, running once more%n", xruns);
			xruns = playAndCompare(buffer, seconds);
		}
		assertEquals(0, xruns, "xruns in " + seconds + " s at " + buffer + " frames (two runs)");
	}

	/** One 20 s run: plays, records, compares with the offline render; returns the xruns seen while playing. */
	private long playAndCompare(int buffer, double seconds) throws Exception {
		long xruns;
		int frames = (int) (seconds * RATE);
		Path dir = Files.createTempDirectory("mixtree-jack-player-");
		Path[] t = tracks(dir, TestSignals.signal(frames));
		GraphDescription graph = graph(t[0], t[1], t[2], -2, false, "bus");
		Plan plan = Engine.compile(graph);
		Path rendered = dir.resolve("render.wav");
		Engine.render(Engine.compile(graph), RenderOptions.of(rendered, SampleFormat.F32), null);
		float[][] expected = readWav(rendered);
		Path rec = dir.resolve("rec.wav");
		try (Server server = new Server(buffer); AudioStream stream = server.open(buffer)) {
			assertEquals(buffer, stream.bufferFrames());
			PlayerStats stats;
			try (Player player = new Player(plan, stream.sampleRate(), stream.bufferFrames(),
					new PlayerOptions(2, 1, true))) {
				CountDownLatch stopped = new CountDownLatch(1);
				AudioCallback cb = player.callback();
				stream.start(new AudioCallback() {
					@Override
					public void process(float[][] out, int n) {
						cb.process(out, n);
					}

					@Override
					public void stopped(String reason) {
						stopped.countDown();
					}
				});
				Process capture = new ProcessBuilder("jack_capture", "-as", "-ns", "-d", Double.toString(seconds + 2),
						"-p", "mixtree:out_1", "-p", "mixtree:out_2", "-f", "wav", rec.toString())
						.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
				Thread.sleep(700);
				assertTrue(player.awaitPrefetch(RATE, 3000), "prefetch");
				long xruns0 = stream.xruns();
				player.play();
				long deadline = System.nanoTime() + (long) ((seconds + 5) * 1e9);
				while (player.position() < frames && System.nanoTime() < deadline) {
					Thread.sleep(50);
				}
				stats = player.stats();
				assertTrue(capture.waitFor(15, TimeUnit.SECONDS), "jack_capture ends");
				xruns = stream.xruns() - xruns0;
				System.out.printf("JACK player at %d frames: %d xruns in %.0f s, callbacks %d, p50 %.1f%% p99 %.1f%% "
						+ "p99.9 %.1f%% max %.1f%%, %d bytes allocated on the audio thread after warm-up%n", buffer,
						xruns, seconds, stats.callbacks(), stats.callbackP50(), stats.callbackP99(),
						stats.callbackP999(), stats.callbackMax(), stats.audioThreadAllocatedBytes());
				assertEquals(1, stopped.getCount(), "the server did not stop");
			}
			// the player's fade-in covers the first FADE_SECONDS: compare after it
			int skip = (int) Math.round(Player.FADE_SECONDS * RATE) + 1;
			float[][] recorded = readWav(rec);
			float[][] exp = tail(expected, skip);
			compare("JACK player", exp, recorded, skip + 4096);
			return xruns;
		} finally {
			try (var s = Files.list(dir)) {
				for (Path p : s.toList()) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
		}
	}

	/**
	 * The session of {@link #playerThroughJackEqualsTheOfflineRender} with track b's fader at {@code bDb}, track c
	 * muted or not, and track a feeding {@code aOutput}.
	 */
	static GraphDescription graph(Path a, Path b, Path c, double bDb, boolean cMuted, String aOutput) {
		return new GraphDescription(RATE, PanLaw.MINUS_3_DB, List.of(
				new Channel("master", "master", Kind.BUS, null, -3, 0, false, false, false, null),
				new Channel("bus", "drums", Kind.BUS, null, -1, 0.2, false, false, false, "master"),
				new Channel("a", "a", Kind.TRACK, new GraphDescription.Source(a, 0, 0), -6, -0.6, false, false, false,
						aOutput),
				new Channel("b", "b", Kind.TRACK, new GraphDescription.Source(b, 0, 0), bDb, 0, false, false, false,
						"bus"),
				new Channel("c", "c", Kind.TRACK, new GraphDescription.Source(c, 0, 0), -4, 0.3, cMuted, false, false,
						"master")));
	}

	/** The three tracks' files in {@code dir}: a and b mono, c stereo. */
	static Path[] tracks(Path dir, float[][] sig) throws IOException {
		return new Path[] { wav(dir.resolve("a.wav"), new float[][] { sig[0] }),
				wav(dir.resolve("b.wav"), new float[][] { scaled(sig[1], 0.5f) }),
				wav(dir.resolve("c.wav"), new float[][] { scaled(sig[1], 0.7f), scaled(sig[0], 0.3f) }) };
	}

	static float[][] render(GraphDescription graph, Path file) throws Exception {
		Engine.render(Engine.compile(graph), RenderOptions.of(file, SampleFormat.F32), null);
		return readWav(file);
	}

	/**
	 * While playing at 1024 frames: b's fader down 20 dB ({@link Player#setGain}), then c muted and then a routed
	 * past the bus to the master (each a {@link Player#swap} of a recompiled plan). In the recording: no sample step
	 * larger than the largest of the renders' own plus -60 dBFS, and each change complete (the recording equal to
	 * the new state's offline render) within 50 ms of the frame the player was at when it was asked.
	 */
	@Test
	void changesWhilePlayingAreCleanAndPrompt() throws Exception {
		int buffer = 1024;
		double seconds = 8;
		int frames = (int) (seconds * RATE);
		Path dir = Files.createTempDirectory("mixtree-jack-changes-");
		try {
			Path[] t = tracks(dir, sines(frames));
			GraphDescription g0 = graph(t[0], t[1], t[2], -2, false, "bus");
			GraphDescription g1 = graph(t[0], t[1], t[2], -22, false, "bus");
			GraphDescription g2 = graph(t[0], t[1], t[2], -22, true, "bus");
			GraphDescription g3 = graph(t[0], t[1], t[2], -22, true, "master");
			float[][][] renders = { render(g0, dir.resolve("r0.wav")), render(g1, dir.resolve("r1.wav")),
					render(g2, dir.resolve("r2.wav")), render(g3, dir.resolve("r3.wav")) };
			double ownStep = 0;
			for (float[][] r : renders) {
				ownStep = Math.max(ownStep, maxStep(r, 0, r[0].length));
			}
			Path rec = dir.resolve("rec.wav");
			long[] at = new long[4];
			int skip = (int) Math.round(Player.FADE_SECONDS * RATE) + 1;
			try (Server server = new Server(buffer); AudioStream stream = server.open(buffer)) {
				Plan p0 = Engine.compile(g0);
				try (Player player = new Player(p0, stream.sampleRate(), stream.bufferFrames(),
						new PlayerOptions(2, 1, true))) {
					stream.start(player.callback());
					Process capture = new ProcessBuilder("jack_capture", "-as", "-ns", "-d",
							Double.toString(seconds + 2), "-p", "mixtree:out_1", "-p", "mixtree:out_2", "-f", "wav",
							rec.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
							.start();
					Thread.sleep(700);
					assertTrue(player.awaitPrefetch(RATE, 3000), "prefetch");
					long xruns0 = stream.xruns();
					player.play();
					waitFor(player, 2 * RATE);
					at[1] = player.position();
					player.setGain("b", -22);
					waitFor(player, 4 * RATE);
					at[2] = player.position();
					player.swap(Engine.compile(g2, p0));
					waitFor(player, 6 * RATE);
					at[3] = player.position();
					player.swap(Engine.compile(g3, p0));
					waitFor(player, frames);
					assertTrue(capture.waitFor(15, TimeUnit.SECONDS), "jack_capture ends");
					assertEquals(0, stream.xruns() - xruns0, "xruns");
				}
			}
			float[][] recorded = readWav(rec);
			float[][] exp0 = tail(renders[0], skip);
			int lag = align(exp0, recorded, skip + 4096);
			// recorded[i] holds timeline frame i - lag + skip
			int offset = lag - skip;
			double step = maxStep(recorded, offset + skip, offset + frames - 256);
			double limit = ownStep + Math.pow(10, -60 / 20.0);
			System.out.printf("JACK changes: largest step %.5f, the renders' own %.5f (limit %.5f)%n", step, ownStep,
					limit);
			assertTrue(step <= limit, "a click: step " + step + " > " + limit);
			for (int k = 1; k <= 3; k++) {
				long end = k < 3 ? at[k + 1] : frames - 256;
				// the last frame before `end` where the recording still differs from the new state's render
				long done = at[k];
				for (long f = at[k]; f < end; f++) {
					for (int c = 0; c < 2; c++) {
						if (Math.abs(recorded[c][(int) (f + offset)] - renders[k][c][(int) f]) > 1e-4) {
							done = f + 1;
						}
					}
				}
				double ms = (done - at[k]) * 1000.0 / RATE;
				System.out.printf("JACK change %d (at frame %d) complete after %.1f ms%n", k, at[k], ms);
				assertTrue(done < end - RATE / 2, "change " + k + " never completes");
				assertTrue(ms <= 50, "change " + k + " took " + ms + " ms");
			}
		} finally {
			deleteTree(dir);
		}
	}

	/**
	 * At 64 frames (about 12 500 callbacks in 17 s): after warm-up, the audio thread allocates nothing, fader, pan
	 * and swaps included.
	 */
	@Test
	void noAllocationOnTheAudioThreadOver10000Callbacks() throws Exception {
		int buffer = 64;
		Path dir = Files.createTempDirectory("mixtree-jack-alloc-");
		try {
			Path[] t = tracks(dir, TestSignals.signal(30 * RATE));
			GraphDescription g0 = graph(t[0], t[1], t[2], -2, false, "bus");
			try (Server server = new Server(buffer); AudioStream stream = server.open(buffer)) {
				Plan p0 = Engine.compile(g0);
				try (Player player = new Player(p0, stream.sampleRate(), stream.bufferFrames(),
						new PlayerOptions(2, 1, true))) {
					stream.start(player.callback());
					Thread.sleep(200);
					assertTrue(player.awaitPrefetch(RATE, 3000), "prefetch");
					player.play();
					long deadline = System.nanoTime() + 40_000_000_000L;
					while (player.stats().audioThreadAllocatedBytes() < 0 && System.nanoTime() < deadline) {
						Thread.sleep(20);
					}
					long first = player.stats().callbacks();
					int i = 0;
					while (player.stats().callbacks() < first + 10_000 && System.nanoTime() < deadline) {
						Thread.sleep(100);
						player.setGain("b", i % 2 == 0 ? -10 : -2);
						player.setPan("a", i % 2 == 0 ? 0.5 : -0.6);
						if (i % 40 == 20) {
							player.swap(Engine.compile(graph(t[0], t[1], t[2], -2, i % 80 == 20, "bus"), p0));
						}
						i++;
					}
					PlayerStats s = player.stats();
					long callbacks = s.callbacks() - first;
					System.out.printf("JACK at 64 frames: %d bytes allocated on the audio thread over %d callbacks "
							+ "after warm-up (%d xruns, p50 %.0f%% p99 %.0f%% max %.0f%%)%n", s.audioThreadAllocatedBytes(),
							callbacks, stream.xruns(), s.callbackP50(), s.callbackP99(), s.callbackMax());
					assertTrue(callbacks >= 10_000, callbacks + " callbacks");
					assertEquals(0, s.audioThreadAllocatedBytes(), "bytes allocated on the audio thread");
				}
			}
		} finally {
			deleteTree(dir);
		}
	}

	static void waitFor(Player player, long frame) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (player.position() < frame && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
	}

	/** The largest |x[n] - x[n-1]| over both channels in [from, to). */
	static double maxStep(float[][] x, int from, int to) {
		double m = 0;
		for (float[] ch : x) {
			for (int i = Math.max(1, from); i < Math.min(to, ch.length); i++) {
				m = Math.max(m, Math.abs(ch[i] - ch[i - 1]));
			}
		}
		return m;
	}

	static void deleteTree(Path dir) throws IOException {
		try (var s = Files.list(dir)) {
			for (Path p : s.toList()) {
				Files.deleteIfExists(p);
			}
		}
		Files.deleteIfExists(dir);
	}

	/** [audio] Plays a precomputed signal once; copies only. */
	static final class SignalSource implements AudioCallback {
		final float[][] signal;
		final CountDownLatch stopped = new CountDownLatch(1);
		volatile boolean go;
		volatile String reason;
		volatile int pos;

		SignalSource(float[][] signal) {
			this.signal = signal;
		}

		@Override
		public void process(float[][] out, int frames) {
			int n = signal[0].length;
			for (int c = 0; c < out.length; c++) {
				for (int i = 0; i < frames; i++) {
					int p = pos + i;
					out[c][i] = go && p < n ? signal[c][p] : 0f;
				}
			}
			if (go) {
				pos += frames;
			}
		}

		@Override
		public void stopped(String why) {
			reason = why;
			stopped.countDown();
		}
	}

	/**
	 * Sines only (441, 997 and 5123.4 Hz): a signal whose own sample steps are small, so that a click (a step from
	 * a cut) stands out.
	 */
	static float[][] sines(int frames) {
		float[][] s = new float[2][frames];
		for (int i = 0; i < frames; i++) {
			double t = (double) i / RATE;
			for (int c = 0; c < 2; c++) {
				s[c][i] = (float) (0.4 * Math.sin(2 * Math.PI * (c == 0 ? 441 : 997) * t)
						+ 0.1 * Math.sin(2 * Math.PI * 5123.4 * t + c));
			}
		}
		return s;
	}

	/**
	 * Finds where {@code expected} starts in {@code recorded} by cross-correlation (searching {@code search} frames
	 * from the first non-silent one), then asserts the residual over the whole of {@code expected} is below -90 dBFS.
	 */
	static void compare(String what, float[][] expected, float[][] recorded, int search) {
		int lag = align(expected, recorded, search);
		int n = Math.min(expected[0].length, recorded[0].length - lag);
		assertTrue(n >= expected[0].length - 1, what + ": recorded " + n + " of " + expected[0].length + " frames");
		double err = 0;
		double peak = 0;
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < n; i++) {
				double d = recorded[c][lag + i] - expected[c][i];
				err += d * d;
				peak = Math.max(peak, Math.abs(d));
			}
		}
		double rmsDb = 10 * Math.log10(err / (2.0 * n) + 1e-30);
		double peakDb = 20 * Math.log10(peak + 1e-30);
		System.out.printf("%s: lag %d frames, residual %.1f dBFS rms, %.1f dBFS peak over %d frames%n", what, lag,
				rmsDb, peakDb, n);
		assertTrue(rmsDb < -90, what + ": residual " + rmsDb + " dBFS rms");
	}

	/** @return the index of {@code recorded} where {@code expected} starts (cross-correlation of channel 1) */
	static int align(float[][] expected, float[][] recorded, int search) {
		int window = 4096;
		int first = 0;
		while (first < recorded[0].length && Math.abs(recorded[0][first]) < 1e-6f) {
			first++;
		}
		assertTrue(first < recorded[0].length, "the recording is silent");
		int lag = -1;
		double best = Double.NEGATIVE_INFINITY;
		for (int k = Math.max(0, first - 64); k <= first + search && k + window < recorded[0].length; k++) {
			double dot = 0;
			for (int i = 0; i < window; i++) {
				dot += (double) recorded[0][k + i] * expected[0][i];
			}
			if (dot > best) {
				best = dot;
				lag = k;
			}
		}
		return lag;
	}

	static float[][] readWav(Path wav) throws IOException {
		try (AudioFileReader r = AudioFiles.open(wav)) {
			float[][] d = new float[r.channels()][(int) r.frames()];
			int got = 0;
			while (got < d[0].length) {
				int k = r.read(d, got, Math.min(65536, d[0].length - got));
				if (k <= 0) {
					break;
				}
				got += k;
			}
			return d;
		}
	}

	static float[] scaled(float[] x, float g) {
		float[] y = new float[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = x[i] * g;
		}
		return y;
	}

	static float[][] tail(float[][] x, int from) {
		float[][] y = new float[x.length][];
		for (int c = 0; c < x.length; c++) {
			y[c] = java.util.Arrays.copyOfRange(x[c], from, x[c].length);
		}
		return y;
	}

	static Path wav(Path file, float[][] data) throws IOException {
		try (WavWriter w = new WavWriter(file, data.length, RATE, SampleFormat.F32, 1)) {
			w.write(data, 0, data[0].length);
		}
		return file;
	}
}
