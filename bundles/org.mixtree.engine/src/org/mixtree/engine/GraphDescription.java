package org.mixtree.engine;

import java.nio.file.Path;
import java.util.List;

import org.mixtree.dsp.PanLaw;

/**
 * What the engine is asked to play: channels (tracks and buses) with their parameters and where each one's
 * output goes. It knows nothing of the session model; the binding bundle builds it. Immutable.
 *
 * @param sampleRate the rate of the mix in Hz; sources at other rates are converted
 * @param panLaw     the law for mono sources panned into stereo
 * @param channels   every channel; exactly one bus has a null output: the master
 */
public record GraphDescription(int sampleRate, PanLaw panLaw, List<Channel> channels) {

	public GraphDescription {
		channels = List.copyOf(channels);
	}

	/** Kind of channel. */
	public enum Kind {
		TRACK, BUS
	}

	/**
	 * One channel strip.
	 *
	 * @param id       stable id, unique in the graph (also used to keep processor state across rebuilds)
	 * @param name     the name a person reads (for messages and stem file names)
	 * @param kind     track or bus
	 * @param source   the audio source, tracks only (null for buses)
	 * @param gainDb   fader gain in dB; negative infinity is silence
	 * @param pan      pan (mono track) or balance (stereo track, bus) in [-1, 1]
	 * @param mute     mute
	 * @param solo     solo (in place, following the tree)
	 * @param polarity true when the polarity is inverted
	 * @param output   id of the bus this channel feeds; null only for the master
	 */
	public record Channel(String id, String name, Kind kind, Source source, double gainDb, double pan, boolean mute,
			boolean solo, boolean polarity, String output) {

		/**
		 * @return how messages name this channel, as the command line addresses it: {@code track:NAME} or
		 *         {@code bus:NAME}
		 */
		public String label() {
			return (kind == Kind.TRACK ? "track:" : "bus:") + name;
		}
	}

	/**
	 * An audio file feeding a track.
	 *
	 * @param file         the file
	 * @param clipGainDb   gain applied to the source before anything else, in dB
	 * @param offsetFrames where the file starts on the timeline, in frames at the mix rate (&gt;= 0)
	 */
	public record Source(Path file, double clipGainDb, long offsetFrames) {
	}
}
