package org.mixtree.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mixtree.ui.AudioPreferences;
import org.mixtree.ui.Playback;
import org.mixtree.ui.testing.RunningWorkbench;
import org.mixtree.ui.testing.Screenshots;

/**
 * The preferences (device, buffer, headroom target): the dialog opened with Ctrl+, in the real workbench, changed and
 * confirmed with a click on OK, written to the workbench's data folder and read again by the next workbench; the
 * command line's {@code --device}/{@code --buffer} win over them for one run.
 */
class PreferencesTest {

	private static Path sessionFile;

	@BeforeAll
	static void session() throws Exception {
		sessionFile = LivePlaybackTest.createSession(Screenshots.directory().resolveSibling("prefs-session"), "prefs", 2);
		reset();
	}

	@AfterAll
	static void reset() throws Exception {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(AudioPreferences.NODE);
		node.remove(AudioPreferences.DEVICE);
		node.remove(AudioPreferences.BUFFER);
		node.remove(AudioPreferences.HEADROOM);
		node.flush();
	}

	@Test
	void theDialogsChoicesPersistAcrossARestartAndTheCommandLineOverridesThem() throws Exception {
		Launch fromPreferences = Launch.parse(List.of(sessionFile.toString()));
		try (RunningWorkbench wb = new RunningWorkbench(fromPreferences)) {
			assertEquals(new Playback.DeviceChoice(null, 256), wb.playback.deviceChoice(), "the defaults: auto, 256");
			Shell dialog = openDialog(wb);
			assertEquals("auto", wb.ui(() -> field(dialog, Combo.class, "device").getText()));
			assertEquals("256", wb.ui(() -> field(dialog, Combo.class, "buffer").getText()));
			assertEquals(-60, (int) wb.ui(() -> field(dialog, Spinner.class, "headroom").getSelection()), "-6.0 dBFS");
			assertEquals(-230, (int) wb.ui(() -> field(dialog, Spinner.class, "loudness").getSelection()),
					"-23.0 LUFS (EBU R 128)");
			wb.ui(() -> {
				field(dialog, Combo.class, "device").setText("javasound");
				field(dialog, Combo.class, "buffer").setText("512");
				field(dialog, Spinner.class, "headroom").setSelection(-90);
				field(dialog, Spinner.class, "loudness").setSelection(-140);
				return null;
			});
			wb.screenshot("20-preferences");
			wb.click(wb.ui(() -> button(dialog, "OK")));
			wb.waitFor(3000, "the dialog to close on OK", () -> wb.ui(dialog::isDisposed));
			assertEquals(new Playback.DeviceChoice("javasound", 512), wb.playback.deviceChoice(),
					"the next play opens the device the preferences now name");
			wb.waitFor(5000, "the preferences file", () -> "javasound".equals(stored().getProperty(AudioPreferences.DEVICE)));
		}
		Properties file = stored();
		assertEquals("javasound", file.getProperty(AudioPreferences.DEVICE));
		assertEquals("512", file.getProperty(AudioPreferences.BUFFER));
		assertEquals(-9.0, Double.parseDouble(file.getProperty(AudioPreferences.HEADROOM)), 1e-9);
		assertEquals(-14.0, Double.parseDouble(file.getProperty(AudioPreferences.LOUDNESS)), 1e-9);

		try (RunningWorkbench wb = new RunningWorkbench(fromPreferences)) {
			assertEquals(new Playback.DeviceChoice("javasound", 512), wb.playback.deviceChoice(), "after the restart");
			Shell dialog = openDialog(wb);
			assertEquals("javasound", wb.ui(() -> field(dialog, Combo.class, "device").getText()));
			assertEquals("512", wb.ui(() -> field(dialog, Combo.class, "buffer").getText()));
			assertEquals(-90, (int) wb.ui(() -> field(dialog, Spinner.class, "headroom").getSelection()));
			assertEquals(-9.0, new AudioPreferences().headroomTargetDb(), 1e-9);
			assertEquals(-140, (int) wb.ui(() -> field(dialog, Spinner.class, "loudness").getSelection()));
			assertEquals(-14.0, new AudioPreferences().loudnessTargetLufs(), 1e-9, "the loudness views' target");
			wb.click(wb.ui(() -> button(dialog, "Cancel")));
			wb.waitFor(3000, "the dialog to close on Cancel", () -> wb.ui(dialog::isDisposed));
		}

		Launch override = Launch.parse(List.of(sessionFile.toString(), "--device", "jack", "--buffer", "128"));
		assertEquals(new Playback.DeviceChoice("jack", 128), MixtreeWorkbench.playback(override).deviceChoice(),
				"--device and --buffer win for their run");
		Launch auto = Launch.parse(List.of(sessionFile.toString(), "--device", "auto"));
		assertEquals(new Playback.DeviceChoice(null, 512), MixtreeWorkbench.playback(auto).deviceChoice(),
				"--device auto: JACK when a server runs, else Java Sound; the buffer from the preferences");
	}

	/** Ctrl+, as a person presses it; returns the dialog. */
	private static Shell openDialog(RunningWorkbench wb) throws Exception {
		wb.pointAt(wb.ui(wb::mainShell));
		wb.press(SWT.CTRL, ',');
		Shell[] found = new Shell[1];
		wb.waitFor(5000, "the preferences dialog after Ctrl+,", () -> {
			found[0] = wb.ui(() -> {
				for (Shell s : wb.display().getShells()) {
					if (!s.isDisposed() && s.isVisible() && "Preferences".equals(s.getText())) {
						return s;
					}
				}
				return null;
			});
			return found[0] != null;
		});
		wb.pointAt(found[0]);
		return found[0];
	}

	/** What the workbench's data folder holds for {@code org.mixtree.ui}. */
	private static Properties stored() {
		Properties p = new Properties();
		try {
			Path root = Path.of(Platform.getInstanceLocation().getURL().toURI());
			try (Stream<Path> files = Files.walk(root)) {
				Path prefs = files.filter(f -> f.getFileName().toString().equals(AudioPreferences.NODE + ".prefs"))
						.findFirst().orElse(null);
				if (prefs != null) {
					try (Reader r = Files.newBufferedReader(prefs)) {
						p.load(r);
					}
				}
			}
		} catch (Exception e) {
			throw new AssertionError(e);
		}
		return p;
	}

	/** [UI] The field the dialog names {@code id}. */
	private static <T extends Control> T field(Composite parent, Class<T> type, String id) {
		return type.cast(RunningWorkbench.find(parent, c -> type.isInstance(c) && id.equals(c.getData(PreferencesDialog.ID))));
	}

	/** [UI] */
	private static Button button(Composite parent, String text) {
		return (Button) RunningWorkbench.find(parent, c -> c instanceof Button b && text.equals(b.getText().replace("&", "")));
	}
}
