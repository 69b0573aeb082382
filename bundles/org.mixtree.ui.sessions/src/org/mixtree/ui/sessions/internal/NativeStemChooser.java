package org.mixtree.ui.sessions.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.model.edit.builder.StemFolder;
import org.mixtree.ui.sessions.StemChooser;

/** The operating system's folder and file dialogs. */
final class NativeStemChooser implements StemChooser {

	@Override
	public Path folder(Shell shell, Path startIn) {
		DirectoryDialog dialog = new DirectoryDialog(shell);
		dialog.setText("New Session from Stems");
		dialog.setMessage("The folder of stems (WAV, AIFF, FLAC) to lay out as a session");
		if (startIn != null) {
			dialog.setFilterPath(startIn.toString());
		}
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}

	@Override
	public List<Path> stems(Shell shell, Path startIn) {
		FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
		dialog.setText("Import Stems");
		List<String> patterns = new ArrayList<>();
		for (String ext : StemFolder.AUDIO_EXTENSIONS) {
			patterns.add("*" + ext);
		}
		dialog.setFilterExtensions(new String[] { String.join(";", patterns), "*" });
		dialog.setFilterNames(new String[] { "Audio files", "All files" });
		if (startIn != null) {
			dialog.setFilterPath(startIn.toString());
		}
		if (dialog.open() == null) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		for (String name : dialog.getFileNames()) {
			files.add(Path.of(dialog.getFilterPath(), name));
		}
		return files;
	}
}
