package org.mixtree.effects.api;

/**
 * How a processor will be run, given to {@link Effect#prepare}.
 *
 * @param sampleRate        Hz
 * @param maxBlockFrames    the largest {@link ProcessBlock#frames()} that will be passed (blocks may be shorter,
 *                          down to 1 frame)
 * @param layout            the channel layout of the main input and output
 * @param sidechainChannels channels of the sidechain input (0: none connected)
 * @param mode              real-time playback or offline render
 */
public record ProcessSetup(double sampleRate, int maxBlockFrames, ChannelLayout layout, int sidechainChannels,
		RenderMode mode) {

	public ProcessSetup {
		if (!(sampleRate > 0) || maxBlockFrames < 1) {
			throw new IllegalArgumentException("sample rate and max block must be positive");
		}
	}

	public int channels() {
		return layout.channels();
	}
}
