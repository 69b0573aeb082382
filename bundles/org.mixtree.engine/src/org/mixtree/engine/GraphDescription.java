package org.mixtree.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.EffectFactory;

/**
 * What the engine is asked to play: channels (tracks and buses) with their parameters and where each one's
 * output goes. It knows nothing of the session model; the binding bundle builds it. Immutable.
 *
 * @param sampleRate the rate of the mix in Hz; sources at other rates are converted
 * @param panLaw     the law for mono sources panned into stereo
 * @param channels   every channel; exactly one bus has a null output: the master
 * @param focus      the build-up focus: ids of the buses heard (the top-level buses in focus, in console order);
 *                   empty: no focus. With a focus, a channel is heard only when a bus in it or a solo-safe bus
 *                   lies on its path (or it is one), as solo does, and the buses a heard channel's sends feed stay
 *                   heard; focus and solo both apply when both are in force. Never null.
 */
public record GraphDescription(int sampleRate, PanLaw panLaw, List<Channel> channels, List<String> focus) {

	public GraphDescription {
		channels = List.copyOf(channels);
		focus = focus == null ? List.of() : List.copyOf(focus);
	}

	/** A graph without a focus (the form before focus existed). */
	public GraphDescription(int sampleRate, PanLaw panLaw, List<Channel> channels) {
		this(sampleRate, panLaw, channels, List.of());
	}

	/** @return a copy with the focus {@code ids} (empty: no focus) */
	public GraphDescription withFocus(List<String> ids) {
		return new GraphDescription(sampleRate, panLaw, channels, ids);
	}

	/**
	 * Every file this graph reads while it plays or renders, each with how a message names it after "is": the
	 * tracks' sources ({@code the source of track:Bass}; a file two tracks play names both) and the files inserts
	 * read ({@code the irfile of bus:Verb insert 1 (org.mixtree.reverb)}). What a render must never write over
	 * ({@link OutputGuard}).
	 *
	 * @return files in channel order, as the channels give them
	 */
	public Map<Path, String> filesRead() {
		Map<Path, String> files = new LinkedHashMap<>();
		for (Channel c : channels) {
			if (c.source() != null) {
				files.merge(c.source().file(), "the source of " + c.label(), (a, b) -> a + " and " + b.substring(b.lastIndexOf(' ') + 1));
			}
		}
		for (Channel c : channels) {
			for (int i = 0; i < c.inserts().size(); i++) {
				Insert insert = c.inserts().get(i);
				for (Map.Entry<String, Path> f : insert.files().entrySet()) {
					files.putIfAbsent(f.getValue(), "the " + f.getKey() + " of " + c.label() + " insert " + (i + 1) + " ("
							+ insert.effectId() + ")");
				}
			}
		}
		return files;
	}

	/** Kind of channel. */
	public enum Kind {
		TRACK, BUS
	}

