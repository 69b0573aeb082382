package org.mixtree.effects.builtin;

import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;

/**
 * Base of the built-in effect factories: holds the one immutable descriptor. A subclass has a public no-argument
 * constructor (declarative services instantiates it from {@code OSGI-INF/<effect>.xml}) and implements
 * {@link #create()}.
 * <p>
 * Thread rules: {@link #descriptor()} from any thread; {@link #create()} on the main thread.
 */
public abstract class AbstractEffectFactory implements EffectFactory {

	private final EffectDescriptor descriptor;

	protected AbstractEffectFactory(EffectDescriptor descriptor) {
		this.descriptor = descriptor;
	}

	@Override
	public final EffectDescriptor descriptor() {
		return descriptor;
	}

	@Override
	public String toString() {
		return descriptor.id();
	}
}
