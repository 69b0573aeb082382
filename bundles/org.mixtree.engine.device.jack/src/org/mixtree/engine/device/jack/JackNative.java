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

	/** [audio] @return the address of {@code port}'s buffer for this period */
	static long portBuffer(Pointer port, int frames) {
		return jack_port_get_buffer(port, frames);
	}
}
