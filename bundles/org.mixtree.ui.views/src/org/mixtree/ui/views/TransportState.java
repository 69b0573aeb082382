package org.mixtree.ui.views;

/**
 * The transport as a view sees it: where playback is, whether it plays, the loop range. [any] Reads are lock-free
 * and current to about one audio block; {@link #locate} and {@link #setLoop} are [UI].
 */
public interface TransportState {
	/** @return the session's sample rate, frames per second */
	int sampleRate();

	/** @return the playhead in frames from the session's start */
	long positionFrames();

	/** @return the session's length in frames (its longest source) */
	long lengthFrames();

	boolean isPlaying();

	/** @return the loop range {start, end} in frames, or null when none is set */
	long[] loopRange();

	/** [UI] Moves the playhead (playing goes on from there). */
	void locate(long frame);

	/** [UI] Sets the loop range (end &gt; start), or clears it with {@code null}. */
	void setLoop(long[] range);
}
