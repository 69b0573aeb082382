package org.mixtree.model.edit;

/**
 * A change the session does not allow, refused before anything changed. The message is one line
 * that starts with {@code refused:} and names the channel, value or routing cycle at fault.
 */
public class CommandRefusedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CommandRefusedException(String reason) {
		super(reason.startsWith("refused:") ? reason : "refused: " + reason);
	}
}
