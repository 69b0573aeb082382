package org.mixtree.session;

import org.mixtree.testing.JackServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.engine.realtime.PlayerStats;
import org.mixtree.model.Bus;
import org.mixtree.model.Insert;
import org.mixtree.model.MixStage;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Send;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;


/**
 * A {@link LiveSession} playing through a private JACK server (dummy driver, started by each test under its own
 * name) while its session is edited through the editing domain, as the workbench edits it. Needs {@code jackd} and
 * {@code jack_capture} on the PATH (Debian jackd2, jack-capture) and the built-in effects.
 * <p>
 * Threads: the test thread is the model's thread ([model]); the session's own thread compiles; JACK's thread plays.
 */
class LiveSessionTest {

	private static final int RATE = 48000;
	private static final double SECONDS = 10.5;
	private static final String UTILITY = "org.mixtree.utility";

	private Path dir;
	private Path file;
	private AdapterFactoryEditingDomain domain;
	private Session session;
	private Bus drums, keys, fx;
	private Track a, b, c;
	private Send bToFx;
	private final List<String> problems = new CopyOnWriteArrayList<>();

	/**
	 * Master <- Drums (tracks a: mono 220 Hz, b: mono 550 Hz panned right, sending post-fader to FX), Keys (track c:
	 * stereo 880/1320 Hz), FX; stage TRACKS. Sines: each edit changes the level of a steady tone, so every 100 ms
	 * window has a well-defined RMS.
	 */
	@BeforeEach
	void session() throws IOException {
		dir = Files.createTempDirectory("mixtree-live-");
		int frames = (int) (SECONDS * RATE);
		wav(dir.resolve("a.wav"), new float[][] { sine(220, 0.3, frames) });
		wav(dir.resolve("b.wav"), new float[][] { sine(550, 0.25, frames) });
		wav(dir.resolve("c.wav"), new float[][] { sine(880, 0.2, frames), sine(1320, 0.2, frames) });
		file = dir.resolve("live.mixtree");
		domain = SessionEditing.createEditingDomain();
		session = Sessions.create("live", RATE);
		session.setMixStage(MixStage.TRACKS);
		SessionStore.createResource(domain.getResourceSet(), file).getContents().add(session);
		MixtreeFactory f = MixtreeFactory.eINSTANCE;
		drums = bus(f, "Drums", -1);
		keys = bus(f, "Keys", -2);
		fx = bus(f, "FX", -4);
		a = track(f, "a", drums, -3, -0.4);
		b = track(f, "b", drums, -2, 0.5);
		c = track(f, "c", keys, -4, 0);
		bToFx = f.createSend();
		bToFx.setTarget(fx);
		bToFx.setLevelDb(-6);
		b.getSends().add(bToFx);
	}

	private Bus bus(MixtreeFactory f, String name, double gainDb) {
		Bus bus = f.createBus();
		bus.setName(name);
		bus.setGainDb(gainDb);
		session.getBuses().add(bus);
		return bus;
	}

