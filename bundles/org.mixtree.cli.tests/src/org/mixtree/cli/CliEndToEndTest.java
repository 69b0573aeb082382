package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;

/**
 * The command line end to end, in process, on real files: stems written as WAV, sessions saved as XMI, mixes
 * rendered by the engine and read back (and checked against sox where an independent mix is needed).
 */
class CliEndToEndTest {

	record Result(int code, String out, String err) {
	}

	@TempDir
	Path dir;
	Path stems;
	Path session;
	/** the samples written per stem file name, planar */
	final Map<String, float[][]> written = new HashMap<>();

	static final int RATE = 48000;
	static final int FRAMES = 4800;

	@BeforeEach
	void stems() throws IOException {
		stems = dir.resolve("stems");
		Files.createDirectories(stems);
		session = dir.resolve("song.mixtree");
	}

	static Result cli(String... args) {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int code = Cli.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
		return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	static Result ok(String... args) {
		Result r = cli(args);
		assertEquals(0, r.code, () -> String.join(" ", args) + " failed: " + r.err);
		return r;
	}

	/** Writes a stem of deterministic noise-like content (a sum of incommensurate sines) and remembers it. */
	void stem(String name, int channels, double amplitude, int seed) throws IOException {
		float[][] x = new float[channels][FRAMES];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < FRAMES; i++) {
				double t = i / (double) RATE;
				x[c][i] = (float) (amplitude * (0.5 * Math.sin(2 * Math.PI * (110 + 37 * seed + 13 * c) * t)
						+ 0.3 * Math.sin(2 * Math.PI * (1234.5 + 101 * seed) * t + c)));
			}
		}
		try (WavWriter w = new WavWriter(stems.resolve(name), channels, RATE, SampleFormat.F32, 1)) {
			w.write(x, 0, FRAMES);
		}
		written.put(name, x);
	}

	static float[][] read(Path file) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			float[][] x = new float[r.channels()][(int) r.frames()];
			int n = 0;
			while (n < r.frames()) {
				int got = r.read(x, n, (int) Math.min(4096, r.frames() - n));
				assertTrue(got > 0);
				n += got;
			}
			return x;
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> channels(String json) {
		Map<String, Object> root = (Map<String, Object>) MiniJson.parse(json);
		Map<String, Map<String, Object>> byAddress = new HashMap<>();
		for (Object o : (List<Object>) root.get("channels")) {
			Map<String, Object> c = (Map<String, Object>) o;
			String kind = (String) c.get("kind");
			byAddress.put(kind.equals("master") ? "master" : kind + ":" + c.get("name"), c);
		}
		return byAddress;
	}

	// ------------------------------------------------------------------------------------------- new, info

	@Test
	void newAutoGroupsStemsTopDown() throws Exception {
		for (String n : List.of("Kick.wav", "Snare_Top.wav", "Shaker.wav", "Bass DI.wav", "Acoustic Gtr.wav",
				"El Gtr 2.wav", "Gtr Fx.wav", "Piano.wav", "Lead Vox.wav", "Riser.wav")) {
			stem(n, 1, 0.1, n.length());
		}
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "auto");
		Result info = ok("info", session.toString(), "--json");
		@SuppressWarnings("unchecked")
		Map<String, Object> root = (Map<String, Object>) MiniJson.parse(info.out);
		assertEquals(48000.0, root.get("sampleRate"));
		Map<String, Map<String, Object>> ch = channels(info.out);
		// the expected routing, written out from the issue's grouping rule
		Map<String, String> expected = Map.ofEntries(Map.entry("track:Kick", "bus:Drums"),
				Map.entry("track:Snare_Top", "bus:Drums"), Map.entry("track:Shaker", "bus:Percussion"),
				Map.entry("track:Bass DI", "bus:Bass"), Map.entry("track:Acoustic Gtr", "bus:Acoustics"),
				Map.entry("track:El Gtr 2", "bus:Electrics"), Map.entry("track:Gtr Fx", "bus:Guitars"),
				Map.entry("track:Piano", "bus:Keys"), Map.entry("track:Lead Vox", "bus:Vocals"),
				Map.entry("track:Riser", "bus:FX"), Map.entry("bus:Acoustics", "bus:Guitars"),
				Map.entry("bus:Electrics", "bus:Guitars"), Map.entry("bus:Drums", "master"),
				Map.entry("bus:Percussion", "master"), Map.entry("bus:Bass", "master"), Map.entry("bus:Guitars", "master"),
				Map.entry("bus:Keys", "master"), Map.entry("bus:Vocals", "master"), Map.entry("bus:FX", "master"));
		for (Map.Entry<String, String> e : expected.entrySet()) {
			assertTrue(ch.containsKey(e.getKey()), e.getKey() + " missing in " + info.out);
			assertEquals(e.getValue(), ch.get(e.getKey()).get("output"), e.getKey());
		}
		assertEquals(expected.size() + 1, ch.size(), "only buses that receive something are created");
		assertNull(ch.get("master").get("output"));
		assertTrue(ch.get("master").containsKey("output"));
		Map<String, Object> kick = ch.get("track:Kick");
		assertEquals("stems/Kick.wav", kick.get("source"));
		assertEquals(0.0, kick.get("gainDb"));
		assertEquals(0.0, kick.get("pan"));
		assertEquals(false, kick.get("mute"));
		assertEquals(false, kick.get("solo"));
		assertEquals(false, kick.get("polarity"));
		assertEquals(List.of(), kick.get("inserts"));
		assertFalse(ch.get("bus:Drums").containsKey("source"));

		String tree = ok("info", session.toString()).out;
		// nested buses are indented below the bus they feed, tracks below their bus
		List<String> lines = tree.lines().toList();
		int guitars = indexOf(lines, "Guitars");
		int acoustics = indexOf(lines, "Acoustics");
		int acGtr = indexOf(lines, "Acoustic Gtr");
		assertTrue(guitars < acoustics && acoustics < acGtr, tree);
		assertTrue(indent(lines.get(acoustics)) > indent(lines.get(guitars)), tree);
		assertTrue(indent(lines.get(acGtr)) > indent(lines.get(acoustics)), tree);
	}

	private static int indexOf(List<String> lines, String name) {
		for (int i = 0; i < lines.size(); i++) {
			String l = lines.get(i).replaceAll("^[\\s│├└─]+", "");
			if (l.startsWith(name + " ")) {
				return i;
			}
		}
		throw new AssertionError(name + " not in tree:\n" + String.join("\n", lines));
	}

	private static int indent(String line) {
		int i = 0;
		while (i < line.length() && " │├└─".indexOf(line.charAt(i)) >= 0) {
			i++;
		}
		return i;
	}

	@Test
	void newFlatRoutesEveryTrackToTheMaster() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		stem("vox.wav", 1, 0.1, 2);
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat", "--rate", "44100");
		Result info = ok("info", session.toString(), "--json");
		Map<String, Map<String, Object>> ch = channels(info.out);
		assertEquals(3, ch.size());
		assertEquals("master", ch.get("track:kick").get("output"));
		assertEquals("master", ch.get("track:vox").get("output"));
		assertTrue(info.out.contains("\"sampleRate\": 44100"), info.out);
	}

	// ----------------------------------------------------------------------------------------- set, bus

	@Test
	void setAndBusCommandsEditTheSession() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		stem("snare.wav", 1, 0.1, 2);
		stem("lead vox.wav", 1, 0.1, 3);
		ok("new", session.toString(), "--stems", stems.toString());
		ok("set", session.toString(), "track:kick", "gain=-6.5", "pan=-0.25", "mute=true", "polarity=true");
		ok("set", session.toString(), "bus:Vocals", "gain=-inf", "solo=true");
		ok("bus", "add", session.toString(), "Kit", "--output", "bus:Drums");
		ok("set", session.toString(), "track:snare", "output=bus:Kit");
		Map<String, Map<String, Object>> ch = channels(ok("info", session.toString(), "--json").out);
		assertEquals(-6.5, ch.get("track:kick").get("gainDb"));
		assertEquals(-0.25, ch.get("track:kick").get("pan"));
		assertEquals(true, ch.get("track:kick").get("mute"));
		assertEquals(true, ch.get("track:kick").get("polarity"));
		assertEquals("-inf", ch.get("bus:Vocals").get("gainDb"), "strict JSON: -inf as a string");
		assertEquals(true, ch.get("bus:Vocals").get("solo"));
		assertEquals("bus:Drums", ch.get("bus:Kit").get("output"));
		assertEquals("bus:Kit", ch.get("track:snare").get("output"));

		ok("bus", "remove", session.toString(), "Kit");
		ch = channels(ok("info", session.toString(), "--json").out);
		assertFalse(ch.containsKey("bus:Kit"));
		assertEquals("bus:Drums", ch.get("track:snare").get("output"), "a removed bus's inputs move to its output");
		ok("set", session.toString(), "bus:Drums", "output=master");
		ok("bus", "remove", session.toString(), "bus:Drums");
		ch = channels(ok("info", session.toString(), "--json").out);
		assertEquals("master", ch.get("track:kick").get("output"));
	}

	/** Each command's arguments are separated by commas; SESSION stands for the session file. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			set,SESSION,track:kick,gain=loud           | 'loud'
			set,SESSION,track:kick,gain=NaN            | 'NaN'
			set,SESSION,track:kick,gain=30             | 30
			set,SESSION,track:kick,pan=1.5             | 1.5
			set,SESSION,track:kick,mute=maybe          | 'maybe'
			set,SESSION,track:kick,volume=3            | 'volume'
			set,SESSION,track:nobody,gain=0            | 'nobody'
			set,SESSION,bus:Nowhere,gain=0             | 'Nowhere'
			set,SESSION,track:kick,output=bus:Nope     | 'Nope'
			set,SESSION,track:kick,output=track:lead vox | track
			set,SESSION,bus:Drums,output=bus:Inner     | cycle
			set,SESSION,track:kick,gain=-3,pan=7       | 7
			bus,add,SESSION,Drums                      | Drums
			bus,add,SESSION,New,--output,bus:Nope      | 'Nope'
			bus,remove,SESSION,Nope                    | 'Nope'
			bus,remove,SESSION,master                  | master
			""")
	void refusedCommandsLeaveTheSessionByteIdentical(String command, String named) throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		stem("lead vox.wav", 1, 0.1, 3);
		ok("new", session.toString(), "--stems", stems.toString());
		ok("bus", "add", session.toString(), "Inner", "--output", "bus:Drums");
		byte[] before = Files.readAllBytes(session);
		String[] args = command.split(",");
		for (int i = 0; i < args.length; i++) {
			args[i] = args[i].equals("SESSION") ? session.toString() : args[i];
		}
		Result r = cli(args);
		assertTrue(r.code != 0, command + " should be refused");
		assertEquals(1, r.err.strip().lines().count(), "one line: " + r.err);
		assertTrue(r.err.contains(named), "message names " + named + ": " + r.err);
		assertFalse(r.err.contains("Exception"), "no stack trace: " + r.err);
		assertArrayEquals(before, Files.readAllBytes(session), "session unchanged after: " + command);
		try (var s = Files.list(dir)) {
			assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("tmp")).toList(), "no temp files");
		}
	}

	// ------------------------------------------------------------------------------------------- render

	@Test
	void nullTestStemsAtUnityAndCentreEqualTheirPlainSum() throws Exception {
		stem("pad.wav", 2, 0.2, 1);
		stem("keys.wav", 2, 0.2, 2);
		stem("vox.wav", 2, 0.2, 3);
		ok("new", session.toString(), "--stems", stems.toString());
		Path mix = dir.resolve("mix.wav");
		Result r = ok("render", session.toString(), "-o", mix.toString());
		float[][] y = read(mix);
		assertEquals(2, y.length);
		assertEquals(FRAMES, y[0].length);
		double maxErr = 0;
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < FRAMES; i++) {
				double sum = 0; // independent sum of what was written (stereo at centre: balance gain 1)
				for (float[][] x : written.values()) {
					sum += x[c][i];
				}
				maxErr = Math.max(maxErr, Math.abs(sum - y[c][i]));
			}
		}
		assertTrue(maxErr < 1e-6, "max |mix - sum| = " + maxErr);
		assertTrue(r.out.contains("LUFS") && r.out.contains("dBFS") && r.out.contains("realtime"), r.out);
	}

	@Test
	void renderMatchesSoxMixOfTheSameStems() throws Exception {
		stem("a.wav", 2, 0.2, 1);
		stem("b.wav", 2, 0.2, 2);
		ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		ok("set", session.toString(), "track:a", "gain=-6");
		Path mix = dir.resolve("mix.wav");
		ok("render", session.toString(), "-o", mix.toString());
		// sox: -v scales each input linearly; 10^(-6/20) = 0.501187...
		Path ref = dir.resolve("sox.wav");
		run("sox", "-m", "-v", "0.5011872336272722", stems.resolve("a.wav").toString(), "-v", "1",
				stems.resolve("b.wav").toString(), "-e", "floating-point", "-b", "32", ref.toString());
		float[][] y = read(mix);
		float[][] s = read(ref);
		double maxErr = 0;
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < FRAMES; i++) {
				maxErr = Math.max(maxErr, Math.abs(s[c][i] - y[c][i]));
			}
		}
		// sox mixes in 32-bit integer: its result carries about 2^-31 of rounding
		assertTrue(maxErr < 1e-6, "max |mixtree - sox| = " + maxErr);
	}

	@ParameterizedTest
	@CsvSource({ "s16, 16", "s24, 24", "f32, 32" })
	void renderFormatsAreWhatSoxReads(String format, String bits) throws Exception {
		stem("a.wav", 1, 0.3, 1);
		ok("new", session.toString(), "--stems", stems.toString());
		Path mix = dir.resolve("mix-" + format + ".wav");
		ok("render", session.toString(), "-o", mix.toString(), "--format", format);
		assertEquals(bits, run("sox", "--i", "-b", mix.toString()).strip());
		assertEquals(String.valueOf(FRAMES), run("sox", "--i", "-s", mix.toString()).strip());
	}

	@Test
	void renderWritesOneStemPerTopLevelBus() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		stem("bass.wav", 1, 0.1, 2);
		stem("el gtr.wav", 1, 0.1, 3);
		ok("new", session.toString(), "--stems", stems.toString());
		Path out = dir.resolve("busstems");
		ok("render", session.toString(), "-o", dir.resolve("mix.wav").toString(), "--stems", out.toString());
		try (var s = Files.list(out)) {
			assertEquals(List.of("Bass.wav", "Drums.wav", "Guitars.wav"),
					s.map(p -> p.getFileName().toString()).sorted().toList());
		}
		// the bus stems sum to the mix (all at unity, master at unity)
		float[][] mix = read(dir.resolve("mix.wav"));
		float[][] a = read(out.resolve("Bass.wav"));
		float[][] b = read(out.resolve("Drums.wav"));
		float[][] c = read(out.resolve("Guitars.wav"));
		for (int i = 0; i < FRAMES; i++) {
			assertEquals(mix[0][i], a[0][i] + b[0][i] + c[0][i], 1e-6);
		}
	}

	// ----------------------------------------------------------------------------------------- bad input

	@Test
	void missingStemIsNamedAndNoOutputIsLeft() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		stem("snare.wav", 1, 0.1, 2);
		ok("new", session.toString(), "--stems", stems.toString());
		Files.delete(stems.resolve("snare.wav"));
		Path mix = dir.resolve("mix.wav");
		Result r = cli("render", session.toString(), "-o", mix.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("snare.wav"), r.err);
		assertEquals(1, r.err.strip().lines().count(), r.err);
		assertFalse(Files.exists(mix));
		assertNoTempFiles();
	}

	@Test
	void truncatedStemIsNamedAndNoOutputIsLeft() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		ok("new", session.toString(), "--stems", stems.toString());
		Path kick = stems.resolve("kick.wav");
		byte[] bytes = Files.readAllBytes(kick);
		Files.write(kick, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		Path mix = dir.resolve("mix.wav");
		Result r = cli("render", session.toString(), "-o", mix.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("kick.wav") && r.err.contains("truncated"), r.err);
		assertFalse(Files.exists(mix));
	}

	@Test
	void unsupportedStemIsRefusedByNew() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		run("sox", "-n", "-r", "48000", "-b", "8", "-e", "unsigned-integer", stems.resolve("old.wav").toString(), "synth",
				"0.1", "sine", "440");
		Result r = cli("new", session.toString(), "--stems", stems.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("old.wav") && r.err.contains("8-bit"), r.err);
		assertFalse(Files.exists(session));
	}

	@Test
	void flacStemsAreTakenAndTheRestIsNamed() throws Exception {
		// Kick as FLAC, made by the reference encoder from a 24-bit WAV kept outside the stems folder
		float[][] kick = new float[1][FRAMES];
		for (int i = 0; i < FRAMES; i++) {
			kick[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 60 * i / RATE) * Math.exp(-i / 2000.0));
		}
		Path kickWav = dir.resolve("kick-source.wav");
		try (WavWriter w = new WavWriter(kickWav, 1, RATE, SampleFormat.S24, 1)) {
			w.write(kick, 0, FRAMES);
		}
		run("flac", "-s", "-5", kickWav.toString(), "-o", stems.resolve("Kick.flac").toString());
		stem("Snare.wav", 1, 0.1, 2);
		Files.writeString(stems.resolve("notes.txt"), "kick is too loud\n");
		Files.writeString(stems.resolve("Kick.mp3"), "the MP3 the client sent first");
		Files.writeString(stems.resolve(".DS_Store"), "x");
		Files.createDirectory(stems.resolve("old takes"));

		Result r = ok("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		assertTrue(r.out.startsWith("created " + session + ": 2 tracks"), r.out);
		List<String> notUsed = r.out.lines().filter(l -> l.startsWith("not used: ")).toList();
		assertEquals(List.of("not used: Kick.mp3 (MP3 is not read: convert it to WAV or FLAC), notes.txt (not an audio"
				+ " file), old takes (a folder: subfolders are not searched), .DS_Store (hidden)"), notUsed, r.out);
		Map<String, Map<String, Object>> ch = channels(ok("info", session.toString(), "--json").out);
		assertTrue(ch.containsKey("track:Kick") && ch.containsKey("track:Snare"), ch.keySet().toString());
		assertEquals(3, ch.size(), "two tracks and the master: " + ch.keySet());

		// the FLAC track plays what the WAV it came from holds: Snare muted, Kick at 0 dB in the centre of a
		// mono-to-stereo pan law of -3 dB
		ok("set", session.toString(), "track:Snare", "mute=true");
		Path mix = dir.resolve("mix.wav");
		ok("render", session.toString(), "-o", mix.toString());
		float[][] source = read(kickWav);
		float[][] out = read(mix);
		double g = Math.sqrt(0.5);
		double maxErr = 0;
		for (int c = 0; c < 2; c++) {
			for (int i = 0; i < FRAMES; i++) {
				maxErr = Math.max(maxErr, Math.abs(out[c][i] - source[0][i] * g));
			}
		}
		assertTrue(maxErr < 1e-6, "max |mix - kick * cos(pi/4)| = " + maxErr);
	}

	@Test
	void folderWithoutReadableStemsSaysWhatItHolds() throws Exception {
		Files.writeString(stems.resolve("Song.mp3"), "not really");
		Result r = cli("new", session.toString(), "--stems", stems.toString());
		assertEquals(1, r.code);
		assertEquals("mixtree: " + stems + ": no audio files (.wav .wave .bwf .rf64 .aif .aiff .aifc .flac); not used:"
				+ " Song.mp3 (MP3 is not read: convert it to WAV or FLAC)", r.err.strip());
		assertFalse(Files.exists(session));
	}

	@Test
	void brokenFlacStemFailsNew() throws Exception {
		stem("Snare.wav", 1, 0.1, 2);
		Files.write(stems.resolve("Kick.flac"), "fLaC but nothing else".getBytes(StandardCharsets.US_ASCII));
		Result r = cli("new", session.toString(), "--stems", stems.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.startsWith("mixtree: " + stems.resolve("Kick.flac") + ": corrupt header"), r.err);
		assertEquals(1, r.err.strip().lines().count(), r.err);
		assertFalse(Files.exists(session));

		// a FLAC stem cut short (a copy that did not finish) is refused by new, as a short WAV stem is
		Path wav = dir.resolve("kick24.wav");
		run("sox", "-R", "-n", "-r", "48000", "-c", "1", "-b", "24", wav.toString(), "synth", "3", "pinknoise");
		run("flac", "-s", "-f", wav.toString(), "-o", stems.resolve("Kick.flac").toString());
		byte[] flac = Files.readAllBytes(stems.resolve("Kick.flac"));
		Files.write(stems.resolve("Kick.flac"), java.util.Arrays.copyOf(flac, flac.length / 2));
		r = cli("new", session.toString(), "--stems", stems.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.startsWith("mixtree: " + stems.resolve("Kick.flac") + ": truncated file: it ends at byte "
				+ flac.length / 2 + " inside frame "), r.err);
		assertEquals(1, r.err.strip().lines().count(), r.err);
		assertFalse(Files.exists(session));
	}

	@Test
	void corruptSessionFileNamesTheLine() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		ok("new", session.toString(), "--stems", stems.toString());
		List<String> lines = new ArrayList<>(Files.readAllLines(session));
		lines.set(3, lines.get(3).replace("=\"", "=\"<"));
		Files.write(session, lines);
		Result r = cli("info", session.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains(session.getFileName().toString() + ":4"), "names line 4: " + r.err);
		Result r2 = cli("set", session.toString(), "track:kick", "gain=-1");
		assertEquals(1, r2.code);
	}

	@Test
	void unwritableOutputIsNamed() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		ok("new", session.toString(), "--stems", stems.toString());
		Path out = dir.resolve("no/such/dir/mix.wav");
		Result r = cli("render", session.toString(), "-o", out.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains(out.getParent().toString()), r.err);
		Result r2 = cli("render", session.toString(), "-o", dir.toString());
		assertEquals(1, r2.code);
		assertTrue(r2.err.contains("directory"), r2.err);
	}

	@Test
	void usageErrorsExitWithTwo() {
		assertEquals(2, cli().code);
		assertEquals(2, cli("frobnicate").code);
		assertEquals(2, cli("render", "x.mixtree").code);
		assertEquals(2, cli("new", "x.mixtree").code);
		Result r = cli("info", dir.resolve("missing.mixtree").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("missing.mixtree"), r.err);
	}

	@Test
	void existingSessionIsNotReplacedWithoutForce() throws Exception {
		stem("kick.wav", 1, 0.1, 1);
		ok("new", session.toString(), "--stems", stems.toString());
		byte[] before = Files.readAllBytes(session);
		Result r = cli("new", session.toString(), "--stems", stems.toString(), "--group", "flat");
		assertEquals(1, r.code);
		assertTrue(r.err.contains("already exists"), r.err);
		assertArrayEquals(before, Files.readAllBytes(session));
	}

	private void assertNoTempFiles() throws IOException {
		try (var s = Files.walk(dir)) {
			List<Path> junk = s.filter(p -> p.getFileName().toString().contains(".tmp")
					|| p.getFileName().toString().startsWith(".mix")).toList();
			assertEquals(List.of(), junk);
		}
	}

	static String run(String... command) throws Exception {
		Process p;
		try {
			p = new ProcessBuilder(command).redirectErrorStream(true).start();
		} catch (IOException e) {
			throw new AssertionError(command[0] + " is needed for this test (apt-get install " + command[0] + ")", e);
		}
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
		return out;
	}
}
