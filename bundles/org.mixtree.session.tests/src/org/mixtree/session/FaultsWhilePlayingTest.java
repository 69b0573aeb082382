package org.mixtree.session;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.audio.io.AudioFileReader;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.Engine;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.RenderOptions;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.jack.JackBackend;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;


/**
 * Faults survived while a {@link LiveSession} plays through a real JACK server (a private jackd, dummy driver, under
 * a name of its own per test) from real files: an insert that throws, outputs NaN and infinity, or is too slow; a stem
 * truncated or deleted under the player (a JACK server killed while playing is tested by JackServerTest and by the
 * workbench's LivePlaybackTest). Each time the mix goes on, one line says what happened (naming the channel, slot and effect, or the file, or the
 * device), and what the session handed to JACK (recorded on JACK's thread by {@link LiveSessionTest.Tap}) is checked
 * sample by sample against the offline render of what should be heard, computed apart from the player.
 * <p>
 * Tolerance: 1e-6 absolute per sample. The live player plays the offline render of the same plan sample for sample
 * (documented and tested by the engine), so the only difference expected is none; a fault that leaked (one NaN
 * block, a missed bypass, a track still heard, a jump in the timeline) is off by 1e-2 or more.
 */
class FaultsWhilePlayingTest {

	private static final int RATE = 48000;
	private static final double SECONDS = 6;
	private static final String FAULTY = "org.mixtree.test.faulty";
	private static final double TOLERANCE = 1e-6;

	private Path dir;
	private Path file;
	private AdapterFactoryEditingDomain domain;
	private Session session;
	private Track a, b;
	private final List<String> problems = new CopyOnWriteArrayList<>();

	/** Tracks a (mono 220 Hz) and b (mono 550 Hz, panned right) into the master, 6 s of sines as 32-bit WAVs. */
	@BeforeEach
	void session() throws IOException {
		dir = Files.createTempDirectory("mixtree-faults-");
		int frames = (int) (SECONDS * RATE);
		wav(dir.resolve("a.wav"), sine(220, 0.3, frames));
		wav(dir.resolve("b.wav"), sine(550, 0.25, frames));
		file = dir.resolve("faults.mixtree");
		domain = SessionEditing.createEditingDomain();
		session = Sessions.create("faults", RATE);
		SessionStore.createResource(domain.getResourceSet(), file).getContents().add(session);
		a = track("a", -3, -0.3);
		b = track("b", -2, 0.5);
	}

	private Track track(String name, double gainDb, double pan) {
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(name + ".wav");
		t.setGainDb(gainDb);
		t.setPan(pan);
		session.getTracks().add(t);
		return t;
	}

	@AfterEach
	void clean() throws IOException {
		try (var s = Files.list(dir)) {
			for (Path p : s.toList()) {
				Files.deleteIfExists(p);
			}
		}
		Files.deleteIfExists(dir);
	}

