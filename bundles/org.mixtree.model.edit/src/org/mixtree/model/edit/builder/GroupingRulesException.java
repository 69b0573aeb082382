package org.mixtree.model.edit.builder;

/**
 * A grouping rules file that cannot be read as rules. The message is one line, {@code FILE:LINE: what is
 * wrong} (or {@code FILE: what is wrong} when no line is at fault, as for a file that cannot be read).
 */
public class GroupingRulesException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public GroupingRulesException(String message) {
		super(message);
	}

	public GroupingRulesException(String message, Throwable cause) {
		super(message, cause);
	}
}
