package org.mixtree.ui.internal;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.framework.Bundle;
import org.osgi.service.prefs.BackingStoreException;

/**
 * What the application model is made of: org.mixtree.ui and every bundle that contributes model fragments or
 * processors, with their versions. e4 restores the window from the model it saved at the last exit, which knows
 * nothing of a view or command added since; so when this signature differs from the one the saved model was made
 * with (a bundle installed, removed or updated), the saved model is dropped and the window is built afresh.
 */
final class ModelContributions {

	static final String MODEL_EXTENSION_POINT = "org.eclipse.e4.workbench.model";
	private static final String KEY = "modelContributions";

	private ModelContributions() {
	}

	/** The contributing bundles and versions, sorted, as one line. */
	static String signature() {
		Map<String, String> bundles = new TreeMap<>();
		Bundle self = org.osgi.framework.FrameworkUtil.getBundle(ModelContributions.class);
		if (self != null) {
			bundles.put(self.getSymbolicName(), self.getVersion().toString());
		}
		IExtensionPoint point = Platform.getExtensionRegistry() == null ? null
				: Platform.getExtensionRegistry().getExtensionPoint(MODEL_EXTENSION_POINT);
		if (point != null) {
			for (IExtension e : point.getExtensions()) {
				String name = e.getContributor().getName();
				Bundle b = Platform.getBundle(name);
				bundles.put(name, b == null ? "?" : b.getVersion().toString());
			}
		}
		StringBuilder line = new StringBuilder();
		bundles.forEach((n, v) -> line.append(n).append('_').append(v).append(' '));
		return line.toString().trim();
	}

	/** The signature the saved model was made with, or "" (none saved, or no instance location). */
	static String persisted() {
		return preferences().get(KEY, "");
	}

	/** Notes the signature of the model this run saves at its exit. */
	static void persist(String signature) {
		IEclipsePreferences p = preferences();
		if (!signature.equals(p.get(KEY, ""))) {
			p.put(KEY, signature);
			try {
				p.flush();
			} catch (BackingStoreException e) {
				// no instance location: nothing is saved either
			}
		}
	}

	private static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(RecentSessions.NODE);
	}
}
