package org.mixtree.engine.device;

/** A device or back end that is not available or failed; the message is one line naming it and why. */
public class AudioDeviceException extends Exception {
	private static final long serialVersionUID = 1L;

	public AudioDeviceException(String message) {
		super(message);
	}

	public AudioDeviceException(String message, Throwable cause) {
		super(message, cause);
	}
}
