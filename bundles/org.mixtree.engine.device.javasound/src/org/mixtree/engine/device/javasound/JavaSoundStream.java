package org.mixtree.engine.device.javasound;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;

/**
 * A {@link SourceDataLine} fed by a pumping thread: it pulls {@link #bufferFrames()} frames (one chunk) from the
 * callback, converts them to the line's integer PCM and writes them; {@code write} blocks while the line is full,
 * which paces the pump at the device's rate. The line's buffer holds several chunks (at least 100 ms, see
 * {@link JavaSoundBackend#lineFrames}); before the line starts, the pump fills it, so playback starts with a full
 * buffer.
 * <p>
 * <b>Underruns.</b> The line reports none, so the pump counts one whenever it finds the line's buffer completely
 * empty ({@code available() == getBufferSize()}) before a write once playback has started: the device then had
 * nothing left to play. A chunk the callback took too long to fill shows up here too.
 * <p>
 * <b>A device that goes away</b> (the sound server killed, a USB device pulled): a write that comes back short (the
 * native layer failed), or one that blocks for {@link #STALL_NANOS} (the server vanished without an error; in the
 * first seconds after the line started, {@link #START_NANOS}), ends the stream. {@link AudioCallback#stopped} is
 * then called once, with one line naming the device, from a thread of its own, and only then is the line closed
 * (closing may wait for the stuck native write, which must not delay the message). {@link #stop()} and
 * {@link #close()} afterwards return at once.
 * <p>
 * Threads: [main] for the {@link AudioStream} methods; the pump is the [audio] thread (maximum priority, no
 * allocation after start); a watchdog thread checks the pump's writes every {@link #WATCH_MILLIS} ms.
 */
final class JavaSoundStream implements AudioStream {

	static {
		// resolves the callback's interface for this class here: the first buffer would otherwise load it through
		// the bundle's class loader on the audio thread (allocating; seen with JFR on JACK's stream)
		Class<?> callback = AudioCallback.class;
		assert callback.isInterface();
	}

	/** A write blocked this long means the device is gone. */
	static final long STALL_NANOS = 1_000_000_000L;
	/**
	 * A write blocked this long within {@code START_NANOS} of the line's start means the device does not take audio.
	 * Longer than {@link #STALL_NANOS}: a PulseAudio null sink whose monitor is being recorded runs on a 2 s timer
	 * until a stream asks for a lower latency, so the first writes can wait up to 2 s before the server takes audio
	 * (measured).
	 */
	static final long START_NANOS = 5_000_000_000L;
	/** How often the watchdog looks at the pump. */
	private static final long WATCH_MILLIS = 100;
	/** How long stop waits for the pump to leave a write. */
	private static final long JOIN_MILLIS = 2000;

	private final SourceDataLine line;
	private final String device;
	private final AudioFormat format;
	private final int frames;
	private final int channels;
	private final int bytesPerSample;
	private final float[][] buffers;
	private final byte[] bytes;
	/** Set once by the first of the pump and the watchdog that finds the device gone. */
	private final AtomicBoolean failed = new AtomicBoolean();
	private volatile AudioCallback callback;
	private volatile boolean running;
	private volatile long writeStarted;
	/** When the line was started ({@link System#nanoTime()}). */
	private volatile long lineStarted;
	private volatile long xruns;
	private Thread pump;
	private Thread watchdog;
	private boolean closed;

	JavaSoundStream(SourceDataLine line, String device, AudioFormat format, int frames) {
		this.line = line;
		this.device = device;
		this.format = format;
		this.frames = frames;
		this.channels = format.getChannels();
		this.bytesPerSample = format.getSampleSizeInBits() / 8;
		this.buffers = new float[channels][frames];
		this.bytes = new byte[frames * format.getFrameSize()];
	}

	@Override
	public int sampleRate() {
		return (int) format.getSampleRate();
	}

	@Override
	public int bufferFrames() {
		return frames;
	}

	/** [any] @return the frames the line buffers (several {@link #bufferFrames()}): the output latency */
	int lineFrames() {
		return line.getBufferSize() / format.getFrameSize();
	}

	@Override
	public int channels() {
		return channels;
	}

	@Override
	public String deviceName() {
		return "javasound:" + device;
	}

