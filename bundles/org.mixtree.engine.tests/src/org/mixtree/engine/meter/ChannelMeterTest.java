package org.mixtree.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

/**
 * A {@link ChannelMeter} as the audio thread drives it: readings of known signals (EBU Tech 3341 case 1: stereo
 * 1 kHz sine at -23 dBFS reads -23.0 +-0.1 LUFS momentary, short-term and integrated; its RMS is -26.01 dBFS,
 * its sample and true peak -23 dB), correlation of a stereo strip, gain reduction passed through, reset on
 * request, and no allocation on the audio path.
 */
class ChannelMeterTest {

	private static final int RATE = 48000;

	static void sine(ChannelMeter m, double dbfs, double seconds, boolean invertRight, int blockFrames) {
		float[][] b = new float[2][blockFrames];
		double a = Math.pow(10, dbfs / 20);
		long total = Math.round(seconds * RATE);
		for (long t = 0; t < total;) {
			int n = (int) Math.min(blockFrames, total - t);
			for (int i = 0; i < n; i++, t++) {
				float v = (float) (a * Math.sin(2 * Math.PI * 1000 * t / RATE));
				b[0][i] = v;
				b[1][i] = invertRight ? -v : v;
			}
			m.process(b, 0, n);
		}
	}

	@Test
	void tech3341Case1ThroughTheStrip() {
		ChannelMeter m = new ChannelMeter(2, RATE);
		sine(m, -23, 20, false, 256);
		MeterSnapshot s = m.snapshot();
		assertEquals(-23.0, s.momentaryLufs(), 0.1);
		assertEquals(-23.0, s.shortTermLufs(), 0.1);
		assertEquals(-23.0, s.integratedLufs(), 0.1);
		assertEquals(0.0, s.loudnessRangeLu(), 1.0); // Tech 3342: +-1 LU
		assertEquals(-23.0 - 3.0103, s.rmsDb(), 0.01);
		assertEquals(-23.0, s.samplePeakDb(), 0.01);
		assertEquals(-23.0, s.peakHoldDb(), 0.01);
		assertEquals(-23.0, s.truePeakDbtp(), 0.05);
		assertEquals(1.0, s.correlation(), 1e-6);
		assertEquals(0.0, s.gainReductionDb(), 0.0);
	}

	@Test
	void invertedRightReadsMinusOneAndGainReductionIsPublished() {
		ChannelMeter m = new ChannelMeter(2, RATE);
		m.setGainReduction(-4.5);
		sine(m, -20, 1, true, 64);
		MeterSnapshot s = m.snapshot();
		assertEquals(-1.0, s.correlation(), 1e-6);
		assertEquals(-4.5, s.gainReductionDb(), 0.0);
	}

	@Test
	void monoStripHasNoCorrelation() {
		ChannelMeter m = new ChannelMeter(1, RATE);
		m.process(new float[][] { new float[4800] }, 0, 4800);
		assertEquals(0.0, m.snapshot().correlation(), 0.0);
	}

	@Test
	void silentBeforeAudioAndAfterAReset() {
		ChannelMeter m = new ChannelMeter(2, RATE);
		assertEquals(MeterSnapshot.SILENT, m.snapshot());
		sine(m, -10, 5, false, 512);
		m.requestReset();
		m.process(new float[2][128], 0, 128);
		MeterSnapshot s = m.snapshot();
		assertEquals(Double.NEGATIVE_INFINITY, s.truePeakDbtp());
		assertEquals(Double.NEGATIVE_INFINITY, s.integratedLufs());
		assertEquals(Double.NEGATIVE_INFINITY, s.peakHoldDb());
	}

	@Test
	void peakHoldOutlastsThePeakBar() {
		ChannelMeter m = new ChannelMeter(2, RATE);
		sine(m, -6, 0.1, false, 480);
		sine(m, Double.NEGATIVE_INFINITY, 1.0, false, 480);
		MeterSnapshot s = m.snapshot();
		assertEquals(-6.0, s.peakHoldDb(), 0.01); // still held at 1 s of 1.5 s
		assertEquals(-6.0 - 20.0 / 1.7, s.samplePeakDb(), 0.05); // the bar fell for 1 s
	}

	static long allocatedBytes() {
		try {
			Class<?> type = Class.forName("com.sun.management.ThreadMXBean", true,
					ClassLoader.getPlatformClassLoader());
			Method m = type.getMethod("getCurrentThreadAllocatedBytes");
			return (long) m.invoke(ManagementFactory.getThreadMXBean());
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("no allocation counter in this JVM", e);
		}
	}

	@Test
	void audioThreadAllocatesNothingOver10000Blocks() {
		MeterBank bank = new MeterBank(java.util.List.of("track-1", "bus-a", "master"), 2, RATE);
		float[][] buf = new float[2][256];
		for (int i = 0; i < 256; i++) {
			buf[0][i] = (float) Math.sin(i * 0.1) * 0.3f;
			buf[1][i] = (float) Math.cos(i * 0.07) * 0.3f;
		}
		for (int warm = 0; warm < 20000; warm++) { // let the JIT settle first
			bank.setGainReduction(warm % 3, -1.0);
			bank.process(warm % 3, buf, 0, 256);
		}
		long overhead = allocatedBytes();
		overhead = allocatedBytes() - overhead; // what reading the counter itself costs (a boxed long)
		// best of three windows: a one-off JIT deoptimisation under a loaded machine may allocate once, which is
		// the JVM's doing, not the meter's; a meter that allocated per block would allocate in every window
		long allocated = Long.MAX_VALUE;
		for (int window = 0; window < 3; window++) {
			long before = allocatedBytes();
			for (int block = 0; block < 10000; block++) {
				int ch = block % 3;
				bank.setGainReduction(ch, -2.0);
				bank.process(ch, buf, 0, 256);
			}
			allocated = Math.min(allocated, allocatedBytes() - before - overhead);
		}
		assertEquals(0, allocated, "bytes allocated by 10 000 metered blocks");
		assertTrue(bank.snapshot("master").rmsDb() < 0);
	}
}
