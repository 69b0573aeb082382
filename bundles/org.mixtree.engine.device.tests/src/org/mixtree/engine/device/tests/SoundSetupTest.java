package org.mixtree.engine.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mixtree.engine.device.javasound.SoundSetup;
import org.mixtree.engine.device.javasound.SoundSetup.Endpoint;
import org.mixtree.engine.device.javasound.SoundSetup.Facts;

/**
 * The Java Sound diagnosis against a real PulseAudio server, running and then killed (its socket file left behind):
 * the facts are found by looking (the plugin's file, a connection to the server's socket) and the line says what was
 * found and the one thing to do. The server is private ({@link JavaSoundServerTest.PrivatePulse}: its own runtime
 * directory and socket); the environment the diagnosis reads is given to it, so a server of the machine's own is
 * not seen.
 */
class SoundSetupTest {

	private static final Path PLUGIN_DIR = Path.of("/usr/lib/x86_64-linux-gnu/alsa-lib");
	private static final Path CARDS = Path.of("/proc/asound/cards");

	private Path dir;
	private JavaSoundServerTest.PrivatePulse pulse;

	@BeforeEach
	void startServer() throws Exception {
		dir = Files.createTempDirectory("mixtree-setup-");
		pulse = new JavaSoundServerTest.PrivatePulse(dir.resolve("pulse"));
		assertTrue(Files.exists(PLUGIN_DIR.resolve("libasound_module_pcm_pulse.so")),
				"ALSA's PulseAudio plugin is needed for this test: apt-get install libasound2-plugins");
	}

	@AfterEach
	void stopServer() throws Exception {
		pulse.close();
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	private Map<String, String> pulseServerEnv() {
		return Map.of("PULSE_SERVER", "unix:" + dir.resolve("pulse/native"));
	}

	@Test
	void runningThenKilledServer() throws Exception {
		List<String> seen = List.of("default [default] (plays nothing)");
		Facts running = SoundSetup.probe(pulseServerEnv(), List.of(PLUGIN_DIR), CARDS, seen);
		assertEquals(List.of(new Endpoint("unix:" + dir.resolve("pulse/native"), Endpoint.State.LISTENING)),
				running.endpoints());
		assertNotNull(running.server());
		assertEquals(PLUGIN_DIR.resolve("libasound_module_pcm_pulse.so"), running.plugin());
		System.out.println("running: " + running.diagnosis());
		assertTrue(running.diagnosis().startsWith("found: ALSA's PulseAudio plugin is installed; a sound server listens at unix:"
				+ dir.resolve("pulse/native") + "; "), running.diagnosis());
		assertTrue(running.diagnosis().contains("; Java Sound lists default [default] (plays nothing); restart Mixtree"),
				running.diagnosis());

		pulse.kill(); // SIGKILL: the socket file stays, nobody listens
		assertTrue(Files.exists(dir.resolve("pulse/native")), "the killed server's socket is left");
		Facts killed = SoundSetup.probe(pulseServerEnv(), List.of(PLUGIN_DIR), CARDS, seen);
		String line = killed.diagnosis();
		System.out.println("killed: " + line);
		assertNull(killed.server());
		assertEquals(Endpoint.State.REFUSED, killed.endpoints().get(0).state());
		assertTrue(line.startsWith("found: ALSA's PulseAudio plugin is installed; no PulseAudio/PipeWire server listens "
				+ "(unix:" + dir.resolve("pulse/native") + " (refused: nobody listens)); "), line);
		assertTrue(line.endsWith("; start PulseAudio (pulseaudio --start) or PipeWire's (systemctl --user start "
				+ "pipewire-pulse)"), line);
		assertFalse(line.contains("install libasound2-plugins"), "the plugin is installed: " + line);
		assertFalse(line.contains("\n"), line);
	}

	@Test
	void aMissingPluginWithARunningServer() throws Exception {
		Path empty = Files.createDirectories(dir.resolve("alsa-lib"));
		Facts f = SoundSetup.probe(pulseServerEnv(), List.of(empty), CARDS, List.of());
		assertNull(f.plugin());
		assertNotNull(f.server());
		assertTrue(f.diagnosis().startsWith("found: ALSA's PulseAudio plugin is not installed; a sound server listens"),
				f.diagnosis());
		assertTrue(f.diagnosis().endsWith("; install libasound2-plugins"), f.diagnosis());
	}

	@Test
	void theDefaultPlacesAreLookedAtInLibpulsesOrder() throws Exception {
		// no PULSE_SERVER: the runtime directory's socket comes first; the private server listens there
		Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.toString(), "HOME", dir.toString());
		Facts f = SoundSetup.probe(env, List.of(PLUGIN_DIR), CARDS, List.of());
		assertEquals(new Endpoint(dir.resolve("pulse/native").toString(), Endpoint.State.LISTENING), f.endpoints().get(0));
		assertEquals("/var/run/pulse/native", f.endpoints().get(f.endpoints().size() - 1).address());
		// nothing at all where PULSE_SERVER points: no socket
		Facts none = SoundSetup.probe(Map.of("PULSE_SERVER", dir.resolve("nothing/native").toString()),
				List.of(PLUGIN_DIR), CARDS, List.of());
		assertEquals(Endpoint.State.ABSENT, none.endpoints().get(0).state());
		assertTrue(none.diagnosis().contains("(" + dir.resolve("nothing/native") + " (no socket))"), none.diagnosis());
	}
}
