package org.mixtree.views.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.RegistryFactory;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.mixtree.audio.io.SampleFormat;
import org.mixtree.audio.io.WavWriter;
import org.mixtree.effects.api.EffectRegistry;
import org.mixtree.engine.Engine;
import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;
import org.mixtree.engine.device.jack.JackBackend;
import org.mixtree.engine.realtime.Player;
import org.mixtree.engine.realtime.PlayerOptions;
import org.mixtree.model.Channel;
import org.mixtree.model.MixtreeFactory;
import org.mixtree.model.Session;
import org.mixtree.model.Sessions;
import org.mixtree.model.Track;
import org.mixtree.model.edit.SessionEditing;
import org.mixtree.model.persistence.SessionStore;
import org.mixtree.session.SessionGraph;
import org.mixtree.testing.JackServer;
import org.mixtree.ui.testing.TestViewContext;
import org.mixtree.ui.testing.XTest;
import org.mixtree.ui.views.MixtreeView;

/**
 * What the view tests share: a session of test signals playing through a real {@link Player} on a private JACK server
 * (dummy driver), the display, views created from their {@code plugin.xml} declarations and hosted in plain Shells,
 * input made by XTEST, screenshots.
 * <p>
 * The session (48 kHz, every track at 0 dB, centred, on the master):
 * <ul>
 * <li>{@code Case 1}: EBU Tech 3341 case 1, a stereo 1 kHz sine at -23 dBFS per channel for 20 s (sox);</li>
 * <li>{@code Tone 1k}: a stereo 1 kHz sine at -6 dBFS (formula), 40 s;</li>
 * <li>{@code Noise}: stereo pink noise at -20 dB (sox), 40 s;</li>
 * <li>{@code Mono}: a 300 Hz sine at -12 dBFS, L = R (formula), 40 s;</li>
 * <li>{@code Wide}: the same with the right side inverted, L = -R (formula), 40 s;</li>
 * <li>{@code Groove}: 12 s of pink noise with a 2 Hz tremolo, 16-bit (sox), for the waveform;</li>
 * <li>{@code Pad}: a stereo noise with mid m and side s = {@value #PAD_SIDE} m' (m, m' independent, same spectrum):
 * L = m + s, R = m - s, so its correlation is {@code (1 - a^2) / (1 + a^2)} = 0.66 for a = 0.45.</li>
 * </ul>
 */
final class Rig implements AutoCloseable {
	/** The rate the shared {@link JackServer} runs at. */
	static final int RATE = 48000;
	static final int SECONDS = 40;
	static final double TONE_DB = -6.0;

	final Path dir;
	final Path file;
	final Session session;
	final AdapterFactoryEditingDomain domain;
	final JackServer jack;
	final AudioStream stream;
	final Player player;
	final TestViewContext context;
	final Display display;
	private final XTest xtest;
	private final List<Shell> shells = new ArrayList<>();

	Rig(Path dir) throws Exception {
		this.dir = dir;
		display = Display.getDefault();
		sox("case1.wav", "-b", "24", "-c", "2", "synth", "20", "sine", "1000", "gain", "-23");
		sox("noise.wav", "-b", "24", "-c", "2", "synth", Integer.toString(SECONDS), "pinknoise", "gain", "-20");
		sox("groove.wav", "-b", "16", "-c", "2", "synth", "12", "pinknoise", "tremolo", "2", "90", "gain", "-3");
		int n = SECONDS * RATE;
		float[] tone = sine(1000, Math.pow(10, TONE_DB / 20), n);
		float[] s300 = sine(300, Math.pow(10, -12 / 20.0), n);
		float[] inv = new float[n];
		for (int i = 0; i < n; i++) {
			inv[i] = -s300[i];
		}
		wav("tone.wav", new float[][] { tone, tone });
		wav("mono.wav", new float[][] { s300, s300 });
		wav("wide.wav", new float[][] { s300, inv });
		wav("pad.wav", pad(n));

		file = dir.resolve("views.mixtree");
		domain = SessionEditing.createEditingDomain();
		session = Sessions.create("views", RATE);
		SessionStore.createResource(domain.getResourceSet(), file).getContents().add(session);
		track("Case 1", "case1.wav");
		track("Tone 1k", "tone.wav");
		track("Noise", "noise.wav");
		track("Mono", "mono.wav");
		track("Wide", "wide.wav");
		track("Groove", "groove.wav");
		track("Pad", "pad.wav");
		SessionStore.save(session, file);

		jack = new JackServer();
		Plan plan = Engine.compile(SessionGraph.describe(session, file, EffectRegistry.osgi()));
		stream = open();
		player = new Player(plan, stream.sampleRate(), stream.bufferFrames(), PlayerOptions.defaults());
		stream.start(player.callback());
		context = new TestViewContext(session, domain, file, player, (long) SECONDS * RATE);
		xtest = new XTest();
	}

	/** @return a stereo output on the test's JACK server, 256-frame buffers (retried while the server finishes starting) */
	private static AudioStream open() throws AudioDeviceException, InterruptedException {
		AudioDeviceException last = null;
		for (int i = 0; i < 50; i++) {
			try {
				return new JackBackend().open(null, RATE, 256, 2);
			} catch (AudioDeviceException e) {
				last = e;
				Thread.sleep(100);
			}
		}
		throw last;
	}

	/** Plays from the start. */
	void play() {
		player.locate(0);
		player.play();
	}

	Track track(String name) {
		for (Track t : session.getTracks()) {
			if (t.getName().equals(name)) {
				return t;
			}
		}
		throw new AssertionError("no track " + name);
	}

