package org.mixtree.effects.api;

import java.nio.file.Path;

/**
 * One processor instance of an effect, inserted on one channel. Lifecycle: {@link EffectFactory#create()} ->
 * {@link #setParameter}/{@link #loadState}/{@link #setFile} -> {@link #prepare} -> {@link #process}* (with {@link #reset} when
 * the host locates or restarts) -> {@link #prepare} again when the setup changes -> {@link #release}.
 * <p>
 * The host owns bypass (a click-free crossfade that keeps this effect's latency), solo, mute and the gain
 * staging around it; the effect only processes. A processor that throws or outputs NaN/Inf is bypassed by the
 * host and reported.
 */
public interface Effect {

	/** [any] The descriptor of the factory that made this processor. */
	EffectDescriptor descriptor();

	/**
	 * [main] Makes the processor ready for {@code setup}: the one place that allocates (buffers, delay lines,
	 * FFT plans, tables). Called before the first {@link #process} and whenever the setup changes; keeps
	 * parameter values, clears the audio state as {@link #reset} does.
	 */
	void prepare(ProcessSetup setup);

	/**
	 * [main] Sets a parameter while the processor is not processing (before {@link #prepare}, between renders,
	 * when a session is loaded). The new value applies at once, without smoothing. During processing the host
	 * sends changes as events in the {@link ProcessBlock} instead.
	 *
	 * @param index index into {@link EffectDescriptor#parameters()}
	 * @param value a value the parameter {@linkplain ParameterDescriptor#accepts accepts}
	 */
	void setParameter(int index, double value);

	/** [any] The current value of parameter {@code index} (the target of any smoothing in progress). */
	double getParameter(int index);

	/**
	 * [main, not processing] Loads the file {@code id} of {@link EffectDescriptor#files()} (an impulse response, say)
	 * and uses it from now on; null forgets it. Called after {@link EffectFactory#create()} and
	 * {@link #loadState}, before {@link #prepare}; a host may call it again between renders (then the effect may
	 * rebuild what prepare made, clearing its audio state) but never while the processor is processing, and never
	 * on the audio thread. The file is the host's: it stores the path with the session, so the path is not part
	 * of {@link #saveState()}. Setting a file does not change parameters; the host moves
	 * {@link FileParameter#choice()} itself.
	 * <p>
	 * The default refuses every id: an effect that declares files overrides this and {@link #getFile}.
	 *
	 * @throws IllegalArgumentException with a one-line message naming the file when it cannot be read or is not
	 *                                  usable (not audio, too long, ...), or naming the id when the effect has
	 *                                  no such file; the file set before is kept
	 * @since 1.1
	 */
	default void setFile(String id, Path file) {
		throw new IllegalArgumentException(descriptor().id() + " has no file '" + id + "'");
	}

	/**
	 * [main] The file {@code id} in use (set by {@link #setFile}, or by a state of an older version of the effect
	 * that stored paths), or null for none.
	 *
	 * @since 1.1
	 */
	default Path getFile(String id) {
		return null;
	}

	/**
	 * [audio] Processes {@code block.frames()} frames in place. Applies the block's parameter events at their
	 * offsets, smoothing continuous parameters so changes make no zipper noise. Must not allocate, lock, block,
	 * log or touch files; output is the same whatever the block sizes the input is cut into.
	 */
	void process(ProcessBlock block);

	/**
	 * [audio] Clears the audio state (delay lines, envelopes, filter memories, tails) so that silence in gives
	 * silence out at once; parameters are kept and their smoothing jumps to the targets. No allocation.
	 */
	void reset();

	/** [any, after prepare] Delay the processor adds, in samples; the host compensates parallel paths. */
	int latencySamples();

	/**
	 * [any, after prepare] How long, in samples, output can go on after the input falls silent (a delay's
	 * echoes, a reverb's decay); 0 for none. The offline renderer renders this long past the end.
	 */
	long tailSamples();

	/**
	 * [main] The processor's whole state (parameter values and anything else that shapes its output, such as a
	 * loaded impulse response name), versioned by the effect so a later version can read it. Loading it into a
	 * fresh processor of the same effect reproduces identical output.
	 */
	byte[] saveState();

	/**
	 * [main] Restores a state written by {@link #saveState()} (this or an earlier version of the effect).
	 *
	 * @throws IllegalArgumentException with a one-line message when the state is not this effect's or is from a
	 *                                  newer, unknown version
	 */
	void loadState(byte[] state);

	/**
	 * [any] Gain reduction now applied, in dB (0 or positive), for the host's meters; effects that do not reduce
	 * gain return 0. Read by another thread than the audio thread: write it to a volatile field.
	 */
	default double gainReductionDb() {
		return 0;
	}

	/** [main] Frees what {@link #prepare} took; the processor is not used again. */
	default void release() {
	}
}
