package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.MixStage;
import org.mixtree.model.Plugins;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;

/**
 * Mix stages in the model: a new session starts STATIC, a file without a stage (written before stages) loads as
 * TRACKS, STATIC round-trips; adding an insert the stage would bypass moves the stage on in the same undoable step;
 * the headroom target; plugins per bus.
 */
class StageCommandsTest {

	@TempDir
	Path dir;

	AdapterFactoryEditingDomain domain;
	Session s;
	Bus drums;
	Bus guitars;
	Bus electrics;
	Track kick;
	Track gtr;

	@BeforeEach
	void setUp() {
		domain = SessionEditing.createEditingDomain();
		s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		drums = Fixtures.bus(s, "Drums", null);
		guitars = Fixtures.bus(s, "Guitars", null);
		electrics = Fixtures.bus(s, "Electrics", guitars);
		kick = Fixtures.track(s, "kick", "kick.wav", drums);
		gtr = Fixtures.track(s, "gtr", "gtr.wav", electrics);
	}

	@Test
	void aNewSessionIsStaticAndAFileWithoutAStageIsTracks() throws IOException {
		assertEquals(MixStage.STATIC, s.getMixStage());
		Path old = dir.resolve("old.mixtree");
		Files.writeString(old, """
				<?xml version="1.0" encoding="UTF-8"?>
				<mixtree:Session xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:mixtree="http://mixtree.org/session/1.0" name="Old">
				  <tracks name="kick" source="kick.wav"><inserts effectId="org.mixtree.eq"/></tracks>
				  <master name="Master"/>
				</mixtree:Session>
				""", StandardCharsets.UTF_8);
		assertEquals(MixStage.TRACKS, SessionStore.load(old).getMixStage());
		assertEquals(-6.0, SessionStore.load(old).getHeadroomDb());

		Path file = dir.resolve("song.mixtree");
		SessionStore.save(s, file);
		assertTrue(Files.readString(file).contains("mixStage=\"STATIC\""));
		assertEquals(MixStage.STATIC, SessionStore.load(file).getMixStage());
		SessionCommands.execute(domain, SessionCommands.setStage(domain, s, MixStage.BUSES));
		SessionStore.save(s, file);
		assertEquals(MixStage.BUSES, SessionStore.load(file).getMixStage());
	}

	@Test
	void aBusInsertMovesStaticToBusesInOneUndoableStep() {
		String before = SessionStore.serialize(s);
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, drums, "org.mixtree.eq", Map.of(), -1));
		assertEquals(MixStage.BUSES, s.getMixStage());
		assertEquals(1, drums.getInserts().size());
		domain.getCommandStack().undo();
		assertEquals(before, SessionStore.serialize(s));
		assertEquals(MixStage.STATIC, s.getMixStage());
		domain.getCommandStack().redo();
		assertEquals(MixStage.BUSES, s.getMixStage());
		// the master is a bus: nothing to move in BUSES
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, s.getMaster(), "org.mixtree.eq", Map.of(), -1));
		assertEquals(MixStage.BUSES, s.getMixStage());
		// a track insert moves on to TRACKS
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, kick, "org.mixtree.eq", Map.of(), -1));
		assertEquals(MixStage.TRACKS, s.getMixStage());
		domain.getCommandStack().undo();
		assertEquals(MixStage.BUSES, s.getMixStage());
		assertEquals(0, kick.getInserts().size());
	}

	@Test
	void aTrackInsertMovesStaticStraightToTracksAndAStageIsNeverMovedBack() {
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, kick, "org.mixtree.eq", Map.of(), -1));
		assertEquals(MixStage.TRACKS, s.getMixStage());
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, drums, "org.mixtree.eq", Map.of(), -1));
		assertEquals(MixStage.TRACKS, s.getMixStage(), "a bus insert in TRACKS is heard already");
		// the insert's result is still the insert, compound or not
		var add = SessionCommands.addInsert(domain, guitars, "org.mixtree.eq", Map.of(), -1);
		SessionCommands.execute(domain, add);
		assertEquals(guitars.getInserts().get(0), add.getResult().iterator().next());
	}

	@Test
	void headroomTarget() {
		assertEquals(-6.0, s.getHeadroomDb());
		SessionCommands.execute(domain, SessionCommands.setHeadroom(domain, s, -3));
		assertEquals(-3.0, s.getHeadroomDb());
		domain.getCommandStack().undo();
		assertEquals(-6.0, s.getHeadroomDb());
		CommandRefusedException e = assertThrows(CommandRefusedException.class,
				() -> SessionCommands.setHeadroom(domain, s, 1));
		assertEquals("refused: master headroom 1.0 dBFS is outside [-60, 0] dBFS", e.getMessage());
		assertThrows(CommandRefusedException.class, () -> SessionCommands.setHeadroom(domain, s, Double.NaN));
	}

	@Test
	void pluginsPerBusFollowOutputsNotSends() {
		Fixtures.send(kick, guitars, -10);
		kick.getInserts().add(Fixtures.F.createInsert());
		gtr.getInserts().add(Fixtures.F.createInsert());
		electrics.getInserts().add(Fixtures.F.createInsert());
		guitars.getInserts().add(Fixtures.F.createInsert());
		guitars.getInserts().add(Fixtures.F.createInsert());
		s.getMaster().getInserts().add(Fixtures.F.createInsert());
		assertEquals(1, Plugins.own(electrics));
		assertEquals(2, Plugins.subtree(electrics));
		assertEquals(2, Plugins.own(guitars));
		assertEquals(4, Plugins.subtree(guitars), "the kick's send to Guitars does not count");
		assertEquals(1, Plugins.subtree(drums));
		assertEquals(6, Plugins.subtree(s.getMaster()));
	}
}
