package org.mixtree.examples.effects;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.mixtree.dsp.Decibels;
import org.mixtree.dsp.Denormals;
import org.mixtree.dsp.Smoothing;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.EffectDescriptor;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;

/**
 * A tape-style saturator: drive into an asymmetric soft clip (tanh around a bias point, which adds the even
 * harmonics tape is liked for), run at 4x the sample rate so the harmonics above Nyquist are filtered out
 * instead of folding back as aliases; then a one-pole "tone" lowpass (the high-frequency loss of tape), a DC
 * blocker (the bias makes the clip asymmetric, which shifts DC), output gain and a dry/wet mix whose dry path is
 * delayed by the latency so the two stay aligned.
 * <p>
 * Latency is exact and constant: the halfband filters are linear phase, so each up/down pair is a pure delay
 * of {@code 2K+1} base-rate samples; the 4x pair delays by an odd number of 2x samples, padded by one so the
 * 2x decimator keeps the samples that carry the signal. Total: {@code 2*15+1 + (2*4+1+1)/2 = 36} samples.
 * <p>
 * Everything the audio thread touches is allocated in {@link #prepare}; {@link #process} works per frame with
 * every parameter smoothed per frame and events applied at their offsets, so the output does not depend on
 * how the host cuts the input into blocks.
 */
final class TapeSaturator implements Effect {

	private static final int VERSION = 1;
	private static final int MAGIC = 0x4d585450; // "MXTP"
	private static final double RAMP_SECONDS = 0.02;
	private static final double DC_BLOCK_HZ = 10;
	/** Largest bias (at 100 %): the clip's operating point moved this far up the tanh curve. */
	private static final double MAX_BIAS = 0.5;

	private final EffectDescriptor descriptor = TapeFactory.DESCRIPTOR;
	private final double[] values;

	// ---- allocated in prepare
	private ProcessSetup setup;
	private int channels;
	private Smoothing driveGain;
	private Smoothing bias;
	private Smoothing toneHz;
	private Smoothing outputGain;
	private Smoothing mix;
	private Halfband.Up[] up2;
	private Halfband.Up[] up4;
	private Halfband.Down[] down4;
	private Halfband.Down[] down2;
	private double[] pad;
	private double[] tone;
	private double[] dcIn;
	private double[] dcOut;
	private float[][] dry;
	private int dryPos;
	private double toneCoefficientHz = Double.NaN;
	private double toneCoefficient;
	private double dcPole;
	private int latency;
	private long tail;

	TapeSaturator() {
		values = new double[descriptor.parameters().size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = descriptor.parameters().get(i).defaultValue();
		}
	}

	@Override
	public EffectDescriptor descriptor() {
		return descriptor;
	}

	@Override
	public void prepare(ProcessSetup newSetup) {
		setup = newSetup;
		channels = newSetup.channels();
		double fs = newSetup.sampleRate();
		int ramp = (int) Math.round(RAMP_SECONDS * fs);
		driveGain = Smoothing.multiplicative(ramp, Decibels.toGain(values[TapeFactory.DRIVE]));
		bias = Smoothing.linear(ramp, biasOf(values[TapeFactory.BIAS]));
		toneHz = Smoothing.multiplicative(ramp, values[TapeFactory.TONE]);
		outputGain = Smoothing.multiplicative(ramp, Decibels.toGain(values[TapeFactory.OUTPUT]));
		mix = Smoothing.linear(ramp, values[TapeFactory.MIX] / 100);
		up2 = new Halfband.Up[channels];
		up4 = new Halfband.Up[channels];
		down4 = new Halfband.Down[channels];
		down2 = new Halfband.Down[channels];
		for (int c = 0; c < channels; c++) {
			up2[c] = new Halfband.Up(TapeFactory.STAGE_2X);
			up4[c] = new Halfband.Up(TapeFactory.STAGE_4X);
			down4[c] = new Halfband.Down(TapeFactory.STAGE_4X);
			down2[c] = new Halfband.Down(TapeFactory.STAGE_2X);
		}
		latency = 2 * TapeFactory.STAGE_2X.k + 1 + TapeFactory.STAGE_4X.k + 1;
		pad = new double[channels];
		tone = new double[channels];
		dcIn = new double[channels];
		dcOut = new double[channels];
		dry = new float[channels][latency];
		dcPole = Math.exp(-2 * Math.PI * DC_BLOCK_HZ / fs);
		// the DC blocker is the slowest memory: -120 dB (ln 1e6 time constants) after the input stops; the tone
		// lowpass and the filters' own length are added to be safe
		double dcTimeConstant = 1 / (1 - dcPole);
		tail = (long) Math.ceil(Math.log(1e6) * dcTimeConstant) + 2L * latency;
		reset();
	}

