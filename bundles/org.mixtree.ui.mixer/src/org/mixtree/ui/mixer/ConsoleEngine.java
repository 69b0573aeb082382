package org.mixtree.ui.mixer;

import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.session.LiveSession;
import org.mixtree.engine.realtime.Player;

/**
 * What the console needs of the playing engine, and no more: meter readings at display rate and live values while
 * a gesture is under way (a fader drag sends its values here and becomes one command at mouse-up, as a CLAP gesture
 * begin/end). Kept this small so the live session ({@link #of(LiveSession)}) or a bare player ({@link #of(Player)})
 * plugs in behind it without the console knowing how the engine is kept in step with the model.
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
	default void liveGain(Channel channel, double gainDb) {
	}

	/** A pan value while a drag is under way. */
	default void livePan(Channel channel, double pan) {
	}

	/** A send level while a drag is under way. */
	default void liveSendLevel(Send send, double levelDb) {
	}

	/** An effect parameter while a slider is dragged in the parameter editor. */
	default void liveParameter(Insert insert, String parameterId, double value) {
	}

	/**
	 * Why the insert in {@code slot} (0 first) of a channel was taken out of the chain while playing (it threw or
	 * produced NaN), or null when it runs.
	 */
	default String fault(String channelId, int slot) {
		return null;
	}

	/**
	 * Whether {@link #fault} would say something: what the display timer polls for every slot of every visible strip,
	 * so it must not allocate (the text is asked for only when this changes).
	 */
	default boolean faulted(String channelId, int slot) {
		return fault(channelId, slot) != null;
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
			public void liveGain(Channel channel, double gainDb) {
				player.setGain(channel.getAddress(), gainDb);
			}

			@Override
			public void livePan(Channel channel, double pan) {
				player.setPan(channel.getAddress(), pan);
			}

			@Override
			public String fault(String channelId, int slot) {
				return player.fault(channelId, slot);
			}

			@Override
			public boolean faulted(String channelId, int slot) {
				return player.faulted(channelId, slot);
			}
		};
	}

	/**
	 * The console's view of a {@link LiveSession}: its meters, and its preview path for every gesture (faders, pans,
	 * send levels, effect parameters), heard at once and smoothed, with the command at the gesture's end.
	 */
	static ConsoleEngine of(LiveSession live) {
		return new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				return live.readMeter(channelId, into) >= 0;
			}

			@Override
			public void liveGain(Channel channel, double gainDb) {
				live.previewGain(channel, gainDb);
			}

			@Override
			public void livePan(Channel channel, double pan) {
				live.previewPan(channel, pan);
			}

			@Override
			public void liveSendLevel(Send send, double levelDb) {
				live.previewSendLevel(send, levelDb);
			}

			@Override
			public void liveParameter(Insert insert, String parameterId, double value) {
				live.previewParameter(insert, parameterId, value);
			}

			@Override
			public String fault(String channelId, int slot) {
				return live.fault(channelId, slot);
			}

			@Override
			public boolean faulted(String channelId, int slot) {
				return live.faulted(channelId, slot);
			}
		};
	}
}
