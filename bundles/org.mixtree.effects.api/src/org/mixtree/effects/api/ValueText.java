package org.mixtree.effects.api;

import java.util.Locale;

/**
 * Values as people type and read them: the one place where Mixtree turns text into numbers (the command
 * line, effect parameters, and later the workbench's entry fields), so that whatever Mixtree prints it
 * reads back.
 * <ul>
 * <li>A number in a unit, with or without the unit and with the prefixes a person uses for it:
 * {@code 8k}, {@code 8kHz}, {@code 8 kHz}, {@code 8000} and {@code 8000 Hz} are 8000 Hz; {@code 20ms},
 * {@code 0.02s} and {@code 20} are 20 ms; {@code 2s} and {@code 2000ms} are 2 s; {@code -6}, {@code -6dB} and
 * {@code -6 db} are -6 dB; {@code 50%} is 50 %; {@code 4:1} is a ratio of 4. Units and prefixes are read
 * case-insensitively ({@code 8KHZ}); a unit that does not fit the quantity ({@code 10ms} for a
 * frequency) is refused rather than ignored.</li>
 * <li>A pan position as {@link #formatPan} writes it: {@code C}, {@code L70}, {@code R35} (percent of the way
 * to the side), or a number in [-1, 1].</li>
 * </ul>
 * Every method may be called from any thread except the audio thread (they allocate).
 *
 * @since 1.1
 */
public final class ValueText {
	private ValueText() {
	}

	/**
	 * Reads a number in {@code unit}.
	 *
	 * @param text as typed, e.g. {@code "8k"}, {@code "-6 dB"}, {@code "0.5s"}
	 * @param unit the quantity's unit as a {@link ParameterDescriptor} names it: {@code "Hz"}, {@code "ms"},
	 *             {@code "s"}, {@code "dB"}, {@code "%"}, {@code ":1"}, or {@code ""} for a plain number
	 * @return the value in {@code unit}
	 * @throws NumberFormatException with a one-line message ({@code '10ms' is not a frequency (Hz, kHz)})
	 *                               when the text is not a finite number in that unit
	 */
	public static double parse(String text, String unit) {
		String t = text.trim();
		String u = unit == null ? "" : unit.trim();
		// split "-6.5 dB" into the number and what follows it
		int end = numberEnd(t);
		if (end == 0) {
			throw new NumberFormatException("'" + text + "' is not " + what(u));
		}
		double v;
		try {
			v = Double.parseDouble(t.substring(0, end));
		} catch (NumberFormatException e) {
			throw new NumberFormatException("'" + text + "' is not " + what(u));
		}
		if (!Double.isFinite(v)) {
			throw new NumberFormatException("'" + text + "' is not " + what(u));
		}
		String suffix = t.substring(end).trim().toLowerCase(Locale.ROOT);
		double scale = scale(suffix, u);
		if (Double.isNaN(scale)) {
			throw new NumberFormatException("'" + text + "' is not " + what(u));
		}
		return v * scale;
	}

	/**
	 * A gain as typed: {@link #parse} in dB, or {@code -inf} ({@code -inf dB}, {@code -infinity}) for silence.
	 *
	 * @throws NumberFormatException as {@link #parse} does
	 */
	public static double parseGain(String text) {
		String t = text.trim().toLowerCase(Locale.ROOT);
		if (t.endsWith("db")) {
			t = t.substring(0, t.length() - 2).trim();
		}
		if (t.equals("-inf") || t.equals("-infinity")) {
			return Double.NEGATIVE_INFINITY;
		}
		return parse(text, "dB");
	}

