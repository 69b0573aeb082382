package org.mixtree.ui.mixer;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Send;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.views.ChannelSelection;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The mixer console as an e4 part, contributed by this bundle's model fragment into the workbench's main stack. A
 * plain class: the session (its editing domain and file) and the transport come from the context; a session opened
 * later from the File menu replaces the console's.
 */
public final class MixerPart {
	private Composite parent;
	private SessionService session;
	private Playback playback;
	private MixerConsole console;
	private ChannelSelection selection;
	private InsertEditors insertEditors;
	private final java.util.function.Consumer<Channel> followSelection = c -> {
		if (console != null && !console.canvas().isDisposed()) {
			console.follow(c);
		}
	};

	@PostConstruct
	void create(Composite parent) {
		this.parent = parent;
		parent.setLayout(new FillLayout());
		rebuild();
	}

	/** Follows the context's session: the one opened at start, then each one opened from the File menu. */
	@Inject
	void session(@Optional SessionService next) {
		if (next == session) {
			return;
		}
		session = next;
		rebuild();
	}

	@Inject
	void playback(@Optional Playback transport) {
		playback = transport;
	}

	/**
	 * The workbench's one channel selection (the view host puts it into the context): the console publishes what the
	 * user selects in it and follows what is selected elsewhere.
	 */
	@Inject
	void selection(@Optional ChannelSelection shared) {
		if (shared == selection) {
			return;
		}
		if (selection != null) {
			selection.removeListener(followSelection);
		}
		selection = shared;
		if (shared != null) {
			shared.addListener(followSelection);
		}
		wire();
	}

	/** Effect editors from views (the view host puts them into the context), shown instead of the generic one. */
	@Inject
	void insertEditors(@Optional InsertEditors editors) {
		insertEditors = editors;
		wire();
	}

	private void wire() {
		if (console == null) {
			return;
		}
		console.setInsertEditors(insertEditors);
		ChannelSelection shared = selection;
		console.onSelection(shared == null ? null : c -> {
			if (shared.selected() != c) {
				shared.select(c);
			}
		});
		if (shared != null && shared.selected() != null) {
			console.follow(shared.selected());
		}
	}

	private void rebuild() {
		if (parent == null || parent.isDisposed()) {
			return;
		}
		if (console != null) {
			console.dispose();
			console = null;
		}
		if (session != null) {
			console = new MixerConsole(parent, new ConsoleInput(session.domain(), session.session(), session.file(),
					EffectRegistry.osgi(), engine()));
			wire();
			parent.layout(true);
		}
	}

	/**
	 * The transport's live session, whichever plays now ({@link Playback#live()}: a device change or another session
	 * makes a new one, so it is taken again on each call): its meters, and the values a gesture previews while it
	 * lasts (the command at its end goes on the session's stack).
	 */
	private ConsoleEngine engine() {
		return new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				return playback != null && playback.readMeter(channelId, into) >= 0;
			}

			@Override
			public void liveGain(Channel channel, double gainDb) {
				if (playback != null) {
					playback.previewGain(channel.getAddress(), gainDb);
				}
			}

			@Override
			public void livePan(Channel channel, double pan) {
				if (playback != null) {
					playback.previewPan(channel.getAddress(), pan);
				}
			}

			@Override
			public void liveSendLevel(Send send, double levelDb) {
				LiveSession live = playback == null ? null : playback.live();
				if (live != null) {
					live.previewSendLevel(send, levelDb);
				}
			}

			@Override
			public void liveParameter(Insert insert, String parameterId, double value) {
				LiveSession live = playback == null ? null : playback.live();
				if (live != null) {
					live.previewParameter(insert, parameterId, value);
				}
			}
		};
	}

	/** @return the console shown, or null before a session is open */
	public MixerConsole console() {
		return console;
	}

	@Focus
	void focus() {
		if (console != null && !console.canvas().isDisposed()) {
			console.canvas().setFocus();
		}
	}

	@PreDestroy
	void dispose() {
		if (selection != null) {
			selection.removeListener(followSelection);
		}
		if (console != null) {
			console.dispose();
			console = null;
		}
	}
}
