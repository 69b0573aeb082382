package org.mixtree.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mixtree.audio.io.SampleFormat;
import org.mixtree.cli.demo.DemoMultitrack;
import org.mixtree.engine.RenderResult;

/**
 * {@code demo}: the main job for now. Synthesizes (once) a small multitrack, lays it out top-down with
 * auto-grouping, prints the mix tree and renders the static mix, through the same code as {@code new} and
 * {@code render}.
 */
final class DemoCli {
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
		new SessionCommandsCli(out, err).newSession(List.of(session.toString(), "--stems", stems.toString(), "--group",
				"auto", "--force"));
		Path mix = dir.resolve("demo-static-mix.wav");
		RenderCli render = new RenderCli(out, err);
		RenderResult r = render.render(session, mix, SampleFormat.F32, null,
				Boolean.getBoolean("mixtree.tty") ? new RenderCli.ProgressBar(err) : org.mixtree.engine.RenderProgress.NONE);
		out.println();
		out.println("static mix: " + r.output());
		out.println(String.format(Locale.ROOT, "  %s long, peak %s dBFS, integrated loudness %s LUFS, rendered at %.0fx realtime",
				RenderCli.duration(r.durationSeconds()), RenderCli.db(r.samplePeakDbfs()), RenderCli.db(r.integratedLufs()),
				r.realtimeFactor()));
		out.println("  session: " + session + "  (try: ./mixtree info " + session + ")");
	}

	private static long countWavs(Path dir) throws java.io.IOException {
		try (var s = Files.list(dir)) {
			return s.filter(p -> p.getFileName().toString().endsWith(".wav")).count();
		}
	}
}
