package org.mixtree.effects.builtin.reverb;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.dsp.BandLimit;
import org.mixtree.dsp.CrossfadeDelayLine;
import org.mixtree.dsp.PartitionedConvolver;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.builtin.AbstractEffect;

/**
 * Convolution reverb on {@link PartitionedConvolver}: zero latency, the wet signal is exactly the convolution of
 * the (predelayed) input with the impulse.
 * <p>
 * <b>Signal.</b> Per channel c: {@code wet = F(h_c * D(x_c))}, {@code y = (1 - m) x + m wet}, with D the predelay
 * (a whole number of samples, {@code round(predelay * fs / 1000)}), {@code h_c} the impulse's channel c (left
 * for a mono layout; built-in impulses are decorrelated between left and right), F the low cut and high cut
 * (off at their extremes) and {@code m = mix / 100} (linear mix law, as the delay's).
 * <p>
 * <b>Impulses.</b> All four impulses ({@link ImpulseLibrary}'s three and the file's) are turned into convolver
 * kernels in {@link #prepare} (and by {@link #setFile} once prepared), so switching {@code ir} during playback
 * swaps a kernel reference without allocating. The convolver's input history is shared by the kernels: after a
 * switch new input is heard through the new impulse at once while the pending tail of the old one plays out. The
 * file is the {@link ReverbFactory#IR_FILE_ID} file of the descriptor, given by the host with {@link #setFile}
 * (read through {@link ImpulseFile}, kept at its own rate and resampled in prepare). With {@code ir = file} and no
 * file set, the wet signal is silent: hosts refuse to leave an insert so, and the engine warns.
 * <p>
 * <b>Changes.</b> Mix and cut-offs follow the base smoothers sample by sample; a new predelay crossfades (20 ms)
 * between the old and the new tap; {@code ir} is an enum and switches at its event's sample.
 * <p>
 * <b>State.</b> The base class's parameter values (version 2). The impulse file is the host's (it stores the path
 * with the session, relative to the session file), so it is not in the state. Version 1 added the file's absolute
 * path as UTF ("" for none); such a state still loads, and loads that file.
 * <p>
 * Latency 0; tail = impulse length + predelay.
 * <p>
 * Thread rules: those of {@link AbstractEffect}; {@link #setFile} and {@link #getFile} are [main]; {@link #process} and
 * {@link #reset} allocate nothing.
 */
public final class ReverbEffect extends AbstractEffect {
	private static final double FADE_MS = 20;
	private final int iIr = index("ir");
	private final int iPredelay = index("predelay");
	private final int iMix = index("mix");
	private final int iLowcut = index("lowcut");
	private final int iHighcut = index("highcut");

	private ImpulseFile impulseFile;
	/** The file's impulse at the prepared rate, or null. */
	private float[][] fileImpulse;

	private PartitionedConvolver[] convolvers = new PartitionedConvolver[0];
	/** [ir step][channel] */
	private PartitionedConvolver.Kernel[][] kernels = new PartitionedConvolver.Kernel[0][];
	private int[] impulseLength = new int[4];
	private CrossfadeDelayLine[] predelay = new CrossfadeDelayLine[0];
	private BandLimit[] filters = new BandLimit[0];
	private float[][] wet = new float[0][];

	/** A reverb at the defaults; use {@link ReverbFactory#create()}. */
	public ReverbEffect() {
		super(ReverbFactory.DESCRIPTOR);
	}

	/**
	 * [main, not processing] Loads the impulse response {@code irfile} (WAV or AIFF, mono or stereo, up to
	 * {@value ImpulseFile#MAX_SECONDS} s; resampled to the session rate); null forgets it. It plays when
	 * {@code ir = file}; this does not change {@code ir}. When the effect is prepared this rebuilds the
	 * convolvers, which clears the tail.
	 *
	 * @throws IllegalArgumentException naming the file when it cannot be read or is not audio Mixtree reads, or
	 *                                  naming the id when it is not {@code irfile}; the impulse set before is kept
	 */
	@Override
	public void setFile(String id, Path file) {
		if (!ReverbFactory.IR_FILE_ID.equals(id)) {
			throw new IllegalArgumentException(ReverbFactory.ID + " has no file '" + id + "' (files: "
					+ ReverbFactory.IR_FILE_ID + ")");
		}
		ImpulseFile loaded = null;
		if (file != null) {
			try {
				loaded = ImpulseFile.read(file);
			} catch (IOException e) {
				String message = e.getMessage() == null ? file + ": cannot be read" : e.getMessage();
				throw new IllegalArgumentException(message.contains(file.toString()) ? message : file + ": " + message, e);
			}
		}
		impulseFile = loaded;
		fileImpulse = null;
		if (setup() != null) {
			prepareEffect(setup());
			resetEffect();
		}
	}

	@Override
	public Path getFile(String id) {
		return ReverbFactory.IR_FILE_ID.equals(id) && impulseFile != null ? impulseFile.file() : null;
	}

	@Override
	protected void prepareEffect(ProcessSetup setup) {
		fileImpulse = impulseFile == null ? null : impulseFile.at(setup.sampleRate());
		build(setup);
	}