	@Override
	public void setParameter(int index, double value) {
		ParameterDescriptor p = descriptor.parameters().get(index);
		if (!p.accepts(value)) {
			throw new IllegalArgumentException(p.id() + ": " + value + " is outside " + p.range());
		}
		values[index] = value;
		if (setup != null) {
			smoother(index).reset(target(index, value));
		}
	}

	@Override
	public double getParameter(int index) {
		return values[index];
	}

	@Override
	public void process(ProcessBlock block) {
		float[][] audio = block.audio();
		int offset = block.offset();
		int frames = block.frames();
		int n = Math.min(channels, block.channels());
		int events = block.eventCount();
		int e = 0;
		for (int i = 0; i < frames; i++) {
			while (e < events && block.eventOffset(e) <= i) {
				int index = block.eventParameter(e);
				double v = block.eventValue(e);
				values[index] = v;
				smoother(index).setTarget(target(index, v));
				e++;
			}
			double g = driveGain.next();
			double b = bias.next();
			double hz = toneHz.next();
			double out = outputGain.next();
			double wet = mix.next();
			if (hz != toneCoefficientHz) {
				toneCoefficientHz = hz;
				toneCoefficient = 1 - Math.exp(-2 * Math.PI * hz / setup.sampleRate());
			}
			double tb = Math.tanh(b);
			// normalise the small-signal slope at the bias point to 1, so drive alone sets the gain into the clip
			double norm = 1 / (1 - tb * tb);
			for (int c = 0; c < n; c++) {
				float[] ch = audio[c];
				int at = offset + i;
				double x = ch[at];
				double y = oversampledClip(c, x * g, b, tb, norm);
				double t = tone[c] + toneCoefficient * (y - tone[c]);
				tone[c] = Denormals.flush(t);
				double d = t - dcIn[c] + dcPole * dcOut[c];
				dcIn[c] = t;
				dcOut[c] = Denormals.flush(d);
				float delayedDry = dry[c][dryPos];
				dry[c][dryPos] = ch[at];
				ch[at] = Denormals.flush((float) ((1 - wet) * delayedDry + wet * out * dcOut[c]));
			}
			dryPos = dryPos + 1 == latency ? 0 : dryPos + 1;
		}
		// events past the last frame (a host error) still set their value, so no change is ever lost
		for (; e < events; e++) {
			values[block.eventParameter(e)] = block.eventValue(e);
			smoother(block.eventParameter(e)).setTarget(target(block.eventParameter(e), block.eventValue(e)));
		}
	}

	/** One base-rate sample through 2x up, 4x up, the clip at 4x, and back down; with the one-sample 2x pad. */
	private double oversampledClip(int c, double x, double b, double tb, double norm) {
		Halfband.Up u2 = up2[c];
		Halfband.Up u4 = up4[c];
		Halfband.Down d4 = down4[c];
		u2.push(x);
		double a1 = u2.out1;
		u4.push(u2.out0);
		double v0 = d4.push(clip(u4.out0, b, tb, norm), clip(u4.out1, b, tb, norm));
		u4.push(a1);
		double v1 = d4.push(clip(u4.out0, b, tb, norm), clip(u4.out1, b, tb, norm));
		double delayed = pad[c];
		pad[c] = v1;
		return down2[c].push(delayed, v0);
	}

