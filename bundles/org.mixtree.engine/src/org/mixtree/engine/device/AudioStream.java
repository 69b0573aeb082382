package org.mixtree.engine.device;

/** An open output stream of a device. Thread rules: [main] unless said otherwise. */
public interface AudioStream extends AutoCloseable {

	/** @return the rate the device actually runs at, Hz */
	int sampleRate();

	/** @return the buffer size the device actually uses, frames (the largest {@code frames} of a callback) */
	int bufferFrames();

	/** @return output channels */
	int channels();

	/** @return a name of the opened device for messages */
	String deviceName();

	/** Starts calling {@code callback} on the device's audio thread. */
	void start(AudioCallback callback) throws AudioDeviceException;

	/** Stops calling back; returns when no callback is running any more. */
	void stop();

	/** [any] Buffers the device reported as late (xruns) since {@link #start}. */
	long xruns();

	/** Stops if needed and releases the device. Never throws. */
	@Override
	void close();
}
