/**
 * The effect SPI: what an effect bundle implements so that Mixtree can insert its processors on tracks and
 * buses. Version 1.1 (1.1 added files an effect reads: {@link org.mixtree.effects.api.FileParameter},
 * {@link org.mixtree.effects.api.Effect#setFile}). Small on purpose: {@link org.mixtree.effects.api.EffectFactory} (registered as an OSGi
 * service, the one registry for effects, built-in and third-party alike), {@link
 * org.mixtree.effects.api.EffectDescriptor} and {@link org.mixtree.effects.api.ParameterDescriptor} (what the
 * host shows and stores), {@link org.mixtree.effects.api.Effect} (the processor) and {@link
 * org.mixtree.effects.api.ProcessBlock} (one block of audio with its parameter events).
 * <p>
 * Thread rules, as CLAP states them: <b>[main]</b> methods are called by one non-audio thread at a time (the
 * host serialises them); <b>[audio]</b> methods are called on the audio thread only, never concurrently with
 * each other or with [main] methods of the same instance except where a method says so; <b>[any]</b> methods
 * may be called from any thread and must be cheap and lock-free. {@link
 * org.mixtree.effects.api.Effect#prepare} is the one place that allocates.
 * <p>
 * How to write, build, test and publish an effect bundle: {@code docs/EFFECTS.md} in the Mixtree repository.
 */
package org.mixtree.effects.api;
