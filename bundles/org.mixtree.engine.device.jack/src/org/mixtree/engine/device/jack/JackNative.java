package org.mixtree.engine.device.jack;

import com.sun.jna.Callback;
import com.sun.jna.CallbackThreadInitializer;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The two libjack functions of the process path, direct-mapped so that the audio thread allocates nothing: JNAJack's
 * own process wrapper calls {@code jack_port_get_buffer} through a mapping that returns a new {@link Pointer} per
 * port per period (48 bytes a period for two ports, measured); here it returns the address as a {@code long}, and
 * the stream keeps one {@link Pointer} per port for as long as the address stays the same (jackd2's output buffers
 * do). The client and port handles are JNAJack's, read once when the stream opens.
 * <p>
 * libjack's own error messages (written to stderr by default: "Cannot read socket fd = 61", "CheckRes error",
 * "JackSocketClientChannel read fail" when the server dies) are routed to {@link #ERRORS}, which keeps the last one
 * and prints them only with {@code -Dmixtree.jack.verbose=true}: the stream reports what happened in one line of its
 * own.
 * <p>
 * Thread rules: {@link #setProcessCallback} [main]; {@link #portBuffer} [audio]; the error function [any libjack
 * thread, on errors only].
 */
final class JackNative {

	/** [audio] The period callback as libjack calls it ({@code int (*)(jack_nframes_t, void*)}; arg is null). */
	interface ProcessCallback extends Callback {
		int invoke(int frames);
	}

	static {
		NativeLibrary lib;
		try {
			lib = NativeLibrary.getInstance("jack");
		} catch (UnsatisfiedLinkError e) {
			lib = NativeLibrary.getInstance("libjack.so.0");
		}
		Native.register(JackNative.class, lib);
	}

	/** [any libjack thread] libjack's error function ({@code void (*)(const char *)}). */
	interface ErrorCallback extends Callback {
		void invoke(Pointer message);
	}

	/** Keeps libjack's last error message; prints them only when asked to. Held here so it is never collected. */
	static final Errors ERRORS = new Errors();

	static {
		jack_set_error_function(ERRORS); // after ERRORS is set: static initialisers run in the order written
	}

	static final class Errors implements ErrorCallback {
		private static final boolean VERBOSE = Boolean.getBoolean("mixtree.jack.verbose");
		private volatile String last;

		@Override
		public void invoke(Pointer message) {
			String text = message == null ? "" : message.getString(0);
			last = text;
			if (VERBOSE) {
				System.err.println("libjack: " + text);
			}
		}

		/** @return libjack's last error message, or null */
		String last() {
			return last;
		}
	}

	private JackNative() {
	}

	private static native int jack_set_process_callback(Pointer client, ProcessCallback callback, Pointer arg);

	private static native long jack_port_get_buffer(Pointer port, int frames);

	private static native void jack_set_error_function(ErrorCallback callback);

	/**
	 * [main] Registers {@code callback} (keep a strong reference to it while the client lives) with a thread
	 * initializer that keeps JACK's process thread attached to the JVM between periods (attaching per period would
	 * allocate a {@code Thread} each time) as a daemon thread named {@code name}.
	 *
	 * @return libjack's result, 0 on success
	 */
	static int setProcessCallback(Pointer client, ProcessCallback callback, String name) {
		Native.setCallbackThreadInitializer(callback, new CallbackThreadInitializer(true, false, name));
		return jack_set_process_callback(client, callback, null);
	}

	/**
	 * [any thread but the process thread] Wakes the process thread of a client whose server died, where it waits
	 * for a period that will never come: jackd2 on Linux makes each client wait on a futex in a shared-memory file,
	 * {@code /dev/shm/jack_sem.UID_SERVER_CLIENT}, which this process has mapped. The futex is set as the server
	 * would set it to start a period, and woken. The thread then runs one more period, in which the stream's
	 * callback returns non-zero, and libjack ends the thread itself ({@code pthread_exit}, after which JNA detaches
	 * it from the JVM).
	 * <p>
	 * Why: the next {@code jack_client_open} of this process, once libjack sees the server gone, closes every client
	 * left over and cancels their threads ({@code pthread_cancel}, jackd2's {@code JackLibGlobals::Init}); a
	 * cancelled thread that is attached to the JVM corrupts it (SIGSEGV in {@code jni_DetachCurrentThread}, "double
	 * free or corruption", or a hang at the next safepoint, all seen on a reconnection after {@code kill -9} of the
	 * server). A thread that ended itself is not cancelled: its client is no longer active.
	 *
	 * @return how many mappings of that futex were found and woken (0: not this JACK, or the file is not mapped)
	 */
	static int wakeDeadClient(String server, String client) {
		if (Futex.SYS_FUTEX < 0) {
			return 0;
		}
		String file = "/jack_sem." + Futex.getuid() + "_" + server + "_" + client.replace('/', '_').replace('\\', '_');
		int woken = 0;
		try {
			for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/maps"))) {
				// address perms offset dev inode path: the path is the sixth field, when there is one
				String[] fields = line.trim().split("\\s+", 6);
				String path = fields.length == 6 ? fields[5] : "";
				int deleted = path.indexOf(" (deleted)");
				if (deleted >= 0) {
					path = path.substring(0, deleted);
				}
				if (!path.endsWith(file) || !path.startsWith("/dev/shm/")) {
					continue;
				}
				long address = Long.parseUnsignedLong(line.substring(0, line.indexOf('-')), 16);
				Pointer futex = new Pointer(address);
				futex.setInt(0, 1); // what the server's Signal does: 0 -> 1, then FUTEX_WAKE
				Futex.syscall(Futex.SYS_FUTEX, futex, Futex.FUTEX_WAKE, Integer.MAX_VALUE, null, null, 0);
				woken++;
			}
		} catch (java.io.IOException | RuntimeException | LinkageError e) {
			// not Linux, or no /proc: nothing to wake
		}
		return woken;
	}

	/** The C library's {@code syscall} and {@code getuid}, for {@link #wakeDeadClient}. */
	private static final class Futex {
		/** The futex system call's number on this architecture, or -1 where it is not known here. */
		static final long SYS_FUTEX = switch (System.getProperty("os.arch")) {
			case "amd64", "x86_64" -> 202;
			case "aarch64" -> 98;
			default -> -1;
		};
		static final int FUTEX_WAKE = 1;

		static {
			Native.register(Futex.class, NativeLibrary.getInstance("c"));
		}

		static native long syscall(long number, Pointer address, int op, int value, Pointer timeout, Pointer address2,
				int value3);

		static native int getuid();
	}

	/** [audio] @return the address of {@code port}'s buffer for this period */
	static long portBuffer(Pointer port, int frames) {
		return jack_port_get_buffer(port, frames);
	}
}
