package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;

/** Validation, order and grouping of {@link PlanCompiler}. */
class PlanCompilerTest {

	private static final float[][] X = Mix.dc(0.5f, 10);

	private static String refusal(Mix mix) {
		return assertThrows(GraphException.class, mix::plan).getMessage();
	}

	@Test
	void refusesACycleNamingIt() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("A", "B").bus("B", "A").track("t", "A", X);
		assertEquals("routing cycle: bus:A -> bus:B -> bus:A", refusal(mix));
	}

	@Test
	void refusesALongerCycleEnteredFromOutside() {
		// t feeds A, which leads into the cycle B -> C -> D -> B: the message names the cycle only
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("t", "A", X).bus("A", "B").bus("B", "C")
				.bus("C", "D").bus("D", "B");
		assertEquals("routing cycle: bus:B -> bus:C -> bus:D -> bus:B", refusal(mix));
	}

	@Test
	void refusesABusFeedingItself() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Loop", "Loop");
		assertEquals("routing cycle: bus:Loop -> bus:Loop", refusal(mix));
	}

	@Test
	void refusesUnknownOutput() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("Kick", "Drums", X);
		assertEquals("track:Kick feeds unknown bus id 'Drums'", refusal(mix));
	}

	@Test
	void refusesOutputToATrack() {
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("Kick", "Master", X).bus("B", "Kick");
		assertEquals("bus:B feeds track:Kick, which is not a bus", refusal(mix));
	}

	@Test
	void refusesNoMasterAndTwoMasters() {
		Mix none = new Mix(PanLaw.MINUS_3_DB);
		assertEquals("no master bus (a bus with no output)", refusal(none));
		Mix two = new Mix(PanLaw.MINUS_3_DB).bus("M1", null).bus("M2", null);
		assertEquals("more than one master (bus with no output): bus:M1, bus:M2", refusal(two));
	}

	@Test
	void refusesTrackWithoutSourceOrOutput() {
		GraphDescription noSource = new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(new Channel("m", "Master", Kind.BUS, null, 0, 0, false, false, false, null),
						new Channel("v", "Vox", Kind.TRACK, null, 0, 0, false, false, false, "m")));
		assertEquals("track:Vox has no source",
				assertThrows(GraphException.class, () -> Engine.compile(noSource)).getMessage());
		GraphDescription noOutput = new GraphDescription(48000, PanLaw.MINUS_3_DB,
				List.of(new Channel("m", "Master", Kind.BUS, null, 0, 0, false, false, false, null), new Channel("v",
						"Vox", Kind.TRACK, new Source(Path.of("v.wav"), 0, 0), 0, 0, false, false, false, null)));
		assertEquals("track:Vox has no output bus",
				assertThrows(GraphException.class, () -> Engine.compile(noOutput)).getMessage());
	}

	@Test
	void refusesDuplicateIdsAndValuesOutOfRange() {
		Mix dup = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("a", "Master", X).track("a", "Master", X);
		assertEquals("track:a: channel id 'a' is already used by track:a", refusal(dup));
		Mix pan = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("a", "Master", X, 0, 0, 0, 1.5, false, false,
				false);
		assertEquals("track:a: pan 1.5 outside [-1, 1]", refusal(pan));
		Mix gain = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("a", "Master", X, 0, 0, Double.NaN, 0, false,
				false, false);
		assertEquals("track:a: gain NaN dB is not a level", refusal(gain));
		Mix offset = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).track("a", "Master", X, 0, -1, 0, 0, false, false,
				false);
		assertEquals("track:a: negative source offset -1", refusal(offset));
	}

	@Test
	void ordersChildrenBeforeParentsAndGroupsTopLevelSubtrees() throws GraphException {
		// described top-down on purpose: the order must not come from the description order
		Mix mix = new Mix(PanLaw.MINUS_3_DB).bus("Master", null).bus("Drums", "Master").bus("Cym", "Drums")
				.bus("Music", "Master").track("kick", "Drums", X).track("hat", "Cym", X).track("bass", "Music", X)
				.track("vox", "Master", X);
		Plan plan = Engine.compile(mix.description());
		List<String> order = plan.processingOrder();
		// Drums sums Cym before kick: inputs keep description order, and a bus comes after its whole subtree
		assertEquals(List.of("hat", "Cym", "kick", "Drums", "bass", "Music", "vox", "Master"), order);
		for (Channel c : mix.description().channels()) {
			if (c.output() != null) {
				assertTrue(order.indexOf(c.id()) < order.indexOf(c.output()), c.id() + " before " + c.output());
			}
		}
		assertEquals("Master", plan.masterId());
		assertEquals(List.of("Drums", "Music"), plan.topLevelBuses());
		assertEquals(List.of(List.of("Cym", "Drums"), List.of("Music")), ((CompiledPlan) plan).groupIds());
	}

	/**
	 * A rebuild keeps an insert's processor (and its audio state) unless the insert brings a state the processor
	 * has not loaded: loading it into an effect that may be processing for the plan being played is not safe, so
	 * the new plan gets a fresh instance with that state; the same state again keeps the instance.
	 */
	@Test
	void aRebuildWithANewEffectStateMakesAFreshInstance() throws Exception {
		byte[] half = java.nio.ByteBuffer.allocate(8).putDouble(0.5).array();
		byte[] quarter = java.nio.ByteBuffer.allocate(8).putDouble(0.25).array();
		Mix mix = new Mix(PanLaw.MINUS_3_DB, 48000);
		mix.bus("master", null).track("t", "master", Mix.sine(10, 0.5, 4800));
		mix.edit("t", c -> c.withInserts(List.of(new GraphDescription.Insert("test.gain", TestEffects.GAIN, false,
				java.util.Map.of(), half))));
		CompiledPlan first = mix.plan();
		int node = first.node("t");
		CompiledPlan same = (CompiledPlan) Engine.compile(mix.description(), first);
		org.junit.jupiter.api.Assertions.assertSame(first.processors[node][0], same.processors[node][0]);
		mix.edit("t", c -> c.withInserts(List.of(new GraphDescription.Insert("test.gain", TestEffects.GAIN, false,
				java.util.Map.of(), quarter))));
		CompiledPlan recalled = (CompiledPlan) Engine.compile(mix.description(), same);
		org.junit.jupiter.api.Assertions.assertNotSame(same.processors[node][0], recalled.processors[node][0]);
		assertEquals(0.5, same.processors[node][0].effect.getParameter(0), "the played instance is untouched");
		assertEquals(0.25, recalled.processors[node][0].effect.getParameter(0), "the fresh one has the new state");
	}
}
