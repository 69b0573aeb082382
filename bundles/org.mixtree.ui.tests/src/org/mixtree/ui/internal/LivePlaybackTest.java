package org.mixtree.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.LiveSession;
import org.mixtree.ui.Playback;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.Screenshots;

/**
 * The workbench playing its live session through a private JACK server, driven as a person drives it under Xvfb:
 * Space plays; a fader command on the editing domain (what the console runs at the end of a drag) is heard on the
 * channel's meter by exactly the gain change, a live preview value (the drag itself) is heard without a command,
 * Ctrl+Z is heard; a mute is one plan swap; the time display counts xruns; a JACK server killed while playing gives
 * one message in the top bar and the workbench keeps working, and when the server is started again under the same
 * name the same live session reconnects by itself, says so in a second message, and plays on from where it was.
 * <p>
 * Meter tolerance: the strip's RMS (300 ms window) of a steady 110 Hz sine, read 0.8 s after a change (the fader
 * ramps over 20 ms): 0.1 dB between two readings, 0.25 dB against the formula (a sine's RMS is its peak -3.01 dB).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePlaybackTest {

	/** The stems' peak level, dBFS (sox {@code gain -12} on a full-scale sine). */
	private static final double STEM_PEAK_DB = -12;

	private static JackServer jack;
	private static Path sessionFile;
	private static RunningWorkbench wb;

	@BeforeAll
	static void start() throws Exception {
		sessionFile = createSession(Screenshots.directory().resolveSibling("live-session"), "live", 40);
		jack = new JackServer("-live");
		wb = new RunningWorkbench(sessionFile, "jack");
	}

	@AfterAll
	static void stop() throws Exception {
		try {
			if (wb != null) {
				wb.close();
			}
		} finally {
			if (jack != null) {
				jack.close();
			}
		}
	}

	@Test
	@Order(1)
	void spacePlaysTheLiveSessionAndAFaderCommandIsHeardByItsGainChange() throws Exception {
		wb.press(0, ' ');
		waitPlaying("the live session to play after Space");
		LiveSession live = wb.playback.live();
		assertNotNull(live, "Space opened the session's live session");
		AdapterFactoryEditingDomain domain = wb.session.domain();
		Track bass = track("Bass");
		String id = wb.ui(bass::getAddress);
		double gain0 = wb.ui(bass::getGainDb);
		assertEquals(0.0, (double) wb.ui(bass::getPan), 0.0, "Bass sits in the centre (balance 1 on both sides)");

		double before = settledRms(live, id);
		double formula = STEM_PEAK_DB - 3.0103 + gain0;
		assertEquals(formula, before, 0.25, "Bass's meter: a -12 dBFS sine at fader " + gain0 + " dB");

		long compiles = live.compiles();
		long swaps = live.swaps();
		wb.ui(() -> {
			SessionCommands.execute(domain, SessionCommands.setGain(domain, bass, gain0 - 9));
			return null;
		});
		double after = settledRms(live, id);
		assertEquals(-9, after - before, 0.1, "the fader command's -9 dB heard on Bass's meter (" + before + " -> " + after + ")");
		assertEquals(compiles, live.compiles(), "a fader command compiles nothing");
		assertEquals(swaps, live.swaps(), "a fader command swaps nothing");

		// a drag in progress: the live value is heard, the model and the undo history are untouched
		wb.ui(() -> {
			wb.playback.previewGain(id, gain0 - 21);
			return null;
		});
		double previewed = settledRms(live, id);
		assertEquals(-12, previewed - after, 0.1, "the preview's -12 dB more heard on the meter");
		assertEquals(gain0 - 9, (double) wb.ui(bass::getGainDb), 1e-9, "a preview does not change the model");

		wb.press(SWT.CTRL, 'z');
		assertEquals(gain0, (double) wb.ui(bass::getGainDb), 1e-9, "Ctrl+Z undid the fader command");
		double undone = settledRms(live, id);
		assertEquals(0, undone - before, 0.1, "the undo heard: Bass is back where it was");
		assertEquals(swaps, live.swaps(), "undoing a fader swaps nothing");
	}

	@Test
	@Order(2)
	void aMuteIsOneSwapAndTheTimeDisplayCountsXruns() throws Exception {
		LiveSession live = wb.playback.live();
		assertTrue(wb.playback.isPlaying());
		Track vocals = track("Vocals");
		String id = wb.ui(vocals::getAddress);
		assertTrue(settledRms(live, id) > -40, "Vocals is heard before the mute");
		AdapterFactoryEditingDomain domain = wb.session.domain();
		long swaps = live.swaps();
		wb.ui(() -> {
			SessionCommands.execute(domain, SessionCommands.setMute(domain, vocals, true));
			return null;
		});
		wb.waitFor(5000, "the mute's plan to swap in", () -> live.swaps() > swaps);
		double muted = settledRms(live, id);
		assertEquals(swaps + 1, live.swaps(), "a mute is exactly one swap");
		assertTrue(muted < -90, "Vocals's meter after the mute: " + muted + " dB");

		String time = wb.ui(() -> find(wb.mainShell(), Label.class, "TransportTime").getText());
		Matcher m = Pattern.compile("(\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d{3}) +xruns (\\d+)").matcher(time);
		assertTrue(m.matches(), "the time display shows the time and the xruns: '" + time + "'");
		long shown = Long.parseLong(m.group(5));
		assertTrue(shown <= wb.playback.xruns(), "xruns shown " + shown + ", counted " + wb.playback.xruns());
		assertTrue(Integer.parseInt(m.group(3)) + 60 * Integer.parseInt(m.group(2)) >= 1, "the time moves: " + time);
		wb.screenshot("10-live-playing");
	}

	@Test
	@Order(3)
	void aKilledJackServerIsOneLineAndTheSessionReconnectsWhenItIsBackWithASecondLine() throws Exception {
		assertTrue(wb.playback.isPlaying());
		LiveSession first = wb.playback.live();
		List<String> messages = new ArrayList<>();
		Runnable listener = () -> {
			String m = wb.playback.message();
			synchronized (messages) {
				if (m != null && (messages.isEmpty() || !messages.get(messages.size() - 1).equals(m))) {
					messages.add(m);
				}
			}
		};
		wb.playback.addListener(listener);
		try {
			jack.kill();
			wb.waitFor(10_000, "the message that the server is gone",
					() -> wb.playback.message() != null && wb.playback.message().contains("went away"));
			Thread.sleep(1500); // room for a second message, which must not come while the server is away
			String gone = wb.playback.message();
			synchronized (messages) {
				assertEquals(List.of(gone), new ArrayList<>(messages), "one message");
			}
			assertTrue(gone.contains("JACK") && gone.contains("stopped") && gone.endsWith("reconnecting when it is back"),
					gone);
			assertFalse(wb.playback.isPlaying(), "nothing plays while the server is away");
			wb.waitFor(2000, "the message in the top bar",
					() -> gone.equals(wb.ui(() -> find(wb.mainShell(), Label.class, "TopBarStatus").getText())));
			assertEquals(List.of(), wb.ui(LivePlaybackTest::dialogs), "no dialog: the message is in the window");
			wb.screenshot("11-device-gone");

			// still working: a key is handled at once and an edit goes on the stack
			long asked = System.nanoTime();
			wb.press(SWT.CTRL, 'z');
			assertEquals(false, (boolean) wb.ui(() -> track("Vocals").isMute()), "Ctrl+Z undid the mute");
			double seconds = (System.nanoTime() - asked) / 1e9;
			assertTrue(seconds < 2, "the undo took " + seconds + " s");

			// the server started again under the same name, as a user would: the live session reopens it by itself
			long before = wb.playback.positionFrames();
			jack.start();
			waitPlaying("the live session to reconnect and play on");
			long after = wb.playback.positionFrames();
			wb.waitFor(5000, "the reconnection's message",
					() -> wb.playback.message() != null && wb.playback.message().startsWith("reconnected to "));
			String back = wb.playback.message();
			// the line says "playing on" or "the transport is" by whether the player had resumed at that instant;
			// that it plays on from where it was is what the position checks below assert
			assertTrue(back.contains("playing on at") || back.contains("the transport is at"), back);
			wb.waitFor(2000, "the reconnection's message in the top bar",
					() -> back.equals(wb.ui(() -> find(wb.mainShell(), Label.class, "TopBarStatus").getText())));
			synchronized (messages) {
				assertEquals(List.of(gone, back), new ArrayList<>(messages), "two messages, one line each");
			}
			assertSame(first, wb.playback.live(), "the same live session: no restart");
			assertTrue(after >= before && after - before < 48000, "it plays on from where it was: " + before + " -> "
					+ after);
			long p0 = wb.playback.positionFrames();
			Thread.sleep(300);
			assertTrue(wb.playback.positionFrames() > p0, "the position moves on the restarted server");
			wb.screenshot("12-device-back");
		} finally {
			wb.playback.removeListener(listener);
		}
		wb.press(0, ' ');
		wb.waitFor(3000, "Space to stop", () -> wb.playback.state() == Playback.State.STOPPED);
	}

	/** Waits up to 20 s for the engine to play (the live session rehearses the mix first); says why not. */
	private static void waitPlaying(String what) throws InterruptedException {
		try {
			wb.waitFor(20_000, what, wb.playback::isPlaying);
		} catch (AssertionError e) {
			StringBuilder threads = new StringBuilder();
			Thread.getAllStackTraces().forEach((t, stack) -> {
				if (t.getName().startsWith("mixtree-")) {
					threads.append("\n").append(t.getName()).append(':');
					for (StackTraceElement f : stack) {
						threads.append("\n  ").append(f);
					}
				}
			});
			throw new AssertionError(e.getMessage() + "; transport " + wb.playback.state() + ", message "
					+ wb.playback.message() + threads, e);
		}
	}

	/** [test] The strip's RMS once a change has settled: the 300 ms window refilled after the 20 ms ramp. */
	private static double settledRms(LiveSession live, String id) throws InterruptedException {
		Thread.sleep(800);
		return live.meter(id).rmsDb();
	}

	private static Track track(String name) {
		return wb.ui(() -> {
			Session s = wb.session.session();
			for (Track t : s.getTracks()) {
				if (t.getName().equals(name)) {
					return t;
				}
			}
			throw new AssertionError("no track " + name);
		});
	}

	/** [test] The titles of the visible shells other than the main window of {@code wb}. */
	static List<String> dialogsOf(RunningWorkbench wb) {
		return wb.ui(() -> {
			List<String> list = new ArrayList<>();
			for (Shell s : wb.display().getShells()) {
				if (!s.isDisposed() && s.isVisible() && s != wb.mainShell()) {
					list.add(s.getText());
				}
			}
			return list;
		});
	}

	/** [UI] The visible shells other than the main window. */
	static List<String> dialogs() {
		List<String> list = new ArrayList<>();
		for (Shell s : wb.display().getShells()) {
			if (!s.isDisposed() && s.isVisible() && s != wb.mainShell()) {
				list.add(s.getText());
			}
		}
		return list;
	}

	/** [UI] The first control of that type whose CSS id or class is {@code name}. */
	static <T extends Control> T find(Composite parent, Class<T> type, String name) {
		return type.cast(RunningWorkbench.find(parent, c -> type.isInstance(c) && (name.equals(c.getData("org.eclipse.e4.ui.css.id"))
				|| name.equals(c.getData("org.eclipse.e4.ui.css.CssClassName")))));
	}

	/** A session of three stereo sine stems of {@code seconds} (Kick 55 Hz, Bass 110 Hz, Vocals 440 Hz, -12 dBFS). */
	static Path createSession(Path dir, String name, int seconds) throws Exception {
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		String[][] stemsAndFrequencies = { { "Kick", "55" }, { "Bass", "110" }, { "Vocals", "440" } };
		List<String> sources = new ArrayList<>();
		for (String[] s : stemsAndFrequencies) {
			Path wav = stems.resolve(s[0] + ".wav");
			Process p = new ProcessBuilder("sox", "-n", "-r", "48000", "-b", "24", "-c", "2", wav.toString(), "synth",
					Integer.toString(seconds), "sine", s[1], "gain", String.format(Locale.ROOT, "%.1f", STEM_PEAK_DB))
					.redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes());
			if (p.waitFor() != 0) {
				throw new AssertionError("sox failed (install sox): " + out);
			}
			sources.add("stems/" + s[0] + ".wav");
		}
		Path file = dir.resolve(name + "." + SessionStore.EXTENSION);
		Files.deleteIfExists(file);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, file, name, 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, sources, GroupingMode.AUTO));
		SessionStore.save(session, file);
		return file;
	}
}
