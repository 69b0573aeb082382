package org.mixtree.effects.builtin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Preset;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.Scale;

/**
 * Base of the built-in effects: parameter storage, sample-accurate parameter events, smoothing, versioned state
 * and the gain-reduction report, so that an effect only writes its DSP.
 * <p>
 * <b>Parameters.</b> {@link #target(int)} is the value last set (by {@link #setParameter} or by a block event);
 * {@link #smoother(int)} ramps towards it in {@link #smoothingMillis()}: linearly in dB for {@link Scale#DECIBEL}
 * (that is, geometrically in gain), geometrically for {@link Scale#LOGARITHMIC} (frequency, Q, ratio, times),
 * linearly for {@link Scale#LINEAR}; {@link Scale#ENUM} and {@link Scale#BOOLEAN} jump. {@link #setParameter}
 * jumps the smoother (no processing is running, so there is nothing to click).
 * <p>
 * <b>Events.</b> {@link #process} cuts the block at each event's offset: {@link #processFrames} runs up to the
 * offset, the event is applied ({@link #parameterChanged} is called with the smoother already retargeted), then
 * processing continues. An effect therefore sees every change at its exact sample.
 * <p>
 * <b>State.</b> {@link #saveState()} writes {@code int magic 'MXFX', int version, UTF effect id, int count,
 * count x (UTF parameter id, double value)}, then whatever {@link #writeExtraState} adds. Loading sets every
 * parameter to its default first, then the stored ones (ids this version no longer knows are ignored), so a
 * state restores identical output.
 * <p>
 * <b>Thread rules</b> (those of {@link Effect}): [main] {@link #prepare}, {@link #setParameter},
 * {@link #saveState}, {@link #loadState}; [audio] {@link #process}, {@link #reset} and every hook they call
 * ({@link #processFrames}, {@link #parameterChanged} from an event, {@link #resetEffect}), which must not
 * allocate, lock, log or block; [any] {@link #getParameter}, {@link #gainReductionDb()}, {@link #latencySamples()}.
 * {@link #prepareEffect} is the one hook that may allocate.
 */
public abstract class AbstractEffect implements Effect {

	/** First int of every built-in effect state: "MXFX". */
	public static final int STATE_MAGIC = 0x4D584658;

	private final EffectDescriptor descriptor;
	private final ParameterDescriptor[] parameters;
	private final double[] targets;
	private Smoothing[] smoothers;
	private ProcessSetup setup;
	private volatile double gainReductionDb;
	private boolean processing;

	protected AbstractEffect(EffectDescriptor descriptor) {
		this.descriptor = descriptor;
		List<ParameterDescriptor> list = descriptor.parameters();
		this.parameters = list.toArray(new ParameterDescriptor[0]);
		this.targets = new double[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			targets[i] = parameters[i].defaultValue();
		}
		this.smoothers = makeSmoothers(0);
	}

	// ------------------------------------------------------------------------------------------ Effect

	@Override
	public final EffectDescriptor descriptor() {
		return descriptor;
	}

	@Override
	public final void prepare(ProcessSetup newSetup) {
		if (!descriptor.layouts().contains(newSetup.layout())) {
			throw new IllegalArgumentException(descriptor.id() + " does not process " + newSetup.layout());
		}
		this.setup = newSetup;
		this.smoothers = makeSmoothers((int) Math.round(smoothingMillis() * 1e-3 * newSetup.sampleRate()));
		prepareEffect(newSetup);
		for (int i = 0; i < parameters.length; i++) {
			parameterChanged(i, targets[i]);
		}
		reset();
	}

	@Override
	public final void setParameter(int index, double value) {
		ParameterDescriptor p = parameters[index];
		if (!p.accepts(value)) {
			throw new IllegalArgumentException(descriptor.id() + ": " + p.id() + " = " + value + " is outside " + p.range());
		}
		targets[index] = value;
		smoothers[index].reset(value);
		parameterChanged(index, value);
	}

	@Override
	public final double getParameter(int index) {
		return targets[index];
	}

