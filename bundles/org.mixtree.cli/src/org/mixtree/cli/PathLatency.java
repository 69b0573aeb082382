package org.mixtree.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.mixtree.audio.io.AudioFiles;
import org.mixtree.engine.Engine;
import org.mixtree.engine.Plan;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;

/**
 * The delay compensation each channel's subtree adds, as {@code info} shows it: the engine's own computation
 * ({@link Engine#outputLatencies}) over the plan a render would compile, so it is the render's, not a second copy
 * of the PDC logic.
 */
final class PathLatency {
	private PathLatency() {
	}

	/**
	 * @param plan the session compiled as a render would compile it
	 * @return output latency in frames by channel address; empty when it cannot be computed
	 */
	static Map<String, Integer> of(Plan plan, Session session, Path file) {
		try {
			Map<String, Integer> channels = new HashMap<>();
			for (Track t : session.getTracks()) {
				try {
					channels.put(t.getAddress(), AudioFiles.info(SessionStore.resolveSource(t, file)).channels());
				} catch (Exception e) {
					// a missing source plays as nothing; its chain's latency is computed as for stereo
				}
			}
			return Engine.outputLatencies(plan, channels);
		} catch (Exception e) {
			return Map.of();
		}
	}
}
