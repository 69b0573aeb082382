package org.mixtree.effects.api;

/**
 * Makes processors of one effect. An effect bundle registers one factory per effect as an OSGi service
 * (declarative services: a component providing {@code org.mixtree.effects.api.EffectFactory}); the host finds
 * effects by {@link EffectDescriptor#id()}. Built-in effects use this same registry.
 */
public interface EffectFactory {

	/** [any] What the effect is; the same object every time. */
	EffectDescriptor descriptor();

	/** [main] A new processor with every parameter at its default, not yet prepared. */
	Effect create();
}
