package org.mixtree.model.edit.builder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides, from a stem's file name, which bus a mixing engineer would route it to.
 * <p>
 * Words are the file name's (without folders and extension) pieces between spaces, {@code _},
 * {@code -}, {@code .} and digits, compared case-insensitively and whole (so "tom" does not match
 * "tomato", and "OH_L" has the words "oh" and "l"). The groups and their words:
 * <ul>
 * <li>Drums: kick, snare, hat, hihat, tom, overhead, oh, room, cymbal, ride, crash</li>
 * <li>Percussion: perc, percussion, shaker, tambourine, tamb, conga, bongo, clap, cowbell</li>
 * <li>Bass: bass, sub</li>
 * <li>Guitars: gtr, guitar; inside it Acoustics (ac, acoustic) and Electrics (el, elec,
 * electric)</li>
 * <li>Keys: piano, keys, organ, rhodes, synth, pad</li>
 * <li>Vocals: vox, vocal, vocals, voc, bv, backing, lead, choir, harmony</li>
 * </ul>
 * When a name has words of several groups, the first rule that applies wins:
 * <ol>
 * <li>Drums: kit words are the most specific ("kick sub" is a kick microphone).</li>
 * <li>Percussion.</li>
 * <li>Bass: "synth bass" and "bass gtr" play the bass line and belong with the bass.</li>
 * <li>Guitars, when a guitar word is present: Acoustics if an acoustic word is present too, else
 * Electrics if an electric word is, else Guitars itself ("lead gtr" is a guitar).</li>
 * <li>Keys ("lead synth", "el piano" are keys: an acoustic/electric word counts for the guitars only
 * with a guitar word or alone).</li>
 * <li>Vocals ("lead" and "backing" only get here when nothing above matched).</li>
 * <li>An acoustic or electric word alone: Acoustics or Electrics under Guitars
 * ("acoustic.wav", "el_1.wav").</li>
 * <li>Nothing matched: Other.</li>
 * </ol>
 * Words count whole; a plural counts as its singular when the singular is in a list ("toms",
 * "overheads", "congas", "bvs"), as engineers name multi-mic stems, and "drum"/"drums" (a printed kit)
 * count for Drums. Anything else goes to Other, so the outcome stays predictable from the table above.
 */
public final class AutoGrouping {

	/** Top-level group buses in their conventional left-to-right order. */
	public static final String DRUMS = "Drums";
	public static final String PERCUSSION = "Percussion";
	public static final String BASS = "Bass";
	public static final String GUITARS = "Guitars";
	public static final String ACOUSTICS = "Acoustics";
	public static final String ELECTRICS = "Electrics";
	public static final String KEYS = "Keys";
	public static final String VOCALS = "Vocals";
	public static final String OTHER = "Other";

	/**
	 * Every bus path auto grouping can produce, in the order buses are created (a parent before the
	 * buses nested in it).
	 */
	public static final List<List<String>> BUS_ORDER = List.of(List.of(DRUMS), List.of(PERCUSSION), List.of(BASS),
			List.of(GUITARS), List.of(GUITARS, ACOUSTICS), List.of(GUITARS, ELECTRICS), List.of(KEYS), List.of(VOCALS),
			List.of(OTHER));

	private static final Set<String> DRUM_WORDS = Set.of("kick", "snare", "hat", "hihat", "tom", "overhead", "oh", "room",
			"cymbal", "ride", "crash", "drum");
	private static final Set<String> PERCUSSION_WORDS = Set.of("perc", "percussion", "shaker", "tambourine", "tamb",
			"conga", "bongo", "clap", "cowbell");
	private static final Set<String> BASS_WORDS = Set.of("bass", "sub");
	private static final Set<String> GUITAR_WORDS = Set.of("gtr", "guitar");
	private static final Set<String> ACOUSTIC_WORDS = Set.of("ac", "acoustic");
	private static final Set<String> ELECTRIC_WORDS = Set.of("el", "elec", "electric");
	private static final Set<String> KEYS_WORDS = Set.of("piano", "keys", "organ", "rhodes", "synth", "pad");
	private static final Set<String> VOCAL_WORDS = Set.of("vox", "vocal", "vocals", "voc", "bv", "backing", "lead", "choir",
			"harmony");

	private AutoGrouping() {
	}

	/**
	 * The bus path a stem goes to: e.g. {@code [Drums]}, {@code [Guitars, Acoustics]},
	 * {@code [Other]}.
	 */
	public static List<String> busPath(String stem) {
		Set<String> w = new HashSet<>(words(stem));
		if (any(w, DRUM_WORDS)) {
			return List.of(DRUMS);
		}
		if (any(w, PERCUSSION_WORDS)) {
			return List.of(PERCUSSION);
		}
		if (any(w, BASS_WORDS)) {
			return List.of(BASS);
		}
		if (any(w, GUITAR_WORDS)) {
			return guitarPath(w);
		}
		if (any(w, KEYS_WORDS)) {
			return List.of(KEYS);
		}
		if (any(w, VOCAL_WORDS)) {
			return List.of(VOCALS);
		}
		if (any(w, ACOUSTIC_WORDS) || any(w, ELECTRIC_WORDS)) {
			return guitarPath(w);
		}
		return List.of(OTHER);
	}

	/** The words of a stem's file name, lower case, in order. */
	public static List<String> words(String stem) {
		String name = baseName(stem);
		List<String> words = new ArrayList<>();
		for (String word : name.toLowerCase(Locale.ROOT).split("[\\s_\\-.0-9]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return Collections.unmodifiableList(words);
	}

	/** The file name without folders and without its extension: the track's name. */
	public static String baseName(String stem) {
		String s = stem.replace('\\', '/');
		String file = s.substring(s.lastIndexOf('/') + 1);
		int dot = file.lastIndexOf('.');
		return dot > 0 ? file.substring(0, dot) : file;
	}

	private static List<String> guitarPath(Set<String> words) {
		if (any(words, ACOUSTIC_WORDS)) {
			return List.of(GUITARS, ACOUSTICS);
		}
		if (any(words, ELECTRIC_WORDS)) {
			return List.of(GUITARS, ELECTRICS);
		}
		return List.of(GUITARS);
	}

	private static boolean any(Set<String> words, Set<String> group) {
		for (String word : words) {
			if (group.contains(word) || word.length() > 2 && word.endsWith("s")
					&& group.contains(word.substring(0, word.length() - 1))) {
				return true;
			}
		}
		return false;
	}
}
