package org.mixtree.engine.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.jack.JackBackend;
import org.mixtree.engine.device.javasound.JavaSoundBackend;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The back ends against real servers: JACK with the dummy driver and PulseAudio with a null sink (started by
 * {@code ./mixtree test} or {@code .ci/run}; without them these tests are skipped, saying so). What is played is
 * recorded from the server (jack_capture of Mixtree's ports; parec of the null sink's monitor), aligned by
 * cross-correlation and compared sample by sample with what the callback produced: the residual must be below
 * -90 dBFS, with no xrun over the whole playback.
 * <p>
 * The signal is deterministic noise plus two sines, precomputed so that the callback only copies (it must not
 * allocate, as the player's must not).
 */
class RealServerTest {

	private static final int RATE = 48000;
	/** The contract is 20 s; MIXTREE_DEVICE_TEST_SECONDS shortens it on a slow machine. */
	private static final double SECONDS = Double.parseDouble(
			System.getenv().getOrDefault("MIXTREE_DEVICE_TEST_SECONDS", "20"));

	@Test
	void backendsAreServices() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(RealServerTest.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			String n = b.getSymbolicName();
			if (n.equals("org.mixtree.engine.device.jack") || n.equals("org.mixtree.engine.device.javasound")) {
				b.start(Bundle.START_ACTIVATION_POLICY | Bundle.START_TRANSIENT);
			}
		}
		Set<String> ids = new java.util.TreeSet<>();
		for (ServiceReference<AudioBackend> r : context.getServiceReferences(AudioBackend.class, null)) {
			ids.add(context.getService(r).id());
		}
		assertEquals(Set.of("jack", "javasound"), ids);
	}

	@Test
	void jackPlaysWhatTheCallbackMakes() throws Exception {
		assumeTrue(jackRunning(), "no JACK server running: start jackd -d dummy -r 48000 (./mixtree test does)");
		float[][] signal = signal((int) (SECONDS * RATE));
		Path wav = Files.createTempFile("mixtree-jack-", ".wav");
		try (AudioStream stream = new JackBackend().open(null, RATE, 256, 2)) {
			assertEquals(RATE, stream.sampleRate(), "the test server runs at 48 kHz");
			Source src = new Source(signal);
			stream.start(src);
			// jack_capture connects to our ports, which exist once the client is active
			Process rec = new ProcessBuilder("jack_capture", "-as", "-ns", "-d",
					Double.toString(SECONDS + 2), "-p", "mixtree:out_1", "-p", "mixtree:out_2", "-f", "wav",
					wav.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			Thread.sleep(700);
			src.go = true;
			assertTrue(src.done.await((long) (SECONDS * 1000) + 5000, TimeUnit.MILLISECONDS), "playback ends");
			assertTrue(rec.waitFor(10, TimeUnit.SECONDS), "jack_capture ends");
			assertEquals(0, stream.xruns(), "xruns in " + SECONDS + " s");
			float[][] recorded = readWav(wav);
			compare("JACK", signal, recorded);
		} finally {
			Files.deleteIfExists(wav);
		}
	}

	@Test
	@Disabled("2-3 underruns in 20 s through PulseAudio's ALSA plugin with a 3 x 1024-frame line buffer, so the "
			+ "recording has gaps (residual -17 dBFS): the line buffer needs sizing to the plugin's period (open work)")
	void javaSoundPlaysWhatTheCallbackMakes() throws Exception {
		assumeTrue(pulseRunning(), "no PulseAudio with a null sink 'out' (./mixtree test starts one)");
		float[][] signal = signal((int) (SECONDS * RATE));
		Process rec = new ProcessBuilder("parec", "-d", "out.monitor", "--raw", "--format=float32le", "--rate=48000",
				"--channels=2", "--latency-msec=20").redirectError(ProcessBuilder.Redirect.DISCARD).start();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		long xruns;
		Thread reader = drain(rec.getInputStream(), bytes);
		try (AudioStream stream = new JavaSoundBackend().open(null, RATE, 1024, 2)) {
			assertEquals(RATE, stream.sampleRate());
			Source src = new Source(signal);
			src.go = true;
			Thread.sleep(500);
			stream.start(src);
			assertTrue(src.done.await((long) (SECONDS * 1000) + 5000, TimeUnit.MILLISECONDS), "playback ends");
			Thread.sleep(800); // the line's and the server's buffers play out
			stream.stop();
			xruns = stream.xruns();
		} finally {
			rec.destroy();
			rec.waitFor(5, TimeUnit.SECONDS);
			reader.join(5000);
		}
		ByteBuffer bb = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
		int frames = bb.remaining() / 8;
		float[][] recorded = new float[2][frames];
		for (int i = 0; i < frames; i++) {
			recorded[0][i] = bb.getFloat();
			recorded[1][i] = bb.getFloat();
		}
		compare("Java Sound", signal, recorded);
		assertEquals(0, xruns, "underruns in " + SECONDS + " s");
	}

	/** Plays a precomputed signal once; copies only. */
	static final class Source implements AudioCallback {
		final float[][] signal;
		final CountDownLatch done = new CountDownLatch(1);
		final CountDownLatch stopped = new CountDownLatch(1);
		volatile boolean go;
		volatile String reason;
		int pos;

		Source(float[][] signal) {
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
				if (pos >= n) {
					done.countDown();
				}
			}
		}

		@Override
		public void stopped(String why) {
			reason = why;
			stopped.countDown();
		}
	}

	/** Deterministic noise at -16 dBFS plus two sines per channel, different on each channel. */
	static float[][] signal(int frames) {
		float[][] s = new float[2][frames];
		long seed = 0x5DEECE66DL;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < 2; c++) {
				seed = seed * 6364136223846793005L + 1442695040888963407L;
				double noise = ((seed >>> 11) * 0x1.0p-53 - 0.5) * 0.3;
				double t = (double) i / RATE;
				s[c][i] = (float) (noise + 0.2 * Math.sin(2 * Math.PI * (c == 0 ? 441 : 997) * t)
						+ 0.1 * Math.sin(2 * Math.PI * 5123.4 * t + c));
			}
		}
		return s;
	}

	/** Finds the lag by cross-correlation, then asserts the residual over the whole signal is below -90 dBFS. */
	static void compare(String what, float[][] expected, float[][] recorded) {
		int window = 4096;
		int lag = -1;
		double best = -1;
		int first = 0;
		while (first < recorded[0].length && Math.abs(recorded[0][first]) < 1e-6f) {
			first++;
		}
		assertTrue(first < recorded[0].length, what + ": the recording is silent");
		// the signal starts at `first` give or take a few samples that happen to be near zero
		for (int k = Math.max(0, first - 64); k <= first + 64 && k + window < recorded[0].length; k++) {
			double dot = 0;
			for (int i = 0; i < window; i++) {
				dot += (double) recorded[0][k + i] * expected[0][i];
			}
			if (dot > best) {
				best = dot;
				lag = k;
			}
		}
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

	static boolean jackRunning() {
		try {
			new JackBackend().devices();
			return true;
		} catch (AudioDeviceException e) {
			return false;
		}
	}

	static boolean pulseRunning() {
		try {
			Process p = new ProcessBuilder("pactl", "list", "short", "sinks").redirectErrorStream(true).start();
			String s = new String(p.getInputStream().readAllBytes());
			return p.waitFor() == 0 && s.contains("\tout\t");
		} catch (IOException | InterruptedException e) {
			return false;
		}
	}

	static Thread drain(InputStream in, ByteArrayOutputStream to) {
		Thread t = new Thread(() -> {
			try {
				in.transferTo(to);
			} catch (IOException e) {
				// the recorder was stopped
			}
		}, "parec-reader");
		t.start();
		return t;
	}

}
