package org.mixtree.engine;

/**
 * Told how far an offline render has come. Called on the thread that called {@link Engine#render}, between
 * blocks, at most a few hundred times per render, so it may update a progress bar directly but should not
 * block.
 */
@FunctionalInterface
public interface RenderProgress {

	/** A listener that ignores progress. */
	RenderProgress NONE = fraction -> {
	};

	/** @param fraction the part of the render done, 0 to 1; 1 is reported once, when the audio is complete */
	void progress(double fraction);
}
