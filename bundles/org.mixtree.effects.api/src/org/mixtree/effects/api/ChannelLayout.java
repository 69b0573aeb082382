package org.mixtree.effects.api;

/** Channel layouts an effect can process. Buses are stereo; tracks are mono or stereo. */
public enum ChannelLayout {
	MONO(1), STEREO(2);

	private final int channels;

	ChannelLayout(int channels) {
		this.channels = channels;
	}

	public int channels() {
		return channels;
	}
}
