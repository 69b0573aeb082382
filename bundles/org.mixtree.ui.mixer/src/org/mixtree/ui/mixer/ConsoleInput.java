package org.mixtree.ui.mixer;

import java.nio.file.Path;

import org.eclipse.emf.edit.domain.EditingDomain;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.model.Session;

/**
 * What a console shows and edits: the session, the editing domain whose one command stack every gesture goes
 * through, the file the session was loaded from (track sources and insert files are relative to it), the installed
 * effects and the engine behind the meters.
 *
 * @param domain      the editing domain holding {@code session}
 * @param session     the session shown
 * @param sessionFile where the session lives (need not exist yet for a new session)
 * @param effects     the installed effects (the insert menu, the parameter editor, missing-effect marks)
 * @param engine      meters and live values; {@link ConsoleEngine#NONE} without one
 */
public record ConsoleInput(EditingDomain domain, Session session, Path sessionFile, EffectRegistry effects,
		ConsoleEngine engine) {
	public ConsoleInput {
		if (domain == null || session == null) {
			throw new IllegalArgumentException("a console needs a session and its editing domain");
		}
		sessionFile = sessionFile == null ? Path.of(session.getName() == null ? "untitled.mixtree" : session.getName() + ".mixtree") : sessionFile;
		effects = effects == null ? EffectRegistry.of(java.util.List.of()) : effects;
		engine = engine == null ? ConsoleEngine.NONE : engine;
	}
}
