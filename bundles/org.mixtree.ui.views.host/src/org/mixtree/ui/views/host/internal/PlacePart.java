package org.mixtree.ui.views.host.internal;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.ViewKind;
import org.mixtree.ui.views.host.ViewDescriptor;
import org.mixtree.ui.views.host.ViewRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * A place: the part that shows one installed view of its kind ({@code routing} beside the console,
 * {@code visualisation} below it; the kind is the part's persisted state {@value #KIND}). Its header's drop-down
 * lists the installed views of the kind; the one picked is shown and remembered ({@link PlaceChoices}). The place
 * shows the picked view when it is installed, else the first installed view of its kind by name, else a line saying
 * none is installed; it re-decides when bundles come or go (a view whose bundle is uninstalled is disposed and
 * replaced) and makes the view again, with a new context, when another session is opened.
 */
public final class PlacePart {
	/** The part's persisted-state key naming its kind. */
	public static final String KIND = "org.mixtree.ui.views.kind";

	@Inject
	@Optional
	ViewRegistry registry;
	@Inject
	@Optional
	ChannelSelection selection;
	@Inject
	@Optional
	Playback playback;
	@Inject
	@Optional
	StatusLine status;

	private ViewKind kind;
	private SessionService session;
	private Composite parent;
	private ToolItem chooser;
	private Composite body;
	private Label empty;
	private ViewSlot slot;
	private Menu menu;
	private Display display;
	private final Runnable registryChanged = () -> {
		Display d = display;
		if (d != null && !d.isDisposed()) {
			d.asyncExec(this::show);
		}
	};

	@PostConstruct
	void create(Composite parent, MPart part) {
		this.parent = parent;
		this.display = parent.getDisplay();
		String k = part.getPersistedState().get(KIND);
		kind = ViewKind.of(k == null ? "visualisation" : k);
		parent.setData(PlacePart.class.getName(), this);
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.verticalSpacing = 0;
		parent.setLayout(layout);
		ToolBar bar = new ToolBar(parent, SWT.FLAT | SWT.RIGHT);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		chooser = new ToolItem(bar, SWT.DROP_DOWN);
		chooser.setToolTipText("The " + kind.id() + " view shown here: pick one of the installed views");
		chooser.addListener(SWT.Selection, e -> openMenu());
		body = new Composite(parent, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new FillLayout());
		if (registry != null) {
			registry.addListener(registryChanged);
		}
		show();
	}

	/** Follows the context's session: a session opened later gets the view made again with a new context. */
	@Inject
	void sessionChanged(@Optional SessionService next) {
		if (next == session) {
			return;
		}
		session = next;
		if (slot != null) {
			slot.dispose();
			slot = null;
		}
		if (body != null && !body.isDisposed()) {
			show();
		}
	}

	/** @return the kind of views this place shows */
	public ViewKind kind() {
		return kind;
	}

	/**
	 * @return the view this place would show now: the one picked if installed, else the place's default view
	 *         ({@link PlaceChoices#defaultView}) if installed, else the first of its kind by name
	 */
	ViewDescriptor choice() {
		if (registry == null) {
			return null;
		}
		List<ViewDescriptor> installed = registry.views(kind);
		for (String id : new String[] { PlaceChoices.get(kind), PlaceChoices.defaultView(kind) }) {
			for (ViewDescriptor d : installed) {
				if (d.id().equals(id)) {
					return d;
				}
			}
		}
		return installed.isEmpty() ? null : installed.get(0);
	}

	/** [UI] Shows {@link #choice()}, replacing what is shown if it differs or its bundle is gone. */
	void show() {
		if (body == null || body.isDisposed()) {
			return;
		}
		ViewDescriptor want = session == null ? null : choice();
		if (slot != null && want != null && slot.descriptor().id().equals(want.id()) && slot.descriptor().isValid()) {
			updateChooser();
			return;
		}
		if (slot != null) {
			slot.dispose();
			slot = null;
		}
		if (empty != null && !empty.isDisposed()) {
			empty.dispose();
			empty = null;
		}
		if (want != null) {
			slot = new ViewSlot(body, want, new HostContext(session, playback, selection, status, null),
					this::problem);
		} else {
			empty = new Label(body, SWT.WRAP | SWT.CENTER);
			empty.setText(session == null ? "No session open."
					: "No " + kind.id() + " view is installed. Views come in bundles: see docs/VIEWS.md.");
		}
		updateChooser();
		body.layout(true, true);
	}

	private void updateChooser() {
		if (chooser.isDisposed()) {
			return;
		}
		String name = slot != null ? slot.descriptor().name() : "none";
		chooser.setText(Character.toUpperCase(kind.id().charAt(0)) + kind.id().substring(1) + ": " + name);
		chooser.getParent().pack();
		parent.layout(true);
	}

	/** [UI] The drop-down: the installed views of this kind, the shown one checked. */
	void openMenu() {
		if (menu != null && !menu.isDisposed()) {
			menu.dispose();
		}
		menu = new Menu(parent.getShell(), SWT.POP_UP);
		List<ViewDescriptor> installed = registry == null ? List.of() : registry.views(kind);
		if (installed.isEmpty()) {
			MenuItem none = new MenuItem(menu, SWT.PUSH);
			none.setText("No " + kind.id() + " view installed");
			none.setEnabled(false);
		}
		for (ViewDescriptor d : installed) {
			MenuItem item = new MenuItem(menu, SWT.RADIO);
			item.setText(d.name());
			item.setData(d.id());
			item.setSelection(slot != null && slot.descriptor().id().equals(d.id()));
			if (d.description() != null) {
				item.setToolTipText(d.description());
			}
			item.addListener(SWT.Selection, e -> {
				if (item.getSelection()) {
					pick(d.id());
				}
			});
		}
		Rectangle r = chooser.getBounds();
		Point at = chooser.getParent().toDisplay(r.x, r.y + r.height);
		menu.setLocation(at);
		menu.setVisible(true);
	}

	/** [UI] Shows the view {@code id} here and remembers it for the next start. */
	public void pick(String id) {
		PlaceChoices.set(kind, id);
		show();
	}

	/** @return the menu the drop-down opened last, or null (tests) */
	public Menu lastMenu() {
		return menu;
	}

	/** @return the header's drop-down (tests click it) */
	public ToolItem chooser() {
		return chooser;
	}

	/** @return the id of the view shown, or null */
	public String shown() {
		return slot == null || slot.view() == null ? null : slot.descriptor().id();
	}

	/** @return the text shown when no view is (null when one is) */
	public String emptyText() {
		return empty == null || empty.isDisposed() ? null : empty.getText();
	}

	/** @return the slot shown (tests) */
	ViewSlot slot() {
		return slot;
	}

	private void problem(String message) {
		if (status != null) {
			status.show(message);
		} else {
			System.err.println("mixtree: " + message);
		}
	}

	@Focus
	void focus() {
		if (slot != null) {
			slot.setFocus();
		} else if (!body.isDisposed()) {
			body.setFocus();
		}
	}

	@PreDestroy
	void dispose() {
		if (registry != null) {
			registry.removeListener(registryChanged);
		}
		if (slot != null) {
			slot.dispose();
			slot = null;
		}
		if (menu != null && !menu.isDisposed()) {
			menu.dispose();
		}
	}
}