	/**
	 * An insert on track a that throws, outputs NaN (and +Inf in its second channel), or spins for four times the
	 * block's real time: the mix goes on, the insert is taken out with one line naming channel, slot and effect, and
	 * everything heard after the fault is the mix without that insert. (The insert faults on its first block; a
	 * too-slow one after {@code BlockMixer.REALTIME_SLOW_BLOCKS} blocks, during which it passed its input unchanged.)
	 */
	@ParameterizedTest
	@ValueSource(strings = { "throw", "nan", "slow" })
	void aFaultingInsertIsTakenOutWithOneLineAndTheMixGoesOn(String mode) throws Exception {
		EffectRegistry effects = EffectRegistry.osgi();
		assertTrue(effects.find(FAULTY).isPresent(), "the faulty example effect is installed");
		GraphDescription without = SessionGraph.describe(session, file, effects);
		double m = List.of("throw", "nan", "slow").indexOf(mode);
		// slow: spinning 20 times the block's duration, so that even with a small share of a loaded machine's CPU
		// it uses more CPU time than the block lasts (the real-time check counts CPU time)
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, a, FAULTY,
				m == 2 ? Map.of("mode", m, "slowness", 20.0) : Map.of("mode", m), -1));
		LiveSessionTest.Tap tap = new LiveSessionTest.Tap(8 * RATE);
		try (JackServer server = new JackServer("-faults-fx-" + mode);
				LiveSession live = LiveSession.open(session, file, domain, rate -> tap.wrap(LiveSessionTest.openJack(256)),
						new PlayerOptions(2, 1, false, 0), effects)) {
			live.onProblem(problems::add);
			assertTrue(live.awaitIdle(30_000), "the session opened");
			live.play();
			waitFor(() -> live.position() > 3 * RATE, 20, "3 s played");
			assertTrue(live.isPlaying(), "the session plays on");
			Thread.sleep(300); // a second line would come within the fault poll
		}
		assertEquals(1, problems.size(), "one line: " + problems);
		String line = problems.get(0);
		assertTrue(line.contains("track:a slot 1 (" + FAULTY + ")") && line.endsWith("; bypassed"), line);
		assertTrue(line.contains(switch (mode) {
		case "throw" -> "threw IllegalStateException";
		case "nan" -> "output NaN";
		default -> "too slow: 16 blocks in a row";
		}), line);
		float[][] reference = render(without);
		float[][] heard = aligned(tap.recording(), reference);
		compare("after the " + mode + " fault", reference, heard, RATE / 10, 3 * RATE);
	}

	/**
	 * Stem b truncated to 4 s of its 6 while playing (at 0.5 s; the ring holds 2.7 s ahead): b plays to where its data ends
	 * and is silent from there, one line names the file, and a plays on: before the cut the output is the whole mix,
	 * after it the mix without b.
	 */
	@Test
	void aStemTruncatedWhilePlayingIsSilentFromWhereItsDataEndsWithOneLine() throws Exception {
		EffectRegistry effects = EffectRegistry.osgi();
		GraphDescription whole = SessionGraph.describe(session, file, effects);
		SessionCommands.execute(domain, SessionCommands.setMute(domain, b, true));
		GraphDescription withoutB = SessionGraph.describe(session, file, effects);
		domain.getCommandStack().undo();
		float[][] full = render(whole); // the references, from the stems as they are before the truncation
		float[][] noB = render(withoutB);
		Path stem = dir.resolve("b.wav");
		long header = Files.size(stem) - (long) (SECONDS * RATE) * 4;
		LiveSessionTest.Tap tap = new LiveSessionTest.Tap(8 * RATE);
		try (JackServer server = new JackServer("-faults-truncate");
				LiveSession live = LiveSession.open(session, file, domain, rate -> tap.wrap(LiveSessionTest.openJack(256)),
						new PlayerOptions(2, 1, false, 0), effects)) {
			live.onProblem(problems::add);
			assertTrue(live.awaitIdle(30_000), "the session opened");
			live.play();
			waitFor(() -> live.position() > RATE / 2, 10, "0.5 s played");
			try (FileChannel ch = FileChannel.open(stem, StandardOpenOption.WRITE)) {
				ch.truncate(header + 4L * RATE * 4);
			}
			long at = live.position();
			assertTrue(at < 1.2 * RATE, "truncated before the ring read past 4 s: at " + at);
			waitFor(() -> live.position() > 5.6 * RATE, 20, "5.6 s played");
			assertTrue(live.isPlaying(), "the session plays on");
			Thread.sleep(300);
		}
		assertEquals(1, problems.size(), "one line: " + problems);
		assertTrue(problems.get(0).startsWith(stem.toString() + ": ")
				&& problems.get(0).endsWith("; the track plays silence from where its data ended"), problems.get(0));
		float[][] heard = aligned(tap.recording(), full);
		// the file reader's last buffer before the end is lost with the failure (measured: silent from 3.745 s of 4)
		compare("before the truncation point", full, heard, RATE / 10, (int) (3.7 * RATE));
		compare("after the truncation point", noB, heard, 4 * RATE, (int) (5.5 * RATE));
		int silentFrom = 4 * RATE;
		while (silentFrom > 0 && Math.abs(heard[1][silentFrom - 1] - noB[1][silentFrom - 1]) <= TOLERANCE) {
			silentFrom--;
		}
		System.out.printf(Locale.ROOT, "truncated stem: b silent from %.4f s (its data ends at 4.0000 s)%n",
				(double) silentFrom / RATE);
	}

	/**
	 * Stem a deleted while playing: on Linux its data stays readable through the open file, so a plays on to its end
	 * (nothing the user had is lost to the ear), and one line names the file, because the session will not find it
	 * when opened again. The output is the whole mix throughout.
	 */
	@Test
	void aStemDeletedWhilePlayingIsOneLineAndPlaysOnFromTheOpenFile() throws Exception {
		EffectRegistry effects = EffectRegistry.osgi();
		GraphDescription whole = SessionGraph.describe(session, file, effects);
		float[][] full = render(whole); // the reference, from the stem before it is deleted
		Path stem = dir.resolve("a.wav");
		LiveSessionTest.Tap tap = new LiveSessionTest.Tap(8 * RATE);
		try (JackServer server = new JackServer("-faults-delete");
				LiveSession live = LiveSession.open(session, file, domain, rate -> tap.wrap(LiveSessionTest.openJack(256)),
						new PlayerOptions(2, 1, false, 0), effects)) {
			live.onProblem(problems::add);
			assertTrue(live.awaitIdle(30_000), "the session opened");
			live.play();
			waitFor(() -> live.position() > RATE / 2, 10, "0.5 s played");
			Files.delete(stem);
			waitFor(() -> live.position() > 4.5 * RATE, 20, "4.5 s played");
			assertTrue(live.isPlaying(), "the session plays on");
		}
		assertEquals(List.of(stem + ": deleted while playing; the track plays on from the file still open, and the"
				+ " session will not find it when opened again"), problems);
		compare("with the stem deleted", full, aligned(tap.recording(), full), RATE / 10, (int) (4.4 * RATE));
	}

	// ------------------------------------------------------------------------------------------------- helpers

	private float[][] render(GraphDescription graph) throws Exception {
		Path r = Files.createTempFile(dir, "reference", ".wav");
		Files.delete(r);
		Engine.render(Engine.compile(graph), RenderOptions.of(r, SampleFormat.F32), null);
		float[][] x = readWav(r);
		Files.delete(r);
		return x;
	}

	/**
	 * @return {@code recorded} from the frame that is timeline frame 0: the first frame after the play command, found
	 *         as the lag that best matches the reference's first 0.2 s
	 */
	private static float[][] aligned(float[][] recorded, float[][] reference) {
		int first = 0;
		while (first < recorded[0].length && recorded[0][first] == 0f && recorded[1][first] == 0f) {
			first++;
		}
		assertTrue(first < recorded[0].length, "the recording is silent");
		int best = -1;
		double least = Double.MAX_VALUE;
		for (int k = Math.max(0, first - 64); k <= first + 64; k++) {
			double err = 0;
			for (int i = 1024; i < RATE / 5; i++) {
				err += Math.abs(recorded[0][k + i] - reference[0][i]) + Math.abs(recorded[1][k + i] - reference[1][i]);
			}
			if (err < least) {
				least = err;
				best = k;
			}
		}
		float[][] y = new float[2][];
		for (int c = 0; c < 2; c++) {
			y[c] = java.util.Arrays.copyOfRange(recorded[c], best, recorded[c].length);
		}
		return y;
	}

	private static void compare(String what, float[][] reference, float[][] heard, int from, int to) {
		double worst = 0;
		int where = -1;
		for (int i = from; i < to; i++) {
			for (int c = 0; c < 2; c++) {
				double d = Math.abs(reference[c][i] - heard[c][i]);
				if (!(d <= worst)) {
					worst = d;
					where = i;
				}
			}
		}
		System.out.printf(Locale.ROOT, "%s: largest difference %.3g over %.3f to %.3f s%n", what, worst,
				(double) from / RATE, (double) to / RATE);
		assertTrue(worst <= TOLERANCE, String.format(Locale.ROOT, "%s: %.3g at %.4f s (tolerance %.0e)", what, worst,
				(double) where / RATE, TOLERANCE));
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, double seconds, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
			Thread.sleep(5);
		}
	}

	private static float[] sine(double hz, double amplitude, int frames) {
		float[] s = new float[frames];
		for (int i = 0; i < frames; i++) {
			s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
		}
		return s;
	}

	private static void wav(Path file, float[] data) throws IOException {
		try (WavWriter w = new WavWriter(file, 1, RATE, SampleFormat.F32, 1)) {
			w.write(new float[][] { data }, 0, data.length);
		}
	}

	private static float[][] readWav(Path wav) throws IOException {
		try (AudioFileReader r = AudioFiles.open(wav)) {
			float[][] d = new float[r.channels()][(int) r.frames()];
			int got = 0;
			while (got < d[0].length) {
				int k = r.read(d, got, Math.min(65536, d[0].length - got));
				if (k <= 0) {
					break;
				}
				got += k;
			}
			return d;
		}
	}

}
