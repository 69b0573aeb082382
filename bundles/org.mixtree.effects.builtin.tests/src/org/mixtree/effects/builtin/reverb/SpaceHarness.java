package org.mixtree.effects.builtin.reverb;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.api.ProcessSetup;
import org.mixtree.effects.api.RenderMode;

/**
 * Test and benchmark plumbing for the gate, delay and reverb: runs an effect over a signal cut into given block
 * sizes with parameter events at absolute sample positions, measures allocation, writes WAV files.
 */
public final class SpaceHarness {
	public static final double FS = 48000;

	private SpaceHarness() {
	}

	/** A parameter change at absolute frame {@code at}. */
	public record Event(int at, int parameter, double value) {
	}

	public static ProcessSetup setup(ChannelLayout layout, int maxBlock) {
		return new ProcessSetup(FS, maxBlock, layout, 0, RenderMode.OFFLINE);
	}

	/** @return block sizes covering {@code frames}: all {@code size}, or random in [1, max] when size is 0 */
	public static int[] blocks(int frames, int size, int max, long seed) {
		Random r = new Random(seed);
		int[] b = new int[frames];
		int n = 0;
		for (int done = 0; done < frames; n++) {
			b[n] = Math.min(frames - done, size > 0 ? size : 1 + r.nextInt(max));
			done += b[n];
		}
		return java.util.Arrays.copyOf(b, n);
	}

	/** Processes {@code in} (not modified) cut into {@code blocks}, with {@code events}; returns the output. */
	public static float[][] run(Effect e, float[][] in, int[] blocks, int maxBlock, Event... events) {
		int channels = in.length;
		float[][] out = new float[channels][in[0].length];
		ProcessBlock block = new ProcessBlock(channels, maxBlock, 64);
		int pos = 0;
		int ev = 0;
		for (int n : blocks) {
			for (int c = 0; c < channels; c++) {
				System.arraycopy(in[c], pos, block.audio()[c], 0, n);
			}
			block.set(0, n, null);
			while (ev < events.length && events[ev].at() < pos + n) {
				block.addEvent(Math.max(0, events[ev].at() - pos), events[ev].parameter(), events[ev].value());
				ev++;
			}
			e.process(block);
			for (int c = 0; c < channels; c++) {
				System.arraycopy(block.audio()[c], 0, out[c], pos, n);
			}
			pos += n;
		}
		return out;
	}

	/** @return bytes allocated so far by this thread (HotSpot's com.sun.management extension) */
	public static long allocatedBytes() {
		try {
			// looked up through the platform loader: no OSGi import of com.sun.management needed
			Class<?> type = Class.forName("com.sun.management.ThreadMXBean", true, ClassLoader.getPlatformClassLoader());
			Method m = type.getMethod("getCurrentThreadAllocatedBytes");
			return (long) m.invoke(ManagementFactory.getThreadMXBean());
		} catch (ReflectiveOperationException ex) {
			throw new AssertionError("this JVM cannot count allocated bytes", ex);
		}
	}

	/**
	 * Bytes allocated by {@code blocks} process calls of {@code frames} frames of noise (after {@code warm} calls
	 * of warm-up), with a parameter event in every 10th block from {@code events} (cycled), net of an empty
	 * measurement (the reflective probe itself may box).
	 */
	public static long allocationOver(Effect e, int channels, int frames, int warm, int blocks, Event[] events) {
		ProcessBlock block = new ProcessBlock(channels, frames, 8);
		Random r = new Random(3);
		float[][] noise = new float[channels][frames];
		for (float[] c : noise) {
			for (int i = 0; i < frames; i++) {
				c[i] = (float) (r.nextGaussian() * 0.1);
			}
		}
		long probe = 0;
		for (int round = 0; round < 2; round++) {
			int count = round == 0 ? warm : blocks;
			long before = allocatedBytes();
			long emptyBefore = allocatedBytes();
			long empty = allocatedBytes() - emptyBefore;
			before = allocatedBytes();
			for (int k = 0; k < count; k++) {
				for (int c = 0; c < channels; c++) {
					System.arraycopy(noise[c], 0, block.audio()[c], 0, frames);
				}
				block.set(0, frames, null);
				if (events.length > 0 && k % 10 == 0) {
					Event ev = events[(k / 10) % events.length];
					block.addEvent(ev.at() % frames, ev.parameter(), ev.value());
				}
				e.process(block);
			}
			probe = allocatedBytes() - before - empty;
		}
		return probe;
	}

	/** Writes a WAV file: format 3 with 32 bits (float), or 1 with 16 or 24 bits (PCM, values clipped). */
	public static void writeWav(Path file, float[][] data, int rate, int format, int bits) throws IOException {
		int channels = data.length;
		int frames = data[0].length;
		int bytes = bits / 8;
		ByteBuffer b = ByteBuffer.allocate(44 + frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x46464952).putInt(36 + frames * channels * bytes).putInt(0x45564157);
		b.putInt(0x20746d66).putInt(16).putShort((short) format).putShort((short) channels).putInt(rate)
				.putInt(rate * channels * bytes).putShort((short) (channels * bytes)).putShort((short) bits);
		b.putInt(0x61746164).putInt(frames * channels * bytes);
		for (int f = 0; f < frames; f++) {
			for (int c = 0; c < channels; c++) {
				float v = data[c][f];
				if (format == 3) {
					b.putFloat(v);
				} else if (bits == 16) {
					b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768.0))));
				} else {
					int s = (int) Math.max(-8388608, Math.min(8388607, Math.round(v * 8388608.0)));
					b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
				}
			}
		}
		Files.write(file, b.array());
	}

	/** @return Gaussian noise of standard deviation {@code sd} */
	public static float[][] noise(int channels, int frames, double sd, long seed) {
		Random r = new Random(seed);
		float[][] x = new float[channels][frames];
		for (float[] c : x) {
			for (int i = 0; i < frames; i++) {
				c[i] = (float) (r.nextGaussian() * sd);
			}
		}
		return x;
	}
}
