package org.mixtree.ui.internal;

/**
 * The top bar's A/B toggle, put into the window's context by the bar so that its key binding's handler reaches it.
 * [UI] thread.
 */
public interface AbToggle {

	/** Recalls the other of the two chosen snapshots (A first), loudness-matched while playing. */
	void toggle();
}
