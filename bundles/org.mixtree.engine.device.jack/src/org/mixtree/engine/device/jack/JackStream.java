package org.mixtree.engine.device.jack;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackPort;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;

/**
 * An open JACK client with one output port per channel ({@code out_1}, {@code out_2}), connected on
 * {@link #start} to the device's first input ports.
 * <p>
 * Threads: [main] for the {@link AudioStream} methods; JACK's process thread is the [audio] thread and runs
 * {@link #process}, which copies from preallocated planar buffers into the port buffers (no allocation in this
 * class; JNA's callback dispatch may allocate a little per call, outside Mixtree's callback). The shutdown
 * callback comes on a JACK thread and hands the message to a fresh thread, so {@link AudioCallback#stopped} is
 * never called on the audio thread and may block; nothing calls back into libjack from that JACK thread.
 * <p>
 * <b>A server that goes away.</b> libjack reports a server that exits or is killed through the shutdown callback.
 * A server that stops answering without closing its socket (stopped, hung) does not: a watchdog thread,
 * {@code mixtree-jack-watchdog}, sees the process callbacks cease for {@link #STALL_MILLIS} while the client is
 * active and reports the stream stopped the same way. Once the server is gone, nothing but
 * {@code jack_client_close} is called on the client, and that from a separate daemon thread given
 * {@link #CLOSE_TIMEOUT_MILLIS}: if it blocks (a server that hangs instead of exiting), the client is abandoned,
 * so {@link #close} always returns.
 */
final class JackStream implements AudioStream {

	/** Process callbacks absent this long while active: the server is taken as gone. */
	static final long STALL_MILLIS = 1500;
	/** How long {@link #close} waits for {@code jack_client_close} on a server that went away. */
	static final long CLOSE_TIMEOUT_MILLIS = 2000;

	private final Jack jack;
	private final JackClient client;
	private final String device;
	private final String[] targets;
	private final JackPort[] ports;
	private final int sampleRate;
	private final int bufferFrames;
	private final float[][] buffers;
	private final AtomicLong xruns = new AtomicLong();
	/** Set once the server went away: nothing may be called on the dead client but close. */
	private final AtomicBoolean dead = new AtomicBoolean();
	private volatile AudioCallback callback;
	/** [audio] writes, watchdog reads: System.nanoTime() of the last process callback. */
	private volatile long lastProcess;
	private Thread watchdog;
	private volatile boolean active;
	private boolean closed;

	JackStream(Jack jack, JackClient client, String device, String[] targets, int channels) throws JackException {
		this.jack = jack;
		this.client = client;
		this.device = device;
		this.targets = targets == null ? new String[0] : targets;
		this.sampleRate = client.getSampleRate();
		this.bufferFrames = client.getBufferSize();
		this.ports = new JackPort[channels];
		for (int c = 0; c < channels; c++) {
			ports[c] = client.registerPort("out_" + (c + 1), JackPortType.AUDIO, JackPortFlags.JackPortIsOutput);
		}
		// room for a server buffer-size change up to 8192 frames without allocating on the audio thread
		this.buffers = new float[channels][Math.max(bufferFrames, 8192)];
		client.setProcessCallback(this::process);
		client.setXrunCallback(c -> xruns.incrementAndGet());
		client.onShutdown(c -> serverGone());
	}

	/** [audio] One JACK period: the callback fills our buffers, which are copied into the ports'. */
	private boolean process(JackClient c, int frames) {
		lastProcess = System.nanoTime();
		AudioCallback cb = callback;
		float[][] out = buffers;
		if (frames > out[0].length) {
			// larger than any buffer JACK is configured for in practice: play silence rather than allocate
			for (JackPort p : ports) {
				FloatBuffer fb = p.getFloatBuffer();
				for (int i = 0; i < frames; i++) {
					fb.put(i, 0f);
				}
			}
			xruns.incrementAndGet();
			return true;
		}
		if (cb == null) {
			for (int ch = 0; ch < out.length; ch++) {
				java.util.Arrays.fill(out[ch], 0, frames, 0f);
			}
		} else {
			cb.process(out, frames);
		}
		for (int ch = 0; ch < ports.length; ch++) {
			ports[ch].getFloatBuffer().put(0, out[ch], 0, frames);
		}
		return true;
	}

	/** [JACK thread] The server stopped or threw the client out. */
	private void serverGone() {
		gone("JACK: the server stopped (device " + device + ")");
	}

	/**
	 * [JACK thread or watchdog] Marks the client dead and reports {@code reason} once, from a fresh daemon thread:
	 * the caller returns at once and never calls into libjack.
	 */
	private void gone(String reason) {
		if (dead.compareAndSet(false, true)) {
			AudioCallback cb = callback;
			if (cb != null) {
				Thread t = new Thread(() -> cb.stopped(reason), "mixtree-jack-shutdown");
				t.setDaemon(true);
				t.start();
			}
		}
	}

	/** [watchdog] Reports the server gone when the process callbacks cease while the client is active. */
	private void watch() {
		long stall = STALL_MILLIS * 1_000_000L;
		while (active && !dead.get()) {
			try {
				Thread.sleep(100);
			} catch (InterruptedException e) {
				return;
			}
			if (active && System.nanoTime() - lastProcess > stall) {
				gone("JACK: the server stopped answering (no process callback for " + STALL_MILLIS + " ms, device "
						+ device + ")");
			}
		}
	}

	@Override
	public int sampleRate() {
		return sampleRate;
	}

	@Override
	public int bufferFrames() {
		return bufferFrames;
	}

	@Override
	public int channels() {
		return ports.length;
	}

	@Override
	public String deviceName() {
		return "jack:" + device;
	}

	@Override
	public synchronized void start(AudioCallback cb) throws AudioDeviceException {
		if (closed || dead.get()) {
			throw new AudioDeviceException("JACK: " + deviceName() + " is closed or its server stopped");
		}
		this.callback = cb;
		if (active) {
			return;
		}
		try {
			lastProcess = System.nanoTime();
			client.activate();
			active = true;
			watchdog = new Thread(this::watch, "mixtree-jack-watchdog");
			watchdog.setDaemon(true);
			watchdog.start();
			// ports can be connected only once the client is active
			for (int c = 0; c < ports.length && c < targets.length; c++) {
				jack.connect(client, ports[c].getName(), targets[c]);
			}
		} catch (JackException e) {
			stop();
			throw new AudioDeviceException("JACK: cannot start " + deviceName() + ": " + JackBackend.reason(e), e);
		}
	}

	@Override
	public synchronized void stop() {
		if (active) {
			active = false;
			if (watchdog != null) {
				watchdog.interrupt();
				watchdog = null;
			}
			if (!dead.get()) {
				// jack_deactivate returns once the process callback is no longer running
				client.deactivate();
			}
		}
	}

	@Override
	public long xruns() {
		return xruns.get();
	}

	/** [any] Whether the server went away under this stream. */
	boolean serverStopped() {
		return dead.get();
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		stop();
		closed = true;
		if (!dead.get()) {
			client.close();
			return;
		}
		// the server is gone: jack_client_close frees the client's memory, but must not hold [main] if it blocks
		Thread t = new Thread(() -> {
			try {
				client.close();
			} catch (RuntimeException e) {
				// nothing more to release
			}
		}, "mixtree-jack-close");
		t.setDaemon(true);
		t.start();
		try {
			t.join(CLOSE_TIMEOUT_MILLIS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
