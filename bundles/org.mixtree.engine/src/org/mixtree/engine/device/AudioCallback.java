package org.mixtree.engine.device;

/**
 * What a device calls, on its audio thread, for every buffer. The implementation must not allocate, lock,
 * block, log or touch a file (DESIGN.md, real-time rules).
 */
public interface AudioCallback {

	/**
	 * [audio] Fills {@code out[channel][0 .. frames)} with the next {@code frames} frames.
	 *
	 * @param out    planar output buffers owned by the device, at least {@code frames} long
	 * @param frames frames wanted, at most {@link AudioStream#bufferFrames()}
	 */
	void process(float[][] out, int frames);

	/**
	 * [any] The stream stopped by itself: the server went away or the device failed. Called once, not on the
	 * audio thread; {@code reason} is one line naming the device.
	 */
	void stopped(String reason);
}
