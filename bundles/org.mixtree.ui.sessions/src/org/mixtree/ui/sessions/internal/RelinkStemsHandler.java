package org.mixtree.ui.sessions.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.ChannelAddress;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.session.Stems;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/**
 * File &gt; Relink Stems: a folder picked, then the offline stems of the open session looked for in it by name, as
 * {@code mixtree relink} does ({@link Stems#relink}: same name in the folder or below, ignoring case as a second
 * choice; ambiguous and changed files named, not relinked). The relinks are one command on the session's stack, so
 * one Ctrl+Z takes them back; what was relinked and what was not is said in one dialog.
 */
public final class RelinkStemsHandler {

	@CanExecute
	boolean canRelink(@Optional SessionService session) {
		return session != null;
	}

	@Execute
	void execute(SessionService session, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setText("Relink Stems");
		dialog.setMessage("The folder to look for the session's offline stems in (subfolders too)");
		dialog.setFilterPath(session.file().toAbsolutePath().getParent().toString());
		String picked = dialog.open();
		if (picked == null) {
			return;
		}
		Path dir = Path.of(picked);
		// the headers are read off the UI thread; the model is only read there, and changed back on the UI thread
		CompletableFuture.supplyAsync(() -> {
			try {
				return Stems.relink(session.domain(), session.session(), session.file(), dir, false, false);
			} catch (Exception e) {
				throw new CompletionException(e);
			}
		}).whenComplete((relink, failure) -> ui.asyncExec(() -> {
			if (failure != null) {
				Failures.show(shell, "Cannot relink the stems", failure);
				return;
			}
			if (relink.command() != null) {
				SessionCommands.execute(session.domain(), relink.command());
			}
			if (!shell.isDisposed()) {
				MessageDialog.openInformation(shell, "Relink Stems", summary(relink));
			}
		}));
	}

	/** {@code Relinked 1 of 2 stems.} and a line per stem not relinked, with why. */
	static String summary(Stems.Relink relink) {
		if (relink.results().isEmpty()) {
			return "No stem is offline.";
		}
		long done = relink.results().stream().filter(r -> r.to() != null).count();
		List<String> lines = new ArrayList<>();
		lines.add("Relinked " + done + " of " + relink.results().size() + (relink.results().size() == 1 ? " stem." : " stems."));
		for (Stems.Relinked r : relink.results()) {
			if (r.to() == null) {
				lines.add(ChannelAddress.of(r.track()) + ": " + r.problem());
			}
		}
		return String.join("\n", lines);
	}
}
