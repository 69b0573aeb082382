package org.mixtree.effects.builtin.reverb;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.api.Effect;
import org.mixtree.effects.api.ProcessBlock;
import org.mixtree.effects.builtin.delay.DelayFactory;
import org.mixtree.effects.builtin.gate.GateFactory;

/**
 * Microbenchmark (a command, not a test): ns per stereo frame of the gate, the delay and the reverb (with a 2 s
 * impulse file), 48 kHz, 512-frame blocks, after a warm-up. Run with the fragment's and the bundles' classes on
 * the class path: {@code java -cp ... org.mixtree.effects.builtin.reverb.SpaceBench [seconds]}.
 */
public final class SpaceBench {
	private SpaceBench() {
	}

	public static void main(String[] args) throws Exception {
		double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
		Path ir = Files.createTempFile("spacebench", ".wav");
		try {
			float[][] h = SpaceHarness.noise(2, 96000, 0.1, 7);
			for (float[] c : h) {
				for (int i = 0; i < c.length; i++) {
					c[i] *= (float) Math.exp(-6.9 * i / c.length);
				}
			}
			SpaceHarness.writeWav(ir, h, 48000, 3, 32);
			Effect gate = new GateFactory().create();
			Effect delay = new DelayFactory().create();
			delay.setParameter(1, 60);
			ReverbEffect reverb = (ReverbEffect) new ReverbFactory().create();
			reverb.setFile(ReverbFactory.IR_FILE_ID, ir);
			reverb.setParameter(reverb.descriptor().indexOf("ir"), ReverbFactory.IR_FILE);
			Effect[] effects = { gate, delay, reverb };
			String[] names = { "gate", "delay", "reverb (2 s IR)" };
			for (int k = 0; k < effects.length; k++) {
				effects[k].prepare(SpaceHarness.setup(ChannelLayout.STEREO, 512));
				double ns = run(effects[k], 1.0); // warm-up
				ns = run(effects[k], seconds);
				System.out.printf("%-16s %8.1f ns/frame (stereo)  %8.1f ns/sample  %6.1f x real time%n", names[k], ns,
						ns / 2, 1e9 / 48000 / ns);
			}
		} finally {
			Files.deleteIfExists(ir);
		}
	}

	private static double run(Effect e, double seconds) {
		ProcessBlock block = new ProcessBlock(2, 512, 4);
		float[][] noise = SpaceHarness.noise(2, 512, 0.2, 1);
		long frames = 0;
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long now;
		do {
			for (int b = 0; b < 94; b++) { // ~1 s of audio between clock reads
				System.arraycopy(noise[0], 0, block.audio()[0], 0, 512);
				System.arraycopy(noise[1], 0, block.audio()[1], 0, 512);
				block.set(0, 512, null);
				e.process(block);
				frames += 512;
			}
			now = System.nanoTime();
		} while (now < end);
		return (double) (now - start) / frames;
	}
}