	/**
	 * A pan position as typed: {@code C} (or {@code center}, {@code centre}), {@code L70}, {@code R35}
	 * ({@code 70L} too), or a number; -1 is hard left, 1 hard right. The range is not checked here (a pan
	 * of {@code L120} reads as -1.2, which the command that sets it refuses, naming it).
	 *
	 * @throws NumberFormatException with a one-line message when the text is none of those
	 */
	public static double parsePan(String text) {
		String t = text.trim().toUpperCase(Locale.ROOT);
		if (t.equals("C") || t.equals("CENTER") || t.equals("CENTRE") || t.equals("MID")) {
			return 0;
		}
		char side = 0;
		String amount = t;
		if (t.length() > 1 && (t.charAt(0) == 'L' || t.charAt(0) == 'R')) {
			side = t.charAt(0);
			amount = t.substring(1).trim();
		} else if (t.length() > 1 && (t.endsWith("L") || t.endsWith("R"))) {
			side = t.charAt(t.length() - 1);
			amount = t.substring(0, t.length() - 1).trim();
		}
		if (side != 0) {
			if (amount.endsWith("%")) {
				amount = amount.substring(0, amount.length() - 1).trim();
			}
			double percent;
			try {
				percent = Double.parseDouble(amount);
			} catch (NumberFormatException e) {
				throw new NumberFormatException(panMessage(text));
			}
			if (!Double.isFinite(percent) || percent < 0 || amount.startsWith("+")) {
				throw new NumberFormatException(panMessage(text));
			}
			return (side == 'L' ? -percent : percent) / 100.0;
		}
		try {
			double v = Double.parseDouble(t);
			if (Double.isFinite(v) && numberEnd(t) == t.length()) {
				return v;
			}
		} catch (NumberFormatException e) {
			// said below
		}
		throw new NumberFormatException(panMessage(text));
	}

	/** A pan position as the mixer shows it: {@code C}, {@code L70}, {@code R35}; {@link #parsePan} reads it back. */
	public static String formatPan(double pan) {
		long percent = Math.round(Math.abs(pan) * 100);
		if (percent == 0) {
			return "C";
		}
		return (pan < 0 ? "L" : "R") + percent;
	}

	private static String panMessage(String text) {
		return "'" + text + "' is not a pan position (C, L0..L100, R0..R100, or -1..1)";
	}

	/** The length of the leading decimal number of {@code t} (sign, digits, point, exponent), 0 when there is none. */
	private static int numberEnd(String t) {
		int i = 0;
		int n = t.length();
		if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
			i++;
		}
		int digits = 0;
		while (i < n && Character.isDigit(t.charAt(i))) {
			i++;
			digits++;
		}
		if (i < n && t.charAt(i) == '.') {
			i++;
			while (i < n && Character.isDigit(t.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			return 0;
		}
		// an exponent only when digits follow it ("1e3"), so that "2e" stays an error
		if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
			int j = i + 1;
			if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
				j++;
			}
			int k = j;
			while (k < n && Character.isDigit(t.charAt(k))) {
				k++;
			}
			if (k > j) {
				i = k;
			}
		}
		return i;
	}

	/** The factor that takes a number followed by {@code suffix} into {@code unit}; NaN when it does not fit. */
	private static double scale(String suffix, String unit) {
		String u = unit.toLowerCase(Locale.ROOT);
		if (suffix.isEmpty() || suffix.equals(u)) {
			return 1;
		}
		switch (u) {
		case "hz":
			switch (suffix) {
			case "k", "khz":
				return 1000;
			case "mhz":
				// "MHz" is never meant in a mixer; "m" alone is ambiguous: refuse both
				return Double.NaN;
			default:
				return Double.NaN;
			}
		case "ms":
			switch (suffix) {
			case "s", "sec":
				return 1000;
			case "us", "µs":
				return 0.001;
			default:
				return Double.NaN;
			}
		case "s":
			switch (suffix) {
			case "ms":
				return 0.001;
			case "sec":
				return 1;
			case "min":
				return 60;
			default:
				return Double.NaN;
			}
		case ":1":
			return suffix.equals("x") ? 1 : Double.NaN;
		default:
			return Double.NaN;
		}
	}

	private static String what(String unit) {
		switch (unit.toLowerCase(Locale.ROOT)) {
		case "hz":
			return "a frequency (Hz, k or kHz)";
		case "ms", "s":
			return "a time (ms or s)";
		case "db":
			return "a level in dB";
		case "%":
			return "a percentage";
		case ":1":
			return "a ratio (4 or 4:1)";
		case "":
			return "a number";
		default:
			return "a number in " + unit;
		}
	}
}
