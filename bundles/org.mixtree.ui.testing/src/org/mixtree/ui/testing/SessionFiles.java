package org.mixtree.ui.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;

/** Session files the view tests load: written once through the commands and SessionStore, as the command line does. */
public final class SessionFiles {
	private SessionFiles() {
	}

	/**
	 * A mixing engineer's tree: Drums (Kick, Snare), Guitars (Acoustic (Acoustic L), Electric (Electric DI)), FX (a
	 * return), Vocal straight to the master with a post-fader send to FX at -12 dB; the Electric bus muted, so it and
	 * Electric DI are silent. One-second sine stems.
	 */
	public static Path song(Path dir) throws IOException {
		Path file = dir.resolve("song.mixtree");
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, file, "song", 48000);
		Bus drums = bus(domain, s, "Drums", null), guitars = bus(domain, s, "Guitars", null);
		Bus acoustic = bus(domain, s, "Acoustic", guitars), electric = bus(domain, s, "Electric", guitars);
		Bus fx = bus(domain, s, "FX", null);
		track(domain, s, dir, "Kick", drums, 60);
		track(domain, s, dir, "Snare", drums, 200);
		track(domain, s, dir, "Acoustic L", acoustic, 330);
		track(domain, s, dir, "Electric DI", electric, 110);
		Track vocal = track(domain, s, dir, "Vocal", null, 440);
		SessionCommands.execute(domain, SessionCommands.addSend(domain, vocal, fx, -12.0, false));
		SessionCommands.execute(domain, SessionCommands.setMute(domain, electric, true));
		SessionStore.save(s, file);
		return file;
	}

	/**
	 * The benchmark's size: {@code tracks} tracks in {@code buses} buses in {@code groups} group buses (e.g. 180 in 16
	 * in 4: 200 channels with the master), every fourth track with a send to a reverb return. Stems are not written
	 * (the layout and drawing do not read them; the engine reports them missing).
	 */
	public static Path big(Path dir, int tracks, int buses, int groups) throws IOException {
		Path file = dir.resolve("big.mixtree");
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session s = SessionEditing.create(domain, file, "big", 48000);
		Bus[] g = new Bus[groups];
		for (int i = 0; i < groups; i++) {
			g[i] = bus(domain, s, String.format(Locale.ROOT, "Group %d", i + 1), null);
		}
		Bus[] b = new Bus[buses];
		for (int i = 0; i < buses; i++) {
			b[i] = bus(domain, s, String.format(Locale.ROOT, "Bus %02d", i + 1), g[i * groups / buses]);
		}
		Bus verb = bus(domain, s, "Reverb", null);
		for (int i = 0; i < tracks; i++) {
			Track t = MixtreeFactory.eINSTANCE.createTrack();
			t.setName(String.format(Locale.ROOT, "Track %03d", i + 1));
			t.setSource(String.format(Locale.ROOT, "track-%03d.wav", i + 1));
			t.setOutput(b[i * buses / tracks]);
			SessionCommands.execute(domain, SessionCommands.addTrack(domain, s, t));
			if (i % 4 == 0) {
				SessionCommands.execute(domain, SessionCommands.addSend(domain, t, verb, -18.0, false));
			}
		}
		SessionStore.save(s, file);
		return file;
	}

	private static Bus bus(AdapterFactoryEditingDomain domain, Session s, String name, Bus output) {
		SessionCommands.execute(domain, SessionCommands.addBus(domain, s, name, output));
		return s.getBuses().get(s.getBuses().size() - 1);
	}

	/**
	 * Adds a track (a command on {@code domain}) playing a one-second mono sine of {@code hz} at -12 dBFS, 16-bit, written
	 * beside the session as NAME.wav (lower case, spaces as dashes), to {@code output} (null: the master).
	 */
	public static Track track(AdapterFactoryEditingDomain domain, Session s, Path dir, String name, Bus output, double hz)
			throws IOException {
		String wav = name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".wav";
		try (WavWriter w = new WavWriter(dir.resolve(wav), 1, 48000, SampleFormat.S16, 1)) {
			float[][] buf = new float[1][48000];
			for (int i = 0; i < buf[0].length; i++) {
				buf[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * hz * i / 48000.0));
			}
			w.write(buf, 0, buf[0].length);
		}
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(wav);
		t.setOutput(output);
		SessionCommands.execute(domain, SessionCommands.addTrack(domain, s, t));
		return t;
	}
}
