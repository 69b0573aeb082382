package org.mixtree.engine.internal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Kind;

/**
 * Who is heard, and why not: the one place that decides it. {@link #audible} is what the mixer plays (it reads
 * no track and sums no bus that is not audible); {@link #silentBecause} names, for every channel that is not heard
 * in the master, the first cause and the channel that holds it. A channel is heard exactly when its reason is null.
 * <p>
 * The causes, in the order they are looked for (the first found is the reason):
 * <ol>
 * <li>a track whose source the binding marked offline, before anything else: {@code offline: stems/Kick.wav is
 * missing} (it plays silence; a render refuses it unless told otherwise);</li>
 * <li>its own mute: {@code bus:Guitars is muted};</li>
 * <li>a muted bus on its path to the master, nearest first: {@code its output bus:FX is muted} for the bus it feeds,
 * {@code bus:Guitars is muted} for one further up (the master: {@code master is muted});</li>
 * <li>another channel's solo (solo in place, following the tree; a solo-safe bus on the path exempts it):
 * {@code track:Kick is soloed}, the first soloed channel in description order;</li>
 * <li>focus (the same rule with the buses in focus): {@code focus is on bus:Drums + bus:Bass};</li>
 * <li>a fader at -inf on the way out (its own, then its path, as for mute; a channel with a live send is still heard
 * through the send): {@code gain is -inf dB}, {@code its output bus:FX gain is -inf dB};</li>
 * <li>an insert whose effect is not installed: the engine does not play a chain it cannot run, so the channel is
 * silent (its own first, then its path): {@code insert 2 (org.mixtree.eq) is missing},
 * {@code its output bus:FX insert 1 (org.mixtree.eq) is missing};</li>
 * <li>a bus that nothing heard feeds: {@code nothing heard feeds it};</li>
 * <li>a track whose source file is not there: {@code the source file is missing} (render and play refuse such a
 * session, naming the file, so no render contradicts this).</li>
 * </ol>
 * "Missing output" cannot arise here: the compiler refuses an output that is not a bus of the graph.
 */
final class Audibility {
	/** Per node: played by the mixer (mute, solo, focus and missing effects resolved). */
	final boolean[] audible;
	/** Per node: null when heard in the master, else the first cause. */
	final String[] silentBecause;

	private Audibility(boolean[] audible, String[] silentBecause) {
		this.audible = audible;
		this.silentBecause = silentBecause;
	}

