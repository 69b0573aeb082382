package org.mixtree.views.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.ui.views.AudioTap;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.TransportState;
import org.mixtree.ui.views.ViewContext;

/**
 * A small host for a view under test: a session loaded from its file through SessionStore into a real editing domain,
 * a real shared selection, and the messages the view showed. (The workbench's own context is tested there.)
 */
final class TestContext implements ViewContext {
	final AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
	final Session session;
	final Path file;
	final List<String> messages = new ArrayList<>();
	final Selection selection = new Selection();

	TestContext(Path file) throws Exception {
		this.file = file;
		session = SessionEditing.load(domain, file);
	}

	static final class Selection implements ChannelSelection {
		Channel selected;
		final List<Consumer<Channel>> listeners = new ArrayList<>();

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
		return new TransportState() {
			@Override
			public int sampleRate() {
				return session.getSampleRate();
			}

			@Override
			public long positionFrames() {
				return 0;
			}

			@Override
			public long lengthFrames() {
				return 0;
			}

			@Override
			public boolean isPlaying() {
				return false;
			}

			@Override
			public long[] loopRange() {
				return null;
			}

			@Override
			public void locate(long frame) {
			}

			@Override
			public void setLoop(long[] range) {
			}
		};
	}

	@Override
	public Insert insert() {
		return null;
	}

	@Override
	public MeterSnapshot meter(Channel channel) {
		return MeterSnapshot.SILENT;
	}

	@Override
	public AudioTap openTap(Channel channel) {
		throw new UnsupportedOperationException("routing views open no taps");
	}

	@Override
	public double loudnessTargetLufs() {
		return -23;
	}

	@Override
	public void showMessage(String message) {
		messages.add(message);
	}
}
