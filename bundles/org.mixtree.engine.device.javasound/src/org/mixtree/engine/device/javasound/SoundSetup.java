package org.mixtree.engine.device.javasound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What lies between Java Sound and a sound server on Linux, found by looking rather than guessed, for the one line
 * that says why there is no output device and what to do. Java Sound plays through ALSA; on a desktop ALSA's
 * default device reaches PulseAudio (or PipeWire's PulseAudio server) through the plugin of
 * {@code libasound2-plugins}, and pulseaudio's ALSA configuration ({@code alsa.conf.d/pulse.conf}) makes it the
 * default only when a server answers at the moment a program loads ALSA's configuration.
 * <p>
 * Facts gathered: whether the plugin library is installed; whether a server listens on the native protocol (each
 * socket where libpulse would look, in its order: {@code $PULSE_SERVER} when set, else
 * {@code $PULSE_RUNTIME_PATH/native}, {@code $XDG_RUNTIME_DIR/pulse/native}, {@code /run/user/UID/pulse/native},
 * {@code ~/.config/pulse/MACHINE-ID-runtime/native}, then the system server's {@code /var/run/pulse/native}; a
 * socket is connected to, because a file left by a killed server is no server); whether ALSA sees a sound card;
 * and the devices Java Sound lists.
 * <p>
 * [main]: touches the file system and connects to sockets (each attempt at most {@value #CONNECT_MILLIS} ms).
 */
public final class SoundSetup {

	static final int CONNECT_MILLIS = 500;
	static final String PLUGIN = "libasound_module_pcm_pulse.so";
	static final String START = "start PulseAudio (pulseaudio --start) or PipeWire's (systemctl --user start "
			+ "pipewire-pulse)";

	/** One place a server may listen, and what was found there. */
	public record Endpoint(String address, State state) {
		/** What an attempt to connect found. */
		public enum State {
			/** a server accepted the connection */
			LISTENING,
			/** the socket exists but nobody accepts (left by a server that was killed), or a TCP server refused */
			REFUSED,
			/** no socket there */
			ABSENT
		}

		@Override
		public String toString() {
			return address + (state == State.LISTENING ? " (listening)"
					: state == State.REFUSED ? " (refused: nobody listens)" : " (no socket)");
		}
	}

	/**
	 * The facts.
	 *
	 * @param plugin      the PulseAudio plugin library found, or null
	 * @param endpoints   every place looked at for a server, in libpulse's order
	 * @param soundCards  whether ALSA lists a sound card ({@code /proc/asound/cards})
	 * @param javaSound   the output devices Java Sound lists, with "(plays nothing)" for those that take no format
	 */
	public record Facts(Path plugin, List<Endpoint> endpoints, boolean soundCards, List<String> javaSound) {

		/** @return the first endpoint a server listens on, or null */
		public Endpoint server() {
			for (Endpoint e : endpoints) {
				if (e.state() == Endpoint.State.LISTENING) {
					return e;
				}
			}
			return null;
		}

		/**
		 * @return one line: what was found, then what to do (start a server, install the plugin, restart after
		 *         starting a server)
		 */
		public String diagnosis() {
			List<String> found = new ArrayList<>();
			Endpoint server = server();
			found.add(plugin != null ? "ALSA's PulseAudio plugin is installed" : "ALSA's PulseAudio plugin is not installed");
			found.add(server != null ? "a sound server listens at " + server.address()
					: "no PulseAudio/PipeWire server listens (" + join(endpoints) + ")");
			found.add(soundCards ? "ALSA lists a sound card" : "no sound card");
			found.add(javaSound.isEmpty() ? "Java Sound lists no output device"
					: "Java Sound lists " + String.join(", ", javaSound));
			String todo;
			if (server == null && plugin == null) {
				todo = START + " and install libasound2-plugins";
			} else if (server == null) {
				todo = START;
			} else if (plugin == null) {
				todo = "install libasound2-plugins";
			} else {
				// ALSA's configuration makes the plugin the default only if a server answered when it was loaded
				todo = "restart Mixtree (the server was not running when it started), or set PULSE_SERVER";
			}
			return "found: " + String.join("; ", found) + "; " + todo;
		}

		private static String join(List<Endpoint> list) {
			List<String> s = new ArrayList<>();
			for (Endpoint e : list) {
				s.add(e.toString());
			}
			return s.isEmpty() ? "nowhere to look" : String.join(", ", s);
		}
	}

	private SoundSetup() {
	}

	/** @return the facts of this process: its environment, the installed plugin, ALSA's cards, Java Sound's devices */
	public static Facts probe(List<String> javaSoundDevices) {
		return probe(System.getenv(), pluginDirs(), Path.of("/proc/asound/cards"), javaSoundDevices);
	}

	/**
	 * @param env        the environment libpulse reads ({@code PULSE_SERVER}, {@code XDG_RUNTIME_DIR}, {@code HOME}...)
	 * @param pluginDirs where ALSA's plugins may be installed
	 * @param cards      ALSA's list of cards ({@code /proc/asound/cards})
	 */
	public static Facts probe(Map<String, String> env, List<Path> pluginDirs, Path cards, List<String> javaSoundDevices) {
		Path plugin = null;
		for (Path d : pluginDirs) {
			if (Files.isRegularFile(d.resolve(PLUGIN))) {
				plugin = d.resolve(PLUGIN);
				break;
			}
		}
		List<Endpoint> endpoints = new ArrayList<>();
		for (String address : serverAddresses(env)) {
			endpoints.add(new Endpoint(address, connect(address)));
		}
		boolean soundCards = false;
		try {
			// "--- no soundcards ---" when ALSA has none; a card's line starts with its number
			soundCards = Files.isReadable(cards)
					&& Files.readAllLines(cards).stream().anyMatch(l -> l.strip().matches("\\d+ \\[.*"));
		} catch (IOException | RuntimeException e) {
			// unreadable: taken as none
		}
		return new Facts(plugin, endpoints, soundCards, List.copyOf(javaSoundDevices));
	}

	/** Where libpulse would look for a server, in its order (see the class comment). */
	static List<String> serverAddresses(Map<String, String> env) {
		Set<String> list = new LinkedHashSet<>();
		String server = env.get("PULSE_SERVER");
		if (server != null && !server.isBlank()) {
			for (String s : server.strip().split("\\s+")) {
				// "{machine-id}unix:/path" limits an entry to one machine; the address follows
				list.add(s.startsWith("{") && s.indexOf('}') > 0 ? s.substring(s.indexOf('}') + 1) : s);
			}
			return List.copyOf(list);
		}
		if (env.get("PULSE_RUNTIME_PATH") != null) {
			list.add(Path.of(env.get("PULSE_RUNTIME_PATH"), "native").toString());
		}
		if (env.get("XDG_RUNTIME_DIR") != null) {
			list.add(Path.of(env.get("XDG_RUNTIME_DIR"), "pulse", "native").toString());
		}
		Object uid = null;
		try {
			uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		} catch (IOException | RuntimeException e) {
			// not Linux: no /run/user
		}
		if (uid != null) {
			list.add("/run/user/" + uid + "/pulse/native");
		}
		String home = env.get("HOME");
		String machine = machineId();
		if (home != null && machine != null) {
			list.add(Path.of(home, ".config", "pulse", machine + "-runtime", "native").toString());
		}
		list.add("/var/run/pulse/native");
		return List.copyOf(list);
	}

	private static String machineId() {
		for (String f : new String[] { "/etc/machine-id", "/var/lib/dbus/machine-id" }) {
			try {
				String id = Files.readString(Path.of(f)).strip();
				if (!id.isEmpty()) {
					return id;
				}
			} catch (IOException | RuntimeException e) {
				// the next
			}
		}
		return null;
	}

	/** Connects to a native-protocol address: a socket path, {@code unix:PATH} or {@code tcp:HOST[:PORT]}. */
	static Endpoint.State connect(String address) {
		String a = address;
		if (a.startsWith("unix:")) {
			a = a.substring(5);
		}
		if (!a.startsWith("/")) {
			return connectTcp(a.startsWith("tcp:") ? a.substring(4) : a.startsWith("tcp6:") ? a.substring(5) : a);
		}
		Path socket = Path.of(a);
		if (!Files.exists(socket)) {
			return Endpoint.State.ABSENT;
		}
		try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			ch.configureBlocking(false);
			if (ch.connect(UnixDomainSocketAddress.of(socket)) || awaitConnect(ch)) {
				return Endpoint.State.LISTENING;
			}
			return Endpoint.State.REFUSED;
		} catch (IOException | RuntimeException e) {
			return Endpoint.State.REFUSED;
		}
	}

	private static Endpoint.State connectTcp(String hostPort) {
		int colon = hostPort.lastIndexOf(':');
		String host = colon > 0 && hostPort.indexOf(':') == colon ? hostPort.substring(0, colon) : hostPort;
		int port = 4713;
		if (colon > 0 && hostPort.indexOf(':') == colon) {
			try {
				port = Integer.parseInt(hostPort.substring(colon + 1));
			} catch (NumberFormatException e) {
				return Endpoint.State.ABSENT;
			}
		}
		try (SocketChannel ch = SocketChannel.open()) {
			ch.configureBlocking(false);
			if (ch.connect(new InetSocketAddress(host.toLowerCase(Locale.ROOT), port)) || awaitConnect(ch)) {
				return Endpoint.State.LISTENING;
			}
			return Endpoint.State.REFUSED;
		} catch (IOException | RuntimeException e) {
			return Endpoint.State.REFUSED;
		}
	}

	private static boolean awaitConnect(SocketChannel ch) throws IOException {
		long deadline = System.nanoTime() + CONNECT_MILLIS * 1_000_000L;
		while (System.nanoTime() < deadline) {
			if (ch.finishConnect()) {
				return true;
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	/** Where distributions install ALSA's plugins. */
	static List<Path> pluginDirs() {
		String arch = System.getProperty("os.arch", "");
		String multiarch = switch (arch) {
		case "amd64", "x86_64" -> "x86_64-linux-gnu";
		case "aarch64", "arm64" -> "aarch64-linux-gnu";
		default -> arch + "-linux-gnu";
		};
		return List.of(Path.of("/usr/lib", multiarch, "alsa-lib"), Path.of("/usr/lib64/alsa-lib"),
				Path.of("/usr/lib/alsa-lib"));
	}
}
