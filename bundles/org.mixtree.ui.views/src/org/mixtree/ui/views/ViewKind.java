package org.mixtree.ui.views;

import java.util.Locale;

/** What a view is, as declared in the {@code kind} attribute of its extension. */
public enum ViewKind {
	/** The way through the mix: channels and their routes (a tree, a graph...). */
	ROUTING,
	/** What a channel's audio looks like (spectrum, loudness, stereo image, waveform...). */
	VISUALISATION,
	/** An insert's own editor, shown instead of the generic parameter editor for one effect. */
	EDITOR;

	/** @return the id used in {@code plugin.xml} and by {@code ./mixtree views}: routing, visualisation, editor */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the kind with that id
	 * @throws IllegalArgumentException naming the value when it is none of routing, visualisation, editor
	 */
	public static ViewKind of(String id) {
		for (ViewKind k : values()) {
			if (k.id().equals(id)) {
				return k;
			}
		}
		throw new IllegalArgumentException("unknown view kind '" + id + "' (routing, visualisation or editor)");
	}
}
