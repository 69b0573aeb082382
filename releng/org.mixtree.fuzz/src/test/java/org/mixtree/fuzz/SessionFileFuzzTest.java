package org.mixtree.fuzz;

import java.nio.file.Path;

import org.mixtree.model.Session;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.validation.SessionValidator;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the session file reader ({@link SessionStore#load}, EMF's XMI loader and Mixtree's checks around it),
 * seeded with sessions the command line wrote. A file is loaded, validated and written back to text, or refused
 * with one {@link SessionFileException} naming it; anything else is a finding.
 */
class SessionFileFuzzTest {

	@FuzzTest
	void session(byte[] data) {
		Path file = Scratch.write("fuzz.mixtree", data);
		Session session;
		try {
			session = SessionStore.load(file);
		} catch (SessionFileException e) {
			Scratch.checkMessage(e, file.toAbsolutePath().normalize() + ":");
			return;
		}
		SessionValidator.validate(session);
		SessionStore.serialize(session);
	}
}
