package org.mixtree.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.FileParameter;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.model.FileValue;
import org.mixtree.model.Insert;
import org.mixtree.model.ParameterValue;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.persistence.SessionStore;

/**
 * The files an insert reads ({@code irfile=halls/church.wav} on {@code insert add/set}): typed relative to the
 * current folder, checked by loading them into a fresh processor of the effect (so the effect itself says what it
 * cannot read), stored relative to the session file. A file tied to an enum step ({@link FileParameter#choice()})
 * moves that parameter there, and leaving the parameter there without a file is refused: an insert would
 * otherwise play silence without a word.
 */
final class InsertFiles {
	private InsertFiles() {
	}

	/**
	 * Takes the words whose key is one of the effect's files out of {@code given}.
	 *
	 * @return file id -> path as typed ("" clears), in the descriptor's order
	 */
	static Map<String, String> take(EffectDescriptor d, Map<String, String> given) {
		Map<String, String> files = new LinkedHashMap<>();
		for (FileParameter f : d.files()) {
			String typed = given.remove(f.id());
			if (typed != null) {
				files.put(f.id(), typed);
			}
		}
		return files;
	}

	/**
	 * Checks each file by loading it into a fresh processor and turns it into the path the session stores.
	 *
	 * @return file id -> path relative to the session file's folder ("" clears)
	 * @throws CliException {@code irfile: /abs/church.wav: file not found} (the effect's own one-line reason)
	 */
	static Map<String, String> stored(EffectFactory factory, Map<String, String> typed, Path sessionFile)
			throws CliException {
		Map<String, String> stored = new LinkedHashMap<>();
		if (typed.isEmpty()) {
			return stored;
		}
		Effect effect = factory.create();
		try {
			for (Map.Entry<String, String> e : typed.entrySet()) {
				if (e.getValue().isEmpty()) {
					stored.put(e.getKey(), "");
					continue;
				}
				Path file;
				try {
					file = Path.of(e.getValue()).toAbsolutePath().normalize();
				} catch (InvalidPathException x) {
					throw new CliException(e.getKey() + ": '" + e.getValue() + "' is not a file path");
				}
				try {
					effect.setFile(e.getKey(), file);
				} catch (IllegalArgumentException x) {
					throw new CliException(e.getKey() + ": " + x.getMessage());
				}
				stored.put(e.getKey(), SessionStore.relativeSource(file, sessionFile));
			}
		} finally {
			effect.release();
		}
		return stored;
	}

	/**
	 * A file given moves the parameter it is tied to onto its step ({@code ir=file}), unless that parameter is
	 * given too: added to the {@code key=value} words, so that it is checked and ordered as if typed.
	 */
	static void select(EffectDescriptor d, Map<String, String> files, Map<String, String> given) {
		for (FileParameter f : d.files()) {
			String path = files.get(f.id());
			if (f.choice() != null && path != null && !path.isEmpty() && !given.containsKey(f.choice())) {
				given.put(f.choice(), d.parameter(f.choice()).format(f.step()));
			}
		}
	}

	/**
	 * Refuses an insert left on a step that plays a file with no file: the values it will have are those given,
	 * else those stored on {@code insert} (null for a new insert), else the defaults.
	 *
	 * @throws CliException {@code org.mixtree.reverb: ir=file needs an impulse file: give irfile=PATH}
	 */
	static void requireFiles(EffectDescriptor d, Insert insert, Map<String, Double> params, Map<String, String> files)
			throws CliException {
		for (FileParameter f : d.files()) {
			if (f.choice() == null) {
				continue;
			}
			ParameterDescriptor choice = d.parameter(f.choice());
			Double value = params.get(f.choice());
			String path = files.get(f.id());
			if (insert != null) {
				for (ParameterValue p : insert.getParameters()) {
					if (value == null && f.choice().equals(p.getId())) {
						value = p.getValue();
					}
				}
				for (FileValue v : insert.getFiles()) {
					if (path == null && f.id().equals(v.getId())) {
						path = v.getPath();
					}
				}
			}
			if (f.selectedBy(value == null ? choice.defaultValue() : value) && (path == null || path.isEmpty())) {
				throw new CliException(d.id() + ": " + f.choice() + "=" + choice.format(f.step()) + " needs "
						+ article(f.name()) + ": give " + f.id() + "=PATH");
			}
		}
	}

	/** Executes one undoable command per file on {@code insert}. */
	static void apply(EditingDomain domain, Insert insert, Map<String, String> stored) {
		for (Map.Entry<String, String> e : stored.entrySet()) {
			SessionCommands.execute(domain, SessionCommands.setInsertFile(domain, insert, e.getKey(), e.getValue()));
		}
	}

	/** {@code irfile=halls/church.wav} for {@code info}, or "" when the insert reads no file. */
	static String describe(Insert insert) {
		StringBuilder s = new StringBuilder();
		for (FileValue v : insert.getFiles()) {
			s.append(s.length() == 0 ? "" : " ").append(v.getId()).append('=').append(v.getPath());
		}
		return s.toString();
	}

	private static String article(String name) {
		String n = name.toLowerCase(java.util.Locale.ROOT);
		return ("aeiou".indexOf(n.isEmpty() ? 'x' : n.charAt(0)) >= 0 ? "an " : "a ") + n;
	}
}
