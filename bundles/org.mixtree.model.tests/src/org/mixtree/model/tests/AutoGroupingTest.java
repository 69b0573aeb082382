package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.AutoGrouping;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

class AutoGroupingTest {

	@TempDir
	Path dir;

	/** File name -> bus path (parent/child), one row per keyword plus the precedence rules. */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			kick.wav               | Drums
			Snare Top.wav          | Drums
			hat.wav                | Drums
			HiHat.wav              | Drums
			tom1.wav               | Drums
			Tom_2.wav              | Drums
			overhead L.wav         | Drums
			OH_R.wav               | Drums
			room.wav               | Drums
			cymbal.aif             | Drums
			ride.wav               | Drums
			crash.wav              | Drums
			perc.wav               | Percussion
			percussion.wav         | Percussion
			shaker.wav             | Percussion
			tambourine.wav         | Percussion
			tamb.wav               | Percussion
			conga-hi.wav           | Percussion
			bongo.wav              | Percussion
			clap.wav               | Percussion
			cowbell.wav            | Percussion
			bass.wav               | Bass
			Bass DI.wav            | Bass
			sub.wav                | Bass
			gtr.wav                | Guitars
			guitar 03.wav          | Guitars
			ac.wav                 | Guitars/Acoustics
			acoustic.wav           | Guitars/Acoustics
			Acoustic Guitar.wav    | Guitars/Acoustics
			ac_gtr_2.wav           | Guitars/Acoustics
			el.wav                 | Guitars/Electrics
			elec.wav               | Guitars/Electrics
			electric.wav           | Guitars/Electrics
			el_gtr_1.wav           | Guitars/Electrics
			ELEC-GUITAR.wav        | Guitars/Electrics
			piano.wav              | Keys
			keys.wav               | Keys
			organ.wav              | Keys
			rhodes.wav             | Keys
			synth.wav              | Keys
			pad.wav                | Keys
			vox.wav                | Vocals
			vocal.wav              | Vocals
			vocals.wav             | Vocals
			voc.wav                | Vocals
			bv1.wav                | Vocals
			backing.wav            | Vocals
			lead.wav               | Vocals
			choir.wav              | Vocals
			harmony.wav            | Vocals
			lead_vox.wav           | Vocals
			synth_bass.wav         | Bass
			bass gtr.wav           | Bass
			ac_bass.wav            | Bass
			kick sub.wav           | Drums
			snare_clap.wav         | Drums
			lead gtr.wav           | Guitars
			lead synth.wav         | Keys
			el piano.wav           | Keys
			backing_gtr.wav        | Guitars
			drums.wav              | Drums
			toms.wav               | Drums
			Overheads.wav          | Drums
			congas_2.wav           | Percussion
			BVs.wav                | Vocals
			bass.wav               | Bass
			gas.wav                | Other
			tomato.wav             | Other
			fx riser.wav           | FX
			01.wav                 | Other
			stems/Drums/kick.wav   | Drums
			""")
	void busPathTable(String stem, String expected) {
		assertEquals(expected, String.join("/", AutoGrouping.busPath(stem)));
	}

	/**
	 * Stem names as engineers and multitrack libraries write them (track-numbered exports, CamelCase, the
	 * abbreviations people type), with the bus a mixing engineer would route each to. Only names a person
	 * could not place either (a click, a talkback mic, a default "Audio 1" name) end in Other.
	 */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			01_KickIn.wav         | Drums
			02_KickOut.wav        | Drums
			03_SnrBtm.wav         | Drums
			04_SnrTop.wav         | Drums
			05_HH.wav             | Drums
			06_HHClosed.wav       | Drums
			07_OH L.wav           | Drums
			08_OH R.wav           | Drums
			09_RmR.wav            | Drums
			10_RmL.wav            | Drums
			11_Tm1.wav            | Drums
			Kik Sub.wav           | Drums
			Sub Kick.wav          | Drums
			Bass Drum.wav         | Drums
			BD.wav                | Drums
			SD Top.wav            | Drums
			OverheadL.wav         | Drums
			OHL.wav               | Drums
			Amb Mono.wav          | Drums
			FTom.wav              | Drums
			Shkr.wav              | Percussion
			Tamb.wav              | Percussion
			Congas.wav            | Percussion
			12_BassDI.wav         | Bass
			13_BassAmp.wav        | Bass
			Bs Mic.wav            | Bass
			Synth Bass.wav        | Bass
			Sub.wav               | Bass
			808.wav               | Bass
			14_ElecGtr1.wav       | Guitars/Electrics
			EG Rhythm.wav         | Guitars/Electrics
			Gtr L.wav             | Guitars
			Guit Solo.wav         | Guitars
			Pedal Steel.wav       | Guitars
			Nylon Gtr.wav         | Guitars/Acoustics
			Lead Gtr.wav          | Guitars
			15_AcGtr.wav          | Guitars/Acoustics
			AG 2.wav              | Guitars/Acoustics
			acgtr lead.wav        | Guitars/Acoustics
			18_Pno L.wav          | Keys
			Piano R.wav           | Keys
			Rhodes.wav            | Keys
			Wurli.wav             | Keys
			B3.wav                | Keys
			HammondB3.wav         | Keys
			Kbd Pad.wav           | Keys
			Syn Lead.wav          | Keys
			El Piano.wav          | Keys
			Str Vln1.wav          | Strings
			Vln 2.wav             | Strings
			Vla.wav               | Strings
			Cello.wav             | Strings
			Vc 2.wav              | Strings
			Cb.wav                | Strings
			Contrabass.wav        | Strings
			Strings Hi.wav        | Strings
			Tpt 1.wav             | Horns
			Tbn.wav               | Horns
			Alto Sax.wav          | Horns
			Flute.wav             | Horns
			Fl 2.wav              | Horns
			Clarinet.wav          | Horns
			Oboe.wav              | Horns
			Bassoon.wav           | Horns
			Bass Clarinet.wav     | Horns
			Horn Section.wav      | Horns
			French Horn.wav       | Horns
			Brass Stab.wav        | Horns
			Woodwinds.wav         | Horns
			21_BackingVox1.wav    | Vocals
			22_BGV2.wav           | Vocals
			BGVs.wav              | Vocals
			BV 3.wav              | Vocals
			LV Dbl.wav            | Vocals
			LVDbl.wav             | Vocals
			Lead.wav              | Vocals
			Lead Vocal.wav        | Vocals
			Choir.wav             | Vocals
			Harmony Hi.wav        | Vocals
			Riser 01.wav          | FX
			Impact.wav            | FX
			Sweep Up.wav          | FX
			Whoosh.wav            | FX
			Reverse Cymbal.wav    | FX
			Rev Cym.wav           | FX
			Sub Drop.wav          | FX
			White Noise.wav       | FX
			SFX Rain.wav          | FX
			Click.wav             | Other
			Talkback.wav          | Other
			Audio 1_03.wav        | Other
			""")
	void engineerStemNames(String stem, String expected) {
		assertEquals(expected, String.join("/", AutoGrouping.busPath(stem)));
	}

	@Test
	void wordsSplitAtCamelCaseLettersAndDigitsAndTrackNumbers() {
		assertEquals(List.of("kick", "in"), AutoGrouping.words("01_KickIn.wav"));
		assertEquals(List.of("elec", "gtr"), AutoGrouping.words("14_ElecGtr1.wav"));
		assertEquals(List.of("backing", "vox"), AutoGrouping.words("21_BackingVox1.wav"));
		assertEquals(List.of("hh", "closed"), AutoGrouping.words("HHClosed.wav"));
		assertEquals(List.of("bgv"), AutoGrouping.words("22_BGV2.wav"));
		assertEquals(List.of("bvs"), AutoGrouping.words("BVs.wav"));
		assertEquals(List.of("oh", "rm"), AutoGrouping.words("OHRm.wav"));
		assertEquals(List.of("rm", "r"), AutoGrouping.words("09_RmR.wav"));
		assertEquals(List.of("b", "organ"), AutoGrouping.words("B3Organ.wav"));
	}

	@Test
	void wordsSplitAtSpacesUnderscoresDashesDotsAndDigits() {
		assertEquals(List.of("oh", "l", "take"), AutoGrouping.words("dir/OH_L-take3.final.wav").subList(0, 3));
		assertEquals(List.of("lead", "vox"), AutoGrouping.words("Lead Vox 01.wav"));
		assertEquals("Lead Vox 01", AutoGrouping.baseName("stems/Lead Vox 01.wav"));
	}

	private static List<String> tree(Session s) {
		List<String> lines = new ArrayList<>();
		for (Bus b : s.getBuses()) {
			lines.add("bus:" + b.getName() + " -> " + out(b));
		}
		for (Track t : s.getTracks()) {
			lines.add("track:" + t.getName() + " (" + t.getSource() + ") -> " + out(t));
		}
		return lines;
	}

	private static String out(Channel c) {
		return c.getOutput() == null ? "master" : ChannelAddress.of(c.getOutput());
	}

	@Test
	void autoCreatesOnlyBusesThatReceiveSomethingInConventionalOrder() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		List<String> stems = List.of("stems/Lead Vox.wav", "stems/zz_odd.wav", "stems/ac gtr.wav", "stems/kick.wav",
				"stems/bass.wav", "stems/el_gtr_1.wav", "stems/snare.wav");
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, stems, GroupingMode.AUTO));
		assertEquals(List.of(
				"bus:Drums -> master",
				"bus:Bass -> master",
				"bus:Guitars -> master",
				"bus:Acoustics -> bus:Guitars",
				"bus:Electrics -> bus:Guitars",
				"bus:Vocals -> master",
				"bus:Other -> master",
				"track:kick (stems/kick.wav) -> bus:Drums",
				"track:snare (stems/snare.wav) -> bus:Drums",
				"track:bass (stems/bass.wav) -> bus:Bass",
				"track:ac gtr (stems/ac gtr.wav) -> bus:Acoustics",
				"track:el_gtr_1 (stems/el_gtr_1.wav) -> bus:Electrics",
				"track:Lead Vox (stems/Lead Vox.wav) -> bus:Vocals",
				"track:zz_odd (stems/zz_odd.wav) -> bus:Other"), tree(s));
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
		assertEquals("Master", s.getMaster().getName());
	}

	@Test
	void allNineBusesInOrderWhenEveryGroupIsUsed() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s,
				List.of("x.wav", "vox.wav", "pad.wav", "el.wav", "ac.wav", "gtr.wav", "sub.wav", "shaker.wav", "kick.wav"),
				GroupingMode.AUTO));
		assertEquals(List.of("Drums", "Percussion", "Bass", "Guitars", "Acoustics", "Electrics", "Keys", "Vocals", "Other"),
				s.getBuses().stream().map(Bus::getName).toList());
		assertSame(ChannelAddress.bus(s, "Guitars"), ChannelAddress.track(s, "gtr").getOutput());
	}

	@Test
	void allTwelveBusesInTheRulesOrder() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, List.of("Click.wav", "Riser.wav", "BGV.wav", "Tpt.wav",
				"Vla.wav", "Pno.wav", "EG.wav", "AcGtr.wav", "Guit.wav", "BassDI.wav", "Shkr.wav", "Snr.wav"), GroupingMode.AUTO));
		assertEquals(List.of("Drums", "Percussion", "Bass", "Guitars", "Acoustics", "Electrics", "Keys", "Strings", "Horns", "Vocals",
				"FX", "Other"), s.getBuses().stream().map(Bus::getName).toList());
		assertEquals(List.of("Snr", "Shkr", "BassDI", "Guit", "AcGtr", "EG", "Pno", "Vla", "Tpt", "BGV", "Riser", "Click"),
				s.getTracks().stream().map(Track::getName).toList());
	}

	@Test
	void nestedBusBringsItsParentEvenWithoutDirectGuitars() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, List.of("acoustic.wav"), GroupingMode.AUTO));
		assertEquals(List.of("bus:Guitars -> master", "bus:Acoustics -> bus:Guitars", "track:acoustic (acoustic.wav) -> bus:Acoustics"),
				tree(s));
	}

	@Test
	void flatRoutesEveryTrackToTheMaster() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, List.of("vox.wav", "kick.wav", "odd.wav"), GroupingMode.FLAT));
		assertEquals(List.of("track:vox (vox.wav) -> master", "track:kick (kick.wav) -> master", "track:odd (odd.wav) -> master"), tree(s));
		assertTrue(s.getBuses().isEmpty());
	}

	@Test
	void sameBaseNameGetsDistinctTrackNames() {
		List<SessionBuilder.Assignment> plan = SessionBuilder.plan(List.of("a/kick.wav", "b/kick.wav", "kick.aif"), GroupingMode.FLAT);
		assertEquals(List.of("kick", "kick 2", "kick 3"), plan.stream().map(SessionBuilder.Assignment::trackName).toList());
	}

	@Test
	void buildingIsOneUndoableStepAndSaves() throws Exception {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Path file = dir.resolve("song.mixtree");
		Session s = SessionEditing.create(domain, file, "Song", 48000);
		String empty = SessionStore.serialize(s);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, List.of("kick.wav", "vox.wav"), GroupingMode.AUTO));
		String built = SessionStore.serialize(s);
		domain.getCommandStack().undo();
		assertEquals(empty, SessionStore.serialize(s));
		domain.getCommandStack().redo();
		assertEquals(built, SessionStore.serialize(s));
		SessionStore.save(s, file);
		assertEquals(built, SessionStore.serialize(SessionStore.load(file)));
		assertNull(ChannelAddress.bus(s, "Drums").getOutput());
	}

	@Test
	void populateRefusesANonEmptySession() {
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, s, List.of("kick.wav"), GroupingMode.AUTO));
		assertThrows(CommandRefusedException.class, () -> SessionBuilder.populate(domain, s, List.of("snare.wav"), GroupingMode.AUTO));
		assertEquals(GroupingMode.FLAT, GroupingMode.parse("Flat"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupingMode.parse("tree"));
		assertEquals("unknown grouping 'tree': use auto or flat", e.getMessage());
	}
}
