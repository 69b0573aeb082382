package org.mixtree.engine.internal;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

import org.mixtree.effects.api.Category;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.EffectFactory;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.Scale;

/**
 * Effects written against the public SPI only, for the engine's tests: their behaviour is known exactly, so the
 * expected output is computed from outside the engine.
 * <ul>
 * <li>{@code test.delay}: a pure delay of {@code samples} frames that reports it as latency (what a look-ahead
 * limiter that does not limit amounts to);</li>
 * <li>{@code test.echo}: output = input delayed by {@code samples}, reported as tail, not latency (a stateful
 * effect, for identity across rebuilds);</li>
 * <li>{@code test.gain}: multiplies by {@code gain}; state is the gain as 8 bytes;</li>
 * <li>{@code test.fault}: {@code mode} throw / nan / inf / slow, from frame {@code at} on; else passes;</li>
 * <li>{@code test.stereo}: stereo only, swaps left and right;</li>
 * <li>{@code test.reducer}: passes, and reports {@code db} as its gain reduction;</li>
 * <li>{@code test.key}: takes a sidechain and outputs it (channel {@code c} is the key's channel
 * {@code min(c, keyChannels - 1)}), silence when none is connected: what reaches a keyed insert, observable.</li>
 * </ul>
 * Every processor records the setups it was prepared with.
 */
final class TestEffects {
	private TestEffects() {
	}

