package org.mixtree.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.DeviceInfo;
import org.mixtree.ui.AudioPreferences;
import org.mixtree.ui.Playback;

/**
 * Edit > Preferences: the audio device (auto, JACK, Java Sound or a named device), the buffer size and the headroom
 * target. OK stores them ({@link AudioPreferences}); the devices the back ends list are asked for on a worker and
 * join the list when they come, so the dialog opens at once whatever a device does.
 */
public final class PreferencesDialog extends Dialog {

	/** The widget data key naming each field, for tests. */
	public static final String ID = "org.mixtree.ui.preferences.id";
	static final int[] BUFFERS = { 32, 64, 128, 256, 512, 1024, 2048, 4096 };

	private final AudioPreferences preferences;
	private final Playback.DeviceChoice override;
	private Combo device;
	private Combo buffer;
	private Spinner headroom;
	private Spinner loudness;
	private Label note;

	/**
	 * @param override the device this run uses when the command line chose it ({@code --device}, {@code --buffer}),
	 *                 said in the dialog since it wins over the preferences until the next start; null when nothing
	 */
	public PreferencesDialog(Shell parent, AudioPreferences preferences, Playback.DeviceChoice override) {
		super(parent);
		this.preferences = preferences;
		this.override = override;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Preferences");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 12;
		layout.marginHeight = 12;
		layout.verticalSpacing = 8;
		area.setLayout(layout);

		label(area, "Audio device");
		device = new Combo(area, SWT.DROP_DOWN);
		device.setData(ID, "device");
		device.setItems(AudioPreferences.AUTO, "jack", "javasound");
		device.setText(preferences.device());
		device.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		device.setToolTipText("auto: JACK when a server runs, else Java Sound; or a device the back ends list");
		label(area, "");

		label(area, "Buffer");
		buffer = new Combo(area, SWT.DROP_DOWN);
		buffer.setData(ID, "buffer");
		List<String> sizes = new ArrayList<>();
		for (int b : BUFFERS) {
			sizes.add(Integer.toString(b));
		}
		String current = Integer.toString(preferences.bufferFrames());
		if (!sizes.contains(current)) {
			sizes.add(current);
		}
		buffer.setItems(sizes.toArray(String[]::new));
		buffer.setText(current);
		buffer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		label(area, "frames");

		label(area, "Headroom target");
		headroom = new Spinner(area, SWT.BORDER);
		headroom.setData(ID, "headroom");
		headroom.setDigits(1);
		headroom.setValues((int) Math.round(preferences.headroomTargetDb() * 10), (int) (AudioPreferences.MIN_HEADROOM * 10),
				0, 1, 5, 30);
		headroom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		label(area, "dBFS");

		label(area, "Loudness target");
		loudness = new Spinner(area, SWT.BORDER);
		loudness.setData(ID, "loudness");
		loudness.setDigits(1);
		loudness.setValues((int) Math.round(preferences.loudnessTargetLufs() * 10),
				(int) (AudioPreferences.MIN_LOUDNESS * 10), 0, 1, 5, 30);
		loudness.setToolTipText("The master's integrated loudness aim, drawn by the loudness views: -23 EBU R 128, "
				+ "-14 most streaming services, -16 podcasts");
		loudness.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		label(area, "LUFS");

		note = new Label(area, SWT.WRAP);
		note.setData(ID, "note");
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		wide.widthHint = 420;
		note.setLayoutData(wide);
		note.setText(override == null ? "A new device is opened at the next play."
				: "This run uses " + describe(override) + " from the command line; the preferences apply from the next start.");
		device.addListener(SWT.Modify, e -> validate());
		buffer.addListener(SWT.Modify, e -> validate());
		listDevices();
		return area;
	}

	private static String describe(Playback.DeviceChoice c) {
		return (c.device() == null ? AudioPreferences.AUTO : c.device()) + " with " + c.bufferFrames() + " frames";
	}

	private static void label(Composite parent, String text) {
		Label l = new Label(parent, SWT.NONE);
		l.setText(text);
	}

	/** The named devices, asked for on a worker (a back end may take a moment), added to the list on the UI thread. */
	private void listDevices() {
		CompletableFuture.supplyAsync(() -> {
			List<String> names = new ArrayList<>();
			for (AudioBackend b : Playback.backends()) {
				try {
					for (DeviceInfo d : b.devices()) {
						names.add(b.id() + ":" + d.name());
					}
				} catch (Exception e) {
					// a back end without a device now (no JACK server): nothing to list
				}
			}
			return names;
		}).thenAccept(names -> {
			if (device != null && !device.isDisposed()) {
				device.getDisplay().asyncExec(() -> {
					if (!device.isDisposed()) {
						String text = device.getText();
						for (String n : names) {
							if (device.indexOf(n) < 0) {
								device.add(n);
							}
						}
						device.setText(text);
					}
				});
			}
		});
	}

	/** @return the buffer typed, or -1 */
	private int bufferValue() {
		try {
			int b = Integer.parseInt(buffer.getText().trim());
			return b < AudioPreferences.MIN_BUFFER || b > AudioPreferences.MAX_BUFFER ? -1 : b;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private void validate() {
		Control ok = getButton(IDialogConstants.OK_ID);
		String problem = bufferValue() < 0 ? String.format(Locale.ROOT, "Buffer '%s': a whole number of frames from %d to %d",
				buffer.getText(), AudioPreferences.MIN_BUFFER, AudioPreferences.MAX_BUFFER) : null;
		if (ok != null) {
			ok.setEnabled(problem == null);
		}
		if (problem != null) {
			note.setText(problem);
		}
	}

	@Override
	protected void okPressed() {
		int b = bufferValue();
		if (b < 0) {
			validate();
			return;
		}
		preferences.set(device.getText(), b, headroom.getSelection() / 10.0, loudness.getSelection() / 10.0);
		super.okPressed();
	}
}