	/**
	 * One channel strip. Its chain is source -&gt; polarity -&gt; inserts (slot 1 first) -&gt; fader -&gt; pan -&gt;
	 * output bus; sends tap after the inserts (pre-fader) or after the pan (post-fader).
	 *
	 * @param id       stable id, unique in the graph (also used to keep processor state across rebuilds)
	 * @param name     the name a person reads (for messages and stem file names)
	 * @param kind     track or bus
	 * @param source   the audio source, tracks only (null for buses)
	 * @param gainDb   fader gain in dB; negative infinity is silence
	 * @param pan      pan (mono track) or balance (stereo track, bus) in [-1, 1]
	 * @param mute     mute (silences the channel's sends too)
	 * @param solo     solo (in place, following the tree and the sends)
	 * @param polarity true when the polarity is inverted
	 * @param output   id of the bus this channel feeds; null only for the master
	 * @param inserts  the insert chain in processing order (slot 1 first); never null
	 * @param sends    sends to buses; never null
	 * @param soloSafe solo-safe (buses): neither solo nor focus silences it or what reaches the master through it;
	 *                 its own mute still does
	 */
	public record Channel(String id, String name, Kind kind, Source source, double gainDb, double pan, boolean mute,
			boolean solo, boolean polarity, String output, List<Insert> inserts, List<Send> sends, boolean soloSafe) {

		public Channel {
			inserts = inserts == null ? List.of() : List.copyOf(inserts);
			sends = sends == null ? List.of() : List.copyOf(sends);
		}

		/** A channel that solo and focus may silence (the form before solo-safe existed). */
		public Channel(String id, String name, Kind kind, Source source, double gainDb, double pan, boolean mute,
				boolean solo, boolean polarity, String output, List<Insert> inserts, List<Send> sends) {
			this(id, name, kind, source, gainDb, pan, mute, solo, polarity, output, inserts, sends, false);
		}

		/** A channel without inserts or sends (the form before inserts and sends existed). */
		public Channel(String id, String name, Kind kind, Source source, double gainDb, double pan, boolean mute,
				boolean solo, boolean polarity, String output) {
			this(id, name, kind, source, gainDb, pan, mute, solo, polarity, output, List.of(), List.of());
		}

		/** @return a copy with another insert chain */
		public Channel withInserts(List<Insert> chain) {
			return new Channel(id, name, kind, source, gainDb, pan, mute, solo, polarity, output, chain, sends, soloSafe);
		}

		/** @return a copy with other sends */
		public Channel withSends(List<Send> list) {
			return new Channel(id, name, kind, source, gainDb, pan, mute, solo, polarity, output, inserts, list, soloSafe);
		}

		/** @return a copy marked solo-safe or not */
		public Channel withSoloSafe(boolean safe) {
			return new Channel(id, name, kind, source, gainDb, pan, mute, solo, polarity, output, inserts, sends, safe);
		}

		/**
		 * @return a copy under another id feeding another bus (null: it becomes a master), everything else kept:
		 *         how a render of stems by level repeats a bus's processing on one stem's path
		 */
		public Channel rerouted(String newId, String newOutput) {
			return new Channel(newId, name, kind, source, gainDb, pan, mute, solo, polarity, newOutput, inserts, sends);
		}

		/**
		 * @return how messages name this channel, as the command line addresses it: {@code track:NAME} or
		 *         {@code bus:NAME}
		 */
		public String label() {
			if (kind == Kind.BUS && output == null) {
				return "master"; // as the command line addresses it, whatever the master bus is called
			}
			return (kind == Kind.TRACK ? "track:" : "bus:") + name;
		}
	}

