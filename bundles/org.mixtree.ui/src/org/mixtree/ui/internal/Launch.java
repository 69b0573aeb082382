package org.mixtree.ui.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ./mixtree open} was asked: {@code SESSION [--device jack|javasound|NAME] [--buffer FRAMES]}.
 *
 * @param session      the session file
 * @param device       the device as {@code play --device} takes it, or null (JACK when a server runs, else Java Sound)
 * @param bufferFrames the device buffer
 */
public record Launch(Path session, String device, int bufferFrames) {

	public static final String USAGE = "open SESSION [--device jack|javasound|NAME] [--buffer FRAMES]";

	/** A usage error: exit 2. */
	public static final class UsageException extends Exception {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}

	/** Parses the words after {@code open}. */
	public static Launch parse(List<String> words) throws UsageException {
		Path session = null;
		String device = null;
		int buffer = 256;
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			switch (w) {
				case "--device" -> device = value(words, ++i, w);
				case "--buffer" -> {
					String v = value(words, ++i, w);
					try {
						buffer = Integer.parseInt(v);
					} catch (NumberFormatException e) {
						buffer = -1;
					}
					if (buffer < 16 || buffer > 8192) {
						throw new UsageException("--buffer '" + v + "': a whole number from 16 to 8192");
					}
				}
				default -> {
					if (w.startsWith("-")) {
						throw new UsageException("open: unknown option '" + w + "'; usage: " + USAGE);
					}
					if (session != null) {
						throw new UsageException("open: one session at a time ('" + w + "'); usage: " + USAGE);
					}
					session = Path.of(w);
				}
			}
		}
		if (session == null) {
			throw new UsageException("open: which session? usage: " + USAGE);
		}
		return new Launch(session, device, buffer);
	}

	private static String value(List<String> words, int i, String option) throws UsageException {
		if (i >= words.size()) {
			throw new UsageException(option + " needs a value; usage: " + USAGE);
		}
		return words.get(i);
	}
}
