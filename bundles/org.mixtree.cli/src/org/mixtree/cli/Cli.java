package org.mixtree.cli;

import java.io.PrintStream;

public final class Cli {
	private Cli() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		out.println("mixtree: " + String.join(" ", args));
		return args.length == 0 ? 2 : 0;
	}
}
