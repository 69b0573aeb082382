package org.mixtree.ui.views;

import java.util.function.Consumer;

import org.mixtree.model.Channel;

/**
 * The selected channel, one for the whole workbench: the console, the routing views and the visualisations select
 * and follow the same channel. [UI] All methods on the UI thread.
 */
public interface ChannelSelection {
	/** @return the selected track or bus, or null when nothing is selected */
	Channel selected();

	/** Selects a channel (null: nothing); listeners are told when it changes. */
	void select(Channel channel);

	/**
	 * Calls {@code listener} with the new selection each time it changes, until the view that added it is disposed
	 * (the context removes it then) or {@link #removeListener} is called.
	 */
	void addListener(Consumer<Channel> listener);

	void removeListener(Consumer<Channel> listener);
}
