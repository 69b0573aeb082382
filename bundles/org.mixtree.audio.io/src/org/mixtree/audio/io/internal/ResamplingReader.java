package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.dsp.Resampler;

/**
 * Delivers a file's frames at another sample rate through the band-limited {@link Resampler}, which pulls
 * from the underlying reader. The resampler allocates its buffers once, here, so {@link #read} allocates
 * nothing.
 * <p>
 * The resampler can only restart from frame 0, so {@link #seek} rewinds and converts up to the target frame:
 * cheap near the start, linear in the distance otherwise; a player that seeks often should seek the source
 * and accept one block of filter warm-up instead. Not thread-safe, like every reader.
 */
public final class ResamplingReader implements AudioFileReader {
	private static final int SKIP_BLOCK = 4096;

	private final AudioFileReader source;
	private final Resampler resampler;
	private final int rate;
	private final long frames;
	private final float[][] skip;

	/** Takes ownership of {@code source}, which {@link #close} closes. */
	public ResamplingReader(AudioFileReader source, int sampleRate) {
		this.source = source;
		this.rate = sampleRate;
		this.frames = Resampler.outputLength(source.frames(), source.sampleRate(), sampleRate);
		this.resampler = new Resampler(source::read, source.channels(), source.sampleRate(), sampleRate);
		this.skip = new float[source.channels()][SKIP_BLOCK];
	}

	@Override
	public Path path() {
		return source.path();
	}

	@Override
	public int channels() {
		return source.channels();
	}

	@Override
	public int sampleRate() {
		return rate;
	}

	@Override
	public long frames() {
		return frames;
	}

	@Override
	public String formatDescription() {
		return source.formatDescription() + " " + source.sampleRate() + " Hz, resampled to " + rate + " Hz";
	}

	@Override
	public int read(float[][] dst, int offset, int count) throws IOException {
		return resampler.read(dst, offset, count);
	}

	@Override
	public void seek(long frame) throws IOException {
		if (frame < 0 || frame > frames) {
			throw new IllegalArgumentException("frame " + frame + " outside 0.." + frames);
		}
		source.seek(0);
		resampler.reset();
		long left = frame;
		while (left > 0) {
			int n = resampler.read(skip, 0, (int) Math.min(left, SKIP_BLOCK));
			if (n == 0) {
				break;
			}
			left -= n;
		}
	}

	@Override
	public void close() throws IOException {
		source.close();
	}
}
