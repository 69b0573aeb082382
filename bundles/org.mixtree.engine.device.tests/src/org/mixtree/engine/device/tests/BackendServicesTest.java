package org.mixtree.engine.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.mixtree.engine.device.AudioBackend;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Both back ends are contributed as OSGi services by their own bundles, and registering them touches no native
 * library and no server. Playing through real servers is tested by {@link JackServerTest} and
 * {@link JavaSoundServerTest}, each against a private server it starts.
 */
class BackendServicesTest {

	@Test
	void backendsAreServices() throws Exception {
		BundleContext context = FrameworkUtil.getBundle(BackendServicesTest.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			String n = b.getSymbolicName();
			if (n.equals("org.mixtree.engine.device.jack") || n.equals("org.mixtree.engine.device.javasound")) {
				b.start(Bundle.START_ACTIVATION_POLICY | Bundle.START_TRANSIENT);
			}
		}
		Set<String> ids = new TreeSet<>();
		for (ServiceReference<AudioBackend> r : context.getServiceReferences(AudioBackend.class, null)) {
			ids.add(context.getService(r).id());
		}
		assertEquals(Set.of("jack", "javasound"), ids);
	}
}
