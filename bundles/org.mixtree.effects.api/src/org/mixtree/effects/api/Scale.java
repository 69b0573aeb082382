package org.mixtree.effects.api;

/** How a parameter's range is laid out on a control, and how it is smoothed. */
public enum Scale {
	/** evenly spaced; smoothed linearly (%, ms of a delay time...) */
	LINEAR,
	/** evenly spaced in log(value); smoothed multiplicatively (Hz, Q, ratio, times) */
	LOGARITHMIC,
	/** a level in dB, evenly spaced in dB; smoothed as gain (multiplicatively) */
	DECIBEL,
	/** one of {@link ParameterDescriptor#steps()}: the value is the step's index; never smoothed */
	ENUM,
	/** 0 or 1; never smoothed */
	BOOLEAN
}
