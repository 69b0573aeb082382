package org.mixtree.views.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.Tap;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Session;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.TransportState;
import org.mixtree.ui.views.ViewContext;

/**
 * A small {@link ViewContext} for hosting a view in a plain Shell: the session and its domain as loaded, a selection
 * of its own, and the transport, meters and taps of a real {@link Player} playing the session through JACK (the
 * workbench's own context is built in parallel; this one has only what the views read). It records the taps it opened
 * so a test can see that a view closed them.
 */
final class TestContext implements ViewContext {
	private final Session session;
	private final EditingDomain domain;
	private final Path file;
	private final Player player;
	private final long lengthFrames;
	private final Selection selection = new Selection();
	private final Transport transport = new Transport();
	final List<Tap> taps = new CopyOnWriteArrayList<>();
	final List<String> messages = new CopyOnWriteArrayList<>();
	double target = -23.0;

	TestContext(Session session, EditingDomain domain, Path file, Player player, long lengthFrames) {
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
		return player.meter(channel.getAddress());
	}

	@Override
	public AudioTap openTap(Channel channel) {
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
	List<Tap> openTaps() {
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

	final class Selection implements ChannelSelection {
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

		int listeners() {
			return listeners.size();
		}
	}

	final class Transport implements TransportState {
		private volatile long[] loop;

		@Override
		public int sampleRate() {
			return session.getSampleRate();
		}

		@Override
		public long positionFrames() {
			return player.position();
		}

		@Override
		public long lengthFrames() {
			return lengthFrames;
		}

		@Override
		public boolean isPlaying() {
			return player.playing();
		}

		@Override
		public long[] loopRange() {
			long[] l = loop;
			return l == null ? null : l.clone();
		}

		@Override
		public void locate(long frame) {
			player.locate(frame);
		}

		@Override
		public void setLoop(long[] range) {
			if (range == null) {
				loop = null;
				player.clearLoop();
			} else {
				loop = range.clone();
				player.setLoop(range[0], range[1]);
			}
		}
	}
}
