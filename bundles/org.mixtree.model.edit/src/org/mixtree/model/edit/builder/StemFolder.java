package org.mixtree.model.edit.builder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a folder of stems holds for a new session: the audio files directly in it, by name, and every other entry
 * with the reason it is left (another audio format, not audio, a subfolder, hidden). {@code mixtree new --stems} and
 * the workbench's New Session from Stems read folders through this one class, so both take and leave the same files
 * and say why in the same words.
 * <p>
 * A file with an audio name is taken whatever it holds: if it turns out broken or unsupported, the caller fails on
 * it, since a stem that cannot be read is to be fixed, not skipped. Any thread.
 */
public final class StemFolder {

	/** File name endings taken as stems; the content decides the format, not the name. */
	public static final List<String> AUDIO_EXTENSIONS = List.of(".wav", ".wave", ".bwf", ".rf64", ".aif", ".aiff",
			".aifc", ".flac");

	/** Audio formats Mixtree does not read, by file name ending: named in the "not used" line. */
	private static final Map<String, String> UNREAD_AUDIO = Map.ofEntries(Map.entry(".mp3", "MP3"),
			Map.entry(".m4a", "AAC/ALAC (M4A)"), Map.entry(".aac", "AAC"), Map.entry(".ogg", "Ogg Vorbis"),
			Map.entry(".oga", "Ogg Vorbis"), Map.entry(".opus", "Opus"), Map.entry(".wma", "WMA"),
			Map.entry(".wv", "WavPack"), Map.entry(".ape", "Monkey's Audio"), Map.entry(".caf", "CAF"),
			Map.entry(".w64", "Wave64"), Map.entry(".alac", "ALAC"), Map.entry(".dsf", "DSD"));

	/** A folder entry that is not a stem, and why ({@code "not an audio file"}, {@code "hidden"}, ...). */
	public record Unused(String name, String reason) {
	}

	/** The stems of a folder in name order, and what else it holds. */
	public record Scan(Path folder, List<Path> stems, List<Unused> unused) {

		/**
		 * One line naming every entry left and why, as {@code new} prints it ({@code not used: notes.txt (not an audio
		 * file), .DS_Store (hidden)}), hidden entries together at the end; null when every entry is a stem.
		 */
		public String notUsedLine() {
			List<String> parts = new ArrayList<>();
			List<String> hidden = new ArrayList<>();
			for (Unused u : unused) {
				if (u.reason().equals(HIDDEN)) {
					hidden.add(u.name());
				} else {
					parts.add(u.name() + " (" + u.reason() + ")");
				}
			}
			if (!hidden.isEmpty()) {
				parts.add(String.join(", ", hidden) + " (" + HIDDEN + ")");
			}
			return parts.isEmpty() ? null : "not used: " + String.join(", ", parts);
		}
	}

	/** A folder that cannot be read as stems; the message is one line naming it (the cause: a failed listing). */
	public static final class StemFolderException extends Exception {
		private static final long serialVersionUID = 1L;

		StemFolderException(String message, IOException cause) {
			super(message, cause);
		}
	}

	private static final String HIDDEN = "hidden";

	private StemFolder() {
	}

	/** Whether a file name is taken as a stem (by its ending, any case). */
	public static boolean isAudioName(String fileName) {
		return AUDIO_EXTENSIONS.contains(extension(fileName));
	}

	/**
	 * Lists a folder's stems and the rest.
	 *
	 * @throws StemFolderException when it is not a folder, cannot be listed or holds no audio file (naming what it
	 *                             holds)
	 */
	public static Scan scan(Path dir) throws StemFolderException {
		if (!Files.isDirectory(dir)) {
			throw new StemFolderException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"), null);
		}
		List<Path> entries;
		try (Stream<Path> files = Files.list(dir)) {
			entries = files.sorted(Comparator.comparing(p -> p.getFileName().toString().toLowerCase(Locale.ROOT))).toList();
		} catch (IOException e) {
			throw new StemFolderException(dir + ": cannot list: " + (e.getMessage() != null ? e.getMessage() : e), e);
		}
		List<Path> stems = new ArrayList<>();
		List<Unused> unused = new ArrayList<>();
		for (Path p : entries) {
			String why = whyNotAStem(p);
			if (why == null) {
				stems.add(p);
			} else {
				unused.add(new Unused(p.getFileName().toString(), why));
			}
		}
		Scan scan = new Scan(dir, List.copyOf(stems), List.copyOf(unused));
		if (stems.isEmpty()) {
			String line = scan.notUsedLine();
			throw new StemFolderException(dir + ": no audio files (" + String.join(" ", AUDIO_EXTENSIONS) + ")"
					+ (line == null ? "" : "; " + line), null);
		}
		return scan;
	}

	/** The rate most stems have (ties: the higher; none: 48000), so that as few as possible are converted. */
	public static int commonRate(Map<Integer, Integer> stemsByRate) {
		int best = 48000;
		int count = -1;
		for (Map.Entry<Integer, Integer> e : stemsByRate.entrySet()) {
			if (e.getValue() > count || e.getValue() == count && e.getKey() > best) {
				best = e.getKey();
				count = e.getValue();
			}
		}
		return best;
	}

	/**
	 * Why a folder entry is not taken as a stem ({@code "not an audio file"}, {@code "hidden"}, ...), or null when it
	 * is one.
	 */
	public static String whyNotAStem(Path p) {
		String name = p.getFileName().toString();
		String ext = extension(name);
		if (name.startsWith(".")) {
			return HIDDEN;
		} else if (Files.isDirectory(p)) {
			return "a folder: subfolders are not searched";
		} else if (!Files.isRegularFile(p)) {
			return Files.exists(p) ? "not a regular file" : "no such file";
		} else if (AUDIO_EXTENSIONS.contains(ext)) {
			return null;
		} else if (UNREAD_AUDIO.containsKey(ext)) {
			return UNREAD_AUDIO.get(ext) + " is not read: convert it to WAV or FLAC";
		} else if (ext.equals(".mid") || ext.equals(".midi")) {
			return "MIDI, not audio: render it to WAV or FLAC";
		}
		return "not an audio file";
	}

	private static String extension(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.lastIndexOf('.') > 0 ? lower.substring(lower.lastIndexOf('.')) : "";
	}
}
