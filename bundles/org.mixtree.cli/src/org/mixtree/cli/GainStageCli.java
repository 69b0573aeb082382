package org.mixtree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.dsp.LoudnessMeter;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;

/**
 * {@code gainstage SESSION --target LUFS [--measure integrated|shortterm-max] [--tracks bus:NAME]}: sets each
 * track's clip gain so that its source file reaches the target loudness, as ITU-R BS.1770 measures the file (a mono
 * file as one channel of weight 1.0, a stereo file as two). The clip gains are set as one command (one step to
 * undo). A silent file (digital silence, or everything below the -70 LUFS absolute gate) gets no gain: its clip
 * gain is left as it was, and it is named. A file that cannot be read refuses the command before anything changes.
 * <p>
 * The files are measured in parallel, one reader per core: a 64-track session of 60 s stems is read and measured in
 * a few seconds, most of it decoding.
 */
final class GainStageCli {

	static final String USAGE = "gainstage SESSION --target LUFS [--measure integrated|shortterm-max] [--tracks bus:NAME]";

	/** What is measured of each file. */
	enum Measure {
		/** the integrated (gated) loudness of the whole file */
		INTEGRATED("integrated"),
		/** the loudest 3 s window (short-term loudness, every 100 ms) */
		SHORTTERM_MAX("shortterm-max");

		final String word;

		Measure(String word) {
			this.word = word;
		}
	}

	/**
	 * One file's measurement.
	 *
	 * @param lufs      the loudness measured, negative infinity when silent
	 * @param silence   digital silence (every sample zero)
	 * @param shortFile shorter than one 3 s window (short-term maximum only): measured as one window
	 */
	record Loudness(double lufs, boolean silence, boolean shortFile) {
	}

	private final PrintStream out;
	private final SessionEdit.Source edits;

	GainStageCli(PrintStream out, SessionEdit.Source edits) {
		this.out = out;
		this.edits = edits;
	}

