package org.mixtree.ui.mixer;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.realtime.Player;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;

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
			parent.layout(true);
		}
	}

	/**
	 * The transport's player, whichever is playing now: its meters and its live values. When the workbench's transport
	 * plays through a {@link org.mixtree.session.LiveSession}, {@link ConsoleEngine#of(org.mixtree.session.LiveSession)}
	 * takes this one's place.
	 */
	private ConsoleEngine engine() {
		return new ConsoleEngine() {
			@Override
			public boolean readMeter(String channelId, double[] into) {
				Player p = playback == null ? null : playback.player();
				return p != null && p.read(channelId, into) >= 0;
			}

			@Override
			public void liveGain(org.mixtree.model.Channel channel, double gainDb) {
				Player p = playback == null ? null : playback.player();
				if (p != null) {
					p.setGain(channel.getAddress(), gainDb);
				}
			}

			@Override
			public void livePan(org.mixtree.model.Channel channel, double pan) {
				Player p = playback == null ? null : playback.player();
				if (p != null) {
					p.setPan(channel.getAddress(), pan);
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
		if (console != null) {
			console.dispose();
			console = null;
		}
	}
}
