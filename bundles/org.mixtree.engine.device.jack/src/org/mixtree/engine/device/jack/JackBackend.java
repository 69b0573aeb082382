package org.mixtree.engine.device.jack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.jaudiolibs.jnajack.Jack;
import org.jaudiolibs.jnajack.JackClient;
import org.jaudiolibs.jnajack.JackException;
import org.jaudiolibs.jnajack.JackOptions;
import org.jaudiolibs.jnajack.JackPortFlags;
import org.jaudiolibs.jnajack.JackPortType;
import org.jaudiolibs.jnajack.JackStatus;
import org.mixtree.engine.device.AudioBackend;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.DeviceInfo;

/**
 * The JACK back end, through JNAJack (JNA over the system's {@code libjack.so.0}). A device is a JACK client
 * with audio input ports ({@code system} is the sound card, the default); opening it registers Mixtree's output
 * ports and connects them to that client's first inputs. The server decides rate and buffer size: the stream
 * reports them and the player adapts (resampling at the output when the session's rate differs).
 * <p>
 * Loading this bundle never touches the native library: it is loaded on the first {@link #devices()} or
 * {@link #open}, and a missing library or server becomes one {@link AudioDeviceException} line, so the rest of
 * Mixtree keeps working without JACK.
 * <p>
 * Thread rules: [main], as {@link AudioBackend}.
 */
public final class JackBackend implements AudioBackend {

	/** The client name Mixtree registers under (JACK appends a number when it is taken). */
	static final String CLIENT_NAME = "mixtree";
	/** The device opened when none is named: the sound card's playback ports. */
	static final String DEFAULT_DEVICE = "system";

	@Override
	public String id() {
		return "jack";
	}

	@Override
	public String name() {
		return "JACK";
	}

	@Override
	public List<DeviceInfo> devices() throws AudioDeviceException {
		requireServer();
		Jack jack = jack();
		JackClient probe = openClient(jack, CLIENT_NAME + "-probe");
		try {
			int rate = probe.getSampleRate();
			Map<String, Integer> inputs = inputPortsByClient(jack, probe);
			List<DeviceInfo> list = new ArrayList<>();
			for (Map.Entry<String, Integer> e : inputs.entrySet()) {
				String client = e.getKey();
				boolean system = client.equals(DEFAULT_DEVICE);
				list.add(new DeviceInfo(client, system ? "JACK playback ports of the sound card (system)"
						: "JACK client " + client, e.getValue(), List.of(rate), system));
			}
			return list;
		} catch (JackException e) {
			throw new AudioDeviceException("JACK: cannot list the server's ports: " + reason(e), e);
		} finally {
			probe.close();
		}
	}

	@Override
	public AudioStream open(String device, int sampleRate, int bufferFrames, int channels)
			throws AudioDeviceException {
		requireServer();
		Jack jack = jack();
		String target = device == null || device.isEmpty() || device.equals("jack") ? DEFAULT_DEVICE : device;
		JackClient client = openClient(jack, CLIENT_NAME);
		try {
			Map<String, Integer> inputs = inputPortsByClient(jack, client);
			if (!inputs.containsKey(target)) {
				throw new AudioDeviceException("JACK: no device '" + target + "' (clients with audio inputs: "
						+ String.join(", ", inputs.keySet()) + ")");
			}
			String[] ports = jack.getPorts(client, "^" + quote(target) + ":", JackPortType.AUDIO,
					EnumSet.of(JackPortFlags.JackPortIsInput));
			return new JackStream(jack, client, serverName(), target, ports, channels);
		} catch (JackException e) {
			client.close();
			throw new AudioDeviceException("JACK: cannot open '" + target + "': " + reason(e), e);
		} catch (AudioDeviceException | RuntimeException e) {
			client.close();
			throw e;
		}
	}

	/**
	 * Says "no server" before libjack is asked, when the server's socket is plainly missing: libjack would print
	 * three lines of its own on stderr. jackd2 on Linux listens on {@code /dev/shm/jack_SERVER_UID_0}; where that
	 * layout does not hold (another JACK, another OS) libjack decides.
	 */
	private static void requireServer() throws AudioDeviceException {
		Path shm = Path.of("/dev/shm");
		if (!Files.isDirectory(shm)) {
			return;
		}
		// libjack opens the server named by JACK_DEFAULT_SERVER (jackd -n NAME), else "default"; it reads the
		// process's native environment, which a test may have changed (setenv) since the JVM took its copy
		String server = serverName();
		boolean present;
		try {
			Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
			present = Files.exists(shm.resolve("jack_" + server + "_" + uid + "_0"));
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return; // cannot tell: libjack decides
		}
		if (!present) {
			throw new AudioDeviceException(NO_SERVER);
		}
	}

	/** @return the name of the server libjack opens now: {@code JACK_DEFAULT_SERVER}, else "default" */
	static String serverName() {
		String server = nativeEnv("JACK_DEFAULT_SERVER");
		return server == null || server.isEmpty() ? "default" : server;
	}

	/** The C library's {@code getenv}. */
	private interface LibC extends Library {
		String getenv(String name);
	}

	/** @return {@code name} in the native environment (what libjack sees), else in the JVM's copy */
	static String nativeEnv(String name) {
		try {
			return Native.load("c", LibC.class).getenv(name);
		} catch (LinkageError | RuntimeException e) {
			return System.getenv(name);
		}
	}

	private static final String NO_SERVER = "JACK: no JACK server is running (start one, e.g. 'jackd -d alsa' or 'jackd -d dummy -r 48000')";

	/** The JNAJack entry point; a missing {@code libjack.so.0} is a {@link LinkageError} from JNA. */
	private static Jack jack() throws AudioDeviceException {
		try {
			return Jack.getInstance();
		} catch (JackException | LinkageError e) {
			throw new AudioDeviceException(
					"JACK: the JACK library (libjack.so.0) cannot be loaded; install it (Debian: apt-get install libjack-jackd2-0)",
					e);
		}
	}

	/** Opens a client without starting a server: a player must not spawn jackd behind the user's back. */
	private static JackClient openClient(Jack jack, String name) throws AudioDeviceException {
		EnumSet<JackStatus> status = EnumSet.noneOf(JackStatus.class);
		try {
			JackClient client = jack.openClient(name, EnumSet.of(JackOptions.JackNoStartServer), status);
			if (client == null) {
				throw new JackException("no client");
			}
			return client;
		} catch (JackException | RuntimeException e) {
			if (status.contains(JackStatus.JackServerFailed) || status.isEmpty()
					|| status.contains(JackStatus.JackFailure)) {
				throw new AudioDeviceException(NO_SERVER, e);
			}
			throw new AudioDeviceException("JACK: cannot connect to the server (" + status + ")", e);
		}
	}

	/** Audio input ports per client, in the server's order; a client's name is the part before ':'. */
	private static Map<String, Integer> inputPortsByClient(Jack jack, JackClient client) throws JackException {
		String[] ports = jack.getPorts(client, null, JackPortType.AUDIO, EnumSet.of(JackPortFlags.JackPortIsInput));
		Map<String, Integer> map = new LinkedHashMap<>();
		if (ports != null) {
			for (String p : ports) {
				int colon = p.indexOf(':');
				String owner = colon < 0 ? p : p.substring(0, colon);
				if (!owner.startsWith(CLIENT_NAME)) {
					map.merge(owner, 1, Integer::sum);
				}
			}
		}
		return map;
	}

	private static String quote(String s) {
		return s.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
	}

	static String reason(Throwable e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}
}
