package org.mixtree.ui.views;

import java.nio.file.Path;

import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.engine.meter.MeterSnapshot;
import org.mixtree.model.Channel;
import org.mixtree.model.Insert;
import org.mixtree.model.Session;

/**
 * What the workbench gives a view: the session, its editing domain, the shared selection, the transport, the
 * engine's meters and taps. Valid from {@link MixtreeView#createControl} until {@link MixtreeView#dispose}; a session
 * opened later gives the view a new context (the workbench disposes the view and creates it again).
 * <p>
 * [UI] unless a method says otherwise.
 */
public interface ViewContext {
	/** @return the session shown */
	Session session();

	/** @return the session's editing domain: every change a view makes is a command on its command stack */
	EditingDomain domain();

	/** @return the session file (stems are relative to its folder), or null for a session not saved yet */
	Path sessionFile();

	/** @return the selected channel, shared with the console and every other view */
	ChannelSelection selection();

	/** @return the transport */
	TransportState transport();

	/** @return editors: the insert being edited; other views: null */
	Insert insert();

	/**
	 * A value of one of the edited insert's parameters while a gesture is under way (a handle dragged on an EQ
	 * curve): the playing engine hears it at once, smoothed, and the model is not changed; the gesture ends with one
	 * command ({@code SessionCommands.setInsertParameters}) that puts the final value into the model and the undo
	 * history, as the generic parameter editor's sliders do. A value the effect does not accept is ignored; nothing
	 * happens while nothing plays. Returns at once. Since API 1.1.
	 *
	 * @param insert      the insert (an editor's {@link #insert()})
	 * @param parameterId the parameter's id in the effect's descriptor
	 * @param value       in the parameter's units
	 */
	default void previewParameter(Insert insert, String parameterId, double value) {
	}

	/**
	 * [any] The engine's meter of a channel as last published by the audio thread (levels, EBU R128 loudness,
	 * correlation, gain reduction): the same numbers the console shows.
	 *
	 * @return the reading, or {@link MeterSnapshot#SILENT} when nothing plays that channel
	 */
	MeterSnapshot meter(Channel channel);

	/**
	 * Opens a tap of a channel's audio (see {@link AudioTap}). The tap follows the playing engine across plan swaps
	 * and device changes; it reads no frames while nothing plays. The context closes the taps a view left open when
	 * the view is disposed.
	 */
	AudioTap openTap(Channel channel);

	/** @return the loudness target from the preferences (the master's integrated target), LUFS */
	double loudnessTargetLufs();

	/**
	 * Shows a one-line message in the workbench's status line (a refused drop says why with the engine's message).
	 */
	void showMessage(String message);
}
