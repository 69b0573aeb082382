package org.mixtree.engine.device;

import java.util.List;

/**
 * An audio device back end (JACK, Java Sound...), contributed as an OSGi service by its own bundle
 * ({@code org.mixtree.engine.device.*}). The engine and the CLI find back ends through the service registry and
 * never depend on a back-end bundle.
 * <p>
 * Thread rules: every method here is [main] (any non-audio thread, one at a time).
 */
public interface AudioBackend {

	/** @return a short stable id used on the command line: {@code jack}, {@code javasound} */
	String id();

	/** @return a name a person reads */
	String name();

	/**
	 * The devices this back end can open now.
	 *
	 * @throws AudioDeviceException when the back end itself is unavailable (no server, no library), with one
	 *                              line saying why and what to do
	 */
	List<DeviceInfo> devices() throws AudioDeviceException;

	/**
	 * Opens a device for output.
	 *
	 * @param device     a {@link DeviceInfo#name()} of {@link #devices()}, or null for the back end's default
	 * @param sampleRate the rate wanted; the device may run at another one ({@link AudioStream#sampleRate()})
	 * @param bufferFrames the buffer size wanted in frames; the device may choose another
	 *                   ({@link AudioStream#bufferFrames()})
	 * @param channels   output channels (2)
	 * @throws AudioDeviceException when it cannot be opened, with one line naming the device and why
	 */
	AudioStream open(String device, int sampleRate, int bufferFrames, int channels) throws AudioDeviceException;
}
