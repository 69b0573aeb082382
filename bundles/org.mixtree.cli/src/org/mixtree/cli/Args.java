package org.mixtree.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.mixtree.model.NearestNames;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The arguments of one command as picocli parsed them against the command's declared options ({@link CliCommands}):
 * positional words and {@code --option [value]} pairs. An option the command does not declare is refused naming it
 * (and the nearest declared one), so a typo never silently does something else.
 */
final class Args {
	private final List<String> positional = new ArrayList<>();
	private final Map<String, String> options = new HashMap<>();

	/**
	 * The arguments of the command {@code parsed} stands for. Its positional words are taken as typed (a negative
	 * number such as {@code -6} or {@code -inf} among them); any other word that starts with {@code -} is an unknown
	 * option.
	 */
	static Args of(ParseResult parsed) throws CliException {
		Args a = new Args();
		for (OptionSpec o : parsed.matchedOptions()) {
			if (o.usageHelp()) {
				continue;
			}
			// the value as typed (the last one when given twice), whatever type the completion script reads it as
			List<String> typed = o.stringValues();
			String value = o.arity().max() == 0 ? "true" : typed.get(typed.size() - 1);
			for (String name : o.names()) {
				a.options.put(name, value);
			}
		}
		List<String> words = parsed.matchedPositionals().isEmpty() ? List.of() : parsed.matchedPositionals().get(0).stringValues();
		for (String w : words) {
			if (w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
				throw unknownOption(w, parsed.commandSpec());
			}
			a.positional.add(w);
		}
		return a;
	}

	/** {@code unknown option '--levle'; did you mean '--level'?}: a usage error. */
	static CliException unknownOption(String word, CommandSpec command) {
		int eq = word.indexOf('=');
		String name = word.startsWith("--") && eq > 0 ? word.substring(0, eq) : word;
		List<String> names = new ArrayList<>();
		for (OptionSpec o : command.options()) {
			if (!o.hidden()) {
				names.addAll(List.of(o.names()));
			}
		}
		List<String> near = NearestNames.of(name, names, 1);
		return CliException.usage("unknown option '" + word + "'" + (near.isEmpty() ? "" : "; did you mean '" + near.get(0) + "'?"));
	}

	void setOption(String name, String value) {
		options.put(name, value);
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
