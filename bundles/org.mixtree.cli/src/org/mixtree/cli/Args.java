package org.mixtree.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The arguments of one command: positional words and {@code --option [value]} pairs. Options a command
 * does not know are refused, so a typo never silently does something else.
 */
final class Args {
	private final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();

	/**
	 * @param valued options that take a value ({@code -o} counts as an option too)
	 * @param flags  options without a value
	 */
	static Args parse(List<String> words, Set<String> valued, Set<String> flags) throws CliException {
		Args a = new Args();
		for (int i = 0; i < words.size(); i++) {
			String w = words.get(i);
			if (w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
				String name = w;
				String value = null;
				int eq = w.indexOf('=');
				if (w.startsWith("--") && eq > 0) {
					name = w.substring(0, eq);
					value = w.substring(eq + 1);
				}
				if (valued.contains(name)) {
					if (value == null) {
						if (i + 1 >= words.size()) {
							throw CliException.usage("option " + name + " needs a value");
						}
						value = words.get(++i);
					}
					a.options.put(name, value);
				} else if (flags.contains(name) && value == null) {
					a.options.put(name, "true");
				} else {
					throw CliException.usage("unknown option '" + w + "'");
				}
			} else {
				a.positional.add(w);
			}
		}
		return a;
	}

	private static boolean isNumber(String w) {
		try {
			Double.parseDouble(w);
			return true;
		} catch (NumberFormatException e) {
			return w.equalsIgnoreCase("-inf");
		}
	}

	List<String> positional() {
		return positional;
	}

	String option(String name) {
		return options.get(name);
	}

	boolean flag(String name) {
		return options.containsKey(name);
	}

	/** @return positional argument {@code index}, or a usage error naming what is missing */
	String required(int index, String what) throws CliException {
		if (index >= positional.size()) {
			throw CliException.usage("missing " + what);
		}
		return positional.get(index);
	}

	void expectAtMost(int count, String usage) throws CliException {
		if (positional.size() > count) {
			throw CliException.usage("unexpected argument '" + positional.get(count) + "'; usage: " + usage);
		}
	}

	/**
	 * Reads {@code key=value} words in order, refusing a word without a key and a key given twice.
	 *
	 * @param foldCase which keys are the command's own words and so read case-insensitively (lower-cased);
	 *                 others (an effect's parameter ids) are kept as written
	 */
	static Map<String, String> keyValues(List<String> words, Predicate<String> foldCase) throws CliException {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : words) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				throw CliException.usage("'" + pair + "' is not key=value");
			}
			String key = pair.substring(0, eq).trim();
			if (foldCase.test(key.toLowerCase(Locale.ROOT))) {
				key = key.toLowerCase(Locale.ROOT);
			}
			if (values.put(key, pair.substring(eq + 1).trim()) != null) {
				throw CliException.usage("key '" + key + "' given twice");
			}
		}
		return values;
	}
}
