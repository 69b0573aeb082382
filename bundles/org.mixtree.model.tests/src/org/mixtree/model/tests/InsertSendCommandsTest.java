package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.Bus;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

/**
 * The insert and send commands: each does what it says, undo restores the saved bytes, redo
 * repeats, a refusal changes nothing and names what is at fault. Effect ids here are plain
 * strings: the model does not know which effects are installed.
 */
class InsertSendCommandsTest {

	@TempDir
	Path dir;

	AdapterFactoryEditingDomain domain;
	Session s;
	Bus drums;
	Bus verb;
	Bus vocals;
	Track kick;
	Track bass;
	Track vox;
	Send voxVerb;

	@BeforeEach
	void setUp() {
		domain = SessionEditing.createEditingDomain();
		s = SessionEditing.create(domain, dir.resolve("song.mixtree"), "Song", 48000);
		drums = Fixtures.bus(s, "Drums", null);
		verb = Fixtures.bus(s, "Verb", null);
		vocals = Fixtures.bus(s, "Vocals", null);
		kick = Fixtures.track(s, "kick", "kick.wav", drums);
		bass = Fixtures.track(s, "bass", "bass.wav", null);
		vox = Fixtures.track(s, "vox", "vox.wav", vocals);
		voxVerb = Fixtures.send(vox, verb, -12);
	}

	private String state() {
		return SessionStore.serialize(s);
	}

	private void assertUndoable(Command command, Supplier<Boolean> changed) {
		String before = state();
		SessionCommands.execute(domain, command);
		String after = state();
		assertTrue(changed.get(), "the command changed the session");
		assertFalse(before.equals(after));
		domain.getCommandStack().undo();
		assertEquals(before, state());
		domain.getCommandStack().redo();
		assertEquals(after, state());
		assertTrue(changed.get(), "redo does it again");
	}

	private void assertRefused(String message, Supplier<Command> command) {
		String before = state();
		boolean couldUndo = domain.getCommandStack().canUndo();
		CommandRefusedException e = assertThrows(CommandRefusedException.class, command::get);
		assertEquals(message, e.getMessage());
		assertEquals(before, state());
		assertEquals(couldUndo, domain.getCommandStack().canUndo());
	}

	private static Map<String, Double> params(Object... idValue) {
		Map<String, Double> m = new LinkedHashMap<>();
		for (int i = 0; i < idValue.length; i += 2) {
			m.put((String) idValue[i], ((Number) idValue[i + 1]).doubleValue());
		}
		return m;
	}

	private Insert add(Track track, String id, int index) {
		Command c = SessionCommands.addInsert(domain, track, id, Map.of(), index);
		SessionCommands.execute(domain, c);
		return (Insert) c.getResult().iterator().next();
	}

	private static List<String> ids(Track track) {
		return track.getInserts().stream().map(Insert::getEffectId).toList();
	}

	// ------------------------------------------------------------------------------------------- sends

	@Test
	void removeSendAndUndo() {
		assertUndoable(SessionCommands.removeSend(domain, voxVerb), () -> vox.getSends().isEmpty());
	}

	@Test
	void setSendPreAndLevelAndUndo() {
		assertUndoable(SessionCommands.setSendPre(domain, voxVerb, true), voxVerb::isPreFader);
		assertUndoable(SessionCommands.setSendLevel(domain, voxVerb, -3), () -> voxVerb.getLevelDb() == -3);
	}

	@Test
	void sendToItselfOrTwiceToOneBusIsRefused() {
		assertRefused("refused: bus:Verb cannot send to itself", () -> SessionCommands.addSend(domain, verb, verb, 0, false));
		assertRefused("refused: track:vox already sends to bus:Verb", () -> SessionCommands.addSend(domain, vox, verb, -6, true));
		Send second = Fixtures.send(vox, drums, -20);
		assertRefused("refused: track:vox already sends to bus:Verb", () -> SessionCommands.setSendTarget(domain, second, verb));
		// pointing a send at the bus it already targets is not a duplicate
		SessionCommands.execute(domain, SessionCommands.setSendTarget(domain, voxVerb, verb));
	}

	@Test
	void sidechainFromDownstreamOfTheKeyedChannelIsRefused() {
		// kick keys a compressor on vox: kick must be ready before vox, which is fine
		Insert comp = add(vox, "org.mixtree.compressor", -1);
		SessionCommands.execute(domain, SessionCommands.setInsertSidechain(domain, comp, kick));
		// vox feeds Vocals and sends to Verb: keying vox from either needs vox before itself
		assertRefused("refused: routing cycle bus:Vocals -> track:vox -> bus:Vocals (through the sidechain)",
				() -> SessionCommands.setInsertSidechain(domain, comp, vocals));
		assertRefused("refused: routing cycle bus:Verb -> track:vox -> bus:Verb (through the sidechain)",
				() -> SessionCommands.setInsertSidechain(domain, comp, verb));
		assertUndoable(SessionCommands.setInsertSidechain(domain, comp, null), () -> comp.getSidechain() == null);
	}

