package org.mixtree.effects.builtin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;

/**
 * In the OSGi test runtime (Tycho surefire), the declarative-services components of {@code OSGI-INF/*.xml}
 * really register the EQ, compressor, limiter and utility as {@link EffectFactory} services. Outside a framework
 * (plain JUnit on a class path) there is no service registry: the test then checks nothing and says so.
 */
class MyEffectsRegisteredTest {

	@Test
	void factoriesAreOsgiServices() throws InterruptedException {
		// a bundle class loader (Equinox) tells the framework is there; checked by name so the fragment needs no
		// import of org.osgi.framework (nor of opentest4j for an assumption)
		if (!EffectRegistry.class.getClassLoader().getClass().getName().startsWith("org.eclipse.osgi")) {
			System.err.println("MyEffectsRegisteredTest: not in OSGi, nothing to check");
			return;
		}
		EffectRegistry registry = EffectRegistry.osgi();
		List<String> ids = List.of("org.mixtree.eq", "org.mixtree.compressor", "org.mixtree.limiter",
				"org.mixtree.utility");
		long deadline = System.nanoTime() + 10_000_000_000L; // SCR activates components asynchronously
		while (!ids.stream().allMatch(id -> registry.find(id).isPresent()) && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		for (String id : ids) {
			assertTrue(registry.find(id).isPresent(), id + " is not registered; services: "
					+ registry.all().stream().map(f -> f.descriptor().id()).toList());
		}
	}
}
