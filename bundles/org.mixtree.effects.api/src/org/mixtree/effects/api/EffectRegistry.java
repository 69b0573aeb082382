package org.mixtree.effects.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
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

	/**
	 * One effect bundle that is installed but gives no effects because it is broken: what a person needs to find
	 * and remove it.
	 *
	 * @param bundle  its symbolic name
	 * @param version its version
	 * @param problem what went wrong, one line ({@code does not resolve: ...}, {@code its activator failed: ...})
	 */
	public record BrokenBundle(String bundle, String version, String problem) {
		@Override
		public String toString() {
			return bundle + " " + version + ": " + problem;
		}
	}

	/**
	 * [main] The installed effect bundles (bundles that use this SPI) that do not work: those the framework could
	 * not resolve, and those whose activation failed (a throwing activator). The framework keeps such a bundle
	 * out and every other effect works; this is how the host says so in one line each instead of in a log.
	 * Call it after {@link #all()}: a bundle whose components declare an {@link EffectFactory} but which is not
	 * active after its services were asked for failed to start; it is started here once more (transiently) to
	 * learn why, which is the start the framework made, and its exception is the reason. Empty outside a
	 * framework.
	 */
	public static List<BrokenBundle> brokenBundles() {
		Bundle self = FrameworkUtil.getBundle(EffectRegistry.class);
		BundleContext context = self == null ? null : self.getBundleContext();
		if (context == null) {
			return List.of();
		}
		List<BrokenBundle> broken = new ArrayList<>();
		for (Bundle b : context.getBundles()) {
			if (b.getBundleId() == self.getBundleId() || !usesSpi(b)) {
				continue;
			}
			String problem = null;
			if (b.getState() == Bundle.INSTALLED) {
				problem = "does not resolve: " + reason(b, "the framework could not resolve it");
			} else if (b.getState() == Bundle.RESOLVED && declaresEffects(b)) {
				// the registry asked for its effects, so the framework has tried to start it: it did not stay up
				String why = reason(b, null);
				if (why != null) {
					problem = "fails to start: " + why;
				}
			}
			if (problem != null) {
				broken.add(new BrokenBundle(b.getSymbolicName(), b.getVersion().toString(), problem));
			}
		}
		broken.sort(Comparator.comparing(BrokenBundle::bundle));
		return broken;
	}

	/** Whether the bundle's declarative-services components name {@link EffectFactory} (an effect bundle). */
	private static boolean declaresEffects(Bundle b) {
		String components = b.getHeaders("").get("Service-Component");
		if (components == null) {
			return false;
		}
		for (String path : components.split(",")) {
			path = path.strip();
			int slash = path.lastIndexOf('/');
			java.util.Enumeration<java.net.URL> files = b.findEntries(slash < 0 ? "/" : path.substring(0, slash),
					path.substring(slash + 1), false);
			while (files != null && files.hasMoreElements()) {
				try (java.io.InputStream in = files.nextElement().openStream()) {
					if (new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
							.contains(EffectFactory.class.getName())) {
						return true;
					}
				} catch (java.io.IOException e) {
					// unreadable: not known to declare effects
				}
			}
		}
		return false;
	}

	/** Whether the bundle imports this SPI's package or requires its bundle (the headers, so unresolved ones too). */
	private static boolean usesSpi(Bundle b) {
		String spi = EffectRegistry.class.getPackageName();
		for (String header : new String[] { Constants.IMPORT_PACKAGE, Constants.REQUIRE_BUNDLE }) {
			String value = b.getHeaders("").get(header);
			if (value != null && value.matches("(?s)(.*[,\\s])?" + java.util.regex.Pattern.quote(spi) + "\\s*([;,].*)?")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Starts the bundle transiently: null when that works, else the framework's reason in one line (its message
	 * and the root cause's, newlines folded), or {@code fallback} when it gives none.
	 */
	private static String reason(Bundle b, String fallback) {
		try {
			b.start(Bundle.START_TRANSIENT);
			return null;
		} catch (BundleException | RuntimeException e) {
			Throwable root = e;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			String text = e.getMessage() == null ? fallback : e.getMessage();
			if (root != e) {
				text = text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
			}
			return text == null ? fallback : text.strip().replaceAll("\\s*\\R\\s*", "; ");
		}
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
