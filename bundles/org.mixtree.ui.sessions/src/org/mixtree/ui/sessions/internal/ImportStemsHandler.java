package org.mixtree.ui.sessions.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.emf.common.command.Command;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.builder.StemLayout;
import org.mixtree.ui.SessionService;
import org.mixtree.ui.sessions.StemChooser;

import jakarta.inject.Named;

/**
 * File > Import Stems (Ctrl+Shift+I): stems (files or folders) added to the open session, each on the session's bus
 * the grouping rules choose (or {@code Other}), previewed and changed as for a new session, then added as one command
 * on the session's command stack, so one Ctrl+Z takes the whole import back.
 */
public final class ImportStemsHandler {

	@CanExecute
	boolean canImport(@Optional SessionService session) {
		return session != null;
	}

	@Execute
	void execute(SessionService session, @Optional StemChooser chooser, UISynchronize ui,
			@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		StemChooser choose = chooser != null ? chooser : new NativeStemChooser();
		List<Path> picked = choose.stems(shell, session.file().getParent());
		if (picked.isEmpty()) {
			return;
		}
		CompletableFuture.supplyAsync(() -> {
			try {
				return StemReading.picked(picked);
			} catch (Exception e) {
				throw new CompletionException(e);
			}
		}).whenComplete((reading, failure) -> ui.asyncExec(() -> {
			if (failure != null) {
				Failures.show(shell, "Cannot read the stems", failure);
			} else if (reading.stems().isEmpty()) {
				Failures.show(shell, "Nothing to import", new IllegalArgumentException(
						reading.unused().isEmpty() ? "no stems picked" : describe(reading)));
			} else if (!shell.isDisposed()) {
				preview(session, shell, reading);
			}
		}));
	}

	private static String describe(StemReading reading) {
		StringBuilder b = new StringBuilder("not used:");
		reading.unused().forEach(u -> b.append(' ').append(u.name()).append(" (").append(u.reason()).append(')'));
		return b.toString();
	}

	/** [UI] The preview; on Import, one command on the session's stack. */
	private static void preview(SessionService session, Shell shell, StemReading reading) {
		StemLayout layout = StemLayout.forImport(session.session(), reading.stems(), reading.channels(), reading.rules());
		StemsDialog dialog = new StemsDialog(shell, StemsDialog.Purpose.IMPORT, reading, layout, session.name(), null);
		if (dialog.open() != Window.OK) {
			return;
		}
		try {
			Command command = layout.command(session.domain(), session.session(), session.file());
			SessionCommands.execute(session.domain(), command);
		} catch (RuntimeException e) {
			Failures.show(shell, "Cannot import the stems", e);
		}
	}
}
