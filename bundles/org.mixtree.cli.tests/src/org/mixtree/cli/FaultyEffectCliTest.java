package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;

/**
 * Fault isolation proven with the deliberately faulty effect bundle ({@code org.mixtree.examples.faulty}, a real
 * OSGi service): an insert that throws, outputs NaN/Inf or is too slow is bypassed, the render goes to the end
 * and names it in one warning, the audio equals the render without that insert (a bypassed insert passes its
 * input, and the faulty effect has no latency), and the session file is untouched.
 */
class FaultyEffectCliTest {

	static final String FAULTY = "org.mixtree.test.faulty";
	static final int FRAMES = 9600;

	@TempDir
	Path dir;
	Path session;
	String s;

	@BeforeEach
	void session() throws IOException {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		stem(stems.resolve("Kick.wav"), 1, 1);
		stem(stems.resolve("Bass DI.wav"), 2, 2);
		stem(stems.resolve("Lead Vox.wav"), 1, 3);
		session = dir.resolve("song.mixtree");
		s = session.toString();
		CliEndToEndTest.ok("new", s, "--stems", stems.toString());
	}

	private static void stem(Path file, int channels, int seed) throws IOException {
		float[][] x = new float[channels][FRAMES];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < FRAMES; i++) {
				x[c][i] = (float) (0.2 * Math.sin(i * 0.01 * (seed + c)) + 0.05 * Math.sin(i * 0.37 * seed));
			}
		}
		try (WavWriter w = new WavWriter(file, channels, 48000, SampleFormat.F32, 1)) {
			w.write(x, 0, FRAMES);
		}
	}

	private float[][] render(String name, List<String> warnings) throws IOException {
		Path out = dir.resolve(name);
		Result r = CliEndToEndTest.ok("render", s, "-o", out.toString());
		r.err().lines().filter(l -> l.startsWith("mixtree: warning: ")).forEach(warnings::add);
		return CliEndToEndTest.read(out);
	}

	@Test
	void faultyEffectIsRegisteredInTheTestRuntime() {
		// fails when org.mixtree.examples.faulty is not in the runtime or its DS component did not start
		assertTrue(EffectCatalog.osgi().find(FAULTY).isPresent(), FAULTY + " is not registered");
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "throw, bus:Drums, mode=throw", "nan, track:Bass DI, mode=nan", "slow, bus:Vocals, mode=slow",
			"throw, master, mode=throw" })
	void faultyInsertIsBypassedNamedAndTheRenderGoesOn(String mode, String target, String setting) throws Exception {
		// slow: 20x real time, beyond the default budget of 10x the block's duration
		List<String> params = mode.equals("slow") ? List.of(setting, "slowness=20") : List.of(setting);
		CliEndToEndTest.ok("insert", "add", s, target, "org.mixtree.utility");
		String[] add = new String[5 + params.size()];
		add[0] = "insert";
		add[1] = "add";
		add[2] = s;
		add[3] = target;
		add[4] = FAULTY;
		for (int i = 0; i < params.size(); i++) {
			add[5 + i] = params.get(i);
		}
		CliEndToEndTest.ok(add);
		byte[] before = Files.readAllBytes(session);
		List<String> warnings = new java.util.ArrayList<>();
		float[][] faulty = render("faulty.wav", warnings);
		assertArrayEquals(before, Files.readAllBytes(session), "the session is not written by a render");
		assertEquals(1, warnings.size(), warnings.toString());
		String w = warnings.get(0);
		// the engine names the master by its bus name
		String label = target;
		assertTrue(w.startsWith("mixtree: warning: " + label + " slot 2 (" + FAULTY + "): "), w);
		assertTrue(w.contains("bypassed"), w);
		assertTrue(w.contains(switch (mode) {
		case "throw" -> "threw IllegalStateException";
		case "nan" -> "output NaN";
		default -> "took ";
		}), w);
		assertEquals(FRAMES, faulty[0].length, "rendered to the end");

		CliEndToEndTest.ok("insert", "remove", s, target, "2");
		List<String> none = new java.util.ArrayList<>();
		float[][] clean = render("clean.wav", none);
		assertEquals(List.of(), none);
		// identical, the faulty channel included: its insert passed its input
		assertArrayEquals(clean[0], faulty[0]);
		assertArrayEquals(clean[1], faulty[1]);
	}

	@Test
	void uninstalledEffectSilencesItsChannelWithAWarningNamingIt() throws Exception {
		CliEndToEndTest.ok("insert", "add", s, "bus:Drums", "org.mixtree.utility", "gain=-6");
		List<String> none = new java.util.ArrayList<>();
		CliEndToEndTest.ok("set", s, "bus:Drums", "mute=true");
		float[][] muted = render("muted.wav", none);
		CliEndToEndTest.ok("set", s, "bus:Drums", "mute=false");
		Files.writeString(session, Files.readString(session).replace("org.mixtree.utility", "org.example.gone"));
		byte[] before = Files.readAllBytes(session);
		List<String> warnings = new java.util.ArrayList<>();
		float[][] missing = render("missing.wav", warnings);
		assertEquals(List.of("mixtree: warning: bus:Drums slot 1 (org.example.gone): effect not installed; bus:Drums is silent"),
				warnings);
		assertArrayEquals(before, Files.readAllBytes(session));
		assertEquals(FRAMES, missing[0].length);
		// a chain is not played without one of its effects (info says why: insert 1 (org.example.gone) is missing)
		assertArrayEquals(muted[0], missing[0], "a missing effect silences its channel as a mute would");
		assertArrayEquals(muted[1], missing[1]);
	}
}
