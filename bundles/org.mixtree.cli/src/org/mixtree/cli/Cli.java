package org.mixtree.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mixtree.audio.io.AudioFileException;
import org.mixtree.engine.GraphException;
import org.mixtree.model.MalformedAddressException;
import org.mixtree.model.edit.CommandRefusedException;
import org.mixtree.model.persistence.SessionFileException;

/**
 * The headless command line: {@code new, info, set, bus, send, insert, render, gainstage, snapshot, demo}. Every change goes through the
 * editing domain's commands (as the workbench's do) and is saved atomically; every failure is one line on
 * stderr naming the file, element or value at fault, and a non-zero exit code ({@link CliException}).
 * {@code --debug} anywhere adds the stack trace.
 */
public final class Cli {

	static final String USAGE = String.join("\n", //
			"usage: mixtree COMMAND ...", //
			"sessions:", //
			"  new SESSION --stems DIR [--group auto|flat] [--rules FILE] [--rate HZ] [--force] [--dry-run]", //
			"  info SESSION [--json]", //
			"  set SESSION TARGET key=value...      TARGET: track:NAME | bus:NAME | master", //
			"                                       keys: gain (dB or -inf), pan (C, L70, R35 or -1..1), mute, solo,", //
			"                                             polarity (true|false), output (bus:NAME | master),", //
			"                                             solosafe (true|false, buses: solo and focus never silence it),", //
			"                                             clipgain (dB, tracks only);", //
			"                                       master only: headroom (dBFS, the static mix's peak target, default -6)", //
			"  stage SESSION static|buses|tracks    which inserts play: none, buses and master, all (new sessions: static)", //
			"  bus add SESSION NAME [--output bus:NAME|master]", //
			"  bus remove SESSION NAME              (its inputs move to its output; the sends it received are removed)", //
			"  bus move SESSION NAME INDEX          its place among the buses feeding the same bus (from 1): console order", //
			"  focus SESSION bus:NAME|next|prev|all build-up: hear one top-level bus, bring in the next, take it out, end", //
			"  send add SESSION FROM TO [--level DB] [--pre]    FROM: track:NAME|bus:NAME  TO: bus:NAME", //
			"  send set SESSION FROM TO level=DB|pre=true|false", //
			"  send remove SESSION FROM TO", //
			"  insert add SESSION TARGET EFFECT [param=value...] [--preset NAME] [--at INDEX] [--sidechain track:NAME|bus:NAME]", //
			"                                       EFFECT: full id or short id (org.mixtree.eq or eq)", //
			"  insert set SESSION TARGET INDEX param=value... | bypass=true|false   (INDEX: slot from 1)", //
			"  insert remove SESSION TARGET INDEX", //
			"  insert move SESSION TARGET FROM TO", //
			"  render SESSION -o OUT.wav [--format f32|s24|s16] [--stems DIR] [--snapshot NAME]", //
			"  render SESSION --stems-depth N -o DIR [--master-processing] [--format f32|s24|s16]", //
			"                                       one stem per bus at depth N (1: top level), as the master hears it", //
			"  gainstage SESSION --target LUFS [--measure integrated|shortterm-max] [--tracks bus:NAME]", //
			"                                       set each track's clip gain so its file reaches the target", //
			"snapshots (NAME is case-insensitive; 'current' is the session as it is now in diff, ab and render):", //
			"  snapshot save SESSION NAME [--force] the whole mix state under a name (--force replaces one)", //
			"  snapshot recall SESSION NAME         back to it, as one undoable step (track sources are kept)", //
			"  snapshot delete SESSION NAME | snapshot list SESSION | snapshot rename SESSION OLD NEW", //
			"  snapshot diff SESSION A B            one line per difference, A's value -> B's", //
			"  snapshot ab SESSION A B [--seconds S]  loudness and true peak of both, the trim that matches them", //
			"effects and devices:", //
			"  effects [--json]                     the installed effects, their parameters and presets", //
			"  install REPOSITORY FEATURE_ID        install an effect feature from a p2 repository", //
			"  uninstall FEATURE_ID                 remove an installed feature", //
			"  devices                              list back ends and devices", //
			"  play SESSION [--device jack|javasound|NAME] [--buffer FRAMES] [--from SECONDS] [--seconds S] [--loop A:B]", //
			"the project:", //
			"  demo [--dir DIR]                     synthesize a multitrack, group it, render the static mix", //
			"  test                                 build everything and run every test", //
			"  build                                build the product only", //
			"  bench [static|rw1|realtime] [N] [D]  benchmarks against the peers (SoX, ecasound, ffmpeg, Ardour)", //
			"  bench-effects [--seconds S]          the cost of each built-in effect and of the meters", //
			"values: gains -6 or -6dB, frequencies 8000, 8k or 8kHz, times 20ms or 0.5s, pans C, L70, R35", //
			"options: --debug (stack traces on failure)");

