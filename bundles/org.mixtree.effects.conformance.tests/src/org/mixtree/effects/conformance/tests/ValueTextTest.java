package org.mixtree.effects.conformance.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Scale;
import org.mixtree.effects.api.ValueText;

/**
 * The host's one parser of typed values, as every effect's parameters are read through it: what an engineer
 * types gives the number the unit says, what does not fit the unit is refused rather than half read.
 */
class ValueTextTest {

	@Test
	void frequencies() {
		assertEquals(8000, ValueText.parse("8k", "Hz"));
		assertEquals(8000, ValueText.parse("8kHz", "Hz"));
		assertEquals(8000, ValueText.parse("8 KHZ", "Hz"));
		assertEquals(2500, ValueText.parse("2.5k", "Hz"));
		assertEquals(120, ValueText.parse("120 Hz", "Hz"));
		assertEquals(1000, ValueText.parse("1e3", "Hz"));
		assertEquals(1000, ValueText.parse("1e3Hz", "Hz"));
		for (String bad : new String[] { "10ms", "8kk", "k", "", "8 k Hz", "2e", "0x10", "NaN", "Infinity", "8MHz" }) {
			assertThrows(NumberFormatException.class, () -> ValueText.parse(bad, "Hz"), bad);
		}
	}

	@Test
	void timesInMsAndS() {
		assertEquals(500, ValueText.parse("0.5s", "ms"));
		assertEquals(1200, ValueText.parse("1.2 s", "ms"));
		assertEquals(30, ValueText.parse("30ms", "ms"));
		assertEquals(30, ValueText.parse("30", "ms"));
		assertEquals(0.25, ValueText.parse("250ms", "s"), 1e-15);
		assertEquals(90, ValueText.parse("1.5min", "s"), 1e-12);
		assertThrows(NumberFormatException.class, () -> ValueText.parse("5Hz", "ms"));
	}

	@Test
	void gainsAndRatios() {
		assertEquals(-6, ValueText.parse("-6dB", "dB"));
		assertEquals(3, ValueText.parse("+3 db", "dB"));
		assertEquals(Double.NEGATIVE_INFINITY, ValueText.parseGain("-inf"));
		assertEquals(Double.NEGATIVE_INFINITY, ValueText.parseGain("-inf dB"));
		assertEquals(-4.5, ValueText.parseGain("-4.5dB"));
		assertThrows(NumberFormatException.class, () -> ValueText.parseGain("loud"));
		assertThrows(NumberFormatException.class, () -> ValueText.parseGain("+inf"));
		assertEquals(4, ValueText.parse("4:1", ":1"));
		assertEquals(50, ValueText.parse("50%", "%"));
	}

	@Test
	void pansReadBackAsTheyArePrinted() {
		for (int percent = -100; percent <= 100; percent++) {
			double pan = percent / 100.0;
			assertEquals(pan, ValueText.parsePan(ValueText.formatPan(pan)), 1e-12, ValueText.formatPan(pan));
		}
		assertEquals("C", ValueText.formatPan(0.004));
		assertEquals("L70", ValueText.formatPan(-0.7));
		assertEquals("R35", ValueText.formatPan(0.35));
		assertEquals(-0.7, ValueText.parsePan("70L"), 1e-12);
		assertEquals(0.5, ValueText.parsePan("R50%"), 1e-12);
		for (String bad : new String[] { "L", "R", "X70", "L-20", "L+20", "left", "L70R", "" }) {
			assertThrows(NumberFormatException.class, () -> ValueText.parsePan(bad), bad);
		}
	}

	@Test
	void parametersReadThroughIt() {
		ParameterDescriptor freq = ParameterDescriptor.of("f", "Freq", "Hz", 20, 20000, 1000, Scale.LOGARITHMIC);
		assertEquals(8000, freq.parse("8k"));
		IllegalArgumentException out = assertThrows(IllegalArgumentException.class, () -> freq.parse("30k"));
		assertEquals("f: 30k is outside [20, 20000] Hz", out.getMessage());
		ParameterDescriptor type = ParameterDescriptor.choice("t", "Type", 0, "off", "peak");
		assertEquals(1, type.parse("PEAK"));
		assertEquals(1, type.parse("1"));
		assertThrows(IllegalArgumentException.class, () -> type.parse("2"));
	}
}
