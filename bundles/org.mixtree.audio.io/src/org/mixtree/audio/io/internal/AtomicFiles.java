package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * Replacing an output file the user named as an editor would: a symbolic link is written through (the file at the
 * end of its chain gets the new content, the link stays a link) and an existing file keeps its permissions (and
 * owner and group where allowed); a new file gets what the umask gives. The twin of the session store's
 * {@code org.mixtree.model.persistence.AtomicFiles}: the layers keep audio I/O and the model apart.
 */
public final class AtomicFiles {

	/** Linux gives up after 40 links; so do we, and a loop of links ends here too. */
	private static final int MAX_LINKS = 40;

	private AtomicFiles() {
	}

	/**
	 * The file a write to {@code file} replaces: {@code file} itself, or, for a symbolic link, the file at the end
	 * of its chain, even when that does not exist yet (a dangling link). The folder part is the real path.
	 *
	 * @throws IOException when a folder on the way does not exist, or the links loop
	 */
	public static Path resolveLinks(Path file) throws IOException {
		Path p = file.toAbsolutePath();
		for (int links = 0;; links++) {
			Path parent = p.getParent();
			if (parent == null || p.getFileName() == null) {
				throw new FileSystemException(file.toString(), null, "not a file");
			}
			Path folder = parent.toRealPath();
			p = folder.resolve(p.getFileName());
			if (!Files.isSymbolicLink(p)) {
				return p;
			}
			if (links >= MAX_LINKS) {
				throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
			}
			// relative links are relative to the link's folder, as the kernel reads them
			p = folder.resolve(Files.readSymbolicLink(p));
		}
	}

	/**
	 * Gives {@code temp} (a new file about to be renamed over {@code target}) the permissions, group and owner of
	 * {@code target} when that exists. Permissions always (a failure fails the write: the file must not silently
	 * change mode); owner and group where allowed (only root may give a file away, and only to one's groups).
	 */
	public static void copyAttributes(Path target, Path temp) throws IOException {
		PosixFileAttributes old;
		try {
			old = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		} catch (NoSuchFileException e) {
			return; // a new file: the umask's permissions
		} catch (UnsupportedOperationException e) {
			return; // not a POSIX file system
		}
		PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
		PosixFileAttributes now = view.readAttributes();
		if (!now.owner().equals(old.owner())) {
			try {
				view.setOwner(old.owner());
			} catch (IOException ignored) {
				// not root: the file becomes the writer's
			}
		}
		if (!now.group().equals(old.group())) {
			try {
				view.setGroup(old.group());
			} catch (IOException ignored) {
				// not a member of that group
			}
		}
		view.setPermissions(old.permissions());
	}

	/**
	 * An I/O failure as one line that names the file: the JDK's file exceptions carry the path alone as their
	 * message ({@code /a/b}, not {@code /a/b: permission denied}).
	 */
	public static String describe(IOException e) {
		if (e instanceof FileSystemException f) {
			String reason = f.getReason() != null ? f.getReason()
					: e instanceof java.nio.file.AccessDeniedException ? "permission denied"
							: e instanceof NoSuchFileException ? "no such file or directory" : e.getClass().getSimpleName();
			return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
		}
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}
}