	private Track track(MixtreeFactory f, String name, Bus output, double gainDb, double pan) {
		Track t = f.createTrack();
		t.setName(name);
		t.setSource(name + ".wav");
		t.setOutput(output);
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

	/** One edit of the scripted timeline: at {@code second} of the timeline, {@code command} on the stack. */
	private record Edit(double second, String what, java.util.function.Supplier<Command> command) {
	}

	/**
	 * THE test. A scripted series of edits, each executed on the editing domain's command stack when the playing
	 * session reaches its time: a fader, a pan, a mute, an insert added, a stage change, a send level, an undo, an
	 * effect parameter, a compound of an unmute and a bus fader. The output is recorded from JACK (jack_capture).
	 * <p>
	 * The reference is built outside the live path: after each edit the test describes the model as it then is, and
	 * renders that state offline for the whole timeline ({@link Engine#render}, fresh processors); the reference
	 * timeline is the render of state k from the frame at which edit k was made (the player's position when the
	 * test executed the command) to the next edit's. The recording is aligned to it by cross-correlation over the
	 * first second.
	 * <p>
	 * Tolerance: the RMS of every 100 ms window, per channel, within 0.1 dB, except windows that overlap the first
	 * 100 ms after an edit. Why that window: an edit is heard from the next callback (5.3 ms at 256 frames) or,
	 * for a structural one, after the compile and the swap's 5 ms dip (measured: printed as "heard after"); fader,
	 * pan and send moves ramp over 20 ms and the utility's own gain smoothing is shorter; the offline reference
	 * switches state at one frame instead. Outside those windows the live engine runs the same plan the offline
	 * renderer runs, so the difference is float rounding of the ramps' end values (measured: printed, about
	 * 0.000 dB), and an edit the live session missed or applied wrongly moves a window by 0.5 dB or more (each edit
	 * is checked to change the reference by more than that).
	 */
	@Test
	void editsWhilePlayingThroughJackEqualTheOfflineRenderOfTheSameEditTimeline() throws Exception {
		Insert[] utility = new Insert[1];
		List<Edit> edits = List.of(
				new Edit(1.0, "fader a -6 dB", () -> SessionCommands.setGain(domain, a, -9)),
				new Edit(2.0, "pan b -0.5", () -> SessionCommands.setPan(domain, b, -0.5)),
				new Edit(3.0, "mute c", () -> SessionCommands.setMute(domain, c, true)),
				new Edit(4.0, "utility -8 dB on Drums", () -> SessionCommands.addInsert(domain, drums, UTILITY,
						Map.of("gain", -8.0), -1)),
				new Edit(5.0, "stage STATIC", () -> SessionCommands.setStage(domain, session, MixStage.STATIC)),
				new Edit(6.0, "send b->FX -20 dB", () -> SessionCommands.setSendLevel(domain, bToFx, -20)),
				new Edit(7.0, "undo (send level)", null),
				new Edit(7.6, "stage TRACKS", () -> SessionCommands.setStage(domain, session, MixStage.TRACKS)),
				new Edit(8.2, "utility gain +4 dB", () -> SessionCommands.setInsertParameters(domain, utility[0],
						Map.of("gain", 4.0))),
				new Edit(9.0, "unmute c + Keys +3 dB (one command)", () -> {
					CompoundCommand both = new CompoundCommand("unmute c, Keys up");
					both.append(SessionCommands.setMute(domain, c, false));
					both.append(SessionCommands.setGain(domain, keys, 1));
					return both;
				}));
		int frames = (int) (SECONDS * RATE);
		EffectRegistry effects = EffectRegistry.osgi();
		assertTrue(effects.find(UTILITY).isPresent(), "the built-in utility effect is installed");
		List<GraphDescription> states = new ArrayList<>();
		long[] at = new long[edits.size() + 1];
		states.add(SessionGraph.describe(session, file, effects));
		Path rec = dir.resolve("rec.wav");
		Tap tap = new Tap(frames + 4 * RATE);
		long xruns;
		try (JackServer server = new JackServer("-live", 256);
				LiveSession live = LiveSession.open(session, file, domain, rate -> tap.wrap(openJack(256)),
						new PlayerOptions(2, 1, false, PlayerOptions.DEFAULT_WARM_UP_BLOCKS), effects)) {
			live.onProblem(problems::add);
			assertTrue(live.awaitIdle(30_000), "the session opened");
			assertEquals(List.of(), problems);
			Process capture = new ProcessBuilder("jack_capture", "-as", "-ns", "-d", Double.toString(SECONDS + 2.5),
					"-p", "mixtree:out_1", "-p", "mixtree:out_2", "-f", "wav", rec.toString()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			Thread.sleep(700);
			live.play();
			for (int k = 0; k < edits.size(); k++) {
				Edit e = edits.get(k);
				waitFor(live, (long) (e.second() * RATE));
				at[k + 1] = live.position();
				if (e.command() == null) {
					domain.getCommandStack().undo();
				} else {
					SessionCommands.execute(domain, e.command().get());
				}
				if (k == 3) {
					utility[0] = drums.getInserts().get(0);
				}
				states.add(SessionGraph.describe(session, file, effects));
				assertTrue(live.awaitIdle(2000));
			}
			waitFor(live, frames);
			assertTrue(capture.waitFor(20, TimeUnit.SECONDS), "jack_capture ends");
			assertEquals(List.of(), problems);
			xruns = live.xruns();
		}
		// the offline reference: each state rendered afresh, spliced at the frames where the edits were made
		float[][][] renders = new float[states.size()][][];
		for (int k = 0; k < states.size(); k++) {
			Path r = dir.resolve("state" + k + ".wav");
			Engine.render(Engine.compile(states.get(k)), RenderOptions.of(r, SampleFormat.F32), null);
			renders[k] = readWav(r);
		}
		at[0] = 0;
		float[][] reference = new float[2][frames];
		for (int k = 0; k < states.size(); k++) {
			int from = (int) at[k];
			int to = k + 1 < states.size() ? (int) at[k + 1] : frames;
			for (int ch = 0; ch < 2; ch++) {
				System.arraycopy(renders[k][ch], from, reference[ch], from, to - from);
			}
		}
		// what the session handed to JACK, recorded on JACK's thread (an xrun cannot shift it), and what JACK's
		// graph carried (jack_capture), compared when the run had no xrun (a late cycle shifts that recording)
		float[][] recorded = tap.recording();
		int skip = (int) Math.round(Player.FADE_SECONDS * RATE) + 1;
		int guard = RATE / 10;
		int[] lag = new int[1];
		double[] worst = compareWindows("the device callback's output", reference, recorded, at, guard, lag);
		int offset = lag[0] - skip; // recorded[i + offset] is timeline frame i
		String captured;
		if (xruns == 0) {
			double[] viaJack = compareWindows("jack_capture's recording", reference, readWav(rec), at, guard, new int[1]);
			captured = String.format(Locale.ROOT, "; jack_capture's recording: largest %.4f dB", viaJack[0]);
		} else {
			captured = "; jack_capture's recording not compared: " + xruns + " xruns under the machine's load";
		}
		// each edit changed what is heard (else the comparison would not see it missed), and when it was heard
		StringBuilder heard = new StringBuilder();
		for (int k = 1; k < states.size(); k++) {
			int from = (int) at[k] + guard;
			int to = k + 1 < states.size() ? (int) at[k + 1] : frames;
			double change = 0;
			for (int ch = 0; ch < 2; ch++) {
				change = Math.max(change, Math.abs(20 * Math.log10(rms(renders[k][ch], from, to)
						/ rms(renders[k - 1][ch], from, to))));
			}
			assertTrue(change >= 0.5, edits.get(k - 1).what() + " changes the mix by " + change + " dB only");
			long done = at[k];
			int end = Math.min(to, (int) at[k] + RATE / 2);
			for (int f = (int) at[k]; f < end; f++) {
				for (int ch = 0; ch < 2; ch++) {
					if (Math.abs(recorded[ch][f + offset] - renders[k][ch][f]) > 1e-3) {
						done = f + 1;
					}
				}
			}
			heard.append(String.format(Locale.ROOT, "%n  %-38s at %6.3f s: %+5.1f dB, heard after %5.1f ms",
					edits.get(k - 1).what(), (double) at[k] / RATE, change, (done - at[k]) * 1000.0 / RATE));
		}
		System.out.printf(Locale.ROOT, "live session through JACK vs the offline render of the same %d edits: "
				+ "%.0f windows of 100 ms compared, largest RMS difference %.4f dB (tolerance 0.1 dB)%s%s%n",
				edits.size(), worst[1], worst[0], captured, heard);
	}

	/**
	 * Aligns {@code recorded} to the reference timeline by cross-correlation and compares the RMS of every 100 ms
	 * window per channel, leaving out the windows that overlap {@code [at[k], at[k] + guard)}.
	 *
	 * @param lag set to the recording's index of the reference's frame {@code skip} (the end of the fade-in)
	 * @return the largest difference in dB and the windows compared
	 */
	private static double[] compareWindows(String what, float[][] reference, float[][] recorded, long[] at, int guard,
			int[] lag) {
		int frames = reference[0].length;
		int skip = (int) Math.round(Player.FADE_SECONDS * RATE) + 1;
		lag[0] = align(tail(reference, skip), recorded, RATE);
		int offset = lag[0] - skip;
		int window = RATE / 10;
		double worst = 0;
		int compared = 0;
		for (int w = 0; (w + 1) * window <= frames; w++) {
			int from = w * window;
			int to = from + window;
			if (from < skip || from + offset < 0 || to + offset > recorded[0].length) {
				continue;
			}
			boolean nearEdit = false;
			for (int k = 1; k < at.length; k++) {
				nearEdit |= from < at[k] + guard && to > at[k];
			}
			if (nearEdit) {
				continue;
			}
			for (int ch = 0; ch < 2; ch++) {
				double want = rms(reference[ch], from, to);
				double got = rms(recorded[ch], from + offset, to + offset);
				double diff = 20 * Math.log10(got / want);
				assertTrue(want > 1e-3, "window " + w + " is not silent in the reference");
				assertTrue(Math.abs(diff) <= 0.1, String.format(Locale.ROOT,
						"%s, window %d (%.1f s) channel %d: %.3f dB from the offline render", what, w,
						(double) from / RATE, ch, diff));
				worst = Math.max(worst, Math.abs(diff));
			}
			compared++;
		}
		assertTrue(compared >= 70, what + ": " + compared + " windows compared");
		return new double[] { worst, compared };
	}

	/** Records what the session hands the device, on the device's thread (a copy into a preallocated buffer). */
	static final class Tap {
		private final float[][] data;
		private volatile int written;

		Tap(int capacity) {
			data = new float[2][capacity];
		}

		AudioStream wrap(AudioStream inner) {
			return new AudioStream() {
				@Override
				public int sampleRate() {
					return inner.sampleRate();
				}

				@Override
				public int bufferFrames() {
					return inner.bufferFrames();
				}

				@Override
				public int channels() {
					return inner.channels();
				}

				@Override
				public String deviceName() {
					return inner.deviceName();
				}

				@Override
				public void start(org.mixtree.engine.device.AudioCallback callback) throws AudioDeviceException {
					inner.start(new org.mixtree.engine.device.AudioCallback() {
						@Override
						public void process(float[][] out, int n) {
							callback.process(out, n);
							int at = written;
							int k = Math.min(n, data[0].length - at);
							for (int ch = 0; ch < 2; ch++) {
								System.arraycopy(out[Math.min(ch, out.length - 1)], 0, data[ch], at, k);
							}
							written = at + k;
						}

						@Override
						public void stopped(String reason) {
							callback.stopped(reason);
						}
					});
				}

				@Override
				public void stop() {
					inner.stop();
				}

				@Override
				public long xruns() {
					return inner.xruns();
				}

				@Override
				public void close() {
					inner.close();
				}
			};
		}

		float[][] recording() {
			int n = written;
			return new float[][] { java.util.Arrays.copyOf(data[0], n), java.util.Arrays.copyOf(data[1], n) };
		}
	}

	/**
	 * Fader, pan, send level and effect parameter commands reach the engine through its parameter queue: no plan is
	 * compiled or swapped, and the fader's -6 dB is heard on the channel's meter. A command that changes several
	 * structural things at once (a compound of a mute, a solo, an insert bypass and the stage) is one compile and
	 * one swap; its undo and its redo one each.
	 */
	@Test
	void aParameterChangeSwapsNothingAndACompoundCommandIsOneSwap() throws Exception {
		Insert eq;
		try (JackServer server = new JackServer("-live", 256);
				LiveSession live = LiveSession.open(session, file, domain, rate -> openJack(256),
						new PlayerOptions(2, 1, false, 200), EffectRegistry.osgi())) {
			live.onProblem(problems::add);
			SessionCommands.execute(domain, SessionCommands.addInsert(domain, drums, UTILITY, Map.of(), -1));
			eq = drums.getInserts().get(0);
			assertTrue(live.awaitIdle(30_000));
			live.play();
			Thread.sleep(800);
			long compiles = live.compiles();
			long swaps = live.swaps();
			assertEquals(2, compiles, "the first plan and the insert's");
			assertEquals(1, swaps, "the insert's plan swapped in");
			assertTrue(live.position() > RATE / 4, "playing: position " + live.position());
			double before = live.meter("track/a").rmsDb();
			assertTrue(before > -40, "track:a's meter reads " + live.meter("track/a"));
			SessionCommands.execute(domain, SessionCommands.setGain(domain, a, -9));
			SessionCommands.execute(domain, SessionCommands.setPan(domain, b, 0.1));
			SessionCommands.execute(domain, SessionCommands.setSendLevel(domain, bToFx, -12));
			SessionCommands.execute(domain, SessionCommands.setInsertParameters(domain, eq, Map.of("gain", -3.0)));
			domain.getCommandStack().undo();
			domain.getCommandStack().redo();
			assertTrue(live.awaitIdle(2000));
			Thread.sleep(600); // the meter's RMS is over 300 ms
			double after = live.meter("track/a").rmsDb();
			assertEquals(-6, after - before, 0.05, "track:a's fader heard on its meter");
			assertEquals(compiles, live.compiles(), "parameter changes compile nothing");
			assertEquals(swaps, live.swaps(), "parameter changes swap nothing");
			// what the engine plays: the plan compiled before the changes, with the values posted since laid over it
			assertEquals(-3, channel(live.plan(), "track/a").gainDb(), "the plan keeps the fader it was compiled with");
			assertEquals(-9, live.playing("track/a").gainDb(), "the fader the engine plays");
			assertEquals(0.1, live.playing("track/b").pan(), "the pan the engine plays");
			assertEquals(-12, live.playing("track/b").sends().get(0).levelDb(), "the send level the engine plays");
			assertEquals(-3.0, live.playing(drums.getAddress()).inserts().get(0).parameters().get("gain"),
					"the parameter the engine plays, after its undo and redo");
			assertEquals(-2, live.playing("track/b").gainDb(), "an untouched fader: the plan's");
			assertNull(live.playing("track/nothing"));

			CompoundCommand many = new CompoundCommand("many");
			many.append(SessionCommands.setMute(domain, c, true));
			many.append(SessionCommands.setSolo(domain, drums, true));
			many.append(SessionCommands.setInsertBypass(domain, eq, true));
			many.append(SessionCommands.setStage(domain, session, MixStage.BUSES));
			many.append(SessionCommands.setGain(domain, b, -10));
			SessionCommands.execute(domain, many);
			awaitSwaps(live, swaps + 1);
			assertEquals(compiles + 1, live.compiles(), "one compile for the compound");
			assertEquals(swaps + 1, live.swaps(), "one swap for the compound");
			assertTrue(live.plan().description().channels().stream()
					.anyMatch(ch -> ch.id().equals("track/c") && ch.mute()), "the plan has c muted");
			assertEquals("track:c is muted", live.plan().silentBecause("track/c"));
			assertEquals(-10, live.playing("track/b").gainDb(), "the compound's fader, compiled into the plan");
			assertEquals(-10, channel(live.plan(), "track/b").gainDb());
			assertEquals(-9, live.playing("track/a").gainDb(), "the earlier fader, now the new plan's own");
			assertEquals(-9, channel(live.plan(), "track/a").gainDb());
			domain.getCommandStack().undo();
			awaitSwaps(live, swaps + 2);
			assertNull(live.plan().silentBecause("track/c"), "undone: c heard again");
			domain.getCommandStack().redo();
			awaitSwaps(live, swaps + 3);
			assertEquals(compiles + 3, live.compiles(), "undo and redo: one compile each");
			assertEquals(swaps + 3, live.swaps(), "undo and redo: one swap each");
			assertNotNull(live.meters());
			double[] into = new double[org.mixtree.engine.meter.MeterSnapshot.FIELDS];
			assertTrue(live.readMeter(session.getMaster(), into) > 0, "the master's meter is published");
			assertTrue(into[2] > -40, "the master's RMS: " + into[2]);
			assertEquals(-1, live.readMeter("track/nothing", into));
		}
		assertEquals(List.of(), problems);
	}

	/**
	 * At 128 frames, after the warm-up, the audio thread allocates nothing while fader, pan, send and effect
	 * parameter commands stream in every 20 ms and a structural command (mute, bypass, stage and its undo) every
	 * 300 ms or so. Measured in windows of 2500 callbacks (6.7 s) as the engine's own test measures: a window in
	 * which edits and swaps streamed and the audio thread allocated nothing, within three; an allocation on the edit
	 * path would show in every window (a thousand edits and dozens of swaps each), while what HotSpot does once
	 * when a method reaches its last tier (tens of bytes, first window) is not the session's doing.
	 */
	@Test
	void nothingAllocatesOnTheAudioThreadWhileEditsStreamIn() throws Exception {
		SessionCommands.execute(domain, SessionCommands.addInsert(domain, drums, UTILITY, Map.of("gain", -2.0), -1));
		Insert utility = drums.getInserts().get(0);
		try (JackServer server = new JackServer("-live", 128);
				LiveSession live = LiveSession.open(session, file, domain, rate -> openJack(128),
						new PlayerOptions(2, 1, true, PlayerOptions.DEFAULT_WARM_UP_BLOCKS), EffectRegistry.osgi())) {
			live.onProblem(problems::add);
			assertTrue(live.awaitIdle(60_000));
			live.play();
			long deadline = System.nanoTime() + 90_000_000_000L;
			while (live.stats().audioThreadAllocatedBytes() < 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			List<String> windows = new ArrayList<>();
			long clean = -1;
			int i = 0;
			for (int w = 0; w < 3 && clean < 0; w++) {
				PlayerStats s0 = live.stats();
				long swaps0 = live.swaps();
				int edits = 0;
				while (live.stats().callbacks() < s0.callbacks() + 2500 && System.nanoTime() < deadline) {
					Thread.sleep(20);
					boolean odd = i % 2 == 1;
					SessionCommands.execute(domain, SessionCommands.setGain(domain, a, odd ? -10 : -3));
					SessionCommands.execute(domain, SessionCommands.setPan(domain, b, odd ? -0.3 : 0.5));
					SessionCommands.execute(domain, SessionCommands.setSendLevel(domain, bToFx, odd ? -20 : -6));
					SessionCommands.execute(domain, SessionCommands.setInsertParameters(domain, utility,
							Map.of("gain", odd ? -6.0 : 0.0)));
					edits += 4;
					if (i % 15 == 5) {
						SessionCommands.execute(domain, SessionCommands.setMute(domain, c, !c.isMute()));
						edits++;
					} else if (i % 15 == 10) {
						SessionCommands.execute(domain,
								SessionCommands.setInsertBypass(domain, utility, !utility.isBypass()));
						edits++;
					} else if (i % 30 == 0) {
						SessionCommands.execute(domain, SessionCommands.setStage(domain, session, MixStage.BUSES));
						domain.getCommandStack().undo();
						edits += 2;
					}
					i++;
				}
				assertTrue(live.awaitIdle(2000));
				PlayerStats s1 = live.stats();
				long bytes = s1.audioThreadAllocatedBytes() - s0.audioThreadAllocatedBytes();
				long swaps = live.swaps() - swaps0;
				windows.add(String.format(Locale.ROOT, "%d bytes over %d callbacks (%d edits, %d swaps)", bytes,
						s1.callbacks() - s0.callbacks(), edits, swaps));
				assertTrue(s1.callbacks() - s0.callbacks() >= 2500, windows.toString());
				assertTrue(swaps >= 10, "swaps in the window: " + windows);
				if (bytes == 0) {
					clean = w;
				}
			}
			System.out.printf(Locale.ROOT, "live session through JACK at 128 frames, audio thread after warm-up: %s "
					+ "(%d xruns)%n", windows, live.xruns());
			assertTrue(clean >= 0, "a window of 2500 callbacks with edits streaming and nothing allocated: " + windows);
		}
		assertEquals(List.of(), problems);
	}

	/** A session that cannot be played (a device that does not open) is one message to the handler, no throw. */
	@Test
	void aDeviceThatDoesNotOpenIsOneMessage() throws Exception {
		try (LiveSession live = LiveSession.open(session, file, domain, rate -> {
			throw new AudioDeviceException("JACK: no server running");
		}, new PlayerOptions(2, 1, false, 0), EffectRegistry.osgi())) {
			assertTrue(live.awaitIdle(10_000));
			live.onProblem(problems::add);
			assertEquals(List.of("the session cannot be played: JACK: no server running"), problems);
			live.play();
			SessionCommands.execute(domain, SessionCommands.setMute(domain, a, true));
			assertTrue(live.awaitIdle(2000));
			assertTrue(!live.isPlaying() && live.position() == 0 && live.meters() == null);
		}
	}

	private static GraphDescription.Channel channel(org.mixtree.engine.Plan plan, String id) {
		return plan.description().channels().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
	}

	private static void awaitSwaps(LiveSession live, long swaps) throws InterruptedException {
		assertTrue(live.awaitIdle(5000));
		long deadline = System.nanoTime() + 2_000_000_000L;
		while (live.swaps() < swaps && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		Thread.sleep(200); // and no further swap comes
	}

	private static void waitFor(LiveSession live, long frame) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (live.position() < frame && System.nanoTime() < deadline) {
			Thread.sleep(1);
		}
	}

	private static double rms(float[] x, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) {
			sum += (double) x[i] * x[i];
		}
		return Math.sqrt(sum / (to - from));
	}

	/** @return the index of {@code recorded} where {@code expected} starts (cross-correlation of channel 1) */
	private static int align(float[][] expected, float[][] recorded, int search) {
		int window = 8192;
		int first = 0;
		while (first < recorded[0].length && Math.abs(recorded[0][first]) < 1e-6f) {
			first++;
		}
		assertTrue(first < recorded[0].length, "the recording is silent");
		int lag = -1;
		double best = Double.NEGATIVE_INFINITY;
		for (int k = Math.max(0, first - 64); k <= first + search && k + window < recorded[0].length; k++) {
			double dot = 0;
			for (int i = 0; i < window; i++) {
				dot += (double) recorded[0][k + i] * expected[0][i] + (double) recorded[1][k + i] * expected[1][i];
			}
			if (dot > best) {
				best = dot;
				lag = k;
			}
		}
		return lag;
	}

	private static float[][] tail(float[][] x, int from) {
		float[][] y = new float[x.length][];
		for (int c = 0; c < x.length; c++) {
			y[c] = java.util.Arrays.copyOfRange(x[c], from, x[c].length);
		}
		return y;
	}

	private static float[] sine(double hz, double amplitude, int frames) {
		float[] s = new float[frames];
		for (int i = 0; i < frames; i++) {
			s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
		}
		return s;
	}

	private static void wav(Path file, float[][] data) throws IOException {
		try (WavWriter w = new WavWriter(file, data.length, RATE, SampleFormat.F32, 1)) {
			w.write(data, 0, data[0].length);
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

	/** A stream on this process's private JACK server ({@link JackServer}: it takes clients once made). */
	static AudioStream openJack(int buffer) throws AudioDeviceException {
		return new JackBackend().open(null, RATE, buffer, 2);
	}
}
