package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.GroupingRulesException;

/** The rules file: the shipped one, a studio's own on top of it, and what a broken one says. */
class GroupingRulesTest {

	@TempDir
	Path dir;

	private static String bus(GroupingRules rules, String stem) {
		return String.join("/", rules.busPath(stem));
	}

	private static List<String> order(GroupingRules rules) {
		return rules.busOrder().stream().map(p -> String.join("/", p)).toList();
	}

	@Test
	void shippedRulesAreTheRhythmSectionThenTheArrangementThenOther() {
		assertEquals(List.of("Drums", "Percussion", "Bass", "Guitars", "Guitars/Acoustics", "Guitars/Electrics", "Keys", "Strings",
				"Horns", "Vocals", "FX", "Other"), order(GroupingRules.defaults()));
		assertEquals("kick", GroupingRules.defaults().entries(List.of("drums")).get(2), "group names are read in any case");
	}

	@Test
	void aLaterFileAddsWordsToAGroup() {
		GroupingRules rules = GroupingRules.defaults().plus("drums: bassdrum2, kck\n  zildjian  # a cymbal brand\n", "studio.rules");
		assertEquals("Drums", bus(rules, "Zildjian.wav"));
		assertEquals("Drums", bus(rules, "bassdrum2.wav"));
		assertEquals("Other", bus(GroupingRules.defaults(), "Zildjian.wav"));
		assertEquals(order(GroupingRules.defaults()), order(rules));
	}

	@Test
	void aWordALaterFileGivesAGroupLeavesTheOthers() {
		GroupingRules defaults = GroupingRules.defaults();
		assertEquals("Drums", bus(defaults, "Amb 2.wav"));
		assertEquals("FX", bus(defaults.plus("FX: amb", "s.rules"), "Amb 2.wav"));
		assertEquals("Drums", bus(defaults.plus("FX: amb", "s.rules"), "Room.wav"));
		assertEquals("Other", bus(defaults.plus("Other: amb", "s.rules"), "Amb 2.wav"), "Other takes the word away");
		assertEquals("Keys", bus(defaults.plus("Other: amb", "s.rules"), "Amb Pad.wav"));
		assertEquals("Drums", bus(defaults, "Amb Pad.wav"), "the shipped rules are unchanged");
		// a nested group keeps the parent's word: the branch may share it
		GroupingRules nylon = defaults.plus("Guitars/Nylon: gtr, nylon", "s.rules");
		assertEquals("Guitars/Nylon", bus(nylon, "Nylon Gtr.wav"));
		assertEquals("Guitars/Nylon", bus(nylon, "gtr.wav"));
	}

	@Test
	void aNewGroupGoesAfterTheGroupOnTheLineAboveElseLastBeforeOther() {
		GroupingRules synths = GroupingRules.defaults().plus("# our synth room\nKeys:\nSynths: synth, syn, moog\n", "s.rules");
		assertEquals(List.of("Drums", "Percussion", "Bass", "Guitars", "Guitars/Acoustics", "Guitars/Electrics", "Keys", "Synths",
				"Strings", "Horns", "Vocals", "FX", "Other"), order(synths));
		assertEquals("Synths", bus(synths, "Lead Synth.wav"), "Synths comes before Vocals, so 'lead' does not take it");
		assertEquals("Bass", bus(synths, "Synth Bass.wav"));
		assertEquals("Keys", bus(synths, "Piano.wav"));

		GroupingRules last = GroupingRules.defaults().plus("Talk: talkback, tb\nOther:\nMore: zz", "s.rules");
		assertEquals(List.of("FX", "Talk", "More", "Other"), order(last).subList(order(last).size() - 4, order(last).size()));
		assertEquals("Talk", bus(last, "TB.wav"));

		GroupingRules nested = GroupingRules.defaults().plus("Guitars:\nGuitars/Nylon: nylon\nGuitars/Acoustics:\nGuitars/Steel: steel",
				"s.rules");
		assertEquals(List.of("Guitars", "Guitars/Acoustics", "Guitars/Steel", "Guitars/Electrics", "Guitars/Nylon"),
				order(nested).subList(3, 8));
		assertEquals("Guitars/Nylon", bus(nested, "nylon.wav"));
		assertEquals("Guitars/Steel", bus(nested, "Steel Gtr.wav"));
	}

	@Test
	void phrasesComeBeforeWords() {
		GroupingRules rules = GroupingRules.empty().plus("Low: bass\nTop: hat\nFx: bass drop, white noise", "s.rules");
		assertEquals(List.of("Low", "Top", "Fx", "Other"), order(rules));
		assertEquals("Fx", bus(rules, "Bass_Drop 2.wav"));
		assertEquals("Low", bus(rules, "Drop Bass.wav"), "a phrase is its words in order");
		assertEquals("Other", bus(rules, "Noise.wav"));
		assertEquals("Other", bus(GroupingRules.empty(), "Kick.wav"));
	}

