package org.mixtree.audio.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixtree.audio.io.internal.FlacStreamReader;
import org.mixtree.audio.io.internal.PcmStreamReader;

/**
 * A ten-minute stereo take read end to end: the reader's buffer stays small and {@link AudioFileReader#read}
 * allocates nothing, measured with the JVM's per-thread allocation counter, so the result does not depend on
 * the heap the test runs with.
 */
class StreamingTest {
	private static final int RATE = 48000;
	private static final int FRAMES = 10 * 60 * RATE;

	@TempDir
	static Path dir;
	static Path take;

	static short left(long i) {
		return (short) (i * 31 + 7);
	}

	static short right(long i) {
		return (short) (i * -17 + (i >> 16));
	}

	/** Writes the take by hand (canonical 44-byte header, 16-bit stereo), so the expected values are known. */
	@BeforeAll
	static void writeTake() throws IOException {
		take = dir.resolve("ten-minutes.wav");
		long dataBytes = (long) FRAMES * 4;
		try (FileChannel ch = FileChannel.open(take, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
			b.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVEfmt ".getBytes()).putInt(16)
					.putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4).putShort((short) 4)
					.putShort((short) 16).put("data".getBytes()).putInt((int) dataBytes);
			for (long i = 0; i < FRAMES; i++) {
				if (b.remaining() < 4) {
					ch.write(b.flip());
					b.clear();
				}
				b.putShort(left(i)).putShort(right(i));
			}
			ch.write(b.flip());
		}
	}

	/** @return bytes allocated so far by the current thread (HotSpot's com.sun.management extension) */
	private static long allocatedBytes() {
		try {
			// looked up through the platform loader: no OSGi import of com.sun.management needed
			Class<?> type = Class.forName("com.sun.management.ThreadMXBean", true, ClassLoader.getPlatformClassLoader());
			Method m = type.getMethod("getCurrentThreadAllocatedBytes");
			return (long) m.invoke(ManagementFactory.getThreadMXBean());
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("this JVM cannot count allocated bytes", e);
		}
	}

	@Test
	void readsTenMinutesWithABoundedBufferAndNoAllocation() throws IOException {
		try (AudioFileReader r = AudioFiles.open(take)) {
			assertEquals(FRAMES, r.frames());
			assertTrue(((PcmStreamReader) r).bufferCapacity() <= 64 * 1024,
					"buffer " + ((PcmStreamReader) r).bufferCapacity() + " bytes");
			float[][] block = new float[2][4096];
			long errors = 0;
			long total = 0;
			int calls = 0;
			allocatedBytes(); // warm the reflective path before measuring
			long before = allocatedBytes();
			while (true) {
				int n = r.read(block, 0, 4096);
				if (n == 0) {
					break;
				}
				for (int i = 0; i < n; i++) {
					long f = total + i;
					if (block[0][i] != left(f) / 32768f || block[1][i] != right(f) / 32768f) {
						errors++;
					}
				}
				total += n;
				calls++;
			}
			long allocated = allocatedBytes() - before;
			assertEquals(FRAMES, total);
			assertEquals(0, errors, "samples that differ from what was written");
			// over some 7000 calls, even 16 bytes a call would show as 110 KiB; the margin is for the counter itself
			assertTrue(allocated < 1024, allocated + " bytes allocated over " + calls + " reads");
		}
	}

	@Test
	void seeksAnywhereWithoutAllocating() throws IOException {
		try (AudioFileReader r = AudioFiles.open(take)) {
			Random rnd = new Random(3);
			float[][] block = new float[2][100];
			long[] positions = new long[2000];
			for (int i = 0; i < positions.length; i++) {
				positions[i] = i % 10 == 0 ? positions[Math.max(0, i - 1)] + 50 : (long) (rnd.nextDouble() * FRAMES);
			}
			long before = allocatedBytes();
			long errors = 0;
			for (long at : positions) {
				r.seek(at);
				int n = r.read(block, 0, 100);
				if (n != Math.min(100, FRAMES - at)) {
					errors++;
				}
				for (int i = 0; i < n; i++) {
					if (block[0][i] != left(at + i) / 32768f || block[1][i] != right(at + i) / 32768f) {
						errors++;
					}
				}
			}
			long allocated = allocatedBytes() - before;
			assertEquals(0, errors, "wrong frames after seek");
			assertTrue(allocated < 1024, allocated + " bytes allocated over 2000 seeks and reads");
		}
	}

