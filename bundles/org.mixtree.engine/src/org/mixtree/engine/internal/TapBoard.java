package org.mixtree.engine.internal;

import java.util.Arrays;

/**
 * The rings of the channels a player's taps read, one per tapped channel id, shared by the mixers of every plan
 * the player plays: a recompiled plan feeds the same ring for the same channel id, so a tap survives plan swaps.
 * <p>
 * The audio side reads {@link #rings()}, an array replaced (never changed) on [main] when a ring is added or
 * removed: a volatile read per block and no lock. Each mixer resolves the array to its own nodes when it sees a
 * new one ({@link BlockMixer}), without allocating. Nothing is copied for a channel without a ring.
 * <p>
 * Thread rules: {@link #acquire} and {@link #release}: any thread but the audio thread (they lock this board
 * against each other, never against the audio thread); {@link #rings()}: any thread.
 */
public final class TapBoard {
	private static final TapRing[] NONE = {};

	private volatile TapRing[] rings = NONE;

	/** [any] @return the rings to feed (shared; do not modify) */
	public TapRing[] rings() {
		return rings;
	}

	/**
	 * [main] @return the ring of {@code channelId}, made with {@code capacity} frames at {@code sampleRate} if no
	 *         reader holds one yet; one more reader holds it
	 */
	public synchronized TapRing acquire(String channelId, int sampleRate, int capacity) {
		for (TapRing r : rings) {
			if (r.channelId().equals(channelId)) {
				r.readers++;
				return r;
			}
		}
		TapRing ring = new TapRing(channelId, sampleRate, capacity);
		ring.readers = 1;
		TapRing[] next = Arrays.copyOf(rings, rings.length + 1);
		next[next.length - 1] = ring;
		rings = next;
		return ring;
	}

	/** [main] One reader less on {@code ring}; the last one stops the copying. Idempotent per reader's call. */
	public synchronized void release(TapRing ring) {
		if (ring.readers <= 0) {
			return;
		}
		ring.readers--;
		if (ring.readers > 0) {
			return;
		}
		TapRing[] now = rings;
		int i = Arrays.asList(now).indexOf(ring);
		if (i < 0) {
			return;
		}
		TapRing[] next = new TapRing[now.length - 1];
		System.arraycopy(now, 0, next, 0, i);
		System.arraycopy(now, i + 1, next, i, now.length - i - 1);
		rings = next;
	}
}
