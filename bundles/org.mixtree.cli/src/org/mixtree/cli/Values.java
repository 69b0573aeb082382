package org.mixtree.cli;

import java.util.Locale;

import org.mixtree.effects.api.ValueText;

/** Parses the values of {@code key=value} arguments; a bad one is refused naming the key and the value. */
final class Values {
	private Values() {
	}

	/** A gain in dB ({@code -6}, {@code -6.5dB}) or {@code -inf} for silence ({@link ValueText#parseGain}). */
	static double gainDb(String where, String text) throws CliException {
		try {
			return ValueText.parseGain(text);
		} catch (NumberFormatException e) {
			throw new CliException(where + ": " + e.getMessage());
		}
	}

	/** A pan position: {@code C}, {@code L70}, {@code R35} as {@code info} prints it, or -1..1. */
	static double pan(String where, String text) throws CliException {
		try {
			return ValueText.parsePan(text);
		} catch (NumberFormatException e) {
			throw new CliException(where + ": " + e.getMessage());
		}
	}

	/** A number in {@code unit}, with the unit and prefixes people type ({@code 8k}, {@code 20ms}, {@code 0.5s}). */
	static double number(String where, String text, String unit) throws CliException {
		try {
			return ValueText.parse(text, unit);
		} catch (NumberFormatException e) {
			throw new CliException(where + ": " + e.getMessage());
		}
	}

	static double number(String where, String text) throws CliException {
		return number(where, text, "");
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
