package org.mixtree.engine.internal;

import java.io.IOException;

import org.mixtree.engine.GraphDescription.Source;

/** Opens the reader of a track's source at the mix rate. Called before rendering starts, never per block. */
@FunctionalInterface
public interface SourceOpener {

	/** @throws IOException naming the file when it cannot be opened */
	SourceReader open(Source source, int sampleRate) throws IOException;
}
