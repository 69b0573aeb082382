package org.mixtree.views.spectrum.analysis;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.mixtree.ui.views.AudioTap;

/**
 * The analyser's worker thread: reads every frame of up to two taps ({@link AudioTap#readNext}: the selected channel
 * and a pinned one to compare), analyses them ({@link SpectrumAnalyser}, {@link PeakHoldCurve}) and publishes the
 * newest result through an {@link AtomicReference}, which the UI thread reads when it paints: neither ever waits for
 * the other. The worker owns the taps it is given and closes them when they are replaced or it stops, so nothing is
 * copied on the audio thread for a view that is not shown.
 * <p>
 * Thread rules: {@link #setTap}, {@link #setSettings}, {@link #latest} and {@link #close} from any thread (the UI
 * thread); everything else runs on the worker's own thread.
 */
public final class SpectrumWorker implements AutoCloseable {
	/** The selected channel's lane. */
	public static final int MAIN = 0;
	/** The pinned channel's lane. */
	public static final int PINNED = 1;
	private static final long IDLE_NANOS = 8_000_000;
	/** Time constant of the display's averaging of each bin's power, s. */
	public static final double AVERAGE_SECONDS = 0.3;

	/** What the analyser computes: FFT size, overlap (0.5 or 0.75), peak hold on or off. */
	public record Settings(int size, double overlap, boolean peakHold) {
	}

	/**
	 * One lane's newest spectrum.
	 *
	 * @param db       level per bin, dBFS (Hann, amplitude-corrected: see {@link Spectrum})
	 * @param peak     held level per bin, or null when peak hold is off
	 * @param binHz    width of a bin
	 * @param sequence spectra made on this lane since its tap was set (grows with each)
	 */
	public record Result(String channelId, double[] db, double[] peak, double binHz, long sequence) {
	}

	private final AtomicReference<AudioTap>[] pendingTap;
	private final boolean[] tapChanged = new boolean[2];
	private final AtomicReference<Result>[] latest;
	private volatile Settings settings;
	private volatile boolean running = true;
	private final Thread thread;

	// [worker]
	private final Lane[] lanes = { new Lane(), new Lane() };
	private Settings applied;

	@SuppressWarnings("unchecked")
	public SpectrumWorker(Settings settings) {
		this.settings = settings;
		this.pendingTap = new AtomicReference[] { new AtomicReference<AudioTap>(), new AtomicReference<AudioTap>() };
		this.latest = new AtomicReference[] { new AtomicReference<Result>(), new AtomicReference<Result>() };
		this.thread = new Thread(this::run, "mixtree-spectrum");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Gives lane {@code lane} a tap to read (null: none); the worker closes the tap it replaces. */
	public synchronized void setTap(int lane, AudioTap tap) {
		AudioTap old = pendingTap[lane].getAndSet(tap);
		if (old != null && tapChanged[lane]) {
			old.close(); // handed over but never taken by the worker
		}
		tapChanged[lane] = true;
		latest[lane].set(null);
	}

	public void setSettings(Settings s) {
		settings = s;
	}

	/** @return lane {@code lane}'s newest result, or null before its first spectrum */
	public Result latest(int lane) {
		return latest[lane].get();
	}

	/** Stops the thread (waits for it up to a second) and closes the taps. Idempotent. */
	@Override
	public void close() {
		running = false;
		LockSupport.unpark(thread);
		try {
			thread.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			for (int i = 0; i < 2; i++) {
				AudioTap t = pendingTap[i].getAndSet(null);
				if (t != null && tapChanged[i]) {
					t.close();
				}
				tapChanged[i] = false;
			}
		}
	}

	/** @return whether the worker thread is alive */
	public boolean isRunning() {
		return thread.isAlive();
	}

	private void run() {
		try {
			while (running) {
				takeTaps();
				Settings s = settings;
				boolean any = false;
				for (int i = 0; i < 2; i++) {
					any |= lanes[i].step(i, s);
				}
				applied = s;
				if (!any) {
					LockSupport.parkNanos(IDLE_NANOS);
				}
			}
		} finally {
			for (Lane l : lanes) {
				l.setTap(null);
			}
		}
	}

	private synchronized void takeTaps() {
		for (int i = 0; i < 2; i++) {
			if (tapChanged[i]) {
				tapChanged[i] = false;
				lanes[i].setTap(pendingTap[i].get());
			}
		}
	}

	/** [worker] One tap and its analysis. */
	private final class Lane {
		AudioTap tap;
		float[][] buffer;
		SpectrumAnalyser analyser;
		PeakHoldCurve peak;
		long sequence;

		void setTap(AudioTap t) {
			if (tap != null && tap != t) {
				tap.close();
			}
			tap = t;
			analyser = null;
			sequence = 0;
		}

		boolean step(int lane, Settings s) {
			if (tap == null) {
				return false;
			}
			if (analyser == null || s != applied) {
				int ch = Math.min(2, tap.channels());
				if (analyser == null || analyser.spectrum().size() != s.size() || analyser.hop() != hopOf(s)
						|| analyser.spectrum().sampleRate() != tap.sampleRate()) {
					analyser = new SpectrumAnalyser(s.size(), s.overlap(), tap.sampleRate(), ch, AVERAGE_SECONDS);
					peak = new PeakHoldCurve(analyser.spectrum().bins());
					buffer = new float[tap.channels()][4096];
				}
				if (!s.peakHold()) {
					peak.reset();
				}
			}
			int n = tap.readNext(buffer);
			if (n == 0) {
				return false;
			}
			if (n < 0) {
				analyser.restart();
				return true;
			}
			double hopSeconds = (double) analyser.hop() / analyser.spectrum().sampleRate();
			String id = tap.channelId();
			analyser.feed(buffer, n, db -> {
				double[] held = null;
				if (s.peakHold()) {
					peak.update(db, hopSeconds);
					held = peak.levels().clone();
				}
				latest[lane].set(new Result(id, db.clone(), held, analyser.spectrum().binHz(), ++sequence));
			});
			return true;
		}

		private int hopOf(Settings s) {
			return Math.max(1, (int) Math.round(s.size() * (1.0 - s.overlap())));
		}
	}
}
