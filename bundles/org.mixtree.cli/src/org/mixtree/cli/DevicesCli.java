package org.mixtree.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.DeviceInfo;

/**
 * {@code devices}: the audio back ends (OSGi services, one bundle each) and the devices each can open now. A back
 * end that is unavailable (no server, no library, no card) prints its one-line reason and the others are still
 * listed; the command fails only when there is no back end at all.
 */
final class DevicesCli {

	private final PrintStream out;

	DevicesCli(PrintStream out) {
		this.out = out;
	}

	void devices(Args a) throws Exception {
		a.expectAtMost(0, "devices");
		List<AudioBackend> backends = backends();
		if (backends.isEmpty()) {
			throw new CliException("no audio back end is installed (bundles org.mixtree.engine.device.*)");
		}
		for (AudioBackend b : backends) {
			out.println(b.id() + "  " + b.name());
			try {
				List<DeviceInfo> devices = b.devices();
				if (devices.isEmpty()) {
					out.println("    (no device)");
				}
				for (DeviceInfo d : devices) {
					out.println("  " + (d.defaultDevice() ? "* " : "  ") + d.name() + "  (" + d.outputChannels()
							+ " ch" + rates(d.sampleRates()) + ") " + d.description());
				}
			} catch (AudioDeviceException e) {
				out.println("    unavailable: " + e.getMessage());
			}
		}
	}

	private static String rates(List<Integer> rates) {
		if (rates.isEmpty()) {
			return "";
		}
		List<String> s = new ArrayList<>();
		for (int r : rates) {
			s.add(Integer.toString(r));
		}
		return ", " + String.join("/", s) + " Hz";
	}

	/**
	 * [main] The back ends registered in the running framework, JACK first (the low-latency path), then by id.
	 * Back-end bundles are lazily activated; a resolved one that has not been asked to start yet is started
	 * according to its activation policy, so declarative services registers its component.
	 */
	static List<AudioBackend> backends() {
		return org.mixtree.session.AudioBackends.installed();
	}
}
