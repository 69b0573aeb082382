package org.mixtree.ui;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workbench's audio preferences, kept as e4 preferences in the instance scope of {@code org.mixtree.ui} (the
 * workbench's data folder, {@code .metadata/.plugins/org.eclipse.core.runtime/.settings/org.mixtree.ui.prefs}), so
 * they persist across starts.
 * <ul>
 * <li>{@link #DEVICE}: {@code auto} (JACK when a server runs, else Java Sound), {@code jack}, {@code javasound},
 * {@code BACKEND:NAME} or a device name; {@code ./mixtree open --device} overrides it for one run;</li>
 * <li>{@link #BUFFER}: the device buffer in frames, 16 to 8192 ({@code --buffer} overrides it);</li>
 * <li>{@link #HEADROOM}: the headroom target in dBFS that sessions made in the workbench start with (an open
 * session keeps its own, {@code Session.headroomDb}); default -6.</li>
 * <li>{@link #LOUDNESS}: the integrated loudness the master aims at, LUFS, which loudness views draw as their target
 * line; default -23 (EBU R 128).</li>
 * </ul>
 * Threads: read on any thread; {@link #set} on the UI thread; {@link #save} writes the file on a worker.
 */
public final class AudioPreferences {

	public static final String NODE = "org.mixtree.ui";
	public static final String DEVICE = "audio.device";
	public static final String BUFFER = "audio.bufferFrames";
	public static final String HEADROOM = "headroom.targetDb";
	public static final String LOUDNESS = "loudness.targetLufs";
	public static final String AUTO = "auto";
	public static final double DEFAULT_LOUDNESS = -23.0;
	public static final int DEFAULT_BUFFER = 256;
	public static final double DEFAULT_HEADROOM = -6.0;
	public static final int MIN_BUFFER = 16;
	public static final int MAX_BUFFER = 8192;
	/** As the session's own target ({@code SessionCommands.MIN_HEADROOM_DB}). */
	public static final double MIN_HEADROOM = -60.0;
	/** The lowest loudness target, LUFS (the EBU R 128 meters' own floor is -70). */
	public static final double MIN_LOUDNESS = -70.0;

	private final IEclipsePreferences node;

	/** The workbench's preferences (the instance scope of {@code org.mixtree.ui}). */
	public AudioPreferences() {
		this(InstanceScope.INSTANCE.getNode(NODE));
	}

	public AudioPreferences(IEclipsePreferences node) {
		this.node = node;
	}

	/** [any] {@code auto}, {@code jack}, {@code javasound}, {@code BACKEND:NAME} or a device name. */
	public String device() {
		String d = node.get(DEVICE, AUTO).trim();
		return d.isEmpty() ? AUTO : d;
	}

	/** [any] The device buffer in frames; a stored value out of range reads as the default. */
	public int bufferFrames() {
		int b = node.getInt(BUFFER, DEFAULT_BUFFER);
		return b < MIN_BUFFER || b > MAX_BUFFER ? DEFAULT_BUFFER : b;
	}

	/** [any] The headroom target in dBFS (negative); a stored value out of range reads as the default. */
	public double headroomTargetDb() {
		double h = node.getDouble(HEADROOM, DEFAULT_HEADROOM);
		return Double.isNaN(h) || h > 0 || h < MIN_HEADROOM ? DEFAULT_HEADROOM : h;
	}

	/** [any] The master's loudness target, LUFS (-70 to 0); a stored value out of range reads as the default. */
	public double loudnessTargetLufs() {
		double l = node.getDouble(LOUDNESS, DEFAULT_LOUDNESS);
		return Double.isNaN(l) || l > 0 || l < MIN_LOUDNESS ? DEFAULT_LOUDNESS : l;
	}

	/**
	 * [UI] Sets the device, buffer and headroom target in memory (call {@link #save} to write them); the loudness
	 * target stays.
	 *
	 * @throws IllegalArgumentException naming the value out of range
	 */
	public void set(String device, int bufferFrames, double headroomTargetDb) {
		set(device, bufferFrames, headroomTargetDb, loudnessTargetLufs());
	}

	/**
	 * [UI] Sets all four in memory (call {@link #save} to write them).
	 *
	 * @throws IllegalArgumentException naming the value out of range
	 */
	public void set(String device, int bufferFrames, double headroomTargetDb, double loudnessTargetLufs) {
		if (Double.isNaN(loudnessTargetLufs) || loudnessTargetLufs > 0 || loudnessTargetLufs < MIN_LOUDNESS) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"loudness target %.1f LUFS: from %.0f to 0 LUFS", loudnessTargetLufs, MIN_LOUDNESS));
		}
		if (bufferFrames < MIN_BUFFER || bufferFrames > MAX_BUFFER) {
			throw new IllegalArgumentException("buffer " + bufferFrames + ": a whole number of frames from "
					+ MIN_BUFFER + " to " + MAX_BUFFER);
		}
		if (Double.isNaN(headroomTargetDb) || headroomTargetDb > 0 || headroomTargetDb < MIN_HEADROOM) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"headroom target %.1f dBFS: from %.0f to 0 dBFS", headroomTargetDb, MIN_HEADROOM));
		}
		String d = device == null || device.isBlank() ? AUTO : device.trim();
		if (AUTO.equals(d)) {
			node.remove(DEVICE);
		} else {
			node.put(DEVICE, d);
		}
		node.putInt(BUFFER, bufferFrames);
		node.putDouble(HEADROOM, headroomTargetDb);
		node.putDouble(LOUDNESS, loudnessTargetLufs);
	}

	/** [any] Writes the preferences to the workbench's data folder on a worker; the future fails naming why. */
	public CompletableFuture<Void> save() {
		return CompletableFuture.runAsync(() -> {
			try {
				node.flush();
			} catch (BackingStoreException e) {
				throw new CompletionException("the preferences were not saved: " + e.getMessage(), e);
			}
		});
	}

	/**
	 * [any] The device a live session opens: {@code device} and {@code bufferFrames} when the command line gave them
	 * (not null, above 0), else the preferences as they are now.
	 */
	public Playback.DeviceChoice choice(String device, int bufferFrames) {
		return new Playback.DeviceChoice(device != null ? device : device(),
				bufferFrames > 0 ? bufferFrames : bufferFrames());
	}
}
