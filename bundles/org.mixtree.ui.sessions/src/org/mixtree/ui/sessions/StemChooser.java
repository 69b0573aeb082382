package org.mixtree.ui.sessions;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.widgets.Shell;

/**
 * How New Session from Stems and Import Stems ask for the stems. The workbench uses the native dialogs; put another
 * one into the application's context ({@code IEclipseContext.set(StemChooser.class, ...)}) to answer without them,
 * as the UI tests do.
 */
public interface StemChooser {

	/**
	 * [UI] The folder of stems for a new session, or null when the person cancelled.
	 *
	 * @param startIn where the dialog starts (may be null)
	 */
	Path folder(Shell shell, Path startIn);

	/**
	 * [UI] The stems to import: files, or folders whose stems are all taken; empty when the person cancelled.
	 *
	 * @param startIn where the dialog starts (may be null)
	 */
	List<Path> stems(Shell shell, Path startIn);
}
