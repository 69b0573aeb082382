package org.mixtree.ui.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.junit.jupiter.api.Test;
import org.mixtree.model.Session;
import org.mixtree.model.edit.SessionCommands;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.edit.builder.GroupingMode;
import org.mixtree.model.edit.builder.GroupingRules;
import org.mixtree.model.edit.builder.SessionBuilder;
import org.mixtree.model.edit.builder.StemLayout;
import org.mixtree.model.persistence.SessionStore;

/**
 * The layout behind the preview, without a display: left alone it writes what {@code mixtree new --group auto}
 * writes ({@link SessionBuilder#populate}, byte for byte); a bus name is refused when taken.
 */
class StemLayoutTest {

	private static final Path DIR = Path.of("/tmp/stems").toAbsolutePath();
	private static final List<String> NAMES = List.of("01_KickIn.wav", "OH L.wav", "OH R.wav", "BassDI.flac",
			"LeadVox.wav", "AcGtr.wav", "Shaker.wav");
	private static final List<Integer> CHANNELS = List.of(1, 1, 1, 1, 1, 2, 1);

	@Test
	void untouchedLayoutWritesWhatNewWrites() {
		Path file = DIR.resolve("song.mixtree");
		List<Path> stems = NAMES.stream().map(DIR::resolve).toList();

		AdapterFactoryEditingDomain cliDomain = SessionEditing.createEditingDomain();
		Session cli = SessionEditing.create(cliDomain, file, "song", 48000);
		List<SessionBuilder.Stem> sources = new java.util.ArrayList<>();
		for (int i = 0; i < NAMES.size(); i++) {
			sources.add(new SessionBuilder.Stem(SessionStore.relativeSource(stems.get(i), file), CHANNELS.get(i)));
		}
		SessionCommands.execute(cliDomain, SessionBuilder.populate(cliDomain, cli, sources, GroupingMode.AUTO,
				GroupingRules.defaults()));

		AdapterFactoryEditingDomain domain = SessionEditing.createEditingDomain();
		Session wizard = SessionEditing.create(domain, file, "song", 48000);
		StemLayout layout = StemLayout.forNewSession(stems, CHANNELS, GroupingRules.defaults());
		SessionCommands.execute(domain, layout.command(domain, wizard, file));

		assertEquals(SessionStore.serialize(cli), SessionStore.serialize(wizard));
	}

	@Test
	void aBusNameIsRefusedWhenTaken() {
		List<Path> stems = NAMES.stream().map(DIR::resolve).toList();
		StemLayout layout = StemLayout.forNewSession(stems, CHANNELS, GroupingRules.defaults());
		StemLayout.BusDraft drums = layout.busNamed("Drums");
		assertNotNull(drums);
		assertEquals("a bus named Bass is already there; every bus has its own name",
				assertThrows(IllegalArgumentException.class, () -> layout.rename(drums, "bass")).getMessage());
		assertEquals("'master' is the master's name",
				assertThrows(IllegalArgumentException.class, () -> layout.rename(drums, "master")).getMessage());
		assertEquals("Bus 1", layout.addBus(null).name());
		assertEquals("Bus 2", layout.addBus(null).name());
	}
}
