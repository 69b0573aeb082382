package org.mixtree.model.edit.builder;

import java.util.Locale;

/** How {@code new} routes the tracks it creates from stems. */
public enum GroupingMode {
	/** Group tracks into buses from words in their file names (see {@link AutoGrouping}). */
	AUTO,
	/** Route every track straight to the master; no buses. */
	FLAT;

	/**
	 * The mode for a command-line word, {@code auto} or {@code flat} (any case).
	 *
	 * @throws IllegalArgumentException naming the word otherwise
	 */
	public static GroupingMode parse(String word) {
		for (GroupingMode mode : values()) {
			if (mode.name().equalsIgnoreCase(word == null ? "" : word.strip())) {
				return mode;
			}
		}
		throw new IllegalArgumentException("unknown grouping '" + word + "': use auto or flat");
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}
}
