package org.mixtree.ui.internal.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.ui.SessionService;

import jakarta.inject.Named;

/** File > Save As (Ctrl+Shift+S): the session to another file, which becomes its file; relative sources follow. */
public final class SaveAsHandler {

	@CanExecute
	boolean canSave(@Optional SessionService session) {
		return session != null;
	}

	@Execute
	void saveAs(SessionService session, UISynchronize ui, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText("Save Session As");
		dialog.setOverwrite(true);
		dialog.setFilterExtensions(new String[] { "*." + SessionStore.EXTENSION });
		dialog.setFilterPath(session.file().getParent().toString());
		dialog.setFileName(session.file().getFileName().toString());
		String chosen = dialog.open();
		if (chosen == null) {
			return;
		}
		Path target = Path.of(chosen.endsWith("." + SessionStore.EXTENSION) ? chosen : chosen + "." + SessionStore.EXTENSION);
		session.saveAs(target, ui::asyncExec)
				.whenComplete((saved, failure) -> Failures.show(ui, shell, "The session was not saved", failure));
	}
}
