package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

/**
 * Every command through a real editing domain: it does what it says, undo restores the session
 * exactly (compared as the bytes it would be saved as), redo does it again, and a refused command
 * changes nothing.
 */
class CommandsTest {

	@TempDir
	Path dir;

	AdapterFactoryEditingDomain domain;
	Session s;
	Bus drums;
	Bus guitars;
	Bus acoustics;
	Bus verb;
	Track kick;
	Track gtr;
	Track vox;

	@BeforeEach
	void setUp() {
		domain = SessionEditing.createEditingDomain();
		s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		drums = Fixtures.bus(s, "Drums", null);
		guitars = Fixtures.bus(s, "Guitars", null);
		acoustics = Fixtures.bus(s, "Acoustics", guitars);
		verb = Fixtures.bus(s, "Verb", null);
		kick = Fixtures.track(s, "kick", "kick.wav", drums);
		gtr = Fixtures.track(s, "ac gtr", "ac gtr.wav", acoustics);
		vox = Fixtures.track(s, "vox", "vox.wav", null);
		Fixtures.send(vox, verb, -12);
		Fixtures.send(vox, acoustics, -20);
	}

	private String state() {
		return SessionStore.serialize(s);
	}

	/** Executes, checks the change, then undo, redo and undo again against the saved states. */
	private void assertUndoable(Command command, Supplier<Boolean> changed) {
		String before = state();
		SessionCommands.execute(domain, command);
		String after = state();
		assertTrue(changed.get(), "the command changed the session");
		assertFalse(before.equals(after));
		assertTrue(domain.getCommandStack().canUndo());
		domain.getCommandStack().undo();
		assertEquals(before, state());
		domain.getCommandStack().redo();
		assertEquals(after, state());
		domain.getCommandStack().undo();
		assertEquals(before, state());
	}

	private void assertRefused(String message, Supplier<Command> command) {
		String before = state();
		CommandRefusedException e = assertThrows(CommandRefusedException.class, command::get);
		assertEquals(message, e.getMessage());
		assertEquals(before, state());
		assertFalse(domain.getCommandStack().canUndo());
	}

	@Test
	void setChannelPropertiesAndUndoThem() {
		assertUndoable(SessionCommands.setGain(domain, kick, -6.5), () -> kick.getGainDb() == -6.5);
		assertUndoable(SessionCommands.setGain(domain, drums, Double.NEGATIVE_INFINITY), () -> drums.getGainDb() == Double.NEGATIVE_INFINITY);
		assertUndoable(SessionCommands.setPan(domain, kick, -1), () -> kick.getPan() == -1);
		assertUndoable(SessionCommands.setMute(domain, gtr, true), gtr::isMute);
		assertUndoable(SessionCommands.setSolo(domain, s.getMaster(), true), s.getMaster()::isSolo);
		assertUndoable(SessionCommands.setPolarityInverted(domain, kick, true), kick::isPolarityInverted);
	}

	@Test
	void outOfRangeValuesAreRefused() {
		assertRefused("refused: track:kick pan 1.5 is outside [-1, 1] (L100 to R100; R150 was asked)", () -> SessionCommands.setPan(domain, kick, 1.5));
		assertRefused("refused: track:kick pan NaN is outside [-1, 1]", () -> SessionCommands.setPan(domain, kick, Double.NaN));
		assertRefused("refused: bus:Drums gain 30.0 dB is outside [-inf, +24] dB", () -> SessionCommands.setGain(domain, drums, 30));
		assertRefused("refused: bus:Drums gain NaN dB is outside [-inf, +24] dB", () -> SessionCommands.setGain(domain, drums, Double.NaN));
	}

	@Test
	void setOutputRoutesAndUndoes() {
		assertUndoable(SessionCommands.setOutput(domain, kick, guitars), () -> kick.getOutput() == guitars);
		assertUndoable(SessionCommands.setOutput(domain, kick, s.getMaster()), () -> kick.getOutput() == null);
		assertUndoable(SessionCommands.setOutput(domain, verb, drums), () -> verb.getOutput() == drums);
	}

