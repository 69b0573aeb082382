package org.mixtree.effects.builtin.reverb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixtree.effects.api.ChannelLayout;
import org.mixtree.effects.builtin.reverb.SpaceHarness.Event;

/**
 * The reverb against a direct time-domain convolution written here in double precision, with impulses written by
 * the test as WAV files; built-in impulses against their documented RT60.
 */
class ReverbTest {
	private static final int IR = 5000; // reaches every convolver stage (head, 64, 256, 1024, 2048)
	private static final int N = 14000;
	@TempDir
	static Path dir;
	static float[][] impulse;
	static Path impulseFile;
	static float[][] input;

	@BeforeAll
	static void writeImpulse() throws IOException {
		impulse = SpaceHarness.noise(2, IR, 0.3, 11);
		for (float[] c : impulse) {
			for (int i = 0; i < IR; i++) {
				c[i] *= (float) Math.exp(-4.0 * i / IR);
			}
		}
		impulseFile = dir.resolve("ir.wav");
		SpaceHarness.writeWav(impulseFile, impulse, 48000, 3, 32);
		input = SpaceHarness.noise(2, N, 0.25, 12);
		input[0][100] = 1; // an impulse inside the noise
	}

	static ReverbEffect reverb(ChannelLayout layout, int maxBlock, double predelayMs) throws IOException {
		ReverbEffect r = withFile(impulseFile);
		r.setParameter(r.descriptor().indexOf("mix"), 100);
		r.setParameter(r.descriptor().indexOf("predelay"), predelayMs);
		r.prepare(SpaceHarness.setup(layout, maxBlock));
		return r;
	}

	/** A reverb playing {@code file} ({@code irfile}, {@code ir = file}). */
	static ReverbEffect withFile(Path file) {
		ReverbEffect r = (ReverbEffect) new ReverbFactory().create();
		r.setFile(ReverbFactory.IR_FILE_ID, file);
		r.setParameter(r.descriptor().indexOf("ir"), ReverbFactory.IR_FILE);
		return r;
	}

	/** y[n] = sum_k h[k] x[n - d - k], in double. */
	static double[] direct(float[] x, float[] h, int d) {
		double[] y = new double[x.length];
		for (int n = 0; n < x.length; n++) {
			double s = 0;
			for (int k = 0; k < h.length && k <= n - d; k++) {
				s += (double) h[k] * x[n - d - k];
			}
			y[n] = s;
		}
		return y;
	}

	static void assertClose(double[] expected, float[] actual, double relative, String what) {
		double peak = 0, err = 0;
		int worst = 0;
		for (int i = 0; i < expected.length; i++) {
			peak = Math.max(peak, Math.abs(expected[i]));
			double e = Math.abs(expected[i] - actual[i]);
			if (e > err) {
				err = e;
				worst = i;
			}
		}
		assertTrue(err <= relative * peak, what + ": error " + err / peak + " of peak at sample " + worst);
	}

	/** Block sizes 1, 7, 64, 512, 4096 and random; predelay 0 and 10 ms (480 samples): 1e-4 of the peak. */
	@ParameterizedTest
	@ValueSource(doubles = { 0, 10 })
	void equalsDirectConvolutionForAnyBlockSize(double predelayMs) throws IOException {
		int d = (int) Math.round(predelayMs * 48);
		double[][] expected = { direct(input[0], impulse[0], d), direct(input[1], impulse[1], d) };
		for (int size : new int[] { 1, 7, 64, 512, 4096, 0 }) {
			ReverbEffect r = reverb(ChannelLayout.STEREO, 4096, predelayMs);
			assertEquals(0, r.latencySamples());
			float[][] y = SpaceHarness.run(r, input, SpaceHarness.blocks(N, size, 4096, size + 5), 4096);
			for (int c = 0; c < 2; c++) {
				assertClose(expected[c], y[c], 1e-4, "block " + size + " channel " + c);
			}
		}
	}

