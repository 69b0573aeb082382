package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphException;

/**
 * Solo in place following the tree, mute always winning. The tree:
 *
 * <pre>
 * Master
 *  +- Drums:  kick, snare, Cym (bus: hat, ride)
 *  +- Music:  bass, keys
 *  +- vox (a track straight on the master)
 * </pre>
 *
 * Each row gives the channels switched and the audible set, worked out by hand from the rule in DESIGN.md. The
 * render is checked too: every track plays a different power-of-two DC level on both sides, so the master's
 * value says exactly which tracks were summed.
 */
class SoloMuteTest {

	private static final String[] TRACKS = { "kick", "snare", "hat", "ride", "bass", "keys", "vox" };

	static Stream<Arguments> table() {
		return Stream.of(
				// solo, mute -> audible tracks | audible buses
				row("", "", "kick snare hat ride bass keys vox | Drums Cym Music Master"),
				row("kick", "", "kick | Drums Master"),
				row("Drums", "", "kick snare hat ride | Drums Cym Master"),
				row("Cym", "", "hat ride | Drums Cym Master"), // nested bus soloed
				row("Cym", "hat", "ride | Drums Cym Master"), // solo + mute below
				row("Drums", "Cym", "kick snare | Drums Master"), // solo bus, mute a bus below it
				row("", "Drums", "bass keys vox | Music Master"), // mute bus silences its subtree
				row("", "Master", " | "), // mute master: nothing
				row("kick Music", "", "kick bass keys | Drums Music Master"), // solo track + solo another bus
				row("hat", "Drums", " | "), // soloed track below a muted bus: mute wins, solo still engaged
				row("vox", "", "vox | Master"), // solo a track on the master
				row("Master", "", "kick snare hat ride bass keys vox | Drums Cym Music Master"), // solo master
				row("", "kick", "snare hat ride bass keys vox | Drums Cym Music Master"),
				row("kick", "kick", " | "), // a soloed, muted track: solo engaged, nothing heard
				row("Drums hat", "", "kick snare hat ride | Drums Cym Master"), // solo bus and a track inside it
				row("hat", "Cym", " | "), // solo a track inside a muted nested bus
				row("bass Cym", "", "hat ride bass | Drums Cym Music Master"),
				row("Cym", "Music", "hat ride | Drums Cym Master"), // muting outside the solo changes nothing
				row("", "hat ride", "kick snare bass keys vox | Drums Music Master")); // bus with nothing audible
	}

	private static Arguments row(String solo, String mute, String expected) {
		return Arguments.of(solo, mute, expected);
	}

