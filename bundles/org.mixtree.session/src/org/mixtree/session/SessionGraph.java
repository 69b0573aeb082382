package org.mixtree.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.model.Bus;
import org.mixtree.model.Session;
import org.mixtree.model.Track;

/**
 * The binding between the session model and the engine: turns a {@link Session} into the engine's
 * {@link GraphDescription}. The engine never sees EMF; this is the one place that reads the model for it.
 * Channel ids are the model's addresses ({@code track:NAME}, {@code bus:NAME}, {@code master}), so messages
 * from the engine name channels the way the command line does.
 */
public final class SessionGraph {
	private SessionGraph() {
	}

	/**
	 * @param session     the session
	 * @param sessionFile the file the session was loaded from: track sources are relative to its folder
	 * @return the graph the engine compiles; called on the thread that owns the model
	 */
	public static GraphDescription describe(Session session, Path sessionFile) {
		Path base = sessionFile.toAbsolutePath().getParent();
		List<Channel> channels = new ArrayList<>();
		Bus master = session.getMaster();
		for (Track track : session.getTracks()) {
			Source source = new Source(base.resolve(track.getSource()).normalize(), track.getClipGainDb(),
					track.getOffsetFrames());
			channels.add(new Channel(track.getAddress(), track.getName(), Kind.TRACK, source, track.getGainDb(),
					track.getPan(), track.isMute(), track.isSolo(), track.isPolarityInverted(),
					outputOf(track.getOutput(), master)));
		}
		for (Bus bus : session.getBuses()) {
			channels.add(bus(bus, outputOf(bus.getOutput(), master)));
		}
		channels.add(bus(master, null));
		return new GraphDescription(session.getSampleRate(), panLaw(session.getPanLaw()), channels);
	}

	private static Channel bus(Bus bus, String output) {
		return new Channel(bus.getAddress(), bus.getName(), Kind.BUS, null, bus.getGainDb(), bus.getPan(), bus.isMute(),
				bus.isSolo(), bus.isPolarityInverted(), output);
	}

	/** No output means the master (DESIGN.md). */
	private static String outputOf(Bus output, Bus master) {
		return (output == null ? master : output).getAddress();
	}

	/** The model's pan law in the engine's terms. */
	public static PanLaw panLaw(org.mixtree.model.PanLaw law) {
		switch (law) {
		case ZERO:
			return PanLaw.ZERO_DB;
		case MINUS_45:
			return PanLaw.MINUS_4_5_DB;
		case MINUS_6:
			return PanLaw.MINUS_6_DB;
		case MINUS_3:
		default:
			return PanLaw.MINUS_3_DB;
		}
	}
}
