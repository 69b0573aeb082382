package org.mixtree.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.model.MixtreePackage;
import org.mixtree.model.Session;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.model.util.MixtreeResourceFactoryImpl;

/**
 * Runs inside OSGi (tycho-surefire): the plugin.xml registrations must work there without any
 * programmatic set-up, and the edit bundle must find its plugin.properties.
 */
class RegistrationTest {

	@TempDir
	Path dir;

	@Test
	void pluginXmlRegistersPackageAndFileExtension() throws Exception {
		assertSame(MixtreePackage.eINSTANCE, EPackage.Registry.INSTANCE.getEPackage(MixtreePackage.eNS_URI));
		assertInstanceOf(MixtreeResourceFactoryImpl.class,
				Resource.Factory.Registry.INSTANCE.getFactory(URI.createFileURI("/any/song." + SessionStore.EXTENSION)));

		// a plain ResourceSet, nothing registered by hand, reads a session file
		Path file = dir.resolve("song.mixtree");
		SessionStore.save(Fixtures.rich(), file);
		Resource resource = new ResourceSetImpl().getResource(URI.createFileURI(file.toString()), true);
		assertEquals("Rich Song", ((Session) resource.getContents().get(0)).getName());
		Files.delete(file);
	}

	@Test
	void itemProvidersLabelChannels() {
		ComposedAdapterFactory factory = SessionEditing.createAdapterFactory();
		Track kick = Fixtures.rich().getTracks().get(0);
		IItemLabelProvider labels = (IItemLabelProvider) factory.adapt(kick, IItemLabelProvider.class);
		assertEquals("Track kick in", labels.getText(kick));
		factory.dispose();
	}
}
