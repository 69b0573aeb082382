package org.mixtree.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@link Plan#notes()}: one per state of the mix that silences channels beyond their own mute and
 * fader. Each state is one method returning its line or null, added to {@link #of}; the focus has its own.
 */
final class MixNotes {
	private MixNotes() {
	}

	static List<String> of(GraphDescription graph) {
		List<String> notes = new ArrayList<>();
		add(notes, solo(graph));
		add(notes, focus(graph));
		return notes;
	}

	private static void add(List<String> notes, String line) {
		if (line != null) {
			notes.add(line);
		}
	}

	/** The buses in focus, or null without a focus. */
	static String focus(GraphDescription graph) {
		if (graph.focus().isEmpty()) {
			return null;
		}
		List<String> focused = new ArrayList<>();
		for (String id : graph.focus()) {
			for (GraphDescription.Channel c : graph.channels()) {
				if (c.id().equals(id)) {
					focused.add(c.label());
				}
			}
		}
		return "focus is on " + String.join(" + ", focused) + " (the other buses are silent)";
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
