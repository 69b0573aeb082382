package org.mixtree.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * View > Light Theme: switches between the dark theme (the default) and the light one. The theme engine keeps the
 * choice in its preferences (in the workbench's instance location), so the next start uses it.
 */
public final class ThemeHandler {

	public static final String DARK = "org.mixtree.ui.theme.dark";
	public static final String LIGHT = "org.mixtree.ui.theme.light";
	static final String MENU_ITEM = "org.mixtree.ui.menuitem.theme";

	@Execute
	void toggle(IThemeEngine engine, MApplication application, EModelService models) {
		engine.setTheme(isLight(engine) ? DARK : LIGHT, true);
		showChoice(engine, application, models);
	}

	/** Whether the light theme is the active one. */
	public static boolean isLight(IThemeEngine engine) {
		ITheme active = engine.getActiveTheme();
		return active != null && LIGHT.equals(active.getId());
	}

	/** Ticks the menu item when the light theme is on. */
	public static void showChoice(IThemeEngine engine, MApplication application, EModelService models) {
		List<MItem> items = models.findElements(application, MENU_ITEM, MItem.class, null,
				EModelService.ANYWHERE | EModelService.IN_MAIN_MENU);
		for (MItem item : items) {
			item.setSelected(isLight(engine));
		}
	}
}
