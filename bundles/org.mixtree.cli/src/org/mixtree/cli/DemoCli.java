package org.mixtree.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.demo.DemoMultitrack;
import org.mixtree.engine.RenderResult;

/**
 * {@code demo}: the main job for now. Synthesizes (once) a small multitrack, lays it out top-down with
 * auto-grouping, prints the mix tree and renders the static mix, through the same code as {@code new} and
 * {@code render}.
 */
final class DemoCli {
	/** Levels and pan of the demo's static mix: track name, then key=value pairs. */
	private static final String[][] STATIC_MIX = { //
			{ "Kick", "gain=-2" }, { "Snare Top", "gain=-3" }, { "HiHat", "gain=-8", "pan=0.3" },
			{ "Overheads", "gain=-5" }, { "Shaker", "gain=-10", "pan=-0.45" }, { "Conga", "gain=-8", "pan=0.4" },
			{ "Bass DI", "gain=-2" }, { "Acoustic Gtr", "gain=-6", "pan=-0.2" }, { "El Gtr Rhythm", "gain=-7", "pan=-0.7" },
			{ "El Gtr Lead", "gain=-6", "pan=0.35" }, { "Gtr Fx", "gain=-11", "pan=0.7" }, { "Piano", "gain=-6" },
			{ "Synth Pad", "gain=-9" }, { "Lead Vox", "gain=-1" }, { "BV Harmony", "gain=-7" },
			{ "Riser Sfx", "gain=-12" } };

	private final PrintStream out;
	private final PrintStream err;

	DemoCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	void demo(List<String> words) throws Exception {
		Args a = Args.parse(words, Set.of("--dir"), Set.of());
		a.expectAtMost(0, "demo [--dir DIR]");
		Path dir = Path.of(a.option("--dir") != null ? a.option("--dir") : "mixtree-demo").toAbsolutePath();
		Path stems = dir.resolve("stems");
		int rate = 48000;
		if (!Files.isDirectory(stems) || countWavs(stems) < DemoMultitrack.stemNames().size()) {
			Files.createDirectories(stems);
			long t0 = System.nanoTime();
			List<Path> written = DemoMultitrack.write(stems, rate);
			out.println(String.format(Locale.ROOT, "synthesized %d stems in %s (%.1f s)", written.size(), stems,
					(System.nanoTime() - t0) / 1e9));
		} else {
			out.println("using the stems in " + stems);
		}
		Path session = dir.resolve("demo.mixtree");
		PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
		new SessionCommandsCli(quiet, err).newSession(List.of(session.toString(), "--stems", stems.toString(), "--group",
				"auto", "--force"));
		// the static mix, the method's first step: levels and pan only, made with the same set commands a person
		// types; every bus stays at 0 dB so the master keeps its headroom
		SessionCommandsCli edit = new SessionCommandsCli(quiet, err);
		for (String[] strip : STATIC_MIX) {
			List<String> args = new ArrayList<>(List.of(session.toString(), "track:" + strip[0]));
			args.addAll(List.of(strip).subList(1, strip.length));
			edit.set(args);
		}
		out.println("session " + session + ": auto-grouped top-down, static mix (levels and pan) set on "
				+ MixTree.count(STATIC_MIX.length, "track", "tracks"));
		new SessionCommandsCli(out, err).info(List.of(session.toString()));
		Path mix = dir.resolve("demo-static-mix.wav");
		RenderCli render = new RenderCli(out, err);
		RenderResult r = render.render(session, mix, SampleFormat.F32, null,
				Boolean.getBoolean("mixtree.tty") ? new RenderCli.ProgressBar(err) : org.mixtree.engine.RenderProgress.NONE);
		out.println();
		out.println("static mix: " + r.output());
		out.println(String.format(Locale.ROOT, "  %s long, peak %s dBFS, integrated loudness %s LUFS, rendered at %.0fx realtime",
				RenderCli.duration(r.durationSeconds()), RenderCli.db(r.samplePeakDbfs()), RenderCli.db(r.integratedLufs()),
				r.realtimeFactor()));
		out.println(String.format(Locale.ROOT, "  master headroom %.1f dB", -r.samplePeakDbfs()));
		out.println("  session: " + session + "  (try: ./mixtree info " + session + ")");
	}

	private static long countWavs(Path dir) throws java.io.IOException {
		try (var s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".wav")).count();
		}
	}
}