	/**
	 * The same take encoded by the reference FLAC encoder: the reader holds one window of the file, whatever
	 * its length, and neither reading nor seeking (a bisection over the file) allocates.
	 */
	@Test
	void flacReadsAndSeeksTenMinutesWithABoundedWindowAndNoAllocation() throws IOException {
		Path flac = dir.resolve("ten-minutes.flac");
		Tools.run("flac", "-s", "-f", "-5", take.toString(), "-o", flac.toString());
		try (AudioFileReader r = AudioFiles.open(flac)) {
			assertEquals(FRAMES, r.frames());
			int window = ((FlacStreamReader) r).bufferCapacity();
			assertTrue(window <= 64 * 1024, "window " + window + " bytes");
			float[][] block = new float[2][4096];
			long errors = 0;
			long total = 0;
			// the first calls of a code path allocate as the JVM links and compiles it (the PCM test warms its
			// path in the tests before it): warm up, then measure from the start
			for (int i = 0; i < 50; i++) {
				r.read(block, 0, 4096);
			}
			r.seek(0);
			allocatedBytes();
			long before = allocatedBytes();
			while (true) {
				int n = r.read(block, 0, 4096);
				if (n == 0) {
					break;
				}
				for (int i = 0; i < n; i++) {
					long f = total + i;
					if (block[0][i] != left(f) / 32768f || block[1][i] != right(f) / 32768f) {
						errors++;
					}
				}
				total += n;
			}
			long allocated = allocatedBytes() - before;
			assertEquals(FRAMES, total);
			assertEquals(0, errors, "samples that differ from what was written");
			assertTrue(allocated < 1024, allocated + " bytes allocated over the reads");

			Random rnd = new Random(5);
			float[][] small = new float[2][100];
			before = allocatedBytes();
			for (int k = 0; k < 300; k++) {
				long at = k % 10 == 9 ? FRAMES - 40 : (long) (rnd.nextDouble() * FRAMES);
				r.seek(at);
				int n = r.read(small, 0, 100);
				if (n != Math.min(100, FRAMES - at)) {
					errors++;
				}
				for (int i = 0; i < n; i++) {
					if (small[0][i] != left(at + i) / 32768f || small[1][i] != right(at + i) / 32768f) {
						errors++;
					}
				}
			}
			allocated = allocatedBytes() - before;
			assertEquals(0, errors, "wrong frames after seek");
			assertTrue(allocated < 1024, allocated + " bytes allocated over 300 seeks and reads");
			assertEquals(window, ((FlacStreamReader) r).bufferCapacity(), "the window did not grow");
		}
	}

	@Test
	void writerAllocatesNothingPerWrite() throws IOException {
		float[][] block = new float[2][4096];
		for (int i = 0; i < 4096; i++) {
			block[0][i] = (float) Math.sin(i * 0.01);
			block[1][i] = -block[0][i];
		}
		for (SampleFormat format : SampleFormat.values()) {
			try (WavWriter w = new WavWriter(dir.resolve("alloc-" + format.id() + ".wav"), 2, RATE, format, 1)) {
				for (int i = 0; i < 40; i++) {
					w.write(block, 0, 4096); // warm up, flushes included
				}
				long before = allocatedBytes();
				for (int i = 0; i < 500; i++) {
					w.write(block, i % 7, 4000);
				}
				long allocated = allocatedBytes() - before;
				assertTrue(allocated < 1024, format + ": " + allocated + " bytes allocated over 500 writes");
			}
		}
	}
}
