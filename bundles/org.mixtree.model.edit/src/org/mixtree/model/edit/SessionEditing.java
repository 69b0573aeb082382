package org.mixtree.model.edit;

import java.nio.file.Path;
import java.util.HashMap;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ReflectiveItemProviderAdapterFactory;
import org.eclipse.emf.edit.provider.resource.ResourceItemProviderAdapterFactory;
import org.mixtree.model.MixStage;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.persistence.SessionFileException;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.provider.MixtreeItemProviderAdapterFactory;

/**
 * Creates the editing domain every change to a session goes through: an
 * {@link AdapterFactoryEditingDomain} over a {@link BasicCommandStack}, with the generated item
 * providers, so that the command line and the workbench share commands, undo and redo. No SWT:
 * this is the layer below any UI, as EMF's own emf.edit is.
 */
public final class SessionEditing {

	private SessionEditing() {
	}

	/** The adapter factory of the session's item providers, as editors and views expect it. */
	public static ComposedAdapterFactory createAdapterFactory() {
		ComposedAdapterFactory factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
		factory.addAdapterFactory(new ResourceItemProviderAdapterFactory());
		factory.addAdapterFactory(new MixtreeItemProviderAdapterFactory());
		factory.addAdapterFactory(new ReflectiveItemProviderAdapterFactory());
		return factory;
	}

	/** A new editing domain whose resource set reads and writes {@code .mixtree} files. */
	public static AdapterFactoryEditingDomain createEditingDomain() {
		return createEditingDomain(new BasicCommandStack());
	}

	/**
	 * The editing domain over a command stack of the caller's (the command line's batch gathers the commands of its
	 * lines into one undoable step on a stack of its own).
	 */
	public static AdapterFactoryEditingDomain createEditingDomain(BasicCommandStack stack) {
		AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(createAdapterFactory(), stack,
				new HashMap<Resource, Boolean>());
		SessionStore.register(domain.getResourceSet());
		return domain;
	}

	/** Loads a session file into the domain's resource set. */
	public static Session load(AdapterFactoryEditingDomain domain, Path file) throws SessionFileException {
		return SessionStore.load(file, domain.getResourceSet());
	}

	/**
	 * A new, empty session (with its master bus) in a resource of the domain for the given file;
	 * nothing is written until {@link SessionStore#save(Session, Path)}. It starts in the STATIC stage, where
	 * a top-down mix starts (the model's default is TRACKS, what a file written before stages holds).
	 */
	public static Session create(AdapterFactoryEditingDomain domain, Path file, String name, int sampleRate) {
		Session session = Sessions.create(name, sampleRate);
		session.setMixStage(MixStage.STATIC);
		SessionStore.createResource(domain.getResourceSet(), file).getContents().add(session);
		return session;
	}
}
