package org.mixtree.model.edit.builder;

import java.util.List;

/**
 * Decides, from a stem's file name, which bus a mixing engineer would route it to, by the rules
 * Mixtree ships ({@link GroupingRules#defaults()}, the file {@code rules/grouping.rules} of this
 * bundle, whose header documents the format and the precedence).
 * <p>
 * Words are the file name's (without folders and extension) pieces between anything but letters
 * and digits, at CamelCase and between letters and digits ("01_KickIn" has the words "kick" and
 * "in", "ElecGtr1" "elec" and "gtr", "HHClosed" "hh" and "closed"), compared case-insensitively and
 * whole (so "tom" does not match "tomato"). A plural counts as its singular ("toms", "bgvs") and a
 * word with a side letter as the word before it ("OHL", "RmR"). The groups, left to right: Drums,
 * Percussion, Bass, Guitars (Acoustics and Electrics inside it), Keys, Strings, Horns (brass and
 * woodwinds), Vocals, FX, Other. When a name has words of several groups the first group in that
 * order wins, a phrase before a single word; so the rules a mixing engineer expects hold:
 * <ol>
 * <li>Drums: kit words are the most specific ("kick sub" is a kick microphone, "bass drum" a
 * drum).</li>
 * <li>Bass before Guitars and Keys: "synth bass" and "bass gtr" play the bass line.</li>
 * <li>Guitars, when a guitar word is present: Acoustics if an acoustic word is present too, else
 * Electrics if an electric word is, else Guitars itself ("lead gtr" is a guitar).</li>
 * <li>Keys ("lead synth", "el piano" are keys: an acoustic/electric word counts for the guitars only
 * with a guitar word or alone).</li>
 * <li>Vocals after the instruments ("lead" and "backing" only get here when no instrument
 * matched); "Lead" alone is the lead vocal.</li>
 * <li>An acoustic or electric word alone: Acoustics or Electrics under Guitars ("acoustic.wav",
 * "el_1.wav").</li>
 * <li>Phrases first: "sub drop" and "reverse cymbal" are FX, "bass clarinet" is Horns.</li>
 * <li>Nothing matched: Other.</li>
 * </ol>
 * A studio adds its own words and groups with a rules file of its own ({@link GroupingRules#plus}).
 */
public final class AutoGrouping {

	/** Bus names of the shipped rules, in their left-to-right order. */
	public static final String DRUMS = "Drums";
	public static final String PERCUSSION = "Percussion";
	public static final String BASS = "Bass";
	public static final String GUITARS = "Guitars";
	public static final String ACOUSTICS = "Acoustics";
	public static final String ELECTRICS = "Electrics";
	public static final String KEYS = "Keys";
	public static final String STRINGS = "Strings";
	public static final String HORNS = "Horns";
	public static final String VOCALS = "Vocals";
	public static final String FX = "FX";
	/** Where a stem no rule claims goes: always the last bus. */
	public static final String OTHER = "Other";

	private AutoGrouping() {
	}

	/**
	 * The bus path a stem goes to by the shipped rules: e.g. {@code [Drums]},
	 * {@code [Guitars, Acoustics]}, {@code [Other]}.
	 */
	public static List<String> busPath(String stem) {
		return GroupingRules.defaults().busPath(stem);
	}

	/**
	 * The words of a stem's file name, lower case, in order (numbers are not words).
	 */
	public static List<String> words(String stem) {
		return List.copyOf(GroupingRules.words(stem));
	}

	/** The file name without folders and without its extension: the track's name. */
	public static String baseName(String stem) {
		String s = stem.replace('\\', '/');
		String file = s.substring(s.lastIndexOf('/') + 1);
		int dot = file.lastIndexOf('.');
		return dot > 0 ? file.substring(0, dot) : file;
	}
}