	/** A mono layout convolves with the impulse's first channel. */
	@Test
	void monoUsesTheFirstChannel() throws IOException {
		ReverbEffect r = reverb(ChannelLayout.MONO, 512, 0);
		float[][] y = SpaceHarness.run(r, new float[][] { input[0] }, SpaceHarness.blocks(N, 0, 512, 9), 512);
		assertClose(direct(input[0], impulse[0], 0), y[0], 1e-4, "mono");
	}

	/** PCM 16 and 24 bit impulses: a unit impulse returns the quantised file samples (float rounding only). */
	@ParameterizedTest
	@ValueSource(ints = { 16, 24 })
	void readsPcmImpulses(int bits) throws IOException {
		float[][] ir = { impulse[0].clone() };
		Path f = dir.resolve("pcm" + bits + ".wav");
		SpaceHarness.writeWav(f, ir, 48000, 1, bits);
		ReverbEffect r = withFile(f);
		r.setParameter(r.descriptor().indexOf("mix"), 100);
		r.prepare(SpaceHarness.setup(ChannelLayout.STEREO, 256));
		float[][] x = new float[2][IR + 10];
		x[0][0] = 1;
		x[1][0] = 1;
		float[][] y = SpaceHarness.run(r, x, SpaceHarness.blocks(IR + 10, 256, 256, 1), 256);
		double full = bits == 16 ? 32768.0 : 8388608.0;
		for (int c = 0; c < 2; c++) { // a mono file feeds both sides
			for (int i = 0; i < IR; i++) {
				double q = Math.round(ir[0][i] * full) / full;
				assertEquals(q, y[c][i], 1e-6, "sample " + i);
			}
		}
		assertEquals(IR, r.tailSamples());
	}

	/**
	 * Built-in impulses: the energy decay (Schroeder backward integral) falls 30 dB in RT60/2 of the documented
	 * low-band RT60 within 25 % (the high band decays faster and drags the wide-band curve a little), and left
	 * and right are decorrelated (|correlation| < 0.1).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2 })
	void builtInImpulsesDecayAsDocumented(int which) {
		double[] rt60 = { 0.6, 1.8, 1.2 };
		float[] l = ImpulseLibrary.generate(which, 0, 48000);
		float[] r = ImpulseLibrary.generate(which, 1, 48000);
		assertEquals(Math.round(1.2 * rt60[which] * 48000), l.length);
		double[] edc = new double[l.length];
		double s = 0;
		for (int i = l.length - 1; i >= 0; i--) {
			s += (double) l[i] * l[i];
			edc[i] = s;
		}
		int at5 = 0, at35 = 0;
		while (10 * Math.log10(edc[at5] / edc[0]) > -5) {
			at5++;
		}
		while (10 * Math.log10(edc[at35] / edc[0]) > -35) {
			at35++;
		}
		double t30 = 2.0 * (at35 - at5) / 48000.0;
		assertEquals(rt60[which], t30, 0.25 * rt60[which], "T30-based RT60 of " + ImpulseLibrary.NAMES[which]);
		double lr = 0, ll = 0, rr = 0;
		for (int i = 0; i < l.length; i++) {
			lr += (double) l[i] * r[i];
			ll += (double) l[i] * l[i];
			rr += (double) r[i] * r[i];
		}
		assertTrue(Math.abs(lr / Math.sqrt(ll * rr)) < 0.1, "L/R correlation");
		assertEquals(1.0, ll, 1e-3, "unit energy");
	}

	/** Tail = impulse length + predelay; latency 0. */
	@Test
	void tailIsImpulsePlusPredelay() throws IOException {
		ReverbEffect r = reverb(ChannelLayout.STEREO, 512, 20);
		assertEquals(IR + 960, r.tailSamples());
		r.setParameter(r.descriptor().indexOf("ir"), 1);
		assertEquals(ImpulseLibrary.length(1, 48000) + 960, r.tailSamples());
		assertEquals(0, r.latencySamples());
	}

