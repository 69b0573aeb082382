package org.mixtree.ui.views;

import org.eclipse.swt.widgets.Composite;

/**
 * A view contributed by a bundle (see the package documentation). The workbench creates one instance per place
 * that shows it (public no-argument constructor), calls {@link #createControl} once, and {@link #dispose} once when
 * the place shows another view, closes, or the contributing bundle goes away; then it disposes the controls the
 * view created. A view keeps no static state.
 * <p>
 * Everything a view changes in the session goes through {@link ViewContext#domain()}'s command stack (the commands
 * of {@code org.mixtree.model.edit}'s {@code SessionCommands}), so it is undoable and the playing engine follows.
 * Long work (analysis, layout of a large graph) runs off the UI thread; the UI thread never waits for it, for the
 * audio thread or for files.
 */
public interface MixtreeView {
	/**
	 * [UI] Creates the view's controls in {@code parent} (which has no layout set; set one) and starts following
	 * what it needs from {@code context}. The context stays valid until {@link #dispose}.
	 */
	void createControl(Composite parent, ViewContext context);

	/** [UI] Gives the view's main control the keyboard focus. */
	default void setFocus() {
	}

	/**
	 * [UI] Releases what the view holds outside its controls: taps, listeners added to the context or the model,
	 * workers, colours and fonts it made. Called once; the controls are disposed by the workbench after it.
	 */
	default void dispose() {
	}
}
