package org.mixtree.ui.mixer;

import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.Insert;

/**
 * Effect editors other than the generic one: what the console asks before it opens an insert's
 * {@link ParameterEditor}. The workbench's view host ({@code org.mixtree.ui.views.host}) puts one into the
 * application context; it shows an installed view of kind {@code editor} declared for the insert's effect id.
 * <p>
 * [UI] All methods on the UI thread.
 */
public interface InsertEditors {
	/**
	 * Shows {@code insert}'s own editor, if an installed view edits its effect.
	 *
	 * @param parent  the console's window, the parent of the editor's
	 * @param generic opens the generic editor instead (the custom editor's way back to it)
	 * @return whether an editor was shown; false: the console opens the generic one
	 */
	boolean open(Insert insert, Shell parent, Runnable generic);

	/** Closes every editor opened through {@link #open} (the console goes away or shows another session). */
	void closeAll();
}
