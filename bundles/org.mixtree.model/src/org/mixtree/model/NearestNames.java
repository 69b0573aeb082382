package org.mixtree.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names closest to a mistyped one, for "did you mean ...?" lines: case-insensitive optimal string alignment
 * distance (Levenshtein plus swapped neighbours, the commonest typo), with the allowance growing with the
 * length of the name typed, so that {@code Drumz} finds {@code Drums} but {@code X} does not find every
 * one-letter name.
 */
public final class NearestNames {
	private NearestNames() {
	}

	/**
	 * @param typed      what the user typed
	 * @param candidates the names that exist
	 * @param limit      at most this many results
	 * @return the closest candidates, nearest first (ties in the candidates' order); empty when none is close
	 */
	public static List<String> of(String typed, Collection<String> candidates, int limit) {
		String t = typed.toLowerCase(Locale.ROOT).strip();
		int allowance = Math.max(1, Math.min(3, t.length() / 3));
		List<String> close = new ArrayList<>();
		List<Integer> distances = new ArrayList<>();
		for (String c : candidates) {
			if (c == null) {
				continue;
			}
			String lc = c.toLowerCase(Locale.ROOT);
			int d = distance(t, lc);
			// a name that starts with or contains what was typed is close too ("vox" -> "Lead Vox")
			if (d > allowance && t.length() >= 3 && lc.contains(t)) {
				d = allowance;
			}
			if (d <= allowance && !close.contains(c)) {
				close.add(c);
				distances.add(d);
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < close.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt(distances::get));
		List<String> result = new ArrayList<>();
		for (int i = 0; i < order.size() && result.size() < limit; i++) {
			result.add(close.get(order.get(i)));
		}
		return result;
	}

	/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
	static int distance(String a, String b) {
		int n = a.length();
		int m = b.length();
		int[][] d = new int[n + 1][m + 1];
		for (int i = 0; i <= n; i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= m; j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= n; i++) {
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					v = Math.min(v, d[i - 2][j - 2] + 1);
				}
				d[i][j] = v;
			}
		}
		return d[n][m];
	}
}
