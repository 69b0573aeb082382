package org.mixtree.model.tests;

import java.nio.file.Path;
import java.util.Locale;

import org.mixtree.model.Bus;
import org.mixtree.model.Insert;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;

/**
 * The process {@link SaveKillTest} kills: run in a plain JVM (no OSGi, so it starts fast) with the model's, EMF's
 * and the audio I/O bundle's classes on its class path. {@code FILE FIRST} saves {@link #version} FIRST,
 * FIRST + 1, ... of a mix-sized session to FILE through {@link SessionStore#save}, printing {@code saved N} after
 * each save returned, until it is killed (or, given a third argument COUNT, COUNT saves and a normal exit, which
 * writes the JVM's class data archive); it prints {@code ready} once its JVM is warm, just before the first save.
 */
public final class SaveKillChild {

	private static final MixtreeFactory F = MixtreeFactory.eINSTANCE;

	/** Tracks in a version: a full band's multitrack. */
	static final int TRACKS = 48;

	private SaveKillChild() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		long first = Long.parseLong(args[1]);
		long end = args.length > 2 ? first + Long.parseLong(args[2]) : Long.MAX_VALUE;
		SessionStore.serialize(version(first)); // class loading and EMF's registries before the kills can come
		System.out.println("ready");
		System.out.flush();
		for (long n = first; n < end; n++) {
			SessionStore.save(version(n), file);
			System.out.println("saved " + n);
			System.out.flush();
		}
	}

	/**
	 * Version {@code n} of a session the size of a real mix (48 tracks with inserts and sends, 10 buses, about
	 * 27 kB): its name is {@code v<n>} and a few values depend on {@code n}, so every version's bytes differ.
	 */
	static Session version(long n) {
		Session s = Sessions.create("v" + n, 48000);
		Bus verb = bus(s, "Verb", null);
		Bus[] groups = new Bus[9];
		for (int g = 0; g < groups.length; g++) {
			groups[g] = bus(s, String.format(Locale.ROOT, "Group %d", g + 1), g > 5 ? groups[g % 3] : null);
		}
		for (int t = 0; t < TRACKS; t++) {
			Track track = F.createTrack();
			track.setName(String.format(Locale.ROOT, "track %02d", t + 1));
			track.setSource(String.format(Locale.ROOT, "stems/track %02d.wav", t + 1));
			track.setOutput(groups[t % groups.length]);
			track.setGainDb(-((n + t) % 240) / 10.0);
			track.setPan(((t * 37) % 21 - 10) / 10.0);
			track.getInserts().add(insert("org.mixtree.eq", "freq", 80 + t, "gain", (n % 13) - 6.0, "q", 0.707));
			track.getInserts().add(insert("org.mixtree.compressor", "threshold", -18.0, "ratio", 4.0, "attack", 10.0));
			Send send = F.createSend();
			send.setTarget(verb);
			send.setLevelDb(-12 - t % 7);
			track.getSends().add(send);
			s.getTracks().add(track);
		}
		s.getMaster().setGainDb(-(n % 100) / 100.0);
		return s;
	}

	private static Bus bus(Session s, String name, Bus output) {
		Bus bus = F.createBus();
		bus.setName(name);
		bus.setOutput(output);
		s.getBuses().add(bus);
		return bus;
	}

	private static Insert insert(String effect, Object... idsAndValues) {
		Insert insert = F.createInsert();
		insert.setEffectId(effect);
		for (int i = 0; i < idsAndValues.length; i += 2) {
			ParameterValue p = F.createParameterValue();
			p.setId((String) idsAndValues[i]);
			p.setValue(((Number) idsAndValues[i + 1]).doubleValue());
			insert.getParameters().add(p);
		}
		return insert;
	}
}
