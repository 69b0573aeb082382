package org.mixtree.engine.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Opens the device a person chose, by the words the command line and the preferences use: a back end's id
 * ({@code jack}, {@code javasound}: its default device), {@code BACKEND:NAME}, or a device name any back end lists.
 * Without a choice the JACK back end is tried first (it opens only when a JACK server runs), then the others.
 * <p>
 * Thread rules: [main] (any thread but the audio thread; opening a device may block briefly).
 */
public final class AudioDevices {
	private AudioDevices() {
	}

	/**
	 * @param backends the installed back ends (OSGi services of {@link AudioBackend})
	 * @param choice   what the person chose, or null for the default
	 * @throws AudioDeviceException in one line: nothing is installed, no device is available (with each back end's
	 *                              reason), or the named device cannot be opened
	 */
	public static AudioStream open(List<AudioBackend> backends, String choice, int sampleRate, int bufferFrames)
			throws AudioDeviceException {
		if (backends.isEmpty()) {
			throw new AudioDeviceException("no audio back end is installed (bundles org.mixtree.engine.device.*)");
		}
		List<AudioBackend> ordered = new ArrayList<>(backends);
		ordered.sort(Comparator.comparingInt(b -> "jack".equals(b.id()) ? 0 : 1));
		if (choice == null || choice.isBlank()) {
			List<String> reasons = new ArrayList<>();
			for (AudioBackend b : ordered) {
				try {
					return b.open(null, sampleRate, bufferFrames, 2);
				} catch (AudioDeviceException e) {
					reasons.add(e.getMessage());
				}
			}
			throw new AudioDeviceException("no audio device is available: " + String.join("; ", reasons));
		}
		for (AudioBackend b : ordered) {
			if (b.id().equals(choice)) {
				return b.open(null, sampleRate, bufferFrames, 2);
			}
		}
		for (AudioBackend b : ordered) {
			String name = choice.startsWith(b.id() + ":") ? choice.substring(b.id().length() + 1) : null;
			try {
				if (name == null) {
					for (DeviceInfo d : b.devices()) {
						if (d.name().equals(choice)) {
							name = choice;
						}
					}
				}
			} catch (AudioDeviceException e) {
				continue; // this back end is unavailable: the device is not one of its
			}
			if (name != null) {
				return b.open(name, sampleRate, bufferFrames, 2);
			}
		}
		throw new AudioDeviceException("device '" + choice + "': no such back end or device");
	}
}
