package org.mixtree.views.spectrum.analysis;

/**
 * The streaming side of the analyser: frames of one or two channels in, in whatever blocks a tap delivers, a spectrum
 * out every {@code size * (1 - overlap)} frames (the hop), the power averaged over the channels (so a mono signal on
 * both sides of a stereo bus reads as it does on one). Every frame fed is analysed: with 75 % overlap each one is in
 * four frames.
 * <p>
 * Thread rules: one thread (the analysis worker); {@link #feed} allocates nothing.
 */
public final class SpectrumAnalyser {
	private final Spectrum spectrum;
	private final int channels;
	private final int hop;
	private final float[][] ring;
	private final double[] power;
	private final double[] average;
	private final double alpha;
	private boolean averaged;
	private final double[] db;
	private int write;
	private long fed;
	private int sinceHop;
	private long produced;

	/**
	 * @param size       FFT length (power of two)
	 * @param overlap    0.5 or 0.75 (any value in [0, 1) whose hop is a whole number of frames)
	 * @param sampleRate Hz
	 * @param channels   1 or 2
	 */
	public SpectrumAnalyser(int size, double overlap, int sampleRate, int channels) {
		this(size, overlap, sampleRate, channels, 0.0);
	}

	/**
	 * As above, with each bin's power averaged over time (exponentially, time constant {@code averageSeconds}; 0: none),
	 * which steadies the display of noise-like material without moving a steady tone's level: the average starts
	 * from the first spectrum.
	 */
	public SpectrumAnalyser(int size, double overlap, int sampleRate, int channels, double averageSeconds) {
		if (!(overlap >= 0.0 && overlap < 1.0)) {
			throw new IllegalArgumentException("overlap must be in [0, 1): " + overlap);
		}
		if (channels < 1 || channels > 2) {
			throw new IllegalArgumentException("1 or 2 channels: " + channels);
		}
		this.spectrum = new Spectrum(size, sampleRate);
		this.channels = channels;
		this.hop = Math.max(1, (int) Math.round(size * (1.0 - overlap)));
		this.ring = new float[channels][size];
		this.power = new double[spectrum.bins()];
		this.average = new double[spectrum.bins()];
		this.alpha = averageSeconds > 0 ? 1.0 - Math.exp(-(double) hop / (averageSeconds * sampleRate)) : 1.0;
		this.db = new double[spectrum.bins()];
	}

	public Spectrum spectrum() {
		return spectrum;
	}

	public int hop() {
		return hop;
	}

	public int channels() {
		return channels;
	}

	/**
	 * Feeds {@code frames} frames of {@code in[c][0 ..]} (a mono input feeds both sides of a stereo analyser; a stereo
	 * input's first two channels are used).
	 *
	 * @param sink told of each spectrum completed, with the levels in dBFS per bin (an array reused by the next call)
	 * @return the spectra completed by this block
	 */
	public int feed(float[][] in, int frames, Sink sink) {
		int size = spectrum.size();
		int made = 0;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < channels; c++) {
				ring[c][write] = in[Math.min(c, in.length - 1)][i];
			}
			if (++write == size) {
				write = 0;
			}
			fed++;
			if (++sinceHop >= hop && fed >= size) {
				sinceHop = 0;
				java.util.Arrays.fill(power, 0.0);
				for (int c = 0; c < channels; c++) {
					spectrum.addPower(ring[c], write, power);
				}
				if (!averaged) {
					System.arraycopy(power, 0, average, 0, power.length);
					averaged = true;
				} else {
					for (int k = 0; k < power.length; k++) {
						average[k] += alpha * (power[k] - average[k]);
					}
				}
				Spectrum.toDb(average, channels, db);
				produced++;
				made++;
				sink.spectrum(db);
			}
		}
		return made;
	}

	/** Forgets the frames held (after frames were lost: a frame across the gap would show a click that was not there). */
	public void restart() {
		fed = 0;
		sinceHop = 0;
		write = 0;
		averaged = false;
	}

	/** @return spectra made since this analyser was created */
	public long produced() {
		return produced;
	}

	/** Where the spectra go. */
	@FunctionalInterface
	public interface Sink {
		/** @param db levels in dBFS per bin, valid during the call */
		void spectrum(double[] db);
	}
}
