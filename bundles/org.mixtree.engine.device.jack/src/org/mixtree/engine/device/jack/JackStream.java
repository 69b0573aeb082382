package org.mixtree.engine.device.jack;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
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
 * {@link #process}, which copies from preallocated planar buffers into the port buffers without allocating: the
 * process callback is registered with libjack directly ({@link JackNative}) rather than through JNAJack's wrapper,
 * which allocates a {@code Pointer} per port per period. The shutdown
 * callback comes on a JACK thread and hands the message to a fresh thread, so {@link AudioCallback#stopped} is
 * never called on the audio thread and may block; nothing calls back into libjack from that JACK thread.
 * <p>
 * <b>A server that goes away.</b> libjack reports a server that exits or is killed through the shutdown callback.
 * A server that stops answering without closing its socket (stopped, hung) does not: a watchdog thread,
 * {@code mixtree-jack-watchdog}, sees the process callbacks cease for {@link #STALL_MILLIS} while the client is
 * active and reports the stream stopped the same way. Once the server is gone, nothing is called on the client
 * any more, {@code jack_client_close} included: {@link #close} abandons it (see there), so it always returns at
 * once.
 * <p>
 * <b>Stopping.</b> jackd2's {@code jack_deactivate} and {@code jack_client_close} end the process thread with an
 * asynchronous {@code pthread_cancel}; that thread is attached to the JVM, and a cancel that lands while it runs
 * Java code leaves a thread that never reaches a safepoint: the next collection or the JVM's exit hangs for ever.
 * {@link #stop} therefore has the process thread end itself first (see {@code endProcessThread}).
 */
final class JackStream implements AudioStream {

	/** Process callbacks absent this long while active: the server is taken as gone. */
	static final long STALL_MILLIS = 1500;
	/** How long {@link #stop} waits for the process thread to end itself. */
	static final long STOP_TIMEOUT_MILLIS = 2000;

	private final Jack jack;
	private final JackClient client;
	private final String device;
	/** The server's name and this client's, which name the futex its process thread waits on. */
	private final String server, clientName;
	private final String[] targets;
	private final JackPort[] ports;
	private final int sampleRate;
	private final int bufferFrames;
	private final float[][] buffers;
	/** The ports' native handles, or null when JNAJack's process path is used. */
	private final Pointer[] portHandles;
	/** [audio] The ports' buffer addresses of the last period and a Pointer on each. */
	private final long[] portAddress;
	private final PortBuffer[] portPointer;
	/** Strongly held: libjack calls it for as long as the client lives. */
	private final JackNative.ProcessCallback nativeCallback;
	private final AtomicLong xruns = new AtomicLong();
	static {
		// resolves the callback's interface for this class here: the first period would otherwise load it through
		// the bundle's class loader on the audio thread (allocating; seen with JFR)
		Class<?> callback = AudioCallback.class;
		assert callback.isInterface();
	}

	/**
	 * Streams whose server went away, held for the life of the process: libjack keeps pointers to the callbacks this
	 * stream registered (process, xrun, shutdown) until this process's next client open closes the dead client, and
	 * JNA frees a callback's native stub once its Java object is collected. A few kilobytes per server that went away.
	 */
	private static final java.util.Set<JackStream> ABANDONED = java.util.concurrent.ConcurrentHashMap.newKeySet();
	/** Set once the server went away: nothing may be called on the dead client but close. */
	private final AtomicBoolean dead = new AtomicBoolean();
	private volatile AudioCallback callback;
	/** [audio] writes, watchdog reads: System.nanoTime() of the last process callback. */
	private volatile long lastProcess;
	/** [main] writes: the next period ends the process thread (see {@link #stop}). */
	private volatile boolean quit;
	/** [audio] writes: the process thread saw {@link #quit} and returned non-zero. */
	private volatile boolean quitAcknowledged;
	private Thread watchdog;
	private volatile boolean active;
	private boolean closed;

	JackStream(Jack jack, JackClient client, String server, String device, String[] targets, int channels)
			throws JackException {
		this.jack = jack;
		this.client = client;
		this.server = server;
		this.clientName = client.getName();
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
		Pointer[] handles = handles(client, ports);
		if (handles != null) {
			// allocation-free process path (JackNative); JNAJack's own wrapper allocates per period
			portHandles = java.util.Arrays.copyOfRange(handles, 1, handles.length);
			portAddress = new long[channels];
			portPointer = new PortBuffer[channels];
			for (int ch = 0; ch < channels; ch++) {
				portPointer[ch] = new PortBuffer();
			}
			nativeCallback = this::process;
			if (JackNative.setProcessCallback(handles[0], nativeCallback, "mixtree-jack-audio") != 0) {
				throw new JackException("jack_set_process_callback failed");
			}
			warmUpWrite(bufferFrames);
		} else {
			portHandles = null;
			portAddress = null;
			portPointer = null;
			nativeCallback = null;
			client.setProcessCallback((c, frames) -> process(frames) == 0);  // false: JNAJack returns non-zero
		}
		client.setXrunCallback(c -> xruns.incrementAndGet());
		client.onShutdown(c -> serverGone());
	}

	/**
	 * [main] @return the native handles of {@code client} and then of each port, read from JNAJack's fields; null
	 *         when that JNAJack does not have them (another version): the stream then uses JNAJack's process path
	 */
	private static Pointer[] handles(JackClient client, JackPort[] ports) {
		try {
			Pointer[] h = new Pointer[ports.length + 1];
			h[0] = handle(JackClient.class, client, "clientPtr");
			for (int i = 0; i < ports.length; i++) {
				h[i + 1] = handle(JackPort.class, ports[i], "portPtr");
			}
			return h;
		} catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
			return null;
		}
	}

	private static Pointer handle(Class<?> type, Object o, String field) throws ReflectiveOperationException {
		Field f = type.getDeclaredField(field);
		f.setAccessible(true);
		Pointer p = ((PointerType) f.get(o)).getPointer();
		if (p == null) {
			throw new IllegalStateException(field + " is null");
		}
		return p;
	}

	/** [audio] One JACK period: the callback fills our buffers, which are copied into the ports'. @return 0 */
	private int process(int frames) {
		lastProcess = System.nanoTime();
		if (quit || dead.get()) {
			// a silent last period; then libjack deactivates the client and ends this thread itself (pthread_exit,
			// from native code)
			if (frames <= buffers[0].length) {
				for (int ch = 0; ch < ports.length; ch++) {
					java.util.Arrays.fill(buffers[ch], 0, frames, 0f);
					write(ch, buffers[ch], 0, frames, frames);
				}
			}
			quitAcknowledged = true;
			return 1;
		}
		AudioCallback cb = callback;
		float[][] out = buffers;
		if (frames > out[0].length) {
			// larger than any buffer JACK is configured for in practice: play silence rather than allocate
			for (int ch = 0; ch < ports.length; ch++) {
				java.util.Arrays.fill(out[ch], 0f);
				for (int done = 0; done < frames; done += out[ch].length) {
					write(ch, out[ch], done, Math.min(out[ch].length, frames - done), frames);
				}
			}
			xruns.incrementAndGet();
			return 0;
		}
		if (cb == null) {
			for (int ch = 0; ch < out.length; ch++) {
				java.util.Arrays.fill(out[ch], 0, frames, 0f);
			}
		} else {
			cb.process(out, frames);
		}
		for (int ch = 0; ch < ports.length; ch++) {
			write(ch, out[ch], 0, frames, frames);
		}
		return 0;
	}

	/** [audio] Copies {@code n} frames of {@code src} to port {@code ch}'s buffer from frame {@code at}. */
	private void write(int ch, float[] src, int at, int n, int frames) {
		if (portHandles == null) {
			ports[ch].getFloatBuffer().put(at, src, 0, n);
			return;
		}
		long address = JackNative.portBuffer(portHandles[ch], frames);
		if (address != portAddress[ch]) {
			// jackd2 keeps a port's buffer where it is (measured: it never moved in a 30 s session); should it
			// move, the port's pointer is re-aimed, which allocates nothing
			portAddress[ch] = address;
			portPointer[ch].aim(address);
		}
		portPointer[ch].write(4L * at, src, 0, n);
	}

	/**
	 * [main, before activation] Runs the copy into the ports ({@link #write}: {@code jack_port_get_buffer} and
	 * JNA's copy into native memory) {@value #WRITE_WARM_UP} times on this thread, writing silence, so that it is
	 * compiled at its last tier before the audio thread calls it. Otherwise HotSpot replaces it with its final
	 * compilation while playing, about 5 500 calls in, and the audio thread's next call through the stale call
	 * site is re-resolved by the JVM, which allocated 744 to 816 bytes on the audio thread (measured). libjack
	 * gives a port's buffer outside the process callback too.
	 */
	private void warmUpWrite(int frames) {
		for (int i = 0; i < WRITE_WARM_UP; i++) {
			for (int ch = 0; ch < ports.length; ch++) {
				write(ch, buffers[ch], 0, frames, frames);
			}
		}
	}

	/** Calls of {@link #write} per port before activation: beyond HotSpot's threshold for its last tier. */
	private static final int WRITE_WARM_UP = 12_000;

	/** [JACK thread] The server stopped or threw the client out. */
	private void serverGone() {
		gone("JACK: the server stopped (device " + device + ")");
	}

	/**
	 * [JACK thread or watchdog] Marks the client dead and, from a fresh daemon thread (the caller returns at once and
	 * never calls into libjack), ends the client's process thread ({@link #endDeadProcessThread}) and then reports
	 * {@code reason} once.
	 */
	private void gone(String reason) {
		if (dead.compareAndSet(false, true)) {
			ABANDONED.add(this);
			AudioCallback cb = callback;
			Thread t = new Thread(() -> {
				endDeadProcessThread();
				if (cb != null) {
					cb.stopped(reason);
				}
			}, "mixtree-jack-shutdown");
			t.setDaemon(true);
			t.start();
		}
	}

	/**
	 * [shutdown thread] Has the dead client's process thread, attached to the JVM and waiting for a period that will
	 * not come, end itself before anything opens a client again: wakes it ({@link JackNative#wakeDeadClient}), so
	 * that it runs one more period in which {@link #process} returns non-zero, and waits up to
	 * {@link #STOP_TIMEOUT_MILLIS} for that. Otherwise libjack cancels the thread at the next open, which corrupts
	 * the JVM (see there). Does nothing for a client that was not active or uses JNAJack's process path.
	 */
	private void endDeadProcessThread() {
		if (!active || portHandles == null) {
			return;
		}
		quitAcknowledged = false;
		if (JackNative.wakeDeadClient(server, clientName) == 0) {
			return;
		}
		awaitQuitAcknowledged(() -> false);
		sleep(50); // the thread's exit and detach are native and take microseconds
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
			if (active && !quit && System.nanoTime() - lastProcess > stall) {
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
				endProcessThread();
				if (!dead.get()) {
					client.deactivate();
				}
			}
			quit = false;
		}
	}

	/**
	 * [main] Ends JACK's process thread from the inside before {@code jack_deactivate}. jackd2's deactivate (and
	 * close) cancel that thread with an asynchronous {@code pthread_cancel}: if it lands while the thread runs Java
	 * code (our callback, or JNA's dispatch around it), the JVM is left with a thread that never reaches a
	 * safepoint, and the next collection or the JVM's exit hangs for ever (seen: {@code vm_exit} waiting in
	 * {@code SafepointSynchronize::begin}). So the callback is asked to return non-zero, on which libjack
	 * deactivates the client and ends the thread with {@code pthread_exit} from its own native code; JNA detaches it
	 * there. Then the thread that {@code jack_deactivate} would cancel is gone.
	 */
	private void endProcessThread() {
		quitAcknowledged = false;
		quit = true;
		if (!awaitQuitAcknowledged(dead::get) && !dead.get()) {
			// no period came: the server stopped answering; do not cancel a thread we cannot see
			gone("JACK: the server stopped answering (device " + device + ")");
			return;
		}
		// the callback has returned; the thread's exit and detach are native and take microseconds
		sleep(50);
	}

	/**
	 * [main or shutdown thread] Waits up to {@link #STOP_TIMEOUT_MILLIS} for the process thread to return non-zero
	 * from {@link #process} ({@link #quitAcknowledged}), or until {@code giveUp} says so.
	 *
	 * @return whether it did
	 */
	private boolean awaitQuitAcknowledged(java.util.function.BooleanSupplier giveUp) {
		long deadline = System.nanoTime() + STOP_TIMEOUT_MILLIS * 1_000_000L;
		while (!quitAcknowledged && !giveUp.getAsBoolean() && System.nanoTime() < deadline) {
			sleep(2);
		}
		return quitAcknowledged;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
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
		}
		// else the client is abandoned, not closed: on a server that is gone, jack_client_close cancels the
		// process thread (blocked for ever on the dead server's semaphore) and JNA's detach of that cancelled
		// thread crashed the JVM (SIGSEGV in JavaThread::exit, seen under jackd2 1.9.21); on a server that hangs
		// it would block. What is leaked is the client's memory and one idle, attached native thread.
	}

	/**
	 * A JNA pointer that can be re-aimed at another address: a port's buffer may move between periods, and a
	 * {@code new Pointer(address)} on the audio thread would allocate.
	 */
	private static final class PortBuffer extends Pointer {
		PortBuffer() {
			super(0);
		}

		/** [audio] Points at {@code address} from now on. */
		void aim(long address) {
			peer = address;
		}
	}
}
