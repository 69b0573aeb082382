package org.mixtree.engine;

/**
 * A graph description the engine refuses to compile: no or several masters, an output that names no bus, a
 * track without a source, a routing cycle, a value out of range. The message is one line that names the
 * channel at fault the way the command line addresses it ({@code track:NAME}, {@code bus:NAME}), e.g.
 * {@code routing cycle: bus:A -> bus:B -> bus:A}.
 */
public class GraphException extends Exception {
	private static final long serialVersionUID = 1L;

	public GraphException(String message) {
		super(message);
	}
}
