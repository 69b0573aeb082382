package org.mixtree.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * The seqlock of {@link MeterSlot}: a producer writing as fast as it can (far faster than audio rate) puts the same
 * counter into every field of each write; a consumer reading concurrently must never see two different values in
 * one copy (a torn snapshot), and the counters it sees never go back.
 */
class MeterSlotTest {

	@Test
	void concurrentReaderNeverSeesATornSnapshot() throws Exception {
		MeterSlot slot = new MeterSlot(MeterSnapshot.FIELDS);
		AtomicBoolean stop = new AtomicBoolean();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		// the counts are read by the writer to decide when the reader has had its chance (a loaded machine may
		// schedule the reader rarely): the test writes for at least a second and until 100 distinct reads, 20 s at most
		AtomicLongArray reads = new AtomicLongArray(2);
		Thread consumer = new Thread(() -> {
			double[] v = new double[MeterSnapshot.FIELDS];
			double last = -1;
			try {
				while (!stop.get()) {
					long seq = slot.read(v);
					for (int i = 1; i < v.length; i++) {
						if (v[i] != v[0]) {
							throw new AssertionError("torn at sequence " + seq + ": " + v[0] + " vs " + v[i]);
						}
					}
					if (v[0] < last) {
						throw new AssertionError("went back from " + last + " to " + v[0]);
					}
					if (v[0] != last) {
						reads.incrementAndGet(1);
					}
					last = v[0];
					reads.incrementAndGet(0);
				}
			} catch (Throwable t) {
				failure.set(t);
			}
		}, "meter-consumer");
		consumer.start();
		long start = System.nanoTime();
		long counter = 0;
		while (System.nanoTime() - start < 1_000_000_000L
				|| (reads.get(1) <= 100 || reads.get(0) <= 1000) && System.nanoTime() - start < 20_000_000_000L) {
			for (int k = 0; k < 1000; k++) {
				counter++;
				slot.beginWrite();
				for (int i = 0; i < MeterSnapshot.FIELDS; i++) {
					slot.set(i, counter);
				}
				slot.endWrite();
			}
		}
		stop.set(true);
		consumer.join();
		if (failure.get() != null) {
			throw new AssertionError(failure.get());
		}
		assertTrue(reads.get(0) > 1000, "consumer read " + reads.get(0) + " times");
		assertTrue(reads.get(1) > 100, "consumer saw " + reads.get(1) + " distinct writes");
		double[] v = new double[MeterSnapshot.FIELDS];
		assertEquals(2 * counter, slot.read(v));
		assertEquals(counter, v[9], 0.0);
	}

	@Test
	void readBeforeAnyWriteIsZero() {
		MeterSlot slot = new MeterSlot(3);
		double[] v = { 1, 1, 1 };
		assertEquals(0, slot.read(v));
		assertEquals(0.0, v[2], 0.0);
	}
}