	@Test
	void sendIntoAChannelThatKeysUpstreamIsRefused() {
		// the Drums bus keys a gate on the Verb bus: Drums -> Verb. A send from Verb to Drums loops.
		Command add = SessionCommands.addInsert(domain, verb, "org.mixtree.gate", Map.of(), -1, drums);
		SessionCommands.execute(domain, add);
		assertRefused("refused: routing cycle bus:Verb -> bus:Drums -> bus:Verb",
				() -> SessionCommands.addSend(domain, verb, drums, -6, false));
		assertRefused("refused: routing cycle bus:Verb -> bus:Drums -> bus:Verb",
				() -> SessionCommands.setOutput(domain, verb, drums));
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
	}

	// ----------------------------------------------------------------------------------------- inserts

	@Test
	void addInsertAppendsOrInsertsAtASlotAndUndoes() {
		Command add = SessionCommands.addInsert(domain, kick, "org.mixtree.eq", params("b1.freq", 80, "b1.gain", -3), -1);
		assertUndoable(add, () -> ids(kick).equals(List.of("org.mixtree.eq")));
		Insert eq = (Insert) add.getResult().iterator().next();
		assertSame(eq, kick.getInserts().get(0));
		assertEquals(List.of("b1.freq", "b1.gain"), eq.getParameters().stream().map(ParameterValue::getId).toList());
		assertEquals(-3.0, eq.getParameters().get(1).getValue());
		assertUndoable(SessionCommands.addInsert(domain, kick, "org.mixtree.compressor", Map.of(), -1),
				() -> ids(kick).equals(List.of("org.mixtree.eq", "org.mixtree.compressor")));
		assertUndoable(SessionCommands.addInsert(domain, kick, "org.mixtree.gate", Map.of(), 0),
				() -> ids(kick).equals(List.of("org.mixtree.gate", "org.mixtree.eq", "org.mixtree.compressor")));
		assertUndoable(SessionCommands.addInsert(domain, kick, "org.mixtree.limiter", Map.of(), 3),
				() -> ids(kick).get(3).equals("org.mixtree.limiter"));
	}

	@Test
	void addInsertRefusals() {
		add(kick, "org.mixtree.eq", -1);
		assertRefused("refused: track:kick has no insert slot 3 (slots 1..2)",
				() -> SessionCommands.addInsert(domain, kick, "org.mixtree.eq", Map.of(), 2));
		assertRefused("refused: track:kick has no insert slot -1 (slots 1..2)",
				() -> SessionCommands.addInsert(domain, kick, "org.mixtree.eq", Map.of(), -2));
		assertRefused("refused: an insert needs an effect id", () -> SessionCommands.addInsert(domain, kick, " ", Map.of(), -1));
		assertRefused("refused: org.mixtree.eq on track:kick: parameter gain NaN is not a value",
				() -> SessionCommands.addInsert(domain, kick, "org.mixtree.eq", params("gain", Double.NaN), -1));
		assertRefused("refused: track:kick cannot key its own insert: leave the sidechain empty to listen to its input",
				() -> SessionCommands.addInsert(domain, kick, "org.mixtree.compressor", Map.of(), -1, kick));
		// the master reaches everything: keying anything from it loops
		assertRefused("refused: routing cycle master -> track:kick -> bus:Drums -> master (through the sidechain)",
				() -> SessionCommands.addInsert(domain, kick, "org.mixtree.compressor", Map.of(), -1, s.getMaster()));
	}

	@Test
	void addInsertWithSidechainSavesItByNameAndLoadsIt() throws Exception {
		Command add = SessionCommands.addInsert(domain, bass, "org.mixtree.compressor", params("ratio", 4), -1, kick);
		assertUndoable(add, () -> bass.getInserts().size() == 1 && bass.getInserts().get(0).getSidechain() == kick);
		assertTrue(state().contains("sidechain=\"track/kick\""), state());
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(s, file);
		Session loaded = SessionStore.load(file);
		assertSame(loaded.getTracks().get(0), loaded.getTracks().get(1).getInserts().get(0).getSidechain());
		assertEquals(state(), SessionStore.serialize(loaded));
	}

