package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mixtree.model.Bus;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.MalformedAddressException;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.validation.SessionValidator;
import org.mixtree.model.validation.SessionValidator.Problem;

class ValidationTest {

	private static List<String> messages(Session s) {
		return SessionValidator.validate(s).stream().map(Problem::message).toList();
	}

	@Test
	void aSoundSessionHasNoProblems() {
		assertEquals(List.of(), messages(Fixtures.rich()));
		assertTrue(SessionValidator.isValid(Fixtures.rich()));
	}

	@Test
	void cycleThroughOutputsIsNamed() {
		Session s = Sessions.create("S", 48000);
		Bus a = Fixtures.bus(s, "A", null);
		Bus b = Fixtures.bus(s, "B", a);
		a.setOutput(b);
		assertEquals(List.of("routing cycle: bus:A -> bus:B -> bus:A"), messages(s));
	}

	@Test
	void cycleThroughASendIsNamed() {
		Session s = Sessions.create("S", 48000);
		Bus drums = Fixtures.bus(s, "Drums", null);
		Bus verb = Fixtures.bus(s, "Verb", drums);
		Fixtures.send(drums, verb, -10);
		assertEquals(List.of("routing cycle: bus:Drums -> bus:Verb -> bus:Drums"), messages(s));
	}

	@Test
	void busFeedingItselfIsACycle() {
		Session s = Sessions.create("S", 48000);
		Bus a = Fixtures.bus(s, "A", null);
		Fixtures.send(a, a, 0);
		assertEquals(List.of("routing cycle: bus:A -> bus:A"), messages(s));
	}

	@Test
	void danglingReferencesAreNamed() {
		Session s = Sessions.create("S", 48000);
		Bus stray = MixtreeFactory.eINSTANCE.createBus();
		stray.setName("Stray");
		Track kick = Fixtures.track(s, "kick", "kick.wav", stray);
		Fixtures.send(kick, stray, -3);
		assertEquals(List.of("dangling reference: track:kick outputs to bus:Stray, which is not in the session",
				"dangling reference: track:kick sends to bus:Stray, which is not in the session"), messages(s));
	}

	@Test
	void duplicateNamesPerKind() {
		Session s = Sessions.create("S", 48000);
		Fixtures.track(s, "kick", "a.wav", null);
		Fixtures.track(s, "kick", "b.wav", null);
		Fixtures.bus(s, "Drums", null);
		Fixtures.bus(s, "Drums", null);
		Fixtures.bus(s, "Master", null);
		// a track and a bus may share a name: the command line tells them apart by kind
		Fixtures.track(s, "Drums", "c.wav", null);
		assertEquals(List.of("duplicate channel name: 2 tracks are named 'kick'", "duplicate channel name: 2 buses are named 'Drums'",
				"duplicate channel name: 2 buses are named 'Master'"), messages(s));
	}

	@Test
	void masterWithAnOutput() {
		Session s = Sessions.create("S", 48000);
		Bus a = Fixtures.bus(s, "A", null);
		s.getMaster().setOutput(a);
		List<String> m = messages(s);
		assertEquals("master has an output (bus:A): the master feeds nothing", m.get(0));
		// which is also a cycle, A -> master -> A
		assertEquals("routing cycle: bus:A -> master -> bus:A", m.get(1));
		assertEquals(2, m.size());
	}

	@Test
	void valuesOutOfRange() {
		Session s = Sessions.create("S", 0);
		Track t = Fixtures.track(s, "kick", "kick.wav", null);
		t.setPan(1.5);
		Bus b = Fixtures.bus(s, "B", null);
		b.setPan(-1.01);
		b.setGainDb(Double.NaN);
		Track ok = Fixtures.track(s, "snare", "snare.wav", null);
		ok.setPan(-1);
		ok.setGainDb(Double.NEGATIVE_INFINITY);
		assertEquals(List.of("sample rate 0 Hz is not positive", "track:kick: pan 1.5 is outside [-1, 1]",
				"bus:B: pan -1.01 is outside [-1, 1]", "bus:B: gain NaN dB is not a level"), messages(s));
	}

	@Test
	void diagnosticCarriesEveryProblem() {
		Session s = Sessions.create("S", -1);
		assertEquals(1, SessionValidator.toDiagnostic(SessionValidator.validate(s)).getChildren().size());
	}

	@Test
	void addressesFindChannelsAsTheCommandLineWritesThem() {
		Session s = Fixtures.rich();
		assertSame(s.getMaster(), ChannelAddress.resolve(s, "master"));
		assertSame(s.getTracks().get(0), ChannelAddress.resolve(s, "track:kick in"));
		assertSame(s.getBuses().get(0), ChannelAddress.resolve(s, "bus:Drums"));
		assertSame(s.getMaster(), ChannelAddress.resolveBus(s, "bus:Master"));
		assertEquals("track:kick in", ChannelAddress.of(s.getTracks().get(0)));
		assertEquals("master", ChannelAddress.of(s.getMaster()));

		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "bus:Drumz"));
		assertEquals("unknown bus 'Drumz'; did you mean bus:Drums?", unknown.getMessage());
		IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "bus:Xylophone"));
		assertEquals("unknown bus 'Xylophone' (buses: Drums, Guitars, Acoustic: Gtrs #1, Verb 100%)", none.getMessage());
		IllegalArgumentException track = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "track:snare"));
		assertTrue(track.getMessage().startsWith("unknown track 'snare'"), track.getMessage());
		IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "Drums"));
		assertEquals("bad channel address 'Drums': use track:NAME, bus:NAME or master (did you mean bus:Drums?)", bad.getMessage());
		assertTrue(bad instanceof MalformedAddressException, "a usage error");
		IllegalArgumentException notBus = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolveBus(s, "track:kick in"));
		assertEquals("'track:kick in' is a track, not a bus", notBus.getMessage());
	}

	@Test
	void addressesIgnoreCaseWhenOneChannelMatchesAndSuggestOnTypos() {
		Session s = Fixtures.rich();
		assertSame(s.getBuses().get(0), ChannelAddress.resolve(s, "bus:drums"));
		assertSame(s.getBuses().get(0), ChannelAddress.resolve(s, "BUS:DRUMS"));
		assertSame(s.getTracks().get(0), ChannelAddress.resolve(s, "Track:Kick In"));
		assertSame(s.getMaster(), ChannelAddress.resolve(s, "Master"));

		// two buses that differ only in case: the exact one is found, the folded one is refused naming both
		Bus upper = MixtreeFactory.eINSTANCE.createBus();
		upper.setName("DRUMS");
		s.getBuses().add(upper);
		assertSame(upper, ChannelAddress.resolve(s, "bus:DRUMS"));
		assertSame(s.getBuses().get(0), ChannelAddress.resolve(s, "bus:Drums"));
		IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "bus:drums"));
		assertEquals("bus:drums matches bus:Drums and bus:DRUMS: write the name with its exact case", twice.getMessage());

		// a typo: the nearest names; a name of the other kind: its address
		IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "track:kik in"));
		assertEquals("unknown track 'kik in'; did you mean track:kick in?", typo.getMessage());
		IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "track:Guitars"));
		assertEquals("unknown track 'Guitars'; did you mean bus:Guitars?", kind.getMessage());
		IllegalArgumentException swapped = assertThrows(IllegalArgumentException.class, () -> ChannelAddress.resolve(s, "bus:Gutiars"));
		assertEquals("unknown bus 'Gutiars'; did you mean bus:Guitars?", swapped.getMessage());
	}
}
