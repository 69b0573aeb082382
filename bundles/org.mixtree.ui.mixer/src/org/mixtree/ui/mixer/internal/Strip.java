package org.mixtree.ui.mixer.internal;

import java.util.List;

import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;

/**
 * What one strip draws: texts, values and flags, made from the model and the engine's answers when either changes
 * ({@link StripBuilder}), so painting never walks the model. The meter values are refreshed in place by the meter
 * timer.
 */
public final class Strip {
	/** The channel the strip edits (gestures turn into commands on it); the painter does not read it. */
	public final Channel channel;
	public final String id, name, info1, info2, outputText, silentBecause;
	public final Kind kind;
	public final double gainDb, pan;
	public final boolean mute, solo, polarity, soloSafe, canOpen, loudness;
	public final List<Slot> slots;
	public final List<SendRow> sends;
	/** Meter readings, {@link MeterSnapshot} order; refreshed by the meter timer. */
	public final double[] meter = MeterSnapshot.SILENT.toArray();
	/** Latched when the peak reached 0 dBFS; a click on the marker clears it. */
	public boolean clipped;

	public enum Kind {
		TRACK, BUS, MASTER,
		/** the bus whose inside is shown, drawn at the right of its children */
		PARENT
	}

	/** @return whether the strip's stem is offline (its file missing or unreadable: it plays silence) */
	public boolean offline() {
		return silentBecause != null && silentBecause.startsWith(org.mixtree.engine.Plan.OFFLINE);
	}

	/** An insert slot. */
	public record Slot(String label, String effectId, boolean bypassed, boolean missing, String fault, boolean dynamics) {
	}

	/** A send row. */
	public record SendRow(String target, double levelDb, boolean preFader) {
	}

	public Strip(Channel channel, String id, String name, Kind kind, String info1, String info2, String outputText,
			String silentBecause, double gainDb, double pan, boolean mute, boolean solo, boolean polarity,
			boolean soloSafe, boolean canOpen, boolean loudness, List<Slot> slots, List<SendRow> sends) {
		this.channel = channel;
		this.id = id;
		this.name = name;
		this.kind = kind;
		this.info1 = info1;
		this.info2 = info2;
		this.outputText = outputText;
		this.silentBecause = silentBecause;
		this.gainDb = gainDb;
		this.pan = pan;
		this.mute = mute;
		this.solo = solo;
		this.polarity = polarity;
		this.soloSafe = soloSafe;
		this.canOpen = canOpen;
		this.loudness = loudness;
		this.slots = List.copyOf(slots);
		this.sends = List.copyOf(sends);
	}

	public boolean isBus() {
		return kind != Kind.TRACK;
	}

	public boolean isMaster() {
		return kind == Kind.MASTER || (kind == Kind.PARENT && id.equals("master"));
	}
}
