package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;

/**
 * The disk filling up during a render: {@code mixtree render} onto a 2 MB tmpfs (a real "no space left on device"
 * from the kernel, part way through the mix) fails with one line naming the output and the cause, exit 1, and leaves
 * nothing in the output's folder, not even its temporary file. Where mounting is refused (a container without the
 * capability), the same render runs in a child process under {@code ulimit -f} (the kernel refuses the write past the
 * limit: "File too large"); the test never skips. It prints which of the two it used.
 */
class RenderDiskFullCliTest {

	@TempDir
	Path dir;

	@Test
	void aRenderThatFillsTheDiskFailsWithOneLineAndLeavesNoFile() throws Exception {
		Path stems = Files.createDirectories(dir.resolve("stems"));
		// 8 s of stereo 32-bit float at 48 kHz: the mix is 3 MB, more than the 2 MB the output may take
		int rate = 48000, frames = 8 * rate;
		float[][] x = new float[2][frames];
		for (int i = 0; i < frames; i++) {
			x[0][i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate));
			x[1][i] = (float) (0.3 * Math.sin(2 * Math.PI * 330 * i / rate));
		}
		try (WavWriter w = new WavWriter(stems.resolve("Pad.wav"), 2, rate, SampleFormat.F32, 1)) {
			w.write(x, 0, frames);
		}
		Path session = dir.resolve("full.mixtree");
		CliEndToEndTest.ok("new", session.toString(), "--stems", stems.toString());
		Path small = Files.createDirectories(dir.resolve("small"));
		Path out = small.resolve("mix.wav");
		String[] args = { "render", session.toString(), "-o", out.toString() };
		Result r;
		String how;
		if (run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString()) == 0) {
			how = "a 2 MB tmpfs";
			try {
				r = CliEndToEndTest.cli(args);
				assertEquals(List.of(), list(small), "nothing is left on the full disk");
			} finally {
				assertEquals(0, run("umount", small.toString()), "the tmpfs is unmounted");
			}
		} else {
			how = "ulimit -f 2048 (mount refused)";
			r = childUnderFileLimit(2048, args);
			assertEquals(List.of(), list(small), "nothing is left past the file size limit");
		}
		System.out.println("render onto a full disk, " + how + ": " + r.err().strip());
		assertEquals(1, r.code(), how + ": " + r.err());
		String[] lines = r.err().strip().split("\n");
		assertEquals(1, lines.length, "one line: " + r.err());
		assertTrue(lines[0].startsWith("mixtree: " + out + ": "), lines[0]);
		assertTrue(lines[0].contains(how.startsWith("a 2 MB") ? "No space left on device" : "File too large"), lines[0]);
		assertTrue(!lines[0].contains("Exception") && !lines[0].contains("\tat "), lines[0]);
	}

	private static List<String> list(Path folder) throws IOException {
		try (var s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).toList();
		}
	}

	private static int run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command));
		if (p.exitValue() != 0) {
			System.out.println(String.join(" ", command) + ": " + text.strip());
		}
		return p.exitValue();
	}

	/** The command line in a plain JVM ({@link CliChild}) whose files may not grow past {@code blocks} KiB. */
	private Result childUnderFileLimit(int blocks, String... args) throws Exception {
		Path own = dir.resolve("child-classes");
		Path main = own.resolve(CliChild.class.getName().replace('.', '/') + ".class");
		try (InputStream in = CliChild.class.getResourceAsStream("CliChild.class")) {
			Files.createDirectories(main.getParent());
			Files.copy(in, main);
		}
		Set<String> path = new LinkedHashSet<>();
		path.add(own.toString());
		for (Class<?> c : List.of(Cli.class, SessionStore.class, SessionEditing.class, WavWriter.class,
				org.mixtree.engine.GraphException.class, org.mixtree.dsp.TpdfDither.class,
				org.mixtree.effects.api.EffectDescriptor.class, org.mixtree.session.SessionGraph.class, URI.class,
				EObject.class, XMIResource.class, EditingDomain.class, picocli.CommandLine.class)) {
			path.add(ConcurrentEditsCliTest.classRoot(c));
		}
		List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f " + blocks + " && exec \"$@\"", "bash",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-cp",
				String.join(File.pathSeparator, path), CliChild.class.getName(), "cli"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).start();
		byte[] err = p.getErrorStream().readAllBytes();
		byte[] o = p.getInputStream().readAllBytes();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
		return new Result(p.exitValue(), new String(o, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
	}
}
