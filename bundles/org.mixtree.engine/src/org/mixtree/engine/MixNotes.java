package org.mixtree.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@link Plan#notes()}: one per state of the mix that silences channels beyond their own mute and
 * fader. Each state is one method returning its line or null, added to {@link #of}; a focus state gets its own.
 */
final class MixNotes {
	private MixNotes() {
	}

	static List<String> of(GraphDescription graph) {
		List<String> notes = new ArrayList<>();
		add(notes, solo(graph));
		return notes;
	}

	private static void add(List<String> notes, String line) {
		if (line != null) {
			notes.add(line);
		}
	}

	/** The soloed channels in description order, or null when nothing is soloed. */
	static String solo(GraphDescription graph) {
		List<String> soloed = new ArrayList<>();
		for (GraphDescription.Channel c : graph.channels()) {
			if (c.solo()) {
				soloed.add(c.label());
			}
		}
		if (soloed.isEmpty()) {
			return null;
		}
		return "solo in force: " + String.join(", ", soloed) + " (only what " + (soloed.size() == 1 ? "it lets" : "they let")
				+ " through is heard)";
	}
}
