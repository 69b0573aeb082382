package org.mixtree.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.Engine;

/**
 * Memory must not grow with the length of a session: a render of 64 tracks x 10 minutes runs in a JVM limited to
 * {@code -Xmx256m}.
 * <p>
 * Approach: 64 distinct 10-minute files would be 3.7 GB even as mono 16-bit, too much for a test's disk. The
 * tracks share two real 10-minute WAV files instead (mono and stereo, 16-bit, 173 MB together), but every track
 * has its own streaming reader, file channel and position, exactly as with 64 files; an engine (or reader) that
 * held whole sources would need 64 x 58-115 MB and fail with OutOfMemoryError under 256 MB. Second check: the
 * peak heap of the 10-minute render is compared with that of a 1-minute render of the same session; streaming
 * keeps them within a few MB of each other.
 */
class StreamingMemoryTest {

	@TempDir
	Path dir;

	private static void writeSource(Path file, int channels, int seconds) throws IOException {
		int block = 48000;
		float[][] x = new float[channels][block];
		try (WavWriter w = new WavWriter(file, channels, 48000, SampleFormat.S16, 7)) {
			for (int s = 0; s < seconds; s++) {
				for (int c = 0; c < channels; c++) {
					for (int i = 0; i < block; i++) {
						x[c][i] = (float) (0.5 * Math.sin(2 * Math.PI * (220 + 110 * c + s) * i / 48000.0));
					}
				}
				w.write(x, 0, block);
			}
		}
	}

	/** Where the classes of the engine, dsp, audio.io, the effect SPI and these tests come from, as a class path. */
	private static String classPath() throws URISyntaxException {
		Set<String> entries = new LinkedHashSet<>();
		for (Class<?> c : List.of(Engine.class, PanLaw.class, AudioFiles.class,
				org.mixtree.effects.api.Effect.class, StreamingRenderMain.class)) {
			Path base = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			String resource = c.getName().replace('.', '/') + ".class";
			Path found = null;
			for (Path candidate : List.of(base, base.resolve("bin"), base.resolve("target/classes"),
					base.resolve("target/test-classes"))) {
				if (Files.isRegularFile(candidate) || Files.isRegularFile(candidate.resolve(resource))) {
					found = candidate;
					break;
				}
			}
			assertTrue(found != null, "no class path entry for " + c.getName() + " under " + base);
			entries.add(found.toString());
		}
		return String.join(File.pathSeparator, entries);
	}

	private record Run(long frames, long peakHeap, double realtime) {
	}

	private Run fork(Path sources, Path out) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath(),
				StreamingRenderMain.class.getName(), sources.toString(), "64", out.toString()));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		boolean done = p.waitFor(10, TimeUnit.MINUTES);
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(done, "render did not finish: " + output);
		assertEquals(0, p.exitValue(), output);
		Matcher m = Pattern.compile("frames=(\\d+) peakHeapBytes=(\\d+) realtime=(\\S+)").matcher(output);
		assertTrue(m.find(), output);
		return new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Double.parseDouble(m.group(3)));
	}

	@Test
	void sixtyFourTracksOfTenMinutesIn256MegabytesOfHeap() throws Exception {
		Path ten = Files.createDirectories(dir.resolve("ten"));
		writeSource(ten.resolve("mono.wav"), 1, 600);
		writeSource(ten.resolve("stereo.wav"), 2, 600);
		Path one = Files.createDirectories(dir.resolve("one"));
		writeSource(one.resolve("mono.wav"), 1, 60);
		writeSource(one.resolve("stereo.wav"), 2, 60);

		Run shortRun = fork(one, dir.resolve("one.wav"));
		Files.delete(dir.resolve("one.wav"));
		Run longRun = fork(ten, dir.resolve("ten.wav"));
		assertEquals(600L * 48000, longRun.frames);
		assertEquals(60L * 48000, shortRun.frames);
		long data = 600L * 48000 * 2 * 2; // s16 stereo
		long size = Files.size(dir.resolve("ten.wav"));
		assertTrue(size > data && size < data + 256, "file of " + size + " bytes for " + data + " bytes of samples");
		System.out.printf("64 tracks: peak heap %.1f MB for 1 min, %.1f MB for 10 min; %.0fx real time%n",
				shortRun.peakHeap / 1e6, longRun.peakHeap / 1e6, longRun.realtime);
		// ten times the audio, same memory: allow 16 MB for the meter's block history and GC noise
		assertTrue(longRun.peakHeap < shortRun.peakHeap + 16_000_000,
				"peak heap grew from " + shortRun.peakHeap + " to " + longRun.peakHeap + " bytes");
	}
}
