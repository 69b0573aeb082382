package org.mixtree.ui.sessions.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.audio.io.AudioFileInfo;
import org.mixtree.audio.io.AudioFiles;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.StemFolder;

/**
 * The stems as {@code mixtree new} reads them, off the UI thread: the files taken and those left (with the reason),
 * each stem's channel count (for the left/right pairs) and sample rate, and the grouping rules (the shipped ones,
 * the user's own file on top when there is one).
 *
 * @param folder   the folder read, or null for files picked one by one
 * @param stems    the stem files, in name order
 * @param channels each stem's channel count
 * @param rate     the rate most stems have (a new session's rate)
 * @param unused   what was not taken and why
 * @param rules    the grouping rules
 * @param rulesRead the rules files read besides the shipped ones
 */
record StemReading(Path folder, List<Path> stems, List<Integer> channels, int rate, List<StemFolder.Unused> unused,
		GroupingRules rules, List<Path> rulesRead) {

	/** [worker] A folder of stems. */
	static StemReading folder(Path folder) throws StemFolder.StemFolderException, IOException {
		StemFolder.Scan scan = StemFolder.scan(folder);
		return read(folder, scan.stems(), scan.unused());
	}

	/** [worker] Files and folders picked for an import. */
	static StemReading picked(List<Path> picked) throws StemFolder.StemFolderException, IOException {
		List<Path> stems = new ArrayList<>();
		List<StemFolder.Unused> unused = new ArrayList<>();
		for (Path p : picked) {
			if (Files.isDirectory(p)) {
				StemFolder.Scan scan = StemFolder.scan(p);
				stems.addAll(scan.stems());
				unused.addAll(scan.unused());
			} else {
				String why = StemFolder.whyNotAStem(p);
				if (why == null) {
					stems.add(p);
				} else {
					unused.add(new StemFolder.Unused(p.getFileName().toString(), why));
				}
			}
		}
		return read(null, stems, unused);
	}

	private static StemReading read(Path folder, List<Path> stems, List<StemFolder.Unused> unused) throws IOException {
		List<Integer> channels = new ArrayList<>();
		Map<Integer, Integer> rates = new HashMap<>();
		for (Path stem : stems) {
			AudioFileInfo info = AudioFiles.info(stem);
			channels.add(info.channels());
			rates.merge(info.sampleRate(), 1, Integer::sum);
		}
		List<Path> read = new ArrayList<>();
		return new StemReading(folder, List.copyOf(stems), List.copyOf(channels), StemFolder.commonRate(rates),
				List.copyOf(unused), rules(read), List.copyOf(read));
	}

	/**
	 * The rules {@code new --group auto} uses: the shipped ones and the user's own file; the system property
	 * {@code mixtree.xdgConfigHome} stands in for {@code XDG_CONFIG_HOME}, as for the command line.
	 */
	static GroupingRules rules(List<Path> read) {
		Map<String, String> env = new HashMap<>(System.getenv());
		if (System.getProperty("mixtree.xdgConfigHome") != null) {
			env.put("XDG_CONFIG_HOME", System.getProperty("mixtree.xdgConfigHome"));
		}
		GroupingRules rules = GroupingRules.defaults();
		Path user = GroupingRules.userFile(env, System.getProperty("user.home"));
		if (Files.isRegularFile(user)) {
			rules = rules.plus(user);
			read.add(user);
		}
		return rules;
	}
}
