package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.command.CommandStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.cli.CliEndToEndTest.Result;
import org.mixtree.model.persistence.SessionStore;

/**
 * {@code batch SESSION [FILE|-]} end to end through the command line: a static mix typed as 17 {@code set} lines gives
 * the session the 17 single commands give ({@code info --json} and the file's bytes), a refused line leaves the file
 * byte-identical and names its line with the command's own message, stdin and comments work, only editing commands
 * run, and one undo takes the whole batch back.
 */
class BatchCliTest {

	static final int RATE = 48000;

	@TempDir
	Path dir;
	Path stems;

	/** The static mix: 17 single commands, after {@code set SESSION}. */
	static final List<List<String>> STATIC_MIX = List.of( //
			List.of("track:Kick", "gain=-2"), //
			List.of("track:Snare", "gain=-4", "pan=L10"), //
			List.of("track:HH", "gain=-9"), //
			List.of("track:HH", "pan=R30"), //
			List.of("track:Bass", "gain=-3"), //
			List.of("track:Gtr L", "gain=-6"), //
			List.of("track:Gtr L", "pan=L80"), //
			List.of("track:Gtr R", "gain=-6.5"), //
			List.of("track:Gtr R", "pan=R80"), //
			List.of("track:Lead Vox", "gain=-1"), //
			List.of("track:BGV 1", "gain=-10", "pan=L40"), //
			List.of("track:BGV 2", "gain=-10.5", "pan=R40"), //
			List.of("bus:Drums", "gain=-1.5"), //
			List.of("bus:Bass", "gain=-0.5"), //
			List.of("bus:Vocals", "solosafe=true"), //
			List.of("track:Snare", "polarity=true"), //
			List.of("master", "gain=-1", "headroom=-8"));

	/** The same 17 commands as batch lines, quoted three ways, with comments and blank lines between them. */
	static final String STATIC_MIX_BATCH = String.join("\n", //
			"# the static mix: levels and pan only", //
			"set track:Kick gain=-2", //
			"set track:Snare gain=-4 pan=L10", //
			"", //
			"set track:HH gain=-9   # the hats sit back", //
			"set track:HH pan=R30", //
			"set track:Bass gain=-3", //
			"set 'track:Gtr L' gain=-6", //
			"set 'track:Gtr L' pan=L80", //
			"set \"track:Gtr R\" gain=-6.5", //
			"set \"track:Gtr R\" pan=R80", //
			"   set track:Lead\\ Vox gain=-1", //
			"set \"track:BGV 1\" gain=-10 pan=L40", //
			"set 'track:BGV 2' gain=-10.5 pan=R40", //
			"\t# buses", //
			"set bus:Drums gain=-1.5", //
			"set bus:Bass gain=-0.5", //
			"set bus:Vocals solosafe=true", //
			"set track:Snare polarity=true", //
			"set master gain=-1 headroom=-8", //
			"");

	@BeforeEach
	void stems() throws IOException {
		stems = dir.resolve("stems");
		Files.createDirectories(stems);
		int seed = 1;
		for (String name : List.of("Kick", "Snare", "HH", "Bass", "Gtr L", "Gtr R", "Lead Vox", "BGV 1", "BGV 2")) {
			float[][] x = new float[1][4800];
			for (int i = 0; i < x[0].length; i++) {
				x[0][i] = (float) (0.1 * Math.sin(2 * Math.PI * (100 + 50 * seed) * i / RATE));
			}
			try (WavWriter w = new WavWriter(stems.resolve(name + ".wav"), 1, RATE, SampleFormat.F32, 1)) {
				w.write(x, 0, x[0].length);
			}
			seed++;
		}
	}

	/** A new auto-grouped session {@code dir/NAME/song.mixtree} over the shared stems. */
	private Path session(String folder) throws IOException {
		Path file = dir.resolve(folder).resolve("song.mixtree");
		Files.createDirectories(file.getParent());
		CliEndToEndTest.ok("new", file.toString(), "--stems", stems.toString());
		return file;
	}