	@Override
	public synchronized void start(AudioCallback cb) throws AudioDeviceException {
		if (closed || failed.get()) {
			throw new AudioDeviceException("Java Sound: " + deviceName() + " is closed");
		}
		callback = cb;
		if (running) {
			return;
		}
		running = true;
		warmUpLineQueries();
		pump = new Thread(this::pump, "mixtree-javasound-audio");
		pump.setPriority(Thread.MAX_PRIORITY);
		pump.setDaemon(true);
		pump.start();
		watchdog = new Thread(this::watch, "mixtree-javasound-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/**
	 * [main, before the pump starts] Asks the line for its free space and size {@value #QUERY_WARM_UP} times. The
	 * pump asks both once per period; without this, HotSpot compiles them at its last tier only after some
	 * thousands of periods, and the audio thread's next call through the stale call site is then re-resolved by the
	 * JVM, which allocated 400 bytes on that thread (found with a per-period allocation probe, 5375 periods in at
	 * 256 frames). Both are queries: nothing is played.
	 */
	private void warmUpLineQueries() {
		long sum = 0;
		for (int i = 0; i < QUERY_WARM_UP; i++) {
			sum += line.available() + line.getBufferSize();
		}
		if (sum == Long.MIN_VALUE) {
			throw new AssertionError(); // keeps the calls from being optimised away
		}
		// the conversion too (on the silent buffers, before the pump uses them): in its first hundred periods its
		// compilation moved up the tiers under the pump, which allocated 616 bytes (1024 frames) to 1016 bytes (256
		// frames) on the audio thread about 10 periods into playing (seen once allocation was measured after a short
		// warm-up)
		for (int i = 0; i < PCM_WARM_UP_FRAMES / frames + 200; i++) {
			toPcm(buffers, bytes);
		}
	}

	/** Frames converted before the pump starts: enough loop iterations for HotSpot's last tier. */
	private static final int PCM_WARM_UP_FRAMES = 4_000_000;

	/** Calls of each line query before the pump starts: beyond HotSpot's threshold for its last tier. */
	private static final int QUERY_WARM_UP = 12_000;

	/**
	 * [audio] Fills the line, starts it, then pulls, converts, writes until stopped or the line fails; one loop, no
	 * per-period helper of its own (a small method called once per period would reach its last tier late, with the
	 * re-resolution described at {@link #warmUpLineQueries}); {@link #toPcm} has a loop and reaches its last tier
	 * within the first hundred periods.
	 */
	private void pump() {
		float[][] out = buffers;
		byte[] b = bytes;
		int n = b.length;
		boolean started = false;
		while (running) {
			if (!started && line.available() < n) {
				// prefilled: a line that is not started takes what fits and returns
				lineStarted = System.nanoTime();
				line.start();
				started = true;
			}
			if (started && line.available() >= line.getBufferSize()) {
				xruns++; // single writer: the pump
			}
			callback.process(out, frames);
			toPcm(out, b);
			writeStarted = System.nanoTime();
			int written = line.write(b, 0, n);
			writeStarted = 0;
			if (written < n && running) {
				fail("Java Sound: " + device + " stopped taking audio (the device or sound server went away)");
				return;
			}
		}
	}

	/** [watchdog] A write that blocks for too long means the device vanished without an error. */
	private void watch() {
		while (running) {
			try {
				Thread.sleep(WATCH_MILLIS);
			} catch (InterruptedException e) {
				return;
			}
			long started = writeStarted;
			boolean moving = started - lineStarted > START_NANOS;
			long limit = moving ? STALL_NANOS : START_NANOS;
			if (running && started != 0 && System.nanoTime() - started > limit) {
				fail(moving
						? "Java Sound: " + device + " stopped playing for " + limit / 1_000_000_000L
								+ " s (the device or sound server went away)"
						: "Java Sound: " + device + " did not take audio for " + limit / 1_000_000_000L
								+ " s (the device or sound server does not take audio)");
				return;
			}
		}
	}

	/** [audio or watchdog] Ends the stream once: report first, then close the line (which may block). */
	private void fail(String reason) {
		if (!failed.compareAndSet(false, true)) {
			return;
		}
		running = false;
		AudioCallback cb = callback;
		Thread t = new Thread(() -> {
			if (cb != null) {
				cb.stopped(reason);
			}
			// a write stuck in a vanished device may only return when the line is closed
			line.close();
		}, "mixtree-javasound-stopped");
		t.setDaemon(true);
		t.start();
	}

	/** Planar float to interleaved little-endian signed PCM, clipped, rounded. */
	private void toPcm(float[][] in, byte[] out) {
		int bps = bytesPerSample;
		double scale = bps == 4 ? 2147483647.0 : bps == 3 ? 8388607.0 : 32767.0;
		int p = 0;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < channels; c++) {
				double v = in[c][i];
				v = v > 1 ? 1 : v < -1 ? -1 : v;
				long s = Math.round(v * scale);
				for (int k = 0; k < bps; k++) {
					out[p++] = (byte) (s >> (8 * k));
				}
			}
		}
	}

	@Override
	public void stop() {
		Thread t;
		Thread w;
		synchronized (this) {
			if (pump == null) {
				return;
			}
			running = false;
			t = pump;
			w = watchdog;
			pump = null;
			watchdog = null;
		}
		if (w != null) {
			w.interrupt();
		}
		if (failed.get()) {
			return; // the line is being closed by the failure; the pump ends with it
		}
		// a pending write returns when the line stops or is flushed
		line.stop();
		line.flush();
		if (t != Thread.currentThread()) {
			try {
				t.join(JOIN_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public long xruns() {
		return xruns;
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		stop();
		closed = true;
		if (!failed.get()) {
			line.close();
		}
	}
}