	@Test
	void outputClosingACycleIsRefusedWithTheCycleNamed() {
		SessionCommands.execute(domain, SessionCommands.setOutput(domain, guitars, drums));
		domain.getCommandStack().flush();
		assertRefused("refused: routing cycle bus:Drums -> bus:Guitars -> bus:Drums",
				() -> SessionCommands.setOutput(domain, drums, guitars));
		assertRefused("refused: routing cycle bus:Drums -> bus:Acoustics -> bus:Guitars -> bus:Drums",
				() -> SessionCommands.setOutput(domain, drums, acoustics));
		assertRefused("refused: routing cycle bus:Verb -> bus:Verb", () -> SessionCommands.setOutput(domain, verb, verb));
		assertRefused("refused: the master feeds nothing: it cannot output to bus:Drums",
				() -> SessionCommands.setOutput(domain, s.getMaster(), drums));
	}

	@Test
	void sendClosingACycleIsRefusedWithTheCycleNamed() {
		// vox sends to Acoustics; Acoustics feeds Guitars. A send from Guitars back to Acoustics loops.
		assertRefused("refused: routing cycle bus:Guitars -> bus:Acoustics -> bus:Guitars",
				() -> SessionCommands.addSend(domain, guitars, acoustics, -6, false));
		// a send from the master to anything loops, since every bus ends at the master
		assertRefused("refused: routing cycle master -> bus:Verb -> master", () -> SessionCommands.addSend(domain, s.getMaster(), verb, 0, false));
		// retargeting an existing send is checked the same way
		Send send = Fixtures.send(guitars, verb, -3);
		assertRefused("refused: routing cycle bus:Guitars -> bus:Acoustics -> bus:Guitars",
				() -> SessionCommands.setSendTarget(domain, send, acoustics));
		// and an output change that would close a loop through that send
		assertRefused("refused: routing cycle bus:Verb -> bus:Acoustics -> bus:Guitars -> bus:Verb",
				() -> SessionCommands.setOutput(domain, verb, acoustics));
	}

	@Test
	void addSendAndUndo() {
		Command add = SessionCommands.addSend(domain, kick, verb, -9, true);
		assertUndoable(add, () -> kick.getSends().size() == 1 && kick.getSends().get(0).getTarget() == verb);
		assertSame(verb, ((Send) add.getResult().iterator().next()).getTarget());
	}

