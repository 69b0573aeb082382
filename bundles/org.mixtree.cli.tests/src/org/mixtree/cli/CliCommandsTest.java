package org.mixtree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.cli.CliEndToEndTest.Result;

import picocli.CommandLine;

/**
 * The command line as picocli runs it: {@code --help} on every command and {@code help COMMAND}, the listing of every
 * command, the nearest command or option suggested for a typo, usage errors as one line with exit 2, and the bash
 * completion script, sourced in a real bash.
 */
class CliCommandsTest {

	@TempDir
	Path dir;

	/** Every command that runs, as typed: {@code render}, {@code bus add}... */
	static List<List<String>> commands() {
		List<List<String>> paths = new ArrayList<>();
		collect(CliCommands.tree(), new ArrayList<>(), paths);
		return paths;
	}

	private static void collect(CommandLine at, List<String> path, List<List<String>> paths) {
		for (var e : at.getSubcommands().entrySet()) {
			List<String> p = new ArrayList<>(path);
			p.add(e.getKey());
			if (CliCommands.leaf(e.getValue().getCommandSpec()) != null) {
				paths.add(p);
			}
			collect(e.getValue(), p, paths);
		}
	}

	@Test
	void everyCommandHasItsHelpAndIsListed() {
		List<List<String>> commands = commands();
		assertTrue(commands.size() >= 36, "commands: " + commands);
		String listing = CliEndToEndTest.ok("help").out();
		assertEquals(listing, CliEndToEndTest.ok("--help").out());
		assertEquals(listing, CliEndToEndTest.ok("-h").out());
		for (List<String> c : commands) {
			String name = String.join(" ", c);
			assertTrue(listing.contains("\n  " + name + " ") || listing.contains("\n  " + name + "\n"), name + " listed:\n" + listing);
			List<String> args = new ArrayList<>(c);
			args.add("--help");
			String help = CliEndToEndTest.ok(args.toArray(String[]::new)).out();
			assertTrue(help.startsWith("usage: mixtree " + name), help);
			assertTrue(help.contains("-h, --help"), help);
			List<String> viaHelp = new ArrayList<>(List.of("help"));
			viaHelp.addAll(c);
			assertEquals(help, CliEndToEndTest.ok(viaHelp.toArray(String[]::new)).out(), name);
		}
		// the options each command takes are in its help, with what they do
		String render = CliEndToEndTest.ok("render", "--help").out();
		assertTrue(render.contains("-o, --output=OUT") && render.contains("--stems-depth=N") && render.contains("--master-processing"), render);
		String family = CliEndToEndTest.ok("snapshot", "--help").out();
		for (String sub : List.of("save", "recall", "delete", "list", "rename", "diff", "ab")) {
			assertTrue(family.contains("\n  " + sub + " "), family);
		}
	}

	@Test
	void typosGetTheNearestCommandOrOption() {
		assertRefused(2, "mixtree: unknown command 'rendr'; did you mean 'render'?", "rendr");
		assertRefused(2, "mixtree: unknown command 'snpashot'; did you mean 'snapshot'?", "snpashot");
		assertRefused(2, "mixtree: unknown command 'frobnicate' (mixtree help lists the commands)", "frobnicate");
		assertRefused(2, "mixtree: unknown snapshot command 'recal'; did you mean 'snapshot recall'?", "snapshot", "recal", "x");
		assertRefused(2, "mixtree: unknown send command 'frob': use send add, send set or send remove", "send", "frob", "x");
		assertRefused(2, "mixtree: unknown option '--levle'; did you mean '--level'?", "send", "add", "s.mixtree", "track:a",
				"bus:b", "--levle", "-3");
		assertRefused(2, "mixtree: unknown option '--stem=x'; did you mean '--stems'?", "new", "s.mixtree", "--stem=x");
		assertRefused(2, "mixtree: unknown command 'rendr'; did you mean 'render'?", "help", "rendr");
		assertRefused(2, "mixtree: unknown bus command 'ad'; did you mean 'bus add'?", "help", "bus", "ad");
		assertRefused(2, "mixtree: unexpected argument 'extra'; usage: help [COMMAND [SUBCOMMAND]]", "help", "bus", "add", "extra");
	}

	@Test
	void usageErrorsAreOneLineWithExitTwo() {
		assertRefused(2, "mixtree: no command (mixtree help lists the commands)");
		assertRefused(2, "mixtree: missing bus command: use bus add, bus remove or bus move", "bus");
		assertRefused(2, "mixtree: missing insert command: use insert add, insert set, insert remove or insert move", "insert");
		assertRefused(2, "mixtree: option --level needs a value", "send", "add", "s.mixtree", "track:a", "bus:b", "--level");
		assertRefused(2, "mixtree: option --stems needs a value", "new", "s.mixtree", "--stems");
		assertRefused(2, "mixtree: unexpected argument 'extra'; usage: completion", "completion", "extra");
		assertRefused(2, "mixtree: 'test' is a command of the ./mixtree launcher: run ./mixtree test", "test");
		// negative numbers and -inf are values, not options
		Result r = CliEndToEndTest.cli("snapshot", "rename", dir.resolve("missing.mixtree").toString(), "-inf", "-3.5");
		assertEquals(1, r.code());
		assertTrue(r.err().endsWith("missing.mixtree: no such session file\n"), r.err());
	}

	private static void assertRefused(int code, String line, String... args) {
		Result r = CliEndToEndTest.cli(args);
		assertEquals(line + "\n", r.err(), String.join(" ", args));
		assertEquals(code, r.code(), String.join(" ", args));
		assertEquals("", r.out());
	}

	@Test
	void theCompletionScriptCompletesCommandsOptionsAndValuesInBash() throws Exception {
		Path script = dir.resolve("mixtree-completion.bash");
		Files.writeString(script, CliEndToEndTest.ok("completion").out(), StandardCharsets.UTF_8);
		assertEquals("render", complete(script, "mixtree", "ren"));
		assertEquals("recall rename", complete(script, "mixtree", "snapshot", "re"));
		assertEquals("bus batch build bench bench-effects bench-decode", complete(script, "mixtree", "b"));
		assertEquals("--level", complete(script, "mixtree", "send", "add", "--le"));
		assertEquals("f32 s24 s16", complete(script, "mixtree", "render", "song.mixtree", "--format", ""));
		assertEquals("auto flat", complete(script, "mixtree", "new", "x.mixtree", "--group", ""));
		// session and audio file names complete as paths
		Files.writeString(dir.resolve("song.mixtree"), "");
		assertEquals(dir.resolve("song.mixtree").toString(), complete(script, "mixtree", "info", dir.resolve("so").toString()));
	}

	/** The words bash offers for the last word of {@code words}, from the completion function the script defines. */
	private String complete(Path script, String... words) throws IOException, InterruptedException {
		StringBuilder array = new StringBuilder();
		for (String w : words) {
			array.append(" '").append(w.replace("'", "'\\''")).append("'");
		}
		String bash = "source '" + script + "'\n" //
				+ "COMP_WORDS=(" + array + " )\n" //
				+ "COMP_CWORD=" + (words.length - 1) + "\n" //
				+ "COMP_LINE=\"${COMP_WORDS[*]}\"\n" //
				+ "COMP_POINT=${#COMP_LINE}\n" //
				+ "_complete_mixtree 2>/dev/null\n" //
				+ "echo \"${COMPREPLY[*]}\"\n";
		Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", bash).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), out);
		return out.strip();
	}
}
