package org.mixtree.ui.mixer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The console's model fragment as e4 reads it. The console in the running workbench, its gestures on the window's
 * command stack and in the engine, is {@link ConsoleInWorkbenchTest}.
 */
class MixerInWorkbenchTest {

	/** The fragment as e4 reads it: a model it cannot parse is skipped without a word, and the console is missing. */
	@Test
	void theModelFragmentParsesAndNamesThePartStackAndThePart() throws Exception {
		org.eclipse.emf.ecore.resource.ResourceSet rs = new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl();
		rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("e4xmi",
				new org.eclipse.e4.ui.internal.workbench.E4XMIResourceFactory());
		org.eclipse.e4.ui.model.fragment.impl.FragmentPackageImpl.eINSTANCE.eClass();
		org.eclipse.e4.ui.model.application.impl.ApplicationPackageImpl.eINSTANCE.eClass();
		org.eclipse.emf.ecore.resource.Resource r = rs.getResource(
				org.eclipse.emf.common.util.URI.createPlatformPluginURI("org.mixtree.ui.mixer/fragment.e4xmi", true), true);
		assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
		org.eclipse.e4.ui.model.fragment.MModelFragments fragments = (org.eclipse.e4.ui.model.fragment.MModelFragments) r
				.getContents().get(0);
		org.eclipse.e4.ui.model.fragment.MStringModelFragment inStack = (org.eclipse.e4.ui.model.fragment.MStringModelFragment) fragments
				.getFragments().get(0);
		assertEquals("org.mixtree.ui.partstack.main", inStack.getParentElementId());
		org.eclipse.e4.ui.model.application.ui.basic.MPart part = (org.eclipse.e4.ui.model.application.ui.basic.MPart) inStack
				.getElements().get(0);
		assertEquals("bundleclass://org.mixtree.ui.mixer/" + MixerPart.class.getName(), part.getContributionURI());
		assertEquals(2, fragments.getFragments().size(), "the part and its descriptor");
	}
}
