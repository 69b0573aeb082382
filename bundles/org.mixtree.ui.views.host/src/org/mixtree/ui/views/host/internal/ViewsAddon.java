package org.mixtree.ui.views.host.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Display;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;
import org.mixtree.ui.mixer.InsertEditors;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.host.ViewRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The view host's services, put into the application context when the workbench starts (an addon of this bundle's
 * model fragment, made before any part): the {@link ViewRegistry} the places read, the one {@link ChannelSelection}
 * the console and every view share (cleared when another session is opened), and the {@link InsertEditors} the
 * console asks before it opens the generic parameter editor. Declarations left out of the registry are named on
 * stderr once.
 */
public final class ViewsAddon {
	@Inject
	IEclipseContext context;
	@Inject
	@Optional
	Playback playback;
	@Inject
	@Optional
	StatusLine status;

	private ViewRegistry registry;
	private SharedSelection selection;
	private EffectEditors editors;
	private SessionService session;

	@PostConstruct
	void start() {
		registry = new ViewRegistry(Platform.getExtensionRegistry());
		for (String p : registry.problems()) {
			System.err.println("mixtree: views: " + p);
		}
		selection = new SharedSelection();
		editors = new EffectEditors(Display.getCurrent(), registry, () -> context.get(SessionService.class), playback,
				selection, status);
		context.set(ViewRegistry.class, registry);
		context.set(ChannelSelection.class, selection);
		context.set(SharedSelection.class, selection);
		context.set(InsertEditors.class, editors);
		context.set(EffectEditors.class, editors);
	}

	/** Another session opened: nothing of the old one stays selected, and its editors close. */
	@Inject
	void sessionChanged(@Optional SessionService next) {
		if (session != null && next != session && selection != null) {
			selection.select(null);
			editors.closeAll();
		}
		session = next;
	}

	@PreDestroy
	void stop() {
		if (editors != null) {
			editors.dispose();
		}
		if (registry != null) {
			registry.close();
		}
	}
}