	static final EffectFactory DELAY = factory("test.delay", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			ParameterDescriptor.of("samples", "Samples", "", 0, 100_000, 0, Scale.LINEAR));
	static final EffectFactory ECHO = factory("test.echo", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			ParameterDescriptor.of("samples", "Samples", "", 0, 100_000, 0, Scale.LINEAR));
	static final EffectFactory GAIN = factory("test.gain", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			ParameterDescriptor.of("gain", "Gain", "", -10, 10, 1, Scale.LINEAR));
	static final EffectFactory FAULT = factory("test.fault", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			ParameterDescriptor.choice("mode", "Mode", 0, "throw", "nan", "inf", "slow"),
			ParameterDescriptor.of("at", "At", "", 0, 1e9, 0, Scale.LINEAR));
	static final EffectFactory STEREO_ONLY = factory("test.stereo", Set.of(ChannelLayout.STEREO));
	static final EffectFactory KEY = factory("test.key", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), true);
	/** Passes audio through and reports {@code db} as its gain reduction (a compressor as the meters see it). */
	static final EffectFactory REDUCER = factory("test.reducer", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			ParameterDescriptor.of("db", "Reduction", "dB", 0, 60, 0, Scale.LINEAR));
	/** Reports an absurd tail (a feedback of 1): the render cuts it. */
	/** More parameters than a slot's least live capacity ({@link BlockMixer#LIVE_EVENTS}). */
	static final EffectFactory WIDE = factory("test.wide", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO),
			wideParameters(BlockMixer.LIVE_EVENTS + 8));

	private static ParameterDescriptor[] wideParameters(int n) {
		ParameterDescriptor[] list = new ParameterDescriptor[n];
		for (int i = 0; i < n; i++) {
			list[i] = ParameterDescriptor.of("p" + i, "P" + i, "", 0, 1, 0, Scale.LINEAR);
		}
		return list;
	}

	static final EffectFactory ENDLESS = factory("test.endless", Set.of(ChannelLayout.MONO, ChannelLayout.STEREO));

	private static EffectFactory factory(String id, Set<ChannelLayout> layouts, ParameterDescriptor... parameters) {
		return factory(id, layouts, false, parameters);
	}

	private static EffectFactory factory(String id, Set<ChannelLayout> layouts, boolean sidechain,
			ParameterDescriptor... parameters) {
		EffectDescriptor d = new EffectDescriptor(id, id, "test", "1.0.0", Category.UTILITY, layouts, sidechain,
				List.of(parameters), List.of());
		return new EffectFactory() {
			@Override
			public EffectDescriptor descriptor() {
				return d;
			}

			@Override
			public Effect create() {
				return new TestEffect(d);
			}
		};
	}

	static final class TestEffect implements Effect {
		final EffectDescriptor d;
		final double[] values;
		final java.util.List<ProcessSetup> setups = new java.util.ArrayList<>();
		private float[][] line;
		private int write;
		private long frame;
		/** Parameter events received by {@link #process}. */
		int events;

		TestEffect(EffectDescriptor d) {
			this.d = d;
			values = d.parameters().stream().mapToDouble(ParameterDescriptor::defaultValue).toArray();
		}

		@Override
		public EffectDescriptor descriptor() {
			return d;
		}

		private int samples() {
			return (int) values[0];
		}

		@Override
		public void prepare(ProcessSetup setup) {
			setups.add(setup);
			int size = d.id().equals("test.delay") || d.id().equals("test.echo") ? samples() + 1 : 1;
			line = new float[setup.channels()][size];
			reset();
		}

		@Override
		public void setParameter(int index, double value) {
			values[index] = value;
		}

		@Override
		public double getParameter(int index) {
			return values[index];
		}

		@Override
		public void process(ProcessBlock block) {
			float[][] a = block.audio();
			int n = block.frames();
			for (int e = 0; e < block.eventCount(); e++) {
				values[block.eventParameter(e)] = block.eventValue(e); // the hosts here send them at offset 0
				events++;
			}
			switch (d.id()) {
			case "test.delay", "test.echo" -> {
				int size = line[0].length;
				for (int c = 0; c < a.length; c++) {
					int w = write;
					for (int i = 0; i < n; i++) {
						line[c][w] = a[c][i];
						int r = w - samples();
						a[c][i] = line[c][r < 0 ? r + size : r];
						w = w + 1 == size ? 0 : w + 1;
					}
				}
				write = (int) ((write + (long) n) % size);
			}
			case "test.gain" -> {
				for (float[] x : a) {
					for (int i = 0; i < n; i++) {
						x[i] *= (float) values[0];
					}
				}
			}
			case "test.fault" -> {
				if (frame + n > values[1]) {
					switch ((int) values[0]) {
					case 0 -> throw new IllegalStateException("test fault");
					case 1 -> a[0][n - 1] = Float.NaN;
					case 2 -> a[0][n - 1] = Float.POSITIVE_INFINITY;
					default -> {
						try {
							Thread.sleep(300);
						} catch (InterruptedException e) {
							Thread.currentThread().interrupt();
						}
					}
					}
				}
			}
			case "test.key" -> {
				float[][] key = block.sidechain();
				for (int c = 0; c < a.length; c++) {
					for (int i = 0; i < n; i++) {
						a[c][block.offset() + i] = key == null ? 0f : key[Math.min(c, key.length - 1)][block.offset() + i];
					}
				}
			}
			case "test.stereo" -> {
				for (int i = 0; i < n; i++) {
					float l = a[0][i];
					a[0][i] = a[1][i];
					a[1][i] = l;
				}
			}
			default -> {
			}
			}
			frame += n;
		}

		@Override
		public void reset() {
			for (float[] x : line) {
				java.util.Arrays.fill(x, 0f);
			}
			write = 0;
			frame = 0;
		}

		@Override
		public int latencySamples() {
			return d.id().equals("test.delay") ? samples() : 0;
		}

		@Override
		public double gainReductionDb() {
			return d.id().equals("test.reducer") ? values[0] : 0;
		}

		@Override
		public long tailSamples() {
			return d.id().equals("test.echo") ? samples() : d.id().equals("test.endless") ? Long.MAX_VALUE / 2 : 0;
		}

		@Override
		public byte[] saveState() {
			return ByteBuffer.allocate(8).putDouble(values[0]).array();
		}

		@Override
		public void loadState(byte[] state) {
			if (state.length != 8) {
				throw new IllegalArgumentException("not a " + d.id() + " state");
			}
			values[0] = ByteBuffer.wrap(state).getDouble();
		}
	}
}
