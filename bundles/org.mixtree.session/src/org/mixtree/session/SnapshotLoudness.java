package org.mixtree.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.dsp.LoudnessMeter;
import org.mixtree.dsp.TruePeakMeter;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.Plan;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.RenderProgress;
import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

/**
 * The loudness of a mix as a snapshot holds it: the mix rendered offline (to a temporary file, deleted after) and
 * measured for integrated loudness (BS.1770 / EBU R128) and true peak. What {@code ./mixtree snapshot ab} prints
 * and what the workbench's A/B toggle matches levels with: the louder of two snapshots is trimmed by the difference
 * of their integrated loudness, since a gain change of g dB changes integrated loudness by g dB.
 * <p>
 * Threads: [any] thread but the UI's (a render takes seconds); the session given is read only, and must not be
 * edited while it is measured (pass a copy with the snapshot recalled onto it).
 */
public final class SnapshotLoudness {

	/** The loudness of one rendered mix: integrated loudness, LUFS ({@code -Infinity} when gated out), true peak, dBTP. */
	public record Measure(String name, double lufs, double truePeakDbtp) {
	}

	/** A mix that does not validate: {@link #getMessage()} is the validator's first problem. */
	public static final class InvalidMixException extends Exception {
		private static final long serialVersionUID = 1L;

		InvalidMixException(String problem) {
			super(problem);
		}
	}

	private SnapshotLoudness() {
	}

	/**
	 * Renders {@code mix} and measures it.
	 *
	 * @param mix         the session as the snapshot holds it (recalled onto a copy or a session loaded alone)
	 * @param sessionFile the session's file: its folder resolves the sources, and it and every file the session on
	 *                    disk reads are never written over
	 * @param name        what the measure is called
	 * @param seconds     render only that much of the mix ({@code Double.POSITIVE_INFINITY}: the whole mix, tail
	 *                    included)
	 * @param warnings    each render warning (an effect that faulted, a source that failed), one line each
	 * @throws InvalidMixException when the mix does not validate
	 */
	public static Measure measure(Session mix, Path sessionFile, String name, double seconds, Consumer<String> warnings)
			throws InvalidMixException, IOException, GraphException {
		List<SessionValidator.Problem> problems = SessionValidator.validate(mix);
		if (!problems.isEmpty()) {
			throw new InvalidMixException(problems.get(0).message());
		}
		Plan plan = Engine.compile(SessionGraph.describe(mix, sessionFile));
		Path temp = Files.createTempDirectory("mixtree-ab");
		try {
			Path wav = temp.resolve("mix.wav");
			// --seconds: only that much is rendered (the mix after it is never mixed), else the whole mix with its tail
			RenderOptions options = keepSessionFiles(
					RenderOptions.of(wav, SampleFormat.F32).withKeep(sessionFile, "the session file itself"), sessionFile)
					.withMaxSeconds(seconds);
			Engine.checkOutputs(plan, options);
			var result = Engine.render(plan, options, RenderProgress.NONE);
			for (String warning : result.warnings()) {
				warnings.accept(warning);
			}
			return measureFile(wav, name);
		} finally {
			deleteTree(temp);
		}
	}

	/** Integrated loudness and true peak of an audio file. */
	static Measure measureFile(Path wav, String name) throws IOException {
		try (AudioFileReader r = AudioFiles.open(wav)) {
			long frames = r.frames();
			int channels = r.channels();
			LoudnessMeter loudness = new LoudnessMeter(channels, r.sampleRate());
			TruePeakMeter peak = new TruePeakMeter(Math.min(channels, 2), r.sampleRate());
			float[][] block = new float[channels][4096];
			long done = 0;
			while (done < frames) {
				int n = r.read(block, 0, (int) Math.min(4096, frames - done));
				if (n <= 0) {
					break;
				}
				loudness.process(block, 0, n);
				peak.process(block, 0, n);
				done += n;
			}
			// the interpolator's last points need the samples after the end: silence
			float[][] zeros = new float[channels][peak.latency() + 1];
			peak.process(zeros, 0, zeros[0].length);
			return new Measure(name, loudness.integratedLufs(), peak.peakDbtp());
		}
	}

	/**
	 * The trim that brings {@code heard} to the loudness of the quieter of {@code a} and {@code b}: 0 for the quieter
	 * (or when either is silent, below the loudness gate), the negative difference for the louder; dB, rounded to
	 * 0.1 dB as the loudness is printed, so the trim and the printed values agree to the digit.
	 */
	public static double matchTrimDb(Measure heard, Measure a, Measure b) {
		if (a.lufs() == Double.NEGATIVE_INFINITY || b.lufs() == Double.NEGATIVE_INFINITY) {
			return 0;
		}
		double quieter = Math.min(round(a.lufs()), round(b.lufs()));
		double t = round(quieter - round(heard.lufs()));
		return t == 0 ? 0 : t;
	}

	/** {@code v} to 0.1, as loudness is printed. */
	public static double round(double v) {
		return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
	}

	/**
	 * Render options that also keep every file the session on disk reads (a snapshot may name another impulse file
	 * than the session does now: neither may be written over).
	 */
	public static RenderOptions keepSessionFiles(RenderOptions options, Path sessionFile) throws SessionFileException {
		if (!Files.exists(sessionFile)) {
			return options;
		}
		for (Map.Entry<Path, String> e : SessionStore.filesRead(SessionStore.load(sessionFile), sessionFile).entrySet()) {
			options = options.withKeep(e.getKey(), e.getValue());
		}
		return options;
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}
}
