package org.mixtree.engine.realtime;

import org.mixtree.engine.internal.TapBoard;
import org.mixtree.engine.internal.TapRing;

/**
 * A tap of one channel's audio while a {@link Player} plays: the channel's output after its inserts, fader and pan
 * (what its meter reads; for the master, what goes to the device before the transport's fades), stereo, at the
 * plan's rate. Made by {@link Player#openTap}; while any tap of a channel is open, the thread that mixes the
 * channel copies each block into a lock-free ring (no allocation, no lock, no waiting for readers: it overwrites
 * the oldest frames); nothing is copied for a channel no open tap reads. The tap follows the player across plan
 * swaps (a recompiled plan feeds the same ring for the same channel id); it reads nothing while the player is
 * stopped or the plan played has no channel of that id.
 * <p>
 * Thread rules: one reader per tap, on any thread but the audio thread; {@link #framesWritten()} and
 * {@link #close()} from any thread but the audio thread. Reads allocate nothing.
 */
public final class Tap implements AutoCloseable {
	private final TapBoard board;
	private final TapRing ring;
	private final long opened;
	private long cursor;
	private volatile boolean closed;

	Tap(TapBoard board, TapRing ring) {
		this.board = board;
		this.ring = ring;
		this.opened = ring.written();
		this.cursor = opened;
	}

	/** @return the id of the channel tapped */
	public String channelId() {
		return ring.channelId();
	}

	/** @return 2: strips are stereo (a mono track is panned before the tap) */
	public int channels() {
		return TapRing.CHANNELS;
	}

	/** @return frames per second (the plan's rate) */
	public int sampleRate() {
		return ring.sampleRate();
	}

	/** @return the most frames {@link #readLatest} gives: half the ring, so that a copy is not overwritten under it */
	public int history() {
		return ring.capacity() / 2;
	}

	/** @return frames the audio thread has written since this tap opened */
	public long framesWritten() {
		return ring.written() - opened;
	}

	/**
	 * Copies the newest {@code frames} frames (at most {@link #history()} and {@code into[c].length}) into
	 * {@code into[c][0 ..)}, oldest first, for each channel {@code c < min(into.length, 2)}. Does not move the
	 * {@link #readNext} cursor.
	 *
	 * @return the frames copied: {@code frames}, or fewer when fewer have been written since the tap opened
	 */
	public int readLatest(float[][] into, int frames) {
		if (closed || into.length == 0) {
			return 0;
		}
		int want = Math.min(Math.min(frames, history()), into[0].length);
		for (;;) {
			long w = ring.written();
			int n = (int) Math.min(want, w - opened);
			if (n <= 0) {
				return 0;
			}
			long from = w - n;
			ring.copy(from, n, into, 0);
			if (from >= ring.claimed() - ring.capacity()) {
				return n;
			}
			// the writer went half a ring further while this thread copied (it was descheduled): copy again
			Thread.onSpinWait();
		}
	}

	/**
	 * Copies the frames written since the last call (at most {@code into[0].length}) into {@code into[c][0 ..)}, for
	 * analysis that must see every frame once.
	 *
	 * @return the frames copied, 0 when none are new; negative when this reader fell behind and frames were
	 *         overwritten before it read them: minus the count skipped (nothing is copied; the next call goes on
	 *         from {@link #history()} frames before the newest, so the writer, still writing, does not overtake the
	 *         reader again before its next call, as it would if it went on from the oldest frame still held)
	 */
	public int readNext(float[][] into) {
		if (closed || into.length == 0) {
			return 0;
		}
		long w = ring.written();
		long oldest = w - ring.capacity();
		if (cursor < oldest) {
			return lost(w - history());
		}
		int n = (int) Math.min(into[0].length, w - cursor);
		if (n <= 0) {
			return 0;
		}
		ring.copy(cursor, n, into, 0);
		long valid = ring.claimed() - ring.capacity();
		if (cursor < valid) {
			// part of the copy was overwritten while it was made: the frames before valid are lost
			return lost(Math.max(valid, ring.written() - history()));
		}
		cursor += n;
		return n;
	}

	private int lost(long resumeAt) {
		long lost = resumeAt - cursor;
		cursor = resumeAt;
		return (int) -Math.min(lost, Integer.MAX_VALUE);
	}

	/** Stops this tap; the copying stops when no tap of the channel is open. Idempotent. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
		}
		board.release(ring);
	}

	/** @return whether {@link #close()} was called */
	public boolean closed() {
		return closed;
	}
}