	private void track(String name, String source) {
		Track t = MixtreeFactory.eINSTANCE.createTrack();
		t.setName(name);
		t.setSource(source);
		session.getTracks().add(t);
	}

	private void sox(String name, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of("sox", "-D", "-n", "-r", Integer.toString(RATE)));
		cmd.addAll(List.of(args).subList(0, 4));
		cmd.add(dir.resolve(name).toString());
		cmd.addAll(List.of(args).subList(4, args.length));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new AssertionError("sox failed (install sox): " + cmd + ": " + out);
		}
	}

	static final double PAD_SIDE = 0.45;

	/** L = m + s, R = m - s from two independent low-passed noises (seeded), about -20 dBFS RMS. */
	private static float[][] pad(int frames) {
		java.util.Random a = new java.util.Random(11), b = new java.util.Random(12);
		float[][] out = new float[2][frames];
		double m = 0, sd = 0;
		for (int i = 0; i < frames; i++) {
			m += 0.15 * (a.nextGaussian() - m);
			sd += 0.15 * (b.nextGaussian() - sd);
			double mid = 0.25 * m, side = 0.25 * PAD_SIDE * sd;
			out[0][i] = (float) (mid + side);
			out[1][i] = (float) (mid - side);
		}
		return out;
	}

	static float[] sine(double hz, double amplitude, int frames) {
		float[] s = new float[frames];
		for (int i = 0; i < frames; i++) {
			s[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
		}
		return s;
	}

	private void wav(String name, float[][] data) throws IOException {
		try (WavWriter w = new WavWriter(dir.resolve(name), data.length, RATE, SampleFormat.F32, 1)) {
			w.write(data, 0, data[0].length);
		}
	}

	// -------------------------------------------------------------------------------------------- views

	/** @return the declaration of view {@code id} on the extension point */
	static IConfigurationElement declaration(String id) {
		for (IConfigurationElement e : RegistryFactory.getRegistry().getConfigurationElementsFor("org.mixtree.ui.views.views")) {
			if (id.equals(e.getAttribute("id"))) {
				return e;
			}
		}
		throw new AssertionError("view " + id + " is not declared on org.mixtree.ui.views.views");
	}

	/** Creates view {@code id} from its declaration (as the workbench does) in a new Shell of that size. */
	<T extends MixtreeView> T host(String id, Class<T> type, int width, int height) throws Exception {
		Object o = declaration(id).createExecutableExtension("class");
		T view = type.cast(o);
		Shell shell = new Shell(display);
		shell.setText(id);
		shell.setLayout(new FillLayout());
		Composite place = new Composite(shell, SWT.NONE);
		view.createControl(place, context);
		shell.setBounds(10, 10, width, height);
		shell.open();
		shells.add(shell);
		spin(200);
		return view;
	}

	static Shell shellOf(Control c) {
		return c.getShell();
	}

	/** Disposes the view, then its shell, as the workbench does. */
	void close(MixtreeView view, Control control) {
		Shell shell = control.getShell();
		view.dispose();
		shell.dispose();
		shells.remove(shell);
		spin(50);
	}

	// -------------------------------------------------------------------------------------------- input, time

	void spin(long ms) {
		long end = System.currentTimeMillis() + ms;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				sleep(5);
			}
		}
	}

	/** Dispatches events until {@code done} holds, at most {@code ms}; fails with {@code what} if not. */
	void until(BooleanSupplier done, long ms, String what) {
		long end = System.currentTimeMillis() + ms;
		while (!done.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out after " + ms + " ms waiting for " + what);
			}
			if (!display.readAndDispatch()) {
				sleep(5);
			}
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void moveTo(Control c, int x, int y) {
		Point p = c.toDisplay(x, y);
		xtest.move(p.x, p.y);
		spin(25);
	}

	void click(Control c, int x, int y) {
		moveTo(c, x, y);
		xtest.button(1, true);
		spin(20);
		xtest.button(1, false);
		spin(150);
	}

	void drag(Control c, int x0, int y0, int x1, int y1, int steps) {
		moveTo(c, x0, y0);
		xtest.button(1, true);
		spin(30);
		for (int i = 1; i <= steps; i++) {
			moveTo(c, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
		}
		xtest.button(1, false);
		spin(150);
	}

	/** Saves what the display shows of {@code shell}'s client area as target/screenshots/{@code name}.png. */
	Path screenshot(Shell shell, String name) throws IOException {
		spin(200);
		Rectangle area = shell.getClientArea();
		Point origin = shell.toDisplay(area.x, area.y);
		Rectangle r = new Rectangle(origin.x, origin.y, area.width, area.height).intersection(display.getBounds());
		Image image = new Image(display, r.width, r.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, r.x, r.y);
		} finally {
			gc.dispose();
		}
		ImageData data = image.getImageData();
		image.dispose();
		Path out = screenshots();
		Files.createDirectories(out);
		Path png = out.resolve(name + ".png");
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(png.toString(), SWT.IMAGE_PNG);
		return png;
	}

	/** target/screenshots of this test bundle (surefire runs in target/work). */
	static Path screenshots() {
		Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
		for (Path p = here; p != null; p = p.getParent()) {
			if (p.getFileName() != null && p.getFileName().toString().equals("target")) {
				return p.resolve("screenshots");
			}
		}
		return here.resolve("target").resolve("screenshots");
	}

	void select(Channel c) {
		context.selection().select(c);
		spin(50);
	}

	@Override
	public void close() throws Exception {
		for (Shell s : List.copyOf(shells)) {
			if (!s.isDisposed()) {
				s.dispose();
			}
		}
		try {
			xtest.close();
			stream.close();
			player.close();
		} finally {
			jack.close();
		}
	}
}
