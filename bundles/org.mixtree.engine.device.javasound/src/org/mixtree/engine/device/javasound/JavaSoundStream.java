package org.mixtree.engine.device.javasound;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.SourceDataLine;

import org.mixtree.engine.device.AudioCallback;
import org.mixtree.engine.device.AudioDeviceException;
import org.mixtree.engine.device.AudioStream;

/**
 * A {@link SourceDataLine} fed by a pumping thread: it pulls {@link #bufferFrames()} frames from the callback,
 * converts them to the line's integer PCM and writes them; {@code write} blocks while the line is full, which
 * paces the pump at the device's rate.
 * <p>
 * Threads: [main] for the {@link AudioStream} methods; the pump is the [audio] thread (maximum priority, no
 * allocation after start). The line reports no underruns, so the pump counts one when it finds the line's buffer
 * empty before a write. A write that comes back short, or a line that stops taking data for two seconds (the sound
 * server went away), ends the stream and reports it through {@link AudioCallback#stopped} from another thread.
 */
final class JavaSoundStream implements AudioStream {

	/** A write blocked this long means the device is gone. */
	private static final long STALL_NANOS = 2_000_000_000L;

	private final SourceDataLine line;
	private final String device;
	private final AudioFormat format;
	private final int frames;
	private final int channels;
	private final int bytesPerSample;
	private final float[][] buffers;
	private final byte[] bytes;
	private volatile AudioCallback callback;
	private volatile boolean running;
	private volatile long writeStarted;
	private volatile long xruns;
	private Thread pump;
	private Thread watchdog;
	private boolean closed;

	JavaSoundStream(SourceDataLine line, String device, AudioFormat format, int frames) {
		this.line = line;
		this.device = device;
		this.format = format;
		this.frames = frames;
		this.channels = format.getChannels();
		this.bytesPerSample = format.getSampleSizeInBits() / 8;
		this.buffers = new float[channels][frames];
		this.bytes = new byte[frames * format.getFrameSize()];
	}

	@Override
	public int sampleRate() {
		return (int) format.getSampleRate();
	}

	@Override
	public int bufferFrames() {
		return frames;
	}

	@Override
	public int channels() {
		return channels;
	}

	@Override
	public String deviceName() {
		return "javasound:" + device;
	}

	@Override
	public synchronized void start(AudioCallback cb) throws AudioDeviceException {
		if (closed) {
			throw new AudioDeviceException("Java Sound: " + deviceName() + " is closed");
		}
		callback = cb;
		if (running) {
			return;
		}
		running = true;
		line.start();
		pump = new Thread(this::pump, "mixtree-javasound-audio");
		pump.setPriority(Thread.MAX_PRIORITY);
		pump.setDaemon(true);
		pump.start();
		watchdog = new Thread(this::watch, "mixtree-javasound-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/** [audio] Pulls, converts, writes until stopped or the line fails. */
	private void pump() {
		float[][] out = buffers;
		byte[] b = bytes;
		int n = b.length;
		boolean primed = false;
		while (running) {
			callback.process(out, frames);
			toPcm(out, b);
			if (primed && line.available() >= line.getBufferSize()) {
				xruns++; // single writer: the pump
			}
			writeStarted = System.nanoTime();
			int written = line.write(b, 0, n);
			writeStarted = 0;
			primed = true;
			if (written < n && running) {
				fail("Java Sound: " + device + " stopped taking audio (the device or sound server went away)");
				return;
			}
		}
	}

	/** [watchdog] A write that blocks for too long means the device vanished without an error. */
	private void watch() {
		while (running) {
			try {
				Thread.sleep(250);
			} catch (InterruptedException e) {
				return;
			}
			long started = writeStarted;
			if (running && started != 0 && System.nanoTime() - started > STALL_NANOS) {
				fail("Java Sound: " + device + " stopped playing for 2 s (the device or sound server went away)");
				return;
			}
		}
	}

	private void fail(String reason) {
		running = false;
		AudioCallback cb = callback;
		Thread t = new Thread(() -> {
			// a write stuck in a vanished device may never return: closing the line releases it
			line.close();
			if (cb != null) {
				cb.stopped(reason);
			}
		}, "mixtree-javasound-stopped");
		t.setDaemon(true);
		t.start();
	}

	/** Planar float to interleaved little-endian signed PCM, clipped, rounded. */
	private void toPcm(float[][] in, byte[] out) {
		int bps = bytesPerSample;
		double scale = bps == 4 ? 2147483647.0 : bps == 3 ? 8388607.0 : 32767.0;
		int p = 0;
		for (int i = 0; i < frames; i++) {
			for (int c = 0; c < channels; c++) {
				double v = in[c][i];
				v = v > 1 ? 1 : v < -1 ? -1 : v;
				long s = Math.round(v * scale);
				for (int k = 0; k < bps; k++) {
					out[p++] = (byte) (s >> (8 * k));
				}
			}
		}
	}

	@Override
	public void stop() {
		Thread t;
		synchronized (this) {
			if (!running && pump == null) {
				return;
			}
			running = false;
			t = pump;
			pump = null;
		}
		// a pending write returns when the line stops or is flushed
		line.stop();
		line.flush();
		if (t != null && t != Thread.currentThread()) {
			try {
				t.join(3000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		if (watchdog != null) {
			watchdog.interrupt();
		}
	}

	@Override
	public long xruns() {
		return xruns;
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		stop();
		closed = true;
		line.close();
	}
}