	private void build(ProcessSetup setup) {
		int channels = setup.channels();
		double fs = setup.sampleRate();
		float[][][] impulses = new float[4][][];
		int max = 1;
		for (int k = 0; k < 3; k++) {
			impulses[k] = new float[channels][];
			for (int c = 0; c < channels; c++) {
				impulses[k][c] = ImpulseLibrary.generate(k, c, fs);
			}
		}
		impulses[ReverbFactory.IR_FILE] = new float[channels][];
		for (int c = 0; c < channels; c++) {
			impulses[ReverbFactory.IR_FILE][c] = fileImpulse == null ? new float[0] : fileImpulse[c];
		}
		for (int k = 0; k < 4; k++) {
			impulseLength[k] = impulses[k][0].length;
			max = Math.max(max, impulseLength[k]);
		}
		convolvers = new PartitionedConvolver[channels];
		kernels = new PartitionedConvolver.Kernel[4][channels];
		predelay = new CrossfadeDelayLine[channels];
		filters = new BandLimit[channels];
		int maxPredelay = (int) Math.ceil(ReverbFactory.MAX_PREDELAY_MS * 1e-3 * fs);
		for (int c = 0; c < channels; c++) {
			convolvers[c] = new PartitionedConvolver(max);
			for (int k = 0; k < 4; k++) {
				kernels[k][c] = convolvers[c].kernel(impulses[k][c], 0, impulses[k][c].length);
			}
			predelay[c] = new CrossfadeDelayLine(maxPredelay, (int) Math.round(FADE_MS * 1e-3 * fs));
			filters[c] = new BandLimit(fs, ReverbFactory.LOWCUT_OFF, ReverbFactory.HIGHCUT_OFF);
		}
		wet = new float[channels][setup.maxBlockFrames()];
		applyImpulse(choice(iIr));
		applyPredelay(false);
	}

	private void applyImpulse(int step) {
		if (kernels.length == 0) {
			return;
		}
		for (int c = 0; c < convolvers.length; c++) {
			convolvers[c].setKernel(kernels[step][c]);
		}
	}

	private void applyPredelay(boolean live) {
		int d = (int) Math.round(target(iPredelay) * 1e-3 * sampleRate());
		for (CrossfadeDelayLine line : predelay) {
			if (live) {
				line.setDelay(d);
			} else {
				line.jump(d);
			}
		}
	}

	@Override
	protected void parameterChanged(int index, double value) {
		if (index == iIr) {
			applyImpulse((int) value);
		} else if (index == iPredelay) {
			applyPredelay(smoother(index).isSmoothing()); // smoothing: an event during processing
		}
	}

	@Override
	protected void resetEffect() {
		for (int c = 0; c < convolvers.length; c++) {
			convolvers[c].reset();
			predelay[c].reset();
			filters[c].reset();
			filters[c].set(target(iLowcut), target(iHighcut));
		}
	}

	@Override
	public long tailSamples() {
		int step = choice(iIr);
		return impulseLength[step] + Math.round(target(iPredelay) * 1e-3 * sampleRate());
	}

	@Override
	protected int stateVersion() {
		return 2;
	}

	@Override
	protected void readExtraState(DataInputStream in, int version) throws IOException {
		if (version != 1) {
			return; // version 2 and later: the file is the host's
		}
		String path = in.readUTF();
		if (path.isEmpty() || impulseFile != null && impulseFile.file().equals(Path.of(path))) {
			return; // "" said "no file" in version 1, but never forgot a file the host has set since
		}
		try {
			setFile(ReverbFactory.IR_FILE_ID, Path.of(path));
		} catch (IllegalArgumentException e) { // InvalidPathException included
			throw new IllegalArgumentException(ReverbFactory.ID + ": impulse file of the state: " + e.getMessage());
		}
	}

	@Override
	protected void processFrames(float[][] audio, float[][] sidechain, int from, int count) {
		if (convolvers.length == 0) {
			return; // not prepared
		}
		Smoothing mix = smoother(iMix);
		Smoothing low = smoother(iLowcut);
		Smoothing high = smoother(iHighcut);
		int channels = convolvers.length;
		for (int c = 0; c < channels; c++) {
			float[] x = audio[c];
			float[] w = wet[c];
			CrossfadeDelayLine line = predelay[c];
			for (int i = 0; i < count; i++) {
				line.put(x[from + i]);
				w[i] = line.get();
				line.step();
			}
			convolvers[c].process(w, 0, w, 0, count);
		}
		if (!(mix.isSmoothing() || low.isSmoothing() || high.isSmoothing())) {
			// steady parameters: block-wise filters and mix
			double m = mix.current() * 0.01;
			for (int c = 0; c < channels; c++) {
				filters[c].set(low.current(), high.current());
				filters[c].process(wet[c], 0, count);
				mixInto(audio[c], from, wet[c], count, m);
			}
			return;
		}
		// a ramp runs: advance the shared smoothers once per frame, same values for every channel
		for (int i = 0; i < count; i++) {
			double m = mix.next() * 0.01;
			double lo = low.next();
			double hi = high.next();
			for (int c = 0; c < channels; c++) {
				BandLimit f = filters[c];
				f.set(lo, hi);
				double v = f.tick(wet[c][i]);
				float[] x = audio[c];
				x[from + i] = (float) ((1.0 - m) * x[from + i] + m * v);
			}
		}
	}

	private static void mixInto(float[] x, int from, float[] w, int count, double m) {
		if (m == 1.0) {
			System.arraycopy(w, 0, x, from, count);
			return;
		}
		double d = 1.0 - m;
		for (int i = 0; i < count; i++) {
			x[from + i] = (float) (d * x[from + i] + m * w[i]);
		}
	}
}
