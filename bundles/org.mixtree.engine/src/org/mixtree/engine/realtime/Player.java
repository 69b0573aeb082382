package org.mixtree.engine.realtime;

import org.mixtree.engine.Plan;
import org.mixtree.engine.device.AudioCallback;

/**
 * Plays a {@link Plan} in real time through a device's {@link AudioCallback}.
 * <p>
 * Thread rules: [main] methods are called by one control thread at a time (the UI or the CLI), never by the
 * audio thread; [audio] is the device's callback thread; [any] is any thread. The audio thread never allocates,
 * locks, blocks, logs or touches a file: it reads the current immutable mixer through an
 * {@code AtomicReference}, drains single-producer/single-consumer queues of commands and parameter changes
 * filled by [main], and copies source frames out of per-source prefetch rings filled by a disk thread.
 * <p>
 * The output is the offline render of the same plan ({@link org.mixtree.engine.Engine#render}), sample for
 * sample, whatever the device's buffer size: the mixer is block-size independent and the plugin delay
 * compensation run-in is mixed and dropped as the renderer drops it.
 */
public final class Player implements AutoCloseable {

	/** Callbacks after which allocation on the audio thread is counted (class loading and JIT warm-up before). */
	public static final int WARM_UP_CALLBACKS = 2_000;

	/**
	 * [main] Allocates everything the audio thread will use: the mixer and its worker threads, prefetch rings,
	 * queues, the output resampler when {@code sampleRate} is not the plan's, and starts the disk thread. The
	 * player starts stopped at frame 0.
	 *
	 * @param plan            made by {@link org.mixtree.engine.Engine#compile}
	 * @param sampleRate      the device's rate, Hz
	 * @param maxBufferFrames the most frames a callback asks for
	 * @throws java.io.UncheckedIOException never for a source: a source that cannot be opened plays silence and
	 *                                      is counted in {@link PlayerStats#failedSources()}
	 */
	public Player(Plan plan, int sampleRate, int maxBufferFrames, PlayerOptions options) {
		throw new UnsupportedOperationException("not yet");
	}

	/** [any] @return what the device stream calls on its audio thread */
	public AudioCallback callback() {
		throw new UnsupportedOperationException("not yet");
	}

	/** [main] Starts playing from {@link #position()} with a short fade-in. */
	public void play() {
	}

	/** [main] Fades out over a few ms, then outputs silence; the position stays where the fade ended. */
	public void stop() {
	}

	/** [any] @return whether the transport is playing (or fading out) */
	public boolean playing() {
		return false;
	}

	/**
	 * [main] Moves the play position to {@code frame} (timeline frames at the plan's rate) at the next callback:
	 * while playing, a short fade-out, the jump, a fade-in. The prefetch refills from there; sources not ready
	 * play silence and are counted.
	 */
	public void locate(long frame) {
	}

	/** [main] Loops {@code [startFrame, endFrame)} when the play position reaches {@code endFrame}. */
	public void setLoop(long startFrame, long endFrame) {
	}

	/** [main] Plays on past the loop end. */
	public void clearLoop() {
	}

	/** [any] @return the timeline frame being heard at the start of the next callback's output */
	public long position() {
		return 0;
	}

	/**
	 * [main] Plays {@code newPlan} from the next block boundary. Compile it off the audio thread with
	 * {@code Engine.compile(graph, current)} so that its processors keep their state. The current plan is faded
	 * out, swapped, the new one faded in; the old mixer is released off the audio thread.
	 */
	public void swap(Plan newPlan) {
	}

	/** [main] Sets a channel's fader, smoothed multiplicatively on the audio thread. */
	public void setGain(String channelId, double gainDb) {
	}

	/** [main] Sets a channel's pan (mono track) or balance, in [-1, 1], smoothed on the audio thread. */
	public void setPan(String channelId, double pan) {
	}

	/** [any] Counts xruns the device reported (the stream's {@code xruns()} delta). */
	public void noteXrun(long count) {
	}

	/** [any] @return a snapshot of callback timing, allocation, starvation and GC pauses */
	public PlayerStats stats() {
		throw new UnsupportedOperationException("not yet");
	}

	/** [main] Stops the disk and worker threads and closes the sources. The callback plays silence afterwards. */
	@Override
	public void close() {
	}
}
