package org.mixtree.engine.meter;

import java.util.concurrent.atomic.AtomicBoolean;

import org.mixtree.dsp.CorrelationMeter;
import org.mixtree.dsp.LoudnessMeter;
import org.mixtree.dsp.PeakHold;
import org.mixtree.dsp.RmsMeter;
import org.mixtree.dsp.TruePeakMeter;

/**
 * The meters of one strip (track, bus or master): peak bar and hold, RMS, true peak, EBU R128 loudness
 * (momentary, short-term, integrated, range), phase correlation for stereo and the gain reduction its effects
 * report. The audio thread feeds it each block; at the end of every block the readings are published to a
 * {@link MeterSlot} that the UI reads on a timer (see {@link #read(double[])} and {@link #snapshot()}).
 * <p>
 * Cost: the per-sample work is the true-peak interpolator (72 multiply-adds per sample per channel at 4x), the
 * K-weighting and a few sums. Integrated loudness and loudness range are recomputed only when a 100 ms loudness
 * segment has completed (10 Hz, not per block), in O(log bins) each: every strip's segments end in the same
 * block, so a scan of the histograms there would make that one callback of every 37 the slowest by far.
 * <p>
 * Thread rules: the constructor allocates (build meters off the audio thread, with the plan).
 * {@link #process} and {@link #setGainReduction} are for the audio thread only, never concurrently, and
 * allocate, lock and block nothing. {@link #read}, {@link #snapshot} and {@link #requestReset} are for any thread
 * and never make the audio thread wait.
 */
public final class ChannelMeter {
	/** RMS and correlation window, seconds. */
	public static final double WINDOW_SECONDS = 0.3;

	private final int channels;
	private final int sampleRate;
	private final PeakHold bar;
	private final PeakHold marker;
	private final RmsMeter rms;
	private final TruePeakMeter truePeak;
	private final LoudnessMeter loudness;
	private final CorrelationMeter correlation;
	private final MeterSlot slot = new MeterSlot(MeterSnapshot.FIELDS);
	private final AtomicBoolean resetRequested = new AtomicBoolean();

	private double gainReductionDb;
	private long segmentsSeen = -1;
	private double integrated = Double.NEGATIVE_INFINITY;
	private double range;

	/**
	 * @param channels   1 (mono strip) or 2 (stereo: left, right)
	 * @param sampleRate in Hz
	 */
	public ChannelMeter(int channels, int sampleRate) {
		this.channels = channels;
		this.sampleRate = sampleRate;
		this.bar = PeakHold.bar(sampleRate);
		this.marker = PeakHold.marker(sampleRate);
		this.rms = new RmsMeter(channels, sampleRate, WINDOW_SECONDS);
		this.truePeak = new TruePeakMeter(channels, sampleRate);
		this.loudness = new LoudnessMeter(channels, sampleRate);
		this.correlation = channels == 2 ? new CorrelationMeter(sampleRate, WINDOW_SECONDS) : null;
		publish();
	}

	/** @return 1 or 2 */
	public int channels() {
		return channels;
	}

	/** @return the sample rate in Hz */
	public int sampleRate() {
		return sampleRate;
	}

	/**
	 * Meters {@code frames} frames of {@code buf[channel][offset ..]} (the strip's output, post fader and pan) and
	 * publishes the readings. [audio thread]
	 */
	public void process(float[][] buf, int offset, int frames) {
		if (resetRequested.compareAndSet(true, false)) {
			resetNow();
		}
		if (frames <= 0) {
			return;
		}
		double peak = 0.0;
		for (int ch = 0; ch < channels; ch++) {
			float[] x = buf[ch];
			for (int i = offset, end = offset + frames; i < end; i++) {
				double a = Math.abs(x[i]);
				if (a > peak) {
					peak = a;
				}
			}
		}
		bar.process(peak, frames);
		marker.process(peak, frames);
		rms.process(buf, offset, frames);
		truePeak.process(buf, offset, frames);
		loudness.process(buf, offset, frames);
		if (correlation != null) {
			correlation.process(buf[0], buf[1], offset, frames);
		}
		long segments = loudness.segments();
		if (segments != segmentsSeen) {
			segmentsSeen = segments;
			integrated = loudness.integratedLufs();
			range = loudness.loudnessRangeLu();
		}
		publish();
	}

	/**
	 * Records the gain reduction the strip's dynamics effects report for the current block, in dB, stored as given;
	 * the player passes the largest {@code Effect#gainReductionDb()} of the strip's active inserts (0 or positive:
	 * 4.5 while a compressor pulls 4.5 dB down). Published with the next {@link #process}. [audio thread]
	 */
	public void setGainReduction(double db) {
		gainReductionDb = db;
	}

	/**
	 * Asks the audio thread to restart the accumulating readings (true-peak maximum, integrated loudness, range,
	 * holds) at the start of its next block. [any thread]
	 */
	public void requestReset() {
		resetRequested.set(true);
	}

	private void resetNow() {
		bar.reset();
		marker.reset();
		rms.reset();
		truePeak.resetPeak(); // the signal goes on: its history stays (a cleared one rings on the step)
		loudness.reset();
		if (correlation != null) {
			correlation.reset();
		}
		segmentsSeen = -1;
		integrated = Double.NEGATIVE_INFINITY;
		range = 0.0;
	}

	private void publish() {
		MeterSlot s = slot;
		s.beginWrite();
		s.set(0, bar.valueDb());
		s.set(1, marker.valueDb());
		s.set(2, rms.rmsDb());
		s.set(3, truePeak.peakDbtp());
		s.set(4, loudness.momentaryLufs());
		s.set(5, loudness.shortTermLufs());
		s.set(6, integrated);
		s.set(7, range);
		s.set(8, correlation == null ? 0.0 : correlation.correlation());
		s.set(9, gainReductionDb);
		s.endWrite();
	}

	/**
	 * Copies the latest published readings into {@code into[0 .. MeterSnapshot.FIELDS)} in the order of
	 * {@link MeterSnapshot}'s components; allocates nothing (for a UI that redraws many strips per tick).
	 * [any thread]
	 *
	 * @return the publication's sequence number (grows with every block)
	 */
	public long read(double[] into) {
		return slot.read(into);
	}

	/** @return the latest published readings (allocates the record). [any thread] */
	public MeterSnapshot snapshot() {
		double[] v = new double[MeterSnapshot.FIELDS];
		slot.read(v);
		return MeterSnapshot.fromArray(v);
	}
}
