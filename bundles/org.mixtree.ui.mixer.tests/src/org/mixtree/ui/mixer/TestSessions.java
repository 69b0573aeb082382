package org.mixtree.ui.mixer;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.model.Bus;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;

/**
 * A session as a mixing engineer's tree: Drums (Kick, Snare), Guitars (Acoustic (Acoustic L), Electric (Electric
 * DI)), FX (a return), and Vocal straight to the master with a send to FX. One-second sine stems, so every
 * channel is heard unless the test silences it.
 */
final class TestSessions {
	final AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
	final Session session;
	final Path file;
	final Bus drums, guitars, acoustic, electric, fx;
	final Track kick, snare, acousticL, electricDi, vocal;

	private final int seconds;

	TestSessions(Path dir) throws IOException {
		this(dir, 1);
	}

	/** @param seconds the stems' length */
	TestSessions(Path dir, int seconds) throws IOException {
		this.seconds = seconds;
		java.nio.file.Files.createDirectories(dir);
		file = dir.resolve("song.mixtree");
		session = SessionEditing.create(domain, file, "song", 48000);
		drums = bus("Drums", null);
		guitars = bus("Guitars", null);
		acoustic = bus("Acoustic", guitars);
		electric = bus("Electric", guitars);
		fx = bus("FX", null);
		kick = track(dir, "Kick", drums, 60);
		snare = track(dir, "Snare", drums, 200);
		acousticL = track(dir, "Acoustic L", acoustic, 330);
		electricDi = track(dir, "Electric DI", electric, 110);
		vocal = track(dir, "Vocal", null, 440);
		SessionCommands.execute(domain, SessionCommands.addSend(domain, vocal, fx, -12.0, false));
		// the tests count undo steps from here
		domain.getCommandStack().flush();
	}

	private Bus bus(String name, Bus output) {
		SessionCommands.execute(domain, SessionCommands.addBus(domain, session, name, output));
		return session.getBuses().get(session.getBuses().size() - 1);
	}

	private Track track(Path dir, String name, Bus output, double hz) throws IOException {
		String wav = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".wav";
		try (WavWriter w = new WavWriter(dir.resolve(wav), 1, 48000, SampleFormat.S16, 1)) {
			float[][] buf = new float[1][48000 * seconds];
			for (int i = 0; i < buf[0].length; i++) {
				buf[0][i] = (float) (0.25 * Math.sin(2 * Math.PI * hz * i / 48000.0));
			}
			w.write(buf, 0, buf[0].length);
		}
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(wav);
		t.setOutput(output);
		SessionCommands.execute(domain, SessionCommands.addTrack(domain, session, t));
		return t;
	}
}