	void gainstage(Args a) throws Exception {
		mergeUnit(a);
		Path file = Path.of(a.required(0, "SESSION; usage: " + USAGE));
		a.expectAtMost(1, USAGE);
		if (a.option("--target") == null) {
			throw CliException.usage("missing --target LUFS (e.g. --target -23); usage: " + USAGE);
		}
		double target = target(a.option("--target"));
		Measure measure = Measure.INTEGRATED;
		if (a.option("--measure") != null) {
			measure = switch (a.option("--measure").trim().toLowerCase(Locale.ROOT)) {
			case "integrated" -> Measure.INTEGRATED;
			case "shortterm-max" -> Measure.SHORTTERM_MAX;
			default -> throw CliException.usage("--measure '" + a.option("--measure") + "': use integrated or shortterm-max");
			};
		}
		SessionEdit edit = edits.open(file);
		AdapterFactoryEditingDomain domain = edit.domain();
		Session session = edit.session();
		List<Track> tracks = tracks(session, a.option("--tracks"));
		Path base = file.toAbsolutePath().getParent();
		List<Path> files = new ArrayList<>();
		for (Track t : tracks) {
			if (t.getSource() == null) {
				throw new CliException(ChannelAddress.of(t) + " has no source file");
			}
			files.add(base.resolve(t.getSource()).normalize());
		}
		List<Loudness> measured = measureAll(files, measure);

		Map<Track, Double> gains = new LinkedHashMap<>();
		List<String> silent = new ArrayList<>();
		List<String> limited = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < tracks.size(); i++) {
			Track t = tracks.get(i);
			Loudness l = measured.get(i);
			if (l.lufs() == Double.NEGATIVE_INFINITY) {
				silent.add(ChannelAddress.of(t) + (l.silence() ? " (digital silence)" : " (below the -70 LUFS gate)"));
				rows.add(new String[] { t.getName(), "-inf LUFS", String.format(Locale.ROOT, "%+.1f dB", t.getClipGainDb()),
						"silent: left as it was" });
				continue;
			}
			double gain = target - l.lufs();
			String note = l.shortFile() ? "shorter than 3 s: one window" : "";
			if (Math.abs(gain) > SessionCommands.MAX_CLIP_GAIN_DB) {
				double wanted = gain;
				gain = Math.copySign(SessionCommands.MAX_CLIP_GAIN_DB, gain);
				limited.add(String.format(Locale.ROOT, "%s needs %+.1f dB", ChannelAddress.of(t), wanted));
				note = "at the clip gain limit";
			}
			// 0.01 dB steps: finer than anyone hears, and what info prints back reads as the table does
			gain = Math.rint(gain * 100) / 100;
			gains.put(t, gain);
			rows.add(new String[] { t.getName(), String.format(Locale.ROOT, "%.1f LUFS", l.lufs()),
					String.format(Locale.ROOT, "%+.1f dB", gain), note });
		}
		if (!gains.isEmpty()) {
			SessionCommands.execute(domain, SessionCommands.setClipGains(domain, gains, String.format(Locale.ROOT,
					"Gain stage %d tracks to %.1f LUFS %s", gains.size(), target, measure.word)));
			edit.save();
		}
		out.println(String.format(Locale.ROOT, "gain staging to %.1f LUFS (%s) of %s:", target, measure.word,
				MixTree.count(tracks.size(), "track", "tracks")));
		table(rows);
		if (!silent.isEmpty()) {
			out.println("silent, clip gain left as it was: " + String.join(", ", silent));
		}
		if (!limited.isEmpty()) {
			out.println("at the clip gain limit of +-" + (int) SessionCommands.MAX_CLIP_GAIN_DB + " dB: "
					+ String.join(", ", limited));
		}
		out.println("set the clip gain of " + MixTree.count(gains.size(), "track", "tracks"));
	}

	/**
	 * {@code --target -23 LUFS} typed as two words: the unit, left among the positional words by the parser, joins
	 * the target's value ({@code "-23 LUFS"}).
	 */
	private static void mergeUnit(Args a) {
		if (a.option("--target") == null) {
			return;
		}
		List<String> words = a.positional();
		for (int i = 1; i < words.size(); i++) {
			String unit = words.get(i).toLowerCase(Locale.ROOT);
			if (unit.equals("lufs") || unit.equals("lu")) {
				a.setOption("--target", a.option("--target") + " " + words.remove(i));
				return;
			}
		}
	}

	/** {@code -23}, {@code -23LUFS}, {@code -23 LUFS} (also {@code LU}); a finite level from -70 to 0 LUFS. */
	static double target(String text) throws CliException {
		String t = text.trim();
		String lower = t.toLowerCase(Locale.ROOT);
		for (String unit : List.of("lufs", "lu")) {
			if (lower.endsWith(unit)) {
				t = t.substring(0, t.length() - unit.length()).trim();
				break;
			}
		}
		double v;
		try {
			v = Double.parseDouble(t);
		} catch (NumberFormatException e) {
			throw new CliException("--target '" + text + "' is not a loudness in LUFS (e.g. -23 or -23LUFS)");
		}
		if (!(v >= -70 && v <= 0)) {
			throw new CliException("--target '" + text + "' is outside -70..0 LUFS");
		}
		return v;
	}

	/** Every track, or those feeding {@code bus:NAME} directly or through nested buses (the master: all). */
	static List<Track> tracks(Session session, String busAddress) throws CliException {
		if (busAddress == null) {
			return new ArrayList<>(session.getTracks());
		}
		Bus bus = ChannelAddress.resolveBus(session, busAddress);
		List<Track> list = new ArrayList<>();
		for (Track t : session.getTracks()) {
			if (ChannelAddress.isMaster(bus) || under(t, bus)) {
				list.add(t);
			}
		}
		if (list.isEmpty()) {
			throw new CliException(ChannelAddress.of(bus) + " has no tracks feeding it");
		}
		return list;
	}

	private static boolean under(Channel c, Bus bus) {
		int guard = 0;
		for (Bus b = c.getOutput(); b != null && guard++ < 10_000; b = b.getOutput()) {
			if (b == bus) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Measures every file, in parallel (one reader per core); the first failure in file order is thrown as it
	 * came (an {@link org.mixtree.audio.io.AudioFileException} names the file).
	 */
	static List<Loudness> measureAll(List<Path> files, Measure measure) throws IOException, InterruptedException {
		int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "mixtree-gainstage");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<Loudness>> futures = new ArrayList<>();
			for (Path f : files) {
				futures.add(pool.submit(() -> measure(f, measure)));
			}
			List<Loudness> result = new ArrayList<>();
			for (Future<Loudness> f : futures) {
				try {
					result.add(f.get());
				} catch (ExecutionException e) {
					if (e.getCause() instanceof IOException io) {
						throw io;
					}
					if (e.getCause() instanceof RuntimeException re) {
						throw re;
					}
					throw new IOException(e.getCause());
				}
			}
			return result;
		} finally {
			pool.shutdownNow();
		}
	}

	/**
	 * The loudness of one file at its own rate, fed in 100 ms pieces so that every short-term value (one per
	 * 100 ms segment) is seen.
	 */
	static Loudness measure(Path file, Measure measure) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			int channels = r.channels();
			int rate = r.sampleRate();
			LoudnessMeter meter = new LoudnessMeter(channels, rate);
			int step = Math.max(1, rate / 10);
			float[][] buf = new float[channels][step];
			double maxShort = Double.NEGATIVE_INFINITY;
			long segments = 0;
			int n;
			while ((n = r.read(buf, 0, step)) > 0) {
				meter.process(buf, 0, n);
				if (meter.segments() != segments) {
					segments = meter.segments();
					maxShort = Math.max(maxShort, meter.shortTermLufs());
				}
			}
			boolean silence = meter.samplePeak() == 0;
			if (measure == Measure.INTEGRATED) {
				return new Loudness(meter.integratedLufs(), silence, false);
			}
			if (segments < 30 && !silence) {
				// no complete 3 s window: the whole file is the one window there is (ungated, as short-term is)
				return new Loudness(wholeFile(file), false, true);
			}
			return new Loudness(maxShort, silence, false);
		}
	}

	/** The ungated loudness of a whole (short) file as one window: K-weighted mean square over every frame. */
	private static double wholeFile(Path file) throws IOException {
		try (AudioFileReader r = AudioFiles.open(file)) {
			double[] c = LoudnessMeter.kWeighting(r.sampleRate());
			double sum = 0;
			float[][] buf = new float[r.channels()][4096];
			double[][] s = new double[r.channels()][4];
			long frames = 0;
			int n;
			while ((n = r.read(buf, 0, 4096)) > 0) {
				for (int ch = 0; ch < r.channels(); ch++) {
					double[] st = s[ch];
					for (int i = 0; i < n; i++) {
						double in = buf[ch][i];
						double y1 = c[0] * in + st[0];
						st[0] = c[1] * in - c[3] * y1 + st[1];
						st[1] = c[2] * in - c[4] * y1;
						double y2 = c[5] * y1 + st[2];
						st[2] = c[6] * y1 - c[8] * y2 + st[3];
						st[3] = c[7] * y1 - c[9] * y2;
						sum += y2 * y2;
					}
				}
				frames += n;
			}
			return frames == 0 || sum == 0 ? Double.NEGATIVE_INFINITY : -0.691 + 10 * Math.log10(sum / frames);
		}
	}

	/** Columns padded to their widest cell: names left, numbers right, the note last. */
	private void table(List<String[]> rows) {
		String[] head = { "track", "measured", "clip gain", "" };
		int[] w = new int[3];
		for (String[] r : rows) {
			for (int i = 0; i < 3; i++) {
				w[i] = Math.max(w[i], r[i].length());
			}
		}
		for (int i = 0; i < 3; i++) {
			w[i] = Math.max(w[i], head[i].length());
		}
		out.println(row(head, w));
		for (String[] r : rows) {
			out.println(row(r, w));
		}
	}

	private static String row(String[] r, int[] w) {
		String line = String.format(Locale.ROOT, "  %-" + w[0] + "s  %" + w[1] + "s  %" + w[2] + "s", r[0], r[1], r[2]);
		return r[3].isEmpty() ? line : line + "  " + r[3];
	}
}
