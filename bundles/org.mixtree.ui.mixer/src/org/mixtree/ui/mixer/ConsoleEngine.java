package org.mixtree.ui.mixer;

import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.Player;

/**
 * What the console needs of the playing engine, and no more: meter readings at display rate and live values while
 * a gesture is under way (a fader drag sends its values here and becomes one command at mouse-up, as a CLAP gesture
 * begin/end). Kept this small so the live session (its meters and its parameter path) plugs in behind it without the
 * console knowing how the engine is kept in step with the model.
 * <p>
 * Every method is called on the UI thread, at up to 30 Hz per visible strip for {@link #readMeter}: it must
 * never block on the audio thread (read lock-free snapshots) and should not allocate.
 */
public interface ConsoleEngine {

	/** No engine: meters read silence, live values are only drawn. */
	ConsoleEngine NONE = new ConsoleEngine() {
		@Override
		public boolean readMeter(String channelId, double[] into) {
			return false;
		}
	};

	/**
	 * Copies the latest readings of a channel (its id in the engine, {@code Channel.getAddress()}: {@code bus/Drums}) into
	 * {@code into[0 .. MeterSnapshot.FIELDS)} in the order of {@link MeterSnapshot}'s components.
	 *
	 * @return false when there is no reading for that channel ({@code into} untouched)
	 */
	boolean readMeter(String channelId, double[] into);

	/** A fader value while a drag is under way (the command at mouse-up sets the model). */
	default void liveGain(String channelId, double gainDb) {
	}

	/** A pan value while a drag is under way. */
	default void livePan(String channelId, double pan) {
	}

	/**
	 * Why the insert in {@code slot} (0 first) of a channel was taken out of the chain while playing (it threw or
	 * produced NaN), or null when it runs.
	 */
	default String fault(String channelId, int slot) {
		return null;
	}

	/**
	 * The console's view of a {@link Player}: its lock-free meter bank and its smoothed parameter path. Until the
	 * live session takes over, a player playing a plan compiled from the session is the engine.
	 */
	static ConsoleEngine of(Player player) {
		return new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				return player.read(channelId, into) >= 0;
			}

			@Override
			public void liveGain(String channelId, double gainDb) {
				player.setGain(channelId, gainDb);
			}

			@Override
			public void livePan(String channelId, double pan) {
				player.setPan(channelId, pan);
			}
		};
	}
}
