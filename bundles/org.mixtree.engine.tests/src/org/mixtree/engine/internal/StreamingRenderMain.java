package org.mixtree.engine.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/**
 * Run in a forked JVM by {@link StreamingMemoryTest}: renders {@code tracks} tracks, alternately on
 * {@code mono.wav} and {@code stereo.wav} in a directory, under 4 buses, to an s16 file, and prints
 * {@code frames=... peakHeapBytes=...}.
 */
public final class StreamingRenderMain {
	private StreamingRenderMain() {
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int tracks = Integer.parseInt(args[1]);
		Path out = Path.of(args[2]);
		List<Channel> channels = new ArrayList<>();
		channels.add(new Channel("m", "Master", Kind.BUS, null, 0, 0, false, false, false, null));
		for (int b = 0; b < 4; b++) {
			channels.add(new Channel("b" + b, "Bus" + b, Kind.BUS, null, 0, 0, false, false, false, "m"));
		}
		for (int t = 0; t < tracks; t++) {
			Path file = dir.resolve(t % 2 == 0 ? "mono.wav" : "stereo.wav");
			channels.add(new Channel("t" + t, "T" + t, Kind.TRACK, new Source(file, 0, 0), -24, (t % 9 - 4) / 4.0,
					false, false, false, "b" + t % 4));
		}
		RenderResult r = Engine.render(Engine.compile(new GraphDescription(48000, PanLaw.MINUS_3_DB, channels)),
				RenderOptions.of(out, SampleFormat.S16), null);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		System.out.println("frames=" + r.frames() + " peakHeapBytes=" + peak + " realtime=" + r.realtimeFactor());
	}
}
