package org.mixtree.ui.views;

import java.util.Locale;

/**
 * What a view reads, as declared in the {@code needs} attribute of its extension (comma separated). The workbench
 * uses it to offer a view only where it can work (an editor needs an insert; a stereo view a channel) and to open
 * taps only for views that show them.
 */
public enum ViewNeed {
	/** The session and its editing domain (every view gets them; the default). */
	SESSION,
	/** The selected channel, followed as the selection changes. */
	CHANNEL,
	/** The master bus. */
	MASTER,
	/** A tap of a channel's audio (see {@link ViewContext#openTap}). */
	TAP,
	/** Editors: the insert being edited ({@link ViewContext#insert()}). */
	INSERT;

	/** @return the id used in {@code plugin.xml}: session, channel, master, tap, insert */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the need with that id
	 * @throws IllegalArgumentException naming the value when it is unknown
	 */
	public static ViewNeed of(String id) {
		for (ViewNeed n : values()) {
			if (n.id().equals(id.trim())) {
				return n;
			}
		}
		throw new IllegalArgumentException("unknown view need '" + id + "' (session, channel, master, tap, insert)");
	}
}
