package org.mixtree.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mixtree.engine.device.AudioBackend;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The audio back ends installed in the running framework, for everything that opens a device (the command line's
 * {@code play} and {@code devices}, the workbench's transport): one lookup, so both list the same back ends in the
 * same order.
 */
public final class AudioBackends {
	private AudioBackends() {
	}

	/**
	 * [main or a worker, not the audio thread] The back ends registered as services, JACK first (the low-latency path),
	 * then by id. Back-end bundles are lazily activated: a resolved one that has not been asked to start yet is
	 * started by its activation policy, so declarative services registers its component. Outside a framework (plain
	 * class path) the list is empty.
	 */
	public static List<AudioBackend> installed() {
		Bundle self = FrameworkUtil.getBundle(AudioBackends.class);
		BundleContext context = self == null ? null : self.getBundleContext();
		List<AudioBackend> list = new ArrayList<>();
		if (context == null) {
			return list;
		}
		for (Bundle b : context.getBundles()) {
			if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.mixtree.engine.device.")
					&& b.getState() == Bundle.RESOLVED && b.getHeaders().get("Fragment-Host") == null) {
				try {
					b.start(Bundle.START_ACTIVATION_POLICY | Bundle.START_TRANSIENT);
				} catch (Exception e) {
					// a back end that cannot start is simply not listed
				}
			}
		}
		try {
			for (ServiceReference<AudioBackend> r : context.getServiceReferences(AudioBackend.class, null)) {
				AudioBackend b = context.getService(r);
				if (b != null) {
					list.add(b);
				}
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		list.sort(Comparator.comparing((AudioBackend b) -> b.id().equals("jack") ? 0 : 1).thenComparing(AudioBackend::id));
		return list;
	}
}