	@Test
	void setInsertParametersChangesStoredAndAddsNewInOneStep() {
		Command add = SessionCommands.addInsert(domain, kick, "org.mixtree.eq", params("b1.freq", 80), -1);
		SessionCommands.execute(domain, add);
		Insert eq = kick.getInserts().get(0);
		assertUndoable(SessionCommands.setInsertParameters(domain, eq, params("b1.freq", 120, "b1.gain", 4.5)),
				() -> eq.getParameters().size() == 2 && eq.getParameters().get(0).getValue() == 120
						&& eq.getParameters().get(1).getValue() == 4.5);
		// one undo takes both values back
		domain.getCommandStack().undo();
		assertEquals(1, eq.getParameters().size());
		assertEquals(80.0, eq.getParameters().get(0).getValue());
		assertRefused("refused: no parameter to set on org.mixtree.eq", () -> SessionCommands.setInsertParameters(domain, eq, Map.of()));
		assertRefused("refused: org.mixtree.eq on track:kick: parameter q Infinity is not a value",
				() -> SessionCommands.setInsertParameters(domain, eq, params("q", Double.POSITIVE_INFINITY)));
	}

	/** A file of an insert: added, changed, cleared, each one undoable step; clearing nothing changes nothing. */
	@Test
	void setInsertFileAddsChangesAndClearsUndoably() {
		Insert verbIn = add(kick, "org.mixtree.reverb", -1);
		assertUndoable(SessionCommands.setInsertFile(domain, verbIn, "irfile", "irs/hall.wav"),
				() -> verbIn.getFiles().size() == 1 && "irs/hall.wav".equals(verbIn.getFiles().get(0).getPath())
						&& "irfile".equals(verbIn.getFiles().get(0).getId()));
		assertTrue(state().contains("<files id=\"irfile\" path=\"irs/hall.wav\"/>"), state());
		assertUndoable(SessionCommands.setInsertFile(domain, verbIn, "irfile", "../church.wav"),
				() -> verbIn.getFiles().size() == 1 && "../church.wav".equals(verbIn.getFiles().get(0).getPath()));
		assertUndoable(SessionCommands.setInsertFile(domain, verbIn, "irfile", ""), () -> verbIn.getFiles().isEmpty());
		String before = state();
		SessionCommands.execute(domain, SessionCommands.setInsertFile(domain, verbIn, "irfile", null));
		assertEquals(before, state());
		assertRefused("refused: a file of org.mixtree.reverb needs an id",
				() -> SessionCommands.setInsertFile(domain, verbIn, " ", "x.wav"));
	}

	@Test
	void bypassRemoveAndMoveUndo() {
		Insert eq = add(kick, "org.mixtree.eq", -1);
		Insert comp = add(kick, "org.mixtree.compressor", -1);
		add(kick, "org.mixtree.limiter", -1);
		assertUndoable(SessionCommands.setInsertBypass(domain, comp, true), comp::isBypass);
		assertUndoable(SessionCommands.moveInsert(domain, eq, 2),
				() -> ids(kick).equals(List.of("org.mixtree.compressor", "org.mixtree.limiter", "org.mixtree.eq")));
		assertUndoable(SessionCommands.moveInsert(domain, eq, 0),
				() -> ids(kick).equals(List.of("org.mixtree.eq", "org.mixtree.compressor", "org.mixtree.limiter")));
		assertUndoable(SessionCommands.removeInsert(domain, comp), () -> ids(kick).equals(List.of("org.mixtree.eq", "org.mixtree.limiter")));
		assertRefused("refused: track:kick has no insert slot 3 (slots 1..2)", () -> SessionCommands.moveInsert(domain, eq, 2));
		assertRefused("refused: track:bass has no insert slot 2 (slots 1..1)",
				() -> SessionCommands.addInsert(domain, bass, "org.mixtree.eq", Map.of(), 1));
	}

	@Test
	void removingTheKeyBusClearsTheSidechainAndUndoRestoresIt() {
		Insert comp = add(bass, "org.mixtree.compressor", -1);
		SessionCommands.execute(domain, SessionCommands.setInsertSidechain(domain, comp, drums));
		SessionCommands.execute(domain, SessionCommands.removeBus(domain, drums));
		assertNull(comp.getSidechain());
		assertTrue(SessionValidator.isValid(s), SessionValidator.validate(s).toString());
		domain.getCommandStack().undo();
		assertSame(drums, comp.getSidechain());
	}

	@Test
	void cycleFoundByValidationFollowsSidechains() {
		Insert comp = add(vox, "org.mixtree.compressor", -1);
		comp.setSidechain(vocals); // by hand, as a hand-edited file might
		assertEquals(List.of("routing cycle: track:vox -> bus:Vocals -> track:vox"),
				SessionValidator.validate(s).stream().map(SessionValidator.Problem::message).toList());
	}
}
