package org.mixtree.audio.io.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replacing a file the user named, atomically, as an editor would: a symbolic link is written through (the file
 * at the end of its chain gets the new content, the link stays a link), the file keeps its permissions (and
 * owner and group where the process may set them), and a new file gets what the umask gives.
 * <p>
 * The one copy for the whole product: the {@link org.mixtree.audio.io.WavWriter} renders through it and the
 * session store ({@code org.mixtree.model.persistence}, a friend of this package) saves sessions and their
 * {@code .bak} with it. It lives here, the lowest bundle both can use, and is JDK only on purpose: the session
 * lock uses it too, and tests run both in a second, plain JVM.
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
	 * Writes {@code content} to a new file beside {@code target} (already resolved by {@link #resolveLinks}), forces
	 * it to the device, gives it the target's permissions, owner and group, and renames it over the target; then
	 * forces the folder, so that the rename survives a crash. Readers see the old file or the new one, never
	 * half of one; on failure the target is untouched and the temporary file removed.
	 */
	public static void replace(Path target, byte[] content) throws IOException {
		replace(target, content, null);
	}

	/**
	 * As {@link #replace(Path, byte[])}, and when {@code backup} is not null and the target exists, the target's
	 * current content becomes {@code backup} (a file in the same folder) before the new content replaces it.
	 * <p>
	 * At every instant, a kill or a crash included, the target is a complete file (the old one, then the new one)
	 * and the backup, when there is one, is a complete older version: the backup is made as a hard link to the
	 * old target under a temporary name, renamed over the backup (so the old backup stays until the new one is
	 * whole), and only then is the new content renamed over the target, which leaves the old content reachable
	 * as the backup alone. Where the file system has no hard links the old content is copied and forced instead.
	 * Renaming the old file to the backup and the new one into place would leave a moment with no session at all.
	 */
	public static void replace(Path target, byte[] content, Path backup) throws IOException {
		Path folder = target.getParent();
		Path temp = null;
		try {
			FileChannel channel = null;
			for (int attempt = 0; channel == null; attempt++) {
				temp = temporary(target);
				try {
					// no file attributes: the umask decides, as for any new file (Files.createTempFile would make 0600)
					channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				} catch (FileAlreadyExistsException e) {
					temp = null;
					if (attempt > 10) {
						throw e;
					}
				}
			}
			try (FileChannel c = channel) {
				copyAttributes(target, temp);
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					c.write(buffer);
				}
				c.force(true);
			}
			// only now, with the new content whole on the device: a save that fails before leaves the .bak alone
			if (backup != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
				keepBackup(target, backup);
			}
			moveOver(temp, target);
			temp = null;
			syncFolder(folder);
		} finally {
			deleteQuietly(temp);
		}
	}

	/**
	 * Makes {@code backup} a complete copy of {@code target}: a hard link (or a forced copy) under a temporary
	 * name, renamed over the backup. The folder is forced with the target's rename that follows.
	 */
	private static void keepBackup(Path target, Path backup) throws IOException {
		Path temp = null;
		try {
			for (int attempt = 0;; attempt++) {
				temp = temporary(backup);
				try {
					Files.createLink(temp, target);
					break;
				} catch (FileAlreadyExistsException e) {
					temp = null;
					if (attempt > 10) {
						throw e;
					}
				} catch (UnsupportedOperationException | FileSystemException e) {
					// no hard links here (FAT, some network shares): a copy, forced before it is renamed into place
					deleteQuietly(temp);
					Files.copy(target, temp, StandardCopyOption.COPY_ATTRIBUTES);
					try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
						c.force(true);
					}
					break;
				}
			}
			moveOver(temp, backup);
			temp = null;
		} finally {
			deleteQuietly(temp);
		}
	}

	/** A new name beside {@code file}, hidden, that no other writer picks. */
	private static Path temporary(Path file) {
		return file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
				+ ".tmp");
	}

	private static void moveOver(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			} catch (IOException ignored) {
				// the original is intact; a stray temporary file is the lesser harm
			}
		}
	}

	/**
	 * Gives {@code temp} the permissions, group and owner of {@code target} when the target exists. Permissions
	 * always (a failure fails the save: the file must not silently change mode); owner and group where allowed
	 * (only root may give a file away, and only to a group one belongs to).
	 */
	public static void copyAttributes(Path target, Path temp) throws IOException {
		PosixFileAttributes old;
		try {
			old = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		} catch (java.nio.file.NoSuchFileException e) {
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
				// not root: the file becomes the saver's, as with any editor
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
							: e instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
									: e instanceof FileAlreadyExistsException ? "already exists" : e.getClass().getSimpleName();
			return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
		}
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}

	/** Makes a rename durable; not every platform can open a folder, which is harmless. */
	public static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException | UnsupportedOperationException ignored) {
			// best effort (Windows cannot open directories)
		}
	}
}
