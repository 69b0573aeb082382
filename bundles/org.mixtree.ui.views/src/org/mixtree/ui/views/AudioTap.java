package org.mixtree.ui.views;

/**
 * A tap of one channel's audio: the channel's output after its inserts, fader and pan, as the engine mixes it, which
 * the audio thread copies into a lock-free ring while the tap is open (no allocation, no lock on the audio thread;
 * nothing is copied for a channel no open tap reads). A reader on a worker thread takes the frames; drawing happens
 * on the UI thread. Close it when the view no longer shows it.
 * <p>
 * [any] All methods may be called from any thread but the audio thread; one reader per tap.
 */
public interface AudioTap extends AutoCloseable {
	/** @return the id of the channel tapped (its {@code getAddress()}: {@code master}, {@code bus/Drums}, {@code track/Kick}...) */
	String channelId();

	/** @return 1 or 2 */
	int channels();

	/** @return frames per second */
	int sampleRate();

	/** @return frames the audio thread has written since the tap opened (it grows while playing) */
	long framesWritten();

	/**
	 * Copies the newest {@code frames} frames into {@code into[c][0 .. frames)} for each channel {@code c} (oldest
	 * first), for views that show "now" (an analyser, a goniometer).
	 *
	 * @return the frames copied: {@code frames}, or fewer when fewer have been written
	 */
	int readLatest(float[][] into, int frames);

	/**
	 * Copies the frames written since the last {@code readNext} (at most {@code into[0].length}), for analysis that
	 * must see every frame once.
	 *
	 * @return the frames copied, 0 when none are new; negative when the reader fell behind and frames were lost
	 *         (its magnitude is the count lost; the next call goes on from the oldest frame still held)
	 */
	int readNext(float[][] into);

	/** Stops the copying for this tap. Idempotent. */
	@Override
	void close();
}
