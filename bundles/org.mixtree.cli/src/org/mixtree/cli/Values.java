package org.mixtree.cli;

import java.util.Locale;

/** Parses the values of {@code key=value} arguments; a bad one is refused naming the key and the value. */
final class Values {
	private Values() {
	}

	/** A gain in dB ({@code -6}, {@code -6.5dB}) or {@code -inf} for silence. */
	static double gainDb(String where, String text) throws CliException {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.endsWith("db")) {
			t = t.substring(0, t.length() - 2).trim();
		}
		if (t.equals("-inf") || t.equals("-infinity")) {
			return Double.NEGATIVE_INFINITY;
		}
		return number(where, t, text);
	}

	static double number(String where, String text) throws CliException {
		return number(where, text.trim(), text);
	}

	private static double number(String where, String t, String original) throws CliException {
		double v;
		try {
			v = Double.parseDouble(t);
		} catch (NumberFormatException e) {
			throw new CliException(where + ": '" + original + "' is not a number");
		}
		if (Double.isNaN(v) || Double.isInfinite(v) || t.endsWith("d") || t.endsWith("f")) {
			throw new CliException(where + ": '" + original + "' is not a number");
		}
		return v;
	}

	static boolean bool(String where, String text) throws CliException {
		switch (text.trim().toLowerCase(Locale.ROOT)) {
		case "true":
		case "on":
		case "yes":
		case "1":
			return true;
		case "false":
		case "off":
		case "no":
		case "0":
			return false;
		default:
			throw new CliException(where + ": '" + text + "' is not true or false");
		}
	}
}
