package org.mixtree.session;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.persistence.SessionStore;

/**
 * Whether a session's stems are there and the same as when they were added: a stem is <em>offline</em> when its
 * file is missing, unreadable or not a mono or stereo audio file (the track then plays silence, {@link SessionGraph}
 * marks it so), and <em>changed</em> when its length, rate or channel count differ from the fingerprint the track
 * recorded when the stem was added or relinked ({@link Track#getSourceFrames()} and its siblings; 0: not recorded, as
 * in sessions from before fingerprints, and then nothing is compared). {@link #relink} points offline stems at a new
 * folder by file name. Reads file headers: call it off the UI and audio threads where a session is large.
 */
public final class Stems {
	private Stems() {
	}

	/** Where a stem stands. */
	public enum State {
		ONLINE, CHANGED, OFFLINE
	}

	/**
	 * One track's stem.
	 *
	 * @param file   the resolved file
	 * @param reason null when online; else one line naming the file as the session stores it
	 */
	public record Status(Track track, Path file, State state, String reason) {
	}

	/**
	 * The cheap check the binding makes on every describe (no header read): the file is missing or not readable.
	 *
	 * @return null when the file is there, else why not, naming it as the session stores it
	 */
	public static String offlineReason(Track track, Path file) {
		if (!Files.isRegularFile(file)) {
			return track.getSource() + " is missing";
		}
		if (!Files.isReadable(file)) {
			return track.getSource() + " is not readable";
		}
		return null;
	}

	/** Every track's stem, header read, in track order. */
	public static List<Status> check(Session session, Path sessionFile) {
		List<Status> list = new ArrayList<>();
		for (Track t : session.getTracks()) {
			list.add(check(t, sessionFile));
		}
		return list;
	}

	/** One track's stem, its header read: offline, changed (its fingerprint differs) or online. */
	public static Status check(Track track, Path sessionFile) {
		Path file = SessionStore.resolveSource(track, sessionFile);
		String missing = offlineReason(track, file);
		if (missing != null) {
			return new Status(track, file, State.OFFLINE, missing);
		}
		AudioFileInfo info;
		try {
			info = AudioFiles.info(file);
		} catch (IOException | RuntimeException e) {
			return new Status(track, file, State.OFFLINE, track.getSource() + " cannot be read (" + shortMessage(e, file) + ")");
		}
		if (info.channels() < 1 || info.channels() > 2) {
			return new Status(track, file, State.OFFLINE,
					track.getSource() + " has " + info.channels() + " channels; a track takes a mono or stereo file");
		}
		String changed = changes(track, info);
		if (changed != null) {
			return new Status(track, file, State.CHANGED, track.getSource() + " changed: " + changed);
		}
		return new Status(track, file, State.ONLINE, null);
	}

	/** The message of a reading failure without the path the caller already names. */
	private static String shortMessage(Exception e, Path file) {
		String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		String prefix = file + ": ";
		return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
	}

	/**
	 * How a file differs from the fingerprint the track recorded, or null when it does not (or none was recorded).
	 *
	 * @return e.g. {@code 48000 Hz, was 44100 Hz; 96000 frames, was 88200}
	 */
	public static String changes(Track track, AudioFileInfo info) {
		List<String> diffs = new ArrayList<>();
		if (track.getSourceRate() > 0 && track.getSourceRate() != info.sampleRate()) {
			diffs.add(info.sampleRate() + " Hz, was " + track.getSourceRate() + " Hz");
		}
		if (track.getSourceChannels() > 0 && track.getSourceChannels() != info.channels()) {
			diffs.add(channels(info.channels()) + ", was " + channels(track.getSourceChannels()));
		}
		if (track.getSourceFrames() > 0 && track.getSourceFrames() != info.frames()) {
			diffs.add(String.format(Locale.ROOT, "%d frames (%.3f s), was %d", info.frames(), info.durationSeconds(),
					track.getSourceFrames()));
		}
		return diffs.isEmpty() ? null : String.join("; ", diffs);
	}

	private static String channels(int n) {
		return n == 1 ? "mono" : n == 2 ? "stereo" : n + " channels";
	}

	/**
	 * Records a file's fingerprint on a track that is not yet in a session (a stem being added); a track in a session
	 * takes {@link #relinkCommand} instead, so the change is undoable.
	 */
	public static void fingerprint(Track track, AudioFileInfo info) {
		track.setSourceFrames(info.frames());
		track.setSourceRate(info.sampleRate());
		track.setSourceChannels(info.channels());
	}

