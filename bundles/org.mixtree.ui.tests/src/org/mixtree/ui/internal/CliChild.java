package org.mixtree.ui.internal;

import org.mixtree.cli.Cli;

/**
 * The command line in a second process for {@link SessionOnDiskTest}: a plain JVM (no OSGi) whose class path holds
 * the Mixtree and EMF bundles; runs {@code ./mixtree ARGS} as the launcher does and exits with its code.
 */
public final class CliChild {

	private CliChild() {
	}

	public static void main(String[] args) {
		System.exit(Cli.run(args, System.out, System.err));
	}
}
