package org.mixtree.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mixtree.model.Bus;
import org.mixtree.model.Channel;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.persistence.SessionStore;

/**
 * The top bar's master headroom readout on the workbench playing through a private JACK server: one stem, a
 * -12 dBFS 110 Hz stereo sine (sox), through faders whose sum is the gain to the master; the readout's held sample
 * peak and true peak are that sum within 0.1 dB (the 110 Hz sine's samples come within 0.0003 dB of its crest; its
 * true peak is its crest); the over warning shows in STATIC (the session's headroom target is -15 dBFS) and not in
 * TRACKS; a click on the readout resets the held peak (after a -6 dB fader command, the held value stays until the
 * click, then reads 6 dB lower).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopBarHeadroomTest {

	private static final double STEM_PEAK_DB = -12;
	private static final double TARGET_DB = -15;
	private static final Pattern READOUT = Pattern.compile(
			"peak (-?\\d+\\.\\d) dBFS  TP (-?\\d+\\.\\d) dBTP  M (-?\\d+\\.\\d|-inf) S (-?\\d+\\.\\d|-inf) I (-?\\d+\\.\\d|-inf) LUFS(  OVER .*)?");

	private static JackServer jack;
	private static RunningWorkbench wb;

	@BeforeAll
	static void start() throws Exception {
		Path dir = Screenshots.directory().resolveSibling("headroom-session");
		Path stems = dir.resolve("stems");
		Files.createDirectories(stems);
		Process p = new ProcessBuilder("sox", "-n", "-r", "48000", "-b", "24", "-c", "2",
				stems.resolve("Bass.wav").toString(), "synth", "30", "sine", "110", "gain", "-12.0")
				.redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		assertEquals(0, p.waitFor(), "sox: " + out);
		Path file = dir.resolve("headroom." + SessionStore.EXTENSION);
		Files.deleteIfExists(file);
		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session session = SessionEditing.create(domain, file, "headroom", 48000);
		SessionCommands.execute(domain, SessionBuilder.populate(domain, session, List.of("stems/Bass.wav"), GroupingMode.AUTO));
		session.setHeadroomDb(TARGET_DB);
		session.setMixStage(MixStage.TRACKS);
		SessionStore.save(session, file);
		jack = new JackServer("-headroom");
		wb = new RunningWorkbench(file, "jack");
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
	void theReadoutShowsTheMastersPeakWhilePlayingAndTheOverWarningInStatic() throws Exception {
		wb.press(0, ' ');
		wb.waitFor(20_000, "the session to play", wb.playback::isPlaying);
		Track bass = bass();
		double formula = STEM_PEAK_DB + wb.ui(() -> gainToMaster(bass));
		Thread.sleep(3500); // the short-term loudness's 3 s window filled
		Matcher m = readout();
		assertEquals(formula, Double.parseDouble(m.group(1)), 0.1, "the held sample peak: " + m.group());
		assertEquals(formula, Double.parseDouble(m.group(2)), 0.1, "the true peak: " + m.group());
		// a steady sine: momentary, short-term and integrated loudness read a level, and the same one
		assertTrue(!m.group(3).equals("-inf") && !m.group(4).equals("-inf") && !m.group(5).equals("-inf"), m.group());
		assertEquals(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), 0.2, m.group());
		assertTrue(formula > TARGET_DB, "the stem is over the target (test set-up): " + formula);
		assertFalse(wb.ui(() -> wb.mainShell() != null && overShown()), "no over warning in TRACKS: " + m.group());
		assertEquals(null, m.group(6), "no over warning in TRACKS");

		wb.click(button("stage.STATIC"));
		assertEquals(MixStage.STATIC, wb.ui(() -> wb.session.session().getMixStage()), "the STATIC button's command");
		Thread.sleep(300);
		m = readout();
		assertTrue(m.group(6) != null && m.group(6).contains("OVER -15.0"), "the over warning in STATIC: " + m.group());
		assertTrue(wb.ui(TopBarHeadroomTest::overShown), "the readout is drawn red");
		wb.screenshot("20-topbar-headroom-over");
	}

	@Test
	@Order(2)
	void aClickResetsTheHeldPeak() throws Exception {
		Track bass = bass();
		AdapterFactoryEditingDomain domain = wb.session.domain();
		double g0 = wb.ui(bass::getGainDb);
		double before = Double.parseDouble(readout().group(1));
		wb.ui(() -> {
			SessionCommands.execute(domain, SessionCommands.setGain(domain, bass, g0 - 6));
			return null;
		});
		Thread.sleep(2500); // the peak bar falls 20 dB in 1.7 s: the held value must not follow it
		assertEquals(before, Double.parseDouble(readout().group(1)), 0.05, "the held peak holds");
		wb.click(wb.ui(() -> headroomLabel()));
		Thread.sleep(500);
		Matcher m = readout();
		assertEquals(before - 6, Double.parseDouble(m.group(1)), 0.1, "after the click: the peak now " + m.group());
		assertEquals(before - 6, Double.parseDouble(m.group(2)), 0.1, "after the click: the true peak now " + m.group());
	}

	private static Matcher readout() {
		String text = wb.ui(() -> headroomLabel().getText());
		Matcher m = READOUT.matcher(text);
		assertTrue(m.matches(), "the readout's text: '" + text + "'");
		return m;
	}

	/** [UI] */
	private static boolean overShown() {
		Label l = headroomLabel();
		return HeadroomReadout.OVER_CLASS.equals(l.getData("org.eclipse.e4.ui.css.CssClassName"))
				&& l.getForeground().getRed() > 2 * l.getForeground().getGreen();
	}

	/** [UI] */
	private static Label headroomLabel() {
		return (Label) byId(wb.mainShell(), "headroom.readout");
	}

	private static Control button(String id) {
		return wb.ui(() -> byId(wb.mainShell(), id));
	}

	/** [UI] The control whose {@link TopBar#ID} is {@code id}. */
	static Control byId(Composite parent, String id) {
		for (Control c : parent.getChildren()) {
			if (id.equals(c.getData(TopBar.ID))) {
				return c;
			}
			if (c instanceof Composite inner) {
				Control found = byId(inner, id);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** [UI] The faders from a channel to the master, dB (centred pans pass a stereo stem at unity). */
	private static double gainToMaster(Channel c) {
		double sum = 0;
		for (Channel x = c; x != null; x = x.getOutput()) {
			sum += x.getGainDb();
			if (x instanceof Bus b && b == wb.session.session().getMaster()) {
				break;
			}
		}
		return sum;
	}

	private static Track bass() {
		return wb.ui(() -> wb.session.session().getTracks().get(0));
	}
}
