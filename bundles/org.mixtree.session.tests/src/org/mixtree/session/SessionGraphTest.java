package org.mixtree.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Send;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/** The binding fills inserts (slot order, factories from the registry, parameters, state) and sends. */
class SessionGraphTest {

	private static final EffectFactory EQ = new EffectFactory() {
		private final EffectDescriptor d = new EffectDescriptor("org.example.eq", "EQ", "test", "1", Category.EQ,
				Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false, List.of(), List.of());

		@Override
		public EffectDescriptor descriptor() {
			return d;
		}

		@Override
		public Effect create() {
			throw new UnsupportedOperationException("not needed by the binding");
		}
	};

	@Test
	void insertsAndSendsAreDescribed() {
		MixtreeFactory f = MixtreeFactory.eINSTANCE;
		Session session = f.createSession();
		session.setName("s");
		session.setSampleRate(48000);
		Bus master = f.createBus();
		master.setName("Master");
		session.setMaster(master);
		Bus drums = f.createBus();
		drums.setName("Drums");
		Bus verb = f.createBus();
		verb.setName("Verb");
		session.getBuses().add(drums);
		session.getBuses().add(verb);
		Track kick = f.createTrack();
		kick.setName("kick");
		kick.setSource("kick.wav");
		kick.setOutput(drums);
		session.getTracks().add(kick);

		org.mixtree.model.Insert eq = f.createInsert();
		eq.setEffectId("org.example.eq");
		ParameterValue gain = f.createParameterValue();
		gain.setId("gain");
		gain.setValue(-3.5);
		eq.getParameters().add(gain);
		eq.setState(Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }));
		org.mixtree.model.Insert missing = f.createInsert();
		missing.setEffectId("com.acme.nothere");
		missing.setBypass(true);
		kick.getInserts().add(eq);
		kick.getInserts().add(missing);
		org.mixtree.model.Send send = f.createSend();
		send.setTarget(verb);
		send.setLevelDb(-12);
		send.setPreFader(true);
		drums.getSends().add(send);

		GraphDescription g = SessionGraph.describe(session, Path.of("/tmp/s/session.mixtree"),
				EffectRegistry.of(List.of(EQ)));
		Channel k = g.channels().stream().filter(c -> c.name().equals("kick")).findFirst().orElseThrow();
		assertEquals(2, k.inserts().size());
		Insert first = k.inserts().get(0);
		assertEquals("org.example.eq", first.effectId());
		assertSame(EQ, first.factory());
		assertEquals(Map.of("gain", -3.5), first.parameters());
		assertArrayEquals(new byte[] { 1, 2, 3 }, first.state());
		Insert second = k.inserts().get(1);
		assertEquals("com.acme.nothere", second.effectId());
		assertNull(second.factory());
		assertTrue(second.bypass());
		Channel d = g.channels().stream().filter(c -> c.name().equals("Drums")).findFirst().orElseThrow();
		assertEquals(List.of(new Send(verb.getAddress(), -12, true)), d.sends());

		eq.setState("not base64 !");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> SessionGraph.describe(session, Path.of("/tmp/s/session.mixtree"), EffectRegistry.of(List.of(EQ))));
		assertEquals(kick.getAddress() + " slot 1 (org.example.eq): state is not base64", e.getMessage());
	}

	/** Insert files reach the engine absolute, resolved against the session file's folder as sources are. */
	@Test
	void insertFilesAreResolvedAgainstTheSessionFile() {
		MixtreeFactory f = MixtreeFactory.eINSTANCE;
		Session session = f.createSession();
		session.setSampleRate(48000);
		Bus master = f.createBus();
		master.setName("Master");
		session.setMaster(master);
		org.mixtree.model.Insert reverb = f.createInsert();
		reverb.setEffectId("org.example.eq");
		org.mixtree.model.FileValue ir = f.createFileValue();
		ir.setId("irfile");
		ir.setPath("../irs/hall.wav");
		reverb.getFiles().add(ir);
		org.mixtree.model.FileValue cleared = f.createFileValue();
		cleared.setId("other");
		cleared.setPath("");
		reverb.getFiles().add(cleared);
		master.getInserts().add(reverb);
		GraphDescription g = SessionGraph.describe(session, Path.of("/tmp/songs/a/session.mixtree"),
				EffectRegistry.of(List.of(EQ)));
		Insert insert = g.channels().get(0).inserts().get(0);
		assertEquals(Map.of("irfile", Path.of("/tmp/songs/irs/hall.wav")), insert.files());
	}

	/**
	 * The stage bypasses inserts through the engine's bypass (which keeps their latency): STATIC all, BUSES the
	 * tracks', TRACKS none; the insert's own bypass in the model is left alone and still bypasses in every stage.
	 */
	@Test
	void theStageBypassesInsertsByLevel() {
		MixtreeFactory f = MixtreeFactory.eINSTANCE;
		Session session = org.mixtree.model.Sessions.create("s", 48000);
		Bus drums = f.createBus();
		drums.setName("Drums");
		session.getBuses().add(drums);
		Track kick = f.createTrack();
		kick.setName("Kick");
		kick.setSource("kick.wav");
		kick.setOutput(drums);
		session.getTracks().add(kick);
		for (org.mixtree.model.Channel c : List.of(kick, drums, session.getMaster())) {
			org.mixtree.model.Insert on = f.createInsert();
			on.setEffectId("org.example.eq");
			c.getInserts().add(on);
			org.mixtree.model.Insert off = f.createInsert();
			off.setEffectId("org.example.eq");
			off.setBypass(true);
			c.getInserts().add(off);
		}
		EffectRegistry registry = EffectRegistry.of(List.of(EQ));
		Map<org.mixtree.model.MixStage, List<Boolean>> expected = Map.of( //
				org.mixtree.model.MixStage.STATIC, List.of(true, true, true), //
				org.mixtree.model.MixStage.BUSES, List.of(true, false, false), //
				org.mixtree.model.MixStage.TRACKS, List.of(false, false, false));
		for (var e : expected.entrySet()) {
			session.setMixStage(e.getKey());
			GraphDescription g = SessionGraph.describe(session, Path.of("/tmp/s.mixtree"), registry);
			for (int i = 0; i < 3; i++) {
				String id = List.of("track:Kick", "bus:Drums", "master").get(i);
				Channel c = g.channels().stream().filter(ch -> ch.label().equals(id)).findFirst().orElseThrow();
				assertEquals(e.getValue().get(i), c.inserts().get(0).bypass(), e.getKey() + " " + id);
				assertTrue(c.inserts().get(1).bypass(), "own bypass in " + e.getKey());
			}
			assertEquals(false, kick.getInserts().get(0).isBypass(), "the model's flag is untouched");
		}
	}
}
