package org.mixtree.effects.api;

/** What kind of effect it is, for browsing and for a strip's compact display. */
public enum Category {
	EQ, DYNAMICS, DELAY, REVERB, DISTORTION, MODULATION, UTILITY, ANALYSIS, OTHER;

	/** @return the lower-case name used on the command line and in JSON, e.g. {@code "eq"} */
	public String id() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