	private final PrintStream out;
	private final PrintStream err;

	Cli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Runs one command line; returns the process exit code (0 success, 1 refused or failed, 2 bad usage). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> words = new ArrayList<>(Arrays.asList(args));
		boolean debug = words.remove("--debug");
		Cli cli = new Cli(out, err);
		try {
			cli.dispatch(words);
			out.flush();
			return 0;
		} catch (CliException e) {
			return cli.fail(e.getMessage(), e.exitCode(), debug ? e : null);
		} catch (SessionFileException | AudioFileException | GraphException | CommandRefusedException e) {
			return cli.fail(e.getMessage(), CliException.FAILED, debug ? e : null);
		} catch (MalformedAddressException e) {
			// an address of the wrong shape is a usage error, as an unknown option is
			return cli.fail(e.getMessage(), CliException.USAGE, debug ? e : null);
		} catch (IllegalArgumentException e) {
			// the model's address and value checks speak in one line already
			return cli.fail(e.getMessage(), CliException.FAILED, debug ? e : null);
		} catch (java.io.IOException e) {
			return cli.fail(ioMessage(e), CliException.FAILED, debug ? e : null);
		} catch (Exception | OutOfMemoryError e) {
			String msg = "internal error: " + e + (debug ? "" : " (run with --debug for the stack trace)");
			return cli.fail(msg, 3, debug ? e : null);
		} finally {
			EditLocks.releaseAll();
		}
	}

	/** An I/O failure as one line; the JDK's file exceptions carry the path as their message. */
	static String ioMessage(java.io.IOException e) {
		if (e instanceof java.nio.file.NoSuchFileException n) {
			return n.getFile() + ": no such file or directory";
		}
		if (e instanceof java.nio.file.AccessDeniedException a) {
			return a.getFile() + ": permission denied";
		}
		if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
			return f.getFile() + ": " + f.getReason();
		}
		return e.getMessage() != null ? e.getMessage() : e.toString();
	}

	private int fail(String message, int code, Throwable trace) {
		out.flush();
		err.println("mixtree: " + message);
		if (trace != null) {
			trace.printStackTrace(err);
		}
		err.flush();
		return code;
	}

	private void dispatch(List<String> words) throws Exception {
		if (words.isEmpty()) {
			throw CliException.usage("no command\n" + USAGE);
		}
		String command = words.get(0);
		List<String> rest = words.subList(1, words.size());
		switch (command) {
		case "new":
			new SessionCommandsCli(out, err).newSession(rest);
			break;
		case "info":
			new SessionCommandsCli(out, err).info(rest);
			break;
		case "set":
			new SessionCommandsCli(out, err).set(rest);
			break;
		case "stage":
			new StageCli(out).stage(rest);
			break;
		case "bus":
			new SessionCommandsCli(out, err).bus(rest);
			break;
		case "focus":
			new FocusCli(out).focus(rest);
			break;
		case "send":
			new InsertSendCli(out, EffectCatalog.osgi()).send(rest);
			break;
		case "insert":
			new InsertSendCli(out, EffectCatalog.osgi()).insert(rest);
			break;
		case "effects":
			new EffectsCli(out, err).effects(rest);
			break;
		case "bench-effects":
			new EffectsBenchCli(out).bench(rest);
			break;
		case "gainstage":
			new GainStageCli(out).gainstage(rest);
			break;
		case "render":
			new RenderCli(out, err).render(rest);
			break;
		case "snapshot":
			new SnapshotCli(out, err).snapshot(rest);
			break;
		case "devices":
			new DevicesCli(out).devices(rest);
			break;
		case "play":
			new PlayCli(out, err).play(rest);
			break;
		case "demo":
			new DemoCli(out, err).demo(rest);
			break;
		case "help":
		case "--help":
		case "-h":
			out.println(USAGE);
			break;
		default:
			throw CliException.usage("unknown command '" + command + "'\n" + USAGE);
		}
	}
}
