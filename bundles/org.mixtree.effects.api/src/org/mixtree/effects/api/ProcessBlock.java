package org.mixtree.effects.api;

/**
 * One block of audio for {@link Effect#process}: planar float channels processed in place, an optional
 * sidechain, and the parameter changes that fall inside the block, each at a sample offset.
 * <p>
 * The host owns and reuses this object and its arrays: an effect reads them only during {@code process} and
 * keeps no reference. Nothing here allocates.
 */
public final class ProcessBlock {

	private final float[][] audio;
	private float[][] sidechain;
	private int offset;
	private int frames;

	private final int[] eventOffset;
	private final int[] eventParameter;
	private final double[] eventValue;
	private int eventCount;

	/**
	 * [main] A block for {@code channels} channels of up to {@code maxFrames} frames that can carry up to
	 * {@code maxEvents} parameter events.
	 */
	public ProcessBlock(int channels, int maxFrames, int maxEvents) {
		this(new float[channels][maxFrames], maxEvents);
	}

	/** [main] A block over the host's own channel buffers. */
	public ProcessBlock(float[][] buffers, int maxEvents) {
		this.audio = buffers;
		this.eventOffset = new int[maxEvents];
		this.eventParameter = new int[maxEvents];
		this.eventValue = new double[maxEvents];
		this.frames = buffers.length == 0 ? 0 : buffers[0].length;
	}

	/** @return the channel buffers; a block's samples are {@code audio()[ch][offset() .. offset() + frames())} */
	public float[][] audio() {
		return audio;
	}

	/** @return the sidechain channels over the same frames, or null when none is connected */
	public float[][] sidechain() {
		return sidechain;
	}

	public int offset() {
		return offset;
	}

	public int frames() {
		return frames;
	}

	public int channels() {
		return audio.length;
	}

	/** @return number of parameter events in this block, in non-decreasing offset order */
	public int eventCount() {
		return eventCount;
	}

	/** @return the sample offset (0 .. frames-1, relative to {@link #offset()}) of event {@code i} */
	public int eventOffset(int i) {
		return eventOffset[i];
	}

	/** @return the parameter index ({@link EffectDescriptor#parameters()}) of event {@code i} */
	public int eventParameter(int i) {
		return eventParameter[i];
	}

	/** @return the new value of event {@code i}, in the parameter's unit, within its range */
	public double eventValue(int i) {
		return eventValue[i];
	}

	// ---------------------------------------------------------------------------------- host side

	/** [audio, host] Sets the frames of the next process call and clears the events. */
	public void set(int offset, int frames, float[][] sidechain) {
		this.offset = offset;
		this.frames = frames;
		this.sidechain = sidechain;
		this.eventCount = 0;
	}

	/**
	 * [audio, host] Adds a parameter event; events must be added in non-decreasing offset order.
	 *
	 * @return false when the block's event capacity is full (the event is dropped)
	 */
	public boolean addEvent(int sampleOffset, int parameterIndex, double value) {
		if (eventCount == eventOffset.length) {
			return false;
		}
		eventOffset[eventCount] = sampleOffset;
		eventParameter[eventCount] = parameterIndex;
		eventValue[eventCount] = value;
		eventCount++;
		return true;
	}
}