	private static Mix tree() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Drums", "Master").bus("Cym", "Drums")
				.bus("Music", "Master");
		String[] outputs = { "Drums", "Drums", "Cym", "Cym", "Music", "Music", "Master" };
		for (int i = 0; i < TRACKS.length; i++) {
			// stereo so the balance law (1 at centre) applies: the level arrives unchanged
			mix.track(TRACKS[i], outputs[i], Mix.dc(level(i), level(i), 64));
		}
		return mix;
	}

	/** 2^-(i+1): every subset of tracks sums to a different value, exactly in float. */
	private static float level(int track) {
		return (float) Math.scalb(1.0, -(track + 1));
	}

	@ParameterizedTest(name = "solo [{0}] mute [{1}] -> {2}")
	@MethodSource("table")
	void audibleSet(String solo, String mute, String expected) throws GraphException, IOException {
		Mix mix = tree();
		for (String id : words(solo)) {
			mix.edit(id, c -> new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), c.mute(), true,
					c.polarity(), c.output()));
		}
		for (String id : words(mute)) {
			mix.edit(id, c -> new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), true, c.solo(),
					c.polarity(), c.output()));
		}
		CompiledPlan plan = mix.plan();
		List<String> heard = new ArrayList<>();
		for (Channel c : mix.description().channels()) {
			if (plan.isAudible(c.id())) {
				heard.add(c.id());
			}
		}
		String[] parts = expected.split("\\|", -1);
		List<String> want = new ArrayList<>(words(parts[0]));
		want.addAll(words(parts[1]));
		assertEquals(sorted(want), sorted(heard));

		float sum = 0;
		for (int i = 0; i < TRACKS.length; i++) {
			if (want.contains(TRACKS[i])) {
				sum += level(i);
			}
		}
		float[][] out = mix.render(16, 2);
		assertEquals(64, out[0].length);
		for (int i = 0; i < 64; i++) {
			assertEquals(sum, out[0][i], 0.0f);
			assertEquals(sum, out[1][i], 0.0f);
		}
	}

	/**
	 * Focus on the same tree, with a send from kick to a return bus Verb (on the master) and solo-safe marks:
	 * focus works as a solo of the focused buses (tracks on the master directly are silent too), a focused
	 * bus's send keeps its return heard, a solo-safe bus and what reaches the master through it are never
	 * silenced by focus or solo, and mute still wins. Worked out by hand.
	 */
	static Stream<Arguments> focusTable() {
		return Stream.of(
				// focus, solo-safe, solo, mute -> audible tracks | audible buses
				Arguments.of("Drums", "", "", "", "kick snare hat ride | Drums Cym Verb Master"),
				Arguments.of("Music", "", "", "", "bass keys | Music Master"),
				Arguments.of("Drums Music", "", "", "", "kick snare hat ride bass keys | Drums Cym Music Verb Master"),
				Arguments.of("Music", "Cym", "", "", "hat ride bass keys | Drums Cym Music Master"),
				Arguments.of("Music", "Verb", "", "", "bass keys | Music Master"), // a return with nothing heard to return
				Arguments.of("Music", "Cym", "", "Cym", "bass keys | Music Master"), // mute wins over solo-safe
				Arguments.of("Drums", "", "kick", "", "kick | Drums Verb Master"), // focus and solo both apply
				Arguments.of("Music", "", "kick", "", " | "), // the soloed kick is outside the focus
				Arguments.of("", "Music", "kick", "", "kick bass keys | Drums Music Verb Master"), // solo-safe under solo
				Arguments.of("Drums", "", "", "kick", "snare hat ride | Drums Cym Master"));
	}

	@ParameterizedTest(name = "focus [{0}] safe [{1}] solo [{2}] mute [{3}] -> {4}")
	@MethodSource("focusTable")
	void focusAndSoloSafe(String focus, String safe, String solo, String mute, String expected) throws Exception {
		Mix mix = tree().bus("Verb", "Master");
		mix.edit("kick", c -> c.withSends(List.of(new org.mixtree.engine.GraphDescription.Send("Verb", 0, false))));
		mix.focus(words(focus).toArray(String[]::new));
		for (String id : words(safe)) {
			mix.edit(id, c -> c.withSoloSafe(true));
		}
		for (String id : words(solo)) {
			mix.edit(id, c -> new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), c.mute(), true,
					c.polarity(), c.output(), c.inserts(), c.sends(), c.soloSafe()));
		}
		for (String id : words(mute)) {
			mix.edit(id, c -> new Channel(c.id(), c.name(), c.kind(), c.source(), c.gainDb(), c.pan(), true, c.solo(),
					c.polarity(), c.output(), c.inserts(), c.sends(), c.soloSafe()));
		}
		CompiledPlan plan = mix.plan();
		List<String> heard = new ArrayList<>();
		for (Channel c : mix.description().channels()) {
			if (plan.isAudible(c.id())) {
				heard.add(c.id());
			}
			// the reason and the mixer decide together (the tracks' in-memory sources are no files: a heard track's
			// only reason can be that one)
			String why = plan.silentBecause(c.id());
			if (!plan.isAudible(c.id())) {
				assertNotNull(why, c.id());
			} else if (c.kind() == org.mixtree.engine.GraphDescription.Kind.BUS) {
				assertNull(why, c.id());
			} else {
				assertEquals("the source file is missing", why, c.id());
			}
		}
		String[] parts = expected.split("\\|", -1);
		List<String> want = new ArrayList<>(words(parts[0]));
		want.addAll(words(parts[1]));
		assertEquals(sorted(want), sorted(heard));
		// kick is heard twice when Verb returns it (send at 0 dB)
		float sum = 0;
		for (int i = 0; i < TRACKS.length; i++) {
			if (want.contains(TRACKS[i])) {
				sum += level(i) * (i == 0 && want.contains("Verb") ? 2 : 1);
			}
		}
		float[][] out = mix.render(16, 2);
		for (int i = 0; i < 64; i++) {
			assertEquals(sum, out[0][i], 0.0f);
			assertEquals(sum, out[1][i], 0.0f);
		}
	}

	private static List<String> words(String s) {
		return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
	}

	private static List<String> sorted(List<String> s) {
		return s.stream().sorted().toList();
	}
}
