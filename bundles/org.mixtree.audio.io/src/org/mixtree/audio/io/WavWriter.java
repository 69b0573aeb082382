package org.mixtree.audio.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a WAV file (RF64 when the data outgrows 4 GiB) as 32-bit float, 24-bit or 16-bit PCM. The file is
 * written to a temporary file beside {@code target} and renamed onto it by {@link #close()}; {@link #abort()}
 * deletes the temporary file, so a failed render never leaves a partial output file.
 */
public final class WavWriter implements Closeable {

	/**
	 * @param ditherSeed seed of the TPDF dither used for integer formats (fixed seed: reproducible output)
	 * @throws AudioFileException when the target cannot be written (message names the path)
	 */
	public WavWriter(Path target, int channels, int sampleRate, SampleFormat format, long ditherSeed) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/** Writes {@code count} frames from {@code src[channel][offset ..]}. */
	public void write(float[][] src, int offset, int count) throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/** Finishes the header and moves the file onto the target. */
	@Override
	public void close() throws IOException {
		throw new UnsupportedOperationException("TODO");
	}

	/** Deletes what was written; the target is left as it was. Never throws. */
	public void abort() {
		throw new UnsupportedOperationException("TODO");
	}
}
