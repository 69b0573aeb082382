package org.mixtree.model.tests;

import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.PanLaw;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Snapshot;
import org.mixtree.model.Track;

/** Small sessions built by hand, so each test states the routing it relies on. */
final class Fixtures {

	static final MixtreeFactory F = MixtreeFactory.eINSTANCE;

	private Fixtures() {
	}

	static Bus bus(Session session, String name, Bus output) {
		Bus bus = F.createBus();
		bus.setName(name);
		bus.setOutput(output);
		session.getBuses().add(bus);
		return bus;
	}

	static Track track(Session session, String name, String source, Bus output) {
		Track track = F.createTrack();
		track.setName(name);
		track.setSource(source);
		track.setOutput(output);
		session.getTracks().add(track);
		return track;
	}

	static Send send(Channel from, Bus to, double levelDb) {
		Send send = F.createSend();
		send.setTarget(to);
		send.setLevelDb(levelDb);
		from.getSends().add(send);
		return send;
	}

	/** A session that uses every class and most features, with names that need escaping. */
	static Session rich() {
		Session s = Sessions.create("Rich Song", 44100);
		s.setPanLaw(PanLaw.MINUS_45);
		s.setMixStage(MixStage.BUSES);
		Bus drums = bus(s, "Drums", null);
		Bus guitars = bus(s, "Guitars", null);
		Bus acoustics = bus(s, "Acoustic: Gtrs #1", guitars);
		Bus verb = bus(s, "Verb 100%", null);
		Track kick = track(s, "kick in", "stems/kick in.wav", drums);
		kick.setGainDb(-3.5);
		kick.setPan(-0.25);
		kick.setPolarityInverted(true);
		kick.setClipGainDb(1.5);
		kick.setOffsetFrames(1234567890123L);
		Insert eq = F.createInsert();
		eq.setEffectId("org.mixtree.eq");
		eq.setState("AAECAwQ=");
		ParameterValue freq = F.createParameterValue();
		freq.setId("freq");
		freq.setValue(82.5);
		eq.getParameters().add(freq);
		ParameterValue q = F.createParameterValue();
		q.setId("q");
		q.setValue(0.707);
		eq.getParameters().add(q);
		kick.getInserts().add(eq);
		Insert comp = F.createInsert();
		comp.setEffectId("org.mixtree.compressor");
		comp.setBypass(true);
		kick.getInserts().add(comp);
		Track gtr = track(s, "ac gtr", "stems/ac gtr.wav", acoustics);
		gtr.setMute(true);
		send(gtr, verb, -12).setPreFader(true);
		send(acoustics, verb, -6);
		Track vox = track(s, "lead vox", "../shared/lead vox.flac", null);
		vox.setSolo(true);
		vox.setPan(0.5);
		send(vox, verb, Double.NEGATIVE_INFINITY);
		drums.setGainDb(-1);
		s.getMaster().setGainDb(-0.5);
		Snapshot snap = F.createSnapshot();
		snap.setName("static mix");
		snap.setValues("{\"kick in\":-3.5}");
		s.getSnapshots().add(snap);
		return s;
	}
}