	@Override
	public final void process(ProcessBlock block) {
		float[][] audio = block.audio();
		float[][] sidechain = setup != null && setup.sidechainChannels() > 0 ? block.sidechain() : null;
		int base = block.offset();
		int frames = block.frames();
		int pos = 0;
		int events = block.eventCount();
		processing = true;
		for (int e = 0; e < events; e++) {
			int at = Math.min(Math.max(block.eventOffset(e), pos), frames);
			if (at > pos) {
				processFrames(audio, sidechain, base + pos, at - pos);
				pos = at;
			}
			int index = block.eventParameter(e);
			if (index >= 0 && index < parameters.length) {
				applyEvent(index, block.eventValue(e));
			}
		}
		if (pos < frames) {
			processFrames(audio, sidechain, base + pos, frames - pos);
		}
		processing = false;
	}

	@Override
	public final void reset() {
		for (int i = 0; i < parameters.length; i++) {
			smoothers[i].reset(targets[i]);
		}
		gainReductionDb = 0;
		resetEffect();
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
	public final double gainReductionDb() {
		return gainReductionDb;
	}

	@Override
	public final byte[] saveState() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(STATE_MAGIC);
			out.writeInt(stateVersion());
			out.writeUTF(descriptor.id());
			out.writeInt(parameters.length);
			for (int i = 0; i < parameters.length; i++) {
				out.writeUTF(parameters[i].id());
				out.writeDouble(targets[i]);
			}
			writeExtraState(out);
		} catch (IOException e) {
			throw new IllegalStateException(e); // a byte array stream does not fail
		}
		return bytes.toByteArray();
	}

	@Override
	public final void loadState(byte[] state) {
		double[] values = new double[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			values[i] = parameters[i].defaultValue();
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
			if (state.length < 8 || in.readInt() != STATE_MAGIC) {
				throw new IllegalArgumentException(descriptor.id() + ": not a Mixtree effect state");
			}
			int version = in.readInt();
			if (version < 1 || version > stateVersion()) {
				throw new IllegalArgumentException(
						descriptor.id() + ": state version " + version + " is newer than this effect's " + stateVersion());
			}
			String id = in.readUTF();
			if (!id.equals(descriptor.id())) {
				throw new IllegalArgumentException(descriptor.id() + ": the state is of " + printable(id));
			}
			int count = in.readInt();
			for (int k = 0; k < count; k++) {
				String pid = in.readUTF();
				double v = in.readDouble();
				int i = descriptor.indexOf(pid);
				if (i >= 0 && parameters[i].accepts(v)) {
					values[i] = v;
				}
			}
			readExtraState(in, version);
		} catch (IOException e) {
			throw new IllegalArgumentException(descriptor.id() + ": truncated or corrupt state (" + e + ")");
		}
		for (int i = 0; i < parameters.length; i++) {
			setParameter(i, values[i]);
		}
	}

	/**
	 * {@code text} from a state blob, fit for a one-line message: control characters (a line break from a damaged
	 * state, found by fuzzing) shown as '?', and cut after 80 characters.
	 */
	private static String printable(String text) {
		StringBuilder b = new StringBuilder("'");
		for (int i = 0; i < text.length() && i < 80; i++) {
			char c = text.charAt(i);
			b.append(Character.isISOControl(c) ? '?' : c);
		}
		return b.append(text.length() > 80 ? "...'" : "'").toString();
	}

	// ------------------------------------------------------------------------------------------ for subclasses

	/**
	 * [audio] Processes {@code audio[ch][from .. from + count)} in place; no parameter event falls inside this
	 * range. {@code sidechain} is null when none is connected.
	 */
	protected abstract void processFrames(float[][] audio, float[][] sidechain, int from, int count);

	/** [main] Allocates what {@code setup} needs; {@link #resetEffect} follows. Parameters are kept. */
	protected void prepareEffect(ProcessSetup newSetup) {
	}

	/** [audio or main] Clears delay lines, envelopes and filter memories; smoothers have jumped already. */
	protected void resetEffect() {
	}

	/**
	 * [main from setParameter/prepare, audio from an event] Parameter {@code index} now has target {@code value};
	 * its smoother is already heading there (or has jumped). Also called for every parameter after
	 * {@link #prepareEffect}. Must not allocate.
	 */
	protected void parameterChanged(int index, double value) {
	}

	/** Ramp time of the parameter smoothers; 20 ms unless an effect needs another. */
	protected double smoothingMillis() {
		return 20.0;
	}

	/** Version of the state this effect writes; raise it when {@link #writeExtraState} changes. */
	protected int stateVersion() {
		return 1;
	}

	/** [main] Writes state beyond the parameter values (none by default). */
	protected void writeExtraState(DataOutputStream out) throws IOException {
	}

	/** [main] Reads what {@link #writeExtraState} wrote in state version {@code version}. */
	protected void readExtraState(DataInputStream in, int version) throws IOException {
	}

	/** @return the target value of parameter {@code index} (same as {@link #getParameter}) */
	protected final double target(int index) {
		return targets[index];
	}

	/** @return the target of a boolean parameter */
	protected final boolean flag(int index) {
		return targets[index] >= 0.5;
	}

	/** @return the target of an enum parameter as its step index */
	protected final int choice(int index) {
		return (int) targets[index];
	}

	/** [audio] The smoother of parameter {@code index} (its ramp follows the parameter's {@link Scale}). */
	protected final Smoothing smoother(int index) {
		return smoothers[index];
	}

	/**
	 * @return whether the call comes from inside {@link #process} (a block event, on the audio thread) rather
	 *         than from {@link #setParameter} or {@link #prepare} (main thread); lets an effect defer a change that
	 *         needs the main thread, such as one that changes its latency
	 */
	protected final boolean processing() {
		return processing;
	}

	/** @return the setup of the last {@link #prepare}, or null before it */
	protected final ProcessSetup setup() {
		return setup;
	}

	/** @return the sample rate of the last {@link #prepare}, 48000 before it */
	protected final double sampleRate() {
		return setup == null ? 48000.0 : setup.sampleRate();
	}

	/** [audio] Publishes the gain reduction now applied, in dB (>= 0), for {@link #gainReductionDb()}. */
	protected final void reportGainReduction(double db) {
		gainReductionDb = db;
	}

	/** @return the index of parameter {@code id}; fails at construction time for a typo */
	protected final int index(String id) {
		int i = descriptor.indexOf(id);
		if (i < 0) {
			throw new IllegalArgumentException(descriptor.id() + " has no parameter " + id);
		}
		return i;
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** [main] Applies a factory preset: its values, every other parameter at its default. */
	public final void applyPreset(Preset preset) {
		for (int i = 0; i < parameters.length; i++) {
			Double v = preset.values().get(parameters[i].id());
			setParameter(i, v == null ? parameters[i].defaultValue() : v);
		}
	}

	private void applyEvent(int index, double value) {
		ParameterDescriptor p = parameters[index];
		double v = value < p.min() ? p.min() : value > p.max() ? p.max() : value;
		if (v != v) {
			return; // NaN: ignore rather than throw on the audio thread
		}
		if (p.scale() == Scale.ENUM || p.scale() == Scale.BOOLEAN) {
			v = Math.rint(v);
		}
		targets[index] = v;
		smoothers[index].setTarget(v);
		parameterChanged(index, v);
	}

	private Smoothing[] makeSmoothers(int rampFrames) {
		Smoothing[] s = new Smoothing[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			double v = targets[i];
			switch (parameters[i].scale()) {
			case LOGARITHMIC:
				s[i] = Smoothing.multiplicative(rampFrames, v);
				break;
			case DECIBEL:
			case LINEAR:
				s[i] = Smoothing.linear(rampFrames, v);
				break;
			default:
				s[i] = Smoothing.linear(0, v);
				break;
			}
		}
		return s;
	}
}