	/**
	 * Nodes are in processing order: every node after what feeds it (outputs and sends); the master is last.
	 *
	 * @param focus ids of the buses in focus; empty: no focus
	 */
	static Audibility resolve(List<Channel> described, Channel[] channels, int[] output, int[][] inputs,
			int[] sendSource, int[] sendTarget, List<String> focus) {
		int n = channels.length;
		Set<String> focused = new HashSet<>(focus);
		boolean anySolo = false;
		String firstSolo = null;
		for (Channel c : channels) {
			anySolo |= c.solo();
		}
		// the first soloed channel as the description lists them (processing order differs)
		for (Channel c : described) {
			if (c.solo()) {
				firstSolo = c.label() + " is soloed";
				break;
			}
		}
		List<String> focusLabels = new ArrayList<>();
		for (String id : focus) {
			for (Channel c : described) {
				if (c.id().equals(id)) {
					focusLabels.add(c.label());
				}
			}
		}
		String focusLine = "focus is on " + String.join(" + ", focusLabels);
		boolean anyFocus = !focused.isEmpty();

		boolean[] missing = new boolean[n];
		boolean[] mutedPath = new boolean[n];
		boolean[] soloPath = new boolean[n];
		boolean[] focusPath = new boolean[n];
		boolean[] safePath = new boolean[n];
		for (int k = n - 1; k >= 0; k--) {
			Channel c = channels[k];
			int o = output[k];
			missing[k] = missingInsert(c) >= 0;
			mutedPath[k] = c.mute() || missing[k] || (o >= 0 && mutedPath[o]);
			soloPath[k] = c.solo() || (o >= 0 && soloPath[o]);
			focusPath[k] = c.kind() == Kind.BUS && focused.contains(c.id()) || (o >= 0 && focusPath[o]);
			safePath[k] = c.kind() == Kind.BUS && c.soloSafe() || (o >= 0 && safePath[o]);
		}
		boolean[] audible = new boolean[n];
		for (int k = 0; k < n; k++) {
			if (mutedPath[k]) {
				continue;
			}
			if (channels[k].kind() == Kind.TRACK) {
				audible[k] = (!anySolo || soloPath[k] || safePath[k]) && (!anyFocus || focusPath[k] || safePath[k]);
			} else {
				// a bus passes what reaches it: it is heard when something audible feeds it
				for (int in : inputs[k]) {
					audible[k] |= audible[in];
				}
				for (int s = 0; s < sendSource.length; s++) {
					audible[k] |= sendTarget[s] == k && audible[sendSource[s]];
				}
			}
		}

		// what carries signal (forward: feeders first) and what reaches the master at a gain above -inf (backward)
		boolean[] carries = new boolean[n];
		for (int k = 0; k < n; k++) {
			if (!audible[k]) {
				continue;
			}
			if (channels[k].kind() == Kind.TRACK) {
				// an offline track plays silence: a bus fed only by offline tracks hears nothing
				carries[k] = channels[k].source() == null || !channels[k].source().isOffline();
				continue;
			}
			for (int in : inputs[k]) {
				carries[k] |= carries[in] && passes(channels[in]);
			}
			for (int s = 0; s < sendSource.length; s++) {
				if (sendTarget[s] == k) {
					carries[k] |= carries[sendSource[s]] && sendPasses(channels[sendSource[s]], channels[sendSource[s]]
							.sends().get(sendIndex(s, sendSource)));
				}
			}
		}
		boolean[] reaches = new boolean[n];
		for (int k = n - 1; k >= 0; k--) {
			Channel c = channels[k];
			reaches[k] = passes(c) && (output[k] < 0 || reaches[output[k]]);
			for (int s = 0; s < sendSource.length; s++) {
				if (sendSource[s] == k) {
					reaches[k] |= sendPasses(c, c.sends().get(sendIndex(s, sendSource))) && reaches[sendTarget[s]];
				}
			}
		}

		String[] reason = new String[n];
		for (int k = 0; k < n; k++) {
			Channel c = channels[k];
			// an offline source first: the one cause the user cannot fix at the console
			String r = c.kind() == Kind.TRACK && c.source() != null && c.source().isOffline()
					? org.mixtree.engine.Plan.OFFLINE + c.source().offline()
					: null;
			if (r == null && c.mute()) {
				r = c.label() + " is muted";
			}
			for (int o = output[k]; r == null && o >= 0; o = output[o]) {
				if (channels[o].mute()) {
					r = (o == output[k] ? "its output " : "") + channels[o].label() + " is muted";
				}
			}
			if (r == null && !audible[k] && anySolo && !soloPath[k] && !safePath[k]) {
				r = firstSolo;
			}
			if (r == null && !audible[k] && anyFocus && !focusPath[k] && !safePath[k]) {
				r = focusLine;
			}
			if (r == null && !reaches[k]) {
				if (!passes(c)) {
					r = "gain is -inf dB";
				}
				for (int o = output[k]; r == null && o >= 0; o = output[o]) {
					if (!passes(channels[o])) {
						r = (o == output[k] ? "its output " : "") + channels[o].label() + " gain is -inf dB";
					}
				}
				if (r == null) {
					r = "gain is -inf dB"; // every way out (output and sends) is at -inf
				}
			}
			if (r == null && missing[k]) {
				r = insertLine(c);
			}
			for (int o = output[k]; r == null && o >= 0; o = output[o]) {
				if (missing[o]) {
					r = (o == output[k] ? "its output " : "") + channels[o].label() + " " + insertLine(channels[o]);
				}
			}
			if (r == null && (!audible[k] || !carries[k])) {
				r = "nothing heard feeds it";
			}
			if (r == null && c.kind() == Kind.TRACK && c.source() != null && c.source().file() != null
					&& !Files.isRegularFile(c.source().file())) {
				r = "the source file is missing";
			}
			reason[k] = r;
		}
		return new Audibility(audible, reason);
	}

	/** The fader lets something through. */
	private static boolean passes(Channel c) {
		return c.gainDb() != Double.NEGATIVE_INFINITY;
	}

	/** A send carries its channel's signal: a level above -inf, and pre-fader or a fader above -inf. */
	private static boolean sendPasses(Channel c, org.mixtree.engine.GraphDescription.Send send) {
		return send.levelDb() != Double.NEGATIVE_INFINITY && (send.preFader() || passes(c));
	}

	/** The index of send {@code s} in its channel's send list (sends are numbered by source, then send order). */
	private static int sendIndex(int s, int[] sendSource) {
		int j = 0;
		for (int t = s - 1; t >= 0 && sendSource[t] == sendSource[s]; t--) {
			j++;
		}
		return j;
	}

	/** The slot (from 0) of the first insert whose effect is not installed, or -1. */
	static int missingInsert(Channel c) {
		List<Insert> inserts = c.inserts();
		for (int j = 0; j < inserts.size(); j++) {
			if (inserts.get(j).factory() == null) {
				return j;
			}
		}
		return -1;
	}

	private static String insertLine(Channel c) {
		int j = missingInsert(c);
		return "insert " + (j + 1) + " (" + c.inserts().get(j).effectId() + ") is missing";
	}
}
