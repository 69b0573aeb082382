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
 * Thread rules: {@link #setProcessCallback} [main]; {@link #portBuffer} [audio].
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

	private JackNative() {
	}

	private static native int jack_set_process_callback(Pointer client, ProcessCallback callback, Pointer arg);

	private static native long jack_port_get_buffer(Pointer port, int frames);

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
