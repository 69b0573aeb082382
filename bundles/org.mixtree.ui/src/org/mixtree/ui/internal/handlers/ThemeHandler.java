package org.mixtree.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;

/**
 * View > Light Theme: switches between the dark theme (the default) and the light one; the choice is kept in the
 * theme engine's preferences, so the next start uses it.
 */
public final class ThemeHandler {

	public static final String DARK = "org.mixtree.ui.theme.dark";
	public static final String LIGHT = "org.mixtree.ui.theme.light";

	@Execute
	void toggle(IThemeEngine engine, MItem item) {
		ITheme active = engine.getActiveTheme();
		boolean dark = active == null || DARK.equals(active.getId());
		engine.setTheme(dark ? LIGHT : DARK, true);
		item.setSelected(dark);
	}
}
