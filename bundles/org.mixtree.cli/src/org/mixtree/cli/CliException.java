package org.mixtree.cli;

/**
 * A refused or failed command: the message is the one line the user reads (it names the file, element or
 * value at fault), the exit code says which kind of failure it was.
 */
public final class CliException extends Exception {
	private static final long serialVersionUID = 1L;

	/** Wrong use of the command line: unknown command, option or missing argument. */
	public static final int USAGE = 2;
	/** A well-formed command refused or failed: bad value, unknown channel, unreadable file... */
	public static final int FAILED = 1;

	private final int exitCode;

	public CliException(String message) {
		this(message, FAILED, null);
	}

	public CliException(String message, int exitCode) {
		this(message, exitCode, null);
	}

	public CliException(String message, Throwable cause) {
		this(message, FAILED, cause);
	}

	public CliException(String message, int exitCode, Throwable cause) {
		super(message, cause);
		this.exitCode = exitCode;
	}

	public int exitCode() {
		return exitCode;
	}

	public static CliException usage(String message) {
		return new CliException(message, USAGE);
	}
}
