package org.mixtree.ui.views.host.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Session;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.AudioPreferences;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.TransportState;
import org.mixtree.ui.views.ViewContext;

/**
 * What the workbench hands one view: the session service's session, domain and file, the shared selection, the
 * transport, the meters and taps of whatever live session plays now, the loudness target from the preferences and
 * the status line. It remembers what the view added (selection listeners, taps) and takes it back in
 * {@link #dispose}, so a view that forgets to, or whose bundle is gone before it could, leaves nothing behind.
 */
final class HostContext implements ViewContext {
	private final SessionService session;
	private final Playback playback;
	private final ChannelSelection shared;
	private final StatusLine status;
	private final Insert insert;
	private final HostTransport transport;
	private final List<Consumer<Channel>> listeners = new ArrayList<>();
	private final List<HostTap> taps = new ArrayList<>();
	private final AudioPreferences preferences = new AudioPreferences();
	private final ChannelSelection selection = new ChannelSelection() {
		@Override
		public Channel selected() {
			return shared == null ? null : shared.selected();
		}

		@Override
		public void select(Channel channel) {
			if (shared != null) {
				shared.select(channel);
			}
		}

		@Override
		public void addListener(Consumer<Channel> listener) {
			listeners.add(listener);
			if (shared != null) {
				shared.addListener(listener);
			}
		}

		@Override
		public void removeListener(Consumer<Channel> listener) {
			listeners.remove(listener);
			if (shared != null) {
				shared.removeListener(listener);
			}
		}
	};
	private boolean disposed;

	HostContext(SessionService session, Playback playback, ChannelSelection shared, StatusLine status, Insert insert) {
		this.session = session;
		this.playback = playback;
		this.shared = shared;
		this.status = status;
		this.insert = insert;
		this.transport = new HostTransport(playback, session.session(), session.file());
	}

	@Override
	public Session session() {
		return session.session();
	}

	@Override
	public EditingDomain domain() {
		return session.domain();
	}

	@Override
	public Path sessionFile() {
		return session.file();
	}

	@Override
	public ChannelSelection selection() {
		return selection;
	}

	@Override
	public TransportState transport() {
		return transport;
	}

	@Override
	public Insert insert() {
		return insert;
	}

	@Override
	public MeterSnapshot meter(Channel channel) {
		LiveSession live = playback == null ? null : playback.live();
		return live == null || channel == null ? MeterSnapshot.SILENT : live.meter(channel.getAddress());
	}

	@Override
	public void previewParameter(Insert insert, String parameterId, double value) {
		LiveSession live = playback == null ? null : playback.live();
		if (live != null && insert != null) {
			live.previewParameter(insert, parameterId, value);
		}
	}

	@Override
	public AudioTap openTap(Channel channel) {
		if (disposed) {
			throw new IllegalStateException("the view's context is disposed");
		}
		HostTap tap = new HostTap(playback, channel.getAddress(), session.session().getSampleRate());
		synchronized (taps) {
			taps.removeIf(HostTap::isClosed);
			taps.add(tap);
		}
		return tap;
	}

	@Override
	public double loudnessTargetLufs() {
		return preferences.loudnessTargetLufs();
	}

	@Override
	public void showMessage(String message) {
		if (status != null) {
			status.show(message);
		}
	}

	/** @return the taps the view opened through this context, until {@link #dispose} (tests) */
	int tapsHeld() {
		synchronized (taps) {
			return (int) taps.stream().filter(t -> !t.isClosed()).count();
		}
	}

	/** @return the taps opened through this context that have an engine tap open now (tests) */
	int openTaps() {
		synchronized (taps) {
			return (int) taps.stream().filter(HostTap::open).count();
		}
	}

	/** [UI] Removes the listeners the view added and closes its taps. Idempotent. */
	void dispose() {
		if (disposed) {
			return;
		}
		disposed = true;
		if (shared != null) {
			for (Consumer<Channel> l : listeners) {
				shared.removeListener(l);
			}
		}
		listeners.clear();
		synchronized (taps) {
			for (HostTap t : taps) {
				t.close();
			}
			taps.clear();
		}
	}
}