	private Path batchFile(String text) throws IOException {
		Path f = Files.createTempFile(dir, "batch", ".txt");
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	static Result cli(byte[] stdin, String... args) {
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		ByteArrayOutputStream e = new ByteArrayOutputStream();
		int code = Cli.run(args, new ByteArrayInputStream(stdin), new PrintStream(o, true, StandardCharsets.UTF_8),
				new PrintStream(e, true, StandardCharsets.UTF_8));
		return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	@Test
	void seventeenSetLinesGiveTheSessionSeventeenSetCommandsGive() throws IOException {
		Path single = session("single");
		Path batched = session("batched");
		long t0 = System.nanoTime();
		List<String> printed = new ArrayList<>();
		for (List<String> words : STATIC_MIX) {
			List<String> args = new ArrayList<>(List.of("set", single.toString()));
			args.addAll(words);
			printed.add(CliEndToEndTest.ok(args.toArray(String[]::new)).out());
		}
		long t1 = System.nanoTime();
		Result r = CliEndToEndTest.ok("batch", batched.toString(), batchFile(STATIC_MIX_BATCH).toString());
		long t2 = System.nanoTime();
		System.out.println(String.format(Locale.ROOT, "17 set commands in-process: %.0f ms; one batch of 17 lines: %.0f ms",
				(t1 - t0) / 1e6, (t2 - t1) / 1e6));

		assertEquals(CliEndToEndTest.ok("info", single.toString(), "--json").out(),
				CliEndToEndTest.ok("info", batched.toString(), "--json").out());
		assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(batched), "the same file, byte for byte");
		// each line prints what its command prints alone, in order, then one line for the batch
		assertEquals(String.join("", printed) + "batch: 17 commands on " + batched + ", saved once (one step to undo)\n", r.out());
		assertEquals("", r.err());
		// and the mix is not the new session's: the batch did something
		assertTrue(CliEndToEndTest.ok("info", batched.toString(), "--json").out().contains("\"gainDb\": -6.5"));
	}

	@Test
	void aRefusedLineNineLeavesTheFileByteIdenticalAndNamesLineNine() throws IOException {
		Path s = session("s");
		byte[] before = Files.readAllBytes(s);
		// the command's own message, as it says it alone
		Result alone = CliEndToEndTest.cli("set", s.toString(), "track:Kick", "gain=loud");
		assertEquals(1, alone.code());
		assertArrayEquals(before, Files.readAllBytes(s));
		String own = alone.err().substring("mixtree: ".length());

		List<String> lines = new ArrayList<>(List.of(STATIC_MIX_BATCH.split("\n")));
		// line 9 of the file (a comment and a blank line come before it)
		assertEquals("set 'track:Gtr L' pan=L80", lines.get(8));
		lines.set(8, "set track:Kick gain=loud");
		Result r = CliEndToEndTest.cli("batch", s.toString(), batchFile(String.join("\n", lines)).toString());
		assertEquals(1, r.code(), r.err());
		assertEquals("mixtree: batch line 9: " + own, r.err());
		assertEquals("", r.out(), "nothing is said to be done when nothing was saved");
		assertArrayEquals(before, Files.readAllBytes(s), "the session file is byte-identical");

		// a usage error, a command that does not edit, an unknown command and a quote left open: the same
		for (String[] c : new String[][] { { "bus add Verb --outptu master", "unknown option '--outptu'; did you mean '--output'?" },
				{ "render -o " + dir.resolve("mix.wav"), "'render' cannot run in a batch" },
				{ "snapshot list", "'snapshot list' cannot run in a batch" }, { "info --json", "'info' cannot run in a batch" },
				{ "rendr -o x.wav", "unknown command 'rendr'; did you mean 'render'?" },
				{ "set 'track:Gtr L pan=L80", "a ' quote is not closed" },
				{ "--help", "unknown command '--help'" },
				{ "set --help", "'set' cannot run in a batch" }, { "batch other.mixtree", "'batch' cannot run in a batch" },
				{ "bus", "missing bus command: use bus add, bus remove or bus move" } }) {
			lines.set(8, c[0]);
			Result bad = CliEndToEndTest.cli("batch", s.toString(), batchFile(String.join("\n", lines)).toString());
			assertEquals(1, bad.code(), c[0]);
			assertTrue(bad.err().startsWith("mixtree: batch line 9: " + c[1]), bad.err());
			assertEquals(1, bad.err().lines().count(), bad.err());
			assertArrayEquals(before, Files.readAllBytes(s), c[0]);
		}
		assertFalse(Files.exists(dir.resolve("mix.wav")), "a refused render line rendered nothing");
	}

	@Test
	void aLineRefusedByTheModelAfterEarlierLinesRanLeavesTheFileAsItWas() throws IOException {
		Path s = session("s");
		byte[] before = Files.readAllBytes(s);
		// lines 1 to 3 run (a bus is added, a send made), line 4 is refused by the command itself: a routing cycle
		Result r = CliEndToEndTest.cli("batch", s.toString(), batchFile(String.join("\n", //
				"bus add Verb", //
				"send add 'track:Lead Vox' bus:Verb --level -12", //
				"set bus:Drums output=bus:Verb", //
				"set bus:Verb output=bus:Drums")).toString());
		assertEquals(1, r.code(), r.err());
		assertTrue(r.err().startsWith("mixtree: batch line 4: "), r.err());
		assertEquals(1, r.err().lines().count(), r.err());
		assertArrayEquals(before, Files.readAllBytes(s));
	}

	@Test
	void readsStdinWithADashOrNoFileAndSkipsComments() throws IOException {
		Path s = session("s");
		byte[] text = "# from stdin\nbus add 'FX Returns'   # a return\n\nset 'bus:FX Returns' gain=-3\n".getBytes(StandardCharsets.UTF_8);
		Result r = cli(text, "batch", s.toString(), "-");
		assertEquals(0, r.code(), r.err());
		assertEquals("added bus:FX Returns -> master\nset bus:FX Returns: gain=-3\nbatch: 2 commands on " + s
				+ ", saved once (one step to undo)\n", r.out());
		Result again = cli("set 'bus:FX Returns' pan=L20\n".getBytes(StandardCharsets.UTF_8), "batch", s.toString());
		assertEquals(0, again.code(), again.err());
		String info = CliEndToEndTest.ok("info", s.toString()).out();
		assertTrue(info.contains("FX Returns") && info.contains("-3.0 dB  L20"), info);

		byte[] before = Files.readAllBytes(s);
		Result empty = cli("# nothing to do\n\n".getBytes(StandardCharsets.UTF_8), "batch", s.toString(), "-");
		assertEquals(0, empty.code(), empty.err());
		assertTrue(empty.out().startsWith("batch: no command"), empty.out());
		assertArrayEquals(before, Files.readAllBytes(s));

		Result missing = CliEndToEndTest.cli("batch", s.toString(), dir.resolve("nope.txt").toString());
		assertEquals(1, missing.code());
		assertEquals("mixtree: " + dir.resolve("nope.txt") + ": no such file or directory\n", missing.err());
	}

	@Test
	void oneUndoTakesTheWholeBatchBack() throws Exception {
		Path s = session("s");
		byte[] before = Files.readAllBytes(s);
		ByteArrayOutputStream o = new ByteArrayOutputStream();
		SessionEdit edit;
		try {
			edit = new BatchCli(new PrintStream(o, true, StandardCharsets.UTF_8), System.err, null, CliCommands.tree())
					.run(s, STATIC_MIX_BATCH + "bus add Verb\nsend add 'track:Lead Vox' bus:Verb --level -12\nstage buses\n"
							+ "snapshot save Rough\n");
		} finally {
			EditLocks.releaseAll();
		}
		byte[] after = Files.readAllBytes(s);
		assertFalse(java.util.Arrays.equals(before, after));
		CommandStack stack = edit.domain().getCommandStack();
		assertTrue(stack.canUndo());
		stack.undo();
		assertFalse(stack.canUndo(), "the batch is one step on the stack");
		Path undone = dir.resolve("undone").resolve("song.mixtree");
		Files.createDirectories(undone.getParent());
		SessionStore.save(edit.session(), undone);
		assertArrayEquals(before, Files.readAllBytes(undone), "one undo gives the session before the batch");
		stack.redo();
		SessionStore.save(edit.session(), undone);
		assertArrayEquals(after, Files.readAllBytes(undone), "one redo gives the batch's session");
	}

	@Test
	void splitsWordsAsAShellDoes() throws CliException {
		assertEquals(List.of("set", "track:Lead Vox", "gain=-1"), BatchCli.words("set 'track:Lead Vox' gain=-1"));
		assertEquals(List.of("set", "track:Lead Vox", "gain=-1"), BatchCli.words("  set\t\"track:Lead Vox\"  gain=-1  "));
		assertEquals(List.of("set", "track:Lead Vox", "gain=-1"), BatchCli.words("set track:Lead\\ Vox gain=-1 # comment"));
		assertEquals(List.of("set", "track:Say \"Hi\" $1", "x"), BatchCli.words("set \"track:Say \\\"Hi\\\" \\$1\" x"));
		assertEquals(List.of("set", "track:It's", "x\\y"), BatchCli.words("set \"track:It's\" 'x\\y'"));
		assertEquals(List.of("a#b", "c"), BatchCli.words("a#b c #d"));
		assertEquals(List.of("ab", ""), BatchCli.words("a'b' ''"));
		assertEquals(List.of(), BatchCli.words("   # only a comment"));
		assertThrows(CliException.class, () -> BatchCli.words("set 'track:Lead Vox gain=-1"));
		assertThrows(CliException.class, () -> BatchCli.words("set \"track:Lead Vox gain=-1"));
	}
}
