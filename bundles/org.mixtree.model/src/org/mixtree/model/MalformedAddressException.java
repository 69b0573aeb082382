package org.mixtree.model;

/**
 * A channel address that has the wrong shape ({@code Drums} where {@code bus:Drums} is meant): a usage error,
 * as opposed to a well-formed address that names no channel.
 */
public class MalformedAddressException extends IllegalArgumentException {
	private static final long serialVersionUID = 1L;

	public MalformedAddressException(String message) {
		super(message);
	}
}
