package org.mixtree.audio.io;

import java.io.IOException;
import java.nio.file.Path;

/** An audio file that cannot be read or written; the message names the file and what is wrong with it. */
public class AudioFileException extends IOException {
	private static final long serialVersionUID = 1L;

	private final Path file;

	public AudioFileException(Path file, String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public AudioFileException(Path file, String problem, Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	/** @return the file at fault */
	public Path file() {
		return file;
	}
}
