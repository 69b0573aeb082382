package org.mixtree.ui.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.Tap;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.TransportState;
import org.mixtree.ui.views.ViewContext;

/**
 * The {@link ViewContext} the view tests host a view with, in a plain Shell: the session and its editing domain, a
 * selection of its own, the messages the view showed, and (when the test plays the session) the transport, meters and
 * taps of a real {@link Player}, e.g. through a {@link org.mixtree.testing.JackServer}; without a player it is a stopped transport, silent
 * meters and no taps (routing views open none). It records the taps it opened, so a test can see that a view closed
 * them. (The workbench's own context is tested in {@code org.mixtree.ui.views.host.tests}.)
 */
public final class TestViewContext implements ViewContext {
	public final Session session;
	public final EditingDomain domain;
	public final Path file;
	public final Selection selection = new Selection();
	/** The messages the view showed in the status line. */
	public final List<String> messages = new CopyOnWriteArrayList<>();
	/** Every tap the view opened. */
	public final List<Tap> taps = new CopyOnWriteArrayList<>();
	/** The loudness target the view reads. */
	public volatile double target = -23.0;
	private final Player player;
	private final long lengthFrames;
	private final Transport transport = new Transport();

	/** A session loaded from its file into a new editing domain, played by nothing. */
	public TestViewContext(Path file) throws Exception {
		AdapterFactoryEditingDomain d = SessionEditing.createEditingDomain();
		this.domain = d;
		this.file = file;
		this.session = SessionEditing.load(d, file);
		this.player = null;
		this.lengthFrames = 0;
	}

	/** A session that {@code player} plays ({@code lengthFrames} long). */
	public TestViewContext(Session session, EditingDomain domain, Path file, Player player, long lengthFrames) {
		this.session = session;
		this.domain = domain;
		this.file = file;
		this.player = player;
		this.lengthFrames = lengthFrames;
	}

	@Override
	public Session session() {
		return session;
	}

	@Override
	public EditingDomain domain() {
		return domain;
	}

	@Override
	public Path sessionFile() {
		return file;
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
		return null;
	}

	@Override
	public MeterSnapshot meter(Channel channel) {
		return player == null ? MeterSnapshot.SILENT : player.meter(channel.getAddress());
	}

	@Override
	public AudioTap openTap(Channel channel) {
		if (player == null) {
			throw new UnsupportedOperationException("this test context plays nothing: it has no taps");
		}
		Tap t = player.openTap(channel.getAddress());
		taps.add(t);
		return new AudioTap() {
			@Override
			public String channelId() {
				return t.channelId();
			}

			@Override
			public int channels() {
				return t.channels();
			}

			@Override
			public int sampleRate() {
				return t.sampleRate();
			}

			@Override
			public long framesWritten() {
				return t.framesWritten();
			}

			@Override
			public int readLatest(float[][] into, int frames) {
				return t.readLatest(into, frames);
			}

			@Override
			public int readNext(float[][] into) {
				return t.readNext(into);
			}

			@Override
			public void close() {
				t.close();
			}
		};
	}

	/** @return the taps opened through this context that are still open */
	public List<Tap> openTaps() {
		List<Tap> open = new ArrayList<>();
		for (Tap t : taps) {
			if (!t.closed()) {
				open.add(t);
			}
		}
		return open;
	}

	@Override
	public double loudnessTargetLufs() {
		return target;
	}

	@Override
	public void showMessage(String message) {
		messages.add(message);
	}

	/** The shared selection, as one view sees it. */
	public static final class Selection implements ChannelSelection {
		private Channel selected;
		private final List<Consumer<Channel>> listeners = new ArrayList<>();

		@Override
		public Channel selected() {
			return selected;
		}

		@Override
		public void select(Channel channel) {
			if (channel != selected) {
				selected = channel;
				for (Consumer<Channel> l : List.copyOf(listeners)) {
					l.accept(channel);
				}
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

		/** @return the listeners added and not removed */
		public int listeners() {
			return listeners.size();
		}
	}

	private final class Transport implements TransportState {
		private volatile long[] loop;

		@Override
		public int sampleRate() {
			return session.getSampleRate();
		}

		@Override
		public long positionFrames() {
			return player == null ? 0 : player.position();
		}

		@Override
		public long lengthFrames() {
			return lengthFrames;
		}

		@Override
		public boolean isPlaying() {
			return player != null && player.playing();
		}

		@Override
		public long[] loopRange() {
			long[] l = loop;
			return l == null ? null : l.clone();
		}

		@Override
		public void locate(long frame) {
			if (player != null) {
				player.locate(frame);
			}
		}

		@Override
		public void setLoop(long[] range) {
			if (range == null) {
				loop = null;
				if (player != null) {
					player.clearLoop();
				}
			} else {
				loop = range.clone();
				if (player != null) {
					player.setLoop(range[0], range[1]);
				}
			}
		}
	}
}
