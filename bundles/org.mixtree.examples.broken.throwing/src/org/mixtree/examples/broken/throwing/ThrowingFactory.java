package org.mixtree.examples.broken.throwing;

import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;

/** An effect that never gets made: loading this class starts the bundle, whose activator throws. */
public final class ThrowingFactory implements EffectFactory {

	@Override
	public EffectDescriptor descriptor() {
		throw new IllegalStateException("unreachable: the bundle's activator throws first");
	}

	@Override
	public Effect create() {
		throw new IllegalStateException("unreachable: the bundle's activator throws first");
	}
}