	/** The command pointing a track at {@code source} (as stored: relative to the session's folder) with its fingerprint. */
	public static Command relinkCommand(EditingDomain domain, Track track, String source, AudioFileInfo info) {
		CompoundCommand c = new CompoundCommand("Relink " + track.getName());
		c.append(SetCommand.create(domain, track, MixtreePackage.Literals.TRACK__SOURCE, source));
		c.append(SetCommand.create(domain, track, MixtreePackage.Literals.TRACK__SOURCE_FRAMES, info.frames()));
		c.append(SetCommand.create(domain, track, MixtreePackage.Literals.TRACK__SOURCE_RATE, info.sampleRate()));
		c.append(SetCommand.create(domain, track, MixtreePackage.Literals.TRACK__SOURCE_CHANNELS, info.channels()));
		return c;
	}

	/**
	 * What a relink found for one track.
	 *
	 * @param from    the source as the session stored it
	 * @param to      the new source as it will be stored (relative to the session's folder), or null: not relinked
	 * @param problem why not relinked (no file of that name, several, unreadable, changed without force), or a note
	 *                on a relinked one (changed, forced), or null
	 * @param info    the header of the file found, or null
	 */
	public record Relinked(Track track, String from, String to, String problem, AudioFileInfo info) {
	}

	/**
	 * What {@link #relink} would do.
	 *
	 * @param results one per track looked at, in track order
	 * @param command the one command making every relink (undoable as one), or null when there is none
	 */
	public record Relink(List<Relinked> results, Command command) {
	}

	/**
	 * Looks for each offline stem (every stem with {@code all}) under {@code dir} by its file name: in the folder and
	 * its subfolders, exactly first, then ignoring case; several files of that name is ambiguous and not relinked.
	 * The file found is checked against the track's fingerprint (rate, channels, length): a mismatch is named and not
	 * relinked unless {@code force}. Makes no change: the caller executes {@link Relink#command()}.
	 *
	 * @throws IOException when {@code dir} is not a folder or cannot be listed, naming it
	 */
	public static Relink relink(EditingDomain domain, Session session, Path sessionFile, Path dir, boolean all,
			boolean force) throws IOException {
		if (!Files.isDirectory(dir)) {
			throw new IOException(dir + ": no such folder");
		}
		Map<String, List<Path>> byName = index(dir);
		List<Relinked> results = new ArrayList<>();
		CompoundCommand compound = new CompoundCommand();
		for (Track track : session.getTracks()) {
			Status status = check(track, sessionFile);
			if (!all && status.state() != State.OFFLINE) {
				continue;
			}
			String name = status.file().getFileName().toString();
			List<Path> found = byName.getOrDefault(name, List.of());
			if (found.isEmpty()) {
				found = new ArrayList<>();
				for (Map.Entry<String, List<Path>> e : byName.entrySet()) {
					if (e.getKey().equalsIgnoreCase(name)) {
						found.addAll(e.getValue());
					}
				}
			}
			if (found.isEmpty()) {
				results.add(new Relinked(track, track.getSource(), null, "no file named " + name + " in " + dir, null));
				continue;
			}
			if (found.size() > 1) {
				results.add(new Relinked(track, track.getSource(), null, "ambiguous: " + found.size() + " files named "
						+ name + " (" + String.join(", ", found.stream().map(Path::toString).toList()) + ")", null));
				continue;
			}
			Path file = found.get(0);
			AudioFileInfo info;
			try {
				info = AudioFiles.info(file);
			} catch (IOException | RuntimeException e) {
				results.add(new Relinked(track, track.getSource(), null, file + " cannot be read (" + shortMessage(e, file) + ")", null));
				continue;
			}
			if (info.channels() < 1 || info.channels() > 2) {
				results.add(new Relinked(track, track.getSource(), null,
						file + " has " + info.channels() + " channels; a track takes a mono or stereo file", info));
				continue;
			}
			String changed = changes(track, info);
			if (changed != null && !force) {
				results.add(new Relinked(track, track.getSource(), null,
						file + " differs from the stem the session recorded: " + changed + " (--force relinks it)", info));
				continue;
			}
			String to = SessionStore.relativeSource(file, sessionFile);
			results.add(new Relinked(track, track.getSource(), to, changed == null ? null : "changed: " + changed, info));
			compound.append(relinkCommand(domain, track, to, info));
		}
		if (compound.isEmpty()) {
			return new Relink(results, null);
		}
		long n = results.stream().filter(r -> r.to() != null).count();
		return new Relink(results, new CompoundCommand("Relink " + n + (n == 1 ? " stem" : " stems"),
				compound.getCommandList()));
	}

	/** Audio file names under {@code dir} (not following links), each with its paths, sorted for stable messages. */
	private static Map<String, List<Path>> index(Path dir) throws IOException {
		Map<String, List<Path>> byName = new TreeMap<>();
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				if (attrs.isRegularFile()) {
					byName.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) {
				return FileVisitResult.CONTINUE; // an unreadable subfolder holds nothing we can relink to
			}
		});
		for (List<Path> paths : byName.values()) {
			paths.sort(null);
		}
		return byName;
	}
}
