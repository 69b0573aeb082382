package org.mixtree.ui.views.host.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.Channel;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.Insert;
import org.mixtree.ui.Playback;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.StatusLine;
import org.mixtree.ui.mixer.InsertEditors;
import org.mixtree.ui.views.ChannelSelection;
import org.mixtree.ui.views.host.ViewDescriptor;
import org.mixtree.ui.views.host.ViewRegistry;

/**
 * The effect editor place: when the console opens an insert's editor and an installed view of kind {@code editor}
 * declares the insert's effect id, that view is shown in a window of its own (one per insert, brought up again when
 * open) instead of the generic parameter editor; its header's "Generic editor" button closes it and opens the
 * generic one. An editor whose bundle goes away is closed. Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) in an editor's window undo
 * and redo on the session's command stack, as in the main window.
 * <p>
 * [UI] All methods on the UI thread, but the registry's listener, which hands its work to the UI thread.
 */
final class EffectEditors implements InsertEditors {
	private final ViewRegistry registry;
	private final Supplier<SessionService> session;
	private final Playback playback;
	private final ChannelSelection selection;
	private final StatusLine status;
	private final Map<Insert, Window> open = new LinkedHashMap<>();
	private final Display display;
	private final Runnable registryChanged = this::registryChanged;

	/** An editor view's window. */
	final class Window {
		final Insert insert;
		final Shell shell;
		final ViewSlot slot;

		Window(Shell parent, Insert insert, ViewDescriptor d, Runnable generic) {
			this.insert = insert;
			shell = new Shell(parent, SWT.SHELL_TRIM | SWT.TOOL);
			shell.setText(d.name() + " \u2014 " + where(insert));
			shell.setData(EffectEditors.class.getName(), this);
			GridLayout layout = new GridLayout(2, false);
			shell.setLayout(layout);
			Label title = new Label(shell, SWT.NONE);
			title.setText(d.name() + (d.description() == null ? "" : "  \u00b7  " + d.description()));
			title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			Button back = new Button(shell, SWT.PUSH);
			back.setText("Generic editor");
			back.setToolTipText("Close this editor and open the generic parameter editor");
			back.setData(EffectEditors.class.getName() + ".generic", Boolean.TRUE);
			back.addListener(SWT.Selection, e -> {
				shell.dispose();
				generic.run();
			});
			Composite body = new Composite(shell, SWT.NONE);
			body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
			body.setLayout(new FillLayout());
			slot = new ViewSlot(body, d, new HostContext(session.get(), playback, selection, status, insert),
					EffectEditors.this::problem);
			// the workbench's undo keys: e4's key bindings serve the main window, not a shell of a view's own
			SessionService owner = session.get();
			Listener undoKeys = e -> undoKey(e, shell, owner);
			shell.getDisplay().addFilter(SWT.KeyDown, undoKeys);
			shell.addListener(SWT.Dispose, e -> {
				shell.getDisplay().removeFilter(SWT.KeyDown, undoKeys);
				slot.dispose();
				open.remove(insert, this);
			});
			shell.setSize(640, 440);
			shell.open();
		}

		/** @return the view's composite's slot (tests) */
		ViewSlot slot() {
			return slot;
		}
	}

	/**
	 * Ctrl+Z (undo), Ctrl+Shift+Z and Ctrl+Y (redo) pressed in an editor's window, on the session's one command
	 * stack, as the main window's Undo and Redo handlers do; the key is consumed.
	 */
	private static void undoKey(Event e, Shell shell, SessionService session) {
		if (!(e.widget instanceof Control c) || c.isDisposed() || c.getShell() != shell
				|| (e.stateMask & SWT.MOD1) == 0 || session == null) {
			return;
		}
		int key = Character.toLowerCase(e.keyCode);
		boolean shift = (e.stateMask & SWT.SHIFT) != 0;
		CommandStack stack = session.commandStack();
		if (key == 'z' && !shift) {
			if (stack.canUndo()) {
				stack.undo();
			}
		} else if ((key == 'z' && shift) || key == 'y') {
			if (stack.canRedo()) {
				stack.redo();
			}
		} else {
			return;
		}
		e.doit = false;
		e.type = SWT.None;
	}

	EffectEditors(Display display, ViewRegistry registry, Supplier<SessionService> session, Playback playback,
			ChannelSelection selection, StatusLine status) {
		this.display = display;
		this.registry = registry;
		this.session = session;
		this.playback = playback;
		this.selection = selection;
		this.status = status;
		registry.addListener(registryChanged);
	}

	private static String where(Insert insert) {
		Channel c = insert.eContainer() instanceof Channel ch ? ch : null;
		return c == null ? "?" : ChannelAddress.of(c) + " slot " + (c.getInserts().indexOf(insert) + 1);
	}

	@Override
	public boolean open(Insert insert, Shell parent, Runnable generic) {
		Optional<ViewDescriptor> d = registry.editorFor(insert.getEffectId());
		if (d.isEmpty() || session.get() == null) {
			return false;
		}
		Window w = open.get(insert);
		if (w != null && !w.shell.isDisposed() && w.slot.descriptor().id().equals(d.get().id())) {
			w.shell.setVisible(true);
			w.shell.setActive();
			return true;
		}
		if (w != null && !w.shell.isDisposed()) {
			w.shell.dispose();
		}
		open.put(insert, new Window(parent, insert, d.get(), generic));
		return true;
	}

	/** @return the editor window open for {@code insert}, or null */
	Window window(Insert insert) {
		Window w = open.get(insert);
		return w == null || w.shell.isDisposed() ? null : w;
	}

	@Override
	public void closeAll() {
		for (Window w : new ArrayList<>(open.values())) {
			if (!w.shell.isDisposed()) {
				w.shell.dispose();
			}
		}
		open.clear();
	}

	private void registryChanged() {
		if (display.isDisposed()) {
			return;
		}
		display.asyncExec(() -> {
			for (Window w : new ArrayList<>(open.values())) {
				if (!w.slot.descriptor().isValid() && !w.shell.isDisposed()) {
					w.shell.dispose();
				}
			}
		});
	}

	private void problem(String message) {
		if (status != null) {
			status.show(message);
		}
	}

	void dispose() {
		registry.removeListener(registryChanged);
		if (!display.isDisposed()) {
			closeAll();
		}
	}
}