	@Test
	void staleCommandDisablesItself() {
		Command drumsToGuitars = SessionCommands.setOutput(domain, drums, guitars);
		SessionCommands.execute(domain, SessionCommands.setOutput(domain, guitars, drums));
		String before = state();
		assertFalse(drumsToGuitars.canExecute());
		CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> SessionCommands.execute(domain, drumsToGuitars));
		assertEquals("refused: routing cycle bus:Drums -> bus:Guitars -> bus:Drums", e.getMessage());
		assertEquals(before, state());
	}

	@Test
	void addBusWithOutputAndUndo() {
		Command add = SessionCommands.addBus(domain, s, "Room Verb", drums);
		assertUndoable(add, () -> s.getBuses().size() == 5);
		domain.getCommandStack().redo();
		Bus room = (Bus) add.getResult().iterator().next();
		assertSame(room, ChannelAddress.resolve(s, "bus:Room Verb"));
		assertSame(drums, room.getOutput());
		Command toMaster = SessionCommands.addBus(domain, s, "Parallel", s.getMaster());
		SessionCommands.execute(domain, toMaster);
		assertNull(ChannelAddress.bus(s, "Parallel").getOutput());
	}

	@Test
	void addBusRefusesTakenNames() {
		assertRefused("refused: a bus named 'Drums' already exists", () -> SessionCommands.addBus(domain, s, "Drums", null));
		assertRefused("refused: 'Master' is the master's name", () -> SessionCommands.addBus(domain, s, "Master", null));
		assertRefused("refused: a channel name cannot be empty", () -> SessionCommands.addBus(domain, s, " ", null));
	}

	@Test
	void removeBusReroutesItsInputsAndRemovesTheSendsIntoIt() {
		Command remove = SessionCommands.removeBus(domain, acoustics);
		assertUndoable(remove, () -> !s.getBuses().contains(acoustics));
		Send intoAcoustics = vox.getSends().get(1);
		assertEquals(List.of(intoAcoustics), SessionCommands.sendsInto(acoustics));
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, acoustics));
		assertSame(guitars, gtr.getOutput());
		// the send is gone, not moved on to Guitars: it would add a second copy of vox to the mix
		assertEquals(1, vox.getSends().size());
		assertSame(verb, vox.getSends().get(0).getTarget());
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
	}

	@Test
	void removeTopLevelBusReroutesToTheMaster() {
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, guitars));
		assertNull(acoustics.getOutput());
		assertSame(acoustics, vox.getSends().get(1).getTarget());
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, verb));
		// a send never goes to the master: the vocal's reverb send leaves with the reverb return
		assertEquals(List.of(acoustics), vox.getSends().stream().map(Send::getTarget).toList());
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
		// one step each to undo
		domain.getCommandStack().undo();
		assertSame(verb, vox.getSends().get(0).getTarget());
		domain.getCommandStack().undo();
		assertSame(guitars, acoustics.getOutput());
		assertSame(acoustics, vox.getSends().get(1).getTarget());
	}

	@Test
	void removeBusDropsASendThatWouldFeedItsOwnChannel() {
		// A send can only end up feeding its own channel when the routing already loops, as a
		// hand-edited file may: Verb feeds Drums and Drums sends to Verb. Removing Verb must not
		// leave Drums sending to itself.
		verb.setOutput(drums);
		Fixtures.send(drums, verb, -10);
		domain.getCommandStack().flush();
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, verb));
		assertTrue(drums.getSends().isEmpty());
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
	}

	@Test
	void moveTrackTakesThePlaceOfTheTrackItIsDroppedOnAndUndoes() {
		// tracks: kick, ac gtr, vox; the console shows them in this order (flat, and inside each bus)
		Track bass = Fixtures.track(s, "bass", "bass.wav", drums);
		domain.getCommandStack().flush();
		assertEquals(List.of(kick, gtr, vox, bass), s.getTracks());
		// dragged right onto vox: it takes vox's place, the tracks between move left by one
		assertUndoable(SessionCommands.moveTrack(domain, kick, s.getTracks().indexOf(vox)),
				() -> s.getTracks().equals(List.of(gtr, vox, kick, bass)));
		// dragged left onto kick, inside Drums (kick, bass): bass comes first there, and in the session's list
		assertUndoable(SessionCommands.moveTrack(domain, bass, s.getTracks().indexOf(kick)),
				() -> s.getTracks().equals(List.of(bass, kick, gtr, vox)));
		SessionCommands.execute(domain, SessionCommands.moveTrack(domain, bass, 0));
		assertEquals(List.of(bass, kick), s.getTracks().stream().filter(t -> t.getOutput() == drums).toList(),
				"the order of Drums's strips");
		assertEquals("Move track:bass to place 1", domain.getCommandStack().getUndoCommand().getLabel());
		domain.getCommandStack().undo();
		assertEquals(List.of(kick, gtr, vox, bass), s.getTracks(), "one step to undo");
		assertRefused("refused: track:vox has no place 5 among the session's tracks (1..4)",
				() -> SessionCommands.moveTrack(domain, vox, 4));
		assertRefused("refused: track:vox has no place 0 among the session's tracks (1..4)",
				() -> SessionCommands.moveTrack(domain, vox, -1));
	}

	@Test
	void masterCannotBeRemoved() {
		assertRefused("refused: the master bus cannot be removed", () -> SessionCommands.removeBus(domain, s.getMaster()));
	}

	@Test
	void renameAndUndo() {
		assertUndoable(SessionCommands.rename(domain, drums, "Kit"), () -> "Kit".equals(drums.getName()));
		assertUndoable(SessionCommands.rename(domain, kick, "Drums"), () -> "Drums".equals(kick.getName()));
		assertRefused("refused: a bus named 'Verb' already exists", () -> SessionCommands.rename(domain, drums, "Verb"));
		assertRefused("refused: a track named 'vox' already exists", () -> SessionCommands.rename(domain, kick, "vox"));
	}

	@Test
	void undoRedoSurvivesSaveAndLoadOfTheResult() throws Exception {
		SessionCommands.execute(domain, SessionCommands.setGain(domain, kick, -2));
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, guitars));
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(s, file);
		Session loaded = SessionStore.load(file);
		assertEquals(state(), SessionStore.serialize(loaded));
	}

	// ---- focus, console order, solo-safe

	/** {@link #assertUndoable}, then redo: the build-up goes on from there. */
	private void step(Supplier<Command> command, List<Bus> focus) {
		assertUndoable(command.get(), () -> s.getFocus().equals(focus));
		domain.getCommandStack().redo();
		assertEquals(focus, List.copyOf(s.getFocus()));
	}

	@Test
	void focusStepsAreUndoableAndNeverTouchMutes() {
		step(() -> SessionCommands.focusNext(domain, s), List.of(drums));
		step(() -> SessionCommands.focusNext(domain, s), List.of(drums, guitars));
		step(() -> SessionCommands.focusNext(domain, s), List.of(drums, guitars, verb));
		CommandRefusedException past = assertThrows(CommandRefusedException.class, () -> SessionCommands.focusNext(domain, s));
		assertTrue(past.getMessage().contains("bus:Verb"), past.getMessage());
		step(() -> SessionCommands.focusPrevious(domain, s), List.of(drums, guitars));
		step(() -> SessionCommands.focusAll(domain, s), List.of());
		step(() -> SessionCommands.focusOn(domain, s, guitars), List.of(guitars));
		for (Bus b : s.getBuses()) {
			assertFalse(b.isMute(), ChannelAddress.of(b));
		}
		String before = state();
		CommandRefusedException nested = assertThrows(CommandRefusedException.class,
				() -> SessionCommands.focusOn(domain, s, acoustics));
		assertEquals("refused: bus:Acoustics is inside bus:Guitars: focus takes a top-level bus", nested.getMessage());
		assertEquals(before, state());
	}

	@Test
	void focusSurvivesSaveAndLoadAndLeavesWithItsBus() throws Exception {
		SessionCommands.execute(domain, SessionCommands.focusOn(domain, s, guitars));
		SessionCommands.execute(domain, SessionCommands.focusNext(domain, s));
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(s, file);
		Session loaded = SessionStore.load(file);
		assertEquals(List.of("bus:Guitars", "bus:Verb"), loaded.getFocus().stream().map(ChannelAddress::of).toList());
		assertUndoable(SessionCommands.removeBus(domain, verb), () -> s.getFocus().equals(List.of(guitars)));
	}

	@Test
	void moveBusAmongItsSiblingsAndSoloSafeAreUndoable() {
		assertUndoable(SessionCommands.moveBus(domain, verb, 0), () -> s.getBuses().indexOf(verb) == 0
				&& SessionCommands.topLevelBuses(s).equals(List.of(verb, drums, guitars)));
		assertThrows(CommandRefusedException.class, () -> SessionCommands.moveBus(domain, acoustics, 1));
		assertThrows(CommandRefusedException.class, () -> SessionCommands.moveBus(domain, drums, 3));
		assertUndoable(SessionCommands.setSoloSafe(domain, verb, true), verb::isSoloSafe);
		assertThrows(CommandRefusedException.class, () -> SessionCommands.setSoloSafe(domain, s.getMaster(), true));
	}
}
