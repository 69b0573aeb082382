package org.mixtree.engine;

import java.util.List;

/**
 * A compiled, immutable mix graph: processing order, buffer assignment, resolved solo/mute and the groups of
 * independent subtrees that may be processed in parallel. Made by {@link Engine#compile} off the audio
 * thread; any thread may read it, and it never changes, so a renderer or player can hold it without locks
 * and a new plan is swapped in whole.
 */
public interface Plan {

	/**
	 * How {@link #silentBecause} begins for a track whose source is offline
	 * ({@link GraphDescription.Source#offline()}), before anything else: {@code offline: stems/Kick.wav is missing}.
	 */
	String OFFLINE = "offline: ";

	/** @return the description this plan was compiled from */
	GraphDescription description();

	/** @return the mix sample rate in Hz */
	int sampleRate();

	/** @return channel ids in processing order: every channel comes after everything that feeds it; the master is last */
	List<String> processingOrder();

	/** @return the id of the master bus */
	String masterId();

	/**
	 * @return ids of the top-level buses (those feeding the master) in description order: the stems a render
	 *         can write, and the roots of the subtrees processed in parallel
	 */
	List<String> topLevelBuses();

	/**
	 * What compiling found but did not refuse, one line each, naming the channel, slot and effect: effects not
	 * installed (those slots pass audio through), unknown parameter ids, states that did not load. A render
	 * reports these too, in {@link RenderResult#warnings()}.
	 */
	default List<String> warnings() {
		return List.of();
	}

	/**
	 * States of the mix in force that decide what is heard, one line each, for a person who wonders why a render
	 * or playback is quieter than the faders say: the solo ({@code solo in force: track:Kick, bus:Vocals (only what
	 * they let through is heard)}) and the focus ({@code focus is on bus:Drums + bus:Bass (the other buses are
	 * silent)}). Empty when nothing but the channels' own mutes and faders shapes the mix.
	 */
	default List<String> notes() {
		return MixNotes.of(description());
	}

	/**
	 * Whether the mixer plays a channel after mute, solo, focus and missing effects are resolved. A track is
	 * audible when neither it nor a bus on its path to the master is muted or holds an insert whose effect is not
	 * installed and, if anything is soloed, it is soloed or a soloed or solo-safe bus lies on its path, and, with
	 * a focus, a bus in focus or a solo-safe bus lies on its path. A bus is audible when neither it nor a bus on its
	 * path is muted (or holds a missing effect) and something audible feeds it, through its inputs or a send (a bus
	 * passes what reaches it; so effect returns fed by a heard channel stay heard).
	 *
	 * @throws IllegalArgumentException for an unknown id
	 */
	boolean isAudible(String channelId);

	/**
	 * Why a channel is not heard in the master: null when it is, else one line naming the first cause and the
	 * channel that holds it ({@code bus:Guitars is muted}, {@code its output bus:FX is muted}, {@code track:Kick
	 * is soloed}, {@code focus is on bus:Drums}, {@code gain is -inf dB}, {@code insert 2 (org.mixtree.eq) is
	 * missing}, {@code offline: stems/Kick.wav is missing}, {@code the source file is missing}). Decided in one place with what the mixer plays, so a channel
	 * with no reason is heard in a render and one with a reason is not. The order of the causes is documented on
	 * the engine's {@code Audibility}: own mute, a muted bus on the path (nearest first), another solo, focus, a
	 * fader at -inf on the way out, a missing effect, nothing heard feeding a bus, a missing source file.
	 *
	 * @throws IllegalArgumentException for an unknown id
	 */
	default String silentBecause(String channelId) {
		return isAudible(channelId) ? null : "not heard";
	}
}
