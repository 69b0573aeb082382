package org.mixtree.engine.internal;

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
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderResult;

/**
 * A command, not a test: renders the routing of the benchmark workload RW1 (shared/bench/workload.sh) without its
 * bus and master processing, which needs inserts: N stems -> 4 buses -> 2 sub-buses (-8 dB, as RW1-lin) ->
 * master, with RW1's per-track gains and pans, and prints the engine's figures.
 *
 * <pre>
 * java [-Drepeat=R] -cp ... org.mixtree.engine.internal.EngineBench STEMS_DIR N OUT.wav [f32|s24|s16] [threads] [block]
 * </pre>
 */
public final class EngineBench {
	private EngineBench() {
	}

	/** The RW1 graph over {@code stems/track_NNN.wav}. */
	static GraphDescription rw1Routing(Path stems, int n) {
		List<Channel> channels = new ArrayList<>();
		channels.add(new Channel("master", "Master", Kind.BUS, null, 0, 0, false, false, false, null));
		for (int s = 0; s < 2; s++) {
			channels.add(new Channel("sub" + s, "Sub" + s, Kind.BUS, null, -8, 0, false, false, false, "master"));
		}
		for (int b = 0; b < 4; b++) {
			channels.add(new Channel("bus" + b, "Bus" + b, Kind.BUS, null, 0, 0, false, false, false, "sub" + b / 2));
		}
		for (int i = 0; i < n; i++) {
			double gainDb = 5 - 1.5 * (i % 5) - 10 * Math.log10(n);
			double pan = ((5 * i) % 9 - 4) / 4.0;
			Path file = stems.resolve(String.format("track_%03d.wav", i));
			channels.add(new Channel("t" + i, String.format("track_%03d", i), Kind.TRACK, new Source(file, 0, 0), gainDb,
					pan, false, false, false, "bus" + i / (n / 4)));
		}
		return new GraphDescription(48000, PanLaw.MINUS_3_DB, channels);
	}

	public static void main(String[] args) throws Exception {
		long t0 = System.nanoTime();
		Path stems = Path.of(args[0]);
		int n = Integer.parseInt(args[1]);
		Path out = Path.of(args[2]);
		SampleFormat format = args.length > 3 ? SampleFormat.byId(args[3]) : SampleFormat.F32;
		RenderOptions options = RenderOptions.of(out, format);
		if (args.length > 4) {
			options = options.withThreads(Integer.parseInt(args[4]));
		}
		if (args.length > 5) {
			options = options.withBlockSize(Integer.parseInt(args[5]));
		}
		int repeat = Integer.getInteger("repeat", 1);
		for (int i = 1; i < repeat; i++) {
			RenderResult warm = Engine.render(Engine.compile(rw1Routing(stems, n)), options, null);
			System.out.printf("run %d: engine loop %.3f s = %.0fx real time%n", i, warm.wallSeconds(),
					warm.realtimeFactor());
		}
		Plan plan = Engine.compile(rw1Routing(stems, n));
		RenderResult r = Engine.render(plan, options, null);
		double total = (System.nanoTime() - t0) / 1e9;
		System.out.printf("tracks %d, %d frames (%.1f s), %s, %d threads, block %d%n", n, r.frames(),
				r.durationSeconds(), format.id(), options.threads(), options.blockSize());
		System.out.printf("engine loop %.3f s wall = %.0fx real time; render call + compile %.3f s%n", r.wallSeconds(),
				r.realtimeFactor(), total);
		System.out.printf("peak %.2f dBFS, integrated %.2f LUFS%n", r.samplePeakDbfs(), r.integratedLufs());
	}
}
