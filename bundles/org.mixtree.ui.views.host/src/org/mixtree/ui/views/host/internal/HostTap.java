package org.mixtree.ui.views.host.internal;

import org.mixtree.engine.realtime.Tap;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.Playback;
import org.mixtree.ui.views.AudioTap;

/**
 * A view's {@link AudioTap}: the engine's {@link Tap} of the live session that plays now. The workbench's transport
 * makes a new live session at the first play, on a device change and after a failure ({@link Playback#live()}
 * changes); each read checks which one plays and opens the channel's tap on it (closing the one on the old
 * session), so a view's tap goes on across them. Nothing is opened, and nothing copied on the audio thread, while
 * nothing plays; a new live session's tap starts at that session's first block ({@link #readNext} goes on from
 * there, without counting the gap as lost).
 * <p>
 * Thread rules: as {@link AudioTap}: one reader, any thread but the audio thread; {@link #close} from any thread.
 * The methods lock this object (never against the audio thread, which knows nothing of it).
 */
final class HostTap implements AudioTap {
	private final Playback playback;
	private final String channelId;
	private final int sampleRate;
	private LiveSession source;
	private Tap tap;
	/** Frames written to the taps of earlier live sessions. */
	private long before;
	private boolean closed;

	HostTap(Playback playback, String channelId, int sampleRate) {
		this.playback = playback;
		this.channelId = channelId;
		this.sampleRate = sampleRate;
	}

	/** @return the tap of the live session playing now, opened if need be; null while none plays */
	private Tap current() {
		LiveSession now = playback == null ? null : playback.live();
		if (now != source || tap == null && now != null) {
			if (tap != null) {
				before += tap.framesWritten();
				tap.close();
				tap = null;
			}
			source = now;
			tap = now == null ? null : now.openTap(channelId);
		}
		return tap;
	}

	@Override
	public String channelId() {
		return channelId;
	}

	@Override
	public int channels() {
		return 2;
	}

	@Override
	public synchronized int sampleRate() {
		Tap t = closed ? null : current();
		return t == null ? sampleRate : t.sampleRate();
	}

	@Override
	public synchronized long framesWritten() {
		Tap t = closed ? null : current();
		return before + (t == null ? 0 : t.framesWritten());
	}

	@Override
	public synchronized int readLatest(float[][] into, int frames) {
		Tap t = closed ? null : current();
		return t == null ? 0 : t.readLatest(into, frames);
	}

	@Override
	public synchronized int readNext(float[][] into) {
		Tap t = closed ? null : current();
		return t == null ? 0 : t.readNext(into);
	}

	@Override
	public synchronized void close() {
		closed = true;
		if (tap != null) {
			tap.close();
			tap = null;
		}
		source = null;
	}

	/** @return whether {@link #close} was called */
	synchronized boolean isClosed() {
		return closed;
	}

	/** @return whether an engine tap is open now (tests) */
	synchronized boolean open() {
		return tap != null && !tap.closed();
	}
}
