package org.mixtree.effects.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The host's view of the installed effects: every {@link EffectFactory} service, built-in and third-party
 * alike (one registry, OSGi services through declarative services). Outside OSGi (plain unit tests) a registry
 * can be made over a fixed list.
 */
public final class EffectRegistry {

	private final Supplier<List<EffectFactory>> source;

	private EffectRegistry(Supplier<List<EffectFactory>> source) {
		this.source = source;
	}

	/** A registry over a fixed list of factories. */
	public static EffectRegistry of(List<EffectFactory> factories) {
		List<EffectFactory> copy = List.copyOf(factories);
		return new EffectRegistry(() -> copy);
	}

	/**
	 * [main] The registry of the OSGi framework this bundle runs in: it tracks {@link EffectFactory} services as
	 * bundles come and go. Outside a framework it is empty.
	 */
	public static EffectRegistry osgi() {
		Bundle bundle = FrameworkUtil.getBundle(EffectRegistry.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		if (context == null) {
			return of(List.of());
		}
		ServiceTracker<EffectFactory, EffectFactory> tracker = new ServiceTracker<>(context, EffectFactory.class, null);
		tracker.open();
		return new EffectRegistry(() -> {
			Object[] services = tracker.getServices();
			List<EffectFactory> list = new ArrayList<>();
			if (services != null) {
				for (Object s : services) {
					list.add((EffectFactory) s);
				}
			}
			return list;
		});
	}

	/** [any] Every installed effect, sorted by id. */
	public List<EffectFactory> all() {
		List<EffectFactory> list = new ArrayList<>(source.get());
		list.sort(Comparator.comparing(f -> f.descriptor().id()));
		return list;
	}

	/** [any] The effect with this id, if installed. */
	public Optional<EffectFactory> find(String id) {
		for (EffectFactory f : source.get()) {
			if (f.descriptor().id().equals(id)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}
}
