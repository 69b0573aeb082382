package org.mixtree.engine.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixtree.dsp.PanLaw;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Kind;
import org.mixtree.engine.GraphDescription.Source;
import org.mixtree.engine.GraphException;
import org.mixtree.engine.RenderProgress;

/**
 * Test harness: builds graph descriptions tersely and mixes them from in-memory signals through the real
 * {@link OfflineRenderer#mix} loop (the same code a file render runs, minus the file readers and writers).
 */
final class Mix {

	private final PanLaw law;
	private final int rate;
	private final List<Channel> channels = new ArrayList<>();
	private List<String> focus = List.of();
	final Map<Path, float[][]> signals = new HashMap<>();

	Mix(PanLaw law) {
		this(law, 48000);
	}

	Mix(PanLaw law, int rate) {
		this.law = law;
		this.rate = rate;
	}

	/** Adds a bus with id = name; {@code output} null makes it the master. */
	Mix bus(String name, String output) {
		return bus(name, output, 0, 0, false, false, false);
	}

	Mix bus(String name, String output, double gainDb, double pan, boolean mute, boolean solo, boolean polarity) {
		channels.add(new Channel(name, name, Kind.BUS, null, gainDb, pan, mute, solo, polarity, output));
		return this;
	}

	/** Adds a unity, centred track with id = name playing {@code signal} (planar, 1 or 2 channels). */
	Mix track(String name, String output, float[][] signal) {
		return track(name, output, signal, 0, 0, 0, 0, false, false, false);
	}

	Mix track(String name, String output, float[][] signal, double clipDb, long offset, double gainDb, double pan,
			boolean mute, boolean solo, boolean polarity) {
		Path file = Path.of("mem", name + ".wav");
		signals.put(file, signal);
		channels.add(new Channel(name, name, Kind.TRACK, new Source(file, clipDb, offset), gainDb, pan, mute, solo,
				polarity, output));
		return this;
	}

	/** Replaces the channel with id {@code id} through {@code edit}. */
	Mix edit(String id, java.util.function.UnaryOperator<Channel> edit) {
		for (int i = 0; i < channels.size(); i++) {
			if (channels.get(i).id().equals(id)) {
				channels.set(i, edit.apply(channels.get(i)));
				return this;
			}
		}
		throw new IllegalArgumentException(id);
	}

	/** Sets the build-up focus (bus ids; none: no focus). */
	Mix focus(String... ids) {
		focus = List.of(ids);
		return this;
	}

	GraphDescription description() {
		return new GraphDescription(rate, law, channels, focus);
	}

	CompiledPlan plan() throws GraphException {
		return PlanCompiler.compile(description());
	}

	/** @return the master output, stereo, of the whole render */
	float[][] render(int blockSize, int threads) throws IOException, GraphException {
		CompiledPlan plan = plan();
		return render(plan, blockSize, threads, plan.master);
	}

	/** @return the output of each node in {@code nodes} over the whole render */
	float[][] render(CompiledPlan plan, int blockSize, int threads, int node) throws IOException {
		return renderAll(plan, blockSize, threads, new int[] { node }).get(0);
	}

	List<float[][]> renderAll(CompiledPlan plan, int blockSize, int threads, int[] nodes) throws IOException {
		SourceReader[] readers = new SourceReader[plan.trackCount()];
		for (int t = 0; t < readers.length; t++) {
			Path file = plan.source(t).file();
			readers[t] = new ArraySource(file, signals.get(file));
		}
		List<Capture> captures = new ArrayList<>();
		List<OfflineRenderer.Tap> taps = new ArrayList<>();
		for (int node : nodes) {
			Capture c = new Capture();
			captures.add(c);
			taps.add(new OfflineRenderer.Tap(node, c));
		}
		OfflineRenderer.mix(plan, readers, blockSize, threads, taps, RenderProgress.NONE);
		return captures.stream().map(Capture::result).toList();
	}

	/** A source playing an array, as a file reader would, seekable as the real-time player's prefetch needs. */
	static final class ArraySource implements SourceReader {
		private final Path file;
		private final float[][] data;
		private int position;

		ArraySource(Path file, float[][] data) {
			this.file = file;
			this.data = data;
		}

		@Override
		public Path file() {
			return file;
		}

		@Override
		public int channels() {
			return data.length;
		}

		@Override
		public long frames() {
			return data[0].length;
		}

		@Override
		public int read(float[][] dst, int offset, int count) throws IOException {
			int n = Math.min(count, data[0].length - position);
			for (int c = 0; c < data.length; c++) {
				System.arraycopy(data[c], position, dst[c], offset, n);
			}
			position += n;
			return n;
		}

		@Override
		public void seek(long frame) {
			position = (int) frame;
		}

		@Override
		public void close() {
		}
	}

	/** Collects a tap's blocks into one array. */
	static final class Capture implements OfflineRenderer.BlockConsumer {
		private float[][] data = new float[2][1024];
		private int frames;

		@Override
		public void accept(float[][] block, int n) {
			if (frames + n > data[0].length) {
				int size = Math.max(data[0].length * 2, frames + n);
				data = new float[][] { Arrays.copyOf(data[0], size), Arrays.copyOf(data[1], size) };
			}
			System.arraycopy(block[0], 0, data[0], frames, n);
			System.arraycopy(block[1], 0, data[1], frames, n);
			frames += n;
		}

		float[][] result() {
			return new float[][] { Arrays.copyOf(data[0], frames), Arrays.copyOf(data[1], frames) };
		}
	}

	// ---- signals

	/** @return a constant (DC) mono signal */
	static float[][] dc(float value, int frames) {
		float[] x = new float[frames];
		Arrays.fill(x, value);
		return new float[][] { x };
	}

	/** @return a constant stereo signal */
	static float[][] dc(float left, float right, int frames) {
		return new float[][] { dc(left, frames)[0], dc(right, frames)[0] };
	}

	/** @return deterministic pseudo-random noise in [-0.5, 0.5), {@code channels} channels */
	static float[][] noise(long seed, int channels, int frames) {
		java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
		float[][] x = new float[channels][frames];
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < frames; i++) {
				x[c][i] = (float) (random.nextDouble() - 0.5);
			}
		}
		return x;
	}

	/** @return a sine of {@code cycles} per 1000 frames at amplitude {@code a}, mono */
	static float[][] sine(double cyclesPerThousand, double a, int frames) {
		float[] x = new float[frames];
		for (int i = 0; i < frames; i++) {
			x[i] = (float) (a * Math.sin(2 * Math.PI * cyclesPerThousand * i / 1000.0));
		}
		return new float[][] { x };
	}
}
