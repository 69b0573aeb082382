package org.mixtree.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.audio.io.AudioFiles;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;

/**
 * What a mixer shows beside the faders and what {@code info --json} prints: who is heard and why not
 * ({@link Plan#silentBecause}, the engine's Audibility), and how far each channel's output lags the timeline (the
 * delay compensation its subtree adds, {@link Engine#outputLatencies}), all answered by one compiled plan so that a
 * strip and a render never disagree.
 * <p>
 * Made from a {@link GraphDescription} (built with {@link SessionGraph#describe} on the thread that owns the model),
 * so the compiling, which creates and prepares effects and reads the sources' headers, can run on a worker thread.
 * Immutable.
 *
 * @param silentBecause by channel id: null when the channel is heard, else the first cause, one line
 * @param latencies     output latency in frames by channel id; empty when it could not be computed
 * @param problem       why the graph did not compile (a routing cycle, say), or null; then nothing else is known
 * @param warnings      what compiling found but did not refuse ({@link Plan#warnings()}): missing effects and such
 */
public record MixFacts(Map<String, String> silentBecause, Map<String, Integer> latencies, String problem,
		List<String> warnings) {

	public MixFacts {
		silentBecause = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(silentBecause));
		latencies = Map.copyOf(latencies);
		warnings = List.copyOf(warnings);
	}

	/** Nothing known yet (before the first compile has answered). */
	public static final MixFacts UNKNOWN = new MixFacts(Map.of(), Map.of(), null, List.of());

	/**
	 * Compiles {@code graph} once and answers for every channel. [any thread but the audio thread: it compiles,
	 * allocates and reads the sources' file headers]
	 */
	public static MixFacts of(GraphDescription graph) {
		Plan plan;
		try {
			plan = Engine.compile(graph);
		} catch (GraphException | RuntimeException e) {
			return new MixFacts(Map.of(), Map.of(), e.getMessage(), List.of());
		}
		Map<String, String> silent = new LinkedHashMap<>();
		for (GraphDescription.Channel c : graph.channels()) {
			silent.put(c.id(), plan.silentBecause(c.id()));
		}
		return new MixFacts(silent, latencies(plan), null, plan.warnings());
	}

	/**
	 * The delay compensation each channel's subtree adds, as a render computes it ({@link Engine#outputLatencies}
	 * over {@code plan}, whose processors it prepares: give it a plan of its own, not one playing). A track's
	 * channel count is read from its source's header; a missing source counts as stereo (it plays as nothing).
	 *
	 * @return output latency in frames by channel id; empty when it cannot be computed
	 */
	public static Map<String, Integer> latencies(Plan plan) {
		try {
			Map<String, Integer> channels = new HashMap<>();
			for (GraphDescription.Channel c : plan.description().channels()) {
				if (c.source() != null) {
					try {
						channels.put(c.id(), AudioFiles.info(c.source().file()).channels());
					} catch (Exception e) {
						// a missing source plays as nothing; its chain's latency is computed as for stereo
					}
				}
			}
			return Engine.outputLatencies(plan, channels);
		} catch (RuntimeException e) {
			return Map.of();
		}
	}

	/** @return the channel's latency in frames, or -1 when unknown */
	public int latency(String channelId) {
		Integer l = latencies.get(channelId);
		return l == null ? -1 : l;
	}
}