	/**
	 * One insert slot. The engine makes a processor from {@code factory} when it compiles the graph (off the audio
	 * thread), loads {@code state}, sets {@code parameters} (explicit values win over the state), then gives it
	 * {@code files} ({@link org.mixtree.effects.api.Effect#setFile}), all before it is prepared. A rebuild whose
	 * files differ from the previous plan's makes a fresh processor (loading a file is never done to a processor
	 * that may be playing). A file that cannot be loaded, or a file step chosen with no file, is a warning.
	 * <p>
	 * <b>Sidechain.</b> With a {@code sidechain} key, the processor's {@link org.mixtree.effects.api.ProcessBlock}
	 * carries the key channel's signal, prepared with {@code sidechainChannels} = the key's channel count (a mono
	 * track 1, unless its chain runs stereo; a bus 2). The key signal is the key channel's <em>post-insert,
	 * pre-fader</em> signal (after clip gain, polarity and its whole insert chain, before fader and pan): what a
	 * mix key is normally taken from, so that pulling the kick's fader down does not change how hard it ducks the
	 * bass. The key is a control signal, not heard: the key channel's own mute and solo state (and solo elsewhere)
	 * do not silence it; it is processed for the key even when it is not heard. The engine processes the key
	 * channel before the keyed one (a dependency like an output or a send, so a key that closes a cycle is
	 * refused), and compensates latency so that key and main input reach the insert sample-aligned.
	 *
	 * @param effectId   the effect's id, as the session stores it
	 * @param factory    the installed effect, or null when no installed effect has this id: the channel is then
	 *                   silent (a chain is not played without one of its effects; {@link Plan#silentBecause} and
	 *                   the render's warnings name it)
	 * @param bypass     bypassed: the output is the input delayed by the effect's latency (so parallel paths stay
	 *                   aligned)
	 * @param parameters parameter values by parameter id, in the effect's units; unknown ids are reported and
	 *                   ignored
	 * @param state      the effect's opaque state ({@code Effect#saveState}), or null for none
	 * @param sidechain  id of the channel whose signal keys this insert, or null for none
	 * @param files      the files the effect reads, absolute, by file id ({@code EffectDescriptor#files()}); never
	 *                   null
	 */
	public record Insert(String effectId, EffectFactory factory, boolean bypass, Map<String, Double> parameters,
			byte[] state, String sidechain, Map<String, Path> files) {

		public Insert {
			parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
			state = state == null ? null : state.clone();
			files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
		}

		/** An insert that reads no files (the form before files existed). */
		public Insert(String effectId, EffectFactory factory, boolean bypass, Map<String, Double> parameters,
				byte[] state, String sidechain) {
			this(effectId, factory, bypass, parameters, state, sidechain, Map.of());
		}

		/** An insert without a sidechain key (the form before sidechains existed). */
		public Insert(String effectId, EffectFactory factory, boolean bypass, Map<String, Double> parameters,
				byte[] state) {
			this(effectId, factory, bypass, parameters, state, null, Map.of());
		}

		/** An insert of {@code factory}'s effect with parameter values and no state. */
		public static Insert of(EffectFactory factory, Map<String, Double> parameters) {
			return new Insert(factory.descriptor().id(), factory, false, parameters, null, null, Map.of());
		}

		/** @return a copy of the state bytes, or null */
		@Override
		public byte[] state() {
			return state == null ? null : state.clone();
		}

		/** @return a copy with {@code bypass} */
		public Insert withBypass(boolean on) {
			return new Insert(effectId, factory, on, parameters, state, sidechain, files);
		}

		/** @return a copy keyed by channel {@code keyId} (null: no key) */
		public Insert withSidechain(String keyId) {
			return new Insert(effectId, factory, bypass, parameters, state, keyId, files);
		}

		/** @return a copy reading {@code fileMap} (file id to absolute path) */
		public Insert withFiles(Map<String, Path> fileMap) {
			return new Insert(effectId, factory, bypass, parameters, state, sidechain, fileMap);
		}

		@Override
		public boolean equals(Object o) {
			return o instanceof Insert i && java.util.Objects.equals(effectId, i.effectId) && factory == i.factory && bypass == i.bypass
					&& parameters.equals(i.parameters) && Arrays.equals(state, i.state)
					&& java.util.Objects.equals(sidechain, i.sidechain) && files.equals(i.files);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hashCode(effectId) * 31 + parameters.hashCode() + Arrays.hashCode(state)
					+ 7 * java.util.Objects.hashCode(sidechain) + 13 * files.hashCode();
		}
	}

	/**
	 * A send from a channel to a bus.
	 *
	 * @param target   id of the bus it feeds
	 * @param levelDb  send level in dB; negative infinity is silence
	 * @param preFader true: taps after the inserts, before the fader (the pan still applies, so a mono channel
	 *                 reaches the stereo bus the way its output does); false: taps after the fader and pan
	 */
	public record Send(String target, double levelDb, boolean preFader) {
	}

	/**
	 * An audio file feeding a track.
	 *
	 * @param file         the file
	 * @param clipGainDb   gain applied to the source before anything else, in dB
	 * @param offsetFrames where the file starts on the timeline, in frames at the mix rate (&gt;= 0)
	 * @param offline      null when the file is there; else why it is offline, one line naming the file as the
	 *                     session stores it ({@code stems/Kick.wav is missing}): the track then plays silence for
	 *                     {@code offlineFrames}, is silent for that reason ({@link Plan#silentBecause}), and a
	 *                     render refuses it unless told otherwise. The binding decides; the engine only obeys.
	 * @param offlineFrames how long an offline source plays silence, in frames at the mix rate (its recorded length,
	 *                     so the mix keeps its length); 0 when not known
	 */
	public record Source(Path file, double clipGainDb, long offsetFrames, String offline, long offlineFrames) {

		/** A source that is there (the form before offline sources existed). */
		public Source(Path file, double clipGainDb, long offsetFrames) {
			this(file, clipGainDb, offsetFrames, null, 0);
		}

		/** @return whether the track plays silence in place of its file ({@link #offline()} says why) */
		public boolean isOffline() {
			return offline != null;
		}
	}
}
