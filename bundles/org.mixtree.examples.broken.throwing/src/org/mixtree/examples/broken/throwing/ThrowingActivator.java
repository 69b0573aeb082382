package org.mixtree.examples.broken.throwing;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Throws from {@code start}, as a third-party bundle with a bug would: the bundle is lazy, so the framework runs
 * this when its effect service is first asked for, and the effect never appears. The host must report the bundle
 * in one line and go on with every other effect.
 */
public final class ThrowingActivator implements BundleActivator {

	/** Part of the message the install test looks for in {@code ./mixtree effects}. */
	public static final String MESSAGE = "deliberately broken: this activator always throws";

	@Override
	public void start(BundleContext context) {
		throw new IllegalStateException(MESSAGE);
	}

	@Override
	public void stop(BundleContext context) {
		// never started
	}
}
