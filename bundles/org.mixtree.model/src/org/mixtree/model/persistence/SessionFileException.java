package org.mixtree.model.persistence;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A session file that cannot be read or written. The message is one line that names the file and,
 * where the parser knows it, the line and column at fault, so the command line can print it as it is.
 */
public class SessionFileException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;
	private final int line;
	private final int column;

	public SessionFileException(Path file, String message, Throwable cause) {
		this(file, -1, -1, message, cause);
	}

	public SessionFileException(Path file, int line, int column, String message, Throwable cause) {
		super(format(file, line, column, message), cause);
		this.file = file;
		this.line = line;
		this.column = column;
	}

	/** The session file concerned. */
	public Path getFile() {
		return file;
	}

	/** The 1-based line at fault, or -1 when the fault has no position. */
	public int getLine() {
		return line;
	}

	/** The 1-based column at fault, or -1 when the fault has no position. */
	public int getColumn() {
		return column;
	}

	private static String format(Path file, int line, int column, String message) {
		StringBuilder s = new StringBuilder().append(file);
		if (line > 0) {
			s.append(':').append(line);
			if (column > 0) {
				s.append(':').append(column);
			}
		}
		return s.append(": ").append(oneLine(message)).toString();
	}

	static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}
}
