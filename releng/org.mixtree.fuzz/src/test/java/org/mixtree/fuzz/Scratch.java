package org.mixtree.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where fuzz inputs become files (the parsers read files, not byte arrays): one folder per JVM under
 * {@code target/fuzz-scratch}, each input written over the same file name, so a run of millions of inputs leaves
 * one file behind.
 */
final class Scratch {
	private static final Path DIR;

	static {
		try {
			Path base = Path.of(System.getProperty("fuzz.scratch", System.getProperty("java.io.tmpdir")));
			Files.createDirectories(base);
			DIR = Files.createTempDirectory(base, "run");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Scratch() {
	}

	/** @return {@code name} in the scratch folder, holding {@code bytes} */
	static Path write(String name, byte[] bytes) {
		Path file = DIR.resolve(name);
		try {
			Files.write(file, bytes);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	/**
	 * The answer to a bad file: one line that names it. Anything else (another exception type, a message on
	 * several lines or without the file) is a finding.
	 */
	static void checkMessage(Throwable e, String mustStartWith) {
		String m = e.getMessage();
		if (m == null || !m.startsWith(mustStartWith) || m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0) {
			throw new AssertionError("the error does not name '" + mustStartWith + "' in one line: " + e, e);
		}
	}
}