	private static double clip(double x, double b, double tb, double norm) {
		return (Math.tanh(x + b) - tb) * norm;
	}

	@Override
	public void reset() {
		if (setup == null) {
			return;
		}
		for (int i = 0; i < values.length; i++) {
			smoother(i).reset(target(i, values[i]));
		}
		for (int c = 0; c < channels; c++) {
			up2[c].reset();
			up4[c].reset();
			down4[c].reset();
			down2[c].reset();
			java.util.Arrays.fill(dry[c], 0f);
		}
		java.util.Arrays.fill(pad, 0);
		java.util.Arrays.fill(tone, 0);
		java.util.Arrays.fill(dcIn, 0);
		java.util.Arrays.fill(dcOut, 0);
		dryPos = 0;
		toneCoefficientHz = Double.NaN;
	}

	@Override
	public int latencySamples() {
		return latency;
	}

	@Override
	public long tailSamples() {
		return tail;
	}

	/**
	 * Version 1: magic, version, count, then (parameter id, value) pairs. By id, not by index, so a later
	 * version can add or reorder parameters and still read this one.
	 */
	@Override
	public byte[] saveState() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.writeInt(MAGIC);
			out.writeShort(VERSION);
			out.writeShort(values.length);
			for (int i = 0; i < values.length; i++) {
				out.writeUTF(descriptor.parameters().get(i).id());
				out.writeDouble(values[i]);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	@Override
	public void loadState(byte[] state) {
		double[] loaded = new double[values.length];
		for (int i = 0; i < loaded.length; i++) {
			loaded[i] = descriptor.parameters().get(i).defaultValue();
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
			if (state.length < 8 || in.readInt() != MAGIC) {
				throw new IllegalArgumentException(TapeFactory.ID + ": not a tape saturator state");
			}
			int version = in.readUnsignedShort();
			if (version > VERSION) {
				throw new IllegalArgumentException(
						TapeFactory.ID + ": state version " + version + " is newer than this effect (" + VERSION + ")");
			}
			int count = in.readUnsignedShort();
			for (int k = 0; k < count; k++) {
				String id = in.readUTF();
				double v = in.readDouble();
				int i = descriptor.indexOf(id);
				if (i >= 0) { // a parameter a later version dropped is ignored
					if (!descriptor.parameters().get(i).accepts(v)) {
						throw new IllegalArgumentException(TapeFactory.ID + ": state value " + v + " of " + id + " is outside "
								+ descriptor.parameters().get(i).range());
					}
					loaded[i] = v;
				}
			}
		} catch (IOException e) {
			throw new IllegalArgumentException(TapeFactory.ID + ": truncated state (" + state.length + " bytes)");
		}
		for (int i = 0; i < loaded.length; i++) {
			setParameter(i, loaded[i]);
		}
	}

	private Smoothing smoother(int index) {
		switch (index) {
		case TapeFactory.DRIVE:
			return driveGain;
		case TapeFactory.BIAS:
			return bias;
		case TapeFactory.TONE:
			return toneHz;
		case TapeFactory.OUTPUT:
			return outputGain;
		default:
			return mix;
		}
	}

	/** A parameter value in the unit its smoother works in: linear gain for dB, 0..1 for %, Hz as is. */
	private static double target(int index, double value) {
		switch (index) {
		case TapeFactory.DRIVE:
		case TapeFactory.OUTPUT:
			return Decibels.toGain(value);
		case TapeFactory.BIAS:
			return biasOf(value);
		case TapeFactory.MIX:
			return value / 100;
		default:
			return value;
		}
	}

	private static double biasOf(double percent) {
		return percent / 100 * MAX_BIAS;
	}
}
