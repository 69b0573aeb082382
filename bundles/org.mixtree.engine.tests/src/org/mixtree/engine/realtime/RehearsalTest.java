package org.mixtree.engine.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mixtree.dsp.PanLaw;
import org.mixtree.effects.api.ParameterDescriptor;
import org.mixtree.effects.api.Scale;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.GraphDescription.Channel;
import org.mixtree.engine.GraphDescription.Insert;
import org.mixtree.engine.GraphDescription.Kind;

/**
 * The rehearsal's variations (Player's warm-up runs the paths a soak showed deoptimising on the audio thread: ramps,
 * muted tracks, bypassed slots): every value it sends is legal and differs from the one set, and the varied plan
 * changes only mutes and bypasses.
 */
class RehearsalTest {

	@Test
	void aMovedParameterIsATenthOfItsRangeTowardsTheMiddleAndLegal() {
		ParameterDescriptor threshold = ParameterDescriptor.of("threshold", "Threshold", "dB", -60, 0, -18, Scale.DECIBEL);
		// -18 is above the middle (-30): a tenth of the 60 dB range down
		assertEquals(-24, Player.rehearsalValue(threshold, -18), 1e-12);
		assertEquals(-54, Player.rehearsalValue(threshold, -60), 1e-12);
		ParameterDescriptor freq = ParameterDescriptor.of("freq", "Frequency", "Hz", 20, 20000, 1000, Scale.LOGARITHMIC);
		assertEquals(20000 - 1998, Player.rehearsalValue(freq, 20000), 1e-9);
		for (double v : new double[] { -60, -31, -30, -29, -0.5, 0 }) {
			double moved = Player.rehearsalValue(threshold, v);
			assertTrue(threshold.accepts(moved), v + " moved to " + moved);
			assertNotEquals(v, moved);
		}
	}

	@Test
	void aMovedChoiceIsTheNextStepAndWrapsAroundAToggleFlips() {
		ParameterDescriptor detector = ParameterDescriptor.choice("detector", "Detector", 0, "peak", "rms", "hybrid");
		assertEquals(1, Player.rehearsalValue(detector, 0));
		assertEquals(0, Player.rehearsalValue(detector, 2));
		ParameterDescriptor on = ParameterDescriptor.toggle("on", "On", true);
		assertEquals(0, Player.rehearsalValue(on, 1));
		assertEquals(1, Player.rehearsalValue(on, 0));
	}

	@Test
	void theVariedPlanTurnsOverEveryThirdTracksMuteAndEveryOtherBypassOnly() {
		List<Channel> channels = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			List<Insert> inserts = List.of(new Insert("eq", null, false, Map.of("gain", 1.0), null),
					new Insert("comp", null, i == 0, Map.of(), null));
			channels.add(new Channel("t" + i, "Track " + i, Kind.TRACK, null, -3 - i, 0.1 * i, i == 4, false, false, "b",
					inserts, List.of(), false));
		}
		channels.add(new Channel("b", "Drums", Kind.BUS, null, 0, 0, false, false, false, null,
				List.of(new Insert("limiter", null, false, Map.of(), null)), List.of(), true));
		GraphDescription d = new GraphDescription(48000, PanLaw.MINUS_3_DB, channels, List.of("b"));

		GraphDescription varied = Player.variedForRehearsal(d);

		assertEquals(d.sampleRate(), varied.sampleRate());
		assertEquals(d.focus(), varied.focus());
		assertEquals(d.channels().size(), varied.channels().size());
		int mutesTurned = 0;
		int bypassesTurned = 0;
		for (int i = 0; i < channels.size(); i++) {
			Channel a = d.channels().get(i);
			Channel b = varied.channels().get(i);
			boolean turned = a.kind() == Kind.TRACK && i % 3 == 1;
			assertEquals(turned ? !a.mute() : a.mute(), b.mute(), a.id());
			mutesTurned += a.mute() != b.mute() ? 1 : 0;
			assertEquals(a, new Channel(b.id(), b.name(), b.kind(), b.source(), b.gainDb(), b.pan(), a.mute(), b.solo(),
					b.polarity(), b.output(), a.inserts(), b.sends(), b.soloSafe()), "only mute and inserts differ");
			for (int s = 0; s < a.inserts().size(); s++) {
				Insert x = a.inserts().get(s);
				Insert y = b.inserts().get(s);
				assertEquals((i + s) % 2 == 0 ? !x.bypass() : x.bypass(), y.bypass(), a.id() + " slot " + s);
				assertEquals(x.parameters(), y.parameters());
				bypassesTurned += x.bypass() != y.bypass() ? 1 : 0;
			}
		}
		assertEquals(2, mutesTurned); // tracks 1 and 4 (4 was muted: now playing)
		assertEquals(7, bypassesTurned); // 6 tracks x 2 slots, half of them, and the bus's one slot (index 6, slot 0)
	}
}
