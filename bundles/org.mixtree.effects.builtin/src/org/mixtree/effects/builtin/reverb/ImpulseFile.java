package org.mixtree.effects.builtin.reverb;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.dsp.Resampler;

/**
 * An impulse response read from an audio file through {@link AudioFiles} (the formats Mixtree reads for stems:
 * WAV, RF64, AIFF, AIFF-C; mono or stereo), kept at the file's own rate and brought to the session's rate with
 * {@link Resampler} when the reverb is prepared (scaled by the rate ratio, so the wet level stays the same). A mono
 * file is used for both sides.
 * <p>
 * Thread rules: [main] only (reads a file, allocates).
 *
 * @param file    the file read
 * @param samples {@code [2][frames]} at {@code rate}
 * @param rate    the file's sample rate
 */
public record ImpulseFile(Path file, float[][] samples, int rate) {
	/** Longest impulse accepted, seconds. */
	public static final double MAX_SECONDS = 20;
	/** Most frames accepted, whatever the rate: {@value #MAX_SECONDS} s at 192 kHz (30 MB of stereo floats). */
	public static final int MAX_FRAMES = (int) MAX_SECONDS * 192000;
	/** The lowest session rate an impulse must convert to; the rates above what that allows are refused. */
	private static final int MIN_SESSION_RATE = 8000;

	/**
	 * @return the impulse of {@code file}
	 * @throws IOException with a one-line message naming the file when it cannot be read, is not audio Mixtree
	 *                     reads, is empty, is longer than {@value #MAX_SECONDS} s or has a sample rate no
	 *                     session rate can be converted from
	 */
	public static ImpulseFile read(Path file) throws IOException {
		try (AudioFileReader reader = AudioFiles.open(file)) {
			long frames = reader.frames();
			int rate = reader.sampleRate();
			if (frames < 1) {
				throw new IOException(file + ": no samples");
			}
			try {
				Resampler.check(rate, MIN_SESSION_RATE); // at() must be able to bring it to any session's rate
			} catch (IllegalArgumentException e) {
				throw new IOException(file + ": a sample rate of " + rate + " Hz, too high for an impulse response");
			}
			if (frames > MAX_FRAMES) {
				// a rate of hundreds of kHz could otherwise make 20 s take hundreds of MB
				throw new IOException(file + ": " + frames + " frames, more than an impulse response may have ("
						+ MAX_FRAMES + ")");
			}
			if (frames > MAX_SECONDS * rate) {
				throw new IOException(file + ": longer than " + (int) MAX_SECONDS + " s, too long for an impulse response");
			}
			int n = (int) frames;
			float[][] in = new float[reader.channels()][n];
			int done = 0;
			while (done < n) {
				int got = reader.read(in, done, n - done);
				if (got == 0) {
					throw new IOException(file + ": ends after " + done + " of " + n + " frames");
				}
				done += got;
			}
			float[][] stereo = { in[0], in[Math.min(1, in.length - 1)] };
			return new ImpulseFile(file, stereo, rate);
		}
	}

	/** @return {@code [2][frames]} at {@code sampleRate} (the samples themselves when the rates match) */
	public float[][] at(double sampleRate) {
		int target = (int) Math.round(sampleRate);
		int frames = samples[0].length;
		if (target == rate) {
			return samples;
		}
		int outFrames = (int) Resampler.outputLength(frames, rate, target);
		float[][] out = new float[2][outFrames];
		int[] read = { 0 };
		Resampler r = new Resampler((dst, off, count) -> {
			int n = Math.min(count, frames - read[0]);
			for (int c = 0; c < 2; c++) {
				System.arraycopy(samples[c], read[0], dst[c], off, n);
			}
			read[0] += n;
			return n;
		}, 2, rate, target);
		int done = 0;
		try {
			while (done < outFrames) {
				int n = r.read(out, done, outFrames - done);
				if (n == 0) {
					break;
				}
				done += n;
			}
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e); // the source is the array above: it does not fail
		}
		// the same room at a higher rate has more samples per second of decay: keep the level
		float scale = (float) rate / target;
		for (float[] c : out) {
			for (int i = 0; i < c.length; i++) {
				c[i] *= scale;
			}
		}
		return out;
	}
}
