package org.mixtree.fuzz;

import java.io.IOException;
import java.nio.file.Path;

import org.mixtree.effects.builtin.reverb.ImpulseFile;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the reverb's impulse-response files ({@link ImpulseFile#read}, then brought to two session rates as the
 * reverb does when it is prepared). A file is either read or refused with one {@link IOException} whose one-line
 * message names it; anything else is a finding.
 */
class ImpulseFileFuzzTest {

	@FuzzTest
	void impulse(byte[] data) {
		Path file = Scratch.write("fuzz-ir.wav", data);
		ImpulseFile ir;
		try {
			ir = ImpulseFile.read(file);
		} catch (IOException e) {
			Scratch.checkMessage(e, file + ": ");
			return;
		}
		for (double rate : new double[] { 44100, 48000 }) {
			float[][] h = ir.at(rate);
			if (h.length != 2 || h[0].length != h[1].length || h[0].length == 0) {
				throw new AssertionError("an impulse of " + h.length + " channels at " + rate + " Hz");
			}
		}
	}
}
