package org.mixtree.effects.api;

/** Whether the host plays in real time or renders offline: an effect may choose a costlier algorithm offline. */
public enum RenderMode {
	REALTIME, OFFLINE
}
