package org.mixtree.modelgen;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;

/**
 * Regenerates the Mixtree model code (org.mixtree.model/src-gen) and item providers
 * (org.mixtree.model.edit/src-gen) from {@code mixtree.genmodel}, outside OSGi.
 * <p>
 * EMF's own headless generator application needs a running Equinox and a workspace; this program
 * does the same few steps in plain Java, in seconds, and writes only into the bundle folders.
 * The one argument is the repository root.
 */
public final class GenerateModel {

	private static final String MODEL_BUNDLE = "org.mixtree.model";
	private static final String EDIT_BUNDLE = "org.mixtree.model.edit";

	private GenerateModel() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
		Path bundles = root.resolve("bundles");
		Path genModelFile = bundles.resolve(MODEL_BUNDLE).resolve("model/mixtree.genmodel");
		if (!Files.isRegularFile(genModelFile)) {
			throw new IllegalArgumentException("no genmodel at " + genModelFile + " (argument: repository root)");
		}

		// Stand-ins for what the plug-in registry does inside Eclipse.
		EcorePackage.eINSTANCE.eClass();
		GenModelPackage.eINSTANCE.eClass();
		Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
		Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().put("genmodel", new EcoreResourceFactoryImpl());
		GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
				GenModelGeneratorAdapterFactory.DESCRIPTOR);
		for (String bundle : new String[] { MODEL_BUNDLE, EDIT_BUNDLE }) {
			URI folder = URI.createFileURI(bundles.resolve(bundle).toString() + File.separator);
			EcorePlugin.getPlatformResourceMap().put(bundle, folder);
		}

		// Clean src-gen first, so that a class removed from the model does not survive as a stale file.
		for (String bundle : new String[] { MODEL_BUNDLE, EDIT_BUNDLE }) {
			deleteTree(bundles.resolve(bundle).resolve("src-gen"));
		}

		ResourceSet resourceSet = new ResourceSetImpl();
		URI uri = URI.createPlatformResourceURI(MODEL_BUNDLE + "/model/mixtree.genmodel", true);
		Resource resource = resourceSet.getResource(uri, true);
		EcoreUtil.resolveAll(resourceSet);
		GenModel genModel = (GenModel) resource.getContents().get(0);
		genModel.reconcile();
		genModel.setCanGenerate(true);
		Diagnostic validation = genModel.diagnose();
		if (validation.getSeverity() == Diagnostic.ERROR) {
			throw new IllegalStateException("genmodel is invalid: " + validation);
		}

		Generator generator = new Generator();
		generator.setInput(genModel);
		for (String projectType : new String[] { GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
				GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE }) {
			Diagnostic result = generator.generate(genModel, projectType, new BasicMonitor());
			if (result.getSeverity() == Diagnostic.ERROR) {
				throw new IllegalStateException(projectType + " generation failed: " + result);
			}
		}
		System.out.println("generated " + MODEL_BUNDLE + "/src-gen and " + EDIT_BUNDLE + "/src-gen");
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(p);
			}
		}
	}
}
