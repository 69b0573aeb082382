package org.mixtree.model;

/**
 * Creating sessions in the one shape the rest of Mixtree expects: every session has a master bus
 * named {@value #MASTER_NAME}.
 */
public final class Sessions {

	/** The name the master bus gets in a new session. */
	public static final String MASTER_NAME = "Master";

	private Sessions() {
	}

	/** A new, empty session with its master bus. */
	public static Session create(String name, int sampleRate) {
		Session session = MixtreeFactory.eINSTANCE.createSession();
		session.setName(name);
		session.setSampleRate(sampleRate);
		Bus master = MixtreeFactory.eINSTANCE.createBus();
		master.setName(MASTER_NAME);
		session.setMaster(master);
		return session;
	}

	/** The session a channel (or anything inside one) belongs to, or {@code null}. */
	public static Session sessionOf(org.eclipse.emf.ecore.EObject object) {
		for (org.eclipse.emf.ecore.EObject o = object; o != null; o = o.eContainer()) {
			if (o instanceof Session session) {
				return session;
			}
		}
		return null;
	}
}
