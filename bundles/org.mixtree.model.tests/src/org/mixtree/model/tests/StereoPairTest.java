package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.edit.builder.SessionBuilder.Stem;
import org.mixtree.model.persistence.SessionStore;

/** Two mono stems recorded as a left/right pair are panned hard left and right by {@code new}; nothing else is. */
class StereoPairTest {

	@TempDir
	Path dir;

	private static Map<String, Double> pans(List<Stem> stems) {
		Map<String, Double> pans = new LinkedHashMap<>();
		for (SessionBuilder.Assignment a : SessionBuilder.plan(stems, GroupingMode.AUTO, GroupingRules.defaults())) {
			pans.put(a.trackName(), a.pan());
		}
		return pans;
	}

	private static List<Stem> mono(String... names) {
		List<Stem> stems = new ArrayList<>();
		for (String n : names) {
			stems.add(new Stem("stems/" + n + ".wav", 1));
		}
		return stems;
	}

	@Test
	void monoPairsArePannedHardLeftAndRight() {
		Map<String, Double> pans = pans(mono("07_OH L", "08_OH R", "Gtr L", "Gtr R", "09_RmR", "10_RmL", "18_Pno L", "19_Pno R",
				"OverheadL", "OverheadR", "Piano Left", "Piano Right", "Strings_L", "Strings_R", "Keys-L", "Keys-R", "OHL", "OHR",
				"L Vln", "R Vln", "Tpt Lt", "Tpt Rt"));
		Map<String, Double> expected = new LinkedHashMap<>();
		for (String[] pair : new String[][] { { "07_OH L", "08_OH R" }, { "Gtr L", "Gtr R" }, { "10_RmL", "09_RmR" },
				{ "18_Pno L", "19_Pno R" }, { "OverheadL", "OverheadR" }, { "Piano Left", "Piano Right" }, { "Strings_L", "Strings_R" },
				{ "Keys-L", "Keys-R" }, { "OHL", "OHR" }, { "L Vln", "R Vln" }, { "Tpt Lt", "Tpt Rt" } }) {
			expected.put(pair[0], -1.0);
			expected.put(pair[1], 1.0);
		}
		for (Map.Entry<String, Double> e : expected.entrySet()) {
			assertEquals(e.getValue(), pans.get(e.getKey()), e.getKey());
		}
		assertEquals(expected.size(), pans.size());
	}

	@Test
	void loneSidesStereoStemsAndLookalikesStayCentred() {
		List<Stem> stems = new ArrayList<>(mono("Gtr L", "Solo L", "Lead Vox", "Read Vox", "Kick In", "Kick Out", "Gtr 1 L", "Gtr 2 R",
				"SynthLead", "SynthRead", "Tom Lo", "Tom Ro"));
		stems.add(new Stem("stems/Pad L.wav", 2)); // stereo pair: each file already has both sides
		stems.add(new Stem("stems/Pad R.wav", 2));
		stems.add(new Stem("stems/Organ L.wav", 1)); // one mono, one stereo: not a pair
		stems.add(new Stem("stems/Organ R.wav", 2));
		stems.add(new Stem("stems/Str L.wav", 0)); // channel count unknown
		stems.add(new Stem("stems/Str R.wav", 0));
		stems.addAll(mono("OH L", "OH R", "take2/OH L")); // two left overheads: which pairs is unclear, none is panned
		Map<String, Double> pans = pans(stems);
		assertEquals(stems.size(), pans.size());
		pans.forEach((name, pan) -> assertEquals(0.0, pan, name));
		// the plain String overload knows no channel counts
		SessionBuilder.plan(List.of("OH L.wav", "OH R.wav"), GroupingMode.AUTO).forEach(a -> assertEquals(0.0, a.pan(), a.trackName()));
	}

	@Test
	void panningIsPartOfTheOneUndoablePopulateCommand() throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Path file = dir.resolve("song.mixtree");
		Session s = SessionEditing.create(domain, file, "Song", 48000);
		String empty = SessionStore.serialize(s);
		SessionCommands.execute(domain,
				SessionBuilder.populate(domain, s, mono("OH L", "OH R", "Kick"), GroupingMode.AUTO, GroupingRules.defaults()));
		assertEquals(-1.0, ChannelAddress.track(s, "OH L").getPan());
		assertEquals(1.0, ChannelAddress.track(s, "OH R").getPan());
		assertEquals(0.0, ChannelAddress.track(s, "Kick").getPan());
		assertEquals("Drums", ChannelAddress.track(s, "OH R").getOutput().getName());
		String built = SessionStore.serialize(s);
		domain.getCommandStack().undo();
		assertEquals(empty, SessionStore.serialize(s));
		domain.getCommandStack().redo();
		assertEquals(built, SessionStore.serialize(s));
		SessionStore.save(s, file);
		assertEquals(-1.0, ChannelAddress.track(SessionStore.load(file), "OH L").getPan());
	}

	@Test
	void flatModePansPairsToo() {
		List<SessionBuilder.Assignment> plan = SessionBuilder.plan(mono("Gtr L", "Gtr R"), GroupingMode.FLAT, GroupingRules.defaults());
		assertEquals(List.of(-1.0, 1.0), plan.stream().map(SessionBuilder.Assignment::pan).toList());
		assertEquals(List.of(List.of(), List.of()), plan.stream().map(SessionBuilder.Assignment::busPath).toList());
	}
}
