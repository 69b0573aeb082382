package org.mixtree.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workbench's status line as a service in the application context: the one line under the time line where
 * the transport says what the device said, and where views and other contributions say why something they were
 * asked to do was refused (a drop that would close a routing cycle, a view that could not be made). The top bar
 * shows the latest message until the transport has something to say or the message is cleared.
 * <p>
 * [UI] All methods on the UI thread.
 */
public final class StatusLine {
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private String message;

	/** Shows {@code message} (one line; null or empty clears it). */
	public void show(String message) {
		this.message = message == null || message.isBlank() ? null : message.strip().replace('\n', ' ');
		for (Runnable r : listeners) {
			r.run();
		}
	}

	/** @return the message shown, or null */
	public String message() {
		return message;
	}

	/** Calls {@code listener} after each {@link #show}. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}
}
