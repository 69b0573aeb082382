package org.mixtree.engine.device;

import java.util.List;

/**
 * A device a back end can open.
 *
 * @param name         the name to open it by
 * @param description  what a person reads
 * @param outputChannels channels it can play
 * @param sampleRates  rates it accepts (empty: it decides, as a JACK server does)
 * @param defaultDevice whether it is the back end's default
 */
public record DeviceInfo(String name, String description, int outputChannels, List<Integer> sampleRates,
		boolean defaultDevice) {
	public DeviceInfo {
		sampleRates = List.copyOf(sampleRates);
	}
}
