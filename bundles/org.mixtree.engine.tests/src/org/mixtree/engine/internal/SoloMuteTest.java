package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

	private static List<String> words(String s) {
		return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
	}

	private static List<String> sorted(List<String> s) {
		return s.stream().sorted().toList();
	}
}
