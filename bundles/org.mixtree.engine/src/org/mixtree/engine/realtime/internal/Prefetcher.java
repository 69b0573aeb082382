package org.mixtree.engine.realtime.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The disk thread: keeps every {@link PrefetchRing} filled ahead of the play counter, the ring with the least
 * buffered first, {@value #CHUNK} frames at a time; seeks where a locate or a loop's wrap asks. When every ring is
 * full it sleeps a few milliseconds (the audio thread is never waited for, nor does it wait). A read that fails
 * marks the ring failed: it is not filled any more, so the track plays silence, counted as starved frames. Runs
 * {@code housekeeping} (releasing old mixers, sampling statistics) between fills.
 */
public final class Prefetcher implements AutoCloseable {

	static final int CHUNK = 4096;

	private final Clock clock;
	private final AtomicReference<PrefetchRing[]> rings;
	private final Runnable housekeeping;
	private final Thread thread;
	private final float[][] scratch = new float[2][CHUNK];
	private final long[] desc = new long[3];
	private volatile boolean closed;

	public Prefetcher(Clock clock, PrefetchRing[] initial, Runnable housekeeping) {
		this.clock = clock;
		this.rings = new AtomicReference<>(initial);
		this.housekeeping = housekeeping;
		this.thread = new Thread(this::run, "mixtree-prefetch");
		thread.setDaemon(true);
		thread.setPriority(Thread.MAX_PRIORITY - 1);
		thread.start();
	}

	/** [main] Replaces the rings being filled (rings added start filling at the play counter). */
	public void rings(PrefetchRing[] list) {
		rings.set(list);
		wake();
	}

	/** [main] @return the rings being filled */
	public PrefetchRing[] rings() {
		return rings.get();
	}

	/** [any] Fills now rather than after the current sleep (after a locate). */
	public void wake() {
		LockSupport.unpark(thread);
	}

	private void run() {
		long lastHousekeeping = 0;
		while (!closed) {
			boolean worked = false;
			try {
				worked = fillOnce();
			} catch (RuntimeException e) {
				// a bug must not stop the disk thread; the ring at fault starves and is counted
			}
			long now = System.nanoTime();
			if (now - lastHousekeeping > TimeUnit.MILLISECONDS.toNanos(20)) {
				lastHousekeeping = now;
				housekeeping.run();
			}
			if (!worked) {
				LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(2));
			}
		}
	}

	/** Fills one chunk of the ring with the least buffered; @return whether anything was written. */
	private boolean fillOnce() {
		long pub = clock.published();
		int g = Clock.genOf(pub);
		long c = Clock.counterOf(pub);
		clock.descriptor(g, desc);
		if (clock.published() >>> Clock.GEN_SHIFT != g) {
			return true; // a locate in between: look again
		}
		PrefetchRing best = null;
		long least = Long.MAX_VALUE;
		for (PrefetchRing r : rings.get()) {
			if (r.gen != g) {
				r.written = c;
				r.gen = g;
			}
			if (r.failure != null && r.reader != null) {
				r.close();
			}
			if (r.reader == null) {
				continue;
			}
			if (r.written < c) {
				r.written = c; // the consumer passed us: what it passed was played as silence
			}
			long ahead = r.written - c;
			long free = r.data[0].length - ahead;
			if (free >= CHUNK / 4 && ahead < least) {
				least = ahead;
				best = r;
			}
		}
		if (best == null) {
			return false;
		}
		long free = best.data[0].length - (best.written - c);
		fill(best, (int) Math.min(CHUNK, free), g);
		return true;
	}

	private void fill(PrefetchRing r, int count, int g) {
		long w = r.written;
		long f0 = desc[0], a = desc[1], b = desc[2];
		int done = 0;
		long upTo = w; // frames put so far: published when the file fails, so its track is silent only where it ended
		try {
			while (done < count) {
				long p = w + done;
				long t = Clock.timeline(p, f0, a, b);
				int run = count - done;
				if (b > a && t < b) {
					run = (int) Math.min(run, b - t); // stop at the loop's wrap
				}
				long s = t - r.source.offsetFrames();
				// frames outside the file: silence (the mixer does not read them, but the counter must advance)
				int lead = (int) Math.max(0, Math.min(run, -s));
				zero(r, p, lead);
				upTo = p + lead;
				int inFile = (int) Math.max(0, Math.min(run - lead, r.frames - (s + lead)));
				if (inFile > 0) {
					long from = s + lead;
					if (r.readerPos != from) {
						r.reader.seek(from);
						r.readerPos = from;
					}
					int got = 0;
					while (got < inFile) {
						int k = r.reader.read(scratch, 0, inFile - got);
						if (k <= 0) {
							throw new IOException("ends before its length");
						}
						put(r, p + lead + got, k);
						got += k;
						upTo = p + lead + got;
						r.readerPos += k;
					}
				}
				zero(r, p + lead + inFile, run - lead - inFile);
				done += run;
			}
		} catch (IOException | RuntimeException e) {
			// what was read before the failure plays; the track is silent from there (the consumer passes written)
			if (r.gen == g && clock.published() >>> Clock.GEN_SHIFT == g) {
				r.written = upTo;
			}
			String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			r.failure = why.startsWith(r.file + ": ") ? why : r.file + ": " + why; // an AudioFileException names it
			return;
		}
		if (r.gen == g && clock.published() >>> Clock.GEN_SHIFT == g) {
			r.written = w + count;
		}
	}

	private void put(PrefetchRing r, long p, int k) {
		int slot = (int) (p & r.mask);
		int first = Math.min(k, r.data[0].length - slot);
		for (int ch = 0; ch < r.channels; ch++) {
			System.arraycopy(scratch[ch], 0, r.data[ch], slot, first);
			System.arraycopy(scratch[ch], first, r.data[ch], 0, k - first);
		}
	}

	private static void zero(PrefetchRing r, long p, int k) {
		if (k <= 0) {
			return;
		}
		int slot = (int) (p & r.mask);
		int first = Math.min(k, r.data[0].length - slot);
		for (int ch = 0; ch < r.channels; ch++) {
			java.util.Arrays.fill(r.data[ch], slot, slot + first, 0f);
			java.util.Arrays.fill(r.data[ch], 0, k - first, 0f);
		}
	}

	/** [main] Stops the thread and waits for it; closes no ring. */
	@Override
	public void close() {
		closed = true;
		wake();
		try {
			thread.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
