package org.mixtree.effects.builtin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.EffectRegistry;
import org.osgi.framework.FrameworkUtil;

/**
 * In the OSGi test runtime (Tycho surefire), the declarative-services components of {@code OSGI-INF/*.xml}
 * really register the EQ, compressor, limiter and utility as {@link EffectFactory} services. Outside a framework
 * (plain JUnit on a class path) there is no service registry: the test is then not applicable.
 */
class MyEffectsRegisteredTest {

	@Test
	void factoriesAreOsgiServices() throws InterruptedException {
		Assumptions.assumeTrue(FrameworkUtil.getBundle(EffectRegistry.class) != null, "runs inside OSGi only");
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
