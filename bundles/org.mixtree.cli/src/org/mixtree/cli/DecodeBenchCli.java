package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;

/**
 * {@code bench-decode FILE...}: the cost of decoding each file to planar float on one thread, as a render reads its
 * stems (streaming reads of 4096 frames from the page cache, then the format's decode loop), in ns per sample (one
 * channel of one frame): the median and the spread of {@code --runs} whole-file reads after two warm-up reads, by
 * wall clock and by the thread's CPU time. {@code ./mixtree bench decode} makes one file per sample format with sox
 * and runs this. A benchmark, not a test: it prints figures and judges nothing.
 */
final class DecodeBenchCli {
	private static final int BLOCK = 4096;

	private final PrintStream out;

	DecodeBenchCli(PrintStream out) {
		this.out = out;
	}

	void bench(Args a) throws CliException {
		List<String> files = a.positional();
		if (files.isEmpty()) {
			throw CliException.usage("missing FILE; usage: bench-decode [--runs N] FILE...");
		}
		int runs = a.option("--runs") == null ? 11
				: (int) Values.number("--runs", a.option("--runs"), "");
		if (runs < 1) {
			throw new CliException("--runs: " + runs + " is not a number of runs (at least 1)");
		}
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		out.println(String.format(Locale.ROOT, "%-44s %-34s %9s %9s %9s %9s", "file", "format", "ns/sample",
				"min", "max", "cpu ns"));
		for (String name : files) {
			Path file = Path.of(name);
			double[] wall = new double[runs];
			double[] thread = new double[runs];
			String format = "";
			for (int run = -2; run < runs; run++) {
				long c0 = cpu.getCurrentThreadCpuTime();
				long t0 = System.nanoTime();
				long samples;
				try (AudioFileReader r = AudioFiles.open(file)) {
					format = r.formatDescription();
					samples = readAll(r);
				} catch (IOException e) {
					// the reader's message names the file already
					throw new CliException(String.valueOf(e.getMessage()));
				}
				long dt = System.nanoTime() - t0;
				long dc = cpu.getCurrentThreadCpuTime() - c0;
				if (run >= 0) {
					wall[run] = (double) dt / samples;
					thread[run] = (double) dc / samples;
				}
			}
			Arrays.sort(wall);
			Arrays.sort(thread);
			out.println(String.format(Locale.ROOT, "%-44s %-34s %9.3f %9.3f %9.3f %9.3f", file.getFileName(), format,
					median(wall), wall[0], wall[runs - 1], median(thread)));
		}
	}

	/** Reads the whole file in blocks of {@value #BLOCK} frames; @return the samples read (frames x channels). */
	private static long readAll(AudioFileReader r) throws IOException {
		float[][] block = new float[r.channels()][BLOCK];
		long frames = 0;
		int n;
		while ((n = r.read(block, 0, BLOCK)) > 0) {
			frames += n;
		}
		return Math.max(1, frames * r.channels());
	}

	private static double median(double[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}
}
