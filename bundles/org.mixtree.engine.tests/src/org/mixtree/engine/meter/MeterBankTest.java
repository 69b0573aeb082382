package org.mixtree.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.mixtree.engine.GraphDescription;
import org.mixtree.engine.Plan;

/**
 * {@link MeterBank}: indexes by channel id, keeps the meters of surviving ids across plans, and serves a UI
 * thread polling at 60 Hz while the audio thread feeds every strip, with every snapshot self-consistent.
 */
class MeterBankTest {

	/** A plan with just the parts a bank reads. */
	static Plan plan(int rate, String... order) {
		return new Plan() {
			@Override
			public GraphDescription description() {
				throw new UnsupportedOperationException();
			}

			@Override
			public int sampleRate() {
				return rate;
			}

			@Override
			public List<String> processingOrder() {
				return List.of(order);
			}

			@Override
			public String masterId() {
				return order[order.length - 1];
			}

			@Override
			public List<String> topLevelBuses() {
				return List.of();
			}

			@Override
			public boolean isAudible(String channelId) {
				return true;
			}
		};
	}

	@Test
	void indexesByIdInProcessingOrder() {
		MeterBank bank = MeterBank.forPlan(plan(48000, "kick", "drums", "master"));
		assertEquals(List.of("kick", "drums", "master"), bank.channelIds());
		assertEquals(1, bank.indexOf("drums"));
		assertEquals(2, bank.meter(2).channels());
		assertThrows(IllegalArgumentException.class, () -> bank.indexOf("nope"));
		assertThrows(IllegalArgumentException.class, () -> new MeterBank(List.of("a", "a"), 2, 48000));
	}

	@Test
	void aNewPlanKeepsTheMetersOfChannelsThatStay() {
		MeterBank first = MeterBank.forPlan(plan(48000, "kick", "drums", "master"));
		MeterBank second = new MeterBank(plan(48000, "drums", "vox", "master"), first);
		assertSame(first.meter(first.indexOf("drums")), second.meter(second.indexOf("drums")));
		assertSame(first.meter(2), second.meter(2));
		MeterBank otherRate = new MeterBank(plan(44100, "drums", "master"), second);
		assertNotSame(second.meter(0), otherRate.meter(0));
	}

	@Test
	void uiPollingWhileTheAudioThreadFeedsSeesConsistentSnapshots() throws Exception {
		MeterBank bank = MeterBank.forPlan(plan(48000, "a", "b", "master"));
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread audio = new Thread(() -> {
			float[][] buf = new float[2][128];
			long t = 0;
			try {
				while (!stop.get()) {
					for (int ch = 0; ch < 3; ch++) {
						for (int i = 0; i < 128; i++) {
							float v = (float) (0.25 * Math.sin(2 * Math.PI * 1000 * (t + i) / 48000.0));
							buf[0][i] = v;
							buf[1][i] = v;
						}
						bank.setGainReduction(ch, -3.0);
						bank.process(ch, buf, 0, 128);
					}
					t += 128;
				}
			} catch (Throwable e) {
				failure.set(e);
			}
		}, "audio");
		audio.start();
		double[] v = new double[MeterSnapshot.FIELDS];
		long published = bank.read(2, v); // the constructor's silent snapshot
		while (bank.read(2, v) == published) {
			Thread.onSpinWait(); // until the audio thread's first block
		}
		long lastSeq = published;
		for (int tick = 0; tick < 30; tick++) { // half a second of a 60 Hz UI timer
			Thread.sleep(16);
			long seq = bank.read(2, v);
			assertTrue(seq >= lastSeq);
			lastSeq = seq;
			MeterSnapshot s = MeterSnapshot.fromArray(v);
			assertEquals(-3.0, s.gainReductionDb(), 0.0);
			assertTrue(s.peakHoldDb() >= s.samplePeakDb(), s.toString());
		}
		stop.set(true);
		audio.join();
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		MeterSnapshot master = bank.snapshot("master");
		assertEquals(20 * Math.log10(0.25), master.truePeakDbtp(), 0.05);
		assertEquals(1.0, master.correlation(), 1e-6);
	}
}
