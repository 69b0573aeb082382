package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;

/**
 * Hostile sizes (issue 12, "Bad files"): headers and session files made to exhaust memory are refused with one
 * line naming the file, by the command line running in a JVM of 256 MB of heap, as a user's {@code ./mixtree}
 * would; nothing is written. Each case runs {@link CliChild} in a plain child JVM with {@code -Xmx256m}, so an
 * out-of-memory error or a stack trace would show in its exit code and standard error.
 */
class HostileFilesCliTest {
	@TempDir
	Path dir;

	record Run(int code, String err) {
	}

	/** The command line in a child JVM of 256 MB of heap. */
	Run cli256(String... args) throws Exception {
		Path own = dir.resolve("child-classes");
		Path main = own.resolve(CliChild.class.getName().replace('.', '/') + ".class");
		if (!Files.exists(main)) {
			try (InputStream in = CliChild.class.getResourceAsStream("CliChild.class")) {
				Files.createDirectories(main.getParent());
				Files.copy(in, main);
			}
		}
		Set<String> path = new LinkedHashSet<>();
		path.add(own.toString());
		for (Class<?> c : List.of(Cli.class, SessionStore.class, SessionEditing.class, WavWriter.class,
				org.mixtree.engine.GraphException.class, org.mixtree.dsp.TpdfDither.class,
				org.mixtree.effects.api.EffectDescriptor.class, org.mixtree.session.SessionGraph.class, URI.class,
				EObject.class, XMIResource.class, EditingDomain.class, picocli.CommandLine.class,
				org.osgi.framework.FrameworkUtil.class)) {
			path.add(ConcurrentEditsCliTest.classRoot(c));
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, path),
				CliChild.class.getName(), "cli"));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
		return new Run(p.exitValue(), err);
	}

	/** One line {@code mixtree: FILE: ...} naming the file and containing {@code reason}, exit 1, no trace. */
	static void refused(Run r, Path file, String reason) {
		assertEquals(1, r.code(), r.err());
		List<String> lines = r.err().lines().toList();
		assertEquals(1, lines.size(), "one line: " + r.err());
		assertTrue(lines.get(0).startsWith("mixtree: " + file), r.err());
		assertTrue(lines.get(0).contains(reason), r.err());
		assertFalse(r.err().contains("Exception") || r.err().contains("Error"), r.err());
	}

	/** A 16-bit mono WAV header with the given fields before {@code dataBytes} of data actually present. */
	static byte[] wav(int channels, int rate, long declaredData, int dataBytes) {
		ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
		b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
				.putInt(rate).putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
		b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) declaredData);
		return b.array();
	}

	Path stems(String name, byte[] content) throws IOException {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		Files.write(stems.resolve(name), content);
		return stems;
	}

	@Test
	void aWavHeaderClaiming2To32FramesIsRefused() throws Exception {
		// RF64: the ds64 chunk declares 2^32 frames of 16-bit mono (8 GiB) over 64 bytes of data
		ByteBuffer b = ByteBuffer.allocate(12 + 36 + 24 + 8 + 64).order(ByteOrder.LITTLE_ENDIAN);
		b.put("RF64".getBytes(StandardCharsets.US_ASCII)).putInt(-1).put("WAVE".getBytes(StandardCharsets.US_ASCII));
		b.put("ds64".getBytes(StandardCharsets.US_ASCII)).putInt(28).putLong(1L << 33).putLong(2L << 32).putLong(1L << 32)
				.putInt(0);
		b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
				.putInt(48000).putInt(96000).putShort((short) 2).putShort((short) 16);
		b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(-1);
		Path stems = stems("huge.wav", b.array());
		Path session = dir.resolve("song.mixtree");
		Run r = cli256("new", session.toString(), "--stems", stems.toString());
		refused(r, stems.resolve("huge.wav"), "truncated file: the data chunk declares 8589934592 bytes of audio but the file holds only 64");
		assertFalse(Files.exists(session), "no session written");

		Files.write(stems.resolve("huge.wav"), wav(1, 48000, 0xFFFFFFFFL, 64));
		refused(cli256("new", session.toString(), "--stems", stems.toString()), stems.resolve("huge.wav"),
				"declares 4294967295 bytes of audio but the file holds only 64");
		assertFalse(Files.exists(session), "no session written");
	}

	@Test
	void aWavHeaderClaiming65535ChannelsIsRefused() throws Exception {
		Path stems = stems("wide.wav", wav(65535, 48000, 64, 64));
		Path session = dir.resolve("song.mixtree");
		refused(cli256("new", session.toString(), "--stems", stems.toString()), stems.resolve("wide.wav"),
				"65535 channels: only mono and stereo files are supported");
		assertFalse(Files.exists(session), "no session written");
	}

	@Test
	void aSampleRateNoConverterServesIsRefusedAtOpen() throws Exception {
		// found by fuzzing: a 2 GHz rate made the band-limited converter's table larger than the heap
		Path stems = stems("fast.wav", wav(1, Integer.MAX_VALUE, 64, 64));
		Path session = dir.resolve("song.mixtree");
		SessionStore.save(emptySession(), session);
		Path out = dir.resolve("mix.wav");
		// a track whose stem has that rate, in a 48 kHz session
		Files.writeString(session, Files.readString(session).replace("<master", "<tracks name=\"Fast\" source=\"stems/fast.wav\"/>\n  <master"));
		byte[] before = Files.readAllBytes(session);
		Run r = cli256("render", session.toString(), "-o", out.toString());
		refused(r, stems.resolve("fast.wav"), "cannot convert 2147483647 Hz to 48000 Hz: a reduction of more than 412:1");
		assertFalse(Files.exists(out), "no output written");
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(session)), "the session is unchanged");
	}

	static org.mixtree.model.Session emptySession() {
		org.mixtree.model.Session s = org.mixtree.model.MixtreeFactory.eINSTANCE.createSession();
		s.setName("song");
		s.setSampleRate(48000);
		org.mixtree.model.Bus master = org.mixtree.model.MixtreeFactory.eINSTANCE.createBus();
		master.setName("Master");
		s.setMaster(master);
		return s;
	}

	static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
	static final String ROOT = "<mixtree:Session xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\""
			+ " xmlns:mixtree=\"http://mixtree.org/session/1.0\" name=\"big\">\n";

	@Test
	void aSessionOfAMillionChannelsIsRefusedWithin256MB() throws Exception {
		Path session = dir.resolve("million.mixtree");
		StringBuilder s = new StringBuilder(HEAD).append(ROOT);
		for (int i = 0; i < 1_000_000; i++) {
			s.append("  <tracks name=\"t").append(i).append("\"/>\n");
		}
		Files.writeString(session, s.append("  <master name=\"Master\"/>\n</mixtree:Session>\n"));
		refused(cli256("info", session.toString()), session, "larger than a session can be (at most 16 MB)");

		// the same number of elements in fewer bytes: counted before EMF builds anything
		s = new StringBuilder(HEAD).append(ROOT);
		for (int i = 0; i < 1_000_000; i++) {
			s.append("<buses/>");
		}
		Files.writeString(session, s.append("<master name=\"Master\"/></mixtree:Session>\n"));
		refused(cli256("info", session.toString()), session, "more than 250000 elements");
	}

	@Test
	void aBillionLaughsSessionIsRefusedAtItsDoctype() throws Exception {
		StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
		s.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
		for (int i = 2; i <= 9; i++) {
			s.append(" <!ENTITY lol").append(i).append(" \"");
			for (int k = 0; k < 10; k++) {
				s.append("&lol").append(i - 1).append(';');
			}
			s.append("\">\n");
		}
		s.append("]>\n").append(ROOT.replace("name=\"big\"", "name=\"&lol9;\"")).append("  <master name=\"Master\"/>\n</mixtree:Session>\n");
		Path session = dir.resolve("lol.mixtree");
		Files.writeString(session, s);
		refused(cli256("info", session.toString()), session,
				"a DOCTYPE declaration, which a session file never has (DTDs and entities are refused)");

		// an external entity would read another file into the session: refused the same way
		Files.writeString(session, "<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
				+ ROOT.replace("name=\"big\"", "name=\"&x;\"") + "  <master name=\"Master\"/>\n</mixtree:Session>\n");
		refused(cli256("info", session.toString()), session, "DTDs and entities are refused");
	}
}
