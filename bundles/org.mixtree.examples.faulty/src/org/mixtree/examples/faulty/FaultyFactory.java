package org.mixtree.examples.faulty;

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

/**
 * An effect that breaks the SPI's rules on purpose, so the host's fault isolation can be tested against a
 * real OSGi service rather than a mock: {@code mode=throw} throws from {@code process}, {@code mode=nan} writes
 * NaN (and +Inf in the second channel), {@code mode=slow} spins for {@code slowness} times the block's real-time
 * duration. It is well-behaved everywhere else (state, parameters, reset), so a test isolates one fault at a
 * time. Never in the product or the update site's category; the conformance suite skips it by id.
 */
public final class FaultyFactory implements EffectFactory {

	/** The effect id; tests and the conformance suite's exclusion list name it. */
	public static final String ID = "org.mixtree.test.faulty";

	static final int MODE = 0;
	static final int SLOWNESS = 1;
	static final int THROW = 0;
	static final int NAN = 1;
	static final int SLOW = 2;

	private static final EffectDescriptor DESCRIPTOR = new EffectDescriptor(ID, "Faulty (test)", "Mixtree tests",
			"1.0.0", Category.OTHER, Set.of(ChannelLayout.MONO, ChannelLayout.STEREO), false,
			List.of(ParameterDescriptor.choice("mode", "Fault", THROW, "throw", "nan", "slow"),
					ParameterDescriptor.of("slowness", "Slowness", "x real time", 1, 100, 4,
							org.mixtree.effects.api.Scale.LINEAR)),
			List.of());

	@Override
	public EffectDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public Effect create() {
		return new Faulty();
	}

	private static final class Faulty implements Effect {
		private final double[] values = { THROW, 4 };
		private double sampleRate = 48000;

		@Override
		public EffectDescriptor descriptor() {
			return DESCRIPTOR;
		}

		@Override
		public void prepare(ProcessSetup setup) {
			sampleRate = setup.sampleRate();
		}

		@Override
		public void setParameter(int index, double value) {
			if (!DESCRIPTOR.parameters().get(index).accepts(value)) {
				throw new IllegalArgumentException(DESCRIPTOR.parameters().get(index).id() + ": " + value + " is outside "
						+ DESCRIPTOR.parameters().get(index).range());
			}
			values[index] = value;
		}

		@Override
		public double getParameter(int index) {
			return values[index];
		}

		@Override
		public void process(ProcessBlock block) {
			for (int e = 0; e < block.eventCount(); e++) {
				values[block.eventParameter(e)] = block.eventValue(e);
			}
			switch ((int) values[MODE]) {
			case THROW:
				// a preallocated exception would hide nothing the host must cope with; allocating here is the fault
				throw new IllegalStateException(ID + ": deliberate failure in process (mode=throw)");
			case NAN:
				for (int c = 0; c < block.channels(); c++) {
					float bad = c == 0 ? Float.NaN : Float.POSITIVE_INFINITY;
					for (int i = block.offset(); i < block.offset() + block.frames(); i++) {
						block.audio()[c][i] = bad;
					}
				}
				break;
			default:
				long until = System.nanoTime() + (long) (values[SLOWNESS] * block.frames() / sampleRate * 1e9);
				while (System.nanoTime() < until) {
					Thread.onSpinWait();
				}
				break;
			}
		}

		@Override
		public void reset() {
		}

		@Override
		public int latencySamples() {
			return 0;
		}

		@Override
		public long tailSamples() {
			return 0;
		}

		@Override
		public byte[] saveState() {
			return new byte[] { 1, (byte) values[MODE], (byte) values[SLOWNESS] };
		}

		@Override
		public void loadState(byte[] state) {
			if (state.length != 3 || state[0] != 1) {
				throw new IllegalArgumentException(ID + ": not a faulty-effect state");
			}
			setParameter(MODE, state[1]);
			setParameter(SLOWNESS, state[2]);
		}
	}
}
