package org.mixtree.ui.views.host.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.mixtree.model.Channel;
import org.mixtree.ui.views.ChannelSelection;

/**
 * The workbench's one selected channel, in the application context: the console publishes what the user selects in
 * it and follows what views select, and every view's {@link org.mixtree.ui.views.ViewContext#selection()} reads
 * and writes it. A channel removed from its session (deleted, or its session closed) reads as no selection.
 * <p>
 * [UI] All methods on the UI thread.
 */
public final class SharedSelection implements ChannelSelection {
	private final List<Consumer<Channel>> listeners = new CopyOnWriteArrayList<>();
	private Channel selected;

	@Override
	public Channel selected() {
		Channel c = selected;
		return c == null || c.eContainer() == null ? null : c;
	}

	@Override
	public void select(Channel channel) {
		if (channel == selected) {
			return;
		}
		selected = channel;
		for (Consumer<Channel> l : listeners) {
			l.accept(channel);
		}
	}

	@Override
	public void addListener(Consumer<Channel> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Consumer<Channel> listener) {
		listeners.remove(listener);
	}

	/** @return the listeners added and not removed (tests: a disposed view leaves none behind) */
	public int listenerCount() {
		return listeners.size();
	}
}