	/** Rules text -> the one line that says what is wrong (the file is named x.rules). */
	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			"Drums kick"                       | x.rules:1: expected 'Group: word, word, ...', found 'Drums kick'
			"# ok\\nDrums: ki!ck"              | x.rules:2: 'ki!ck' is not a word (letters and digits; a phrase is words separated by spaces; words are separated by commas)
			"Guitar/Nylon: nylon"              | x.rules:1: no group Guitar to put Nylon in (write that group's line first)
			"Other/Misc: zz"                   | x.rules:1: Other has no groups inside it
			"   kick, snare"                   | x.rules:1: an indented line goes on with the group above it, and there is none
			"Keys: qq\\nDrums: pp\\nkeys: rr"  | x.rules:3: Keys is already on line 1 (write a group once; indented lines go on with its words)
			"Keys: qq\\nFX:\\n   qq"           | x.rules:3: 'qq' is already in Keys (line 1); a word belongs to one group
			": kick"                           | x.rules:1: a group name is missing before ':' or around '/'
			"Drums/: kick"                     | x.rules:1: a group name is missing before ':' or around '/'
			"Dr:ums: kick"                     | x.rules:1: 'ums: kick' is not a word (letters and digits; a phrase is words separated by spaces; words are separated by commas)
			"FX: sub drop 2"                   | x.rules:1: 'sub drop 2': the words of a phrase are letters only
			"Bus #1: x"                        | x.rules:1: expected 'Group: word, word, ...', found 'Bus'
			"Dr{ms: x"                         | x.rules:1: 'Dr{ms' is not a group name (letters, digits, spaces)
			"Keys/Drums: x"                    | x.rules:1: a bus named Drums is already at Drums; every bus has its own name
			"Guitars/keys: x"                  | x.rules:1: a bus named keys is already at Keys; every bus has its own name
			"master: x"                        | x.rules:1: a bus named master is already the session's master; every bus has its own name
			""")
	void malformedRulesAreRefusedWithFileAndLine(String text, String message) {
		GroupingRulesException e = assertThrows(GroupingRulesException.class,
				() -> GroupingRules.defaults().plus(text.replace("\\n", "\n"), "x.rules"));
		assertEquals(message, e.getMessage());
	}

	@Test
	void aRulesFileIsReadWithItsPathInMessages() throws Exception {
		Path good = dir.resolve("studio.rules");
		Files.writeString(good, "\uFEFF# studio A naming\nDrums: kck\n", StandardCharsets.UTF_8);
		assertEquals("Drums", bus(GroupingRules.defaults().plus(good), "Kck.wav"));
		Path bad = dir.resolve("bad.rules");
		Files.writeString(bad, "# studio A naming\n\nDrums: kck,\n  hat, ride ,\nKeys = piano\n", StandardCharsets.UTF_8);
		GroupingRulesException e = assertThrows(GroupingRulesException.class, () -> GroupingRules.defaults().plus(bad));
		assertEquals(bad + ":5: expected 'Group: word, word, ...', found 'Keys = piano'", e.getMessage());
		e = assertThrows(GroupingRulesException.class, () -> GroupingRules.defaults().plus(dir.resolve("none.rules")));
		assertEquals(dir.resolve("none.rules") + ": no such file", e.getMessage());
		Path binary = dir.resolve("bin.rules");
		Files.write(binary, new byte[] { 'D', ':', (byte) 0xff, (byte) 0xfe });
		e = assertThrows(GroupingRulesException.class, () -> GroupingRules.defaults().plus(binary));
		assertEquals(binary + ": not a text file (UTF-8)", e.getMessage());
	}

	@Test
	void theUserFileFollowsTheXdgBaseDirectoryRule() {
		assertEquals(Path.of("/x/cfg/mixtree/grouping.rules"), GroupingRules.userFile(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "/home/a"));
		assertEquals(Path.of("/home/a/.config/mixtree/grouping.rules"), GroupingRules.userFile(Map.of(), "/home/a"));
		assertEquals(Path.of("/home/a/.config/mixtree/grouping.rules"), GroupingRules.userFile(Map.of("XDG_CONFIG_HOME", ""), "/home/a"));
		assertEquals(Path.of("/home/a/.config/mixtree/grouping.rules"),
				GroupingRules.userFile(Map.of("XDG_CONFIG_HOME", "relative/cfg"), "/home/a"), "a relative path is ignored");
	}
}
