package org.mixtree.engine.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.engine.GraphDescription.Source;

/** A {@link SourceReader} streaming an audio file through {@code org.mixtree.audio.io}. */
public final class FileSourceReader implements SourceReader {

	/** Opens sources as audio files, converted to the mix rate when needed. */
	public static final SourceOpener OPENER = FileSourceReader::open;

	private final AudioFileReader reader;

	private FileSourceReader(AudioFileReader reader) {
		this.reader = reader;
	}

	/** @throws AudioFileException naming the file when it is missing, unreadable or has more than 2 channels */
	public static SourceReader open(Source source, int sampleRate) throws IOException {
		if (source.isOffline()) {
			return new SilentSourceReader(source.file(), source.offlineFrames());
		}
		AudioFileReader reader = AudioFiles.open(source.file(), sampleRate);
		if (reader.channels() < 1 || reader.channels() > 2) {
			int channels = reader.channels();
			reader.close();
			throw new AudioFileException(source.file(), channels + " channels; a track takes a mono or stereo source");
		}
		return new FileSourceReader(reader);
	}

	@Override
	public Path file() {
		return reader.path();
	}

	@Override
	public int channels() {
		return reader.channels();
	}

	@Override
	public long frames() {
		return reader.frames();
	}

	@Override
	public int read(float[][] dst, int offset, int count) throws IOException {
		return reader.read(dst, offset, count);
	}

	@Override
	public void seek(long frame) throws IOException {
		reader.seek(frame);
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}
}