	/**
	 * The state round-trips byte for byte and, with the same file given by the host (the file is the host's, not
	 * in the state), restores identical output.
	 */
	@Test
	void stateRoundTrips() throws IOException {
		ReverbEffect a = reverb(ChannelLayout.STEREO, 512, 7);
		a.setParameter(a.descriptor().indexOf("lowcut"), 150);
		byte[] state = a.saveState();
		ReverbEffect b = (ReverbEffect) new ReverbFactory().create();
		b.loadState(state);
		assertArrayEquals(state, b.saveState());
		assertEquals(null, b.getFile(ReverbFactory.IR_FILE_ID), "the state holds no path");
		b.setFile(ReverbFactory.IR_FILE_ID, impulseFile);
		assertEquals(impulseFile, b.getFile(ReverbFactory.IR_FILE_ID));
		b.prepare(SpaceHarness.setup(ChannelLayout.STEREO, 512));
		a.prepare(SpaceHarness.setup(ChannelLayout.STEREO, 512));
		int[] blocks = SpaceHarness.blocks(N, 0, 512, 4);
		assertArrayEquals(SpaceHarness.run(a, input, blocks, 512)[1], SpaceHarness.run(b, input, blocks, 512)[1]);
	}

	/** A missing file, a text file and an unknown id: one line naming the file (or id); the old impulse stays. */
	@Test
	void refusesAnUnreadableFileWithItsName() throws IOException {
		ReverbEffect r = withFile(impulseFile);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> r.setFile(ReverbFactory.IR_FILE_ID, dir.resolve("none.wav")));
		assertTrue(e.getMessage().contains("none.wav") && !e.getMessage().contains("\n"), e.getMessage());
		Path text = dir.resolve("notes.wav");
		java.nio.file.Files.writeString(text, "not audio at all, just a note");
		e = assertThrows(IllegalArgumentException.class, () -> r.setFile(ReverbFactory.IR_FILE_ID, text));
		assertTrue(e.getMessage().startsWith(text.toString() + ": "), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> r.setFile("ir", impulseFile));
		assertTrue(e.getMessage().contains("'ir'"), e.getMessage());
		assertEquals(impulseFile, r.getFile(ReverbFactory.IR_FILE_ID));
	}

	/**
	 * A state of version 1 (before files were the host's) stored the impulse's absolute path after the parameters:
	 * it still loads, loads that file, and plays as a reverb given the file by {@code setFile}.
	 */
	@Test
	void readsVersionOneStateWithAnAbsolutePath() throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
			out.writeInt(0x4D584658); // "MXFX"
			out.writeInt(1);
			out.writeUTF(ReverbFactory.ID);
			out.writeInt(3);
			out.writeUTF("ir");
			out.writeDouble(ReverbFactory.IR_FILE);
			out.writeUTF("mix");
			out.writeDouble(100);
			out.writeUTF("predelay");
			out.writeDouble(0);
			out.writeUTF(impulseFile.toAbsolutePath().toString());
		}
		ReverbEffect old = (ReverbEffect) new ReverbFactory().create();
		old.loadState(bytes.toByteArray());
		assertEquals(impulseFile.toAbsolutePath(), old.getFile(ReverbFactory.IR_FILE_ID));
		old.prepare(SpaceHarness.setup(ChannelLayout.STEREO, 512));
		int[] blocks = SpaceHarness.blocks(N, 0, 512, 4);
		float[][] y = SpaceHarness.run(old, input, blocks, 512);
		assertClose(direct(input[0], impulse[0], 0), y[0], 1e-4, "version 1 state, left");
		assertClose(direct(input[1], impulse[1], 0), y[1], 1e-4, "version 1 state, right");
	}

	/** Switching impulse, predelay, mix and cut-offs by events: no allocation over 1000 blocks of 512. */
	@Test
	void processAllocatesNothing() throws IOException {
		ReverbEffect r = reverb(ChannelLayout.STEREO, 512, 0);
		Event[] events = { new Event(5, 0, 1), new Event(17, 1, 30), new Event(100, 2, 40), new Event(3, 3, 300),
				new Event(9, 4, 5000), new Event(0, 0, 2), new Event(0, 0, 3) };
		assertEquals(0, SpaceHarness.allocationOver(r, 2, 512, 2000, 1000, events));
	}
}
